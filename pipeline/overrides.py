"""Reviewer overrides: values a person confirmed, applied after extraction.

Needs the record dicts and the override files of corrections/overrides/. A field set by an
override leaves `needs_review`; the record keeps the automatic value and its note under
`overrides`, so it always shows which values came from a person.
"""
from __future__ import annotations

from .corrections import OverrideFile


def apply_overrides(records: list[dict], files: list[OverrideFile], year: int | None) -> tuple[list[dict], list[str]]:
    """-> (records with overrides applied, warnings about overrides that matched no record)."""
    by_id = {r["id"]: r for r in records}
    warnings = []
    out = {r["id"]: {**r, "needs_review": list(r["needs_review"]), "review_notes": dict(r["review_notes"]),
                     "overrides": dict(r.get("overrides", {}))} for r in records}
    for file in files:
        if file.edition != year:
            continue
        for o in file.overrides:
            if o.record not in by_id:
                warnings.append(f"override for unknown record '{o.record}' ({file.edition}) not applied")
                continue
            record = out[o.record]
            record["overrides"][o.field] = {
                "automatic": record.get(o.field),
                "automatic_note": record["review_notes"].pop(o.field, None),
                "reviewer": o.reviewer,
                "date": o.date,
                "reason": o.reason,
            }
            record[o.field] = o.value
            if o.field in record["needs_review"]:
                record["needs_review"].remove(o.field)
    return [out[r["id"]] for r in records], warnings
