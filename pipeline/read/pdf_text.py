"""Load stage, PDF pages -> text in reading order, from word positions (pdfplumber's for a text
layer, Tesseract's TSV for a scan).

pdfplumber's `extract_text` reads two-column pages line by line across both columns. Here each
page's lines are rebuilt from word positions; where a run of lines leaves a vertical gutter
free, the run is read column by column (cut again for a third column), while full-width lines
(names, "size class · Land", labels) stay where they are. Distances are measured per block, as
pdfminer's layout analysis does: a gap larger than the block's own line spacing, or a change of
font size, becomes a blank line, so paragraphs survive and captions or pull quotes stand apart.
(pdfminer's text boxes through `laparams` come from the same word positions; a recursive cut per
block is what benchmarks/layout_family.py measures.)
"""
from __future__ import annotations

import statistics
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass

from pipeline.read.overflow import overflowed_rows

LINE_TOLERANCE = 3.0  # points: words whose tops differ less sit on one line
GUTTER_MIN_WIDTH = 8.0
GUTTER_WORD_GAPS = 1.6  # a gutter is at least this many times the page's usual space between words
GUTTER_EMS = 1.0  # a gutter leaves at least the body's font size free (where a text layer tells it)
GUTTER_STEP = 2.0  # points between the x positions tried
GUTTER_ZONE = (0.2, 0.8)  # where a gutter may lie, as a share of the width of the lines cut
MIN_COLUMN_LINES = 2  # a column of two lines (a paragraph's end at the top of the next column) is one
MARGIN_ZONE = 0.05  # share of the page height at top and bottom where running lines sit
PARAGRAPH_GAP = 1.3  # a gap this many times the block's usual line spacing starts a paragraph
SIZE_CHANGE = 0.04  # a font size this much larger or smaller (text layers give it exactly) is another kind of text
FITTED_SIZE_CHANGE = 0.25  # the same for an OCR layer's sizes, fitted to each line's box: a body's lines come out a point apart
TEXT_COLUMNS_MIN_LINES = 4  # lines crossing a gutter are judged as columns of their own from this many
TEXT_GUTTER_EMS = 3.0  # the free space between columns of running text is at most this many line heights
LAST_LINE_SPACING = 1.8  # a paragraph's lines stand at most this many line heights apart
BROCHURE_SIZE_SHARE = 0.2  # a page is read at the text layer's running size where this share of its characters is set in it
LARGE_TYPE = 1.5  # type this many times larger than a word's is another element's (a big number)
JOINED_GAP = 0.5  # points: a word that begins this near another's end is printed on from it
SCAN_IMAGE_SHARE = 0.8  # an image covering this much of a page is a scan
# Tesseract's confidence (0-100) below which it was unsure of a word: its misreadings of a scan's
# headings ('Vale Turale') are often real words, which only its own doubt tells apart
UNSURE_CONFIDENCE = 60.0
RULE_MAX_THICKNESS = 2.0  # points: a drawn rectangle or line this thin and wide is a rule
RULE_MIN_WIDTH_SHARE = 0.25  # of the page's width


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float | None = None  # the font size where a text layer tells it; None for OCR
    fitted: float | None = None  # an OCR text layer's size, which its maker fitted to the line's box
    confidence: float | None = None  # Tesseract's, 0-100, where this tool read a scan; None otherwise


@dataclass(frozen=True)
class TextLine:
    words: tuple[Word, ...]

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in sorted(self.words, key=lambda w: w.x0))

    @property
    def size(self) -> float | None:
        """The font size most of the line's characters have, None where it is not known."""
        return most_characters(self.words, lambda w: w.size, lambda size: round(size * 2) / 2)

    @property
    def fitted(self) -> float | None:
        """The size an OCR text layer fitted most of the line's characters to, None where it is not known."""
        return most_characters(self.words, lambda w: w.fitted, round)

    def split(self, gutter: float) -> tuple["TextLine | None", "TextLine | None"]:
        left = tuple(w for w in self.words if w.x1 <= gutter)
        right = tuple(w for w in self.words if w.x0 >= gutter)
        return (TextLine(left) if left else None, TextLine(right) if right else None)


def most_characters(words, size_of, rounded) -> float | None:
    """The size (`size_of` a word, `rounded`) that most of the words' characters have; None where
    a word's is not known."""
    sizes = Counter()
    for w in words:
        size = size_of(w)
        if size is None:
            return None
        sizes[rounded(size)] += len(w.text)
    return sizes.most_common(1)[0][0]


def words_to_lines(words: list[Word]) -> list[TextLine]:
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        first = lines[-1][0] if lines else None
        if first and (abs(first.top - word.top) <= LINE_TOLERANCE or inside_line(first, word)
                      or any(joined(w, word) or spaced(w, word) for w in lines[-1])):
            lines[-1].append(word)
        else:
            lines.append([word])
    return [TextLine(tuple(line)) for line in lines]


