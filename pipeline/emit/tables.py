"""The tables of a published dataset (`mpsc publish`): what each holds, its Table Schema (types,
primary key, foreign keys) and the rows one edition's output gives it.

Needs: a validated projects.json (as a dict) and its ledger lines. Produces: rows (dicts keyed by
column name, values as they are: text, numbers, booleans, None), the same for the CSV files and
the SQLite database. A list of names becomes '; '-joined text, notes 'field: note' joined with
' | '; where a person filters by an element of a list, the list is a table of its own too
(`project_states`, `project_notes`, `project_overrides`).
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from pipeline.emit.formats import place_columns

LIST_JOINER = "; "
NOTE_JOINER = " | "


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a Table Schema type: string, integer, number, boolean
    description: str


@dataclass(frozen=True)
class ForeignKey:
    columns: tuple[str, ...]
    table: str
    references: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    places: bool = False  # holds GeoNames data (CC BY 4.0)

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


def text(name: str, description: str) -> Column:
    return Column(name, "string", description)


def integer(name: str, description: str) -> Column:
    return Column(name, "integer", description)


def number(name: str, description: str) -> Column:
    return Column(name, "number", description)


def boolean(name: str, description: str) -> Column:
    return Column(name, "boolean", description)


EDITION_YEAR = integer("edition_year", "the edition (funding round) the row comes from")
RECORD_ID = text("id", "the record's id in its edition (from its final name: the same name gives the same id "
                       "in every edition)")
TO_EDITION = ForeignKey(("edition_year",), "editions", ("year",))
TO_RECORD = ForeignKey(("edition_year", "id"), "projects", ("edition_year", "id"))
NEEDS_REVIEW = text("needs_review", "the fields flagged for a reviewer, '; '-joined")
REVIEW_NOTES = text("review_notes", "why each field is flagged: 'field: note', ' | '-joined")
GEONAMEID = integer("geonameid", "the GeoNames place the name stands for (geonames.org); joins a place's "
                                 "records across editions")
LATITUDE = number("latitude", "the place's latitude (GeoNames, WGS 84)")
LONGITUDE = number("longitude", "the place's longitude (GeoNames, WGS 84)")

TABLES = (
    Table("editions", "one row per edition: its title, the source it was extracted from and its checksum", (
        integer("year", "the edition's year"),
        text("title", "the edition's title as printed"),
        text("leitthema", "the edition's guiding theme"),
        text("profile", "the profile it was read with: its year, or 'general'"),
        text("source_path", "the file the output was extracted from, as given to mpsc extract"),
        text("source_sha256", "sha256 of that file"),
        text("source_kind", "text, pdf, pdf-damaged or pdf-ocr: the route the text was read on"),
        text("source_encoding", "the text's encoding"),
        integer("projects", "records in the edition"),
        integer("rejected", "records that failed validation (not in projects)"),
        integer("edits", "edits in the edition's ledger; empty where the output folder had no corrections.jsonl"),
        text("warnings", "the extraction's warnings, ' | '-joined"),
    ), ("year",)),
    Table("projects", "one row per model project of an edition", (
        EDITION_YEAR, RECORD_ID,
        text("name", "the municipality, district or cooperation"),
        text("category", "the section, in the vocabulary of all editions"),
        text("category_printed", "the section as this edition prints it"),
        text("size_class", "the size class as printed"),
        text("states", "the Länder, '; '-joined (one row each in project_states)"),
        text("state_codes", "their ISO 3166-2 codes, '; '-joined"),
        text("title", "the project's title"),
        text("motto", "the project's motto"),
        text("description", "the running text"),
        text("figure_text", "captions, pull quotes, callouts and picture text, '; '-joined"),
        text("facts", "the labelled facts as 'label: value', ' | '-joined (one row each in project_facts)"),
        integer("page", "the printed page of the record's header"),
        GEONAMEID,
        text("place_name", "the place's name in GeoNames"),
        text("place_kind", "municipality, district seat (a district placed at its seat) or members (a "
                           "cooperation placed at its first member)"),
        LATITUDE, LONGITUDE, NEEDS_REVIEW, REVIEW_NOTES,
        text("overrides", "the fields a reviewer set, '; '-joined (values in project_overrides)"),
        text("source_sha256", "sha256 of the record's own source text (a reviewer's confirmation holds while it "
                              "is unchanged)"),
    ), ("edition_year", "id"), (TO_EDITION,), places=True),
    Table("project_states", "one row per Land of a project", (
        EDITION_YEAR, RECORD_ID,
        text("state", "a Land by its ISO 3166-2 name"),
        text("state_code", "its ISO 3166-2 code"),
    ), ("edition_year", "id", "state_code"), (TO_RECORD,)),
    Table("project_facts", "one row per labelled fact of a project ('Einwohner', 'Förderphase', …)", (
        EDITION_YEAR, RECORD_ID,
        text("label", "the fact's label as the profile spells it"),
        text("value", "the value as printed"),
    ), ("edition_year", "id", "label"), (TO_RECORD,)),
    Table("project_notes", "one row per field of a project that is flagged or carries a note", (
        EDITION_YEAR, RECORD_ID,
        text("field", "the field"),
        boolean("needs_review", "the field is flagged for a reviewer"),
        text("note", "why"),
    ), ("edition_year", "id", "field"), (TO_RECORD,)),
    Table("project_overrides", "one row per field a reviewer set or confirmed: the value shown and the "
                               "automatic one", (
        EDITION_YEAR, RECORD_ID,
        text("field", "the field"),
        text("value", "the value the record shows (lists '; '-joined, a place as JSON)"),
        text("automatic", "the value the automatic extraction had"),
        text("automatic_note", "why the automatic value was flagged"),
        text("reviewer", "who set it"),
        text("date", "when"),
        text("reason", "why"),
        boolean("confirmed", "the reviewer confirmed the automatic value"),
    ), ("edition_year", "id", "field"), (TO_RECORD,)),
    Table("overview", "one row per entry of an edition's overview of all projects (every round's)", (
        EDITION_YEAR,
        integer("position", "the entry's place in the overview, from 1"),
        text("id", "the id of the record this entry is, or the id its name would give"),
        text("name", "the name as the overview prints it"),
        text("category", "the section, in the vocabulary of all editions"),
        text("category_printed", "the section as printed"),
        text("members", "the members of a cooperation, '; '-joined"),
        text("member_qualifier", "the words before the members"),
        GEONAMEID, LATITUDE, LONGITUDE, NEEDS_REVIEW, REVIEW_NOTES,
        # Both empty where the entry has no record in its edition (another round's project): a
        # Frictionless foreign key is skipped only where all its cells are empty.
        integer("record_year", "the edition of the entry's record; empty where it has none"),
        text("record_id", "the id of the entry's record in projects; empty where it has none"),
    ), ("edition_year", "position"), (TO_EDITION, ForeignKey(("record_year", "record_id"), "projects",
                                                             ("edition_year", "id"))), places=True),
    Table("criteria", "one row per evaluation criterion of an edition", (
        EDITION_YEAR,
        integer("position", "the criterion's place in the list, from 1"),
        text("id", "its id as printed (K1, K2 …)"),
        text("group", "the group heading it stands under"),
        text("text", "the criterion"),
        NEEDS_REVIEW, REVIEW_NOTES,
    ), ("edition_year", "position"), (TO_EDITION,)),
    Table("edits", "the ledger: one row per edit of the raw text (applied, suggested or rejected)", (
        EDITION_YEAR,
        text("id", "the edit's id (stable across runs)"),
        text("rule", "the fixer or confusion rule that made it"),
        integer("start", "where it starts in the raw text (code points)"),
        integer("end", "where it ends"),
        text("before", "the raw text"),
        text("after", "what replaces it"),
        number("confidence", "how sure the rule was, 0 to 1"),
        boolean("applied", "made in the cleaned text (false: a suggestion, or rejected by a reviewer)"),
        text("context", "a few words either side, the edit in [brackets]"),
        text("record", "the id of the record whose text holds it (a rejected record is not in projects)"),
        text("word_before", "the whole word as read"),
        text("word_after", "the whole word after the edit"),
        text("series", "the series one decision covers ('fiir -> für')"),
        text("decision", "accepted or rejected by a reviewer"),
        text("reason", "the evidence that decided it"),
    ), ("edition_year", "id"), (TO_EDITION,)),
)
TABLE = {t.name: t for t in TABLES}


def as_list_text(values: list | None) -> str | None:
    return LIST_JOINER.join(str(v) for v in values) if values else None


def as_notes_text(notes: dict[str, str]) -> str | None:
    return NOTE_JOINER.join(f"{field}: {note}" for field, note in notes.items()) or None


def as_value_text(value) -> str | None:
    """A field's value as one cell: text as it is, a list '; '-joined, a place as JSON."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, list):
        return LIST_JOINER.join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def brochure_to_edition_row(brochure: dict, ledger: list[dict] | None) -> dict:
    edition, source = brochure["edition"], brochure["source"]
    return {"year": edition["year"], "title": edition["title"], "leitthema": edition["leitthema"],
            "profile": edition["profile"], "source_path": source["path"], "source_sha256": source["sha256"],
            "source_kind": source["kind"], "source_encoding": source["encoding"],
            "projects": len(brochure["projects"]), "rejected": len(brochure["rejected"]),
            "edits": None if ledger is None else len(ledger),
            "warnings": NOTE_JOINER.join(brochure["warnings"]) or None}


