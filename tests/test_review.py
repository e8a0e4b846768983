"""Reviewer decisions: taken in the terminal or the page, kept in corrections/, honoured by the next run."""
import io
import json
import shutil
import subprocess

import pytest

from pathlib import Path

from pipeline.cli import main
from pipeline.read.load import bundled_path
from pipeline.repair.clean import clean_text
from pipeline.edits import check_edits
from pipeline.corrections import Decision, default_corrections_dir
from pipeline.review.terminal import review_in_terminal

from .browser import CHROMIUM, MISSING, open_browser, wait_for_file
from .conftest import CASES

MINI = CASES / "brochure_mini" / "input.txt"
LAYOUT_SEED = 1003  # a generated edition with flagged fields
DAMAGED = "Alle Burger der Stadt sollen fiir die Zukunft gewonnen werden, und fiir alle gilt das."


def test_rejected_series_is_not_applied_but_kept_in_the_ledger(lexicon, corrections):
    result = clean_text(DAMAGED, lexicon, corrections.confusions,
                        decisions=[Decision(series="fiir -> für", decision="reject", scope="all")])
    assert result.text.count("fiir") == 2
    rejected = [e for e in result.edits if e.decision == "rejected"]
    assert len(rejected) == 2 and not any(e.applied for e in rejected)


def test_accepted_suggestion_is_applied(lexicon, corrections):
    plain = clean_text(DAMAGED, lexicon, corrections.confusions)
    [suggestion] = [e for e in plain.edits if not e.applied]
    result = clean_text(DAMAGED, lexicon, corrections.confusions,
                        decisions=[Decision(edit=suggestion.id, decision="accept", scope="all")])
    assert "Alle Bürger der Stadt" in result.text
    assert [e.decision for e in result.edits if e.id == suggestion.id] == ["accepted"]


def test_an_accepted_series_outlives_the_rules_that_proposed_it(lexicon, corrections):
    """A decision stays in effect when the rules (changed since) no longer propose its edit."""
    text = "Die Stadtverwaltnng plant, und die Stadtverwaltnng baut fiir alle."
    decisions = [Decision(series="Stadtverwaltnng -> Stadtverwaltung", decision="accept", scope="all"),
                 Decision(edit="e999-00000000", decision="accept", scope="all")]
    result = clean_text(text, lexicon, corrections.confusions, decisions=decisions)
    assert result.text == "Die Stadtverwaltung plant, und die Stadtverwaltung baut für alle."
    replayed = [e for e in result.edits if e.rule == "reviewer:series"]
    assert [(e.before, e.after, e.decision) for e in replayed] == [("n", "u", "accepted")] * 2
    check_edits(result.raw, result.edits)
    assert [d.key for d in result.unmatched] == ["edit:e999-00000000"]


def test_decision_needs_exactly_one_target():
    with pytest.raises(ValueError):
        Decision(decision="accept", scope="all")


def fields_to_check(out) -> int:
    projects = json.loads((out / "projects.json").read_text(encoding="utf-8"))["projects"]
    return sum(len(p["needs_review"]) for p in projects)


def test_terminal_review_changes_the_next_extraction(workspace, capsys):
    corrections, out = workspace
    ledger = [json.loads(l) for l in (out / "corrections.jsonl").read_text(encoding="utf-8").splitlines()]
    suggested = [e for e in ledger if not e["applied"]]
    assert suggested, "the case needs an uncertain edit to review"
    answers = io.StringIO("s\n" * fields_to_check(out) + "a\n" * 50)
    taken = review_in_terminal(out, corrections, "Test Reviewer", answers, io.StringIO())
    assert taken >= 1
    decisions = json.loads((corrections / "decisions.json").read_text(encoding="utf-8"))["decisions"]
    assert {d["series"] for d in decisions} >= {suggested[0]["series"]}
    assert all(d["reviewer"] == "Test Reviewer" and d["decision"] == "accept" for d in decisions)
    assert main(["extract", str(MINI), "-o", str(out), "--corrections", str(corrections)]) == 0
    after = {e["id"]: e for e in map(json.loads, (out / "corrections.jsonl").read_text(encoding="utf-8").splitlines())}
    assert after[suggested[0]["id"]]["applied"] and after[suggested[0]["id"]]["decision"] == "accepted"
    # decided series are not asked again, and the decisions stay in the file
    skip = "s\n" * fields_to_check(out)
    assert review_in_terminal(out, corrections, "Someone", io.StringIO(skip + "r\n" * 50), io.StringIO()) == 0
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
    review_in_terminal(out, corrections, "Test Reviewer", io.StringIO("s\n" * fields_to_check(out) + "w\n" * 50),
                       io.StringIO())
    assert "Tulau" in json.loads((corrections / "lexicon.json").read_text(encoding="utf-8"))["words"]
    (corrections / "decisions.json").write_text('{"decisions": []}', encoding="utf-8")  # the word list alone
    assert main(extract) == 0
    cleaned = (out / "cleaned.txt").read_text(encoding="utf-8")
    assert "Tulau" in cleaned and "Tülau" not in cleaned


