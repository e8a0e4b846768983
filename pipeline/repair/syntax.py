"""Damaged text: what the words right around a word say of its form, before the scorers weigh it.

Needs the text as viewed, the (word, verdict) pairs found so far, the word lists (adjective
stems, noun paradigms, HanTa's tags), the confusion table and the thresholds. Produces the pairs
with two steps of the umlaut repair applied:
  with_stranded_adjectives  an adjective form where no noun can follow is a verb or comparative
                            that lost its umlaut ('zu starken.' -> 'zu stärken.'; ground 'syntax'),
                            and so is one after 'zu' that closes an infinitive clause
                            ('Resilienz zu starken, müssen wir')
  with_case_in_sentence     a repaired first umlaut takes the case its place calls for
                            ('der Offentliche Nahverkehr' -> 'öffentliche')
and the tests the document step reuses (adjective_without_noun, attributive_adjective).
"""
from __future__ import annotations

import re
from dataclasses import replace

from pipeline.corrections import ConfusionTable
from pipeline.language.candidates import plain_vowel_rules
from pipeline.language.lexicon import MIN_PART, MIN_PART_ZIPF, Lexicon
from pipeline.language.nouns import DETERMINERS, lemma_readings
from pipeline.repair.settings import RepairSettings
from pipeline.repair.verdict import Verdict
from pipeline.repair.words import HEAD_WORD_WINDOW, MIXED_CASE, TOKEN, sentence_start

# words after an adjective that may lead on to its noun ("starken und …", "hohe wie …")
LEADING_ON = {"und", "oder", "sowie", "bzw", "wie", "noch", "aber", "sondern"}
NEXT_TOKEN = re.compile(r"[ \t]*\n?[ \t]*([.!?;:,]|[^\W\d_]+)")
# an article or a relative pronoun opens a phrase of its own: no adjective before it goes with its noun
ARTICLES = ("der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines")
RELATIVE_OPENERS = ("der", "die", "das", "den", "dem", "denen", "deren", "dessen")
NUMBER_WORDS = ("vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf", "zwanzig",
                "hundert", "tausend")
# words that open a clause after a comma: what stands before the comma ended a phrase there
CLAUSE_OPENERS = {"und", "oder", "aber", "denn", "doch", "sondern", "weil", "dass", "wenn", "als", "ob", "obwohl",
                  "während", "da", "wo", "damit", "sodass", "wer", "was", "warum", "wann"}
WORD_BEFORE = re.compile(r"([^\W_]+)[ \t]*\n?[ \t]*$")
CLAUSE_END = re.compile(r"[.!?;:,]")
CLAUSE_WINDOW = 120  # characters looked ahead for a second 'zu' and its infinitive
ZU_INFINITIVE = re.compile(r"\bzu\s+([a-zäöüß]+)\b")
NEXT_WORD = re.compile(r"[ \t]*\n?[ \t]*[„“”\"»«‘’]?([^\W\d_]+)")


def with_stranded_adjectives(view: str, found: list, lexicon: Lexicon, confusions: ConfusionTable,
                             settings: RepairSettings) -> list:
    """`found` (word, verdict) pairs, plus or instead of a suggestion: a word read as an adjective
    where no noun can follow, repaired to its commonest umlaut reading (a plain vowel made
    umlaut), whatever the word as read scores."""
    by_start = {m.start(): (m, v) for m, v in found}
    plain_rules = plain_vowel_rules(confusions)
    for m in TOKEN.finditer(view):
        known = by_start.get(m.start())
        if (known is not None and known[1].applied) or not (stranded_adjective(view, m, lexicon, settings)
                                                              or infinitive_with_zu(view, m, lexicon)):
            continue
        token = m.group()
        options = [(lexicon.direct(token[:i] + plain_rules[c].replace + token[i + 1:]), i, plain_rules[c])
                   for i, c in enumerate(token) if c in plain_rules]
        zipf, pos, rule = max(options, default=(0.0, 0, None), key=lambda o: o[0])
        if rule is None or zipf < max(settings.suggest_min_candidate_zipf, lexicon.direct(token) - settings.syntax_max_rarer):
            continue  # the umlaut reading must not be far rarer than the word as read
        candidate = token[:pos] + rule.replace + token[pos + 1:]
        by_start[m.start()] = (m, Verdict(candidate, ((pos, rule),), settings.syntax_confidence, True,
                                          zipf - lexicon.direct(token), "syntax"))
    return [by_start[start] for start in sorted(by_start)]


