"""Review decisions stay where they were made, and a review cannot half-apply or write values the
schema refuses (issue 26, points 1-3, 6, 8, 9)."""
import io
import json
import shutil
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.corrections import Decision, DecisionFile, default_corrections_dir, load_corrections
from pipeline.files import JOURNAL, finish_pending_writes, write_files_together
from pipeline.review.apply import corrections_json
from pipeline.review.terminal import review_in_terminal

CASES = Path(__file__).parent / "cases"
MINI = CASES / "brochure_mini" / "input.txt"
OTHER_SHA = "0" * 64


def read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def ledger(out: Path) -> dict[str, dict]:
    return {e["id"]: e for e in map(json.loads, (out / "corrections.jsonl").read_text(encoding="utf-8").splitlines())}


def saved_review(out: Path, tmp_path: Path, fields=(), decisions=()) -> Path:
    output = read(out / "projects.json")
    review = {"mpsc_review": 1, "edition": output["edition"]["year"], "source_sha256": output["source"]["sha256"],
              "reviewer": "Page Reviewer", "date": "2026-12-06", "fields": list(fields), "decisions": list(decisions)}
    path = tmp_path / "review.json"
    path.write_text(json.dumps(review), encoding="utf-8")
    return path


def a_flagged_field(out: Path) -> tuple[dict, str]:
    project = next(p for p in read(out / "projects.json")["projects"] if p["needs_review"])
    return project, project["needs_review"][0]


def applied_series(out: Path) -> tuple[str, list[dict]]:
    by_series: dict[str, list[dict]] = {}
    for e in ledger(out).values():
        by_series.setdefault(e["series"], []).append(e)
    return next((k, v) for k, v in by_series.items() if all(e["applied"] for e in v) and k)


# 1. decisions stay with their edition and source

def test_a_decision_made_on_another_source_does_not_touch_this_one(workspace, capsys):
    corrections, out = workspace
    series, edits = applied_series(out)
    elsewhere = {"series": series, "decision": "reject", "scope": "source", "source": OTHER_SHA, "edition": 2020}
    (corrections / "decisions.json").write_text(corrections_json({"decisions": [elsewhere]}), encoding="utf-8")
    assert main(["extract", str(MINI), "-o", str(out), "--corrections", str(corrections)]) == 0
    assert all(ledger(out)[e["id"]]["applied"] for e in edits)
    assert "found no edit" not in capsys.readouterr().err  # a decision for another text is no warning here


@pytest.mark.parametrize("scope", ["source", "edition", "all"])
def test_a_decision_holds_where_it_was_made(workspace, scope):
    corrections, out = workspace
    output = read(out / "projects.json")
    series, edits = applied_series(out)
    here = {"series": series, "decision": "reject", "scope": scope, "source": output["source"]["sha256"],
            "edition": output["edition"]["year"]}
    (corrections / "decisions.json").write_text(corrections_json({"decisions": [here]}), encoding="utf-8")
    assert main(["extract", str(MINI), "-o", str(out), "--corrections", str(corrections)]) == 0
    assert not any(ledger(out)[e["id"]]["applied"] for e in edits)


def test_an_edition_decision_does_not_hold_for_another_edition():
    made = Decision(series="nutzt -> nützt", decision="reject", scope="edition", edition=2020)
    assert made.holds_for(2020, OTHER_SHA) and not made.holds_for(2021, OTHER_SHA)
    assert DecisionFile(decisions=[made]).holding_for(2021, OTHER_SHA) == []


def test_a_decision_for_one_source_names_it():
    with pytest.raises(ValueError):
        Decision(series="a -> ä", decision="reject", scope="source")
    with pytest.raises(ValueError):
        Decision(series="a -> ä", decision="reject", scope="edition")


def test_a_decision_written_before_scopes_holds_everywhere_with_a_warning(workspace, capsys):
    corrections, out = workspace
    series, edits = applied_series(out)
    (corrections / "decisions.json").write_text(corrections_json({"decisions": [
        {"series": series, "decision": "reject", "reviewer": "R"}]}), encoding="utf-8")
    assert main(["extract", str(MINI), "-o", str(out), "--corrections", str(corrections)]) == 0
    assert not any(ledger(out)[e["id"]]["applied"] for e in edits)
    assert "say nowhere where they hold" in capsys.readouterr().err


# 2. --apply checks everything first and writes all or nothing

@pytest.mark.parametrize("field_name, value, problem", [
    ("page", "abc", "whole number"),
    ("states", "Atlantis, ../../etc", "not a Land"),
    ("motto", "x", "too short"),
    ("place", "Berlin", "not typed"),
])
def test_a_value_the_schema_refuses_is_not_merged(workspace, tmp_path, capsys, field_name, value, problem):
    corrections, out = workspace
    project, _ = a_flagged_field(out)
    before = sorted(p.read_bytes() for p in corrections.rglob("*.json"))
    review = saved_review(out, tmp_path, fields=[{"record": project["id"], "field": field_name, "action": "set",
                                                  "value": value}])
    assert main(["review", str(out), "--apply", str(review), "--corrections", str(corrections)]) == 2
    err = capsys.readouterr().err
    assert problem in err and err.count("\n") == 1
    assert sorted(p.read_bytes() for p in corrections.rglob("*.json")) == before


