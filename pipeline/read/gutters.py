"""Load stage, lines of a page -> blocks read column by column: where a run of lines leaves a
vertical gutter free, the run is cut there (again for a third column), while lines crossing
every gutter (names, labels, full-width lines) stay blocks of their own."""
from __future__ import annotations

import statistics
from bisect import bisect_left, bisect_right

from pipeline.read.overflow import overflowed_rows
from pipeline.read.words import LINE_TOLERANCE, TextLine

GUTTER_MIN_WIDTH = 8.0
GUTTER_WORD_GAPS = 1.6  # a gutter is at least this many times the page's usual space between words
GUTTER_EMS = 1.0  # a gutter leaves at least the body's font size free (where a text layer tells it)
GUTTER_STEP = 2.0  # points between the x positions tried
GUTTER_ZONE = (0.2, 0.8)  # where a gutter may lie, as a share of the width of the lines cut
SMALLER_TYPE = 0.9  # of the running text's size: a chart's labels, a caption, a diagram's boxes
MIN_COLUMN_LINES = 2  # a column of two lines (a paragraph's end at the top of the next column) is one
PARAGRAPH_GAP = 1.3  # a gap this many times the block's usual line spacing starts a paragraph
TEXT_COLUMNS_MIN_LINES = 4  # lines crossing a gutter are judged as columns of their own from this many
TEXT_GUTTER_EMS = 3.0  # the free space between columns of running text is at most this many line heights
LAST_LINE_SPACING = 1.8  # a paragraph's lines stand at most this many line heights apart


def find_gutter(lines: list[TextLine], left: float, right: float, gap: float = GUTTER_MIN_WIDTH,
                least: float = 0.0, running: float | None = None) -> float | None:
    """The x in the middle of the span [left, right] that the fewest runs of lines cross, then the
    fewest lines crossing it only by the free space kept at their ends (a ragged edge), then the
    fewest lines (a line crosses x where it has no free space of `gap` points around it), among
    those with words on both sides in at least MIN_COLUMN_LINES lines (or in one, where no line
    crosses x and others stand beside it) and a free corridor of `least` points; None for a
    one-column span. A gutter is crossed by whole elements (a header block, a table over the
    columns), a column's ragged edge beside another column by lines scattered through it, and
    leaves a corridor wider than a narrow gap between them. A line in larger type than the running
    text (`running`) needs a wider space between its words to let x pass (taken_spans). A line in
    smaller type (a chart's label above the columns, reaching into their gutter) crosses x without
    making a run of crossing lines, and ends one as any line that leaves x free does."""
    width = right - left
    xs = [left + width * GUTTER_ZONE[0] + GUTTER_STEP * i
          for i in range(int(width * (GUTTER_ZONE[1] - GUTTER_ZONE[0]) / GUTTER_STEP) + 1)]
    crossing, runs, two_sided, was_crossed = [0] * len(xs), [0] * len(xs), [0] * len(xs), [False] * len(xs)
    ragged = [0] * len(xs)  # lines that cross x only by the free space kept at their ends
    # columns whose baselines are shifted against each other give lines of one column each, side
    # by side: two such lines that overlap in height are one row for telling the sides apart
    rows = [(line.words, taken_spans(line, gap, running), True) for line in lines] + [
        (a.words + b.words, taken_spans(a, gap, running) + taken_spans(b, gap, running), False)
        for a, b in side_by_side(lines)]
    for words, spans, real in rows:  # counted with difference arrays: one pass over the words, not one per x
        crossed, inked = spans_to_counts(xs, spans), spans_to_counts(xs, inked_spans(words, gap, running))
        first, last = bins_between(xs, min(w.x1 for w in words), max(w.x0 for w in words), closed=True)
        in_body = not running or any(w.size and w.size >= SMALLER_TYPE * running for w in words)
        depth = ink = 0
        for i in range(len(xs)):
            depth += crossed[i]
            ink += inked[i]
            if real:
                crossing[i] += bool(depth)
                ragged[i] += bool(depth) and not ink
                runs[i] += bool(depth) and in_body and not was_crossed[i]
                was_crossed[i] = bool(depth) and in_body
            if not depth and first <= i <= last:
                two_sided[i] += 1
    # a column of one line beside a taller one (a description's last line next to a sidebar) is one
    # where no line crosses the gutter; so is a column beside the gap a picture leaves in the other
    between = interleaved(lines, xs, gap)
    # a column's ragged edge reaching into a narrow corridor beside a table's values is no place
    # to cut: the gutter under the table, which the table's rows cross, is
    ranked = sorted((runs[i], ragged[i], crossing[i], -two_sided[i], i) for i in range(len(xs))
                    if two_sided[i] >= MIN_COLUMN_LINES or between[i] >= MIN_COLUMN_LINES
                    or (two_sided[i] and not crossing[i] and len(lines) - two_sided[i] >= MIN_COLUMN_LINES))
    judged: dict[tuple[int, ...], bool] = {}  # x's crossed by the same lines are judged once

    def columns_cross(x: float) -> bool:
        crossing_lines = tuple(k for k, line in enumerate(lines) if crosses(line, x, gap, running))
        if crossing_lines not in judged:
            judged[crossing_lines] = text_columns([lines[k] for k in crossing_lines], gap, least, running)
        return judged[crossing_lines]

    return next((xs[i] for *_, i in ranked if corridor(lines, xs[i], gap, running) >= least
                 and not columns_cross(xs[i])), None)