def stranded_adjective(view: str, m, lexicon: Lexicon, settings: RepairSettings) -> bool:
    """An inflected adjective ('starken', 'alter') stands before a noun. Read where no noun can
    follow (a full stop, 'als', 'das', a comma before 'und' or 'weil', 'und' before a noun), it is
    no adjective: the OCR dropped an umlaut from a verb or a comparative ('stärken', 'älter').
    'und' or 'oder' before an adjective, another adjective or a comma before one may lead on to a
    noun, so those prove nothing."""
    return adjective_without_noun(view, m.start() + len(m.group()), m.group(), lexicon)


def infinitive_with_zu(view: str, m, lexicon: Lexicon) -> bool:
    """An adjective form in -en after 'zu' ('zu starken') is an infinitive that lost its umlaut
    ('zu stärken') where what follows closes the infinitive clause: a comma and a finite verb
    ('Resilienz zu starken, müssen wir'), or 'und'/'oder' and, later in the clause, another
    'zu' and an infinitive ('den Hub zu starken und so Potenziale zu nutzen'). Before a noun it
    stays ('zu starken Veränderungen')."""
    token = m.group()
    if not (token.islower() and token.endswith("en")) or word_before(view, m.start())[0] != "zu" \
            or lexicon.adjective_stem(token) is None:
        return False
    after = NEXT_TOKEN.match(view, m.end())
    if after is None:
        return False
    if after.group(1) == ",":
        verb = NEXT_TOKEN.match(view, after.end())
        word = verb.group(1) if verb is not None else ""
        return word.isalpha() and word.islower() and (lexicon.tags.best_tag(word) or "").startswith("V") \
            and any(t.endswith("(FIN)") for t in lexicon.tags.tag_names(word))
    if after.group(1) in ("und", "oder"):
        clause = CLAUSE_END.split(view[after.end() : after.end() + CLAUSE_WINDOW], maxsplit=1)[0]
        return any((lexicon.tags.best_tag(verb) or "").endswith("(INF)") and lexicon.adjective_stem(verb) is None
                   for verb in ZU_INFINITIVE.findall(clause))
    return False


def adjective_without_noun(view: str, end: int, word: str, lexicon: Lexicon) -> bool:
    """`word`, standing in `view` up to `end`, is an inflected adjective in -en or -er where no
    noun can follow (stranded_adjective)."""
    # -en and -er only: those are also verbs and comparatives; 'lange', 'andere' are also adverbs, pronouns
    if not word.islower() or not word.endswith(("en", "er")) or lexicon.adjective_stem(word) is None:
        return False
    after = NEXT_TOKEN.match(view, end)
    if after is None:
        return False
    following = after.group(1)
    if following == ",":  # 'wird alter, und', 'starken, die in …': a clause opens after the comma
        opener = NEXT_TOKEN.match(view, after.end())
        if opener is None or not (opener.group(1) in CLAUSE_OPENERS or opener.group(1) in RELATIVE_OPENERS):
            return False
        # 'schönen, aber teuren Häuser': a contrasting adjective leads on to the noun (a comma before
        # 'und' or 'oder' opens a clause: 'wird älter, und junge Menschen …')
        if opener.group(1) in ("aber", "doch", "sondern"):
            nxt = NEXT_TOKEN.match(view, opener.end())
            return nxt is None or nxt.group(1) in ARTICLES or lexicon.adjective_stem(nxt.group(1)) is None
        return True
    if following in ".!?;:":
        return True
    if following in LEADING_ON:  # 'starken aber das Vertrauen': an article opens a phrase of its own
        nxt = NEXT_TOKEN.match(view, after.end())
        if nxt is not None and nxt.group(1) in ARTICLES:
            return True
    if following in ("und", "oder", "sowie"):  # 'Ressourcen schonen und Beteiligung': a noun, no adjective, next
        noun = NEXT_TOKEN.match(view, after.end())
        return noun is not None and noun.group(1)[:1].isupper() and lexicon.adjective_stem(noun.group(1).lower()) is None
    return (following.islower() and following.isalpha() and following not in LEADING_ON
            and lexicon.adjective_stem(following) is None)


