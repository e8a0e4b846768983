"""One word judged by the word lists alone: the first verdict of the umlaut repair.

Needs a word as read, the word lists (Lexicon: wordfreq, the spelling list, compound estimates),
the confusion table and the thresholds. Produces the most likely repair and whether the lists
suffice to apply it (best_repair: a Candidate from the confusion table -> WordListEvidence
against the word as read -> a Verdict, 'unknown-word', 'more-frequent' or a suggestion,
'real-word-conflict'; else a dropped letter, dropped.py), and a word's readings the word list
holds (listed_readings), which the later steps choose among.
"""
from __future__ import annotations

import math
import os
from dataclasses import dataclass

from pipeline.corrections import ConfusionTable
from pipeline.language.candidates import candidate_repairs
from pipeline.language.lexicon import MIN_PART, MIN_PART_ZIPF, Lexicon
from pipeline.language.nouns import head_of
from pipeline.repair.dropped import dropped_letter_verdict
from pipeline.repair.settings import DEFAULT_SETTINGS, RepairSettings
from pipeline.repair.verdict import Verdict
from pipeline.repair.words import MIXED_CASE, UMLAUT_CHARS


@dataclass(frozen=True)
class Candidate:
    """The repair the confusion table proposes for a word: its Zipf (`score`: a compound's estimate
    where no list holds it; `listed`: 0 then) and why it was chosen among ones alike (`note`)."""

    word: str
    subs: tuple
    score: float
    listed: float
    note: str = ""


@dataclass(frozen=True)
class WordListEvidence:
    """What the word lists say of a repair against the word as read: the word's Zipf where a list
    holds it (`read_listed`) or its compound estimate (`read_score`), and how much commoner the
    repair is (`gain`; as written where the spelling list knows both: `spelled`)."""

    read_listed: float
    read_score: float
    gain: float
    spelled: bool


def best_repair(token: str, lexicon: Lexicon, confusions: ConfusionTable, damaged: bool,
                settings: RepairSettings = DEFAULT_SETTINGS, at_sentence_start: bool = True) -> Verdict | None:
    """The most likely German word behind `token`, and whether the word lists suffice to apply it:
    a candidate from the confusion table (best_candidate) -> what the word lists say of it against
    the word as read (word_list_evidence) -> a decision with a confidence (word_list_verdict); in
    damaged text, where that finds no listed word, a letter the OCR left out (dropped_letter_verdict).
    The sentence's and the document's evidence are weighed after it (repair_umlauts)."""
    if not settings.min_word_length <= len(token) <= settings.max_word_length or token.isdigit() \
            or UMLAUT_CHARS & set(token):
        return None
    if len(token) == 2 and not (token.isalpha() and token[0].isupper()):
        return None  # 'am', 'zu', 'K6': a small word of two letters, or a code, is what it reads
    read_listed = lexicon.direct(token.lower())
    # a word the lexicon lists is scored as listed: compound readings of OCR noise
    # ('ein|kaufe') must not make it look more German than it is
    read_score = read_listed or lexicon.zipf(token)
    if not damaged and read_score > 0:
        return None  # intact text: only words the lexicon does not know are repaired
    candidate = best_candidate(token, read_listed >= settings.listed_word_zipf, lexicon, confusions, damaged,
                               settings, at_sentence_start)
    found = None
    if candidate is not None:
        evidence = word_list_evidence(token, candidate, read_listed, read_score, lexicon, settings)
        found = word_list_verdict(token, candidate, evidence, damaged, lexicon, settings)
    if damaged and (found is None or lexicon.direct(found.candidate.lower()) == 0):
        # no repair, or one no list holds ('Grostädten'): a dropped letter may explain the word better
        dropped = dropped_letter_verdict(token, read_listed, lexicon, confusions, settings)
        if dropped is not None and (found is None or lexicon.zipf(dropped.candidate) > lexicon.zipf(found.candidate)):
            return dropped
    return found