def inside_line(first: Word, word: Word) -> bool:
    """Whether `word` sits inside the height of the line `first` begins, though its top differs
    (a small mark, the '·' between size class and Land, sits lower). A word in much smaller type
    than a first word in large type is not: beside a big number in 28-point type, the next line of
    the column next to it lies inside that height too. Judged by the type sizes a text layer tells;
    an OCR's boxes hug the ink, so a heading's short words are lower there than its tall ones."""
    if not first.top <= (word.top + word.bottom) / 2 <= first.bottom:
        return False
    return not (first.size and word.size and first.size > LARGE_TYPE * word.size
                and any(c.isalnum() for c in word.text))


def spaced(left: Word, word: Word) -> bool:
    """Whether `word` is the next word of `left`'s line, level with it a word space on, though the
    line's first word is another column's at another height (OCR boxes: 'Mit' | 'Daten')."""
    return abs(word.top - left.top) <= LINE_TOLERANCE and 0 <= word.x0 - left.x1 <= left.bottom - left.top


def joined(left: Word, word: Word) -> bool:
    """Whether `word` goes on `left` in one line: it begins where `left` ends and its middle lies
    within `left`'s height (a label in small capitals, 'M' then 'OTTO' in smaller type, whose tops
    differ more than a line's words do; the line's first word may stand in another column)."""
    return abs(word.x0 - left.x1) <= JOINED_GAP and left.top <= (word.top + word.bottom) / 2 <= left.bottom


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
    text (`running`) needs a wider space between its words to let x pass (taken_spans)."""
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
        depth = ink = 0
        for i in range(len(xs)):
            depth += crossed[i]
            ink += inked[i]
            if real:
                crossing[i] += bool(depth)
                ragged[i] += bool(depth) and not ink
                runs[i] += bool(depth) and not was_crossed[i]
                was_crossed[i] = bool(depth)
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
    read as its two parts, one in each column."""
    if not lines:
        return []
    gutter = find_gutter(lines, min(w.x0 for l in lines for w in l.words), max(w.x1 for l in lines for w in l.words), gap,
                         least, running)
    if gutter is None:
        return [lines]
    blocks: list[list[TextLine]] = []
    run: list[TextLine] = []
    wide: list[TextLine] = []
    parts = overflowed_rows(lines, gutter, lambda line: crosses(line, gutter, gap, running), ruled)
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


@dataclass(frozen=True)
class PageText:
    """A page's text: the lines in its top and bottom margins (where running headers, footers
    and page numbers sit) apart from the body in reading order. `styled` holds the numbers of
    body lines (in body.split("\\n")) set in another size than the page's running text: captions,
    pull quotes, callouts, headings; known for text layers, and roughly for OCR layers (the sizes
    their maker fitted to the lines' boxes). `larger` holds those of them set larger than the
    running text (a lead paragraph, a heading, a big number)."""

    top: list[str]
    body: str
    bottom: list[str]
    styled: frozenset[int] = frozenset()
    words: tuple[Word, ...] = ()  # every word with its box, for the pictures of review.html
    larger: frozenset[int] = frozenset()
    width: float = 0.0  # the page's, in points
    height: float = 0.0
    size: float | None = None  # the running text's font size as read (a text layer's)
    rules: tuple[tuple[float, float, float], ...] = ()  # drawn horizontal rules: (x0, x1, y from the top)
    unsure: tuple[tuple[int, str], ...] = ()  # (body line number, word) Tesseract read below UNSURE_CONFIDENCE

    @property
    def empty(self) -> bool:
        return not (self.top or self.body.strip() or self.bottom)


def page_to_text(page) -> PageText:
    """A pdfplumber page -> its text in reading order, paragraphs separated by blank lines.
    Font sizes are used only where they are the printed ones: an OCR text layer over a page
    image (scanner output) sizes its invisible words to fit their boxes."""
    from pdfplumber.utils import extract_words

    chars, images = page_chars_and_images(page)
    scanned = any((i["x1"] - i["x0"]) * (i["bottom"] - i["top"]) >= SCAN_IMAGE_SHARE * page.width * page.height
                  for i in images)
    words = [Word(w["text"], w["x0"], w["x1"], w["top"], w["bottom"], None if scanned else float(w["size"]),
                  float(w["size"]) if scanned else None)
             for w in extract_words(chars, extra_attrs=["size"])]
    return words_to_text(words, float(page.width), float(page.height), rules=page_rules(page))