def project_to_row(year: int, p: dict) -> dict:
    place = p.get("place") or {}
    return {"edition_year": year, "id": p["id"], "name": p["name"], "category": p["category"],
            "category_printed": p["category_printed"], "size_class": p["size_class"],
            "states": as_list_text(p["states"]), "state_codes": as_list_text(p["state_codes"]), "title": p["title"],
            "motto": p["motto"], "description": p["description"], "figure_text": as_list_text(p["figure_text"]),
            "facts": as_notes_text(p["facts"]), "page": p["page"], **place_columns(p), "place_name": place.get("name"), "place_kind": place.get("kind"),
            "needs_review": as_list_text(p["needs_review"]), "review_notes": as_notes_text(p["review_notes"]),
            "overrides": as_list_text(list(p["overrides"])), "source_sha256": p["source_sha256"]}


def project_to_state_rows(year: int, p: dict) -> list[dict]:
    pairs = dict.fromkeys(zip(p["states"], p["state_codes"]))  # a Land named twice is one row
    return [{"edition_year": year, "id": p["id"], "state": state, "state_code": code} for state, code in pairs]


def project_to_fact_rows(year: int, p: dict) -> list[dict]:
    return [{"edition_year": year, "id": p["id"], "label": label, "value": value} for label, value in p["facts"].items()]


