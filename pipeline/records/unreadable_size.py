"""A labelled header whose size class an OCR garbled past reading, label and value ('BUNDESLAND' /
'Bayern' / 'Gniscuyaness' / 'Reina Graisiadi': small capitals read as letters of nothing): its
project is still found where the brochure's overview lists the name over it.

Needs the labelled block read over the header, the section in force over it (its heading or
band) and whether the name over it is an overview's entry. Produces a SizeLine whose Land is the
Land's value's first lines and whose size class is, of the size classes of the section in force,
the one likest the garbled lines; its score stays under `size_class_min_score`, so the record's
size class is flagged (extract.unreadable_size_doubts) with the lines as read.
"""
from __future__ import annotations

import re

from rapidfuzz import fuzz

from pipeline.corrections import Profile
from pipeline.records.labels import STRAY, LabelledBlock

GARBLED_MAX_LINES = 3  # a size class's damaged label and value: at most so many lines after the Land
GARBLED_MAX_WORDS = 3  # each this short ('Reina Graisiadi'): no sentence of the text


def section_size_classes(section: str | None, profile: Profile) -> list[str]:
    """The size classes of a section (by its common name), in the profile's order; [] for none."""
    own = profile.canonical(section)
    return [c for c in profile.size_classes if own and profile.section_of_size_class(c) == own]


def land_and_garbled(block: LabelledBlock, reads_as_states) -> tuple[str, list[str]] | None:
    """(the Land as printed, the garbled lines of the size class): a size class's value under its
    label that reads as none; else, with no size class's label read, the Land's value's longest run
    of first lines that reads as Länder (`reads_as_states(text)`) and the lines after it. The
    garbled lines are 1–3 short lines with no digit; None where there are none or others."""
    states, size = block.get("states"), block.get("size_class")
    if states is None or states.inline:
        return None
    if size is not None:  # its label read, its value not ('GRÖSSENKLASSE' / 'Alf: Amisedk')
        garbled = [l.text.strip() for l in size.lines if l.number != size.label_line.number and l.text.strip()]
        return (states.value, garbled) if reads_as_states(states.value) and garbled_lines(garbled) else None
    # the lines read as no part of the Land may have been set apart as a name's pieces (a stray after it)
    at = block.values.index(states)
    after = block.values[at + 1] if at + 1 < len(block.values) and block.values[at + 1].field == STRAY else None
    own = [l.text.strip() for v in (states, after) if v is not None
           for l in v.lines if l.number != states.label_line.number and l.text.strip()]
    land_end = next((j for j in range(len(own), 0, -1) if reads_as_states(" ".join(own[:j]))), None)
    rest = own[land_end:] if land_end else []
    return (" ".join(own[:land_end]), rest) if garbled_lines(rest) else None


def garbled_lines(texts: list[str]) -> bool:
    """Whether lines can be a size class's label and value an OCR garbled: 1–3 short lines, no digit."""
    return 0 < len(texts) <= GARBLED_MAX_LINES \
        and not any(len(t.split()) > GARBLED_MAX_WORDS or re.search(r"\d", t) for t in texts)


def likest_size_class(garbled: list[str], candidates: list[str]) -> tuple[str, float]:
    """Of the candidates, the one likest any of the garbled lines or all of them together (the
    label's lines may come first; fuzz.ratio, casefolded), and that score."""
    pieces = [*garbled, " ".join(garbled)]
    scored = [(max(fuzz.ratio(p.casefold(), c.casefold()) for p in pieces), -n, c) for n, c in enumerate(candidates)]
    score, _, best = max(scored)
    return best, score


def size_of_garbled_header(block: LabelledBlock, section: str | None, profile: Profile,
                           reads_as_states) -> tuple[str, str, float, str] | None:
    """A labelled block with a Land and garbled lines where its size class stands, under a section
    with size classes -> (the garbled text, the size class taken, its likeness, the Land as
    printed): a SizeLine's fields. None where any of that is missing."""
    split = land_and_garbled(block, reads_as_states)
    candidates = section_size_classes(section, profile)
    if split is None or not candidates:
        return None
    land, garbled = split
    size_class, score = likest_size_class(garbled, candidates)
    return " ".join(garbled), size_class, score, land
