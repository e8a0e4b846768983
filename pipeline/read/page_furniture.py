"""Load stage, PDF routes: pages -> their text without running headers, footers and page
numbers, plus the printed number of every page.

Only lines in a page's top and bottom margins are candidates (pdf_text keeps them apart). One is
furniture when the same line, digits aside, stands in the margins of many pages (OCR may spell
it a little differently each time, so lines are grouped fuzzily). A lone number there is a page
number when the numbers found that way rise with the pages (printed = physical + a constant
offset, seen on at least two pages). Pages without a printed number (a section heading page)
get theirs from the offset. Every other margin line goes back into the page's text. The first
page (the cover) keeps its lines: covers carry no running header, but often the edition title
that a footer repeats.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz

from pipeline.read.pdf_text import PageText

MIN_RUNNING_PAGES = 3
MIN_RUNNING_SHARE = 0.3  # of the pages
SAME_LINE_SIMILARITY = 88  # rapidfuzz ratio between two OCR readings of one running line
MIN_OFFSET_VOTES = 2
# The page model every stage shares: how the PDF routes join pages, how many blank lines an OCR
# text leaves at a page break, and what a printed page number looks like.
PAGE_BREAK = "\n\n\n\n\f\n"
PAGE_BREAK_BLANKS = 3  # a run of this many blank lines is a page break (or a column break)
PAGE_NUMBER = re.compile(r"^\s*(?:Seite\s+)?(\d{1,3})\s*$")
NUMBER_AT_END = re.compile(r"^(?:(\d{1,3})\s*[|·•]?\s+\S.*|.*\S\s+[|·•]?\s*(\d{1,3}))$")


@dataclass(frozen=True)
class Paged:
    pages: list[str]
    printed: list[int | None]  # the printed page number of every page, where known
    removed: list[str]  # the distinct running lines taken out, as first seen
    styled: list[list[int]]  # per page: offsets (in its text) of the lines set apart by their size
    larger: list[list[int]]  # per page: offsets of those of them set larger than the running text
    unsure: list[list[tuple[int, str]]]  # per page: (offset of a line, a word Tesseract was unsure of there)


def strip_page_furniture(pages: list[PageText]) -> Paged:
    margins = [[line.strip() for line in page.top + page.bottom if line.strip()] for page in pages]
    running = running_keys(margins)
    numbers: set[tuple[int, int]] = set()  # (page, a lone number in its margins)
    in_running: set[tuple[int, int]] = set()  # (page, a number ending or starting a running line)
    for p, lines in enumerate(margins):
        for text in lines:
            lone = PAGE_NUMBER.match(text)
            if lone:
                numbers.add((p, int(lone.group(1))))
            elif p > 0 and line_key(text) in running:
                embedded = NUMBER_AT_END.match(text)
                if embedded:
                    in_running.add((p, int(embedded.group(1) or embedded.group(2))))
    offset = page_offset(numbers)
    if offset is None:
        offset = page_offset(in_running)
    printed = [p + offset if offset is not None and p + offset > 0 else None for p in range(len(pages))]

    def is_furniture(p: int, text: str) -> bool:
        lone = PAGE_NUMBER.match(text.strip())
        if lone:
            return printed[p] == int(lone.group(1))
        return p > 0 and line_key(text) in running

    removed: list[str] = []
    texts, styled, larger, unsure = [], [], [], []
    for p, page in enumerate(pages):
        for text in page.top + page.bottom:
            if text.strip() and is_furniture(p, text) and not PAGE_NUMBER.match(text.strip()) \
                    and running[line_key(text)] not in removed:
                removed.append(running[line_key(text)])
        top = [t for t in page.top if t.strip() and not is_furniture(p, t)]
        bottom = [t for t in page.bottom if t.strip() and not is_furniture(p, t)]
        parts = ["\n".join(top), page.body.strip("\n"), "\n".join(bottom)]
        texts.append("\n\n".join(part for part in parts if part) + "\n")
        body_at = len(parts[0]) + 2 if parts[0] else 0
        starts = [0]
        for line in page.body.split("\n"):
            starts.append(starts[-1] + len(line) + 1)
        styled.append([body_at + starts[n] for n in sorted(page.styled)])
        larger.append([body_at + starts[n] for n in sorted(page.larger)])
        unsure.append([(body_at + starts[n], word) for n, word in page.unsure])
    return Paged(texts, printed, removed, styled, larger, unsure)


SPACES, DIGITS = re.compile(r"\s+"), re.compile(r"\d+")


def line_key(text: str) -> str:
    return SPACES.sub(" ", DIGITS.sub("#", text.casefold())).strip()


def running_keys(margins: list[list[str]]) -> dict[str, str]:
    """Key of every margin line that repeats on enough pages -> the first text seen for its group.
    A running line has at least two words: a lone word in a margin may be a section tab."""
    groups: list[tuple[str, str, set[int]]] = []  # (representative key, first text, pages)
    member: dict[str, int] = {}
    for p, lines in enumerate(margins):
        for text in lines:
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
    needed = max(MIN_RUNNING_PAGES, MIN_RUNNING_SHARE * len(margins))
    return {key: groups[g][1] for key, g in member.items() if len(groups[g][2]) >= needed}


def page_offset(numbers: set[tuple[int, int]]) -> int | None:
    """printed - physical, as most pages with a number agree on it (at least MIN_OFFSET_VOTES)."""
    votes = Counter(n - p for p, n in numbers)
    if not votes:
        return None
    offset, count = max(votes.items(), key=lambda kv: (kv[1], -abs(kv[0])))
    return offset if count >= MIN_OFFSET_VOTES else None