def best_candidate(token: str, known: bool, lexicon: Lexicon, confusions: ConfusionTable, damaged: bool,
                   settings: RepairSettings, at_sentence_start: bool) -> Candidate | None:
    """The confusion table's readings of `token` (a word the lexicon `known`s is spared the rules
    for unknown words) -> the commonest, a substitution beyond the first costing
    extra_substitution_cost; of capitalised compounds scoring close, the one with the commoner
    head (by_head); of ones alike, the one whose case fits."""
    # no case mixed inside: all lower case after the first letter needs no pattern (a hundred thousand candidates a run)
    options = [(candidate, subs) for candidate, subs in candidate_repairs(token, confusions.rules, settings.max_substitutions, known)
               if candidate.isalpha() and (candidate[1:].islower() or not MIXED_CASE.search(candidate) or candidate.isupper())]
    # a word the lexicon lists beats a compound reading of another candidate: where one is
    # listed, the others' compound readings need not be estimated
    direct, least = lexicon.direct, settings.listed_word_zipf
    listed = [direct(candidate.lower()) >= least for candidate, _ in options]
    if any(listed):
        options = [o for o, l in zip(options, listed) if l]
    if not options:
        return None
    ranked = [(score - settings.extra_substitution_cost * (len(subs) - 1), score, candidate, tuple(subs))
              for candidate, subs in options for score in (lexicon.zipf(candidate),)]
    top = max(r[0] for r in ranked)
    tied = [r for r in ranked if r[0] == top]
    head_note = ""
    # nouns no list holds, scored alike by their weaker part (a verb form 'führe' scores as a
    # tail too): the commoner head as a noun first
    near = [r for r in ranked if r[0] >= top - settings.head_tie_window]
    if damaged and len(near) > 1 and top >= settings.min_candidate_zipf and token[:1].isupper() \
            and all(lexicon.direct(r[2].lower()) == 0 for r in near):
        tied, head_note = by_head(near, lexicon)

    # intact text has its case right; OCR's case is weighed (and the spelling list loaded) only when
    # damaged, and only between candidates that score alike
    def fits(candidate: str) -> bool:
        return (case_fits(candidate, lexicon, at_sentence_start, confusions, settings.small_word_zipf) if damaged
                else candidate[0].isupper() == token[0].isupper())

    _, score, word, subs = next((r for r in tied if fits(r[2])), tied[0]) if len(tied) > 1 else tied[0]
    return Candidate(word, subs, score, lexicon.direct(word.lower()), head_note if word == tied[0][2] else "")


def word_list_evidence(token: str, candidate: Candidate, read_listed: float, read_score: float, lexicon: Lexicon,
                       settings: RepairSettings) -> WordListEvidence:
    """How much commoner the repair is than the word as read. Both listed: what the lists know,
    not compound guesses, as written where the spelling list knows both forms (inside a sentence
    'spuren' is rare, 'Spuren' is not). The word as read unlisted: the changed part of a compound
    counts too ('nahversorgungs|raume'). The repair unlisted, the word listed: the compound must
    clearly beat the word, read as a compound too ('zukunfts|aufgabe' beats 'zukunfts|auf|gäbe')."""
    gain = candidate.score - read_score
    spelled = None
    if read_listed > 0 and candidate.listed > 0:
        spelled = spelling_gain(token, candidate.word, lexicon)
        gain = spelled if spelled is not None else candidate.listed - read_listed
    if read_listed == 0:
        gain = max(gain, compound_part_gain(token.lower(), candidate.word.lower(), lexicon))
    if candidate.listed == 0 and read_listed > 0:
        gain = candidate.score - max(read_score, lexicon.zipf(token))
        gain -= settings.damaged_min_gain_common - settings.damaged_min_gain_rare
    return WordListEvidence(read_listed, read_score, gain, spelled is not None)


def word_list_verdict(token: str, candidate: Candidate, evidence: WordListEvidence, damaged: bool, lexicon: Lexicon,
                      settings: RepairSettings) -> Verdict | None:
    """The decision on the word lists' evidence. A word as read that is no German word (a compound
    reading at best) is repaired ('unknown-word'); a real word only to a clearly commoner one
    ('more-frequent': damaged_min_gain_common for a common word, _rare for a rare one); one a
    little rarer or not much commoner is a suggestion ('real-word-conflict') that the sentence or
    the document may decide. Intact text: only unknown words, to common ones."""
    word, score, gain = candidate.word, candidate.score, evidence.gain
    if score < settings.min_candidate_zipf:
        return None
    if len(token) <= 3 and candidate.listed < settings.short_word_min_zipf:
        return None
    if len(token) == 2 and not lexicon.spelled(word) >= max(settings.two_letter_min_zipf, lexicon.spelled(token)):
        return None  # 'Ol': only a common word as written ('Öl'), commoner than the word as read

    def decided(confidence: float, applied: bool, ground: str) -> Verdict:
        return Verdict(word, candidate.subs, confidence, applied, gain, ground,
                       f"{ground}; {candidate.note}" if candidate.note else "")

    if not damaged:
        if evidence.read_score == 0 and score >= settings.intact_min_candidate_zipf:
            return decided(0.7, True, "unknown-word")
        return None
    if "ß" in word and candidate.listed == 0:
        return None  # wordfreq folds ß to ss: a compound reading of a ß form proves nothing
    listed_over_compound = (evidence.read_listed == 0 and candidate.listed >= settings.listed_over_compound_zipf
                            and candidate.listed >= evidence.read_score - settings.listed_over_compound_margin)
    if evidence.read_score == 0 or listed_over_compound:
        return decided(round(min(0.99, 0.6 + score / 10), 2), True, "unknown-word")
    # only a word the lexicon itself lists counts as common; compound scores are estimates
    common = evidence.read_listed >= settings.common_word_zipf
    needed = settings.damaged_min_gain_common if common else settings.damaged_min_gain_rare
    if gain >= needed:
        return decided(round(min(0.95, 0.5 + gain / 5), 2), True, "more-frequent")
    # wordfreq folds ß to ss: a ß form is weighed only where the spelling list tells them apart
    if gain >= settings.suggest_min_gain and score >= settings.suggest_min_candidate_zipf and ("ß" not in word or evidence.spelled):
        return decided(round(max(0.05, 0.3 + gain / 5), 2), False, "real-word-conflict")
    return None


