"""Downstream formats and `mpsc diff`."""
import csv
import io
import json

from pipeline.cli import main

from .conftest import CASES

MINI = CASES / "brochure_mini" / "input.txt"


def test_jsonl_and_csv_beside_the_json(tmp_path, capsys):
    assert main(["extract", str(MINI), "-o", str(tmp_path), "--format", "jsonl", "--format", "csv"]) == 0
    projects = json.loads((tmp_path / "projects.json").read_text(encoding="utf-8"))["projects"]
    lines = [json.loads(l) for l in (tmp_path / "projects.jsonl").read_text(encoding="utf-8").splitlines()]
    assert lines == projects
    rows = list(csv.DictReader(io.StringIO((tmp_path / "projects.csv").read_text(encoding="utf-8"))))
    assert [r["id"] for r in rows] == [p["id"] for p in projects]
    assert rows[-1]["states"] == "; ".join(projects[-1]["states"])


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


def test_diff_of_a_run_with_itself_is_empty(tmp_path, capsys):
    assert main(["extract", str(MINI), "-o", str(tmp_path)]) == 0
    capsys.readouterr()
    assert main(["diff", str(tmp_path / "projects.json"), str(tmp_path / "projects.json")]) == 0
    assert capsys.readouterr().out.strip() == "no differences"
