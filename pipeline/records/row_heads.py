"""A sidebar on the left that an OCR ran into the rows of the text beside it: its labels open rows
('BUNDESLAND: Wohnen und Quartiere', the rest the text's heading), its values are the rows'
first words ('Nordrhein-Westfalen Bezahlbarer Wohnraum ist', 'Interkommunale Wichtig ist, …' /
'Kooperationen/Landkreis hrungen offen zu teilen,'): the mirror of line_end_labels.rows_as_tails.
A plain text keeps no columns, so a value is told from the text after it by what it reads as
only: a Land's value by the Länder, a size class's by the size classes.

Needs the non-blank lines, the index of a row opening with a Land's label, the profile's labels
and size classes, and `reads_as_states(text)`. Produces a SizeLine's fields (size class as printed,
the profile's, likeness, the Land as printed); the rows stay text (nothing is taken out of them),
and the caller makes a project only under a name the overview lists.
"""
from __future__ import annotations

from dataclasses import replace
from typing import NamedTuple

from rapidfuzz import fuzz, process

from pipeline.corrections import Profile
from pipeline.language.lexicon import LAENDER_JOINERS, german_states
from pipeline.records.labels import LabelledBlock, line_label_read
from pipeline.records.line_end_labels import ROW_TAIL_MAX_ROWS

HEAD_MAX_WORDS = 3  # a Land or a size class's line at a row's start is at most so many words
LAND_MIN_SCORE = 85  # a row's first words read as a Land this alike (fuzz.ratio): the text after it must not count
UNLABELLED_SIZE_MIN_SCORE = 95  # a row's head read as a size class with no label over it: as printed, near enough
SIZE_LABEL_MAX_ROWS = 4  # the size class's label stands within so many rows under the Land's value


def head_reading_as(text: str, reads) -> str | None:
    """The longest run of a row's first words (HEAD_MAX_WORDS at most) that `reads(text)` takes; None."""
    words = text.split()
    return next((" ".join(words[:k]) for k in range(min(HEAD_MAX_WORDS, len(words) - 1), 0, -1)
                 if reads(" ".join(words[:k]))), None)


def reads_as_lands(text: str) -> bool:
    """Whether every piece of a text ('Hessen und Bayern') is LAND_MIN_SCORE like a Land: closer
    than a Land's value under its label must be, so no word of the text after it is taken too
    ('Nordrhein-Westfalen Bezahlbarer' is none)."""
    pieces = [p.strip(" .") for p in LAENDER_JOINERS.split(text) if p.strip(" .")]
    return bool(pieces) and all(process.extractOne(p, german_states(), scorer=fuzz.ratio, processor=str.casefold,
                                                   score_cutoff=LAND_MIN_SCORE) for p in pieces)


def size_class_at_heads(texts: list[str], profile: Profile, min_score: float) -> tuple[str, str, float] | None:
    """(as printed, the profile's size class, likeness) of the rows' first words: of one row or of
    two (a size class over two lines: 'Interkommunale' / 'Kooperationen/Landkreis'), the likest
    at least `min_score`; else None (no rows: the label was the last row)."""
    if not texts:
        return None
    heads = [[" ".join(t.split()[:k]) for k in range(1, min(HEAD_MAX_WORDS, len(t.split())) + 1)] for t in texts[:2]]
    pieces = [*heads[0], *(f"{a} {b}" for a in heads[0] for b in (heads[1] if len(heads) > 1 else []))]
    scored = [(found[1], len(p), p, found[0]) for p in pieces
              if (found := process.extractOne(p, profile.size_classes, scorer=fuzz.ratio, score_cutoff=min_score))]
    if not scored:
        return None
    score, _, printed, size_class = max(scored)
    return printed, size_class, score


