"""Review pictures, PDF routes: a flagged field -> a crop of the printed page where it was read.

Needs the Result (each record's span in the text, which says its pages: the PDF routes join
pages with a form feed), the Source's words with their boxes per page, and the PDF file.
A value is found among its record's pages' words by its first words (fuzzily: OCR spells them
otherwise than the repaired value); the crop takes the lines above it too (where its label
stands) and the page's width of the text. For a description, the region of its first lines;
the stretch a quality note names is framed; for an uncertain edit series, its first
occurrence's line, the word framed. Pages are rendered with pypdfium2 (it comes with
pdfplumber). A value that is not found gets a picture of its record's header, where
the labels stand. Only the region of a page is rendered.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from pipeline.language.lexicon import WITHOUT_UMLAUTS
from pipeline.read.pdf_text import Word

SCALE = 1.5  # pixels per point: 108 dpi, enough to read 9 pt type
PNG_LEVEL = 3  # zlib level: the pictures are a third larger than at 9, and written four times faster
PROBE_WORDS = 6  # the value's first words looked for
WORD_MATCH = 70  # rapidfuzz ratio of a word as printed (or read) and as in the value
FOUND_SHARE = 0.6  # of the probe's words matched, in order, for the value to count as found
ABOVE, BELOW, SIDE = 48.0, 18.0, 12.0  # points around the value: the label above, a line below
DESCRIPTION_DEPTH = 220.0  # points of a description's region below its first words
HEADER_DEPTH = 140.0  # points below a record's name: its size line, Land and labels
MIN_WIDTH = 300.0  # points: a crop shows the line, not the word
CONTEXT_WORD = re.compile(r"[^\W_]+")
CONTEXT_AROUND = 3  # words either side of an edit that tell its occurrence on the page


@dataclass(frozen=True)
class Region:
    page: int  # physical page, 0-based
    x0: float
    top: float
    x1: float
    bottom: float
    marks: tuple[tuple[float, float, float, float], ...] = ()  # boxes to frame


def word_key(word: str) -> str:
    return re.sub(r"\W+", "", word.casefold().translate(WITHOUT_UMLAUTS))


@lru_cache(maxsize=8)  # a page is searched for each of its record's fields
def words_in_lines(words: tuple[Word, ...]) -> tuple[list[Word], list[str]]:
    ordered = sorted(words, key=lambda w: (round(w.top / 4), w.x0))
    return ordered, [word_key(w.text) for w in ordered]


def find_words(value: str, words: tuple[Word, ...]) -> list[Word] | None:
    """The page's words (in reading order) that print the first words of `value`, or None."""
    probe = [word_key(w) for w in value.split()[:PROBE_WORDS]]
    probe = [p for p in probe if p]
    if not probe:
        return None
    ordered, keys = words_in_lines(words)
    best: tuple[int, list[Word]] | None = None
    for start, key in enumerate(keys):
        if fuzz.ratio(key, probe[0]) < WORD_MATCH:
            continue
        taken, at = [ordered[start]], start + 1
        for p in probe[1:]:
            ahead = next((i for i in range(at, min(at + 3, len(keys))) if fuzz.ratio(keys[i], p) >= WORD_MATCH), None)
            if ahead is not None:
                taken.append(ordered[ahead])
                at = ahead + 1
        if best is None or len(taken) > best[0]:
            best = (len(taken), taken)
    return best[1] if best and best[0] >= FOUND_SHARE * len(probe) else None


