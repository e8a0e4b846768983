"""Clean stage: raw text -> Cleaned (cleaned text + ledger of every edit, with the rule that made it).

Fixers, each a pure function raw text -> list[Edit]:
  expand_ligatures       ﬁ -> fi, soft hyphens dropped
  undouble_characters    PPrroojjeekkttttiitteell -> Projekttitel (a PDF's fake bold: each glyph twice)
  normalise_quotes       ,,Wissen“ / ,Wissen* / »Wissen“ -> „Wissen“
  join_hyphenated_words  Modell-⏎projekte -> Modellprojekte; Smart-City-⏎Strategie keeps its hyphen;
                         Klimaschutz-⏎und keeps the suspended hyphen
  join_split_capitals    'V eranderung' -> 'Veranderung', 'W andel' -> 'Wandel' (OCR cut a capital off its word)
  join_split_eszett      'Maf nahme' -> 'Maßnahme', 'gro Se' -> 'große' (OCR read a ß as a gap)
  repair_umlauts         fiir -> für, GroRstadt -> Großstadt, kénnen -> können (confusion table +
                         German lexicon); real-word conflicts (fordern/fördern) are recorded as
                         suggestions and not applied, unless the document's own repairs show its
                         OCR misreads that letter so often that the repair is the likelier word
                         (Plane -> Pläne, schliefen -> schließen), or the word as read is an
                         adjective where no noun can follow ('zu starken.' -> 'zu stärken.').
                         A letter the OCR left out is put back ('Straen' -> 'Straßen', 'knnen' -> 'können').
                         Case and ß are judged as written (spaCy's German spelling list).
Every edit keeps raw offsets, so apply_edits(raw, ledger) == cleaned text.
"""
from __future__ import annotations

import itertools
import math
import os
import re
from collections import Counter
from dataclasses import dataclass, replace

from pipeline.corrections import ConfusionRule, ConfusionTable, Decision
from pipeline.edits import Edit, apply_edits_with_map, check_edits, merge_edits
from pipeline.repair.evidence import MODAL_INFINITIVES, MOOD_PAIRS, SCORER_NAMES, Context, evidence_for, judged_here
from pipeline.language.lexicon import MIN_PART, MIN_PART_ZIPF, Lexicon, put_back_index
from pipeline.language.lexicon import PLAIN_OF as PLAIN_VOWEL_OF
from pipeline.language.nouns import DETERMINERS, MIN_HEAD, MIN_MODIFIER, head_of, lemma_readings, noun_modifier, of_nouns
from pipeline.language.nouns import noun_readings as noun_table

LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st", "\u00ad": ""}
SUSPENDED_HYPHEN_NEXT = {"und", "oder", "bzw", "sowie", "bis", "als", "noch"}
UMLAUT_CHARS = set("äöüßÄÖÜ")
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
NEXT_WORD = re.compile(r"[ \t]*\n?[ \t]*[„“”\"»«‘’]?([^\W\d_]+)")
CONTEXT_GROUNDS = (*SCORER_NAMES, "opposed-by-context")
HEAD_WORD_WINDOW = 80  # characters looked back for the word before a line-end hyphen or a repaired word

# A word, with the symbols English OCR puts in place of umlauts inside it ("Mafinahmen",
# "{iber", "&ndern", "grof!").
TOKEN = re.compile(r"(?<![\w{&!@§$])[{&]?(?:[^\W_]|(?<=[^\W_])[&!{@§$](?=[^\W_]))+(?:(?<=f)!)?")
MIXED_CASE = re.compile(r"[^\W\d_][A-ZÄÖÜ]+[a-zäöüß]|[a-zäöüß][A-ZÄÖÜ]")
CAMEL = re.compile(r"(?:[A-ZÄÖÜ][^\W\dA-ZÄÖÜ_{&!@§$]+){2,}")
# a word cut where its ß stood, the ß read as a space with an 'f' or 'S' beside it or none
SPLIT_ESZETT = re.compile(r"(?=(?<![\w-])([^\W\d_]*[aeiouäöüy])(fS? S?|S? S?)([a-zäöü]+)(?![\w-]))")  # overlapping
QUOTED = re.compile(
    r"(?<![\w,])(?P<open>,,|„|,|~|»)(?=[\w#(])(?P<body>[^\n„“”\"«]{1,160}?(?:\n[^\n„“”\"«]{1,160}?)?)"
    r"(?P<close>\*”|\*®|“|”|\"|®|\*|«)(?![\w])"
)


