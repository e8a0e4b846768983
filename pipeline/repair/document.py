"""Damaged text: the document's own evidence on the words the sentence did not decide.

Needs the text as viewed, the (word, verdict) pairs found so far, the word lists, the confusion
table, the thresholds and the listed readings kept per word. Produces the pairs after two steps
of the umlaut repair:
  with_reading_rates   a non-word's repair chosen among its listed readings by how often this
                       document's OCR misreads each letter so (ReadingRates, over its sure repairs)
  weighed_in_document  a suggestion applied where the document surely repaired a word of the
                       same stem ('family') or its OCR loses that letter so often that the repair
                       is the likelier reading ('document-rate'); a repair withdrawn where its
                       OCR seldom reads so, or where an adjective stands before its noun
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, replace

from pipeline.corrections import ConfusionRule, ConfusionTable
from pipeline.language.lexicon import Lexicon
from pipeline.language.lexicon import PLAIN_OF as PLAIN_VOWEL_OF
from pipeline.repair.evidence import SCORER_NAMES
from pipeline.repair.settings import RepairSettings
from pipeline.repair.syntax import adjective_without_noun, attributive_adjective
from pipeline.repair.verdict import Verdict
from pipeline.repair.word_lists import listed_readings
from pipeline.repair.words import TOKEN, UMLAUT_CHARS, _Shifted

CONTEXT_GROUNDS = (*SCORER_NAMES, "opposed-by-context")


@dataclass(frozen=True)
class ReadingRates:
    """How often this document's OCR read a German letter in a given way ('a' for 'ä', 'f' for
    'ß'), counted over the repairs it was sure of."""

    made: dict[str, int]  # 'ä' -> sure repairs that restored an 'ä'
    read: dict[tuple[str, str], int]  # ('a', 'ä') -> of those, read as 'a'
    min_evidence: int

    @classmethod
    def of(cls, verdicts: list[Verdict], settings: RepairSettings) -> "ReadingRates":
        made, read = {}, {}
        for v in verdicts:
            if v.sure:
                for _, rule in v.subs:
                    made[rule.replace] = made.get(rule.replace, 0) + 1
                    read[rule.find, rule.replace] = read.get((rule.find, rule.replace), 0) + 1
        return cls(made, read, settings.document_rate_min_evidence)

    def cost(self, subs: tuple) -> float | None:
        """-log10 of the chance that this OCR misread every substitution so: the Zipf points a
        repair must be commoner by to be the likelier reading; None below a minimum of evidence."""
        rates = [self.rate(rule) for _, rule in subs]
        return None if None in rates else -sum(math.log10(r) for r in rates)

    def rate(self, rule: ConfusionRule) -> float | None:
        """P(read as rule.find | the letter is rule.replace); None below a minimum of evidence."""
        made = self.made.get(rule.replace, 0)
        if made < self.min_evidence:
            return None
        return (self.read.get((rule.find, rule.replace), 0) + 1) / (made + 2)


def with_reading_rates(found: list, lexicon: Lexicon, confusions: ConfusionTable, settings: RepairSettings,
                       readings_kept: dict[str, dict]) -> list:
    """`found` (word, verdict) pairs, where a word as read that is no word has two listed repairs
    by different readings ('Héfen': 'Häfen' by 'é' for 'ä', 'Höfen' by 'é' for 'ö'): the word
    lists' choice is weighed by how often this document's OCR reads each letter so (ReadingRates),
    the repair's frequency times the chance of the misreading. It changes only where that makes
    another repair clearly likelier."""
    rates = ReadingRates.of([v for _, v in found], settings)
    replaces: dict[str, set[str]] = {}
    for rule in confusions.rules:
        replaces.setdefault(rule.find, set()).add(rule.replace.lower())
    ambiguous = [find for find, letters in replaces.items() if len(letters) > 1]  # 'é' for 'ö' or 'ä'
    weighed = []
    for m, v in found:
        if (v.applied and v.ground == "unknown-word" and not isinstance(m, _Shifted)
                and any(find in m.group() for find in ambiguous)):
            v = likelier_reading(m.group(), v, rates, lexicon, listed_readings(m.group(), lexicon, confusions, settings,
                                                                                readings_kept), settings)
        weighed.append((m, v))
    return weighed


def likelier_reading(token: str, v: Verdict, rates: "ReadingRates", lexicon: Lexicon, readings: dict,
                     settings: RepairSettings) -> Verdict:
    """with_reading_rates for one word, given its listed readings."""
    def likelihood(word: str, subs: tuple) -> float | None:
        cost = rates.cost(subs)
        if cost is None or lexicon.direct(word.lower()) < settings.listed_word_zipf:
            return None
        return (lexicon.spelled(word) or lexicon.direct(word.lower())) - cost

    chosen = likelihood(v.candidate, v.subs)
    if chosen is None:
        return v
    options = {}
    for word, ways in readings.items():
        if word != v.candidate and word[0].isupper() == v.candidate[0].isupper():
            for subs in ways:
                score = likelihood(word, subs)
                if score is not None and score > options.get(word, (float("-inf"),))[0]:
                    options[word] = (score, subs)
    if not options:
        return v
    word, (score, subs) = max(options.items(), key=lambda o: o[1][0])
    if score - chosen < settings.reading_rate_margin:
        return v
    return replace(v, candidate=word, subs=subs, reason=f"{v.reason or v.ground}; this document's OCR reads "
                   f"{', '.join(repr(r.find) for _, r in subs)} so often for {', '.join(repr(r.replace) for _, r in subs)} "
                   f"that '{word}' is likelier than '{v.candidate}'")


def weighed_in_document(view: str, found: list, lexicon: Lexicon, settings: RepairSettings) -> list:
    """`found` (word, verdict) pairs, weighed by the document where the sentence did not decide:
    an adjective form before a capitalised word stands where it belongs ('ein hoher Druck': the
    word as read stays, a suggestion); a suggestion is applied where a word of the same stem was
    surely repaired ('Burgerinnen' -> 'Bürgerinnen' makes 'Burger' 'Bürger': 'family'; more often
    than the document has words of the plain stem the word lists left alone: plain_kin), or where
    this OCR loses that letter so often that the repair is the likelier reading ('document-rate'),
    unless the repair would be an adjective where no noun can follow ('Gewässer schonen.': not
    'schönen')."""
    family = Counter(v.candidate.lower() for _, v in found if v.sure)
    judged = {m.start() for m, _ in found}
    left_alone = Counter(t.group().lower() for t in TOKEN.finditer(view) if t.start() not in judged)
    rates = ReadingRates.of([v for _, v in found], settings)
    weighed = []
    for m, v in found:
        end = m.start() + len(m.group())
        if v.ground in CONTEXT_GROUNDS:
            pass  # the sentence decided
        elif v.ground in ("real-word-conflict", "more-frequent") and attributive_adjective(view, m, lexicon):
            v = replace(v, applied=False, confidence=min(v.confidence, settings.syntax_confidence),
                        ground="real-word-conflict")
        elif not v.applied and v.ground == "real-word-conflict" and adjective_without_noun(view, end, v.candidate, lexicon) \
                and not adjective_without_noun(view, end, m.group(), lexicon):
            v = replace(v, reason=f"real-word-conflict; '{v.candidate}' would be an adjective where no noun can follow")
        elif v.applied and v.ground == "more-frequent" and m.group().islower() \
                and lexicon.direct(m.group()) >= settings.listed_word_zipf and seldom_read_so(v, rates):
            v = replace(v, applied=False, confidence=min(v.confidence, settings.document_rate_confidence),
                        ground="real-word-conflict", reason="real-word-conflict; this document's OCR seldom reads "
                        + ", ".join(f"'{r.replace}' as '{r.find}'" for _, r in v.subs))
        elif (not v.applied and v.ground == "real-word-conflict" and v.gain >= 0 and family_can_tell(v)
              and in_family(v.candidate, family, settings.family_min_stem) > plain_kin(
                  m.group(), v.candidate, left_alone, settings.family_min_stem) and not own_form(m.group(), lexicon)):
            v = replace(v, applied=True, confidence=settings.family_confidence, ground="family")
        elif not v.applied and v.ground == "real-word-conflict" and outweighs_document_rate(v, rates, settings.document_rate_min_gain):
            v = replace(v, applied=True, confidence=settings.document_rate_confidence, ground="document-rate")
        weighed.append((m, v))
    return weighed


def seldom_read_so(v: Verdict, rates: "ReadingRates") -> bool:
    """A real word repaired to a commoner one by a misreading of a letter's shape this document's
    OCR seldom makes ('dimmen' -> 'dämmen', where it reads 'ä' as 'i' once in a hundred): the
    word as read is likelier than the repair times the chance of that misreading (Zipf gain <=
    -log10(r)). Not for lost dots: the sure repairs that count the rates are of non-words, and
    the many real words that lost their dots ('schon' for 'schön') are not among them. Only for
    words written small: a capitalised one may be a name ('Firth' for 'Fürth'), which the word
    lists know poorly."""
    if not v.subs or any(PLAIN_VOWEL_OF.get(rule.replace) == rule.find for _, rule in v.subs):
        return False
    needed = rates.cost(v.subs)
    return needed is not None and v.gain <= needed


def outweighs_document_rate(v: Verdict, rates: ReadingRates, min_gain: float = 0.0) -> bool:
    """A real word that may have lost its umlaut (Plane/Pläne, Strafen/Straßen). If this
    document's OCR reads the letter that way with rate r, the repair is the likelier reading when
    it is more than 1/r times as frequent: Zipf gain > -log10(r), and at least `min_gain`. The
    word list knows no context, so such an edit has a low confidence and stays visible to the
    reviewer."""
    needed = rates.cost(v.subs)
    return bool(v.subs) and needed is not None and v.gain > needed and v.gain >= min_gain


def own_form(word: str, lexicon: Lexicon) -> bool:
    """A word that is a form of a lemma with an umlaut ('durften' of 'dürfen', 'konnten' of
    'können', as HanTa reads it): that family is its own, and says nothing of its dots."""
    return bool(UMLAUT_CHARS & set(lexicon.tags.lemma_of(word)))


def family_can_tell(v: Verdict) -> bool:
    """Every substitution restores an umlaut's dots ('u' -> 'ü') or a ß (which has no plain twin:
    'Strafen' beside a surely repaired 'Straßenraum'); a family word is evidence of those, not of
    other misreadings ('misst' is no 'müsst' for a document that has 'müssen')."""
    return all(PLAIN_VOWEL_OF.get(rule.replace) == rule.find or rule.replace == "ß" for _, rule in v.subs)


def in_family(candidate: str, family: Counter, min_stem: int) -> int:
    """How many surely repaired words of the document (`family`, by their count) begin with this
    word's stem (Bürg- in Bürgerinnen; not Währ- in gewährleistet)? A participle's stem is read
    without its 'ge' (gefördert: Förd- in Förderung)."""
    word = candidate.lower()
    forms = (word, word[2:]) if word.startswith("ge") and len(word) - 2 >= min_stem + 2 else (word,)
    for form in forms:
        first = next((i for i, ch in enumerate(form) if ch in UMLAUT_CHARS), None)
        if first is None:
            continue
        stem = form[: max(min_stem, first + 3)]
        found = sum(n for other, n in family.items() if other.startswith(stem) and other != word)
        if found:
            return found
    return 0


def plain_kin(token: str, candidate: str, left_alone: Counter, min_stem: int) -> int:
    """How many words the word lists left alone (`left_alone`, by their count) begin with the
    word's stem as read ('Zahl' beside 'zahlt', whose family word 'Zähler' was surely repaired)?
    Where they are as many as the family words, both stems are the document's own (zahlen,
    zählen), and a family word cannot tell them apart."""
    word, read = candidate.lower(), token.lower()
    first = next((i for i, ch in enumerate(word) if ch in UMLAUT_CHARS), None)
    if first is None or len(word) != len(read):
        return 0
    stem = read[: max(min_stem, first + 3)]
    return sum(n for other, n in left_alone.items() if other.startswith(stem) and other != read)
