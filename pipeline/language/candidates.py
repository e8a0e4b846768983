"""The readings the OCR confusion table gives a word.

Needs the table's rules (corrections.ConfusionRule; ConfusionTable). Produces every reading of a
word by non-overlapping substitutions (candidate_repairs: the umlaut repair's candidates, and a
place name's in records/places.py) and the rules that give a plain vowel its dots
(plain_vowel_rules).
"""
from __future__ import annotations

from bisect import bisect_left

from pipeline.corrections import ConfusionRule, ConfusionTable
from pipeline.language.lexicon import PLAIN_OF as PLAIN_VOWEL_OF


def candidate_repairs(token: str, confusions: list[ConfusionRule], max_subs: int, known: bool = False):
    """Yield (candidate, substitutions) for every combination of non-overlapping confusion matches,
    fewer substitutions first, each combination in the order of its matches' places (the order of
    itertools.combinations over the matches, the overlapping ones left out); matches at one place
    in the order of their rules."""
    found = []
    by_letter = rules_by_first_letter(confusions)
    for letter in set(token):
        for index, find, at, only_unknown, rule in by_letter.get(letter, ()):
            if only_unknown and known:
                continue
            pos = token.find(find)
            while pos != -1:
                if at == "any" or (at == "start") == (pos == 0):
                    found.append((pos, index, rule))
                pos = token.find(find, pos + 1)
    if not found:
        return
    found.sort()  # by place, then by rule: (place, index) is unique, the rules are never compared
    matches = [(pos, rule) for pos, _, rule in found]
    spans = [(p, p + len(r.find), r.replace) for p, r in matches]
    # the first match each match can be followed by: the matches are in the order of their places
    starts = [span[0] for span in spans]
    after = [bisect_left(starts, end) for _, end, _ in spans]
    for n in range(1, max_subs + 1):
        yield from _combinations(token, matches, spans, after, n)


_BY_FIRST_LETTER: dict[int, tuple[list, dict]] = {}  # id of a rule list -> (the list, its rules by first letter)


def rules_by_first_letter(confusions: list[ConfusionRule]) -> dict[str, list[tuple]]:
    """The rules as (index, find, at, only_unknown_words, rule) by the first letter of what they
    find: a word is looked for only the rules that can match in it. Made once per rule list
    (the list is kept with it, so its id stays its own)."""
    kept = _BY_FIRST_LETTER.get(id(confusions))
    if kept is None or kept[0] is not confusions:
        if len(_BY_FIRST_LETTER) >= 8:
            _BY_FIRST_LETTER.clear()
        table: dict[str, list[tuple]] = {}
        for index, rule in enumerate(confusions):
            table.setdefault(rule.find[0], []).append((index, rule.find, rule.at, rule.only_unknown_words, rule))
        kept = _BY_FIRST_LETTER[id(confusions)] = (confusions, table)
    return kept[1]


def _combinations(token: str, matches: list, spans: list, after: list[int], n: int):
    """(candidate, substitutions) for the non-overlapping combinations of `n` matches, in
    lexicographic order of their indices: every combination with a match after the one before it
    ends (after[i])."""
    if n == 1:
        for match, (start, end, replace) in zip(matches, spans):
            yield token[:start] + replace + token[end:], (match,)
        return
    if n == 2:
        count = len(spans)
        for i, (start, end, replace) in enumerate(spans):
            head = token[:start] + replace
            for j in range(after[i], count):
                start2, end2, replace2 = spans[j]
                yield head + token[end:start2] + replace2 + token[end2:], (matches[i], matches[j])
        return

    def extend(picked: tuple[int, ...], first: int):
        if len(picked) == n:
            out, last = [], 0
            for i in picked:
                start, end, replace = spans[i]
                out += [token[last:start], replace]
                last = end
            out.append(token[last:])
            yield "".join(out), tuple(matches[i] for i in picked)
            return
        for i in range(first, len(spans)):
            yield from extend(picked + (i,), after[i])

    yield from extend((), 0)


def plain_vowel_rules(confusions: ConfusionTable) -> dict[str, ConfusionRule]:
    """The confusion rules that restore a plain vowel's dots ('a' -> 'ä', 'U' -> 'Ü'), by the
    letter they replace: the sentence and the compound steps try these on real words."""
    return {r.find: r for r in confusions.rules if PLAIN_VOWEL_OF.get(r.replace) == r.find}