@dataclass(frozen=True)
class RepairSettings:
    """Thresholds of the umlaut repair (Zipf scale of the lexicon)."""

    max_substitutions: int = 2
    extra_substitution_cost: float = 0.5
    head_tie_window: float = 0.5  # compounds scoring this close are told apart by their heads
    min_word_length: int = 2  # two letters: only a capitalised one is tried ("Ol": "Öl")
    two_letter_min_zipf: float = 4.0  # and only for a common word, as written
    listed_word_zipf: float = 1.5
    short_word_min_zipf: float = 3.0
    min_candidate_zipf: float = 1.0
    # Damaged text (English-model OCR, no umlauts left): an umlaut form wins on a small margin.
    damaged_min_gain_rare: float = 0.3
    damaged_min_gain_common: float = 1.5
    common_word_zipf: float = 3.0
    suggest_min_gain: float = -0.6
    suggest_min_candidate_zipf: float = 3.0
    # Intact text (a PDF text layer): only words the lexicon does not know are repaired.
    intact_min_candidate_zipf: float = 3.0
    listed_over_compound_zipf: float = 2.0
    listed_over_compound_margin: float = 1.0
    family_confidence: float = 0.6
    # A real-word conflict decided by how often the document's OCR drops that umlaut.
    document_rate_min_evidence: int = 10
    document_rate_confidence: float = 0.55
    # Where the word lists nearly tie ('zahlt' 4.3, 'zählt' 4.7) the rate makes a coin toss, and a
    # wrong change costs more than a miss (a reader trusts what the tool wrote): the repair must
    # be commoner by this much (Zipf), however often the OCR drops the dots.
    document_rate_min_gain: float = 0.5
    reading_rate_margin: float = 0.5  # Zipf: another repair of a non-word, likelier by the document's misreadings
    # An inflected adjective where no noun can follow: a verb or comparative that lost its umlaut.
    syntax_confidence: float = 0.55
    syntax_max_rarer: float = 1.0
    family_min_stem: int = 4
    small_word_zipf: float = 3.5  # inside a sentence such a word (not noun-like) is written small
    # Evidence from the sentence (evidence.py): its scorers' weights summed decide at this size.
    context_decides: float = 2.0
    context_confidence: float = 0.8
    rare_lemma_confidence: float = 0.55  # decided only once a rare lemma's forms were set aside
    split_rest_max_zipf: float = 1.5  # 'V eranderung': the rest must be no word of its own
    split_whole_min_zipf: float = 3.0  # 'W andel': or the whole a common capitalised word
    split_eszett_margin: float = 1.0  # 'gro en': 'großen' far commoner than either piece
    damaged_below_umlaut_share: float = 0.01
    # A letter the OCR dropped ('Straen'): the word put back must be common as written.
    dropped_min_length: int = 3
    dropped_min_zipf: float = 3.0


DEFAULT_SETTINGS = RepairSettings()


@dataclass(frozen=True)
class Cleaned:
    raw: str
    text: str
    edits: list[Edit]  # applied edits and unapplied suggestions, sorted by start
    origin: list[int]  # cleaned position -> raw position
    damaged: bool  # True when the text looks like English-model OCR of German
    unmatched: tuple[Decision, ...] = ()  # reviewer decisions that found nothing in this text

    def raw_offset(self, cleaned_pos: int) -> int:
        return self.origin[min(cleaned_pos, len(self.origin) - 1)]


