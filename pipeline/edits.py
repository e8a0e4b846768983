"""Edits: the replayable record of every change the clean stage makes to the raw text."""
from __future__ import annotations

import hashlib
from bisect import bisect_left, insort
from dataclasses import dataclass, field, replace


# Two meanings, two thresholds: an edit below UNCERTAIN_BELOW is uncertain, and its series is
# listed first for a reviewer; a field value that holds an edit below DOUBTFUL_BELOW is itself in
# doubt and flagged (between the two, the repair is likely enough not to flag a value whose other
# evidence is sure: the 2021 gold checks that no unambiguous value is flagged).
UNCERTAIN_BELOW = 0.75
DOUBTFUL_BELOW = 0.6


@dataclass(frozen=True)
class Edit:
    """Replace raw[start:end] (code points) by `after`. Not applied edits are review suggestions."""

    start: int
    end: int
    before: str
    after: str
    rule: str
    confidence: float
    applied: bool = True
    word_before: str = ""  # the whole word, so one decision can cover a series (fiir -> für)
    word_after: str = ""
    record: str | None = field(default=None, compare=False)
    decision: str | None = None  # "accepted" / "rejected" by a reviewer (corrections/decisions.json)
    reason: str = ""  # the evidence that decided a repair ('agreement: 'die' goes with …')

    @property
    def uncertain(self) -> bool:
        """A suggestion left unapplied, or an edit made with little confidence: a reviewer's
        first look."""
        return not self.applied or self.confidence < UNCERTAIN_BELOW

    @property
    def doubtful(self) -> bool:
        """A suggestion left unapplied, or an edit so unsure that a value holding it is flagged."""
        return not self.applied or self.confidence < DOUBTFUL_BELOW

    @property
    def id(self) -> str:
        digest = hashlib.sha1(f"{self.start}\x00{self.before}\x00{self.after}".encode()).hexdigest()
        return f"e{self.start}-{digest[:8]}"

    @property
    def series(self) -> str:
        return f"{self.word_before or self.before} -> {self.word_after or self.after}"


def check_edits(raw: str, edits: list[Edit]) -> None:
    """Raise ValueError unless edits are sorted, do not overlap and match the raw text."""
    last_end = -1
    for e in edits:
        if e.start < last_end:
            raise ValueError(f"edit {e.id} ({e.rule}) overlaps the previous one")
        if raw[e.start : e.end] != e.before:
            raise ValueError(f"edit {e.id} ({e.rule}) does not match the raw text")
        last_end = e.end


def apply_edits(raw: str, edits: list[Edit]) -> str:
    """Raw text + ledger -> cleaned text (only edits with applied=True)."""
    return apply_edits_with_map(raw, edits)[0]


def apply_edits_with_map(raw: str, edits: list[Edit]) -> tuple[str, list[int]]:
    """Cleaned text and, for every cleaned position (plus the end), its position in the raw text."""
    parts: list[str] = []
    origin: list[int] = []
    pos = 0
    for e in (e for e in edits if e.applied):
        parts.append(raw[pos : e.start])
        origin.extend(range(pos, e.start))
        parts.append(e.after)
        origin.extend([e.start] * len(e.after))
        pos = e.end
    parts.append(raw[pos:])
    origin.extend(range(pos, len(raw)))
    origin.append(len(raw))
    return "".join(parts), origin


def merge_edits(*groups: list[Edit]) -> list[Edit]:
    """Union of edit lists, sorted; an edit overlapping an earlier-listed group's edit is dropped."""
    taken: list[Edit] = []
    spans: list[tuple[int, int]] = []  # of the taken edits, sorted; they do not overlap, so their ends rise too
    for group in groups:
        for e in group:
            before_end = bisect_left(spans, (e.end,))  # spans starting before e ends
            overlaps = before_end > 0 and spans[before_end - 1][1] > e.start
            if e.start == e.end:  # an insertion also clashes with anything starting where it stands
                at = bisect_left(spans, (e.start,))
                overlaps = overlaps or (at < len(spans) and spans[at][0] == e.start)
            if not overlaps:
                taken.append(e)
                insort(spans, (e.start, e.end))
    return sorted(taken, key=lambda e: (e.start, e.end))


def with_record(edit: Edit, record: str | None) -> Edit:
    return replace(edit, record=record)
