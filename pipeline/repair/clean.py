"""Clean stage: raw text -> Cleaned (cleaned text + ledger of every edit, with the rule that made it).

Needs the raw text, the word lists (Lexicon), the OCR confusion table, the thresholds
(RepairSettings) and a reviewer's decisions, if any. Produces Cleaned; every edit keeps raw
offsets, so apply_edits(raw, ledger) == cleaned text. The edits come, in this order, from
  fixers.py     the layout: ligatures, doubled glyphs, line-end hyphens, a capital or a ß read as
                a gap (RAW_TEXT_FIXERS, WORD_LIST_FIXERS)
  list_marks.py bullets read as letters or signs ('B das Miteinander') -> '•'
  umlauts.py    the umlauts and ß an English-model OCR lost, read on the text with its layout mended
  fixers.py     a line-end join in a line read across two columns whose word, repaired, is no
                known word left a suggestion (keep_unknown_joins_apart)
  fixers.py     quotes (normalise_quotes)
  decisions.py  a reviewer's decisions, which win over the rules
"""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.corrections import ConfusionTable, Decision
from pipeline.edits import Edit, apply_edits_with_map, check_edits, merge_edits
from pipeline.language.lexicon import Lexicon
from pipeline.repair.decisions import apply_decisions, replay_accepted_series
from pipeline.repair.fixers import (FIRST_WORD_LIST_FIXERS, RAW_TEXT_FIXERS, WORD_LIST_FIXERS, keep_unknown_joins_apart,
                                   looks_damaged, normalise_quotes)
from pipeline.repair.list_marks import item_numbers_read_as_letters, mark_list_items
from pipeline.repair.settings import DEFAULT_SETTINGS, RepairSettings
from pipeline.repair.umlauts import repair_umlauts


@dataclass(frozen=True)
class Cleaned:
    """A text cleaned: the raw text, the cleaned one, the ledger of its edits and the map back to
    raw offsets."""

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
    layout = merge_edits(*(fix(raw, lexicon, settings) for fix in FIRST_WORD_LIST_FIXERS),
                         *(fix(raw) for fix in RAW_TEXT_FIXERS), mark_list_items(raw),
                         item_numbers_read_as_letters(raw), *(fix(raw, lexicon, settings) for fix in WORD_LIST_FIXERS))
    view, view_origin = apply_edits_with_map(raw, layout)
    damaged = looks_damaged(view, settings)
    words = repair_umlauts(raw, view, view_origin, lexicon, confusions, damaged, settings)
    edits = keep_unknown_joins_apart(raw, merge_edits(layout, normalise_quotes(raw), words), lexicon, settings)
    return with_decisions(edits_to_cleaned(raw, edits, damaged), decisions)


def edits_to_cleaned(raw: str, edits: list[Edit], damaged: bool, unmatched: tuple[Decision, ...] = ()) -> Cleaned:
    """The raw text and its edits (checked: sorted, not overlapping, each matching the raw text)
    -> Cleaned, the applied edits made."""
    check_edits(raw, edits)
    text, origin = apply_edits_with_map(raw, edits)
    return Cleaned(raw, text, edits, origin, damaged, unmatched)


def with_decisions(cleaned: Cleaned, decisions: list[Decision]) -> Cleaned:
    """A cleaned text with a reviewer's decisions applied to its edits (a rejected edit stays in
    the ledger, not applied; an accepted one, a suggestion too, is applied; an accepted series
    the rules no longer propose is replayed); the decisions that found nothing are kept in
    `unmatched`. Without decisions, the text as it is."""
    if not decisions:
        return cleaned
    edits, used = apply_decisions(cleaned.edits, decisions)
    replayed = replay_accepted_series(cleaned.raw, edits, [d for d in decisions if d.key not in used])
    edits = sorted(edits + replayed, key=lambda e: (e.start, e.end))
    used |= {f"series:{e.series}" for e in replayed}
    return edits_to_cleaned(cleaned.raw, edits, cleaned.damaged, tuple(d for d in decisions if d.key not in used))