def clean_text(
    raw: str,
    lexicon: Lexicon,
    confusions: ConfusionTable,
    settings: RepairSettings = DEFAULT_SETTINGS,
    decisions: list[Decision] = (),
) -> Cleaned:
    """Raw text -> Cleaned. A reviewer's decisions win over the rules: a rejected edit is kept
    in the ledger but not applied, an accepted one (a suggestion too) is applied."""
    layout = merge_edits(expand_ligatures(raw), undouble_characters(raw), join_hyphenated_words(raw),
                         join_split_capitals(raw, lexicon, settings), join_split_eszett(raw, lexicon, settings))
    view, view_origin = apply_edits_with_map(raw, layout)
    damaged = looks_damaged(view, settings)
    words = repair_umlauts(raw, view, view_origin, lexicon, confusions, damaged, settings)
    edits = merge_edits(layout, normalise_quotes(raw), words)
    unmatched: tuple[Decision, ...] = ()
    if decisions:
        edits, used = apply_decisions(edits, decisions)
        replayed = replay_accepted_series(raw, edits, [d for d in decisions if d.key not in used])
        edits = sorted(edits + replayed, key=lambda e: (e.start, e.end))
        used |= {f"series:{e.series}" for e in replayed}
        unmatched = tuple(d for d in decisions if d.key not in used)
    check_edits(raw, edits)
    text, origin = apply_edits_with_map(raw, edits)
    return Cleaned(raw, text, edits, origin, damaged, unmatched)


def apply_decisions(edits: list[Edit], decisions: list[Decision]) -> tuple[list[Edit], set[str]]:
    """Edit decisions first, then series decisions ('fiir -> für' covers every such edit).
    Returns the edits and the keys of the decisions that found an edit."""
    by_key = {d.key: d for d in decisions}
    out, used = [], set()
    for e in edits:
        d = by_key.get(f"edit:{e.id}") or by_key.get(f"series:{e.series}")
        if d is None:
            out.append(e)
            continue
        used.add(d.key)
        if d.decision == "accept":
            out.append(replace(e, applied=True, confidence=1.0, decision="accepted"))
        else:
            out.append(replace(e, applied=False, decision="rejected"))
    return out, used


def replay_accepted_series(raw: str, edits: list[Edit], decisions: list[Decision]) -> list[Edit]:
    """Edits for accepted word series ('Burger -> Bürger') that the rules no longer propose, so a
    reviewer's decision outlives a change of the rules: every whole-word occurrence that no other
    edit touches gets the reviewer's spelling."""
    taken = [(e.start, e.end) for e in edits]
    out = []
    for d in decisions:
        before, arrow, after = (d.series or "").partition(" -> ")
        if d.decision != "accept" or not arrow or not TOKEN.fullmatch(before) or not after or before == after:
            continue
        head = len(os.path.commonprefix([before, after]))
        tail = min(len(os.path.commonprefix([before[::-1], after[::-1]])), min(len(before), len(after)) - head)
        for m in re.finditer(rf"(?<![\w]){re.escape(before)}(?![\w])", raw):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            out.append(Edit(m.start() + head, m.end() - tail, before[head : len(before) - tail],
                            after[head : len(after) - tail], "reviewer:series", 1.0, True, before, after,
                            decision="accepted"))
    return out


def expand_ligatures(raw: str) -> list[Edit]:
    return [
        Edit(m.start(), m.end(), m.group(), LIGATURES[m.group()],
             "drop_soft_hyphen" if m.group() == "\u00ad" else "expand_ligature", 1.0)
        for m in re.finditer("[" + "".join(LIGATURES) + "]", raw)
    ]


def undouble_characters(raw: str) -> list[Edit]:
    """A word whose every character comes twice: a PDF that prints bold by drawing each glyph
    twice, read back by the text layer ('GGrrüünnee' -> 'Grüne')."""
    edits = []
    for m in re.finditer(r"\S{4,}", raw):
        token = m.group()
        if len(token) % 2 == 0 and token[0::2] == token[1::2] and sum(c.isalpha() for c in token[0::2]) >= 2:
            edits.append(Edit(m.start(), m.end(), token, token[0::2], "undouble_characters", 0.95))
    return edits


