"""Damaged text: a repair that makes a compound no list holds, checked by its nouns.

Needs the (word, verdict) pairs found so far, the word lists (noun paradigms), the confusion
table and the thresholds. Produces the pairs where a capitalised repair that is no listed word
and no compound of nouns is withdrawn, if the word as read is one, or given one more umlaut, if
exactly one makes it such a word (with_compound_heads).
"""
from __future__ import annotations

from dataclasses import replace

from pipeline.corrections import ConfusionTable
from pipeline.language.candidates import plain_vowel_rules
from pipeline.language.lexicon import Lexicon
from pipeline.language.nouns import of_nouns
from pipeline.repair.settings import RepairSettings
from pipeline.repair.verdict import Verdict


def with_compound_heads(found: list, lexicon: Lexicon, confusions: ConfusionTable, settings: RepairSettings) -> list:
    """`found` (word, verdict) pairs, where a repair is a capitalised word no list holds and no
    compound of nouns: if the word as read is one ('Feuchte|sensoren', not 'Feuchtesensören'),
    it stays (a suggestion); if one more umlaut makes the repair a listed word or a compound of
    nouns ('Zählerstanden' -> 'Zähler|ständen', 'Füllstande' -> 'Füllstände'), and only one
    does, the OCR lost two umlauts. A compound's head is a noun. The noun paradigms load only for
    such repairs."""
    plain_rules = plain_vowel_rules(confusions)
    return [(m, compound_verdict(m.group(), v, plain_rules, lexicon, settings)) for m, v in found]


def compound_verdict(token: str, v: Verdict, plain_rules: dict, lexicon: Lexicon, settings: RepairSettings) -> Verdict:
    """with_compound_heads for one word."""
    word = v.candidate
    if not (v.applied and word[:1].isupper() and word.isalpha() and lexicon.direct(word.lower()) == 0) or of_nouns(word):
        return v
    if of_nouns(token):
        return replace(v, applied=False, confidence=min(v.confidence, round(1 - settings.context_confidence, 2)),
                       ground="compound-of-nouns", reason=f"compound-head: '{token}' is a compound of nouns, '{word}' is none")
    others = [(j, word[:j] + plain_rules[c].replace + word[j + 1:]) for j, c in enumerate(word) if j and c in plain_rules]
    others = [(j, other) for j, other in others if lexicon.direct(other.lower()) > 0 or of_nouns(other)]
    if len(others) != 1:
        return v
    j, other = others[0]
    kind = "a listed word" if lexicon.direct(other.lower()) else "a compound of nouns"
    reason = f"compound-head: '{other}' is {kind}, '{word}' is none" + (f"; {v.reason}" if v.reason else "")
    subs = tuple(sorted(v.subs + ((position_in_token(v.subs, j), plain_rules[word[j]]),), key=lambda s: s[0]))
    return Verdict(other, subs, settings.context_confidence, True, lexicon.zipf(other) - lexicon.zipf(token),
                   "compound-of-nouns", reason)


def position_in_token(subs: tuple, j: int) -> int:
    """Where letter `j` of a repair stood in the word as read, given the substitutions made
    ('ii' -> 'ü' shortens the word by one)."""
    shift = 0
    for pos, rule in sorted(subs, key=lambda s: s[0]):
        if pos - shift >= j:
            break
        shift += len(rule.find) - len(rule.replace)
    return j + shift
