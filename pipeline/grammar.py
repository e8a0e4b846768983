"""How well a sequence of German words reads, from the Hanover Tagger's model (HanTa).

HanTa tags German with a hidden Markov model over part-of-speech tags (two tags of context) and
a morphological analysis of each word, all shipped with the package. Its `tag_sent` returns the
best tags but not how probable they are; `sequence_logprob` walks the same tables and returns the
log-probability of the best tag path, so two orders of the same words can be compared: 'Schulen
und öffentlichen Gebäuden' reads better than 'Schulen öffentlichen und Gebäuden', and 'sehen die
Nutzer' far better than 'sehen die steht Nutzer'.

The model is loaded on first use (about 0.1 s), only by the stages that need it.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*-?|[^\w\s]")
BEAM = 5  # states kept per word, as HanTa's own Viterbi does
WORD_CUTOFF = 5  # tags within this many nats of a word's best tag, as HanTa's tag_sent


@lru_cache(maxsize=1)
def tagger():
    from HanTa import HanoverTagger

    return HanoverTagger.HanoverTagger("morphmodel_ger.pgz")


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text)


@lru_cache(maxsize=65536)
def word_tags(word: str, first: bool) -> tuple[tuple[int, float], ...]:
    """A word's tags with log p(tag | word) / p(tag); capitalisation counts except sentence-first."""
    return tuple(tagger()._tag_word(word, cutoff=WORD_CUTOFF, casesensitive=not first, conditional=True))


def sequence_logprob(words: tuple[str, ...] | list[str]) -> float:
    """Tokens -> the natural log-probability of their best tag path under HanTa's model (from the
    sentence start to its end). Only sequences of the same tokens, reordered or split otherwise,
    are comparable: every token costs."""
    from HanTa import HanoverTagger as H

    model = tagger()
    states = {(H.EMPTY, H.START): 0.0}
    for i, word in enumerate(words):
        known = dict(word_tags(word, i == 0))
        unknown = not known or set(known) == {H.UNKNOWN}
        bound = sorted(states.values(), reverse=True)[BEAM] - 1 if len(states) > BEAM else -math.inf
        following: dict[tuple[int, int], float] = {}
        for state, logp in states.items():
            if logp < bound:
                continue
            for tag, transition in model.LP_trans_word[state].items():
                if tag == H.END or (not unknown and tag not in known):
                    continue
                score = logp + transition + (0.0 if unknown else known[tag])
                key = (state[1], tag)
                if score > following.get(key, -math.inf):
                    following[key] = score
        states = following
        if not states:
            return -math.inf
    return max(logp + model.LP_trans_word[state].get(H.END, -math.inf) for state, logp in states.items())


def text_logprob(text: str) -> float:
    return sequence_logprob(tuple(tokens(text)))


def disagreements(words: list[str] | tuple[str, ...]) -> int:
    """Tokens -> how many nouns stand after a determiner ('des', 'zum', 'viele' …) they cannot
    go with ('des Klimafolgen', 'die Schaden'); the phrase is read as the repair's agreement
    scorer reads it (evidence.determiner_before). A noun the paradigms do not know gives no
    evidence."""
    from .evidence import determiner_before
    from .nouns import agrees, readings

    count = 0
    for i, word in enumerate(words):
        if i and word[:1].isupper():
            determiner, _ = determiner_before(words[max(0, i - 3) : i])
            count += determiner is not None and agrees(determiner, readings(word)) is False
    return count