def listed_readings(token: str, lexicon: Lexicon, confusions: ConfusionTable, settings: RepairSettings,
                    kept: dict[str, dict]) -> dict:
    """A word's readings by the confusion table that the word list holds, with no case mixed inside
    them -> every way of substitutions that makes each; `kept` holds them per word for the
    document, which repeats its words."""
    if token not in kept:
        readings: dict[str, list[tuple]] = {}
        for word, subs in candidate_repairs(token, confusions.rules, settings.max_substitutions):
            if word.isalpha() and not (MIXED_CASE.search(word) and not word.isupper()) \
                    and lexicon.direct(word.lower()) >= settings.listed_word_zipf:
                readings.setdefault(word, []).append(tuple(subs))
        kept[token] = readings
    return kept[token]


def compound_part_gain(original: str, candidate: str, lexicon: Lexicon) -> float:
    """How much more common the changed part of a compound becomes ('nahversorgungs|raume' ->
    '|räume'), cutting where the unchanged rest is a known word."""
    prefix = len(os.path.commonprefix([original, candidate]))
    suffix = len(os.path.commonprefix([original[::-1], candidate[::-1]]))
    best = float("-inf")
    for cut in range(MIN_PART, prefix + 1):  # unchanged head, changed tail
        if lexicon.zipf(candidate[:cut].removesuffix("s")) >= MIN_PART_ZIPF or lexicon.zipf(candidate[:cut]) >= MIN_PART_ZIPF:
            tail = lexicon.direct(candidate[cut:])
            if tail >= MIN_PART_ZIPF:
                best = max(best, tail - lexicon.direct(original[cut:]))
    for cut in range(MIN_PART, suffix + 1):  # changed head, unchanged tail
        if lexicon.direct(candidate[-cut:]) >= MIN_PART_ZIPF:
            head = lexicon.direct(candidate[:-cut].removesuffix("s")) or lexicon.direct(candidate[:-cut])
            if head >= MIN_PART_ZIPF:
                orig_head = original[:-cut]
                best = max(best, head - (lexicon.direct(orig_head.removesuffix("s")) or lexicon.direct(orig_head)))
    return best


def by_head(ranked: list, lexicon: Lexicon) -> tuple[list, str]:
    """Candidates (score, zipf, candidate, subs) that no list holds and score within
    head_tie_window of the best -> the one whose head (the noun form it ends in) German writes
    more often first ('See|fähre' before 'See|führe', whose verb form 'führe' made it score
    higher), then by score, and a note saying so when its head is the commonest. The noun
    paradigms load only for such candidates."""
    heads = {r[2]: head_of(r[2][0].upper() + r[2][1:]) for r in ranked}
    zipfs = {c: lexicon.spelled(h[1]) if h else 0.0 for c, h in heads.items()}
    ranked = sorted(ranked, key=lambda r: (-zipfs[r[2]], -r[0]))
    first, second = zipfs[ranked[0][2]], zipfs[ranked[1][2]]
    note = f"of compounds alike, its head '{heads[ranked[0][2]][1]}' is the commonest" if first > second else ""
    return ranked, note


def spelling_gain(token: str, candidate: str, lexicon: Lexicon) -> float | None:
    """Zipf of the candidate minus that of the word as read, both as written: ß counts, and so
    does case (inside a sentence a small 'spuren' is rare; a capital 'Erhält' is a verb at a
    sentence start, which German rarely has). None when the spelling list lacks either form."""
    if MIXED_CASE.search(token) and not token.isupper():
        token = token[0] + token[1:].lower()  # 'flieSen': a capital inside is the OCR's, not a spelling
    read, repaired = lexicon.spelled(token), lexicon.spelled(candidate)
    return repaired - read if read and repaired else None


def case_fits(candidate: str, lexicon: Lexicon, at_sentence_start: bool, confusions: ConfusionTable,
              small_word_zipf: float) -> bool:
    """OCR reads a small ü as 'U' ('Uber', 'Ubertragen'). At a sentence start a word is written
    capital. Inside a sentence the small spelling fits when German writes it more often than the
    capital one by more than the OCR's rate of capitals for small umlauts explains ('überfüllt',
    but 'Übergang', 'die Älteren'); where the spelling list lacks both, when it is a common word
    that does not look like a noun."""
    if candidate.isupper() or len(candidate) < 2:
        return True
    if at_sentence_start:
        return candidate[0].isupper()
    small, capital = candidate[0].lower() + candidate[1:], candidate[0].upper() + candidate[1:]
    small_zipf, capital_zipf = lexicon.spelled(small), lexicon.spelled(capital)
    if small_zipf or capital_zipf:
        rate = confusions.small_read_as_capital.get(small[0], 1.0)
        small_wins = small_zipf + math.log10(rate) > capital_zipf
    else:
        small_wins = lexicon.direct(small) >= small_word_zipf and not small.endswith(tuple(confusions.noun_suffixes))
    return candidate[0].islower() == small_wins