def spans_to_counts(xs: list[float], spans: list[tuple[float, float]]) -> list[int]:
    """Spans of x -> a difference array over xs: summed from the left, how many spans hold each x."""
    counts = [0] * (len(xs) + 1)
    for low, high in spans:
        first, last = bins_between(xs, low, high)
        if first <= last:
            counts[first] += 1
            counts[last + 1] -= 1
    return counts


def inked_spans(words, gap: float, running: float | None = None) -> list[tuple[float, float]]:
    """The spans of x a line's words and its spaces between words take, without the free space
    kept around them (taken_spans; a space in larger type is as wide in proportion)."""
    ordered = sorted(words, key=lambda w: w.x0)
    size = TextLine(tuple(ordered)).size if running else None
    space = gap * size / running if running and size and size > running else gap
    return [(w.x0, w.x1) for w in ordered] + [(a.x1, b.x0) for a, b in zip(ordered, ordered[1:]) if b.x0 - a.x1 < space]


def text_columns(lines: list[TextLine], gap: float, least: float, running: float | None) -> bool:
    """Whether lines are two columns of running text side by side: most of them stand on both
    sides of a gutter of their own, as narrow as columns of text leave (a table's labels stand far
    from their values). Such lines cross no gutter between elements: an x they all cross (beside a
    short name, between a table's labels and values) lies inside a column. Judged on text layers
    only (`running`, the body's type size, known)."""
    if len(lines) < TEXT_COLUMNS_MIN_LINES or running is None:
        return False  # an OCR's boxes tell no type size: its word spaces line up too often to judge by
    inner = find_gutter(lines, min(w.x0 for l in lines for w in l.words), max(w.x1 for l in lines for w in l.words),
                        gap, least, running)
    if inner is None:
        return False
    beside = [line for line in lines if not crosses(line, inner, gap, running)
              and min(w.x0 for w in line.words) < inner < max(w.x1 for w in line.words)]
    em = statistics.median(w.bottom - w.top for line in lines for w in line.words)
    return 2 * len(beside) >= len(lines) and corridor(lines, inner, gap, running) <= TEXT_GUTTER_EMS * em


def interleaved(lines: list[TextLine], xs: list[float], gap: float) -> list[int]:
    """Per x of xs: how many lines wholly on one side of it stand, in top order, between two lines
    wholly on its other side (a column beside the gap a picture leaves in the column next to it)."""
    ends = [(max(w.x1 for w in line.words) + gap / 2, min(w.x0 for w in line.words) - gap / 2) for line in lines]
    counts = []
    for x in xs:
        sides = [("L" if right_end <= x else "R") for right_end, left_end in ends if right_end <= x or left_end >= x]
        count = 0
        for side, other in (("L", "R"), ("R", "L")):
            at = [k for k, s in enumerate(sides) if s == other]
            count += sum(1 for k, s in enumerate(sides) if s == side and at and at[0] < k < at[-1])
        counts.append(count)
    return counts


def corridor(lines: list[TextLine], x: float, gap: float, running: float | None = None) -> float:
    """The width of the free space around x left by the lines that do not cross it: from the
    right end of the nearest word left of x to the left end of the nearest word right of it."""
    left, right = float("-inf"), float("inf")
    for line in lines:
        if not crosses(line, x, gap, running):
            left = max([left, *(w.x1 for w in line.words if w.x1 <= x)])
            right = min([right, *(w.x0 for w in line.words if w.x0 >= x)])
    return right - left


def side_by_side(lines: list[TextLine]) -> list[tuple[TextLine, TextLine]]:
    """Lines next to each other in top order that overlap in height, one wholly left of the other
    (lines of two columns whose baselines differ by more than LINE_TOLERANCE)."""
    pairs = []
    for a, b in zip(lines, lines[1:]):
        if b.top < max(w.bottom for w in a.words) and (max(w.x1 for w in a.words) < min(w.x0 for w in b.words)
                                                        or max(w.x1 for w in b.words) < min(w.x0 for w in a.words)):
            pairs.append((a, b))
    return pairs


def bins_between(xs: list[float], low: float, high: float, closed: bool = False) -> tuple[int, int]:
    """Indexes (first, last) of the xs with low < x < high (low <= x <= high when closed)."""
    if closed:
        return bisect_left(xs, low), bisect_right(xs, high) - 1
    return bisect_right(xs, low), bisect_left(xs, high) - 1


