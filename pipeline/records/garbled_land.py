"""A labelled header whose Land an OCR garbled past reading ('BUNDESLAND' / 'setchiseatevlit': a
sidebar's small capitals read into the rows of the text beside it) while its size class reads
('GRÖSSENKLASSE' / '… und Große Großstadt'): the mirror of unreadable_size.py. Its project is
still found where the brochure's overview lists the name over it.

Needs the labelled block read over the header, the rows its size class's value stands in, the
profile and the overview's Länder (a table overview's Land column, `overview_lands`). Produces a
SizeLine's fields: the size class as printed, the profile's, its likeness, the Land taken (the
one the overview's row of the name prints, else the likest of the sixteen to what was read:
the schema wants a Land) and a note saying which, so the record's Länder are always flagged.
"""
from __future__ import annotations

from rapidfuzz import fuzz, process

from pipeline.corrections import Profile
from pipeline.language.lexicon import WITHOUT_UMLAUTS, german_states
from pipeline.records.labels import LabelledBlock, LabelledValue, Line
from pipeline.records.overview_rows import heads_row, rows_and_runs, table_overview_texts, words_before_state
from pipeline.records.unreadable_size import likest_size_class, section_size_classes

SIZE_TAIL_MAX_WORDS = 4  # a size class is at most so many words ('Interkommunale Kooperationen/Landkreis': 2)


def size_class_read(value: LabelledValue, rows: dict[int, Line], profile: Profile,
                    min_score: float) -> tuple[str, str, float] | None:
    """(as printed, the profile's size class, likeness) of a size class's value, at least
    `min_score` alike: its text, or the last words of a row it stands in (a row's end the label's
    column cut wrong: 'Großstadt' of '… und Große Großstadt'); None where none reads so."""
    texts = [value.value]
    for line in value.lines:
        if line.number == value.label_line.number and not value.inline:
            continue
        words = rows[line.number].text.split() if line.number in rows else line.text.split()
        texts += [" ".join(words[-k:]) for k in range(1, min(SIZE_TAIL_MAX_WORDS, len(words)) + 1)]
    scored = [(found[1], -n, text, found[0]) for n, text in enumerate(texts) if text
              and (found := process.extractOne(text, profile.size_classes, scorer=fuzz.ratio, score_cutoff=min_score))]
    if not scored:
        return None
    score, _, text, size_class = max(scored)
    return text, size_class, score


def size_over_garbled_land(block: LabelledBlock, rows: dict[int, Line], profile: Profile, min_score: float,
                           reads_as_states, section: str | None = None) -> tuple[str, str, float, str] | None:
    """A labelled block with a Land's label whose value reads as no Land (`reads_as_states(text)`
    false, or nothing under it) nor as a label, and a size class's label -> (size class as printed,
    the profile's, likeness, the Land as read): the size class its value reads as, else (garbled
    or lost too) the likest of the size classes of the `section` in force, its likeness under
    `min_score` (so it is flagged, as unreadable_size.py's); None where there is none. Where the
    size class's label is lost as well, a size class read at the end of the Land's lines
    ('Thitri' / 'mneer' / 'Soa' / 'Gro&e Grokstadt') is taken, and nothing else; the Land as read
    is then matched by its words before (land_read_before_size, in land_for_name)."""
    states, size = block.get("states"), block.get("size_class")
    # a value ending in a colon is a label the profile does not know ('Vorhaben:'): the values were read out of step
    if states is None or (states.value and reads_as_states(states.value)) or states.value.endswith(":"):
        return None
    if size is None:  # the size class's label garbled too ('Soa'): its value may end the Land's lines
        read = size_class_read(states, rows, profile, min_score)
        return (*read, states.value) if read else None
    read = size_class_read(size, rows, profile, min_score)
    candidates = section_size_classes(section, profile)
    if read is None and candidates:
        size_class, score = likest_size_class([size.value], candidates)
        read = (size.value, size_class, min(score, min_score - 1))
    return (*read, states.value) if read else None


def land_read_before_size(read: str, size_text: str) -> str:
    """A Land's value as read that ends in a size class (`size_text`, its label lost) -> its words
    before the size class, less the one right before it where the lost label stood ('Thitri mneer
    Soa Gro&e Grokstadt' -> 'Thitri mneer'); any other value as it is."""
    if not size_text or size_text not in read:
        return read
    words = read[:read.rfind(size_text)].split()
    return " ".join(words[:-1] if len(words) >= 2 else words)


