"""The brochure's numbered parts ('1. Modellprojekte Smart Cities 2023', '2. Übersicht …'): where
each begins and ends, told from the contents' entries that print the same headings.

Needs the cleaned text's lines and the profile's part names. Produces part -> line range, and
every line read as a part's heading.
"""
from __future__ import annotations

import re
from typing import Protocol

from rapidfuzz import fuzz, process

from pipeline.corrections import Profile
from pipeline.read.page_furniture import PAGE_NUMBER
from pipeline.records.settings import RecordsSettings


class Line(Protocol):
    """A line of the cleaned text with its number (segment.Line)."""

    number: int
    text: str


def find_parts(lines: list[Line], profile: Profile, settings: RecordsSettings) -> dict[str, tuple[int, int]]:
    """Numbered part headings ('2. Bewertungskriterien') -> line ranges. A heading may say more
    than the profile's name ('4. Übersicht Modellprojekte Smart Cities 2020'): it is compared by
    its beginning too. A table of contents prints the headings too: an entry that ends in its page
    number is no heading, and of a part named more than once the heading is the one followed by
    the most text before the next heading (the contents' entries are followed by each other; of
    two as long, the later: a contents comes first)."""
    found_at = part_headings(lines, profile, settings)
    starts = []
    for name in dict.fromkeys(name for name, _ in found_at):
        own = [n for part, n in found_at if part == name]
        longest = max(own, key=lambda n: (text_before_next(lines, n, found_at), n))
        starts.append((name, longest))
    starts.sort(key=lambda s: s[1])
    ranges = {}
    for i, (name, start) in enumerate(starts):
        end = starts[i + 1][1] if i + 1 < len(starts) else len(lines)
        ranges[name] = (start, end)
    return ranges


def part_headings(lines: list[Line], profile: Profile, settings: RecordsSettings) -> list[tuple[str, int]]:
    """(part, line number) of every line that reads as a numbered part's heading, the contents'
    entries among them (an entry ending in its page number is none)."""
    found_at = []
    for line in lines:
        m = re.match(r"^\s*\d{1,2}\.\s+(.+?)\s*$", line.text)
        if not m or CONTENTS_ENTRY.search(m.group(1)):
            continue
        heading = re.sub(r"\s*(?:19|20)\d\d(?:\s*-\s*(?:19|20)\d\d)?$", "", m.group(1))
        found = process.extractOne(heading, profile.parts, scorer=heading_score,
                                   score_cutoff=settings.segment.part_min_score)
        if found:
            found_at.append((found[2], line.number))
    return found_at


CONTENTS_ENTRY = re.compile(r"(?:\s|\.{2,}|…)\s*\d{1,3}$")  # '… 5', '.... 12': a page number, not a year


def text_before_next(lines: list[Line], start: int, headings: list[tuple[str, int]]) -> int:
    """How many text lines follow the heading on line `start` before the next heading (a line
    with a word of three letters or more: a map's Länder marks, 'BR', 'O N K', are none)."""
    end = min((n for _, n in headings if n > start), default=len(lines))
    return sum(1 for l in lines[start + 1: end] if not PAGE_NUMBER.match(l.text) and re.search(r"[^\W\d_]{3}", l.text))


def heading_score(heading: str, name: str, **_) -> float:
    return max(fuzz.ratio(heading, name), fuzz.ratio(heading[: len(name)], name) if len(heading) > len(name) else 0)
