"""Segment stage: cleaned text -> Layout (the brochure's parts and one block per project).

Needs the cleaned text and the profile (section names, size classes). A project starts at the
line before its "size class · state" line (the name) and ends where the next project, section
heading or part begins. Lines keep their offsets in the cleaned text so that every block can be
traced back to the raw text.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from .corrections import Profile
from .page_furniture import line_key

SECTION_MIN_SCORE = 88
SIZE_CLASS_MIN_SCORE = 80
PART_MIN_SCORE = 85
PAGE_BREAK_BLANKS = 3  # a run of this many blank lines is a page break (or a column break)
HEADING_MAX_LINES = 2
HEADING_MAX_WORDS = 6
MIN_RUNNING_REPEATS = 3  # a line seen this often is a running header, not a heading


@dataclass(frozen=True)
class Line:
    number: int  # 0-based line number in the cleaned text
    start: int  # offset of the line in the cleaned text
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass(frozen=True)
class SizeLine:
    size_text: str
    size_class: str
    score: float
    states_text: str


@dataclass(frozen=True)
class ProjectBlock:
    category: str | None  # the profile's name, or the printed heading when the profile has none like it
    category_score: float  # 0 when the heading is not one of the profile's
    name_line: Line
    size_line: Line
    size: SizeLine
    lines: list[Line]  # from the name line up to (not including) the next block

    @property
    def start(self) -> int:
        return self.name_line.start

    @property
    def end(self) -> int:
        last = self.lines[-1]
        return last.start + len(last.text)


@dataclass(frozen=True)
class Layout:
    lines: list[Line]
    parts: dict[str, tuple[int, int]]  # part name -> (first line, end line), found parts only
    projects: list[ProjectBlock]
    running: frozenset[str]  # keys (page_furniture.line_key) of running headers an OCR text kept


def text_to_lines(text: str) -> list[Line]:
    lines, pos = [], 0
    for number, line in enumerate(text.split("\n")):
        lines.append(Line(number, pos, line))
        pos += len(line) + 1
    return lines


def segment_text(text: str, profile: Profile) -> Layout:
    lines = text_to_lines(text)
    parts = find_parts(lines, profile)
    first, end = parts.get("projects", (0, len(lines)))
    running = running_line_keys(lines)
    return Layout(lines, parts, find_projects(lines[first:end], profile, running), running)


def running_line_keys(lines: list[Line]) -> frozenset[str]:
    """Lines repeated on many pages: running headers that an OCR text still holds. A label
    ('Motto:', 'Zukunftsaufgabe 1:') repeats too, but ends in a colon or is one word."""
    counts = Counter(line_key(l.text) for l in lines
                     if len(l.text.split()) >= 2 and not l.text.rstrip().endswith(":"))
    return frozenset(k for k, n in counts.items() if n >= MIN_RUNNING_REPEATS)


def find_parts(lines: list[Line], profile: Profile) -> dict[str, tuple[int, int]]:
    """Numbered part headings ('2. Bewertungskriterien') -> line ranges."""
    starts = []
    for line in lines:
        m = re.match(r"^\s*\d{1,2}\.\s+(.+?)\s*$", line.text)
        if not m:
            continue
        heading = re.sub(r"\s*(?:19|20)\d\d(?:\s*-\s*(?:19|20)\d\d)?$", "", m.group(1))
        found = process.extractOne(heading, profile.parts, scorer=fuzz.ratio, score_cutoff=PART_MIN_SCORE)
        if found and found[2] not in (s[0] for s in starts):
            starts.append((found[2], line.number))
    ranges = {}
    for i, (name, start) in enumerate(starts):
        end = starts[i + 1][1] if i + 1 < len(starts) else len(lines)
        ranges[name] = (start, end)
    return ranges


def parse_size_line(text: str, profile: Profile) -> SizeLine | None:
    """'Kleinere Großstadt « Nordrhein-Westfalen' -> SizeLine, or None for any other line."""
    seps = re.escape(profile.size_state_separators)
    for m in re.finditer(rf"\s+[{seps}]\s+", text):
        left, right = text[: m.start()].strip(), text[m.end() :].strip()
        if not left or not right:
            continue
        found = process.extractOne(left, profile.size_classes, scorer=fuzz.ratio, score_cutoff=SIZE_CLASS_MIN_SCORE)
        if found:
            return SizeLine(left, found[0], found[1], right)
    return None


def match_category(text: str, profile: Profile) -> tuple[str, float] | None:
    cleaned = re.sub(r"^[^\w]*\w?\W*(?=[A-ZÄÖÜ])|[:\s]+$", "", text.strip()) if text.strip() else ""
    for candidate in dict.fromkeys((text.strip(), cleaned)):  # ordered: the same answer on every run
        found = process.extractOne(candidate, profile.categories, scorer=fuzz.ratio, score_cutoff=SECTION_MIN_SCORE)
        if found:
            return found[0], found[1]
    return None


def lone_groups(lines: list[Line], running: frozenset[str]) -> list[list[Line]]:
    """Runs of at most HEADING_MAX_LINES text lines with a page break (or the part's start or
    end) before and after them, not counting page furniture an OCR text may still hold there
    (lone numbers, lines repeated on many pages)."""
    chunks: list[list[Line]] = [[]]  # the text lines between page breaks
    blank_run = 0
    for line in lines:
        if line.blank:
            blank_run += 1
            continue
        if blank_run >= PAGE_BREAK_BLANKS and chunks[-1]:
            chunks.append([])
        chunks[-1].append(line)
        blank_run = 0
    chunks = [[l for l in chunk if not re.fullmatch(r"\s*\d{1,3}\s*", l.text) and line_key(l.text) not in running]
              for chunk in chunks]
    return [chunk for chunk in chunks if 0 < len(chunk) <= HEADING_MAX_LINES]


def find_projects(lines: list[Line], profile: Profile, running: frozenset[str] = frozenset()) -> list[ProjectBlock]:
    """Section headings and project headers of the projects part -> blocks."""
    nonblank = [l for l in lines if not l.blank]
    headings: dict[int, tuple[str, float, int]] = {}  # line number -> (category, score, last line)
    for i, line in enumerate(nonblank):
        hit = match_category(line.text, profile)
        if hit:
            headings[line.number] = (*hit, line.number)
            continue
        if i + 1 < len(nonblank) and not match_category(nonblank[i + 1].text, profile):
            # a heading wrapped over two lines ("Interkommunale Kooperationen / und Landkreise")
            wrapped = match_category(f"{line.text.strip()} {nonblank[i + 1].text.strip()}", profile)
            if wrapped:
                headings[line.number] = (*wrapped, nonblank[i + 1].number)
    for group in lone_groups(lines, running):
        # A page holding nothing but a short heading is a section heading page even when the
        # profile does not know its name; its projects must not inherit the previous section.
        if not any(l.number in headings for l in group) and not parse_size_line(group[-1].text, profile):
            text = " ".join(l.text.strip() for l in group).rstrip(":")
            if len(text.split()) <= HEADING_MAX_WORDS and text[:1].isupper() and not re.search(r"\d", text):
                headings[group[0].number] = (text, 0.0, group[-1].number)
    starts = []  # (name line, size line, SizeLine)
    for i, line in enumerate(nonblank):
        size = parse_size_line(line.text, profile)
        if size and i > 0 and nonblank[i - 1].number not in headings:
            starts.append((nonblank[i - 1], line, size))
    blocks = []
    by_number = {l.number: l for l in lines}
    last_number = lines[-1].number if lines else 0
    boundaries = sorted([s[0].number for s in starts] + list(headings) + [last_number + 1])
    for name_line, size_line, size in starts:
        end = next(b for b in boundaries if b > name_line.number)
        category = None
        for number, (cat, score, _) in sorted(headings.items()):
            if number < name_line.number:
                category = (cat, score)
        block_lines = [by_number[n] for n in range(name_line.number, end) if n in by_number]
        blocks.append(ProjectBlock(category[0] if category else None, category[1] if category else 0.0,
                                   name_line, size_line, size, block_lines))
    return blocks
