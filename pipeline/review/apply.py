"""Merging a review into corrections/: `mpsc review OUTDIR --apply FILE --reviewer NAME` takes
the file review.html saved and writes its values and confirmations to
corrections/overrides/<year>.json and its decisions on edits to corrections/decisions.json."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any, Literal, Optional, Union

from pydantic import (BaseModel, ConfigDict, Field, StrictInt, StrictStr, ValidationError,
                      model_validator)

from pipeline.corrections import DecisionFile, FieldName, LexiconAdditions, OverrideFile
from pipeline.errors import InputError
from pipeline.files import write_files_together
from pipeline.language.lexicon import german_states
from pipeline.records.ids import record_id
from pipeline.records.passages import apply_passages, stretch_pattern


SHA256 = r"^[0-9a-f]{64}$"
Value = Union[StrictStr, StrictInt, list[StrictStr], dict[str, Any], None]


class ReviewedField(BaseModel):
    model_config = ConfigDict(extra="forbid")
    record: str = Field(min_length=1)
    field: FieldName
    action: Literal["confirm", "set"]
    automatic: Value = None
    source: str = ""
    value: Optional[StrictStr] = None


class ReviewedEdit(BaseModel):
    model_config = ConfigDict(extra="forbid")
    series: Optional[str] = None
    edit: Optional[str] = None
    decision: Literal["accept", "reject"]
    scope: Literal["source", "edition", "all"] = "source"

    @model_validator(mode="after")
    def one_target(self) -> "ReviewedEdit":
        if (self.edit is None) == (self.series is None):
            raise ValueError("a decision names either an edit or a series")
        return self


class ReviewedPassage(BaseModel):
    """A stretch of a description marked on review.html (corrections.Passage without reviewer and date)."""

    model_config = ConfigDict(extra="forbid")
    record: str = Field(min_length=1)
    action: Literal["figure", "prose", "move", "word", "break", "join"]
    text: StrictStr = Field(min_length=1)
    to: Optional[StrictStr] = None
    after: Optional[StrictStr] = None
    before: Optional[StrictStr] = None
    paragraph: bool = False
    value: Optional[StrictStr] = None


class ReviewFile(BaseModel):
    """What review.html's "Save review" downloads."""

    model_config = ConfigDict(extra="forbid")
    mpsc_review: Literal[1]
    edition: Optional[StrictInt]
    source_sha256: str = Field(pattern=SHA256)
    reviewer: str = ""
    date: Optional[str] = None
    fields: list[ReviewedField] = Field(default_factory=list)
    decisions: list[ReviewedEdit] = Field(default_factory=list)
    passages: list[ReviewedPassage] = Field(default_factory=list)


LIST_FIELDS = ("states",)
MIN_LETTERS = {"name": 2, "category": 2, "size_class": 2, "title": 3, "motto": 3, "description": 3}
REQUIRED = ("name", "size_class", "states", "description")  # the schema allows them no null


def typed_value(field_name: str, text: str | None):
    """A value as typed -> the field's type ('Hessen, Bayern' -> a list for states, '12' -> 12
    for a page); text that is no such value stays text, for `value_problem` to name."""
    text = (text or "").strip()
    if field_name in LIST_FIELDS:
        return [part.strip() for part in text.split(",") if part.strip()]
    if field_name == "page" and text.isdigit():
        return int(text)
    return text or None


def value_problem(field_name: str, value) -> str | None:
    """Why a reviewer's value cannot stand in the field of projects.json, or None where it can."""
    if field_name == "place":
        return "a place is confirmed or left as it is, not typed"
    if value is None or value == []:
        return f"a {field_name} cannot be empty" if field_name in REQUIRED else None
    if field_name == "page":
        return None if type(value) is int and value >= 1 else f"a page is a whole number from 1, not {value!r}"
    if field_name == "states":
        unknown = [s for s in value if s not in german_states()]
        return (f"not a Land: {', '.join(repr(s) for s in unknown)} (one of: {', '.join(german_states())})"
                if unknown else None)
    if not isinstance(value, str):
        return f"a {field_name} is text, not {type(value).__name__}"
    if field_name == "name" and not record_id(value):
        return f"{value!r} gives no id (a name needs letters or digits a-z, 0-9 once folded)"
    if sum(c.isalpha() for c in value) < MIN_LETTERS.get(field_name, 2):
        return f"{value!r} is too short to be a {field_name}"
    return None


def automatic_problem(field_name: str, value) -> str | None:
    """Why a confirmed value cannot be what the tool gave for the field, or None."""
    if value is None:
        return None
    if field_name == "place":
        return None if isinstance(value, dict) else "a confirmed place is the place object the output shows"
    if isinstance(value, dict):
        return f"a {field_name} is no object"
    if field_name == "states":
        return None if isinstance(value, list) else "states are a list"
    if field_name == "page":
        return None if type(value) is int else "a page is a whole number"
    return None if isinstance(value, str) else f"a {field_name} is text"


