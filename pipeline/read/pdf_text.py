"""Load stage, PDF pages -> text in reading order, from word positions (pdfplumber's for a text
layer, Tesseract's TSV for a scan).

pdfplumber's `extract_text` reads two-column pages line by line across both columns. Here each
page's lines are rebuilt from word positions (words.py); where a run of lines leaves a vertical
gutter free (gutters.py), the run is read column by column (cut again for a third column), while full-width lines
(names, "size class · Land", labels) stay where they are. Distances are measured per block, as
pdfminer's layout analysis does: a gap larger than the block's own line spacing, or a change of
font size, becomes a blank line, so paragraphs survive and captions or pull quotes stand apart.
(pdfminer's text boxes through `laparams` come from the same word positions; a recursive cut per
block is what benchmarks/layout_family.py measures.)
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from pipeline.read.gutters import GUTTER_EMS, PARAGRAPH_GAP, gutter_width, lines_to_blocks
from pipeline.read.words import LARGE_TYPE, LINE_TOLERANCE, TextLine, Word, most_characters, words_to_lines

SIZE_DIGITS = 2  # a character's size is rounded to this many decimals (an OCR layer's differ in the fifteenth)
MARGIN_ZONE = 0.05  # share of the page height at top and bottom where running lines sit
SIZE_CHANGE = 0.04  # a font size this much larger or smaller (text layers give it exactly) is another kind of text
FITTED_SIZE_CHANGE = 0.2  # the same for an OCR layer's sizes, fitted to each line's box: a body's lines a point apart, a caption two (7 and 9)
BROCHURE_SIZE_SHARE = 0.2  # a page is read at the text layer's running size where this share of its characters is set in it
SCAN_IMAGE_SHARE = 0.8  # an image covering this much of a page is a scan
# Tesseract's confidence (0-100) below which it was unsure of a word: its misreadings of a scan's
# headings ('Vale Turale') are often real words, which only its own doubt tells apart
UNSURE_CONFIDENCE = 60.0
RULE_MAX_THICKNESS = 2.0  # points: a drawn rectangle or line this thin and wide is a rule
RULE_MIN_WIDTH_SHARE = 0.25  # of the page's width


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
    fitted_size: float | None = None  # an OCR layer's running text, as the size its maker fitted it to

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
    reading a page (measured: the same words on every page of 71 PDFs, in 40 % of the time).
    Sizes are rounded to SIZE_DIGITS: words are grouped by size, and an OCR layer sets one word's
    characters in sizes that differ in the fifteenth digit ('Fa' 'mil' 'ien' of 'Familien')."""
    from pdfminer.layout import LTChar, LTContainer, LTImage

    if page.pdf.unicode_norm is not None:  # pdfplumber normalises the text: its own objects
        return [dict(c, size=round(c["size"], SIZE_DIGITS)) for c in page.chars], page.images
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
                    placed.update(text=obj.get_text(), upright=obj.upright, size=round(obj.size, SIZE_DIGITS))
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


def lines_for_gutters(lines: list[TextLine], gap: float) -> dict[TextLine, TextLine]:
    """An OCR layer's lines -> {line as the gutters see it: line as read}: the lines in large type over
    the page's first line of running text (a name, a heading) with their spaces closed
    (big_type_spaces_closed); a logo or a big number among the columns keeps its spaces."""
    body = body_size(lines, True)
    if body is None:
        return {line: line for line in lines}
    first = min((l.top for l in lines if l.fitted is not None and l.fitted <= body), default=None)
    return {big_type_spaces_closed(l, gap, body) if first is not None and l.top < first else l: l for l in lines}


def big_type_spaces_closed(line: TextLine, gap: float, body: float) -> TextLine:
    """An OCR layer's line fitted to type LARGE_TYPE times the running text's (`body`, as fitted)
    or larger -> the same line with its words that stand nearer than `gap` grown with the type
    joined into one word, so that no gutter passes between them (a name's spaces at 24 points are
    as wide as a gutter between columns at 9); a big number's figures and signs ('35 %', '12') stay
    apart, as they stand in rows of key figures over columns; other lines as they are. For finding
    gutters only: the joined words lose their own confidences."""
    size = line.fitted
    if size is None or size < LARGE_TYPE * body:
        return line
    words = sorted(line.words, key=lambda w: w.x0)
    joined = [words[0]]
    for word in words[1:]:
        last = joined[-1]
        if word.x0 - last.x1 < gap * size / body and all(any(c.isalpha() for c in w.text) for w in (last, word)):
            joined[-1] = replace(last, text=f"{last.text} {word.text}", x1=max(last.x1, word.x1),
                                 top=min(last.top, word.top), bottom=max(last.bottom, word.bottom))
        else:
            joined.append(word)
    return TextLine(tuple(joined))


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
    text layer's (an OCR layer's: the size most of its characters were fitted to), where
    BROCHURE_SIZE_SHARE of the page's characters are set in it."""
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
    gap = gutter_width(lines)
    # an OCR layer tells no sizes to the column finding, but a line it fitted to type far larger than
    # the running text's (a name over the page) keeps its word spaces, wide as its type, from the gutters
    closed = {} if running is not None else lines_for_gutters(lines, gap)
    seen = list(closed) or lines
    blocks = lines_to_blocks(seen, gap, GUTTER_EMS * (running or 0.0), running, ruled_rows(seen, rules))
    blocks = [[closed.get(line, line) for line in block] for block in blocks]
    # an OCR layer's fitted sizes are too rough to find columns by, but tell a caption (7 points
    # against the body's 10 or 11) or a big number from the running text
    fitted = running is None
    size_of, change = (lambda line: line.fitted, FITTED_SIZE_CHANGE) if fitted else (lambda line: line.size, SIZE_CHANGE)
    page_size = body_size(lines, fitted) if fitted else running
    if fitted and None not in (page_size, brochure_size) \
            and at_size_share(lines, brochure_size, lambda line: line.fitted, change) >= BROCHURE_SIZE_SHARE:
        page_size = brochure_size  # a page of map labels round one line of running text: the line is the text's
    if fitted and page_size is not None and (ratio := letter_width_ratio(lines, page_size)):
        size_of = lambda line: size_by_width(line, ratio, page_size)  # noqa: E731
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
                    width, height, page_size if not fitted else None, rules, tuple(unsure), page_size if fitted else None)


