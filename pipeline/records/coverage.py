"""Coverage: the records against the names the brochure's own overview lists, so that a project
the segmenter missed is never silent.

Needs the records (final names) and the names the overview lists (segment.Layout.listed).
Produces warnings for listed names no record matched (and for more names listed than
records found), and flags: the records around such a gap ('description', 'name': the missed
project's text or header may be in them), a name the overview does not list ('name'), and records
that bear one name ('name', 'description'). A name read with words lost takes the overview's
entry at its place (with_names_by_position), flagged.
"""
from __future__ import annotations

from collections import Counter

from rapidfuzz import fuzz, process

from pipeline.language.lexicon import Lexicon
from pipeline.records.name_wrap import cut_entry_of, letters_of
from pipeline.records.names import (entries_with_part, is_subsequence, listed_reading_wins, listed_spelling_in_values_doubts,
                                    name_words, umlauts_lost)
from pipeline.records.settings import RecordsSettings
from pipeline.records.value_doubts import lost_name_words_doubts


COVERAGE_MIN_SHARE = 0.5  # an overview fewer of whose names a record matches lists more than this brochure,
OVERVIEW_MORE_FACTOR = 2  # if it lists more than this many times as many names as records were found (2021: 73, 28)


def listed_to_records(records: list[dict], listed: list[str], settings: RecordsSettings) -> dict[int, int] | None:
    """Which record each listed name is (listed index -> record index, each record once); None
    where the overview lists more than this brochure (2021's lists every year's projects)."""
    keys = [r["name"] for r in records]
    matched: dict[int, int] = {}
    for li, name in enumerate(listed):
        found = process.extractOne(name, keys, scorer=fuzz.ratio, processor=str.casefold,
                                   score_cutoff=settings.segment.listed_min_score)
        if found and found[2] not in matched.values():
            matched[li] = found[2]
    # left over on both sides: one name an OCR read two ways ('LuUneburg' / 'Lüneburg')
    free = {ri: letters_of(key) for ri, key in enumerate(keys) if ri not in matched.values()}
    for li, name in enumerate(listed):
        found = process.extractOne(letters_of(name), free, scorer=fuzz.ratio,
                                   score_cutoff=SAME_NAME_MIN_SCORE) if li not in matched and free else None
        if found:
            matched[li] = found[2]
            del free[found[2]]
    if len(matched) < COVERAGE_MIN_SHARE * len(listed) and len(listed) > OVERVIEW_MORE_FACTOR * len(records):
        return None
    return matched


def with_names_by_position(records: list[dict], listed: list[str], settings: RecordsSettings,
                           lexicon: Lexicon | None = None) -> list[dict]:
    """Records -> the same, where a record's name is no listed name (a running header or a line of
    text read as the name: the OCR lost the name) and the overview lists a name not found in the
    same place (between the same two projects found), named so and flagged; where as many such
    records as such names stand there (two pages whose names an OCR lost, one after the other),
    in order. Needs the records in the brochure's order and the overview in the same order. A
    name the overview prints otherwise, read two ways by an OCR, takes the overview's where the
    reading holds a sign inside a word or only unknown words the overview's spells as far
    commoner ones (names.listed_reading_wins), flagged."""
    matched = listed_to_records(records, listed, settings) if listed else None
    if not matched:
        return records
    records = [dict(r, needs_review=list(r["needs_review"]), review_notes=dict(r["review_notes"])) for r in records]
    by_record = {ri: li for li, ri in matched.items()}
    anchors = sorted(matched.items())  # (listed index, record index) in the overview's order
    if [ri for _, ri in anchors] != sorted(ri for _, ri in anchors):
        return records  # the overview's order is not the records': no place to go by
    bounds = [(-1, -1), *anchors, (len(listed), len(records))]
    for (l0, r0), (l1, r1) in zip(bounds, bounds[1:]):
        names = [li for li in range(l0 + 1, l1) if li not in matched]
        loose = [ri for ri in range(r0 + 1, r1) if ri not in by_record]
        if not names or len(names) != len(loose):
            continue
        for ri, li in zip(loose, names):
            record, name = records[ri], listed[li]
            # the overview's entry is the name's beginning or end
            if entries_with_part(name, (record["name"],)) or cut_entry_of(name, record["name"]):
                add_flag(record, "name", f"the overview lists '{name}' at this place, which this name begins or "
                                         "ends with: the overview's entry may be cut, the name was kept")
                continue
            place = "at this place" if len(names) == 1 else f"at this place ({names.index(li) + 1} of {len(names)} in a row)"
            note = (f"read '{record['name']}', which the overview does not list; it lists '{name}' {place} "
                    "(between the same projects), which was taken")
            read, record["name"] = record["name"], " ".join(name.split())
            add_flag(record, "name", note)
            for doubt in lost_name_words_doubts(record, read):
                add_flag(record, doubt.field, doubt.note)
    for li, ri in matched.items():
        record, name = records[ri], " ".join(listed[li].split())
        read = record["name"]
        if cut_from(record["name"], name):
            add_flag(record, "name", f"read '{record['name']}', cut inside a word from '{name}', which the overview "
                                     "lists here: the overview's name was taken")
            record["name"] = name
        elif fuzz.ratio(name, record["name"], processor=str.casefold) < settings.segment.listed_min_score:
            # matched as one name read two ways (listed_to_records): the reading with the umlauts the other lost wins
            if letters_of(name) == letters_of(record["name"]) and umlauts_lost(record["name"], name):
                read, record["name"] = record["name"], name
                add_flag(record, "name", f"read '{read}'; the overview prints '{name}', the same name with its "
                                         "umlauts: the overview's was taken")
            elif is_subsequence(name_words(record["name"]), name_words(name)):
                read, record["name"] = record["name"], name
                add_flag(record, "name", f"read '{read}', the words of '{name}' with some lost: the overview lists it "
                                         "at this place (the other names are other records'), so it was taken")
            elif lexicon is not None and listed_reading_wins(record["name"], name, lexicon):
                read, record["name"] = record["name"], name
                add_flag(record, "name", f"read '{read}'; the overview prints '{name}', a reading no OCR sign or "
                                         "unknown word mars: the overview's was taken")
            else:
                add_flag(record, "name", f"the overview prints this name '{name}': an OCR misread one of the two; "
                                         "the name as read over its header was kept")
        if record["name"] != read:  # a title or motto spelling the name as it was read holds the same misreading
            for doubt in listed_spelling_in_values_doubts(record, None, read):
                add_flag(record, doubt.field, doubt.note)
    return records