def output_year(output: dict, outdir: Path) -> int | None:
    """The edition year of an output folder, refused where it is no whole number (a tampered
    projects.json could otherwise name a file 'overrides/2021.0.json')."""
    year = (output.get("edition") or {}).get("year")
    if year is not None and (type(year) is not int or not 1900 <= year <= 2200):
        raise InputError(f"{outdir}/projects.json: edition.year {year!r} is not a year")
    return year


def apply_review(outdir: Path, review_path: Path, corrections_dir: Path, reviewer: str | None) -> str:
    """Merge a saved review into corrections/: values into overrides/<year>.json, confirmations
    beside them, decisions on edits into decisions.json, each with reviewer and date; a later
    word on the same field or edit replaces an earlier one. Every entry is checked before
    anything is written, and both files change together or not at all. -> a one-line summary."""
    output = read_output(outdir)
    try:
        review = ReviewFile.model_validate_json(review_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{review_path}: no such file") from None
    except ValidationError as exc:
        raise InputError(f"{review_path}: not a review saved by review.html ({first_error(exc)})") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"{review_path}: not a review saved by review.html ({str(exc).splitlines()[0]})") from None
    year = output_year(output, outdir)
    sha = output["source"]["sha256"]
    if review.source_sha256 != sha or review.edition != year:
        raise InputError(f"{review_path} was saved for another input than {outdir} (edition {review.edition}, "
                         f"source {review.source_sha256[:12]}…)")
    name = (reviewer or review.reviewer or "").strip()
    if not name:
        raise InputError("a reviewer's name is required: give --reviewer NAME")
    if year is None and review.fields:
        raise InputError(f"{outdir}: the edition has no year, so its values have no overrides file to go to")
    day = review.date or date.today().isoformat()
    for f in review.fields:
        problem = (value_problem(f.field, typed_value(f.field, f.value)) if f.action == "set"
                   else automatic_problem(f.field, f.automatic))
        if problem:
            raise InputError(f"{review_path}: {f.record}.{f.field}: {problem}; nothing was written")
    overrides = [{"record": f.record, "field": f.field, "value": typed_value(f.field, f.value), "reviewer": name,
                  "date": day, "reason": f"set in review.html ({review_path.name})"}
                 for f in review.fields if f.action == "set"]
    passages = [passage_entry(p.model_dump(), name, day, f"marked in review.html ({review_path.name})")
                for p in review.passages]
    working = output["projects"]
    for p in passages:  # each against the descriptions as the ones before it left them
        problem = passage_problem(p, working)
        if problem:
            raise InputError(f"{review_path}: {p['record']}: {problem}; nothing was written")
        working, _ = apply_passages(working, [OverrideFile(edition=year or 0, passages=[p])], year or 0)
    if year is None and passages:
        raise InputError(f"{outdir}: the edition has no year, so its passages have no overrides file to go to")
    decided = descriptions_after(output["projects"], passages, year)
    confirmations = [{"record": f.record, "field": f.field, "source": f.source, "reviewer": name, "date": day,
                      "value": decided.get(f.record, f.automatic) if f.field == "description" else f.automatic}
                     for f in review.fields if f.action == "confirm"]
    decisions = [decision_entry(d.series, d.edit, d.decision, d.scope, year, sha, name, day) for d in review.decisions]
    merge_into_corrections(corrections_dir, year, overrides, confirmations, decisions, passages=passages)
    return (f"{len(overrides)} values, {len(confirmations)} confirmations, {len(passages)} passages and "
            f"{len(decisions)} decisions of {name} merged into {corrections_dir}; rerun `mpsc extract` to apply them")


def passage_entry(p: dict, reviewer: str, day: str, reason: str) -> dict:
    """One passage decision as corrections/overrides/<year>.json holds it (no empty keys)."""
    entry = {**p, "reviewer": reviewer, "date": day, "reason": reason}
    return {k: v for k, v in entry.items() if v not in (None, False, "")}


def descriptions_after(projects: list[dict], passages: list[dict], year: int | None) -> dict[str, str]:
    """Record id -> its description once these new passage decisions apply (what a confirmation
    of the description in the same review confirms)."""
    if not passages:
        return {}
    file = OverrideFile(edition=year or 0, passages=passages)
    records, _ = apply_passages(projects, [file], year or 0)
    return {r["id"]: r["description"] for r in records}


def passage_problem(p: dict, projects: list[dict]) -> str | None:
    """Why a passage decision cannot apply to this output (its record, its stretch, the record
    it moves to or the text it goes after not there), or None."""
    by_id = {r["id"]: r for r in projects}
    record = by_id.get(p["record"])
    if record is None:
        return "no such record in this output"
    pattern = stretch_pattern(p["text"])
    if p["action"] == "prose":
        if not any(pattern.search(entry) for entry in record["figure_text"]):
            return f"'{p['text'][:40]}' is not in its figure_text"
    elif not pattern.search(record["description"]):
        return f"'{p['text'][:40]}' is not in its description"
    if p["action"] == "move" and p.get("to") not in by_id:
        return f"no record '{p.get('to')}' to move it to"
    target = by_id.get(p.get("to") or p["record"])
    for key in ("after", "before"):
        if p.get(key) and not stretch_pattern(p[key]).search(target["description"]):
            return f"'{p[key][:40]}' is not in the description it should go {key}"
    return None


