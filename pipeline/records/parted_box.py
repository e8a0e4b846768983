"""A header's box that an OCR read in two pieces with rows of the column beside it between them
('BUNDESLAND:' / 'Baden-Württemberg' / two rows of prose / 'GRÖSSENKLASSE:' / 'Interkommunale'
…): the first piece holds the Land, the second the size class and the rest, and neither is a
header alone.

Needs the non-blank lines, the block read at a label, a reader of the block at another line and
`accepts(field, text)` (what reads as a Land or a size class). Produces the two pieces as one
block; the rows between stay text, as they are no value's lines.
"""
from __future__ import annotations

from typing import Callable

from pipeline.records.labelled_block import LabelledBlock

PARTED_MAX_TEXT_LINES = 6  # rows of the column beside a box that an OCR set between its labels: at most so many
PARTED_MAX_GAP = 12  # line numbers from the first piece's last line to the second's label (blank lines count)


def with_parted_box(block: LabelledBlock, lines: list, i: int, read_at: Callable[[int], LabelledBlock | None],
                    accepts: Callable[[str, str], bool | None], is_label: Callable[[str], bool]) -> LabelledBlock:
    """`block` (read at lines[i]) as it is, or, where it holds a Land that reads as one and no size
    class, and the next label within PARTED_MAX_TEXT_LINES non-blank lines after it (`is_label`)
    begins a block (`read_at`) with a size class that reads as one and no Land, the two blocks as
    one. The lines between hold no label (the second block's is the first after the first block):
    they are the text beside the box, and stay text."""
    states = block.get("states")
    if states is None or not states.value or not accepts("states", states.value) \
            or (block.get("size_class") is not None and block.get("size_class").value):
        return block
    last = max(block.line_numbers, default=lines[i].number)
    after = next((k for k in range(i, len(lines)) if lines[k].number > last), None)
    if after is None:
        return block
    at = next((k for k in range(after, min(len(lines), after + PARTED_MAX_TEXT_LINES + 1))
               if is_label(lines[k].text)), None)
    if at is None or at == after or lines[at].number - last > PARTED_MAX_GAP:
        return block  # no text between: the block itself ended there
    second = read_at(at)
    size = second.get("size_class") if second is not None else None
    if size is None or not size.value or not accepts("size_class", size.value) or second.get("states") is not None:
        return block
    return LabelledBlock(block.values + second.values)