def crosses(line: TextLine, x: float, gap: float = GUTTER_MIN_WIDTH, running: float | None = None) -> bool:
    return any(low < x < high for low, high in taken_spans(line, gap, running))


def taken_spans(line: TextLine, gap: float, running: float | None) -> list[tuple[float, float]]:
    """The spans of x a line takes, so that a gutter cannot pass there: its words with `gap`
    points around them, and a space between two of its words narrower than `gap` widened in
    proportion to the line's type where it is larger than the running text (`running`): a
    heading's word spaces grow with its type, and two such spaces one above the other are no
    gutter."""
    spans = [(w.x0 - gap / 2, w.x1 + gap / 2) for w in line.words]
    size = line.size
    if running and size and size > running:
        words = sorted(line.words, key=lambda w: w.x0)
        spans += [(a.x1, b.x0) for a, b in zip(words, words[1:]) if b.x0 - a.x1 < gap * size / running]
    return spans


def gutter_width(lines: list[TextLine]) -> float:
    """The free space that separates columns on this page: GUTTER_MIN_WIDTH, or more where the
    words themselves stand far apart (an OCR text layer's boxes hug the ink, so its spaces are
    wide): a gutter is clearly wider than the usual space between words."""
    gaps = []
    for line in lines:
        words = sorted(line.words, key=lambda w: w.x0)
        gaps += [b.x0 - a.x1 for a, b in zip(words, words[1:]) if b.x0 > a.x1]
    gaps.sort()
    return max(GUTTER_MIN_WIDTH, GUTTER_WORD_GAPS * gaps[len(gaps) // 2]) if gaps else GUTTER_MIN_WIDTH


def lines_to_blocks(lines: list[TextLine], gap: float = GUTTER_MIN_WIDTH, least: float = 0.0,
                    running: float | None = None, ruled: frozenset[TextLine] = frozenset()) -> list[list[TextLine]]:
    """Lines (top to bottom) -> blocks in reading order, like a recursive XY cut: where a run of
    lines leaves a gutter free, the run is read as its left part, then its right part, and each
    part is cut again (three columns are two cuts). Lines that cross the gutter (a header over
    all columns) stay in place, consecutive ones as one block; so do `ruled` lines, a table's
    rows between their rules (ruled_rows), whatever space their cells leave. A line that crosses
    the gutter only by a narrow column's long word run up to the next column (overflowed_rows) is
    read as its two parts, one in each column (or, where the long word ends the row, as the left
    column's line)."""
    if not lines:
        return []
    gutter = find_gutter(lines, min(w.x0 for l in lines for w in l.words), max(w.x1 for l in lines for w in l.words), gap,
                         least, running)
    if gutter is None:
        return [lines]
    blocks: list[list[TextLine]] = []
    run: list[TextLine] = []
    wide: list[TextLine] = []
    parts = overflowed_rows(lines, gutter, lambda line: crosses(line, gutter, gap, running), ruled, gap / 2)
    for k, line in enumerate(lines + [None]):
        if line is not None and line not in ruled and (line in parts or not crosses(line, gutter, gap, running)):
            if wide and not run and ends_the_lines_above(line, wide, lines[k + 1] if k + 1 < len(lines) else None, gap):
                wide.append(line)
                continue
            if wide:
                blocks.append(wide)
                wide = []
            run.append(line)
            continue
        if run:
            halves = [parts.get(l) or l.split(gutter) for l in run]
            blocks += lines_to_blocks([h[0] for h in halves if h[0]], gap, least, running, ruled)
            blocks += lines_to_blocks([h[1] for h in halves if h[1]], gap, least, running, ruled)
            run = []
        if line is not None:
            wide.append(line)
    if wide:
        blocks.append(wide)
    return blocks


def ends_the_lines_above(line: TextLine, wide: list[TextLine], following: TextLine | None, gap: float) -> bool:
    """Whether `line`, too short to cross the gutter, is the last line of the paragraph the
    lines above it end: it is shorter than the last of them and starts where that starts, one
    line spacing below it (the spacing of the lines above, or one of a line's height and up to
    LAST_LINE_SPACING times it below a single line), and the next line stands farther off (the
    labels of a map or a diagram under the column). Left to the lines beside it, it would be
    read with the figure's labels."""
    last = wide[-1]
    height = max(w.bottom for w in last.words) - last.top
    spacing = line.top - last.top
    if len(wide) >= 2:
        above = last.top - wide[-2].top
        if len(wide) > 2 and abs(wide[-2].top - wide[-3].top - above) > LINE_TOLERANCE:
            return False  # the lines above stand at no one spacing: a header's, not a paragraph's
        if abs(spacing - above) > LINE_TOLERANCE:
            return False
    if not height <= spacing <= LAST_LINE_SPACING * height:
        return False
    start, end = min(w.x0 for w in line.words), max(w.x1 for w in line.words)
    return (abs(start - min(w.x0 for w in last.words)) <= gap and end < max(w.x1 for w in last.words)
            and (following is None or following.top - line.top > PARAGRAPH_GAP * spacing))
