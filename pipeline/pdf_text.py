"""Load stage, PDF pages -> text in reading order, from word positions (pdfplumber's for a text
layer, Tesseract's TSV for a scan).

pdfplumber's `extract_text` reads two-column pages line by line across both columns. Here each
page's lines are rebuilt from word positions; where a run of lines leaves a vertical gutter
free, the run is read as two columns (left column first), while full-width lines (names,
"size class · Land", labels) stay where they are. A vertical gap larger than the usual line
spacing becomes a blank line, so paragraphs survive.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

LINE_TOLERANCE = 3.0  # points: words whose tops differ less sit on one line
GUTTER_MIN_WIDTH = 8.0
GUTTER_STEP = 2.0  # points between the x positions tried
GUTTER_ZONE = (0.3, 0.7)  # where a gutter may lie, as a share of the page width
MIN_COLUMN_LINES = 3
MARGIN_ZONE = 0.05  # share of the page height at top and bottom where running lines sit
PARAGRAPH_GAP = 1.6  # a gap this many times the usual line spacing starts a paragraph


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass(frozen=True)
class TextLine:
    words: tuple[Word, ...]

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in sorted(self.words, key=lambda w: w.x0))

    def split(self, gutter: float) -> tuple["TextLine | None", "TextLine | None"]:
        left = tuple(w for w in self.words if w.x1 <= gutter)
        right = tuple(w for w in self.words if w.x0 >= gutter)
        return (TextLine(left) if left else None, TextLine(right) if right else None)


def words_to_lines(words: list[Word]) -> list[TextLine]:
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        first = lines[-1][0] if lines else None
        # a small mark (the '·' between size class and Land) sits lower but inside the line
        if first and (abs(first.top - word.top) <= LINE_TOLERANCE
                      or first.top <= (word.top + word.bottom) / 2 <= first.bottom):
            lines[-1].append(word)
        else:
            lines.append([word])
    return [TextLine(tuple(line)) for line in lines]


def find_gutter(lines: list[TextLine], width: float) -> float | None:
    """The x in the middle of the page that the fewest lines cross, among those with words on
    both sides in at least MIN_COLUMN_LINES lines; None for a one-column page."""
    xs = [width * GUTTER_ZONE[0] + GUTTER_STEP * i
          for i in range(int(width * (GUTTER_ZONE[1] - GUTTER_ZONE[0]) / GUTTER_STEP) + 1)]
    crossing, two_sided = [0] * len(xs), [0] * len(xs)
    for line in lines:  # counted with difference arrays: one pass over the words, not one per x
        crossed = [0] * (len(xs) + 1)
        for w in line.words:
            first, last = bins_between(xs, w.x0 - GUTTER_MIN_WIDTH / 2, w.x1 + GUTTER_MIN_WIDTH / 2)
            if first <= last:
                crossed[first] += 1
                crossed[last + 1] -= 1
        first, last = bins_between(xs, min(w.x1 for w in line.words), max(w.x0 for w in line.words), closed=True)
        depth = 0
        for i in range(len(xs)):
            depth += crossed[i]
            if depth:
                crossing[i] += 1
            elif first <= i <= last:
                two_sided[i] += 1
    best = None
    for i, x in enumerate(xs):
        if two_sided[i] >= MIN_COLUMN_LINES and (best is None or (crossing[i], -two_sided[i]) < best[0]):
            best = ((crossing[i], -two_sided[i]), x)
    return best[1] if best else None


def bins_between(xs: list[float], low: float, high: float, closed: bool = False) -> tuple[int, int]:
    """Indexes (first, last) of the xs with low < x < high (low <= x <= high when closed)."""
    if closed:
        return bisect_left(xs, low), bisect_right(xs, high) - 1
    return bisect_right(xs, low), bisect_left(xs, high) - 1


def crosses(line: TextLine, x: float) -> bool:
    return any(w.x0 - GUTTER_MIN_WIDTH / 2 < x < w.x1 + GUTTER_MIN_WIDTH / 2 for w in line.words)


def page_lines_in_reading_order(lines: list[TextLine], width: float) -> list[list[TextLine]]:
    """Blocks of lines in reading order: a full-width line stays in place; a run of lines between
    them that leaves the gutter free is read as its left column, then its right column."""
    gutter = find_gutter(lines, width)
    if gutter is None:
        return [lines]
    blocks: list[list[TextLine]] = []
    run: list[TextLine] = []
    for line in lines + [None]:
        if line is not None and not crosses(line, gutter):
            run.append(line)
            continue
        if run:
            halves = [l.split(gutter) for l in run]
            left, right = [h[0] for h in halves if h[0]], [h[1] for h in halves if h[1]]
            blocks += [b for b in (left, right) if b]
            run = []
        if line is not None:
            blocks.append([line])
    return blocks


@dataclass(frozen=True)
class PageText:
    """A page's text: the lines in its top and bottom margins (where running headers, footers
    and page numbers sit) apart from the body in reading order."""

    top: list[str]
    body: str
    bottom: list[str]

    @property
    def empty(self) -> bool:
        return not (self.top or self.body.strip() or self.bottom)


def page_to_text(page) -> PageText:
    """A pdfplumber page -> its text in reading order, paragraphs separated by blank lines."""
    words = [Word(w["text"], w["x0"], w["x1"], w["top"], w["bottom"]) for w in page.extract_words()]
    return words_to_text(words, float(page.width), float(page.height))


def tsv_to_words(tsv: str, scale: float) -> list[Word]:
    """Tesseract's TSV output (pixels) -> words in points (`scale` = 72 / dpi)."""
    words = []
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) == 12 and cells[0] == "5" and cells[11].strip():
            left, top, width, height = (int(cells[i]) for i in (6, 7, 8, 9))
            words.append(Word(cells[11].strip(), left * scale, (left + width) * scale, top * scale,
                              (top + height) * scale))
    return words


def words_to_text(words: list[Word], width: float, height: float) -> PageText:
    """Positioned words of one page -> margin lines and body text in reading order, paragraphs
    separated by blank lines."""
    margin = height * MARGIN_ZONE
    all_lines = words_to_lines(words)
    top = [l.text for l in all_lines if l.top < margin]
    bottom = [l.text for l in all_lines if l.top > height - margin]
    lines = [l for l in all_lines if margin <= l.top <= height - margin]
    if not lines:
        return PageText(top, "", bottom)
    gaps = [b.top - a.top for a, b in zip(lines, lines[1:]) if b.top > a.top]
    usual = sorted(gaps)[len(gaps) // 4] if gaps else 0.0  # the line spacing of running text
    out: list[str] = []
    for block in page_lines_in_reading_order(lines, width):
        if out and out[-1] != "":
            out.append("")
        previous = None
        for line in block:
            if previous is not None and usual and line.top - previous.top > PARAGRAPH_GAP * usual:
                out.append("")
            out.append(line.text)
            previous = line
    return PageText(top, "\n".join(out).strip() + "\n", bottom)