def test_a_bad_decision_leaves_the_values_unmerged_too(workspace, tmp_path, capsys):
    corrections, out = workspace
    project, field_name = a_flagged_field(out)
    overrides = sorted((corrections / "overrides").glob("*.json"))
    before = {p: p.read_bytes() for p in overrides}
    review = saved_review(out, tmp_path,
                          fields=[{"record": project["id"], "field": field_name, "action": "set", "value": "Ein Wert"}],
                          decisions=[{"decision": "reject"}])  # names neither series nor edit
    assert main(["review", str(out), "--apply", str(review), "--corrections", str(corrections)]) == 2
    assert "either an edit or a series" in capsys.readouterr().err
    assert sorted((corrections / "overrides").glob("*.json")) == overrides
    assert all(p.read_bytes() == b for p, b in before.items())


def test_a_confirmation_of_an_object_is_refused_clearly(workspace, tmp_path, capsys):
    corrections, out = workspace
    project, field_name = a_flagged_field(out)
    field_name = "title"
    review = saved_review(out, tmp_path, fields=[{"record": project["id"], "field": field_name, "action": "confirm",
                                                  "automatic": {"a": 1}, "source": project["source_sha256"]}])
    assert main(["review", str(out), "--apply", str(review), "--corrections", str(corrections)]) == 2
    assert "no object" in capsys.readouterr().err


def test_a_tampered_year_makes_no_overrides_file(workspace, tmp_path, capsys):
    """projects.json says 2021.0: equal to the review's 2021 in Python, it must not name a file
    'overrides/2021.0.json'."""
    corrections, out = workspace
    project, field_name = a_flagged_field(out)
    review = saved_review(out, tmp_path, fields=[{"record": project["id"], "field": field_name, "action": "set",
                                                  "value": "Ein Wert"}])
    output = read(out / "projects.json")
    output["edition"]["year"] = float(output["edition"]["year"])
    (out / "projects.json").write_text(json.dumps(output), encoding="utf-8")
    before = sorted(p.name for p in (corrections / "overrides").iterdir())
    assert main(["review", str(out), "--apply", str(review), "--corrections", str(corrections)]) == 2
    assert "is not a year" in capsys.readouterr().err
    assert sorted(p.name for p in (corrections / "overrides").iterdir()) == before


def test_a_name_that_gives_no_id_is_refused(workspace, tmp_path, capsys):
    corrections, out = workspace
    project, _ = a_flagged_field(out)
    review = saved_review(out, tmp_path, fields=[{"record": project["id"], "field": "name", "action": "set",
                                                  "value": "Ωμέγα"}])
    assert main(["review", str(out), "--apply", str(review), "--corrections", str(corrections)]) == 2
    assert "gives no id" in capsys.readouterr().err


def test_a_kill_between_the_two_writes_is_completed_by_the_next_load(tmp_path, monkeypatch):
    corrections = tmp_path / "corrections"
    shutil.copytree(default_corrections_dir(), corrections)
    import pipeline.files as files

    real = files.finish_pending_writes
    monkeypatch.setattr(files, "finish_pending_writes", lambda folder: None)  # killed right after the journal
    new = {"decisions.json": corrections_json({"decisions": [{"series": "a -> ä", "decision": "reject",
                                                              "scope": "all"}]}),
           "overrides/2021.json": (corrections / "overrides" / "2021.json").read_text(encoding="utf-8")
           .replace("MPSC Dresden", "MPSC Dresden!")}
    write_files_together(corrections, new)
    assert (corrections / JOURNAL).exists()
    assert "MPSC Dresden!" not in (corrections / "overrides" / "2021.json").read_text(encoding="utf-8")
    monkeypatch.setattr(files, "finish_pending_writes", real)
    loaded = load_corrections(corrections)  # the next run completes the change, both files together
    assert not (corrections / JOURNAL).exists()
    assert loaded.decisions.decisions[0].series == "a -> ä"
    assert any(o.value == "MPSC Dresden!" for f in loaded.overrides for o in f.overrides)
    assert finish_pending_writes(corrections) is False


# 3. mpsc review writes only where it is told

def test_review_in_a_folder_without_corrections_writes_nowhere(workspace, tmp_path, capsys, monkeypatch):
    _, out = workspace
    project, field_name = a_flagged_field(out)
    shipped = default_corrections_dir()
    before = sorted((p, p.read_bytes()) for p in shipped.rglob("*.json"))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    review = saved_review(out, tmp_path, fields=[{"record": project["id"], "field": field_name, "action": "set",
                                                  "value": "Ein Wert"}])
    assert main(["review", str(out), "--apply", str(review), "--reviewer", "R"]) == 2
    assert "--corrections" in capsys.readouterr().err
    assert sorted((p, p.read_bytes()) for p in shipped.rglob("*.json")) == before


