"""The design family (benchmarks/design_family.py) is a test of the tool only if it prints what its
truth says: one seed of each label placement, as a text-layer PDF, holds every field's value. These
test the generator, not the tool; `python -m benchmarks.designs` measures the tool on it."""
import json
import re

import pytest

pytest.importorskip("reportlab")
pdfplumber = pytest.importorskip("pdfplumber")

from benchmarks.design_family import LABEL_PLACES, make_edition, random_edition  # noqa: E402
from benchmarks.layout_family import unhyphenated  # noqa: E402

TEXT_AREA = (45, 790)  # tops of the words between the running headers and the footers
FIELDS = ("name", "category", "size_class", "states", "title", "motto", "description", "facts", "page_words")


def first_seed_with(labels: str) -> int:
    return next(s for s in range(1, 500) if random_edition(s)["structure"]["labels"] == labels)


def pages_lines(path, area: tuple[float, float] | None = TEXT_AREA) -> list[list[str]]:
    """Each page's lines in the order they were drawn, the running lines (above and below the
    text area) left out, so that a paragraph reads on over a page."""
    pages = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            lines: list[list[str]] = []
            top = None
            for word in page.extract_words(use_text_flow=True):
                if area and not area[0] < word["top"] < area[1]:
                    continue
                if top is None or abs(word["top"] - top) > 1:
                    lines.append([])
                lines[-1].append(word["text"])
                top = word["top"]
            pages.append([" ".join(line) for line in lines])
    return pages


def flat(pages: list[list[str]]) -> str:
    """Pages' lines -> one text, a word hyphenated at a line end joined, in lower case."""
    return " ".join(unhyphenated([line for page in pages for line in page])).casefold()


def flat_value(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


@pytest.fixture(scope="module", params=LABEL_PLACES)
def edition(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(f"design-{request.param}")
    truth = make_edition(first_seed_with(request.param), folder)
    return truth, pages_lines(folder / "brochure.pdf"), pages_lines(folder / "brochure.pdf", area=None)


def test_the_truth_has_every_field(edition):
    truth, _, _ = edition
    assert truth["projects"]
    for project in truth["projects"]:
        assert all(project.get(f) for f in FIELDS if f != "facts"), project["name"]
        assert set(project["facts"]) == set(truth["structure"]["facts"])
    json.dumps(truth)


def test_the_pdf_prints_every_fields_value(edition):
    truth, pages, printed = edition
    part = 2 if truth["structure"]["toc"] else 1  # the pages from the projects' part on
    for project in truth["projects"]:
        first = project["page"] - 1
        own = flat(pages[first:first + 3])  # a description runs on at most two more pages
        values = [project["name"], project["size_class"], ", ".join(project["states"]), project["title"],
                  project["motto"], *project["facts"].values()]
        if truth["structure"]["name_lines"] == 1:
            assert flat_value(project["name"]) in own
        for value in values[1:]:
            assert flat_value(value) in own, (project["name"], value)
        assert set(flat_value(project["name"]).split()) <= set(own.split())
        # on a divider or over the section's first project before it, or in a band or running header on its pages
        assert flat_value(project["category"]) in flat(printed[part:first + 3]), project["name"]
        for paragraph in project["description"].split("\n\n"):
            assert flat_value(paragraph) in own, (project["name"], paragraph[:60])


@pytest.mark.slow
def test_the_benchmark_scores_an_edition_and_reuses_it(tmp_path):
    from benchmarks.designs import kept_rows, report, run

    rows = run(range(7001, 7002), ["pdf"], tmp_path)
    [row] = rows["pdf"]
    truth = json.loads((tmp_path / "seed-7001/truth.json").read_text(encoding="utf-8"))
    assert row["drawn"] > 0 and row["gold"] == len(truth["projects"])
    assert row["refused"] or row["matched"] <= row["gold"]
    assert kept_rows(tmp_path)["pdf"] == [json.loads(json.dumps(row))]
    assert "labels" in report(kept_rows(tmp_path), verbose=False)


def test_false_flags_count_the_right_values_flagged_only():
    from benchmarks.designs import false_flags

    gold = {"name": "Erfurt", "category": "Großstädte", "size_class": "Kleinere Großstadt", "states": ["Thüringen"],
            "title": "Erfurt digital", "motto": "Heute"}
    out = {**gold, "category_printed": "Großstädte", "motto": "Heute für", "needs_review": ["title", "motto"]}
    assert false_flags({"projects": [gold]}, {"projects": [out]}) == {"title": 1}