def test_a_review_needs_a_reviewer(workspace, capsys):
    corrections, out = workspace
    before = (corrections / "decisions.json").read_text(encoding="utf-8")
    assert main(["review", str(out), "--corrections", str(corrections)]) == 2
    assert "reviewer" in capsys.readouterr().err
    assert (corrections / "decisions.json").read_text(encoding="utf-8") == before


def test_fields_confirmed_or_set_in_the_terminal_are_not_flagged_again(workspace, capsys):
    corrections, out = workspace
    flagged = [(p["id"], f, p[f]) for p in json.loads((out / "projects.json").read_text(encoding="utf-8"))["projects"]
               for f in p["needs_review"]]
    assert len(flagged) >= 2, "the case needs two flagged fields"
    answers = io.StringIO("c\nv\nNeuer Wert\n" + "s\n" * (len(flagged) - 2) + "q\n")
    assert review_in_terminal(out, corrections, "Test Reviewer", answers, io.StringIO()) == 2
    assert main(["extract", str(MINI), "-o", str(out), "--corrections", str(corrections)]) == 0
    after = {p["id"]: p for p in json.loads((out / "projects.json").read_text(encoding="utf-8"))["projects"]}
    (first, f1, v1), (second, f2, _) = flagged[:2]
    assert f1 not in after[first]["needs_review"] and after[first][f1] == v1
    assert after[first]["overrides"][f1]["confirmed"] and after[first]["overrides"][f1]["reviewer"] == "Test Reviewer"
    assert f2 not in after[second]["needs_review"] and after[second][f2] == "Neuer Wert"
    assert not after[second]["overrides"][f2]["confirmed"]


def test_a_confirmation_lapses_when_the_source_text_changes(workspace, tmp_path, capsys):
    corrections, out = workspace
    projects = json.loads((out / "projects.json").read_text(encoding="utf-8"))["projects"]
    index, project = next((i, p) for i, p in enumerate(projects) if p["needs_review"])
    field_name = project["needs_review"][0]
    review_in_terminal(out, corrections, "Test Reviewer", io.StringIO("c\nq\n"), io.StringIO())
    changed = tmp_path / "changed.txt"  # one blank more in that record's text (each record has a title label)
    text = MINI.read_text(encoding="utf-8")
    at = [i for i in range(len(text)) if text.startswith("Projekttitel:", i)][index]
    changed.write_text(text[:at] + "Projekttitel: " + text[at + len("Projekttitel:"):], encoding="utf-8")
    for source, flagged in ((MINI, False), (changed, True)):
        assert main(["extract", str(source), "-o", str(out), "--corrections", str(corrections)]) == 0
        after = {p["id"]: p for p in json.loads((out / "projects.json").read_text(encoding="utf-8"))["projects"]}
        assert (field_name in after[project["id"]]["needs_review"]) == flagged
    assert "confirmation" in capsys.readouterr().err  # the lapsed one is named in a warning


