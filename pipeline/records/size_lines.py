"""Segment stage, the vocabularies a header is read by: a "size class · Land" line -> SizeLine
(the separator lost or glued, a Land an OCR damaged), a section's name as printed (a heading, a
band in capitals, a running header that names it). Needs the profile (size classes, sections,
separators) and the settings' scores; produces the readings or None."""
from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from pipeline.corrections import Profile
from pipeline.language.lexicon import LAENDER_JOINERS, german_states
from pipeline.memo import kept_by_identity
from pipeline.read.words import UNMAPPED_GLYPH
from pipeline.records.section_likeness import section_by_likeness
from pipeline.records.settings import DEFAULT_RECORDS_SETTINGS, RecordsSettings

@dataclass(frozen=True)
class SizeLine:
    size_text: str
    size_class: str
    score: float
    states_text: str
    land_apart: bool = False  # the size line printed no Land: it was read from a line of its own (lost_land.py)
    land_note: str = ""  # the Land printed past reading: where the Land taken came from (garbled_land.py)
    size_note: str = ""  # the size class's label not read: where the size class taken came from (row_heads.py)
    header_note: str = ""  # the header read from its labels alone (listed_starts.py): its title and motto are flagged


def parse_size_line(text: str, profile: Profile, settings: RecordsSettings = DEFAULT_RECORDS_SETTINGS) -> SizeLine | None:
    """'Kleinere Großstadt « Nordrhein-Westfalen' -> SizeLine, or None for any other line."""
    return size_line_of(text, profile, settings)


@kept_by_identity
def size_line_of(text: str, profile: Profile, settings: RecordsSettings) -> SizeLine | None:
    seps = re.escape(profile.size_state_separators)
    longest = 3 * max(map(len, profile.size_classes))  # a left part longer never scores as a size class
    for m in re.finditer(rf"\s+(?:[{seps}]|{UNMAPPED_GLYPH})\s+", text):
        if m.start() > longest:
            break  # each separator further on would slice and match the whole line again
        left, right = text[: m.start()].strip(), text[m.end() :].strip()
        if not left or not right:
            continue
        found = process.extractOne(left, profile.size_classes, scorer=fuzz.ratio,
                                   score_cutoff=settings.segment.size_class_min_score)
        if found:
            return SizeLine(left, found[0], found[1], right)
    return size_line_without_separator(text, profile, settings)


def size_line_without_separator(text: str, profile: Profile, settings: RecordsSettings) -> SizeLine | None:
    """OCR may lose the mark between size class and Land, or glue it to the size class
    ('Kleinere Großstadt: Niedersachsen'): a line that begins with a size class and goes on with
    nothing but names of Länder is a size line too."""
    s = settings.segment
    words, marks = text.split(), profile.size_state_separators + " "
    for size_class in profile.size_classes:
        n = len(size_class.split())
        if not n < len(words) <= n + s.states_max_words:
            continue
        head = " ".join(words[:n]).strip(marks)
        score = fuzz.ratio(head, size_class)
        rest = " ".join(words[n:]).strip(marks)
        pieces = [p.strip(" .") for p in LAENDER_JOINERS.split(rest) if p.strip(" .")]
        if score >= s.size_class_min_score and pieces and all(nearest_state(p, settings) for p in pieces):
            return SizeLine(head, size_class, score, rest)
    return None


def nearest_state(piece: str, settings: RecordsSettings = DEFAULT_RECORDS_SETTINGS) -> tuple[str, float] | None:
    """The Land an OCR-damaged name stands for ('Bayem' -> Bayern): the closest of the sixteen
    when it is close (state_min_score), or when it is fairly close (state_nearest_score) and no
    other Land comes near it (state_margin). The caller flags every such reading."""
    s = settings.segment
    best, second = process.extract(piece, german_states(), scorer=fuzz.ratio, limit=2)
    if best[1] >= s.state_min_score or (best[1] >= s.state_nearest_score and best[1] - second[1] >= s.state_margin):
        return best[0], best[1]
    return None


def match_category(text: str, profile: Profile, settings: RecordsSettings) -> tuple[str, float] | None:
    cleaned = re.sub(r"^[^\w]*\w?\W*(?=[A-ZÄÖÜ])|[:\s]+$", "", text.strip()) if text.strip() else ""
    for candidate in dict.fromkeys((text.strip(), cleaned)):  # ordered: the same answer on every run
        found = process.extractOne(candidate, profile.categories, scorer=fuzz.ratio,
                                   score_cutoff=settings.segment.section_min_score)
        if found:
            return found[0], found[1]
    if cleaned.isupper():  # a band in capitals ('GROSSSTÄDTE'): case and SS for ß do not count
        found = process.extractOne(cleaned, profile.categories, scorer=fuzz.ratio, processor=str.casefold,
                                   score_cutoff=settings.segment.section_min_score)
        if found:
            return found[0], found[1]
    if parse_size_line(text, profile, settings):
        return None  # 'Interkommunale Kooperationen/Landkreis - Sachsen' is a size line, however like a section
    return section_by_likeness(cleaned, profile.categories, settings.segment.section_folded_min_score)


def running_section(text: str, profile: Profile, settings: RecordsSettings) -> tuple[str, float] | None:
    """A running header that names the section ('Modellprojekte Smart Cities | Großstädte') ->
    (section, score): a part of the line between separators names a section of the profile."""
    parts = [p.strip() for p in RUNNING_SEPARATOR.split(text) if p.strip()]
    if len(parts) < 2:
        return None
    return next((hit for part in parts[1:] if (hit := match_category(part, profile, settings))), None)


RUNNING_SEPARATOR = re.compile(r"\s[|·•–]\s")
