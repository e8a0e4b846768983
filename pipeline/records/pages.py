"""Printed page numbers: which lone numbers of a text are its page numbers, and the page of a project."""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.read.page_furniture import PAGE_BREAK_BLANKS, PAGE_NUMBER
from pipeline.records.segment import Line, ProjectBlock


@dataclass(frozen=True)
class Pages:
    """Where the text shows printed page numbers; `breaks[n]` counts page breaks before line n."""

    breaks: dict[int, int]
    numbers: dict[int, int]  # line number -> printed page number (confirmed ones only)
    printed: tuple[int | None, ...] = ()  # PDF routes: printed number per page break count


def lines_to_pages(lines: list[Line], printed: tuple[int | None, ...] = ()) -> Pages:
    """Lone numbers are page numbers or figure debris. One is trusted when another lone number
    differs from it by exactly the number of page breaks (runs of blank lines) between them.
    A PDF route knows its pages: each form feed is a page break, `printed` their numbers."""
    if printed:
        breaks, count = {}, 0
        for line in lines:
            count += line.text.count("\f")
            breaks[line.number] = count
        return Pages(breaks, {}, printed)
    breaks, blank_run, candidates = {}, 0, []
    count = 0
    for line in lines:
        if line.blank or "\f" in line.text:
            blank_run += 1
        else:
            if blank_run >= PAGE_BREAK_BLANKS:
                count += 1
            blank_run = 0
            m = PAGE_NUMBER.match(line.text)
            if m and int(m.group(1)) > 0:
                candidates.append((line.number, int(m.group(1))))
        breaks[line.number] = count
    numbers = {
        n: v for n, v in candidates
        if any(n2 != n and abs(v2 - v) == 1 and v2 - v == breaks[n2] - breaks[n] for n2, v2 in candidates)
    }
    return Pages(breaks, numbers)


def page_of(block: ProjectBlock, pages: Pages) -> int | None:
    """The printed page of the project's header, where a confirmed page number in its pages shows it."""
    if pages.printed:
        index = pages.breaks[block.name_line.number]
        return pages.printed[index] if index < len(pages.printed) else None
    for line in block.lines:
        if line.number in pages.numbers:
            return pages.numbers[line.number] - pages.breaks[line.number] + pages.breaks[block.name_line.number]
    return None
