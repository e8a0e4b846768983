"""Downstream formats and `mpsc diff`."""
import csv
import io
import json

from pipeline.cli import main

from .conftest import CASES

MINI = CASES / "brochure_mini" / "input.txt"


def test_jsonl_and_csv_rows_stand_alone(tmp_path, capsys):
    assert main(["extract", str(MINI), "-o", str(tmp_path), "--format", "jsonl", "--format", "csv"]) == 0
    brochure = json.loads((tmp_path / "projects.json").read_text(encoding="utf-8"))
    projects = brochure["projects"]
    lines = [json.loads(l) for l in (tmp_path / "projects.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [{k: v for k, v in l.items() if k in projects[0]} for l in lines] == projects
    assert {l["edition_year"] for l in lines} == {brochure["edition"]["year"]} and lines[0]["source_sha256"]
    rows = list(csv.DictReader(io.StringIO((tmp_path / "projects.csv").read_text(encoding="utf-8"))))
    assert [r["id"] for r in rows] == [p["id"] for p in projects]
    assert rows[-1]["states"] == "; ".join(projects[-1]["states"])
    assert rows[-1]["state_codes"] == "; ".join(projects[-1]["state_codes"])
    flagged = next(p for p in projects if p["review_notes"])
    row = rows[projects.index(flagged)]
    field, note = next(iter(flagged["review_notes"].items()))
    assert f"{field}: {note}" in row["review_notes"] and row["edition_year"] == str(brochure["edition"]["year"])


def test_diff_reports_added_removed_and_changed(tmp_path, capsys):
    assert main(["extract", str(MINI), "-o", str(tmp_path / "a")]) == 0
    old = json.loads((tmp_path / "a" / "projects.json").read_text(encoding="utf-8"))
    new = json.loads(json.dumps(old))
    removed = new["projects"].pop(0)
    new["projects"][0]["title"] = "Anders"
    new["projects"].append({**removed, "id": "neuhausen", "name": "Neuhausen"})
    (tmp_path / "new.json").write_text(json.dumps(new), encoding="utf-8")
    capsys.readouterr()
    assert main(["diff", str(tmp_path / "a" / "projects.json"), str(tmp_path / "new.json"), "--json"]) == 0
    diff = json.loads(capsys.readouterr().out)
    assert diff["added"] == ["neuhausen"] and diff["removed"] == [removed["id"]]
    assert diff["changed"][new["projects"][0]["id"]]["title"][1] == "Anders"


def test_diff_of_two_runs_of_one_input_is_empty_and_a_change_shows_its_words(tmp_path, capsys):
    assert main(["extract", str(MINI), "-o", str(tmp_path / "a")]) == 0
    assert main(["extract", str(MINI), "-o", str(tmp_path / "b"), "--jobs", "1"]) == 0
    capsys.readouterr()
    a, b = tmp_path / "a" / "projects.json", tmp_path / "b" / "projects.json"
    assert main(["diff", str(a), str(b), "--exit-code"]) == 0
    assert capsys.readouterr().out.strip() == "no differences"
    changed = json.loads(b.read_text(encoding="utf-8"))
    changed["projects"][0]["description"] = changed["projects"][0]["description"].replace(" ", " neues Wort ", 1)
    b.write_text(json.dumps(changed), encoding="utf-8")
    assert main(["diff", str(a), str(b), "--exit-code"]) == 1
    assert "1 place changed: '' -> 'neues Wort'" in capsys.readouterr().out


def test_diff_reads_an_output_of_schema_version_2_as_one_without_facts(tmp_path, capsys):
    assert main(["extract", str(MINI), "-o", str(tmp_path / "a")]) == 0
    new = tmp_path / "a" / "projects.json"
    data = json.loads(new.read_text(encoding="utf-8"))
    assert data["schema_version"] == "3" and all(p["facts"] == {} for p in data["projects"])
    older = {**data, "schema_version": "2", "projects": [{k: v for k, v in p.items() if k != "facts"}
                                                          for p in data["projects"]]}
    (tmp_path / "old.json").write_text(json.dumps(older), encoding="utf-8")
    capsys.readouterr()
    assert main(["diff", str(tmp_path / "old.json"), str(new), "--exit-code"]) == 0


def test_diff_and_eval_refuse_files_that_are_not_what_they_need(tmp_path, capsys):
    from .conftest import FIXTURES

    assert main(["extract", str(MINI), "-o", str(tmp_path / "a")]) == 0
    out, gold = tmp_path / "a" / "projects.json", FIXTURES / "gold_2021.json"
    capsys.readouterr()
    assert main(["diff", str(out), str(gold)]) == 2
    assert "not a projects.json" in capsys.readouterr().err
    assert main(["eval", str(gold), str(out)]) == 2
    assert "the order is mpsc eval OUTPUT GOLD" in capsys.readouterr().err
    assert main(["eval", str(out), str(gold)]) == 2  # the mini brochure is another edition than 2021
    assert "is the edition" in capsys.readouterr().err