# 6. the terminal says what it takes

def test_the_terminal_says_what_an_answer_may_be_and_takes_no_typed_place(workspace):
    corrections, out = workspace
    shown = io.StringIO()
    review_in_terminal(out, corrections, "R", io.StringIO("x\nq\n"), shown)
    assert "please answer c (the automatic value is right), v (type the value)" in shown.getvalue()
    output = read(out / "projects.json")
    output["projects"][0]["needs_review"] = ["place"]
    for p in output["projects"][1:]:
        p["needs_review"] = []
    (out / "projects.json").write_text(json.dumps(output), encoding="utf-8")
    shown = io.StringIO()
    review_in_terminal(out, corrections, "R", io.StringIO("v\nq\n"), shown)
    assert "[c/s/q]" in shown.getvalue() and "please answer c" in shown.getvalue()


def test_a_typed_value_the_field_cannot_hold_is_asked_again(workspace):
    corrections, out = workspace
    output = read(out / "projects.json")
    for i, p in enumerate(output["projects"]):
        p["needs_review"] = ["page"] if i == 0 else []
    (out / "projects.json").write_text(json.dumps(output), encoding="utf-8")
    shown = io.StringIO()
    assert review_in_terminal(out, corrections, "R", io.StringIO("v\nabc\n7\nq\n"), shown) == 1
    assert "whole number" in shown.getvalue()
    overrides = read(corrections / "overrides" / f"{output['edition']['year']}.json")["overrides"]
    assert overrides[-1]["value"] == 7


# 8. corrections files keep their format

def test_a_review_adds_lines_and_rewrites_none(workspace, tmp_path):
    corrections, out = workspace
    year = read(out / "projects.json")["edition"]["year"]
    path = corrections / "overrides" / f"{year}.json"
    if not path.exists():
        shutil.copy(corrections / "overrides" / "2021.json", path)
        data = read(path)
        data["edition"] = year
        path.write_text(corrections_json(data), encoding="utf-8")
    before = path.read_text(encoding="utf-8").splitlines()
    project, field_name = a_flagged_field(out)
    review = saved_review(out, tmp_path, fields=[{"record": project["id"], "field": field_name, "action": "set",
                                                  "value": "Ein Wert"}])
    assert main(["review", str(out), "--apply", str(review), "--corrections", str(corrections)]) == 0
    after = path.read_text(encoding="utf-8").splitlines()
    changed = [line for line in before if line not in after]
    # JSON puts a comma after what was the list's last entry: that line changes, no other
    assert all(line + "," in after or line in ("  ]", '  "confirmations": []') for line in changed)
    assert len(changed) <= 2 and len(after) - len(before) <= 3


def test_the_shipped_corrections_are_in_the_format_a_review_writes():
    for name in ("decisions.json", "lexicon.json", "overrides/2021.json"):
        text = (default_corrections_dir() / name).read_text(encoding="utf-8")
        assert corrections_json(json.loads(text)) == text


# 7. a reviewer's name reaches the overview

def test_a_name_set_by_a_reviewer_reaches_the_overview_entry(workspace, capsys):
    corrections, out = workspace
    output = read(out / "projects.json")
    year = output["edition"]["year"]
    entry = next(e for e in output["overview"] if any(p["id"] == e["id"] for p in output["projects"]))
    renamed = entry["name"] + " (Stadt)"
    (corrections / "overrides" / f"{year}.json").write_text(corrections_json({
        "edition": year, "overrides": [{"record": entry["id"], "field": "name", "value": renamed,
                                        "reviewer": "R", "reason": "as the town writes itself"}]}), encoding="utf-8")
    assert main(["extract", str(MINI), "-o", str(out), "--corrections", str(corrections)]) == 0
    after = read(out / "projects.json")
    record = next(p for p in after["projects"] if p["name"] == renamed)
    listed = next(e for e in after["overview"] if e["id"] == record["id"])
    assert listed["name"] == renamed and entry["name"] in listed["review_notes"]["name"]
    assert main(["extract", str(MINI), "-o", str(out), "--corrections", str(corrections), "--no-overrides"]) == 0
    assert next(e for e in read(out / "projects.json")["overview"] if e["id"] == entry["id"])["name"] == entry["name"]


@pytest.mark.parametrize("journal", ['{"../../escaped.txt": "x"}', '{"decisions.json": 1}', "not json",
                                     '{"/tmp/abs.json": "x"}'])
def test_a_journal_that_names_other_files_is_refused_not_followed(tmp_path, capsys, journal):
    corrections = tmp_path / "a" / "b" / "corrections"
    shutil.copytree(default_corrections_dir(), corrections)
    (corrections / JOURNAL).write_text(journal, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extract", str(MINI), "-o", str(out), "--corrections", str(corrections)]) == 2
    assert "journal" in capsys.readouterr().err
    assert not (tmp_path / "a" / "escaped.txt").exists() and not out.exists()