def test_a_review_saved_by_the_page_is_merged_with_its_reviewer(workspace, tmp_path, capsys):
    corrections, out = workspace
    output = json.loads((out / "projects.json").read_text(encoding="utf-8"))
    ledger = [json.loads(l) for l in (out / "corrections.jsonl").read_text(encoding="utf-8").splitlines()]
    by_series = {}
    for e in ledger:
        by_series.setdefault(e["series"], []).append(e)
    series, edits = next((k, v) for k, v in by_series.items() if len(v) >= 2 and all(e["applied"] for e in v))
    project = next(p for p in output["projects"] if p["needs_review"])
    field_name = project["needs_review"][0]
    review = {"mpsc_review": 1, "edition": output["edition"]["year"], "source_sha256": output["source"]["sha256"],
              "reviewer": "", "date": "2026-11-30",
              "fields": [{"record": project["id"], "field": field_name, "action": "set", "automatic": project[field_name],
                          "source": project["source_sha256"], "value": "Wert aus der Seite"}],
              "decisions": [{"series": series, "decision": "reject"}, {"edit": edits[0]["id"], "decision": "accept"}]}
    saved = tmp_path / "review-2028.json"
    saved.write_text(json.dumps(review), encoding="utf-8")
    apply = ["review", str(out), "--apply", str(saved), "--corrections", str(corrections)]
    assert main(apply) == 2 and "reviewer" in capsys.readouterr().err  # no name in the file nor given
    assert main(apply + ["--reviewer", "Page Reviewer"]) == 0
    assert main(["extract", str(MINI), "-o", str(out), "--corrections", str(corrections)]) == 0
    after = {p["id"]: p for p in json.loads((out / "projects.json").read_text(encoding="utf-8"))["projects"]}
    assert after[project["id"]][field_name] == "Wert aus der Seite"
    assert after[project["id"]]["overrides"][field_name]["reviewer"] == "Page Reviewer"
    state = {e["id"]: e for e in map(json.loads, (out / "corrections.jsonl").read_text(encoding="utf-8").splitlines())}
    assert state[edits[0]["id"]]["applied"]  # the exception to the rejected series
    assert not any(state[e["id"]]["applied"] for e in edits[1:])
    decisions = json.loads((corrections / "decisions.json").read_text(encoding="utf-8"))["decisions"]
    assert all(d["reviewer"] == "Page Reviewer" and d["date"] == "2026-11-30" for d in decisions[-2:])


def test_review_of_a_folder_without_ledger_fails_cleanly(tmp_path, capsys):
    assert main(["review", str(tmp_path)]) == 2
    assert "run `mpsc extract` first" in capsys.readouterr().err


