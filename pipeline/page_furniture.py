"""Load stage, PDF routes: page texts -> the same pages without running headers, footers and page
numbers, plus the printed number of every page.

A line counts as furniture when it sits among the first or last lines of a page and the same
line, digits aside, sits there on many pages (OCR may spell it a little differently each time,
so lines are grouped fuzzily). A lone number at a page edge is a page number when the numbers
found that way rise with the pages (printed = physical + a constant offset, seen on at least two
pages); other lone numbers stay in the text. Pages without a printed number (a section heading
page) get theirs from the offset. The first page (the cover) keeps its lines: covers carry no
running header, but often the edition title that a footer repeats.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz

EDGE_LINES = 2  # lines at the top and at the bottom of a page where furniture may sit
# A running line has at least two words: labels such as 'Motto:' repeat on many pages too.
MIN_RUNNING_PAGES = 3
MIN_RUNNING_SHARE = 0.3  # of the pages
SAME_LINE_SIMILARITY = 88  # rapidfuzz ratio between two OCR readings of one running line
MIN_OFFSET_VOTES = 2
PAGE_NUMBER = re.compile(r"^(?:Seite\s+)?(\d{1,3})$")
NUMBER_AT_END = re.compile(r"^(?:(\d{1,3})\s*[|·•]?\s+\S.*|.*\S\s+[|·•]?\s*(\d{1,3}))$")


@dataclass(frozen=True)
class Paged:
    pages: list[str]
    printed: list[int | None]  # the printed page number of every page, where known
    removed: list[str]  # the distinct running lines taken out, as first seen


def strip_page_furniture(pages: list[str]) -> Paged:
    lines = [page.split("\n") for page in pages]
    edges = [edge_indexes(page_lines) for page_lines in lines]
    running = running_keys(lines, edges)
    numbers: set[tuple[int, int]] = set()  # (page, a lone number at its edge)
    in_running: set[tuple[int, int]] = set()  # (page, a number ending or starting a running line)
    drop: list[set[int]] = [set() for _ in pages]
    for p, page_lines in enumerate(lines):
        for i in edges[p]:
            text = page_lines[i].strip()
            lone = PAGE_NUMBER.match(text)
            if lone:
                numbers.add((p, int(lone.group(1))))
            elif p > 0 and line_key(text) in running:
                drop[p].add(i)
                embedded = NUMBER_AT_END.match(text)
                if embedded:
                    in_running.add((p, int(embedded.group(1) or embedded.group(2))))
    offset = page_offset(numbers)
    if offset is None:
        offset = page_offset(in_running)
    printed = [p + offset if offset is not None and p + offset > 0 else None for p in range(len(pages))]
    removed: list[str] = []
    for p, page_lines in enumerate(lines):
        for i in edges[p]:
            lone = PAGE_NUMBER.match(page_lines[i].strip())
            if lone and printed[p] == int(lone.group(1)):
                drop[p].add(i)
        for i in sorted(drop[p]):
            text = page_lines[i].strip()
            if not PAGE_NUMBER.match(text) and running[line_key(text)] not in removed:
                removed.append(running[line_key(text)])
    kept = ["\n".join(l for i, l in enumerate(page_lines) if i not in drop[p]).strip("\n") + "\n"
            for p, page_lines in enumerate(lines)]
    return Paged(kept, printed, removed)


def edge_indexes(page_lines: list[str]) -> list[int]:
    filled = [i for i, line in enumerate(page_lines) if line.strip()]
    return sorted(set(filled[:EDGE_LINES] + filled[-EDGE_LINES:]))


def line_key(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", text.casefold())).strip()


def running_keys(lines: list[list[str]], edges: list[list[int]]) -> dict[str, str]:
    """Key of every edge line that repeats on enough pages -> the first text seen for its group."""
    groups: list[tuple[str, str, set[int]]] = []  # (representative key, first text, pages)
    member: dict[str, int] = {}
    for p, page_lines in enumerate(lines):
        for i in edges[p]:
            text = page_lines[i].strip()
            key = line_key(text)
            if PAGE_NUMBER.match(text) or sum(c.isalpha() for c in key) < 3 or len(key.split()) < 2:
                continue
            if key not in member:
                near = next((g for g, (rep, _, _) in enumerate(groups)
                             if fuzz.ratio(rep, key) >= SAME_LINE_SIMILARITY), None)
                if near is None:
                    groups.append((key, text, set()))
                    near = len(groups) - 1
                member[key] = near
            groups[member[key]][2].add(p)
    needed = max(MIN_RUNNING_PAGES, MIN_RUNNING_SHARE * len(lines))
    return {key: groups[g][1] for key, g in member.items() if len(groups[g][2]) >= needed}


def page_offset(numbers: set[tuple[int, int]]) -> int | None:
    """printed - physical, as most pages with a number agree on it (at least MIN_OFFSET_VOTES)."""
    votes = Counter(n - p for p, n in numbers)
    if not votes:
        return None
    offset, count = max(votes.items(), key=lambda kv: (kv[1], -abs(kv[0])))
    return offset if count >= MIN_OFFSET_VOTES else None