def join_hyphenated_words(raw: str) -> list[Edit]:
    """Line-end hyphens: join lower-case continuations, keep compounds and suspended hyphens."""
    edits = []
    for m in re.finditer(r"(?<=[^\W_])(-)([ \t]*\n(?:[ \t]*\n)?[ \t]*)(?=([^\W\d_][^\W_]*))", raw):
        following = m.group(3)
        head_word = re.search(r"[\w*]+$", raw[max(0, m.start() - HEAD_WORD_WINDOW) : m.start()])
        if following.lower() in SUSPENDED_HYPHEN_NEXT:
            continue
        if "\n\n" in m.group(2).replace(" ", "") and not following[0].islower():
            continue  # a paragraph ending in a dash, not a word cut by a page or column break
        if following[0].isupper() or (head_word and head_word.group().isupper()):
            edits.append(Edit(m.end(1), m.end(), m.group(2), "", "join_hyphenated_compound", 0.9))
        else:
            edits.append(Edit(m.start(), m.end(), m.group(), "", "join_hyphenated_word", 0.9))
    return edits


def join_split_capitals(raw: str, lexicon: Lexicon, settings: RepairSettings = DEFAULT_SETTINGS) -> list[Edit]:
    """'V eranderung' -> 'Veranderung': OCR cut a capital off its word, and the rest is no word
    of its own; or 'W andel' -> 'Wandel', 'V erfahren' -> 'Verfahren': the whole is a word that
    is written with a capital more often than without (a noun or name), so the lone letter
    was its first one ('B ist' stays: 'bist' is the commoner spelling)."""
    edits = []
    for m in re.finditer(r"(?<![\w.])([A-ZÄÖÜ])( )([a-zäöüé]{3,})", raw):
        whole = m.group(1) + m.group(3)
        if lexicon.direct(m.group(3)) < settings.split_rest_max_zipf:
            edits.append(Edit(m.start(2), m.end(2), " ", "", "join_split_capital", 0.8))
        elif lexicon.direct(whole) >= settings.split_whole_min_zipf and lexicon.spelled(whole) > lexicon.spelled(whole.lower()):
            edits.append(Edit(m.start(2), m.end(2), " ", "", "join_split_capital_noun", 0.7))
    return edits


def join_split_eszett(raw: str, lexicon: Lexicon, settings: RepairSettings = DEFAULT_SETTINGS) -> list[Edit]:
    """'gro en' -> 'großen', 'flief Sen' -> 'fließen', 'aufS erhalb' -> 'außerhalb': the OCR read
    a ß as a gap, with or without an 'f' or 'S' beside it. Joined, the two pieces must make a word
    German writes far more often than either piece."""
    edits = []
    for m in SPLIT_ESZETT.finditer(raw):
        left, gap, right = m.group(1), m.group(2), m.group(3)
        first, second = (left + gap + right).split(" ")
        as_read = min(lexicon.spelled(first), lexicon.spelled(second))  # two words only if both are words
        if lexicon.spelled(left + "ß" + right) >= max(settings.split_whole_min_zipf, as_read + settings.split_eszett_margin):
            edits.append(Edit(m.start(2), m.end(2), gap, "ß", "join_split_eszett", 0.8))
    return edits


def normalise_quotes(raw: str) -> list[Edit]:
    """OCR'd German quotes („ … “) read as ,, , ~ » and “ ” " * ® -> „ … “."""
    edits = []
    for m in QUOTED.finditer(raw):
        if m.group("open") == "»" and m.group("close") == "«":
            continue  # guillemets are a correct German style
        if m.group("open") != "„":
            edits.append(Edit(m.start("open"), m.end("open"), m.group("open"), "„", "normalise_opening_quote", 0.9))
        if m.group("close") != "“":
            edits.append(Edit(m.start("close"), m.end("close"), m.group("close"), "“", "normalise_closing_quote", 0.8))
    return edits


