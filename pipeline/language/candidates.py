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
    """Yield (candidate, substitutions) for every combination of non-overlapping confusion matches,
    fewer substitutions first, each combination in the order of its matches' places."""
    matches = []
    for rule in confusions:
        if rule.only_unknown_words and known:
            continue
        pos = token.find(rule.find)
        while pos != -1:
            if rule.at == "any" or (rule.at == "start") == (pos == 0):
                matches.append((pos, rule))
            pos = token.find(rule.find, pos + 1)
    matches.sort(key=lambda x: x[0])
    spans = [(p, p + len(r.find), r.replace) for p, r in matches]
    for n in range(1, max_subs + 1):
        for picked in itertools.combinations(range(len(matches)), n):
            out, last = [], 0
            for i in picked:
                start, end, replace = spans[i]
                if start < last:
                    break  # overlaps the match before it
                out += [token[last:start], replace]
                last = end
            else:
                out.append(token[last:])
                yield "".join(out), tuple(matches[i] for i in picked)


def plain_vowel_rules(confusions: ConfusionTable) -> dict[str, ConfusionRule]:
    """The confusion rules that restore a plain vowel's dots ('a' -> 'ä', 'U' -> 'Ü'), by the
    letter they replace: the sentence and the compound steps try these on real words."""
    return {r.find: r for r in confusions.rules if PLAIN_VOWEL_OF.get(r.replace) == r.find}
