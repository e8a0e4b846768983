"""Golden cases: synthetic brochures in tests/cases/<name>/ (input.txt + expected.json)."""
import json
import re

import pytest

from pipeline.read.load import load_source
from pipeline.run import extract_brochure

from .conftest import CASES

CASE_DIRS = sorted(p for p in CASES.iterdir() if (p / "input.txt").exists())


@pytest.mark.parametrize("case", CASE_DIRS, ids=[p.name for p in CASE_DIRS])
def test_brochure_case(case, corrections):
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    result = extract_brochure(load_source(case / "input.txt"), corrections, use_overrides=False)
    got = result.brochure.model_dump(mode="json")
    assert got["edition"] == expected["edition"]
    assert [{k: p[k] for k in expected["projects"][0]} for p in got["projects"]] == expected["projects"]
    assert [{k: c[k] for k in ("id", "group", "text")} for c in got["criteria"]] == expected["criteria"]
    assert got["overview"] == expected["overview"]
    for project in got["projects"]:
        assert project["description"], project["name"]
        assert "\n4\n" not in project["description"] and not project["description"].endswith("5")


@pytest.mark.parametrize("case", CASE_DIRS, ids=[p.name for p in CASE_DIRS])
def test_pdf_text_layer_gives_the_same_records_as_the_text(case, corrections, tmp_path):
    """The case's text set as PDF pages (a page per run of blank lines) -> the same records."""
    from .pdf_fixture import pdf_bytes

    text = (case / "input.txt").read_text(encoding="utf-8")
    pages = [page.split("\n") for page in re.split(r"\n{4,}", text)]
    pages = [p[i : i + 52] for p in pages for i in range(0, len(p), 52)]
    pdf = tmp_path / "case.pdf"
    pdf.write_bytes(pdf_bytes(pages))
    from_text = extract_brochure(load_source(case / "input.txt"), corrections, use_overrides=False).brochure
    from_pdf = extract_brochure(load_source(pdf), corrections, use_overrides=False).brochure
    assert from_pdf.source.kind == "pdf-damaged"  # the case is English-model OCR text set as a text layer
    fields = ("id", "name", "category", "size_class", "states", "title", "motto", "needs_review")
    assert [{f: getattr(p, f) for f in fields} for p in from_pdf.projects] == \
        [{f: getattr(p, f) for f in fields} for p in from_text.projects]


def test_a_lone_number_in_a_pdfs_body_is_figure_text_not_a_dropped_page_number(corrections, tmp_path):
    """A PDF's page numbers are taken out by their place on the page; a lone number left in a
    body ('48' of a key figure) goes to figure_text, where the text route drops it as a page number."""
    from .pdf_fixture import pdf_bytes

    text = (CASES / "brochure_mini" / "input.txt").read_text(encoding="utf-8")
    text = text.replace("Motto: Gemeinsam fiir eine griine Stadt\n\n", "Motto: Gemeinsam fiir eine griine Stadt\n\n48\n\n")
    pages = [page.split("\n") for page in re.split(r"\n{4,}", text)]
    pdf = tmp_path / "case.pdf"
    pdf.write_bytes(pdf_bytes([p[i : i + 52] for p in pages for i in range(0, len(p), 52)]))
    projects = extract_brochure(load_source(pdf), corrections, use_overrides=False).brochure.projects
    assert any("48" in p.figure_text for p in projects)
    assert not any("48" in p.description.split() for p in projects)

