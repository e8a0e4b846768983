"""A project the overview lists whose header an OCR garbled past every other reading: its name
printed alone (over one or two lines) with the header's labels under it, opening lines or ending
rows of the text beside them ('… dass BUNDESLAND:'), up to a page of text under the name (a
sidebar an OCR read after the page's text), and no size class that reads as one ('Landkreis' /
'Firstenfeldbruck' / 'BUNDESLAND Die Modellprojekte …' / 'PROJEKTTITEL' / 'Motto').

Needs the non-blank lines of the projects part, the starts the segmenter found, the overview's
names (and a table overview's Länder), the section headings in force and the profile's labels.
Produces the missing projects' starts, each with a SizeLine whose size class is the likest of its
section's to the header's lines and whose Land is the one read whole under its label, else the
overview's row's (a table overview's; with neither, no start is made), both under notes that flag
them: the record is found, its header's fields are the reviewer's to check.
"""
from __future__ import annotations

from typing import NamedTuple

from rapidfuzz import fuzz

from pipeline.corrections import Profile
from pipeline.records.garbled_land import land_for_name, row_name_score, state_at_start
from pipeline.records.labels import any_label_at_line_end, line_label_read
from pipeline.records.settings import RecordsSettings
from pipeline.records.unreadable_size import likest_size_class, section_size_classes

class MissedHeader(NamedTuple):
    """The fields of the SizeLine (segment.py) of a header read from nothing but its labels."""

    size_text: str
    size_class: str
    score: float
    states_text: str
    land_note: str
    size_note: str


MISSED_HEADER_NOTE = ("the header was found by the overview's name over its labels alone (it was not read as a "
                      "header's): check its values against the page, they may be another part's")
# the header's labels stand within so many lines under the name (a sidebar an OCR read after a page of text)
LABELS_REACH = 60
HEADER_MIN_LABELS = 2  # of title, motto, Land and size class: one label alone may be a word of the text


def starts_of_missed_names(nonblank: list, starts: list[tuple], listed: list[str], lands: list[tuple[str, str]],
                           taken: set[int], section_at, known: dict, read_block, profile: Profile,
                           settings: RecordsSettings) -> list[tuple]:
    """For each name the overview lists and no start names: its first printing, on one line or
    two, on no line `taken` (a heading, a start's name or labelled block), with HEADER_MIN_LABELS
    of the header's labels under it -> a start (name lines, the name's last line as the size
    line, the SizeLine's fields as a MissedHeader, the labelled block `read_block(i)` reads at the first label, nonblank[i], where
    it holds the title or motto, else None: the header's lines are read as an unlabelled header's).
    `section_at(number)` is the section in force at a line."""
    s = settings.segment
    found = [" ".join(l.text.strip() for l in start[0]).casefold() for start in starts]
    missed = [e for e in listed if not any(fuzz.ratio(e.casefold(), n) >= s.listed_min_score for n in found)]
    out = []
    for entry in missed:
        hit = printed_name_over_labels(nonblank, entry, taken, known, settings)
        if hit is None:
            continue
        name_lines, header, first_label = hit
        name = " ".join(l.text.strip() for l in name_lines)
        block = read_block(first_label)
        land_read = land_under_label(block)
        if not land_read and max((row_name_score(name, head) for head, _ in lands), default=0.0) < s.listed_min_score:
            continue  # no Land to take: the header is left unread, and the coverage warns of the name
        block = block if block is not None and (block.get("title") or block.get("motto")) else None
        candidates = section_size_classes(section_at(name_lines[0].number), profile) or list(profile.size_classes)
        size_class, score = likest_size_class(header or [""], candidates)
        text, size_class, score, land, land_note = land_for_name(
            ("", size_class, min(score, s.size_class_min_score - 1), ""), name, lands, s.listed_min_score) \
            if not land_read else ("", size_class, min(score, s.size_class_min_score - 1), land_read,
                                   f"the Land was read under its label ('{land_read}') in a header whose size "
                                   "class was not")
        size_note = (f"the header under the name the overview lists ('{entry}') was not read as a header's: of the "
                     f"section's size classes, the likest to its lines ({size_class}) was taken")
        out.append((name_lines, name_lines[-1], MissedHeader(text, size_class, score, land, land_note, size_note), block))
        taken.update(l.number for l in name_lines)
    return out


def land_under_label(block) -> str | None:
    """The Land a labelled block's Land's value reads as, whole ('Bayern'); None where it reads as
    none (or there is no block)."""
    value = block.get("states") if block is not None else None
    land = state_at_start(value.value) if value is not None and value.value else None
    return land if land and len(land) >= len(value.value.strip()) - LAND_VALUE_SLACK else None


LAND_VALUE_SLACK = 2  # characters past the Land in its value: a stray mark ('Bayern .')


def printed_name_over_labels(nonblank: list, entry: str, taken: set[int], known: dict,
                             settings: RecordsSettings) -> tuple[list, list[str], int] | None:
    """The first one or two lines that print `entry` (at least listed_min_score alike) with
    HEADER_MIN_LABELS labels of the header within LABELS_REACH lines under them, opening a line or
    ending one (a sidebar an OCR read into the text's rows: '… verhindert, dass BUNDESLAND:') ->
    (those lines, the header's lines that are no label, the first label's index in `nonblank`);
    else None."""
    s = settings.segment
    for i, line in enumerate(nonblank):
        for k in (1, 2):
            lines = nonblank[i:i + k]
            if len(lines) < k or any(l.number in taken for l in lines) \
                    or (k == 2 and lines[1].number - lines[0].number > s.wrapped_max_gap):
                continue
            if fuzz.ratio(" ".join(l.text.strip() for l in lines).casefold(), entry.casefold()) < s.listed_min_score:
                continue
            under = nonblank[i + k:i + k + LABELS_REACH]
            # the header ends at a line another part took (a heading, another project's name or block)
            under = under[:next((n for n, l in enumerate(under) if l.number in taken), len(under))]
            reads = [label_in_line(l, known) for l in under]
            if len({hit[0] for hit in reads if hit} & {"title", "motto", "states", "size_class"}) >= HEADER_MIN_LABELS:
                # the block is read from a label opening its line: one ending a row of text opens none
                first = next((n for n, l in enumerate(under) if line_label_read(l.text, known)),
                             next(n for n, hit in enumerate(reads) if hit))
                return lines, [l.text.strip() for l, hit in zip(under, reads) if hit is None], i + k + first
    return None


def label_in_line(line, known: dict):
    """The label (line_label_read's reading) a line opens with, or else ends with; None for none."""
    hit = line_label_read(line.text, known)
    tail = None if hit else any_label_at_line_end(line, known)
    return hit or (line_label_read(tail.text, known) if tail else None)