def attributive_adjective(view: str, m, lexicon: Lexicon) -> bool:
    """An inflected adjective form ('hoher', 'Starke') right before a capitalised word stands
    where an adjective belongs, before its noun: the reading as read is sound ('ein hoher Druck',
    not 'höher'). A verb before its object ('stärken Kommunen') looks the same, so this only keeps
    the word a suggestion."""
    token = m.group()
    if len(token) < 4 or MIXED_CASE.search(token) or not adjective_form(token.lower(), lexicon):
        return False
    after = NEXT_WORD.match(view, m.start() + len(token))
    return after is not None and after.group(1)[0].isupper()


def adjective_form(word: str, lexicon: Lexicon) -> bool:
    """An inflected adjective, or a compound ending in one ('grenz|nahe')."""
    return lexicon.adjective_stem(word) is not None or any(
        lexicon.direct(word[:cut]) >= MIN_PART_ZIPF and lexicon.adjective_stem(word[cut:]) is not None
        for cut in range(MIN_PART, len(word) - MIN_PART))


def with_case_in_sentence(view: str, found: list, lexicon: Lexicon, confusions: ConfusionTable) -> list:
    """`found` (word, verdict) pairs, with the case of a repaired first umlaut set by the words
    around it, where the OCR's capital says little ('Offentliche' for 'öffentliche'): inside a
    sentence an inflected adjective before a capitalised word stands before its noun and is
    written small ('der öffentliche Nahverkehr'), and so is a verb after a noun ('Kunden öffnen');
    a word after an article or a number is a noun when German has it as one ('neun Übergaben').
    The rule that reads the other case must be in the confusion table."""
    by_case = {(r.find, r.replace): r for r in confusions.rules}
    out = []
    for m, v in found:
        word = v.candidate
        first = v.subs[0] if v.subs else None
        if first is None or first[0] != 0 or word[:1].lower() not in "äöü" or sentence_start(view, m.start()):
            out.append((m, v))
            continue
        other = word[0].swapcase() + word[1:]
        rule = by_case.get((first[1].find, other[0]))
        if rule is not None and (small_before_noun(view, m, other, lexicon) or noun_after_determiner(view, m, other)
                                 or verb_after_noun(view, m, other, lexicon)):
            v = replace(v, candidate=other, subs=((0, rule),) + v.subs[1:],
                        reason=f"{v.reason or v.ground}; written {'small' if other[0].islower() else 'capital'} here")
        out.append((m, v))
    return out


def small_before_noun(view: str, m, small: str, lexicon: Lexicon) -> bool:
    """An inflected adjective, written small, before a capitalised word (its noun)."""
    if not small[0].islower() or lexicon.adjective_stem(small) is None:
        return False
    after = NEXT_WORD.match(view, m.start() + len(m.group()))
    return after is not None and after.group(1)[0].isupper()


def verb_after_noun(view: str, m, small: str, lexicon: Lexicon) -> bool:
    """A verb in -en, written small, right after a capitalised word ('mit dem Telefon öffnen lassen',
    'Kunden öffnen die Tür'): German uses a verb as a noun after an article or a preposition, not
    after a noun. Not where the capital form is a noun of its own ('Übergaben')."""
    if not (small[0].islower() and small.endswith("en")) or lemma_readings(small[0].upper() + small[1:]):
        return False
    before, start = word_before(view, m.start())
    return (before[:1].isupper() and before[1:].islower() and not sentence_start(view, start)
            and (lexicon.tags.best_tag(small) or "").startswith("VV"))


def noun_after_determiner(view: str, m, capital: str) -> bool:
    """A capitalised noun form after an article, a quantifier or a number ('neun Übergaben'), and
    before no capitalised word (which would be the noun: 'die übernehmende Kommune')."""
    if not capital[0].isupper() or not lemma_readings(capital):
        return False
    after = NEXT_WORD.match(view, m.start() + len(m.group()))
    if after is not None and after.group(1)[0].isupper():
        return False
    before = word_before(view, m.start())[0].lower()
    return before in DETERMINERS or before in NUMBER_WORDS or before.isdigit()


def word_before(view: str, pos: int) -> tuple[str, int]:
    """The word (letters or digits) right before `pos`, across a line break, and where it starts;
    ('', pos) where a sign stands between."""
    found = WORD_BEFORE.search(view, max(0, pos - HEAD_WORD_WINDOW), pos)
    return (found.group(1), found.start(1)) if found else ("", pos)
