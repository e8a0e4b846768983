"""Merging a review into corrections/: `mpsc review OUTDIR --apply FILE --reviewer NAME` takes
the file review.html saved and writes its values and confirmations to
corrections/overrides/<year>.json and its decisions on edits to corrections/decisions.json."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from pipeline.corrections import DecisionFile, FieldName, OverrideFile
from pipeline.errors import InputError
from pipeline.files import write_files_atomically


class ReviewedField(BaseModel):
    model_config = ConfigDict(extra="forbid")
    record: str = Field(min_length=1)
    field: FieldName
    action: Literal["confirm", "set"]
    automatic: Any = None
    source: str = ""
    value: Optional[str] = None


class ReviewedEdit(BaseModel):
    model_config = ConfigDict(extra="forbid")
    series: Optional[str] = None
    edit: Optional[str] = None
    decision: Literal["accept", "reject"]


class ReviewFile(BaseModel):
    """What review.html's "Save review" downloads."""

    model_config = ConfigDict(extra="forbid")
    mpsc_review: Literal[1]
    edition: Optional[int]
    source_sha256: str
    reviewer: str = ""
    date: Optional[str] = None
    fields: list[ReviewedField] = Field(default_factory=list)
    decisions: list[ReviewedEdit] = Field(default_factory=list)


LIST_FIELDS = ("states",)


def typed_value(field_name: str, text: str | None):
    """A value as typed in the page -> the field's type ('Hessen, Bayern' -> a list for states)."""
    text = (text or "").strip()
    if field_name in LIST_FIELDS:
        return [part.strip() for part in text.split(",") if part.strip()]
    return text or None


def apply_review(outdir: Path, review_path: Path, corrections_dir: Path, reviewer: str | None) -> str:
    """Merge a saved review into corrections/: values into overrides/<year>.json, confirmations
    beside them, decisions on edits into decisions.json, each with reviewer and date; a later
    word on the same field or edit replaces an earlier one. -> a one-line summary."""

    output = read_output(outdir)
    try:
        review = ReviewFile.model_validate_json(review_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{review_path}: no such file") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"{review_path}: not a review saved by review.html ({str(exc).splitlines()[0]})") from None
    year = output["edition"].get("year")
    if review.source_sha256 != output["source"]["sha256"] or review.edition != year:
        raise InputError(f"{review_path} was saved for another input than {outdir} (edition {review.edition}, "
                         f"source {review.source_sha256[:12]}…)")
    name = (reviewer or review.reviewer or "").strip()
    if not name:
        raise InputError("a reviewer's name is required: give --reviewer NAME")
    if year is None and review.fields:
        raise InputError(f"{outdir}: the edition has no year, so its values have no overrides file to go to")
    day = review.date or date.today().isoformat()
    overrides = [{"record": f.record, "field": f.field, "value": typed_value(f.field, f.value), "reviewer": name,
                  "date": day, "reason": f"set in review.html ({review_path.name})"}
                 for f in review.fields if f.action == "set"]
    confirmations = [{"record": f.record, "field": f.field, "value": f.automatic, "source": f.source,
                      "reviewer": name, "date": day} for f in review.fields if f.action == "confirm"]
    decisions = [{k: v for k, v in {"series": d.series, "edit": d.edit, "decision": d.decision,
                                    "reviewer": name, "date": day}.items() if v is not None} for d in review.decisions]
    merge_into_corrections(corrections_dir, year, overrides, confirmations, decisions)
    return (f"{len(overrides)} values, {len(confirmations)} confirmations and {len(decisions)} decisions of {name} "
            f"merged into {corrections_dir}; rerun `mpsc extract` to apply them")


def merge_into_corrections(corrections_dir: Path, year: int | None, overrides: list[dict], confirmations: list[dict],
                           decisions: list[dict]) -> None:
    """Write the reviewer's words into corrections/ (validated, atomically); the latest word on
    a (record, field) or an edit or series replaces earlier ones."""

    if overrides or confirmations:
        path = corrections_dir / "overrides" / f"{year}.json"
        data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {
            "about": f"Values and confirmations reviewers gave for the {year} edition.", "edition": year, "overrides": []}
        data.setdefault("overrides", [])
        data.setdefault("confirmations", [])
        for key, new in (("overrides", overrides), ("confirmations", confirmations)):
            taken = {(n["record"], n["field"]) for n in new}
            data[key] = [o for o in data[key] if (o["record"], o["field"]) not in taken] + new
        # a field set anew is no longer confirmed as it was, and a confirmed one no longer overridden
        data["confirmations"] = [c for c in data["confirmations"] if (c["record"], c["field"]) not in
                                 {(o["record"], o["field"]) for o in overrides}]
        data["overrides"] = [o for o in data["overrides"] if (o["record"], o["field"]) not in
                             {(c["record"], c["field"]) for c in confirmations}]
        OverrideFile.model_validate(data)
        write_json_atomically(path, data)
    if decisions:
        path = corrections_dir / "decisions.json"
        data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"decisions": []}
        taken = {(d.get("series"), d.get("edit")) for d in decisions}
        data["decisions"] = [d for d in data["decisions"] if (d.get("series"), d.get("edit")) not in taken] + decisions
        DecisionFile.model_validate(data)
        write_json_atomically(path, data)


def read_output(outdir: Path) -> dict:

    path = outdir / "projects.json"
    if not path.is_file():
        raise InputError(f"{outdir}: no projects.json (run `mpsc extract` first)")
    return json.loads(path.read_text(encoding="utf-8"))


def write_json_atomically(path: Path, data: dict) -> None:
    write_files_atomically(path.parent, {path.name: json.dumps(data, ensure_ascii=False, indent=2) + "\n"})