def looks_damaged(text: str, settings: RepairSettings = DEFAULT_SETTINGS) -> bool:
    """True when long words almost never carry an umlaut or ß (German prose: about 8 %)."""
    words = re.findall(r"[^\W\d_]{3,}", text)
    if not words:
        return True
    share = sum(1 for w in words if UMLAUT_CHARS & set(w)) / len(words)
    return share < settings.damaged_below_umlaut_share


@dataclass(frozen=True)
class Verdict:
    """What to do with one word: the repair, how sure, and on what ground."""

    candidate: str
    subs: tuple
    confidence: float
    applied: bool
    gain: float  # Zipf of the repair minus Zipf of the word as read
    ground: str  # unknown-word | more-frequent | family | document-rate | syntax | real-word-conflict,
    # or one of CONTEXT_GROUNDS: the sentence scorer that decided (evidence.SCORER_NAMES), or
    # opposed-by-context: the scorers found the word as read right (a suggestion only)
    reason: str = ""

    @property
    def sure(self) -> bool:
        """Applied on the word list alone: the evidence the document-level grounds build on."""
        return self.applied and self.ground in ("unknown-word", "more-frequent")


def repair_umlauts(
    raw: str,
    view: str,
    view_origin: list[int],
    lexicon: Lexicon,
    confusions: ConfusionTable,
    damaged: bool,
    settings: RepairSettings = DEFAULT_SETTINGS,
) -> list[Edit]:
    """Words of `view` (raw text with line-end hyphens joined) -> edits in raw offsets.

    Each word's repair is decided in one order, each step with its evidence named in the edit's
    reason: the word lists (best_repair: 'unknown-word', 'more-frequent', or a suggestion,
    'real-word-conflict'); then, in damaged text, where real words stand both ways (Burger/Bürger),
    an adjective form where no noun can follow ('syntax'), the sentence's scorers (evidence.py:
    'agreement', 'verb-mood' …), a compound's head ('compound-head'), and the document itself
    (weighed_in_document: 'family', 'document-rate'). What no step decides stays a suggestion
    for the reviewer."""
    decided: dict[tuple[str, bool], Verdict | None] = {}

    def verdict(token: str, pos: int) -> Verdict | None:
        key = (token, sentence_start(view, pos))
        if key not in decided:
            decided[key] = best_repair(token, lexicon, confusions, damaged, settings, key[1])
        return decided[key]

    found = list(word_parts(view, verdict))
    if damaged:
        found = with_stranded_adjectives(view, found, lexicon, confusions, settings)
        readings_kept: dict[str, dict] = {}  # a word's listed readings, asked by two steps
        found = weighed_in_context(view, found, lexicon, confusions, settings, readings_kept)
        found = with_case_in_sentence(view, found, lexicon, confusions)
        found = with_compound_heads(found, lexicon, confusions, settings)
        found = with_reading_rates(found, lexicon, confusions, settings, readings_kept)
        found = weighed_in_document(view, found, lexicon, settings)
    edits = []
    for m, v in found:
        token = m.group()
        for pos, rule in v.subs:
            vs, ve = m.start() + pos, m.start() + pos + len(rule.find)
            rs, re_ = view_origin[vs], view_origin[ve - 1] + 1
            if raw[rs:re_] != view[vs:ve]:
                continue  # the damaged letters straddle a joined line break
            edits.append(Edit(rs, re_, raw[rs:re_], rule.replace, f"umlaut:{rule.id}", v.confidence,
                              v.applied, token, v.candidate, reason=v.reason or v.ground))
    return edits


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
                  m.group(), v.candidate, left_alone, settings.family_min_stem) and not own_form(m.group())):
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


def outweighs_document_rate(v: Verdict, rates: ReadingRates, min_gain: float = 0.0) -> bool:
    """A real word that may have lost its umlaut (Plane/Pläne, Strafen/Straßen). If this
    document's OCR reads the letter that way with rate r, the repair is the likelier reading when
    it is more than 1/r times as frequent: Zipf gain > -log10(r), and at least `min_gain`. The
    word list knows no context, so such an edit has a low confidence and stays visible to the
    reviewer."""
    needed = rates.cost(v.subs)
    return bool(v.subs) and needed is not None and v.gain > needed and v.gain >= min_gain


