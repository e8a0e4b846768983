"""Pages of an OCR text: the text lines between page breaks (runs of PAGE_BREAK_BLANKS blank
lines), and the lines at their edges, where running headers and footers stand."""
from __future__ import annotations

from typing import Protocol

from pipeline.read.page_furniture import PAGE_BREAK_BLANKS


class Line(Protocol):
    number: int
    text: str
    blank: bool


def page_edge_lines(lines: list[Line], depth: int = 2) -> set[int]:
    """The numbers of the first and last `depth` text lines of each page (pages end at a run of
    PAGE_BREAK_BLANKS blank lines): where running headers and footers stand. A value repeated in
    the middle of pages ('2,4 Mio. Euro' under each project) is no running line."""
    pages = [[line.number for line in page] for page in text_pages(lines)]
    return {n for page in pages for n in (*page[:depth], *page[-depth:])}


def text_pages(lines: list[Line]) -> list[list[Line]]:
    """The text lines between page breaks (runs of PAGE_BREAK_BLANKS blank lines)."""
    pages: list[list[Line]] = [[]]
    blanks = 0
    for line in lines:
        if line.blank:
            blanks += 1
            continue
        if blanks >= PAGE_BREAK_BLANKS and pages[-1]:
            pages.append([])
        blanks = 0
        pages[-1].append(line)
    return pages


def page_break_between(by_number: dict[int, Line], first: int, last: int) -> bool:
    """Whether a page break (a run of PAGE_BREAK_BLANKS blank lines) lies between two lines."""
    run = 0
    for n in range(first + 1, last):
        run = run + 1 if n in by_number and by_number[n].blank else 0
        if run >= PAGE_BREAK_BLANKS:
            return True
    return False