LOWER_CASE_SHARE = 0.7  # a line's letters this much in lower case have a width that tells their size
WIDTH_MIN_LETTERS = 12  # and so many letters at least
# the size a line's letters' widths tell is the running text's within this share of it (a lead paragraph's
# lines at 12 against a body at 9 vary their widths by a tenth)
WIDTH_SIZE_TOLERANCE = 0.1


def lower_case_line(line: TextLine) -> bool:
    """Whether a line has WIDTH_MIN_LETTERS letters or more, LOWER_CASE_SHARE of them in lower case."""
    letters = [c for w in line.words for c in w.text if c.isalpha()]
    return len(letters) >= WIDTH_MIN_LETTERS and sum(c.islower() for c in letters) >= LOWER_CASE_SHARE * len(letters)


def letter_width(line: TextLine) -> float:
    """The mean width of a line's characters, in points (an OCR layer's words are stretched to their boxes)."""
    return sum(w.x1 - w.x0 for w in line.words) / max(1, sum(len(w.text) for w in line.words))


def letter_width_ratio(lines: list[TextLine], size: float) -> float | None:
    """An OCR layer's page -> the median width of a character per point of fitted size among its
    lines of running text in lower case fitted to `size`; None where none is."""
    ratios = sorted(letter_width(l) / size for l in lines if l.fitted == size and lower_case_line(l))
    return ratios[len(ratios) // 2] if ratios else None


def size_by_width(line: TextLine, ratio: float, page_size: float) -> float | None:
    """An OCR layer's fitted size of a line, but the running text's where the fit says larger type
    and the widths of its letters, in lower case, say the running text's: a line box Tesseract
    drew over two columns' lines at different heights fits it to type far larger than its letters
    ('verschlüsselt an die Praxis. Für Gewerbebetriebe …' at 12 points among lines at 9): within
    WIDTH_SIZE_TOLERANCE of it. A line fitted smaller keeps its size: a caption's sans-serif
    letters at 7 points are as wide as a serif body's at 9."""
    size = line.fitted
    if size is None or size <= page_size or not other_size(size, page_size, FITTED_SIZE_CHANGE) \
            or not lower_case_line(line):
        return size
    return page_size if abs(letter_width(line) / ratio - page_size) <= WIDTH_SIZE_TOLERANCE * page_size else size


def at_size_share(lines: list[TextLine], size: float, size_of=lambda line: line.size, change: float = SIZE_CHANGE) -> float:
    """The share of the lines' characters set in `size` (`size_of` a line, within `change`)."""
    total = sum(len(l.text) for l in lines)
    return sum(len(l.text) for l in lines if not other_size(size_of(l), size, change)) / total if total else 0.0


def brochure_size(pages: list[PageText]) -> tuple[float | None, bool]:
    """The font size of most characters of a text layer's pages: its running text; for an OCR
    layer, the size most of them were fitted to (then True); None where neither is known."""
    words = [w for page in pages for w in page.words]
    if not words:
        return None, False
    size = most_characters(words, lambda w: w.size, lambda size: round(size * 2) / 2)
    if size is not None:
        return size, False
    return most_characters(words, lambda w: w.fitted, round), True


def pages_at_brochure_size(pages: list[PageText]) -> list[PageText]:
    """Pages read each at the size of most of its characters -> the same pages, those whose size
    differs from the whole text layer's read again at it where enough of them is set in it: a page with
    little running text (a lead paragraph in larger type over a short column, a last line under a
    box of key figures, map labels round the last line of a sentence) would take its lead, its box
    or its labels for the running text."""
    size, fitted = brochure_size(pages)
    if size is None:
        return pages
    return [words_to_text(list(page.words), page.width, page.height, size, page.rules)
            if other_size(page.fitted_size if fitted else page.size, size, FITTED_SIZE_CHANGE if fitted else SIZE_CHANGE)
            else page for page in pages]


def type_scale(size: float | None, page_size: float | None) -> float:
    """How much farther apart than the running text's lines two lines of one paragraph stand,
    the smaller of them in `size`: a lead paragraph set larger is spaced in proportion, and its
    lines are one paragraph; a line in larger type under the text (a banner) is not drawn in."""
    return max(1.0, size / page_size) if size and page_size else 1.0