def click(browser, element) -> None:
    """Clicked as a person would, once it is scrolled to the middle (the page's bar stays on top)."""
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def review_loop_in_browser(source: Path, corrections: Path, tmp_path: Path) -> None:
    """The whole loop in a real browser: confirm one field, type another's value, reject a
    series, save without a name (refused), with one; apply the file; the next extraction has
    the values with their reviewer and no flags on them, and the series rejected."""
    from selenium.webdriver.common.by import By

    out = tmp_path / "out"
    extract = ["extract", str(source), "-o", str(out), "--corrections", str(corrections)]
    assert main(extract) == 0
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    browser = open_browser(downloads)
    try:
        browser.get((out / "review.html").resolve().as_uri())
        fields = browser.find_elements(By.CSS_SELECTOR, "section.field")
        assert len(fields) >= 2
        for field in fields:  # each shows where it was read: a picture of the page, or the OCR lines
            assert field.find_elements(By.CSS_SELECTOR, "img.evidence, pre.raw")
        editable = [f for f in fields if f.find_elements(By.CSS_SELECTOR, "input[type=text]")]
        confirmed_field = next(f for f in fields if f is not editable[0])
        confirmed = (confirmed_field.get_attribute("data-record"), confirmed_field.get_attribute("data-field"))
        click(browser, confirmed_field.find_element(By.CSS_SELECTOR, "input[value=confirm]"))
        typed = (editable[0].get_attribute("data-record"), editable[0].get_attribute("data-field"))
        box = editable[0].find_element(By.CSS_SELECTOR, "input[type=text]")
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
        box.clear()
        box.send_keys("Im Browser gesetzt")
        for summary in browser.find_elements(By.CSS_SELECTOR, "details > summary"):
            if not summary.find_element(By.XPATH, "..").get_attribute("open"):
                click(browser, summary)  # the settled series are folded away
        series = browser.find_elements(By.CSS_SELECTOR, "section.series.uncertain") or \
            browser.find_elements(By.CSS_SELECTOR, "section.series")
        rejected = series[0].get_attribute("data-series")
        click(browser, series[0].find_element(By.CSS_SELECTOR, "input[value=reject]"))
        section = browser.find_elements(By.CSS_SELECTOR, "section.description")[0]  # mark words as figure text
        marked_record = section.get_attribute("data-record")
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", section)
        marked = browser.execute_script(
            "var node = arguments[0].querySelector('.paragraphs p').firstChild;"
            "var words = node.textContent.split(' ').slice(0, 3).join(' ');"
            "var range = document.createRange(); range.setStart(node, 0); range.setEnd(node, words.length);"
            "window.getSelection().removeAllRanges(); window.getSelection().addRange(range); return words;", section)
        click(browser, section.find_element(By.CSS_SELECTOR, "button.mark-figure"))
        assert marked in section.find_element(By.CSS_SELECTOR, "ul.marked").text
        browser.find_element(By.ID, "save").click()
        assert "name" in browser.find_element(By.ID, "status").text and not list(downloads.iterdir())
        browser.find_element(By.ID, "reviewer").send_keys("Browser Reviewer")
        browser.find_element(By.ID, "save").click()
        saved = wait_for_file(downloads, "review-*.json")
    finally:
        browser.quit()
    assert main(["review", str(out), "--apply", str(saved), "--corrections", str(corrections)]) == 0
    assert main(extract) == 0
    after = {p["id"]: p for p in json.loads((out / "projects.json").read_text(encoding="utf-8"))["projects"]}
    for (record, field_name), value in ((confirmed, None), (typed, "Im Browser gesetzt")):
        assert field_name not in after[record]["needs_review"]
        assert after[record]["overrides"][field_name]["reviewer"] == "Browser Reviewer"
        assert after[record]["overrides"][field_name]["confirmed"] == (value is None)
        if value:
            assert after[record][field_name] == value
    ledger = [json.loads(l) for l in (out / "corrections.jsonl").read_text(encoding="utf-8").splitlines()]
    assert all(not e["applied"] and e["decision"] == "rejected" for e in ledger if e["series"] == rejected)
    assert marked in after[marked_record]["figure_text"] and not after[marked_record]["description"].startswith(marked)
    assert after[marked_record]["overrides"]["description"]["reviewer"] == "Browser Reviewer"


@pytest.mark.slow  # a browser; its pdf case OCRs a generated scan
@pytest.mark.skipif(MISSING is not None, reason=str(MISSING))
@pytest.mark.parametrize("kind", ["ocr-text", "2021", "pdf"])  # the 2021 text: OCR lines instead of pictures
def test_a_reviewer_fixes_fields_and_rejects_a_series_in_the_browser(kind, tmp_path, capsys):
    corrections = tmp_path / "corrections"
    shutil.copytree(default_corrections_dir(), corrections)
    if kind == "pdf":  # a scan with an English-model text layer: edits to review, pictures of the scanned page
        pytest.importorskip("reportlab")
        from benchmarks.layout_family import make_edition
        from pipeline.read.load import tesseract_missing

        if tesseract_missing() or not shutil.which("pdftoppm"):
            pytest.skip("needs tesseract and pdftoppm")
        make_edition(LAYOUT_SEED, tmp_path / "edition", scans=True)
        source = tmp_path / "edition" / "ocr-layer.pdf"
    else:
        source = MINI if kind == "ocr-text" else bundled_path()
        if kind == "2021":  # the shipped review leaves nothing flagged: review the automatic pass
            (corrections / "overrides" / "2021.json").unlink()
    review_loop_in_browser(source, corrections, tmp_path)


@pytest.mark.slow  # a browser
@pytest.mark.skipif(MISSING is not None, reason=str(MISSING))
def test_review_page_opens_in_a_browser_and_lists_the_edits(workspace, tmp_path):
    _, out = workspace
    page = (out / "review.html").resolve().as_uri()
    flags = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=3000"]
    dom = subprocess.run(flags + ["--dump-dom", page], capture_output=True, text=True, timeout=120).stdout
    assert "Uncertain edits" in dom and dom.count('class="series') > 5 and "<mark>" in dom
    shot = tmp_path / "review.png"
    subprocess.run(flags + ["--window-size=1200,1600", f"--screenshot={shot}", page], capture_output=True, timeout=120)
    assert shot.exists() and shot.stat().st_size > 20_000  # a blank page compresses to a few KB
