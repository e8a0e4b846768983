"""Page numbers in a text that came without pages (an OCR .txt): a lone number is a page number
only where the text's other lone numbers count pages with it; any other is a figure's ('48' over
'Ladepunkte', the number of a diagram's step) and is kept as figure text, not dropped.

A PDF's page numbers are found by their place on the page (read/page_furniture.py)."""
from __future__ import annotations

from pipeline.read.page_furniture import PAGE_NUMBER
from pipeline.records.segment import Line
from pipeline.records.text import join_lines, paragraphs

PAGE_LINES = (8, 200)  # the lines of text one page of a brochure holds, at least and at most
PAGES_SKIPPED = 2  # a page number may be missing on a page or two (a full-page picture)


def lone_numbers(lines: list[Line]) -> list[tuple[int, int, str]]:
    """(line number, value, text) of each paragraph that is a lone number."""
    out = []
    for para in paragraphs(lines):
        text = join_lines(para)
        number = PAGE_NUMBER.match(text)
        if number:
            out.append((para[0].number, int(number.group(1)), text.strip()))
    return out


def page_number_lines(lines: list[Line]) -> frozenset[int]:
    """The lines of a text's lone numbers that count its pages: another lone number lies a page or
    two on, as many pages' worth of lines away (PAGE_LINES per page)."""
    numbers = lone_numbers(lines)
    counted = set()
    for at, value, _ in numbers:
        for other_at, other, _ in numbers:
            pages, distance = other - value, other_at - at
            if 0 < abs(pages) <= PAGES_SKIPPED and pages * distance > 0 \
                    and PAGE_LINES[0] <= distance / pages <= PAGE_LINES[1]:
                counted.add(at)
                break
    return frozenset(counted)


def figure_numbers(body: list[Line], page_numbers: frozenset[int]) -> list[str]:
    """The lone numbers of a record's body that count no pages: a figure's."""
    return [text for at, _, text in lone_numbers(body) if at not in page_numbers]
