"""Values an OCR read before their labels: a key/value table whose longer values ('Interkommunale
Kooperationen/Landkreis', a title) the OCR took as a block of their own and gave before the column
of labels ('Bundesland: Niedersachsen' / 'Größenklasse:' / 'Projekttitel:' / 'Motto: …'), so the
labels of those values stand empty or took lines of the text after them.

Needs the non-blank lines, the index of the block's first label, the block read there and
`accepts(field, text)` (what reads as a Land or a size class). Produces the block with the size
class (and, where its own value was not sure, the title) taken from the lines right above the
labels, marked displaced (header.py flags them), and the index of the first such line: the name
stands over it.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable

from pipeline.records.labels import LabelledBlock

ABOVE_MAX_LINES = 3  # a size class's and a title's lines over the labels: at most so many


def values_above(block: LabelledBlock, lines: list, i: int,
                 accepts: Callable[[str, str], bool | None]) -> tuple[LabelledBlock, int]:
    """(block, i) as they are, or, where the block's Land reads and its size class does not and one
    of the ABOVE_MAX_LINES lines right over lines[i] reads as a size class, the block with that line
    as the size class and the lines between it and the labels as the title (where the title's own
    value was unsure or empty), and the index of the size class's line."""
    states, size, title = block.get("states"), block.get("size_class"), block.get("title")
    if states is None or size is None or not states.value or not accepts("states", states.value) \
            or (size.value and accepts("size_class", size.value)):
        return block, i
    above = range(i - 1, max(0, i - ABOVE_MAX_LINES) - 1, -1)
    at = next((k for k in above if k > 0 and accepts("size_class", lines[k].text.strip())), None)
    if at is None:
        return block, i
    between = tuple(lines[at + 1:i])
    takes_title = bool(between) and title is not None and (title.unsure or not title.value) and not title.inline
    if between and not takes_title:
        return block, i  # lines between a size class and the labels that are no title's: no such table
    # the size label's own row, where it holds text, stays text (the text beside the table's column)
    moved = {size.field: replace(size, lines=(lines[at],), inline="", displaced=True, unsure=False,
                                 in_text=size.in_text or bool(size.inline))}
    if takes_title:
        moved[title.field] = replace(title, lines=between, displaced=True, unsure=False)
    return LabelledBlock(tuple(moved.get(v.field, v) if v in (size, title) else v for v in block.values)), at
