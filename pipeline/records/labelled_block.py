"""A labelled block's values as read (labels.py reads them): each label, its line and the lines of
its value, and what the reading doubted about it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from pipeline.records.line_end_labels import LabelTail

STRAY = "stray"  # the field of lines between a label and its value that are no part of the value


class Line(Protocol):
    """A line of the cleaned text with its number (segment.Line)."""

    number: int
    text: str


@dataclass(frozen=True)
class LabelledValue:
    field: str  # 'title', 'motto', 'states', 'size_class' or 'fact'
    label: str  # the profile's label ('Einwohner')
    label_line: Line
    lines: tuple[Line, ...]  # the value's lines (the label's own line too where the value stands on it)
    inline: str  # the value's part on the label's line
    fuzzy: bool = False  # the label was read only as similar to the profile's (an OCR's damage)
    displaced: bool = False  # the value stands in a column of values after text set between the columns
    unsure: bool = False  # a value of a column whose lines could only look like values (or no run of them was found)
    in_text: bool = False  # the label stands at the end of a line of text (line_end_labels.py): that line stays text

    @property
    def value(self) -> str:
        pieces = [self.inline] if self.inline else []
        pieces += [l.text.strip() for l in self.lines if l.number != self.label_line.number]
        return " ".join(p for p in pieces if p).strip()


@dataclass(frozen=True)
class LabelledBlock:
    values: tuple[LabelledValue, ...]

    def get(self, field_name: str) -> LabelledValue | None:
        return next((v for v in self.values if v.field == field_name), None)

    @property
    def first(self) -> int:
        return self.values[0].label_line.number

    @property
    def taken(self) -> tuple[LabelledValue, ...]:
        """The values a record takes: the first of each field (get), every fact (facts) and every
        stray. A field's second label and value stay text: a line is never used and dropped."""
        seen: set[str] = set()
        taken = []
        for v in self.values:
            if v.field in ("fact", STRAY) or v.field not in seen:
                taken.append(v)
                seen.add(v.field)
        return tuple(taken)

    @property
    def line_numbers(self) -> frozenset[int]:
        return frozenset(n for v in self.taken  # a row's end (LabelTail) leaves the row text
                         for n in ((() if v.in_text else (v.label_line.number,))
                                   + tuple(l.number for l in v.lines if not isinstance(l, LabelTail))))

    @property
    def strays(self) -> tuple[Line, ...]:
        """Lines read between a Land's or size class's label and its value that are neither (a
        name's end an OCR put among the labels), in order."""
        return tuple(l for v in self.values if v.field == STRAY for l in v.lines)