def field_region(value, field_name: str, pages: range, page_words, stretch: str | None = None) -> Region | None:
    """Where on the record's pages a field's value was printed (None when not found); for the
    pseudo-field 'header', the record's name and the lines under it."""
    text = ", ".join(value) if isinstance(value, list) else str(value or "")
    for page in pages:
        if page >= len(page_words):
            break
        found = find_words(text, page_words[page])
        if not found:
            continue
        top, bottom = min(w.top for w in found), max(w.bottom for w in found)
        # whole lines: the words of the found lines in the found words' column
        left, right = min(w.x0 for w in found), max(w.x1 for w in found)
        lines = [w for w in page_words[page] if w.bottom > top and w.top < bottom
                 and w.x1 > left - MIN_WIDTH / 2 and w.x0 < right + MIN_WIDTH / 2]
        x0 = min(w.x0 for w in lines)
        x1 = max(max(w.x1 for w in lines), x0 + MIN_WIDTH)
        marks = ()
        if field_name == "header":
            bottom = top + HEADER_DEPTH
        if field_name == "description":
            bottom = top + DESCRIPTION_DEPTH
            x1 = max([x1] + [w.x1 for w in page_words[page] if top <= w.top <= bottom and w.x0 >= x0 - SIDE])
            framed = find_words(stretch, page_words[page]) if stretch else None
            if framed:
                marks = ((min(w.x0 for w in framed), min(w.top for w in framed),
                          max(w.x1 for w in framed), max(w.bottom for w in framed)),)
                bottom = max(bottom, marks[0][3])
        return Region(page, max(0.0, x0 - SIDE), max(0.0, top - ABOVE), x1 + SIDE, bottom + BELOW, marks)
    return None


class RenderedPages:
    """A PDF opened once for all its pictures; a region asked again (a record's fields read in
    one place: its name and its place, or its header for every field not found) is rendered once."""

    def __init__(self, path: str):
        import pypdfium2

        self.pdf = pypdfium2.PdfDocument(path)
        self.rendered: dict[Region, bytes] = {}

    def png(self, region: Region) -> bytes:
        if region not in self.rendered:
            self.rendered[region] = region_to_png(self, region)
        return self.rendered[region]

    def close(self) -> None:
        self.pdf.close()


def region_to_png(pages: RenderedPages, region: Region) -> bytes:
    """The region of a page rendered as PNG (only that region: a whole page costs ten times
    more), its marks framed in red."""
    from PIL import ImageDraw

    page = pages.pdf[region.page]
    width, height = page.get_size()
    x0, top = max(0.0, region.x0), max(0.0, region.top)
    x1, bottom = min(width, region.x1), min(height, region.bottom)
    # pdfium crops by the points cut off each side: left, bottom, right, top
    # grey where nothing is framed: the print reads as well, and the PNG is written twice as fast
    crop = page.render(scale=SCALE, crop=(x0, height - bottom, width - x1, top), grayscale=True).to_pil()
    crop = crop.convert("RGB" if region.marks else "L")
    draw = ImageDraw.Draw(crop)
    for mx0, mtop, mx1, mbottom in region.marks:
        draw.rectangle([(mx0 - x0) * SCALE - 2, (mtop - top) * SCALE - 2,
                        (mx1 - x0) * SCALE + 2, (mbottom - top) * SCALE + 2], outline=(220, 38, 38), width=3)
    out = io.BytesIO()
    crop.save(out, format="PNG", compress_level=PNG_LEVEL)
    return out.getvalue()


def review_pictures(result, source, series: list) -> dict:
    """The pictures of review.html: (record id, field) or a series' key -> (file name under
    evidence/, PNG); empty for text inputs."""
    if not source.page_words or not source.file:
        return {}
    pages = RenderedPages(source.file)
    try:
        return {**field_pictures(result, source, pages), **series_pictures(result, source, series, pages)}
    finally:
        pages.close()


