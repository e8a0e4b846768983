"""Synthetic editions (tests/cases/editions/<name>/truth.json), rendered as the programme prints a
brochure: a text-layer PDF, its scan, and the English-model OCR text of that scan (committed
beside the truth, made by benchmarks/edition_pdf.py). Every route must give the truth's records
with no silent error: a value is right or listed in needs_review."""
import hashlib
import json
import shutil
from pathlib import Path

import pytest

from benchmarks.edition_pdf import FONT_FILES, pdf_to_scan, render_edition
from pipeline.evaluate import score_output
from pipeline.read.load import load_source, tesseract_missing
from pipeline.run import extract_brochure

from .conftest import CASES

pytest.importorskip("reportlab")
EDITIONS = sorted(p.parent for p in (CASES / "editions").glob("*/truth.json"))
IDS = [p.name for p in EDITIONS]
SCAN_MISSING = tesseract_missing() or (None if shutil.which("pdftoppm") else "pdftoppm is not installed")


def truth_of(case) -> dict:
    return json.loads((case / "truth.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=EDITIONS, ids=IDS)
def rendered(request, tmp_path_factory):
    """(case folder, output folder holding brochure.pdf, printed page of each project)."""
    case = request.param
    font = FONT_FILES.get(truth_of(case)["layout"]["font"])
    if font and not Path(font).exists():
        pytest.skip(f"font {font} is missing (apt-get install fonts-dejavu-core)")
    out = tmp_path_factory.mktemp(case.name)
    pages = render_edition(case / "truth.json", out, scan=False, ocr=False)
    return case, out, pages.project_pages


def assert_matches_truth(brochure, truth: dict) -> None:
    score = score_output(brochure.model_dump(mode="json"), truth)
    assert score.silent_errors == []
    assert score.records_matched == score.records_out == len(truth["projects"])
    assert brochure.edition.year == truth["edition"]["year"]


def test_text_layer_pdf_gives_the_truth(rendered, corrections):
    case, out, project_pages = rendered
    truth = truth_of(case)
    brochure = extract_brochure(load_source(out / "brochure.pdf"), corrections, use_overrides=False).brochure
    assert_matches_truth(brochure, truth)
    assert brochure.source.kind == "pdf"
    assert_placed_or_flagged(brochure)
    assert brochure.source.removed_lines == [truth["edition"]["title"]]  # the running header
    assert brochure.edition.profile == str(truth["edition"]["year"])
    assert {p.name: p.page for p in brochure.projects} == project_pages
    for project in brochure.projects:
        assert truth["edition"]["title"] not in project.description
        assert "category" not in project.needs_review  # the edition's profile knows its sections


def test_displaced_titles_and_mottos_are_found_or_flagged(rendered, corrections):
    case, out, _ = rendered
    brochure = extract_brochure(load_source(out / "brochure.pdf"), corrections, use_overrides=False).brochure
    displaced = [(p["name"], p["displaced"]) for p in truth_of(case)["projects"] if p["displaced"]]
    assert displaced
    by_name = {p.name: p for p in brochure.projects}
    for name, field_name in displaced:
        assert field_name in by_name[name].needs_review


@pytest.mark.slow  # Tesseract reads every page of a generated scan
@pytest.mark.skipif(SCAN_MISSING is not None, reason=f"scan route: {SCAN_MISSING}")
def test_scan_gives_the_truth_and_the_same_pages(rendered, corrections):
    case, out, project_pages = rendered
    truth = truth_of(case)
    pdf_to_scan(out / "brochure.pdf", truth["layout"]["dpi"], out / "scan.pdf")
    brochure = extract_brochure(load_source(out / "scan.pdf", workers=2), corrections, use_overrides=False).brochure
    assert brochure.source.kind == "pdf-ocr"
    assert_matches_truth(brochure, truth)
    from_text_layer = extract_brochure(load_source(out / "brochure.pdf"), corrections, use_overrides=False).brochure
    # one id on every route, wherever the scan read the name as printed (a name it could not is flagged:
    # 'Chóśebuz' comes out 'Chösebuz', since Tesseract's German model has no 'ó' or 'ś')
    for scanned, printed in zip(brochure.projects, from_text_layer.projects):
        assert scanned.id == printed.id or "name" in scanned.needs_review, scanned.name
    assert sum(a.id == b.id for a, b in zip(brochure.projects, from_text_layer.projects)) >= len(brochure.projects) - 1
    sure = {p.name: p.page for p in brochure.projects if "name" not in p.needs_review}
    assert sure and sure == {name: page for name, page in project_pages.items() if name in sure}


@pytest.mark.parametrize("case", EDITIONS, ids=IDS)
def test_english_model_ocr_text_gives_the_truth(case, corrections):
    brochure = extract_brochure(load_source(case / "ocr-eng.txt"), corrections, use_overrides=False).brochure
    assert brochure.source.kind == "text" and brochure.stats.text_damaged
    assert_matches_truth(brochure, truth_of(case))
    assert_placed_or_flagged(brochure)


def assert_placed_or_flagged(brochure) -> None:
    """Every record and overview entry has a place (a record's in one of its Länder) or a flag
    on `place` with the reason."""
    for item in [*brochure.projects, *brochure.overview]:
        flagged = "place" in item.needs_review and item.review_notes.get("place")
        assert item.place is not None or flagged, item.name
        states = getattr(item, "states", None)
        if item.place is not None and states:
            assert item.place.land in states or flagged, item.name


@pytest.mark.parametrize("case", EDITIONS, ids=IDS)
def test_ocr_fixture_was_made_from_this_truth(case):
    meta = json.loads((case / "ocr-eng.json").read_text(encoding="utf-8"))
    assert meta["truth_sha256"] == hashlib.sha256((case / "truth.json").read_bytes()).hexdigest(), \
        "truth.json changed: run python -m benchmarks.edition_pdf <truth.json> --fixture"


def test_an_unknown_edition_is_read_with_the_general_profile(tmp_path, corrections):
    """The same pages under a year no profile exists for: read with the general profile, said so."""
    truth = truth_of(EDITIONS[0])
    year = max(corrections.editions) + 10
    truth["edition"]["title"] = truth["edition"]["title"].replace(str(truth["edition"]["year"]), str(year))
    truth["edition"]["year"] = year
    (tmp_path / "truth.json").write_text(json.dumps(truth, ensure_ascii=False), encoding="utf-8")
    render_edition(tmp_path / "truth.json", tmp_path, scan=False, ocr=False)
    brochure = extract_brochure(load_source(tmp_path / "brochure.pdf"), corrections, use_overrides=False).brochure
    assert brochure.edition.profile == "general"
    assert any("general profile" in w for w in brochure.warnings)
    assert_matches_truth(brochure, truth)
