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
from pipeline.records.labels import label_key
from pipeline.records.segment import NAME_CONNECTORS, Layout
from pipeline.records.settings import RecordsSettings


COVERAGE_MIN_SHARE = 0.5  # an overview fewer of whose names a record matches lists more than this brochure


def listed_names(layout: Layout, profile: Profile) -> list[str]:
    """The names the overview lists: its entries, or where none were read, the lines under the
    name column's head of a table overview up to the next column head (a line ending in a
    connector goes on with the next)."""
    if layout.overview:
        return [e["name"] for e in layout.overview]
    if "overview" not in layout.parts or len(profile.overview_columns) < 2:
        return []
    first, end = layout.parts["overview"]
    heads = {label_key(h) for h in profile.overview_columns[1:]}
    names, inside = [], False
    for line in layout.lines[first + 1: end]:
        text = line.text.strip()
        if not text:
            continue
        words = text.split()
        if not inside:
            inside = label_key(text) == label_key(profile.overview_columns[0])
            continue
        if label_key(words[0]) in heads or label_key(text) in heads:
            break
        if names and NAME_CONNECTORS.search(names[-1]):
            names[-1] = f"{names[-1]} {text}"  # a name over two lines ('… mit Ebersbach-Neugersdorf und' / 'Oderwitz')
        else:
            names.append(text)
    return names if inside else []


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
    if len(matched) < COVERAGE_MIN_SHARE * len(listed):
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