CUT_NAME_MIN_SCORE = 95  # a name read is the listed name's beginning this alike (OCR damage)
# 'LuUneburg' / 'Lüneburg' (umlauts folded): one name, read twice; a running header read as the name
# ('Modellprojekte Smart Cities') is far less like the overview's entry
SAME_NAME_MIN_SCORE = 75


def cut_from(read: str, listed: str) -> bool:
    """Whether a name read is the beginning of a listed name cut inside a word ('… Ebersbach-Neuger'
    of '… Ebersbach-Neugersdorf': the OCR lost the line's end at the picture's edge)."""
    read = " ".join(read.split())
    head = listed[:len(read)]
    return len(listed) > len(read) and read[-1:].isalpha() and listed[len(read)].isalpha() \
        and len(read.split()) == len(head.split()) \
        and fuzz.ratio(read.casefold(), head.casefold()) >= CUT_NAME_MIN_SCORE


def with_coverage(records: list[dict], listed: list[str], settings: RecordsSettings,
                  printed_alone: dict[str, int] | None = None) -> tuple[list[dict], list[str]]:
    """Records -> records with the coverage flags, and the coverage warnings. Where the overview
    lists more than this brochure (listed_to_records), a listed name no record has that a line of
    the projects' pages prints alone (`printed_alone`: such lines, casefolded, -> line number) is
    still warned of: its heading is there, its header was not read. Records that bear one name
    are flagged, each of them: one may be another project's."""
    records = [dict(r, needs_review=list(r["needs_review"]), review_notes=dict(r["review_notes"])) for r in records]
    named = Counter(" ".join(r["name"].casefold().split()) for r in records)
    for record in records:
        if (count := named[" ".join(record["name"].casefold().split())]) > 1:
            note = (f"{count} records bear this name: one of them may be another project's, read with words of "
                    "its name lost")
            add_flag(record, "name", note)
            add_flag(record, "description", f"{note}, and so its text")
    if not listed:
        return records, []
    matched = listed_to_records(records, listed, settings)
    if matched is None:  # a list of more than this brochure's projects (2021's lists every year's)
        return records, headings_without_record(records, listed, printed_alone or {}, settings)
    warnings = []
    if len(listed) > len(records):
        warnings.append(f"the overview lists {len(listed)} projects, {len(records)} were found: "
                        "check the records flagged around the gaps")
    for li, name in enumerate(listed):
        if li in matched:
            continue
        warnings.append(f"the overview lists '{name}', but no record was found for it")
        before = next((matched[k] for k in range(li - 1, -1, -1) if k in matched), None)
        after = next((matched[k] for k in range(li + 1, len(listed)) if k in matched), None)
        note = f"the overview lists '{name}' next to this project, but no record was found for it"
        for ri in {before, after} - {None}:
            for field in ("name", "description"):
                add_flag(records[ri], field, f"{note}: its header or text may be in this record")
    unlisted = set(range(len(records))) - set(matched.values())
    for ri in sorted(unlisted):
        add_flag(records[ri], "name", "the brochure's overview of all projects has no such name")
    return records, warnings


def add_flag(record: dict, field: str, note: str) -> None:
    if field not in record["needs_review"]:
        record["needs_review"].append(field)
    old = record["review_notes"].get(field)
    if not old or note not in old:
        record["review_notes"][field] = f"{old}; {note}" if old else note


def lines_printed_alone(lines, first: int, end: int) -> dict[str, int]:
    """The lines of lines[first:end] (Line-like: number, text) set apart by a blank line above and
    below (a heading; a map's label stands among other lines), whitespace-normalised and
    casefolded -> the number of the first line that prints it."""
    alone: dict[str, int] = {}
    for k in range(max(first, 1), min(end, len(lines) - 1)):
        if lines[k].text.strip() and not lines[k - 1].text.strip() and not lines[k + 1].text.strip():
            alone.setdefault(" ".join(lines[k].text.split()).casefold(), lines[k].number)
    return alone


def headings_without_record(records: list[dict], listed: list[str], printed_alone: dict[str, int],
                            settings: RecordsSettings) -> list[str]:
    """Warnings for listed names that no record matches and a line of the projects' pages prints
    alone (a project's heading whose header the reading did not find)."""
    keys = [r["name"] for r in records]
    warnings = []
    for name in listed:
        number = printed_alone.get(" ".join(name.split()).casefold())
        if number is None or process.extractOne(name, keys, scorer=fuzz.ratio, processor=str.casefold,
                                                score_cutoff=settings.segment.listed_min_score):
            continue
        warnings.append(f"the overview lists '{name}', and line {number + 1} prints it alone like a project's name, "
                        "but no record was found for it")
    return warnings
