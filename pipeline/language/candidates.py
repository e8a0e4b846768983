"""The readings the OCR confusion table gives a word.

Needs the table's rules (corrections.ConfusionRule; ConfusionTable). Produces every reading of a
word by non-overlapping substitutions (candidate_repairs: the umlaut repair's candidates, and a
place name's in records/places.py) and the rules that give a plain vowel its dots
(plain_vowel_rules).
"""
from __future__ import annotations

import itertools

from pipeline.corrections import ConfusionRule, ConfusionTable
from pipeline.language.lexicon import PLAIN_OF as PLAIN_VOWEL_OF


def candidate_repairs(token: str, confusions: list[ConfusionRule], max_subs: int, known: bool = False):
    """Yield (candidate, substitutions) for every combination of non-overlapping confusion matches."""
    matches = []
    for rule in confusions:
        if rule.only_unknown_words and known:
            continue
        start = 0
        while (pos := token.find(rule.find, start)) != -1:
            if rule.at == "any" or (rule.at == "start") == (pos == 0):
                matches.append((pos, rule))
            start = pos + 1
    for n in range(1, max_subs + 1):
        for combo in itertools.combinations(sorted(matches, key=lambda x: x[0]), n):
            spans = [(p, p + len(r.find)) for p, r in combo]
            if any(a[1] > b[0] for a, b in zip(spans, spans[1:])):
                continue
            out, last = [], 0
            for p, r in combo:
                out += [token[last:p], r.replace]
                last = p + len(r.find)
            out.append(token[last:])
            yield "".join(out), combo


def plain_vowel_rules(confusions: ConfusionTable) -> dict[str, ConfusionRule]:
    """The confusion rules that restore a plain vowel's dots ('a' -> 'ä', 'U' -> 'Ü'), by the
    letter they replace: the sentence and the compound steps try these on real words."""
    return {r.find: r for r in confusions.rules if PLAIN_VOWEL_OF.get(r.replace) == r.find}