def size_line_at_row_heads(texts: list[str], known: dict[str, tuple[str, str]], profile: Profile, min_score: float,
                           reads_as_states) -> tuple[tuple[str, str, float, str], bool, str] | None:
    """Rows from one opening with a Land's label whose rest reads as no Land (`texts[0]`) -> the
    SizeLine's fields, whether the Land was read and a note where no size class's label was, where
    within SIZE_LABEL_MAX_ROWS rows (with the Land read, within all the rows given) a row
    opens with the size class's label (alone, or with the text's words after it: 'GROSSENKLASSE
    früher jeder …') and the rows under it open with a size class; the Land is the next row's
    opening words where they read as one, else (garbled: 'Bes Deichen …') its first word, not
    read; where no size class's label was read, a row opening with a size class as printed (with
    the Land garbled too, a row that is one alone) is taken, noted; else None."""
    hit = line_label_read(texts[0], known) if texts else None
    if hit is None or hit[0] != "states" or not hit[2] or reads_as_states(hit[2]) or len(texts) < 3:
        return None
    land = head_reading_as(texts[1], reads_as_lands)
    # with its Land read, the size class's label may stand further down, past other labels' rows
    reach = len(texts) if land else min(len(texts), 2 + SIZE_LABEL_MAX_ROWS)
    for k in range(2, reach):
        label = line_label_read(texts[k], known)
        if label is not None and label[0] == "size_class" and not (label[2] and size_class_at_heads([label[2]], profile, min_score)):
            size = size_class_at_heads(texts[k + 1:], profile, min_score)
            if size is None or (land is None and k != 2):
                return None  # a garbled Land's row stands right between the two labels
            return ((*size, land), True, "") if land else ((*size, texts[1].split()[0]), False, "")
    # the size class's label garbled past reading ('Cle tks Vereine …'): a row opening with a size class as printed;
    # with the Land garbled too ('Thitri . sae' / 'mneer …' / 'Soa …'), a row that is a size class as printed, alone
    size = next((found for k in range(2, min(len(texts), 3 + SIZE_LABEL_MAX_ROWS))
                 if (found := size_class_at_heads(texts[k:k + 2], profile, UNLABELLED_SIZE_MIN_SCORE))
                 and (land or found[0] == " ".join(texts[k].split()))), None)
    note = f"no size class's label was read: '{size[0]}' at a row's head was taken for it" if size else ""
    return ((*size, land or texts[1].split()[0]), bool(land), note) if size else None


class RowHeads(NamedTuple):
    """A header read at the heads of a sidebar's rows."""

    fields: tuple[str, str, float, str]  # the SizeLine's: size class as printed, the profile's, likeness, Land
    land_read: bool  # else the Land is a garbled one's first word: the caller takes the overview's
    size_note: str  # where no size class's label was read (the record's size class is flagged)
    block: LabelledBlock  # the block, the Land's row kept as text


def header_at_row_heads(block: LabelledBlock, lines: list, i: int, known: dict[str, tuple[str, str]], profile: Profile,
                        min_score: float, reads_as_states) -> RowHeads | None:
    """A labelled block read at a row opening with a Land's label (`lines[i]`, non-blank lines) ->
    the SizeLine's fields read at the heads of the rows from there (size_line_at_row_heads, over
    ROW_TAIL_MAX_ROWS rows), whether its Land was read (else the caller takes it as a garbled one,
    garbled_land.land_for_name) and the block with that row kept as text (its rest is the text's:
    'Wohnen und Quartiere'); else None."""
    rows = lines[i:i + ROW_TAIL_MAX_ROWS]
    states = block.get("states")
    if states is None or states.label_line.number != rows[0].number:
        return None
    found = size_line_at_row_heads([r.text for r in rows], known, profile, min_score, reads_as_states)
    return RowHeads(*found, LabelledBlock(tuple(replace(v, in_text=True, lines=()) if v is states else v
                                                for v in block.values))) \
        if found else None


def with_labels_below(block: LabelledBlock, lines: list, i: int, known: dict[str, tuple[str, str]],
                      read_block) -> LabelledBlock:
    """The block read at a row opening with a Land's label (lines[i]), with the labels further down
    the same rows (a title's, a motto's, facts': the block's reading stopped at the text between)
    read by `read_block(k)` at the first row k opening with one, each value marked unsure (the
    text's rows run into them: header.py flags them); the block as it is where there is none."""
    # a fact's label is had where that label is: the block may hold one fact and not those further down
    have = {v.label if v.field == "fact" else v.field for v in block.values}
    for k in range(i + 1, min(len(lines), i + ROW_TAIL_MAX_ROWS)):
        hit = line_label_read(lines[k].text, known)
        if hit is None or hit[0] in ("states", "size_class") or (hit[0] == "fact" and hit[1] in have):
            continue  # a fact the block holds is its own row, no label further down
        below = read_block(k) if hit[0] not in have else None
        if below is None:
            return block
        return LabelledBlock(block.values + tuple(replace(v, unsure=True) for v in below.values
                                                  if (v.label if v.field == "fact" else v.field) not in have))
    return block