def decision_entry(series: str | None, edit: str | None, decision: str, scope: str, year: int | None, sha: str,
                   reviewer: str, day: str) -> dict:
    """One line of decisions.json: the decision with where it was made (edition, source) and
    where it holds (`scope`: that source, that edition, or every edition)."""
    entry = {"series": series, "edit": edit, "decision": decision, "scope": scope, "edition": year,
             "source": sha, "reviewer": reviewer, "date": day}
    return {k: v for k, v in entry.items() if v is not None}


def first_error(exc: ValidationError) -> str:
    error = exc.errors()[0]
    return f"{'.'.join(str(p) for p in error['loc'])}: {error['msg']}"


def merge_into_corrections(corrections_dir: Path, year: int | None, overrides: list[dict], confirmations: list[dict],
                           decisions: list[dict], words: list[str] = (), passages: list[dict] = ()) -> None:
    """Write the reviewer's words into corrections/: the files (overrides, decisions, words for
    the lexicon) are made and validated first, then written together (files.write_files_together);
    the latest word on a (record, field) or an edit or series replaces earlier ones."""
    files: dict[str, str] = {}
    if words:
        path = corrections_dir / "lexicon.json"
        data = read_json(path)
        data["words"] = sorted(set(data.get("words", [])) | set(words))
        validated(path, data, LexiconAdditions)
        files["lexicon.json"] = corrections_json(data)
    if overrides or confirmations or passages:
        path = corrections_dir / "overrides" / f"{year}.json"
        data = read_json(path) if path.exists() else {
            "about": f"Values and confirmations reviewers gave for the {year} edition.", "edition": year, "overrides": []}
        data.setdefault("overrides", [])
        data.setdefault("confirmations", [])
        taken = {(p["record"], p["action"], p["text"]) for p in passages}
        data["passages"] = [p for p in data.get("passages", []) if (p["record"], p["action"], p["text"]) not in taken] \
            + list(passages)
        if not data["passages"]:
            del data["passages"]
        for key, new in (("overrides", overrides), ("confirmations", confirmations)):
            taken = {(n["record"], n["field"]) for n in new}
            data[key] = [o for o in data[key] if (o["record"], o["field"]) not in taken] + new
        # a field set anew is no longer confirmed as it was, and a confirmed one no longer overridden
        data["confirmations"] = [c for c in data["confirmations"] if (c["record"], c["field"]) not in
                                 {(o["record"], o["field"]) for o in overrides}]
        data["overrides"] = [o for o in data["overrides"] if (o["record"], o["field"]) not in
                             {(c["record"], c["field"]) for c in confirmations}]
        validated(path, data, OverrideFile)
        files[f"overrides/{year}.json"] = corrections_json(data)
    if decisions:
        path = corrections_dir / "decisions.json"
        data = read_json(path) if path.exists() else {"decisions": []}
        taken = {decision_target(d) for d in decisions}
        data["decisions"] = [d for d in data["decisions"] if decision_target(d) not in taken] + decisions
        validated(path, data, DecisionFile)
        files["decisions.json"] = corrections_json(data)
    if files:
        write_files_together(corrections_dir, files)


def decision_target(d: dict) -> tuple:
    """What a decision is about: its edit or series, where it holds."""
    return d.get("series"), d.get("edit"), d.get("scope"), d.get("edition"), d.get("source")


def read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not valid JSON ({str(exc).splitlines()[0]}); nothing was written") from None


def validated(path: Path, data: dict, model: type[BaseModel]) -> None:
    try:
        model.model_validate(data)
    except ValidationError as exc:
        raise InputError(f"{path} would not be valid ({first_error(exc)}); nothing was written") from None


def read_output(outdir: Path) -> dict:
    """An output folder's projects.json, refused unless it looks like one."""
    path = outdir / "projects.json"
    if not path.is_file():
        raise InputError(f"{outdir}: no projects.json (run `mpsc extract` first)")
    output = read_json(path)
    if not (isinstance(output, dict) and isinstance(output.get("source"), dict)
            and isinstance(output["source"].get("sha256"), str) and isinstance(output.get("edition"), dict)
            and isinstance(output.get("projects"), list) and all(isinstance(p, dict) for p in output["projects"])):
        raise InputError(f"{path}: not a projects.json of mpsc extract")
    return output


def corrections_json(data: dict) -> str:
    """A corrections file as the repository keeps it: one key per line, each entry of a list on
    a line of its own, so a review adds or changes lines and a diff shows just those."""
    def entry(value) -> str:
        return json.dumps(value, ensure_ascii=False)

    lines = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            items = ",\n".join(f"    {entry(v)}" for v in value)
            lines.append(f"  {entry(key)}: [\n{items}\n  ]")
        else:
            lines.append(f"  {entry(key)}: {entry(value)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"