def project_to_note_rows(year: int, p: dict) -> list[dict]:
    fields = dict.fromkeys([*p["needs_review"], *p["review_notes"]])
    return [{"edition_year": year, "id": p["id"], "field": f, "needs_review": f in p["needs_review"],
             "note": p["review_notes"].get(f)} for f in fields]


def project_to_override_rows(year: int, p: dict) -> list[dict]:
    return [{"edition_year": year, "id": p["id"], "field": field, "value": as_value_text(p.get(field)),
             "automatic": as_value_text(note["automatic"]), "automatic_note": note["automatic_note"],
             "reviewer": note["reviewer"], "date": note["date"], "reason": note["reason"],
             "confirmed": note["confirmed"]} for field, note in p["overrides"].items()]


def overview_to_rows(year: int, overview: list[dict], record_ids: set[str]) -> list[dict]:
    rows = []
    for position, e in enumerate(overview, 1):
        has_record = e["id"] in record_ids
        rows.append({"edition_year": year, "position": position, "id": e["id"], "name": e["name"],
                     "category": e["category"], "category_printed": e["category_printed"],
                     "members": as_list_text(e["members"]), "member_qualifier": e["member_qualifier"],
                     **place_columns(e), "needs_review": as_list_text(e["needs_review"]),
                     "review_notes": as_notes_text(e["review_notes"]),
                     "record_year": year if has_record else None, "record_id": e["id"] if has_record else None})
    return rows


def criteria_to_rows(year: int, criteria: list[dict]) -> list[dict]:
    return [{"edition_year": year, "position": position, "id": c["id"], "group": c["group"], "text": c["text"],
             "needs_review": as_list_text(c["needs_review"]), "review_notes": as_notes_text(c["review_notes"])}
            for position, c in enumerate(criteria, 1)]


def ledger_to_rows(year: int, ledger: list[dict]) -> list[dict]:
    columns = TABLE["edits"].column_names[1:]
    return [{"edition_year": year, **{c: entry.get(c) for c in columns}} for entry in ledger]


def edition_to_rows(brochure: dict, ledger: list[dict] | None) -> dict[str, list[dict]]:
    """One edition's output -> its rows of every table (TABLES' names)."""
    year = brochure["edition"]["year"]
    projects = brochure["projects"]
    return {
        "editions": [brochure_to_edition_row(brochure, ledger)],
        "projects": [project_to_row(year, p) for p in projects],
        "project_states": [row for p in projects for row in project_to_state_rows(year, p)],
        "project_facts": [row for p in projects for row in project_to_fact_rows(year, p)],
        "project_notes": [row for p in projects for row in project_to_note_rows(year, p)],
        "project_overrides": [row for p in projects for row in project_to_override_rows(year, p)],
        "overview": overview_to_rows(year, brochure["overview"], {p["id"] for p in projects}),
        "criteria": criteria_to_rows(year, brochure["criteria"]),
        "edits": ledger_to_rows(year, ledger or []),
    }


def editions_to_tables(editions: list[tuple[dict, list[dict] | None]]) -> dict[str, list[dict]]:
    """Outputs of several editions (projects.json, ledger lines or None) -> every table's rows, the
    editions in the order given."""
    parts = [edition_to_rows(brochure, ledger) for brochure, ledger in editions]
    return {t.name: [row for part in parts for row in part[t.name]] for t in TABLES}