def stranded_adjective(view: str, m, lexicon: Lexicon, settings: RepairSettings) -> bool:
    """An inflected adjective ('starken', 'alter') stands before a noun. Read where no noun can
    follow (a full stop, 'als', 'das', a comma before 'und' or 'weil', 'und' before a noun), it is
    no adjective: the OCR dropped an umlaut from a verb or a comparative ('stärken', 'älter').
    'und' or 'oder' before an adjective, another adjective or a comma before one may lead on to a
    noun, so those prove nothing."""
    return adjective_without_noun(view, m.start() + len(m.group()), m.group(), lexicon)


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


def plain_vowel_rules(confusions: ConfusionTable) -> dict[str, ConfusionRule]:
    """The confusion rules that restore a plain vowel's dots ('a' -> 'ä', 'U' -> 'Ü'), by the
    letter they replace: the sentence and the compound steps try these on real words."""
    return {r.find: r for r in confusions.rules if PLAIN_VOWEL_OF.get(r.replace) == r.find}


def with_stranded_adjectives(view: str, found: list, lexicon: Lexicon, confusions: ConfusionTable,
                             settings: RepairSettings) -> list:
    """`found` (word, verdict) pairs, plus or instead of a suggestion: a word read as an adjective
    where no noun can follow, repaired to its commonest umlaut reading (a plain vowel made
    umlaut), whatever the word as read scores."""
    by_start = {m.start(): (m, v) for m, v in found}
    plain_rules = plain_vowel_rules(confusions)
    for m in TOKEN.finditer(view):
        known = by_start.get(m.start())
        if (known is not None and known[1].applied) or not stranded_adjective(view, m, lexicon, settings):
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


def weighed_in_context(view: str, found: list, lexicon: Lexicon, confusions: ConfusionTable,
                       settings: RepairSettings, readings_kept: dict[str, dict]) -> list:
    """`found` (word, verdict) pairs, with the sentence's evidence (evidence.py) weighed where the
    word list left two real words: a repair the scorers support by CONTEXT_DECIDES or more is
    applied (its ground the scorer, its reason theirs); one they oppose as much is only
    suggested; a capitalised word after a determiner or preposition that the word list found
    no repair for is tried with its dots restored ('die Schaden' -> 'Schäden'); a word as read
    that is no word may take another of its readings (other_reading). Only words the scorers can
    judge are looked at, so the noun paradigms load only for them."""
    by_start = {m.start(): (m, v) for m, v in found}
    plain_rules = plain_vowel_rules(confusions)
    sure = {m.group(): v.candidate for m, v in found if v.sure}
    for m in TOKEN.finditer(view):
        token = m.group()
        known = by_start.get(m.start())
        if known is not None and known[1].ground == "unknown-word":
            # the word as read is no word, but the sentence may choose among its readings
            other = other_reading(view, m, known[1], sure, lexicon, confusions, settings, readings_kept)
            if other is not None:
                by_start[m.start()] = (m, other)
            continue
        modal = known is not None and known[1].candidate.lower() in MODAL_INFINITIVES  # 'missen' -> 'müssen'
        if not (token[:1].isupper() or token.lower() in MOOD_PAIRS or modal):
            continue
        # a plain vowel whose dots may be lost: inside the word, or a capital one opening it ('Ofen')
        losable = [i for i, c in enumerate(token) if c in plain_rules and (i or c.isupper())]
        if known is None and not losable:
            continue  # no repair found, and no such vowel ('Schiller': 'il' for 'ü' was found)
        ctx = Context.around(view, m.start(), m.end(), repaired=sure)
        if not (modal or judged_here(ctx, token, lexicon)):
            continue
        candidates = [known[1].candidate] if known is not None else [
            candidate for i in losable
            if lexicon.zipf(candidate := token[:i] + plain_rules[token[i]].replace + token[i + 1:]) >= settings.min_candidate_zipf
            or lexicon.zipf(token) == 0]
        best = None
        for candidate in candidates:
            evidence = evidence_for(ctx, token, candidate, lexicon)
            total = sum(e.weight for e in evidence)
            if evidence and (best is None or abs(total) > abs(best[1])):
                best = (candidate, total, evidence)
        if best is None:
            continue
        candidate, total, evidence = best
        strongest, reason, confidence = summed_up(evidence, settings)
        if total >= settings.context_decides and known is not None and known[1].applied:
            by_start[m.start()] = (m, replace(known[1], reason=f"{known[1].reason or known[1].ground}; {reason}"))  # agrees
        elif total >= settings.context_decides:
            i = next(i for i, (a, b) in enumerate(zip(token, candidate)) if a != b)
            subs = known[1].subs if known is not None else ((i, plain_rules[token[i]]),)
            by_start[m.start()] = (m, Verdict(candidate, subs, confidence, True,
                                              lexicon.zipf(candidate) - lexicon.zipf(token), strongest.scorer, reason))
        elif total <= -settings.context_decides and known is not None:
            by_start[m.start()] = (m, replace(known[1], applied=False, ground="opposed-by-context",
                                              confidence=min(known[1].confidence, round(1 - settings.context_confidence, 2)),
                                              reason=reason))
    return [by_start[start] for start in sorted(by_start)]


