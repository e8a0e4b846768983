"""The record draft: the fields read from one project block and the doubts about them, as data.

The parts (header.py, body.py, names.py) return what they read and the doubts they found;
extract.py (block_to_record) builds the draft from them in one go, and a draft is never changed
afterwards: a later step (body.py: move_foreign_paragraphs) derives a new one. The output's
`needs_review` and `review_notes` are derived from the doubts, in the order they were found.
"""
from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Doubt:
    """A note for the reviewer on one field; a flagged one puts the field up for review."""

    field: str
    note: str
    flagged: bool = True


def flag(field: str, note: str) -> Doubt:
    return Doubt(field, note, True)


def note(field: str, note: str) -> Doubt:
    """A note that does not put the field up for review."""
    return Doubt(field, note, False)


def notes_of(doubts: tuple[Doubt, ...] | list[Doubt]) -> dict[str, str]:
    """Doubts -> one note per field, its notes in the order they were found, joined by '; '."""
    notes: dict[str, str] = {}
    for d in doubts:
        notes[d.field] = f"{notes[d.field]}; {d.note}" if d.field in notes else d.note
    return notes


@dataclass(frozen=True)
class Record:
    """A record draft: its fields, the doubts about them in the order they were found, and the
    page furniture taken out of its pages (the output lists it with the removed lines)."""

    fields: dict  # in the order of the output's record; not changed once the draft is built
    doubts: tuple[Doubt, ...] = ()
    furniture: tuple[str, ...] = ()  # running headers an OCR text kept on the record's pages

    @property
    def needs_review(self) -> list[str]:
        """The flagged fields, in the order of their first flag."""
        return list(dict.fromkeys(d.field for d in self.doubts if d.flagged))

    @property
    def review_notes(self) -> dict[str, str]:
        return notes_of(self.doubts)

    def with_doubts(self, *doubts: Doubt) -> Record:
        return replace(self, doubts=self.doubts + doubts)
