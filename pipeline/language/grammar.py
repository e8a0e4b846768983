"""How well a sequence of German words reads, from the Hanover Tagger's model (HanTa).

HanTa tags German with a hidden Markov model over part-of-speech tags (two tags of context) and
a morphological analysis of each word, all shipped with the package. Its `tag_sent` returns the
best tags but not how probable they are; `sequence_logprob` walks the same tables and returns the
log-probability of the best tag path, so two orders of the same words can be compared: 'Schulen
und öffentlichen Gebäuden' reads better than 'Schulen öffentlichen und Gebäuden', and 'sehen die
Nutzer' far better than 'sehen die steht Nutzer'.

The model is loaded on first use (0.2 s), only by the stages that need it; its transition
table is kept in the cache folder, and so are the tags of every word asked (a WordTags table,
tags.py, which the caller passes: the run's lexicon.tags), so a rerun mostly does without it.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

from pipeline.cache import cached_table
from pipeline.language.tags import WordTags, model_key, tagger

TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*-?|[^\w\s]")
BEAM = 5  # states kept per word, as HanTa's own Viterbi does


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text)


@lru_cache(maxsize=1)
def transitions() -> tuple[dict, tuple[int, int, int, int]]:
    """HanTa's tag transition table and its (EMPTY, START, END, UNKNOWN) tags, kept in the cache
    folder: with every word's tags kept too, a run reads without loading the tagger (0.2 s)."""
    def from_model():
        from HanTa import HanoverTagger as H

        return [dict(tagger().LP_trans_word), (H.EMPTY, H.START, H.END, H.UNKNOWN)]

    table, marks = cached_table("hanta", model_key() + "-transitions", from_model, (dict, tuple))
    return table, tuple(marks)


def sequence_logprob(words: tuple[str, ...] | list[str], tags: WordTags) -> float:
    """Tokens -> the natural log-probability of their best tag path under HanTa's model (from the
    sentence start to its end). Only sequences of the same tokens, reordered or split otherwise,
    are comparable: every token costs."""
    trans, (empty, start, end, unknown_tag) = transitions()
    states = {(empty, start): 0.0}
    for i, word in enumerate(words):
        known = dict(tags.word_tags(word, i == 0))
        unknown = not known or set(known) == {unknown_tag}
        bound = sorted(states.values(), reverse=True)[BEAM] - 1 if len(states) > BEAM else -math.inf
        following: dict[tuple[int, int], float] = {}
        for state, logp in states.items():
            if logp < bound:
                continue
            row = trans[state]
            # a known word: only its own tags, looked up among the state's transitions (the same
            # scores as walking every transition; the order met does not change a maximum)
            steps = row.items() if unknown else ((tag, row[tag]) for tag in known if tag in row)
            for tag, transition in steps:
                if tag == end:
                    continue
                score = logp + transition + (0.0 if unknown else known[tag])
                key = (state[1], tag)
                if score > following.get(key, -math.inf):
                    following[key] = score
        states = following
        if not states:
            return -math.inf
    return max(logp + trans[state].get(end, -math.inf) for state, logp in states.items())


def disagreements(words: list[str] | tuple[str, ...]) -> int:
    """Tokens -> how many nouns stand after a determiner ('des', 'zum', 'viele' …) they cannot
    go with ('des Klimafolgen', 'die Schaden'); the phrase is read as the repair's agreement
    scorer reads it (nouns.determiner_before). A noun the paradigms do not know gives no
    evidence."""
    from pipeline.language.nouns import agrees, determiner_before, readings

    count = 0
    for i, word in enumerate(words):
        if i and word[:1].isupper():
            determiner, _ = determiner_before(words[max(0, i - 3) : i])
            count += determiner is not None and agrees(determiner, readings(word)) is False
    return count


ATTRIBUTIVE = "ADJ(A)"
NOUN_READINGS = {"ADJ(A)", "NNA", "NN"}  # a lower-case form may be tagged as if it were capitalised
NOUN_COORDINATORS = {"und", "oder", "sowie"}  # "konkrete und Lösungen": a noun after them is not the adjective's


def stranded_adjectives(words: list[str] | tuple[str, ...], tags: WordTags) -> int:
    """Tokens -> how many attributive adjectives ('konkrete', 'florierende': a lower-case form
    HanTa reads only as one) are followed by what cannot follow one: a sentence's end, a verb, an
    article, or 'und' and a noun ('konkrete und Lösungen'). Between them would stand the noun."""
    count = 0
    for i, word in enumerate(words[:-1]):
        if not (word.isalpha() and word.islower()) or (i and words[i - 1] == "am"):
            continue  # 'am dringendsten': a superlative after 'am' is no attribute
        names = tags.tag_names(word)
        if not names or names[0] != ATTRIBUTIVE or not set(names) <= NOUN_READINGS:
            continue
        following = words[i + 1]
        tag = tags.best_tag(following) or ""
        after_coordinator = (following in NOUN_COORDINATORS and i + 2 < len(words) and words[i + 2][:1].isupper()
                             and (tags.best_tag(words[i + 2]) or "") == "NN")
        count += following in (".", "!", "?") or tag.startswith("V") or tag == "ART" or after_coordinator
    return count