def other_reading(view: str, m, v: Verdict, sure: dict[str, str], lexicon: Lexicon, confusions: ConfusionTable,
                  settings: RepairSettings, kept: dict[str, dict]) -> Verdict | None:
    """A word as read that is no word ('Gro&e'), repaired to the commonest of its readings
    ('Große'): another listed reading of it, capitalised alike, that the sentence's scorers
    support by context_decides or more ('unterschiedlicher Gro&e': 'Größe', which the strong
    adjective allows and the nominalised 'Große' does not) replaces it; None where none does."""
    chosen = v.candidate
    if not (chosen[:1].isupper() and chosen.isalpha()) or isinstance(m, _Shifted) or not lemma_readings(chosen):
        return None  # the scorers weigh nouns: a repair that is none has no rival they could prefer
    ctx = Context.around(view, m.start(), m.end(), repaired=sure)
    if not judged_here(ctx, chosen, lexicon):
        return None
    others = listed_readings(m.group(), lexicon, confusions, settings, kept)
    best = None
    for word, ways in others.items():
        if word == chosen or not word[:1].isupper():
            continue
        subs = min(ways, key=len)  # the fewest misreadings that make it
        evidence = evidence_for(ctx, chosen, word, lexicon)
        total = sum(e.weight for e in evidence)
        if total >= settings.context_decides and (best is None or total > best[1]):
            best = (word, total, evidence, subs)
    if best is None:
        return None
    word, _, evidence, subs = best
    strongest, reason, confidence = summed_up(evidence, settings)
    return Verdict(word, subs, confidence, True, lexicon.zipf(word) - lexicon.zipf(m.group()), strongest.scorer,
                   f"unknown-word; {reason}")


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


def summed_up(evidence: list, settings: RepairSettings) -> tuple:
    """The sentence's evidence on a repair -> the scorer that weighed most (the verdict's
    ground), the reason a reviewer reads (that scorer's name, then every scorer's reason), and
    the confidence: lower where the evidence holds only by setting a rare lemma aside."""
    strongest = max(evidence, key=lambda e: abs(e.weight))
    reason = f"{strongest.scorer}: " + "; ".join(e.reason for e in evidence)
    confidence = settings.context_confidence if all(e.sure for e in evidence) else settings.rare_lemma_confidence
    return strongest, reason, confidence


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
                                 or verb_after_noun(view, m, other)):
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