def page_rules(page) -> tuple[tuple[float, float, float], ...]:
    """A pdfplumber page's horizontal rules: drawn rectangles and lines at most RULE_MAX_THICKNESS
    high and RULE_MIN_WIDTH_SHARE of the page wide -> (x0, x1, y from the top)."""
    from pdfminer.layout import LTContainer, LTCurve

    shift_x, shift_top = page.mediabox[:2]
    found: list[tuple[float, float, float]] = []

    def walk(objects) -> None:
        for obj in objects:
            if isinstance(obj, LTCurve) and obj.y1 - obj.y0 <= RULE_MAX_THICKNESS \
                    and obj.x1 - obj.x0 >= RULE_MIN_WIDTH_SHARE * page.width:
                found.append((obj.x0 + shift_x, obj.x1 + shift_x, page.height - (obj.y0 + obj.y1) / 2 + shift_top))
            elif isinstance(obj, LTContainer) and not isinstance(obj, LTCurve):
                walk(obj._objs)

    walk(page.layout._objs)
    return tuple(sorted(found, key=lambda rule: rule[2]))


def ruled_rows(lines: list[TextLine], rules: tuple[tuple[float, float, float], ...]) -> frozenset[TextLine]:
    """The rows of ruled tables whose rows are one line each: a table is the rules of one extent,
    a row the lines between two of them, within its extent ('KONTAKT: Referat Smart City' between
    hairlines). Such rows are read across whatever space stands between their cells. A table with
    a row of several lines (a cell's text wrapped) is left to the columns' reading, which reads all
    its rows alike."""
    tables: dict[tuple[int, int], list[float]] = {}
    for x0, x1, y in rules:
        tables.setdefault((round(x0), round(x1)), []).append(y)
    rows: set[TextLine] = set()
    for (x0, x1), ys in tables.items():
        inside = [l for l in lines if min(w.x0 for w in l.words) >= x0 - LINE_TOLERANCE
                  and max(w.x1 for w in l.words) <= x1 + LINE_TOLERANCE]
        cells = [[l for l in inside if upper <= l.top and max(w.bottom for w in l.words) <= lower]
                 for upper, lower in zip(ys, ys[1:])]
        if any(len(cell) > 1 for cell in cells):
            continue
        rows.update(cell[0] for cell in cells if cell)
    return frozenset(rows)


def page_chars_and_images(page) -> tuple[list[dict], list[dict]]:
    """A pdfplumber page -> its characters and images as pdfplumber's `page.chars` and
    `page.images` give them, with only the keys word grouping and the scan test use. They are
    made straight from pdfminer's layout objects, as pdfplumber's Page.process_object places
    them: its own objects carry every colour and graphics state, which costs more than half of
    reading a page (measured: the same words on every page of 71 PDFs, in 40 % of the time)."""
    from pdfminer.layout import LTChar, LTContainer, LTImage

    if page.pdf.unicode_norm is not None:
        return page.chars, page.images  # pdfplumber normalises the text: its own objects
    shift_x, shift_top = page.mediabox[:2]
    height, doctop = page.height, page.initial_doctop
    chars: list[dict] = []
    images: list[dict] = []

    def walk(objects) -> None:
        for obj in objects:
            if isinstance(obj, LTContainer):  # a figure: its characters are the page's too
                walk(obj._objs)
            elif isinstance(obj, (LTChar, LTImage)):
                top = height - obj.y1 + shift_top
                placed = {"x0": obj.x0 + shift_x, "x1": obj.x1 + shift_x, "top": top,
                          "bottom": height - obj.y0 + shift_top, "doctop": doctop + top}
                if isinstance(obj, LTChar):
                    placed.update(text=obj.get_text(), upright=obj.upright, size=obj.size)
                    chars.append(placed)
                else:
                    images.append(placed)

    walk(page.layout._objs)
    return chars, images


def tsv_to_words(tsv: str, scale: float) -> list[Word]:
    """Tesseract's TSV output (pixels) -> words in points (`scale` = 72 / dpi)."""
    words = []
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) == 12 and cells[0] == "5" and cells[11].strip():
            left, top, width, height = (int(cells[i]) for i in (6, 7, 8, 9))
            words.append(Word(cells[11].strip(), left * scale, (left + width) * scale, top * scale,
                              (top + height) * scale, confidence=float(cells[10])))
    return words


