"""A size line whose Land an OCR lost ('Interkommunale Kooperationen/Landkreis -': the size class
and the separator, nothing after it), under a name the brochure's overview lists: its project is
still found, with the Land that a line of its pages prints alone ('Nordrhein-Westfalen' between
two paragraphs, where the OCR put it); so is a size class alone whose separator wrapped onto the
Land's line ('| Nordrhein-Westfalen', a narrow box's size line read apart).

Needs the size line's text, the profile (size classes, separators) and the lines after it.
Produces the size class as printed and as the profile names it, and the line of the Land; the
caller makes the SizeLine (marked `land_apart`, so the record's Länder are flagged) only where
the overview lists the name over it.
"""
from __future__ import annotations

import re
from typing import Callable

from rapidfuzz import fuzz, process

from pipeline.corrections import Profile
from pipeline.language.lexicon import german_states
from pipeline.read.words import UNMAPPED_GLYPH

LAND_AFTER_MAX_LINES = 60  # the Land stands on the project's own pages: this many text lines after the size line at most
LED_LAND_MAX_LINES = 12  # a Land led by the separator that wrapped onto its line stands in the header's box


def size_class_before_lost_land(text: str, profile: Profile, min_score: float,
                                bare: bool = False) -> tuple[str, str, float] | None:
    """'Interkommunale Kooperationen/Landkreis -' -> (as printed, the profile's size class, score):
    a line that is a size class and a separator with nothing after it (`bare`: or without the
    separator, which wrapped onto the Land's line); else None."""
    seps = re.escape(profile.size_state_separators)
    m = re.fullmatch(rf"(.+?)\s+[{seps}]" if not bare else rf"(.+?)(?:\s+[{seps}])?", text.strip())
    if not m:
        return None
    found = process.extractOne(m.group(1), profile.size_classes, scorer=fuzz.ratio, score_cutoff=min_score)
    return (m.group(1), found[0], found[1]) if found else None


def lone_land_after(lines: list, i: int, ends_header: Callable[[str], bool], led_by: str = ""):
    """The first line after lines[i] (non-blank lines) that is exactly one Land's name (`led_by`:
    one of these separators, then the name: '| Nordrhein-Westfalen'), before the next line
    `ends_header` (another project's size line or labels) and within LAND_AFTER_MAX_LINES lines
    -> (that line, the Land as printed); None where there is none."""
    states = {s.casefold() for s in german_states()}
    # a separator that wrapped stays in the header's box: a marked line further down is a list's item ('• Bayern')
    for line in lines[i + 1: i + 1 + (LED_LAND_MAX_LINES if led_by else LAND_AFTER_MAX_LINES)]:
        if ends_header(line.text):
            return None
        text = line.text.strip()
        lead = re.match(rf"(?:[{re.escape(led_by)}]|{UNMAPPED_GLYPH})\s*", text) if led_by else None
        if led_by and not lead:
            continue
        text = text[lead.end():] if lead else text
        if text.casefold() in states:
            return line, text
    return None