def verb_after_noun(view: str, m, small: str) -> bool:
    """A verb in -en, written small, right after a capitalised word ('mit dem Telefon öffnen lassen',
    'Kunden öffnen die Tür'): German uses a verb as a noun after an article or a preposition, not
    after a noun. Not where the capital form is a noun of its own ('Übergaben')."""
    if not (small[0].islower() and small.endswith("en")) or lemma_readings(small[0].upper() + small[1:]):
        return False
    from pipeline.language.grammar import best_tag

    before, start = word_before(view, m.start())
    return (before[:1].isupper() and before[1:].islower() and not sentence_start(view, start)
            and (best_tag(small) or "").startswith("VV"))


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
                       ground="compound-head", reason=f"compound-head: '{token}' is a compound of nouns, '{word}' is none")
    others = [(j, word[:j] + plain_rules[c].replace + word[j + 1:]) for j, c in enumerate(word) if j and c in plain_rules]
    others = [(j, other) for j, other in others if lexicon.direct(other.lower()) > 0 or of_nouns(other)]
    if len(others) != 1:
        return v
    j, other = others[0]
    kind = "a listed word" if lexicon.direct(other.lower()) else "a compound of nouns"
    reason = f"compound-head: '{other}' is {kind}, '{word}' is none" + (f"; {v.reason}" if v.reason else "")
    subs = tuple(sorted(v.subs + ((position_in_token(v.subs, j), plain_rules[word[j]]),), key=lambda s: s[0]))
    return Verdict(other, subs, settings.context_confidence, True, lexicon.zipf(other) - lexicon.zipf(token),
                   "compound-head", reason)


def position_in_token(subs: tuple, j: int) -> int:
    """Where letter `j` of a repair stood in the word as read, given the substitutions made
    ('ii' -> 'ü' shortens the word by one)."""
    shift = 0
    for pos, rule in sorted(subs, key=lambda s: s[0]):
        if pos - shift >= j:
            break
        shift += len(rule.find) - len(rule.replace)
    return j + shift


def own_form(word: str) -> bool:
    """A word that is a form of a lemma with an umlaut ('durften' of 'dürfen', 'konnten' of
    'können', as HanTa reads it): that family is its own, and says nothing of its dots."""
    from pipeline.language.grammar import lemma_of

    return bool(UMLAUT_CHARS & set(lemma_of(word)))


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


def sentence_start(view: str, pos: int) -> bool:
    """After a full stop, a colon, a blank line or at the start of the text."""
    before = view[max(0, pos - 200) : pos]
    stripped = before.rstrip()
    return not stripped or stripped[-1] in ".!?:" or "\n\n" in before[len(stripped):]


def word_parts(view: str, verdict):
    """(word, verdict) for the words `verdict(token, position)` finds a repair for. A CamelCase
    join (MiinsterZukunft) with no repair as a whole is tried part by part."""
    for m in TOKEN.finditer(view):
        token = m.group()
        whole = verdict(token, m.start())
        if whole is not None:
            yield m, whole
        elif CAMEL.fullmatch(token):
            for part in re.finditer(r"[A-ZÄÖÜ][^A-ZÄÖÜ]+", token):
                shifted = _Shifted(part, m.start())
                v = verdict(part.group(), shifted.start())
                if v is not None:
                    yield shifted, v


@dataclass(frozen=True)
class _Shifted:
    part: re.Match
    offset: int

    def group(self) -> str:
        return self.part.group()

    def start(self) -> int:
        return self.offset + self.part.start()


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
    if len(token) < settings.min_word_length or token.isdigit() or UMLAUT_CHARS & set(token):
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
    options = [(candidate, subs) for candidate, subs in candidate_repairs(token, confusions.rules, settings.max_substitutions, known)
               if candidate.isalpha() and not (MIXED_CASE.search(candidate) and not candidate.isupper())]
    # a word the lexicon lists beats a compound reading of another candidate: where one is
    # listed, the others' compound readings need not be estimated
    listed = [lexicon.direct(candidate.lower()) >= settings.listed_word_zipf for candidate, _ in options]
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
