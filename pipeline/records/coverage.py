"""Coverage: the records against the names the brochure's own overview lists, so that a project
the segmenter missed is never silent.

Needs the records (final names), the Layout (its overview and parts) and the profile
(`overview_columns`, for an overview printed as a table whose columns the text gives one after
the other). Produces warnings for listed names no record matched (and for more names listed than
records found), and flags: the records around such a gap ('description', 'name': the missed
project's text or header may be in them), and a name the overview does not list ('name').
"""
from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from pipeline.corrections import Profile
from pipeline.records.overview_rows import table_row_names
from pipeline.records.segment import Layout, table_overview_names
from pipeline.records.settings import RecordsSettings


COVERAGE_MIN_SHARE = 0.5  # an overview fewer of whose names a record matches lists more than this brochure,
OVERVIEW_MORE_FACTOR = 2  # if it lists more than this many times as many names as records were found (2021: 73, 28)


def listed_names(layout: Layout, profile: Profile) -> list[str]:
    """The names the overview lists: its entries, or where none were read, the names of a table
    overview (segment.table_overview_names: its columns one after the other; overview_rows: its
    rows one by one)."""
    if layout.overview:
        return [e["name"] for e in layout.overview]
    return table_overview_names(layout.lines, layout.parts, profile) or table_row_names(layout.lines, layout.parts,
                                                                                       profile)


def with_coverage(records: list[dict], listed: list[str], settings: RecordsSettings) -> tuple[list[dict], list[str]]:
    """Records -> records with the coverage flags, and the coverage warnings."""
    if not listed:
        return records, []
    cutoff = settings.segment.listed_min_score
    records = [dict(r, needs_review=list(r["needs_review"]), review_notes=dict(r["review_notes"])) for r in records]
    keys = [r["name"] for r in records]
    matched: dict[int, int] = {}  # listed index -> record index
    for li, name in enumerate(listed):
        found = process.extractOne(name, keys, scorer=fuzz.ratio, processor=str.casefold, score_cutoff=cutoff)
        if found and found[2] not in matched.values():
            matched[li] = found[2]
    if len(matched) < COVERAGE_MIN_SHARE * len(listed) and len(listed) > OVERVIEW_MORE_FACTOR * len(records):
        return records, []  # a list of more than this brochure's projects (2021's lists every year's)
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
