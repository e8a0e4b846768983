"""Reviewer decisions: taken in the terminal or the page, kept in corrections/, honoured by the next run."""
import io
import json
import shutil
import subprocess

import pytest

from pipeline.cli import main
from pipeline.clean import clean_text
from pipeline.edits import check_edits
from pipeline.corrections import Decision, default_corrections_dir
from pipeline.review import review_in_terminal

from .conftest import CASES

MINI = CASES / "brochure_mini" / "input.txt"
DAMAGED = "Alle Burger der Stadt sollen fiir die Zukunft gewonnen werden, und fiir alle gilt das."


def test_rejected_series_is_not_applied_but_kept_in_the_ledger(lexicon, corrections):
    result = clean_text(DAMAGED, lexicon, corrections.confusions,
                        decisions=[Decision(series="fiir -> für", decision="reject")])
    assert result.text.count("fiir") == 2
    rejected = [e for e in result.edits if e.decision == "rejected"]
    assert len(rejected) == 2 and not any(e.applied for e in rejected)


def test_accepted_suggestion_is_applied(lexicon, corrections):
    plain = clean_text(DAMAGED, lexicon, corrections.confusions)
    [suggestion] = [e for e in plain.edits if not e.applied]
    result = clean_text(DAMAGED, lexicon, corrections.confusions,
                        decisions=[Decision(edit=suggestion.id, decision="accept")])
    assert "Alle Bürger der Stadt" in result.text
    assert [e.decision for e in result.edits if e.id == suggestion.id] == ["accepted"]


def test_an_accepted_series_outlives_the_rules_that_proposed_it(lexicon, corrections):
    """A decision stays in effect when the rules (changed since) no longer propose its edit."""
    text = "Die Stadtverwaltnng plant, und die Stadtverwaltnng baut fiir alle."
    decisions = [Decision(series="Stadtverwaltnng -> Stadtverwaltung", decision="accept"),
                 Decision(edit="e999-00000000", decision="accept")]
    result = clean_text(text, lexicon, corrections.confusions, decisions=decisions)
    assert result.text == "Die Stadtverwaltung plant, und die Stadtverwaltung baut für alle."
    replayed = [e for e in result.edits if e.rule == "reviewer:series"]
    assert [(e.before, e.after, e.decision) for e in replayed] == [("n", "u", "accepted")] * 2
    check_edits(result.raw, result.edits)
    assert [d.key for d in result.unmatched] == ["edit:e999-00000000"]


def test_decision_needs_exactly_one_target():
    with pytest.raises(ValueError):
        Decision(decision="accept")


@pytest.fixture
def workspace(tmp_path, capsys):
    corrections = tmp_path / "corrections"
    shutil.copytree(default_corrections_dir(), corrections)
    out = tmp_path / "out"
    assert main(["extract", str(MINI), "-o", str(out), "--corrections", str(corrections)]) == 0
    capsys.readouterr()
    return corrections, out


def test_terminal_review_changes_the_next_extraction(workspace, capsys):
    corrections, out = workspace
    ledger = [json.loads(l) for l in (out / "corrections.jsonl").read_text(encoding="utf-8").splitlines()]
    suggested = [e for e in ledger if not e["applied"]]
    assert suggested, "the case needs an uncertain edit to review"
    answers = io.StringIO("a\n" * 50)
    taken = review_in_terminal(out, corrections, "Test Reviewer", answers, io.StringIO())
    assert taken >= 1
    decisions = json.loads((corrections / "decisions.json").read_text(encoding="utf-8"))["decisions"]
    assert {d["series"] for d in decisions} >= {suggested[0]["series"]}
    assert all(d["reviewer"] == "Test Reviewer" and d["decision"] == "accept" for d in decisions)
    assert main(["extract", str(MINI), "-o", str(out), "--corrections", str(corrections)]) == 0
    after = {e["id"]: e for e in map(json.loads, (out / "corrections.jsonl").read_text(encoding="utf-8").splitlines())}
    assert after[suggested[0]["id"]]["applied"] and after[suggested[0]["id"]]["decision"] == "accepted"
    # decided series are not asked again, and the decisions stay in the file
    assert review_in_terminal(out, corrections, None, io.StringIO("r\n" * 50), io.StringIO()) == 0
    assert json.loads((corrections / "decisions.json").read_text(encoding="utf-8"))["decisions"] == decisions


def test_lexicon_addition_from_review_changes_the_next_extraction(tmp_path, capsys):
    corrections = tmp_path / "corrections"
    shutil.copytree(default_corrections_dir(), corrections)
    source = tmp_path / "input.txt"
    source.write_text(MINI.read_text(encoding="utf-8") + "\nDie Gemeinde Tulau ist dabei.\n", encoding="utf-8")
    out = tmp_path / "out"
    extract = ["extract", str(source), "-o", str(out), "--corrections", str(corrections)]
    assert main(extract) == 0
    assert "Tülau" in (out / "cleaned.txt").read_text(encoding="utf-8")  # the rules add an umlaut
    review_in_terminal(out, corrections, None, io.StringIO("w\n" * 50), io.StringIO())
    assert "Tulau" in json.loads((corrections / "lexicon.json").read_text(encoding="utf-8"))["words"]
    (corrections / "decisions.json").write_text('{"decisions": []}', encoding="utf-8")  # the word list alone
    assert main(extract) == 0
    cleaned = (out / "cleaned.txt").read_text(encoding="utf-8")
    assert "Tulau" in cleaned and "Tülau" not in cleaned


def test_review_of_a_folder_without_ledger_fails_cleanly(tmp_path, capsys):
    assert main(["review", str(tmp_path)]) == 2
    assert "run `mpsc extract` first" in capsys.readouterr().err


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="needs headless Chromium (apt-get install chromium)")
def test_review_page_opens_in_a_browser_and_lists_the_edits(workspace, tmp_path):
    _, out = workspace
    page = (out / "review.html").resolve().as_uri()
    flags = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=3000"]
    dom = subprocess.run(flags + ["--dump-dom", page], capture_output=True, text=True, timeout=120).stdout
    assert "Uncertain edits" in dom and dom.count('class="series') > 5 and "<mark>" in dom
    shot = tmp_path / "review.png"
    subprocess.run(flags + ["--window-size=1200,1600", f"--screenshot={shot}", page], capture_output=True, timeout=120)
    assert shot.exists() and shot.stat().st_size > 20_000  # a blank page compresses to a few KB
