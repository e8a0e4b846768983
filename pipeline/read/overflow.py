"""A long word of a narrow column (a sidebar's web address) that runs over the gutter up to the
next column's edge or into it, or stops so near it that the gutter's free space is not left: its
line then crosses the gutter, and the row would be read as one line across both columns
('www.….de/smart-city mitgenommen werden möchte.').

Needs a line's words and those of the lines right above and below it (objects with .x0 and
.x1, and .size where a text layer tells it or .fitted where an OCR layer fitted them), and the
gutter's x. Produces the line's two parts, one per column, where the words right of the
overflowing word begin at the next column's edge as the lines beside it do (in no far larger
type: key figures beside a column are no column; nor far smaller: a figure's labels under a line
are none), and the words left of it begin where the left column's do.
"""
from __future__ import annotations

from typing import Callable

from pipeline.read.words import LARGE_TYPE, type_size

EDGE_TOLERANCE = 3.0  # points: a column's lines begin this close to one x (an OCR's boxes hug the ink)
ALIKE_TYPE = 1.2  # two words' type sizes within this factor are one column's type


def overflow_parts(words, neighbours: list, gutter: float, reach: float = 0.0) -> tuple[tuple, tuple] | None:
    """A row's words crossing `gutter` only by one word that ends inside the next column or within
    `reach` points of the gutter, so that the free space a gutter needs is not left (a sidebar's
    address printed on into it or up to it; `neighbours`: the words of the rows above and below that do not cross it) -> (the left
    column's words, the right column's words); None where the row crosses otherwise (a heading,
    a line of a full-width paragraph) or no row beside it shows both columns' edges. A row whose
    last word runs over with nothing beyond it (a long word at a column's edge, beside a sidebar
    that ended above) is the left column's whole where it begins at that column's edge."""
    ordered = sorted(words, key=lambda w: w.x0)
    k = next((n for n, w in enumerate(ordered) if w.x0 >= gutter), len(ordered))
    if not k:
        return None
    over = ordered[k - 1]
    if not over.x0 < gutter < over.x1 + reach:
        return None
    if k == len(ordered):  # the row's last word runs over the gutter and nothing stands beyond it
        return (tuple(ordered), ()) if len(neighbours) == 2 and all(
            column_line_beside(ordered[0], row, gutter) for row in neighbours) else None
    # the next column's first words, in no far larger type than the row's own right part (key figures
    # beside a column of text are no column its line runs into; a lead paragraph's larger type is)
    # and in no far smaller (a figure's labels under a line that happen to start where its word does)
    right_edges = [min(w.x0 for w in row if w.x0 >= gutter) for row in neighbours
                   if any(w.x0 >= gutter and not far_larger(w, ordered[k]) and not far_larger(ordered[k], w)
                          for w in row)]
    left_edges = [min(w.x0 for w in row) for row in neighbours if any(w.x1 <= gutter for w in row)]
    if not right_edges or not left_edges:
        return None
    if any(abs(ordered[k].x0 - edge) > EDGE_TOLERANCE for edge in right_edges) \
            or not any(abs(ordered[0].x0 - edge) <= EDGE_TOLERANCE for edge in left_edges):
        return None
    return tuple(ordered[:k]), tuple(ordered[k:])


def overflowed_rows(lines: list, gutter: float, crossing: Callable[[object], bool],
                    whole: frozenset = frozenset(), reach: float = 0.0) -> dict:
    """Lines (with .words; `crossing` tells those that cross the gutter, `whole` those that stay
    whole whatever they cross: a table's ruled rows) -> for each crossing only by a narrow
    column's long word run over it up to the next column's edge (overflow_parts, judged by the
    rows right above and below that are neither), its two parts as lines of the same kind, one
    per column (`reach`: see overflow_parts), the right one None where the overflowing word ends the
    row. Both rows beside it must be parted by the gutter."""
    apart = [line not in whole and not crossing(line) for line in lines]
    parts = {}
    for k, line in enumerate(lines):
        # a sidebar's row lies inside a run of rows the gutter parts: a row of a paragraph across the
        # page next to a row that two columns happen to leave apart is none
        within = 0 < k < len(lines) - 1 and apart[k - 1] and apart[k + 1]
        beside = [lines[k - 1].words, lines[k + 1].words] if within else []
        if within and not apart[k] and line not in whole and (cut := overflow_parts(line.words, beside, gutter, reach)):
            parts[line] = (type(line)(cut[0]), type(line)(cut[1]) if cut[1] else None)
    return parts


def column_line_beside(first, row, gutter: float) -> bool:
    """Whether `row` holds a line of the column whose line begins with the word `first`: its first
    word left of the gutter begins where `first` does, in type alike (a figure's labels under a
    line, in smaller type, are no such line)."""
    left = sorted((w for w in row if w.x1 <= gutter), key=lambda w: w.x0)
    return bool(left) and abs(left[0].x0 - first.x0) <= EDGE_TOLERANCE \
        and not far_larger(left[0], first, ALIKE_TYPE) and not far_larger(first, left[0], ALIKE_TYPE)


def far_larger(a, b, factor: float = LARGE_TYPE) -> bool:
    """Whether word a is set in type `factor` times b's or more (a big number beside a line), as
    far as their sizes are known: a text layer's, or those an OCR layer fitted its words to (a
    scan's OCR tells none)."""
    size_a, size_b = type_size(a), type_size(b)
    return bool(size_a and size_b) and size_a >= factor * size_b
