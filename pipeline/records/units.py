"""What the reading of a record's body works on: the page it stands on (word lists, the column's
measure, the banners and caption words) and the units its paragraphs are cut into, with what was
decided of each (pieces.py decides).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from pipeline.language.lexicon import Lexicon
from pipeline.records.segment import Line
from pipeline.records.text import join_lines


@dataclass(frozen=True)
class Page:
    """What the body's reading needs besides its lines: the word lists, the column's measure
    (usual line length in characters), the record's title and motto (a banner repeats them) and
    its name (a wordmark holds it)."""

    lexicon: Lexicon
    measure: float
    banners: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()  # words that open a caption or a credit (profile.caption_labels)
    name: str = ""  # the record's name (a logo's words hold it)
    joined: tuple[tuple[int, int], ...] = ()  # (line, its widest printed line) of lines a word's hyphen join made

    def width(self, line: Line) -> int:
        """A line's length as printed: a line the cleaner made of two by joining a word broken at
        the first one's end is as wide as the wider of them, not their sum."""
        return next((w for number, w in self.joined if number == line.number), len(line.text))

    def is_caption(self, text: str) -> bool:
        """'Foto: Stadt X', 'Abbildung 3: Nutzung', '© Projektteam': a caption or a credit."""
        first, _, rest = text.strip().partition(" ")
        if first == "©":
            return "©" in self.captions
        head = first.rstrip(":")
        # a word of the caption's next line an OCR set before its number ('Abbildung Glasfaser 7: …') too
        return head in self.captions and (first.endswith(":") or bool(re.match(r"(?:[^\W\d]+ )?\d+[a-z]?:", rest)))


def text_before(done: list["Unit"]) -> "Unit | None":
    """The last piece among `done` that is no figure text (the running text so far), None for none."""
    return next((u for u in reversed(done) if u.kind != "figure"), None)


def text_so_far_ends(done: list["Unit"], stops: str = ".!?") -> bool:
    """Whether the running text among `done` (figure text passed over) ends on one of `stops`, or
    there is none."""
    before = text_before(done)
    return before is None or before.text.rstrip()[-1:] in tuple(stops)


LONE_NUMBER = "lone number"  # a Unit's `why`: a figure's number standing alone, seen by the steps, kept by the caller


@dataclass(frozen=True)
class Unit:
    """A paragraph, or a piece of one, and what was decided of it."""

    lines: list[Line]
    kind: str  # "prose", "item" (of a list the text introduces), "heading", "figure"
    verdict: bool | None = None  # the evidence of words and lines (prose.reads_as_prose)
    why: str = ""  # what made it figure text: "style", "banner", "evidence", "opening", "interruption", "short";
    # running text a rule took back by the grammar of its sentence: "grammar" (sentence_lines.py)

    @property
    def text(self) -> str:
        return join_lines(self.lines)

    def as_(self, kind: str, why: str = "") -> "Unit":
        return replace(self, kind=kind, why=why)
