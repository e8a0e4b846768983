"""An umlaut or ß the OCR left out ('Straen' -> 'Straßen', 'knnen' -> 'können').

Needs a word as read, the word lists (the spelling list's put-back index, the noun paradigms for
a compound's head), the confusion table and the thresholds. Produces a Verdict putting the letter
back (dropped_letter_verdict, ground 'dropped-letter'), its substitutions expressed on the
letters of the word as read (DroppedLetter, put_back_subs), or None.
"""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.corrections import ConfusionTable
from pipeline.language.candidates import plain_vowel_rules
from pipeline.language.lexicon import Lexicon, put_back_index
from pipeline.language.lexicon import PLAIN_OF as PLAIN_VOWEL_OF
from pipeline.language.nouns import MIN_HEAD, MIN_MODIFIER, noun_modifier
from pipeline.language.nouns import noun_table
from pipeline.repair.settings import RepairSettings
from pipeline.repair.verdict import Verdict
from pipeline.repair.words import UMLAUT_CHARS


@dataclass(frozen=True)
class DroppedLetter:
    """An umlaut or ß the OCR left out ('Straen', 'knnen'), as the substitution of the letter
    beside it ('a' -> 'aß'), so that the edit covers a letter of the word as read."""

    find: str
    replace: str
    letter: str

    @property
    def id(self) -> str:
        return f"dropped:{self.letter}"


def dropped_letter_verdict(token: str, read_listed: float, lexicon: Lexicon, confusions: ConfusionTable,
                           settings: RepairSettings) -> Verdict | None:
    """A word whose umlaut or ß the OCR dropped: the commonest word that reads so with one put back
    ('Straen' -> 'Straßen', 'ber' -> 'über'), at most one plain vowel also given its dots
    ('regelmaig' -> 'regelmäßig'), from the spelling list (lexicon.put_back_index); a capitalised
    compound of a noun and such a word by its head ('Quartiers|straßen'). The repair must be a
    common word as written and, where the word as read is listed (OCR noise gets into word lists
    too: 'knnen'), far commoner."""
    if len(token) < settings.dropped_min_length or not token.isalpha():
        return None
    word = put_back_index().get(token)
    zipf = lexicon.spelled(word) if word else 0.0
    if zipf < settings.dropped_min_zipf and token[:1].isupper():
        word, zipf = compound_put_back(token, lexicon)
    if word is None or zipf < settings.dropped_min_zipf or zipf - read_listed < settings.damaged_min_gain_common:
        return None
    subs = put_back_subs(token, word, plain_vowel_rules(confusions))
    if subs is None:
        return None
    return Verdict(word, subs, round(min(0.9, 0.4 + zipf / 10), 2), True, zipf - read_listed, "dropped-letter")


def compound_put_back(token: str, lexicon: Lexicon) -> tuple[str | None, float]:
    """A capitalised word read as a noun (a linking letter allowed) and a noun form whose umlaut or
    ß the OCR dropped -> the compound and its head's Zipf as written; not where the letter would go
    last (a word cut at a line end: 'Ressourcenscho-' is no 'Ressourcen|schoß')."""
    table, index = noun_table(), put_back_index()
    best: tuple[str | None, float] = (None, 0.0)
    for start in range(MIN_MODIFIER, len(token) - MIN_HEAD + 1):
        if not noun_modifier(token, start, table):
            continue
        head = index.get(token[start].upper() + token[start + 1 :])
        if head is None or head not in table or head[-1] != token[-1] or (zipf := lexicon.spelled(head)) <= best[1]:
            continue  # a head is a noun form ('Stadt|weit' is no 'Stadt|weißt')
        best = (token[:start] + head[0].lower() + head[1:], zipf)
    return best


def put_back_subs(token: str, word: str, plain_rules: dict) -> tuple | None:
    """The substitutions that make `word` of `token`: the letter put back, as a DroppedLetter on the
    letter beside it, and a plain vowel's dots."""
    if len(token) + 1 != len(word):
        return None
    for i in range(len(token) + 1):
        letter = word[i]
        if letter not in UMLAUT_CHARS:
            continue
        inserted = token[:i] + letter + token[i:]
        diffs = [j for j in range(len(word)) if inserted[j] != word[j]]
        if len(diffs) > 1 or diffs and PLAIN_VOWEL_OF.get(word[diffs[0]]) != inserted[diffs[0]]:
            continue
        vowel = [j if j < i else j - 1 for j in diffs]  # its place in the word as read
        if any(token[j] not in plain_rules for j in vowel):
            continue  # the confusion table has no rule giving that vowel its dots
        if i < len(token) and i not in vowel:
            put = (i, DroppedLetter(token[i], letter + token[i], letter))
        elif i > 0 and i - 1 not in vowel:
            put = (i - 1, DroppedLetter(token[i - 1], token[i - 1] + letter, letter))
        else:
            continue
        return tuple(sorted([put] + [(j, plain_rules[token[j]]) for j in vowel], key=lambda s: s[0]))
    return None
