"""Downstream formats of projects.json and the comparison of two runs or editions.

- `projects_to_jsonl`: one project per line, each with the edition and source it came from.
- `projects_to_csv`: one project per row, the same; lists joined with '; ', review notes as
  'field: note' and facts as 'label: value' joined with ' | ', overrides as the names of the fields a reviewer set; a text
  cell a spreadsheet would run as a formula starts with an apostrophe (`spreadsheet_safe`).
- `projects_to_geojson`: a FeatureCollection, a point per project at its place (GeoNames), the
  project's fields as properties; a project without a place has a null geometry, never dropped.
- `compare_brochures` (`mpsc diff OLD NEW`): records added, removed and fields changed, by id.
"""
from __future__ import annotations

import csv
import io
import json

CSV_FIELDS = ("edition_year", "edition_title", "source_path", "source_sha256", "id", "name", "category",
              "category_printed", "size_class", "states", "state_codes", "title", "motto", "page", "needs_review",
              "review_notes", "overrides", "description", "figure_text", "facts", "latitude", "longitude", "geonameid")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
COMPARED_FIELDS = ("name", "category", "category_printed", "size_class", "states", "state_codes", "title", "motto",
                   "page", "description", "figure_text", "facts")


def flat_rows(brochure: dict) -> list[dict]:
    """Each project with the edition and source it came from: a row that stands alone."""
    context = {"edition_year": brochure["edition"]["year"], "edition_title": brochure["edition"]["title"],
               "source_path": brochure["source"]["path"], "source_sha256": brochure["source"]["sha256"]}
    return [{**context, **p} for p in brochure["projects"]]


def place_columns(row: dict) -> dict:
    place = row.get("place") or {}
    return {"latitude": place.get("latitude"), "longitude": place.get("longitude"), "geonameid": place.get("geonameid")}


def projects_to_jsonl(brochure: dict) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in flat_rows(brochure))


def projects_to_geojson(brochure: dict) -> str:
    features = []
    for row in flat_rows(brochure):
        place = row.get("place")
        geometry = {"type": "Point", "coordinates": [place["longitude"], place["latitude"]]} if place else None
        features.append({"type": "Feature", "id": row["id"], "geometry": geometry, "properties": row})
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=1) + "\n"


def csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, dict):
        return spreadsheet_safe(" | ".join(f"{k}: {v}" if isinstance(v, str) else k for k, v in value.items()))
    if isinstance(value, list):
        return spreadsheet_safe("; ".join(str(v) for v in value))
    return spreadsheet_safe(str(value))


def spreadsheet_safe(text: str) -> str:
    """Text a spreadsheet would run as a formula ('=HYPERLINK(…)', '+cmd|…', '@SUM(…)') gets a
    leading apostrophe, as spreadsheet programs expect (OWASP's advice on CSV injection); other
    text is left as it is. Numbers are not text and never pass through here."""
    return "'" + text if text[:1] in FORMULA_STARTS else text


def projects_to_csv(brochure: dict) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for row in flat_rows(brochure):
        row = {**row, **place_columns(row)}
        writer.writerow([csv_cell(row.get(f)) for f in CSV_FIELDS])
    return out.getvalue()


def compare_brochures(old: dict, new: dict) -> dict:
    """{'added': [ids], 'removed': [ids], 'changed': {id: {field: [old, new]}}}"""
    before = {p["id"]: p for p in old.get("projects", [])}
    after = {p["id"]: p for p in new.get("projects", [])}
    changed = {}
    for rid in sorted(before.keys() & after.keys()):
        fields = {f: [before[rid].get(f), after[rid].get(f)] for f in COMPARED_FIELDS
                  if before[rid].get(f) != after[rid].get(f)}
        if fields:
            changed[rid] = fields
    return {"added": sorted(after.keys() - before.keys()), "removed": sorted(before.keys() - after.keys()),
            "changed": changed}


def words_changed(old: str, new: str, shown: int = 3) -> str:
    """'2 places changed: 'Schaden' -> 'Schäden'; 'fordert' -> 'fördert'' (a word-level diff)."""
    import difflib

    a, b = old.split(), new.split()
    changes = [(" ".join(a[i1:i2]), " ".join(b[j1:j2]))
               for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if op != "equal"]
    listed = "; ".join(f"{x!r} -> {y!r}" for x, y in changes[:shown])
    more = f"; … {len(changes) - shown} more" if len(changes) > shown else ""
    return f"{len(changes)} place{'s' if len(changes) != 1 else ''} changed: {listed}{more}"


def comparison_to_text(diff: dict) -> str:
    lines = [f"+ {rid}" for rid in diff["added"]] + [f"- {rid}" for rid in diff["removed"]]
    for rid, fields in diff["changed"].items():
        for field, (old, new) in fields.items():
            if field == "description":
                lines.append(f"~ {rid}.description: {words_changed(old or '', new or '')}")
            else:
                lines.append(f"~ {rid}.{field}: {old!r} -> {new!r}")
    return "\n".join(lines) if lines else "no differences"
