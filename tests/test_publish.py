"""`mpsc publish`: the committed 2021 dataset and a generated edition (sample-2019's OCR text) as
one dataset: a data package Frictionless validates, an SQLite database with every record of both,
joinable by place; mixed schema versions and two outputs of one edition are refused (exit 2)."""
import csv
import io
import json
import shutil
import sqlite3

import frictionless
import pytest

from pipeline.cli import main

from .conftest import CASES, REPO

DATASET_2021 = REPO / "output" / "modellprojekte-smart-cities-2021"
GENERATED = CASES / "editions" / "sample-2019" / "ocr-eng.txt"
FORMULA = '=HYPERLINK("http://example.org","Klick")'
TABLES = ("editions", "projects", "project_states", "project_facts", "project_notes", "project_overrides", "overview", "criteria",
          "edits")


def read_projects(folder) -> dict:
    return json.loads((folder / "projects.json").read_text(encoding="utf-8"))


def ledger_lines(folder) -> int:
    return len((folder / "corrections.jsonl").read_text(encoding="utf-8").splitlines())


def shared_record() -> dict:
    """The 2021 record the test copies into the other edition: the first one with a place."""
    return next(p for p in read_projects(DATASET_2021)["projects"] if p["place"])


@pytest.fixture(scope="module")
def edition_2019(tmp_path_factory):
    """A generated 2019 edition, extracted; its first title made to look like a formula and the
    first placed 2021 record copied into it, so one municipality is in both editions."""
    folder = tmp_path_factory.mktemp("edition") / "2019"
    assert main(["extract", str(GENERATED), "-o", str(folder)]) == 0
    data = read_projects(folder)
    data["projects"][0]["title"] = FORMULA
    data["projects"][0]["facts"] = {"Einwohner": "12.000", "Förderphase": "Umsetzungsphase"}
    data["projects"].append(shared_record())
    (folder / "projects.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def published(edition_2019, tmp_path_factory):
    dest = tmp_path_factory.mktemp("published") / "dataset"
    assert main(["publish", str(DATASET_2021), str(edition_2019), "-o", str(dest)]) == 0
    return dest


def query(dest, sql: str, *args) -> list[tuple]:
    with sqlite3.connect(dest / "mpsc.db") as db:
        return db.execute(sql, args).fetchall()


def csv_rows(path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_the_data_package_validates_with_frictionless(published, edition_2019):
    report = frictionless.validate(str(published / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "type", "note"])[:5]
    package = json.loads((published / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in package["resources"]] == list(TABLES)
    schema = {r["name"]: r["schema"] for r in package["resources"]}
    assert schema["projects"]["primaryKey"] == ["edition_year", "id"]
    assert {"fields": ["record_year", "record_id"],
            "reference": {"resource": "projects", "fields": ["edition_year", "id"]}} in schema["overview"]["foreignKeys"]
    assert any(l["name"] == "CC-BY-4.0" and "GeoNames" in l["title"] for l in package["licenses"])
    sources = {s["edition"]: (s["path"], s["sha256"]) for s in package["sources"]}
    assert sources == {year: (data["source"]["path"], data["source"]["sha256"]) for year, data in
                       ((2021, read_projects(DATASET_2021)), (2019, read_projects(edition_2019)))}
    assert (published / "mpsc.db").read_bytes().startswith(b"SQLite format 3\x00")


def test_a_broken_key_is_what_frictionless_would_catch(published, tmp_path):
    """The foreign keys are checked, not decoration: an overview entry pointing at no record fails."""
    copy = tmp_path / "copy"
    shutil.copytree(published, copy)
    package = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
    record = shared_record()["id"]
    overview = (copy / "overview.csv").read_text(encoding="utf-8").replace(f",2021,{record}\n", ",2021,nowhere\n")
    assert "nowhere" in overview
    (copy / "overview.csv").write_text(overview, encoding="utf-8")
    for resource in package["resources"]:
        resource.pop("hash"), resource.pop("bytes")
    (copy / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    report = frictionless.validate(str(copy / "datapackage.json"))
    assert [e for e in report.flatten(["type"]) if e == ["foreign-key"]]


def test_the_database_holds_every_record_of_both_editions(published, edition_2019):
    ids_2021 = [p["id"] for p in read_projects(DATASET_2021)["projects"]]
    ids_2019 = [p["id"] for p in read_projects(edition_2019)["projects"]]
    assert len(ids_2021) == 28
    stored = query(published, "select edition_year, id from projects order by rowid")
    assert sorted(stored) == sorted([(2021, i) for i in ids_2021] + [(2019, i) for i in ids_2019])
    assert len(csv_rows(published / "projects.csv")) == len(stored)
    assert query(published, "select year, projects from editions order by year") == [(2019, len(ids_2019)),
                                                                                     (2021, 28)]
    edits = query(published, "select edition_year, count(*) from edits group by edition_year order by 1")
    assert edits == [(2019, ledger_lines(edition_2019)), (2021, ledger_lines(DATASET_2021))]
    assert query(published, "pragma foreign_key_check") == []


def test_full_text_search_finds_descriptions(published, edition_2019):
    project = read_projects(edition_2019)["projects"][1]
    word = max((w.strip(".,;:()„“\"") for w in project["description"].split()), key=len)
    found = query(published, "select p.edition_year, p.id from projects p join projects_fts f on f.rowid = p.rowid "
                             "where projects_fts match ? order by p.edition_year", f'"{word}"')
    assert (2019, project["id"]) in found
    assert query(published, "select count(*) from projects_fts where projects_fts match 'Quartier*'")[0][0] >= 2


def test_a_municipality_in_two_editions_joins_by_its_place_id(published):
    pairs = query(published, "select a.id, a.edition_year, b.edition_year, a.geonameid from projects a "
                             "join projects b on a.geonameid = b.geonameid and a.edition_year < b.edition_year")
    shared = shared_record()
    assert pairs == [(shared["id"], 2019, 2021, shared["place"]["geonameid"])]


def test_a_formula_looking_title_is_text_in_csv_and_intact_in_sqlite(published, edition_2019):
    first = read_projects(edition_2019)["projects"][0]["id"]
    row = next(r for r in csv_rows(published / "projects.csv") if (r["edition_year"], r["id"]) == ("2019", first))
    assert row["title"] == "'" + FORMULA
    assert query(published, "select title from projects where edition_year = 2019 and id = ?", first) == [(FORMULA,)]


def test_overrides_are_published_with_their_values(published):
    reviewed = next(p for p in read_projects(DATASET_2021)["projects"] if p["overrides"])
    rows = query(published, "select field, value, automatic, reviewer, confirmed from project_overrides "
                            "where edition_year = 2021 and id = ? order by field", reviewed["id"])
    assert rows == [(field, reviewed[field], note["automatic"], note["reviewer"], 0)
                    for field, note in sorted(reviewed["overrides"].items())]
    assert query(published, "select overrides from projects where edition_year = 2021 and id = ?", reviewed["id"]) == [
        ("; ".join(reviewed["overrides"]),)]


def test_lists_and_notes_are_rows_a_person_can_filter(published):
    projects = read_projects(DATASET_2021)["projects"]
    states = query(published, "select id, state, state_code from project_states where edition_year = 2021")
    assert sorted(states) == sorted((p["id"], s, c) for p in projects for s, c in zip(p["states"], p["state_codes"]))
    flagged = query(published, "select id, field, note from project_notes where edition_year = 2021 and needs_review")
    assert sorted(flagged) == sorted((p["id"], f, p["review_notes"].get(f)) for p in projects for f in p["needs_review"])


def test_an_overview_entry_points_at_its_record_or_at_none(published):
    overview = read_projects(DATASET_2021)["overview"]
    ids = {p["id"] for p in read_projects(DATASET_2021)["projects"]}
    rows = query(published, "select id, record_id from overview where edition_year = 2021 order by position")
    assert rows == [(e["id"], e["id"] if e["id"] in ids else None) for e in overview]
    assert any(r is None for _, r in rows) and any(r for _, r in rows)
    joined = query(published, "select count(*) from overview o join projects p "
                              "on p.edition_year = o.record_year and p.id = o.record_id where o.edition_year = 2021")
    assert joined == [(sum(e["id"] in ids for e in overview),)]


def test_excel_csv_files_start_with_a_byte_order_mark(published, edition_2019, tmp_path, capsys):
    excel = tmp_path / "excel"
    assert main(["publish", str(DATASET_2021), str(edition_2019), "-o", str(excel), "--excel"]) == 0
    for table in TABLES:
        assert (excel / f"{table}.csv").read_bytes().startswith(b"\xef\xbb\xbf"), table
        assert not (published / f"{table}.csv").read_bytes().startswith(b"\xef\xbb\xbf"), table
    assert frictionless.validate(str(excel / "datapackage.json")).valid
    assert (excel / "mpsc.db").read_bytes() == (published / "mpsc.db").read_bytes()


def test_the_same_outputs_give_the_same_bytes_and_other_files_are_kept(published, edition_2019, tmp_path, capsys):
    again = tmp_path / "again"
    again.mkdir()
    (again / "notes.txt").write_text("mine", encoding="utf-8")
    for _ in range(2):
        assert main(["publish", str(edition_2019), str(DATASET_2021), "-o", str(again)]) == 0
    assert (again / "notes.txt").read_text(encoding="utf-8") == "mine"
    for path in published.iterdir():
        assert (again / path.name).read_bytes() == path.read_bytes(), path.name
    assert not [p for p in again.parent.iterdir() if p.name.startswith(".")]


def refused(argv, capsys) -> str:
    assert main(argv) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("mpsc: error:")
    return lines[0]


def test_two_outputs_of_one_edition_are_refused(tmp_path, capsys):
    twin = tmp_path / "twin"
    shutil.copytree(DATASET_2021, twin)
    message = refused(["publish", str(DATASET_2021), str(twin), "-o", str(tmp_path / "out")], capsys)
    assert "both the edition 2021" in message
    assert not (tmp_path / "out").exists()


def test_labelled_facts_are_a_column_and_rows_of_their_own(published, edition_2019):
    first = read_projects(edition_2019)["projects"][0]["id"]
    assert query(published, "select label, value from project_facts where edition_year = 2019 and id = ? order by label",
                 first) == [("Einwohner", "12.000"), ("Förderphase", "Umsetzungsphase")]
    row = next(r for r in csv_rows(published / "projects.csv") if r["id"] == first and r["edition_year"] == "2019")
    assert row["facts"] == "Einwohner: 12.000 | Förderphase: Umsetzungsphase"


def test_an_output_of_schema_version_2_is_published_as_one_without_facts(edition_2019, tmp_path):
    older = tmp_path / "older"
    shutil.copytree(edition_2019, older)
    data = read_projects(older)
    projects = [{k: v for k, v in p.items() if k != "facts"} for p in data["projects"]]
    (older / "projects.json").write_text(json.dumps({**data, "schema_version": "2", "projects": projects}),
                                         encoding="utf-8")
    assert main(["publish", str(DATASET_2021), str(older), "-o", str(tmp_path / "out")]) == 0
    assert query(tmp_path / "out", "select count(*) from project_facts where edition_year = 2019") == [(0,)]


def test_outputs_of_different_schema_versions_are_refused(edition_2019, tmp_path, capsys):
    older = tmp_path / "older"
    shutil.copytree(edition_2019, older)
    data = read_projects(older)
    (older / "projects.json").write_text(json.dumps({**data, "schema_version": "1"}), encoding="utf-8")
    message = refused(["publish", str(DATASET_2021), str(older), "-o", str(tmp_path / "out")], capsys)
    assert "different schema versions" in message
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("make, message", [
    (lambda t: t, "no projects.json"),
    (lambda t: t / "missing", "no projects.json"),
], ids=["no-projects-json", "missing-folder"])
def test_a_folder_that_is_no_output_is_refused(tmp_path, capsys, make, message):
    folder = make(tmp_path / "input")
    (tmp_path / "input").mkdir(exist_ok=True)
    assert message in refused(["publish", str(DATASET_2021), str(folder), "-o", str(tmp_path / "out")], capsys)
    assert not (tmp_path / "out").exists()


def test_a_broken_ledger_line_is_refused(edition_2019, tmp_path, capsys):
    broken = tmp_path / "broken"
    shutil.copytree(edition_2019, broken)
    with (broken / "corrections.jsonl").open("a", encoding="utf-8") as ledger:
        ledger.write("{not json\n")
    message = refused(["publish", str(broken), "-o", str(tmp_path / "out")], capsys)
    assert "corrections.jsonl" in message and "not a line of the ledger" in message


def test_a_ledger_value_of_the_wrong_type_is_refused(edition_2019, tmp_path, capsys):
    changed = tmp_path / "changed"
    shutil.copytree(edition_2019, changed)
    lines = (changed / "corrections.jsonl").read_text(encoding="utf-8").splitlines()
    lines[0] = json.dumps({**json.loads(lines[0]), "start": "12"})
    (changed / "corrections.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    message = refused(["publish", str(changed), "-o", str(tmp_path / "out")], capsys)
    assert "corrections.jsonl:1" in message and "start is not a whole number" in message


def test_the_dataset_folder_may_not_hold_an_input(tmp_path, capsys):
    inside = tmp_path / "all" / "2021"
    shutil.copytree(DATASET_2021, inside)
    assert "holds the output folder" in refused(["publish", str(inside), "-o", str(tmp_path / "all")], capsys)
    assert sorted(p.name for p in (tmp_path / "all").iterdir()) == ["2021"]