def overview_lands(lines: list[Line], parts: dict[str, tuple[int, int]], profile: Profile) -> list[tuple[str, str]]:
    """A table overview's rows read one by one -> (the row's words before its Land, that Land),
    and the names of a run of its name column read as a column with the Länder under them
    (overview_rows.column_run); [] where there is no table overview or no row gives a Land."""
    pairs = []
    texts = table_overview_texts(lines, parts, profile)
    heads = heads_row(texts, profile)
    after = len(texts) if heads is None else heads + 1  # runs of the name column stand under the row of its heads
    for _, text, run in rows_and_runs(texts, profile, after):
        if run:
            pairs += [(name, state_at_start(row)) for name, row in zip(*run)]
            continue
        head = words_before_state(text)
        # by words, not characters: words_before_state joins its words with one space each
        land = state_at_start(" ".join(text.split()[len(head.split()):])) if head else None
        if land:
            pairs.append((head, land))
    return pairs


def overview_column_lands(lines: list[Line], parts: dict[str, tuple[int, int]], profile: Profile,
                          listed: list[str]) -> list[tuple[str, str]]:
    """A table overview read column by column (a PDF's cells: the names first, then each row's Land
    and section) -> each listed name with the Land at its place in the column of Länder; [] where
    the lines opening with a Land are not as many as the names."""
    lands = [land for text in table_overview_texts(lines, parts, profile) if (land := state_at_start(text))]
    return list(zip(listed, lands)) if listed and len(lands) == len(listed) else []


def state_at_start(text: str) -> str | None:
    """'Sachsen-Anhalt Großstädte' -> 'Sachsen-Anhalt': the Land the text opens with (as printed
    or without its umlauts; of two, the longer: 'Sachsen-Anhalt' before 'Sachsen'); else None."""
    folded = text.strip().casefold().translate(WITHOUT_UMLAUTS)
    hits = [s for s in german_states() if folded.startswith(s.casefold().translate(WITHOUT_UMLAUTS))]
    return max(hits, key=len) if hits else None


def land_for_name(found: tuple[str, str, float, str], name: str, lands: list[tuple[str, str]],
                  listed_min_score: float) -> tuple[str, str, float, str, str]:
    """The SizeLine's fields of a header with a garbled Land under `name`, and the note that flags
    its Land: the Land of the overview's row whose name is `name` (at least `listed_min_score`
    alike), else the likest Land to what was read before a size class read after it (where nothing
    was, the first of the sixteen, the note saying the Land is unknown); the note quotes all that
    was read."""
    size_text, size_class, score, read = found
    matched = land_read_before_size(read, size_text)  # the note says all that was read
    rows = [(row_name_score(name, head), land) for head, land in lands]
    best = max(rows, default=(0.0, ""))
    if best[0] >= listed_min_score:
        return size_text, size_class, score, best[1], (
            f"the Land printed under its label reads '{read}', like no Land: the overview's row of the name gives "
            f"'{best[1]}'")
    land = likest_land(matched)
    if not matched.strip():  # no likeness to tell: the schema wants a Land, the note says it is unknown
        return size_text, size_class, score, land, (
            f"{NO_LAND_NOTE} and the overview gives none: the first of the sixteen ('{land}') stands in its place; "
            "the Land is unknown")
    return size_text, size_class, score, land, (
        f"{LIKEST_LAND_NOTE} ('{land}') was taken for the Land printed under its label, which reads '{read}', like "
        "no Land, and the overview gives none: it may be wrong")


def row_name_score(name: str, head: str) -> float:
    """How alike a name and a table overview's row's words before its Land are (fuzz.ratio); where
    the row holds only the opening of the name, of two words at least (its cell wrapped:
    'Schotten in Kooperation mit Grebenhain' / 'und Alsfeld' under it), how alike that opening is."""
    whole = fuzz.ratio(name, head)
    if len(head.split()) >= 2 and len(head) < len(name):
        return max(whole, fuzz.ratio(name[:len(head)], head))
    return whole


LIKEST_LAND_NOTE = "the likest Land"  # a note on a Land taken by its likeness opens so (placing.py reads the place's)
NO_LAND_NOTE = "nothing was read under the Land's label"  # and one on a Land taken from nothing
GUESSED_LAND_NOTES = (LIKEST_LAND_NOTE, NO_LAND_NOTE)


def likest_land(read: str) -> str:
    """The Land likest the text read or any run of its last words ('frühzeitig setchiseatevlit':
    a row's end the label's column cut wrong) -> that Land (fuzz.ratio, casefolded); the first
    of the sixteen where nothing was read."""
    words = read.split()
    pieces = [" ".join(words[k:]) for k in range(len(words))] or [""]
    scored = [(fuzz.ratio(p.casefold(), s.casefold()), -n, s) for p in pieces for n, s in enumerate(german_states())]
    return max(scored)[2]