def series_pictures(result, source, series: list, pdf: RenderedPages) -> dict[str, tuple[str, bytes]]:
    """Series key -> (file name under evidence/, PNG) of its first occurrence's line, the word
    framed, for the uncertain edit series of a PDF input."""
    raw = result.cleaned.raw
    out: dict[str, tuple[str, bytes]] = {}
    for number, s in enumerate(series):
        entry = s.entries[0]
        page = raw.count("\f", 0, entry["start"])
        if page >= len(source.page_words):
            continue
        word = entry["word_before"] or entry["before"]
        start = raw.rfind(word, max(0, entry["start"] - len(word)), entry["end"] + len(word))
        start = start if start >= 0 else entry["start"]
        before, after = CONTEXT_WORD.findall(raw[max(0, start - 80):start]), CONTEXT_WORD.findall(raw[start + len(word):start + len(word) + 80])
        found = occurrence_on_page(word, before[-CONTEXT_AROUND:], after[:CONTEXT_AROUND], source.page_words[page])
        if not found:
            continue
        line = [w for w in source.page_words[page] if w.bottom > found[0].top and w.top < found[0].bottom
                and abs(w.x0 - found[0].x0) < 2 * MIN_WIDTH]
        x0 = min(w.x0 for w in line)
        x1 = max(max(w.x1 for w in line), x0 + MIN_WIDTH)
        marks = ((min(w.x0 for w in found), min(w.top for w in found), max(w.x1 for w in found),
                  max(w.bottom for w in found)),)
        region = Region(page, max(0.0, x0 - SIDE), max(0.0, found[0].top - BELOW), x1 + SIDE, found[0].bottom + BELOW,
                        marks)
        out[s.key] = (f"edit-{number}.png", pdf.png(region))
    return out


def occurrence_on_page(word: str, before: list[str], after: list[str], words: tuple[Word, ...]) -> list[Word] | None:
    """The printed occurrence of `word` that the text around it (`before`, `after`: a few words
    each) points to: of the page's words that print it, the one with the most of those words
    near it (its line and the lines above and below), a word printed as read before one read
    otherwise; a word printed in two pieces ('nutz' 't') is framed whole. None where the page
    does not print it."""
    target = word_key(word)
    if not target:
        return None
    ordered, keys = words_in_lines(words)
    around = {word_key(w) for w in before + after} - {"", target}
    best, best_score = None, None
    for i, key in enumerate(keys):
        pieces = [ordered[i]]
        joined = key
        while len(joined) < len(target) and target.startswith(joined) and i + len(pieces) < len(keys):
            nxt = ordered[i + len(pieces)]
            if abs(nxt.top - ordered[i].top) > ordered[i].bottom - ordered[i].top or nxt.x0 - pieces[-1].x1 > SIDE:
                break
            pieces.append(nxt)
            joined += keys[i + len(pieces) - 1]
        similarity = fuzz.ratio(joined, target)
        if similarity < WORD_MATCH:
            continue
        w = ordered[i]
        height = w.bottom - w.top
        near = {keys[j] for j, o in enumerate(ordered) if abs(o.top - w.top) <= 1.6 * height and abs(o.x0 - w.x0) < MIN_WIDTH}
        score = (len(around & near), joined == target, similarity)
        if best_score is None or score > best_score:
            best, best_score = pieces if joined == target or len(pieces) == 1 else pieces[:1], score
    return best


def field_pictures(result, source, pdf: RenderedPages) -> dict[tuple[str, str], tuple[str, bytes]]:
    """(record id, field) -> (file name under evidence/, PNG) for every flagged field found on
    its pages."""
    raw = result.cleaned.raw
    out: dict[tuple[str, str], tuple[str, bytes]] = {}
    for project in result.brochure.projects:
        span = result.record_spans.get(project.id)
        if not span or not project.needs_review:
            continue
        pages = range(raw.count("\f", 0, span[0]), raw.count("\f", 0, span[1]) + 1)
        for field_name in project.needs_review:
            note = project.review_notes.get(field_name, "")
            stretch = re.search(r"in '(.+?)' only", note)
            # a place is read from the name; the Länder, printed as a list, by their first one
            value = project.name if field_name == "place" else getattr(project, field_name)
            region = field_region(value, field_name, pages, source.page_words, stretch.group(1) if stretch else None)
            if region is None and field_name != "name":  # the record's header, where the labels stand
                region = field_region(project.name, "header", pages, source.page_words)
            if region is not None:
                out[(project.id, field_name)] = (f"{project.id}-{field_name}.png", pdf.png(region))
    return out
