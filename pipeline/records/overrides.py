"""Reviewer overrides: values a person confirmed, applied after extraction.

Needs the record dicts and the override files of corrections/overrides/. A field set by an
override leaves `needs_review`; the record keeps the automatic value and its note under
`overrides`, so it always shows which values came from a person. A confirmation (the automatic
value is right) unflags its field while the record's source text and the value are unchanged,
and is shown there too (`confirmed: true`). Between the two, a reviewer's decisions about
stretches of the descriptions (passages.py): a confirmation of a description confirms it as they
left it.
"""
from __future__ import annotations

import re

from rapidfuzz import fuzz

from pipeline.corrections import OverrideFile
from pipeline.records.ids import record_id
from pipeline.records.passages import apply_passages


def apply_overrides(records: list[dict], files: list[OverrideFile], year: int | None) -> tuple[list[dict], list[str]]:
    """-> (records with overrides applied, warnings about overrides that matched no record). An
    override names its record by the id the tool gave it, or, once the name itself was
    overridden, by the id of the new name (the id the output then shows)."""
    by_id = {r["id"]: r for r in records}
    renamed = {record_id(o.value): o.record for f in files if f.edition == year for o in f.overrides
               if o.field == "name" and isinstance(o.value, str) and o.record in by_id}
    warnings = []
    out = {r["id"]: {**r, "needs_review": list(r["needs_review"]), "review_notes": dict(r["review_notes"]),
                     "overrides": dict(r.get("overrides", {}))} for r in records}
    for file in files:
        if file.edition != year:
            continue
        for o in file.overrides:
            o = o.model_copy(update={"record": renamed.get(o.record, o.record)})
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
    for record in out.values():  # the page's words read as a value a reviewer set aside stay its figure text
        record["figure_text"] = [*record.get("figure_text", []), *texts_set_aside(record)]
    decided, passage_warnings = apply_passages([out[r["id"]] for r in records], files, year, renamed)
    out, warnings = {r["id"]: r for r in decided}, warnings + passage_warnings
    warnings += confirmed(out, [c for f in files if f.edition == year for c in f.confirmations if c.field != "place"],
                          renamed, year)
    return [out[r["id"]] for r in records], warnings


SAME_READING_MIN_SCORE = 80  # an automatic value this like the reviewer's is a misreading of the same words


COVERED_MIN_SHARE = 0.8  # an automatic value whose words the reviewed title and motto hold this much is theirs


def texts_set_aside(record: dict) -> list[str]:
    """The automatic titles and mottos a reviewer removed or replaced with other words: text of the
    page read as the value ('Lausitzer Woche der digitalen Wirtschaft' for a motto), which goes to
    figure_text so that no word of the page is lost. Not a misreading of the reviewer's value
    ('Newe Räume …' for 'Neue Räume …'), nor words the reviewed title and motto hold ('MPSC Dresden
    1Q Intelligente Quartiere …' split into a title and a motto)."""
    kept = {w for f in ("title", "motto") for w in re.findall(r"\w+", (record.get(f) or "").casefold())}
    out = []
    for field in ("title", "motto"):
        automatic, value = (record["overrides"].get(field) or {}).get("automatic"), record.get(field)
        if not isinstance(automatic, str) or not automatic.strip() or automatic == value:
            continue
        if isinstance(value, str) and fuzz.ratio(automatic.casefold(), value.casefold()) >= SAME_READING_MIN_SCORE:
            continue
        words = re.findall(r"\w+", automatic.casefold())
        if words and sum(w in kept for w in words) < COVERED_MIN_SHARE * len(words):
            out.append(automatic)
    return out


def apply_place_confirmations(records: list[dict], files: list[OverrideFile], year: int | None
                              ) -> tuple[list[dict], list[str]]:
    """-> (records with the confirmations of their places applied, warnings). A place is found
    after the overrides (places.py reads the final name), so its confirmations come then."""
    out = {r["id"]: {**r, "needs_review": list(r["needs_review"]), "review_notes": dict(r["review_notes"]),
                     "overrides": dict(r.get("overrides", {}))} for r in records}
    chosen = [c for f in files if f.edition == year for c in f.confirmations if c.field == "place"]
    warnings = confirmed(out, chosen, {}, year)
    return [out[r["id"]] for r in records], warnings


def confirmed(out: dict[str, dict], confirmations: list, renamed: dict[str, str], year: int | None) -> list[str]:
    """Apply confirmations to the records of `out` (in place): a field confirmed while the
    record's source text and the value are unchanged leaves needs_review; -> warnings."""
    warnings = []
    for c in confirmations:
        record = out.get(renamed.get(c.record, c.record))
        if record is None:
            warnings.append(f"confirmation for unknown record '{c.record}' ({year}) not applied")
        elif record.get("source_sha256") != c.source or record.get(c.field) != c.value:
            warnings.append(f"confirmation of {c.record}.{c.field} not applied: the source text or the value "
                            "changed since it was confirmed")
        elif c.field in record["needs_review"]:
            record["needs_review"].remove(c.field)
            decisions = record["overrides"].get(c.field, {})  # the passages a reviewer decided, if any
            record["overrides"][c.field] = {
                "automatic": decisions.get("automatic", record.get(c.field)),
                "automatic_note": record["review_notes"].pop(c.field, None),
                "reviewer": c.reviewer, "date": c.date,
                "reason": "; ".join(r for r in (decisions.get("reason"), confirmation_reason(c, bool(decisions))) if r),
                "confirmed": True,
            }
    return warnings


AFTER_DECISIONS = "confirmed: the value after these decisions is right"


def confirmation_reason(confirmation, after_decisions: bool) -> str:
    """The confirmation's reason; where a reviewer's decisions changed the value first, the
    default reason says that the value after them, not the automatic one, is right."""
    default = type(confirmation).model_fields["reason"].default
    return AFTER_DECISIONS if after_decisions and confirmation.reason == default else confirmation.reason