def line_spacing(block: list[TextLine]) -> float | None:
    """The distance between the tops of a block's lines within a paragraph (the lower quartile of
    all distances: blocks of one-line paragraphs have more gaps than lines), None for a block of
    one or two lines."""
    gaps = sorted(b.top - a.top for a, b in zip(block, block[1:]) if b.top > a.top)
    return gaps[len(gaps) // 4] if len(gaps) >= 2 else None


def body_size(lines: list[TextLine], fitted: bool = False) -> float | None:
    """The font size of most characters of the page's body: its running text (`fitted`: as an
    OCR text layer fitted it)."""
    sizes = Counter()
    for line in lines:
        size = line.fitted if fitted else line.size
        if size is None:
            return None
        sizes[size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else None


def other_size(a: float | None, b: float | None, change: float = SIZE_CHANGE) -> bool:
    return a is not None and b is not None and abs(a - b) > change * max(a, b)


def words_to_text(words: list[Word], width: float, height: float, brochure_size: float | None = None,
                  rules: tuple[tuple[float, float, float], ...] = ()) -> PageText:
    """Positioned words of one page -> margin lines and body text in reading order, paragraphs
    separated by blank lines. Line spacing is measured per block (a column has its own; two
    columns' lines need not share baselines), and a change of font size starts a paragraph. The
    running text's size is the page's (that of most characters), or `brochure_size`, the whole
    text layer's, where BROCHURE_SIZE_SHARE of the page's characters are set in it."""
    margin = height * MARGIN_ZONE
    all_lines = words_to_lines(words)
    top = [l.text for l in all_lines if l.top < margin]
    bottom = [l.text for l in all_lines if l.top > height - margin]
    lines = [l for l in all_lines if margin <= l.top <= height - margin]
    if not lines:
        return PageText(top, "", bottom, words=tuple(words), width=width, height=height, rules=rules)
    running = body_size(lines)
    if None not in (running, brochure_size) and at_size_share(lines, brochure_size) >= BROCHURE_SIZE_SHARE:
        running = brochure_size
    blocks = lines_to_blocks(lines, gutter_width(lines), GUTTER_EMS * (running or 0.0), running, ruled_rows(lines, rules))
    # an OCR layer's fitted sizes are too rough to find columns by, but tell a caption (7 points
    # against the body's 10 or 11) or a big number from the running text
    fitted = running is None
    size_of, change = (lambda line: line.fitted, FITTED_SIZE_CHANGE) if fitted else (lambda line: line.size, SIZE_CHANGE)
    page_size = body_size(lines, fitted) if fitted else running
    spacings = [s for s in map(line_spacing, blocks) if s]
    page_spacing = min(spacings) if spacings else None
    out: list[str] = []
    styled: set[int] = set()
    larger: set[int] = set()
    unsure: list[tuple[int, str]] = []
    for block in blocks:
        if out and out[-1] != "":
            out.append("")
        usual = line_spacing(block) or page_spacing
        previous = None
        for line in block:
            if previous is not None and out[-1] != "" and (
                    (usual and line.top - previous.top > PARAGRAPH_GAP * usual
                     * type_scale(min(size_of(line) or 0, size_of(previous) or 0), page_size))
                    or other_size(size_of(line), size_of(previous), change)):
                out.append("")
            unsure.extend((len(out), w.text) for w in line.words
                          if w.confidence is not None and w.confidence < UNSURE_CONFIDENCE)
            if other_size(size_of(line), page_size, change):
                styled.add(len(out))
                if size_of(line) > page_size:
                    larger.add(len(out))
            out.append(line.text)
            previous = line
    while out and out[-1] == "":
        out.pop()
    return PageText(top, "\n".join(out) + "\n", bottom, frozenset(styled), tuple(words), frozenset(larger),
                    width, height, page_size if not fitted else None, rules, tuple(unsure))


def at_size_share(lines: list[TextLine], size: float) -> float:
    """The share of the lines' characters set in `size`."""
    total = sum(len(l.text) for l in lines)
    return sum(len(l.text) for l in lines if not other_size(l.size, size)) / total if total else 0.0


def brochure_size(pages: list[PageText]) -> float | None:
    """The font size of most characters of a text layer's pages: its running text (None for OCR)."""
    words = [w for page in pages for w in page.words]
    return most_characters(words, lambda w: w.size, lambda size: round(size * 2) / 2) if words else None


def pages_at_brochure_size(pages: list[PageText]) -> list[PageText]:
    """Pages read each at the size of most of its characters -> the same pages, those whose size
    differs from the whole text layer's read again at it where enough of them is set in it: a page with
    little running text (a lead paragraph in larger type over a short column, a last line under a
    box of key figures) would take its lead or its box for the running text."""
    size = brochure_size(pages)
    if size is None:
        return pages
    return [words_to_text(list(page.words), page.width, page.height, size, page.rules) if other_size(page.size, size) else page
            for page in pages]


def type_scale(size: float | None, page_size: float | None) -> float:
    """How much farther apart than the running text's lines two lines of one paragraph stand,
    the smaller of them in `size`: a lead paragraph set larger is spaced in proportion, and its
    lines are one paragraph; a line in larger type under the text (a banner) is not drawn in."""
    return max(1.0, size / page_size) if size and page_size else 1.0
