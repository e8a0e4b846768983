"""Pictures for review.html: a flagged field of a PDF input -> a crop of the page where it was read."""
import io
import json
from pathlib import Path

import pytest

from pipeline.emit.files import result_to_files
from pipeline.read.load import load_source
from pipeline.run import extract_brochure

from .browser import MISSING, open_browser
from .conftest import CASES

pytest.importorskip("reportlab")
EDITION = CASES / "editions" / "sample-2019"


@pytest.fixture(scope="module")
def rendered_pdf(tmp_path_factory):
    from benchmarks.edition_pdf import FONT_FILES, render_edition

    font = FONT_FILES.get(json.loads((EDITION / "truth.json").read_text(encoding="utf-8"))["layout"]["font"])
    if font and not Path(font).exists():
        pytest.skip(f"font {font} is missing (apt-get install fonts-dejavu-core)")
    out = tmp_path_factory.mktemp("edition")
    render_edition(EDITION / "truth.json", out, scan=False, ocr=False)
    return out / "brochure.pdf"


def not_blank(png: bytes) -> bool:
    """Ink on paper: some pixels are dark, most are light."""
    from PIL import Image

    gray = Image.open(io.BytesIO(png)).convert("L")
    histogram = gray.histogram()
    dark = sum(histogram[:128]) / sum(histogram)
    return 0.005 < dark < 0.5


def test_every_flagged_field_of_a_pdf_has_a_crop_of_its_page(rendered_pdf, corrections, tmp_path):
    source = load_source(rendered_pdf)
    result = extract_brochure(source, corrections, use_overrides=False)
    flagged = [(p.id, f) for p in result.brochure.projects for f in p.needs_review]
    assert flagged, "the edition has displaced titles and mottos: some fields are flagged"
    files = result_to_files(result, source)
    page = files["review.html"]
    for record, field_name in flagged:
        name = f"evidence/{record}-{field_name}.png"
        assert name in files and not_blank(files[name]), name
        assert f'src="{name}"' in page


def test_a_text_input_has_no_pictures_but_its_raw_lines(corrections):
    from pipeline.read.load import bundled_path

    source = load_source(bundled_path())
    result = extract_brochure(source, corrections, use_overrides=False)  # flagged fields to show
    files = result_to_files(result, source)
    assert not [n for n in files if n.startswith("evidence/")] and 'class="raw"' in files["review.html"]


@pytest.mark.slow  # a browser
@pytest.mark.skipif(MISSING is not None, reason=str(MISSING))
def test_the_page_shows_the_crops_in_a_browser(rendered_pdf, tmp_path, capsys):
    from selenium.webdriver.common.by import By

    from pipeline.cli import main

    out = tmp_path / "out"
    assert main(["extract", str(rendered_pdf), "-o", str(out)]) == 0
    browser = open_browser(tmp_path)
    try:
        browser.get((out / "review.html").resolve().as_uri())
        images = browser.find_elements(By.CSS_SELECTOR, "img.evidence")
        assert images
        for image in images:
            browser.execute_script("arguments[0].scrollIntoView()", image)
            assert browser.execute_script("return arguments[0].complete && arguments[0].naturalWidth", image) > 50
            assert not_blank(image.screenshot_as_png)
    finally:
        browser.quit()


def words_of(lines: list[tuple[float, str]], x: float = 60.0) -> tuple:
    """Words with boxes: each (top, text) a line starting at `x`, 6 points a letter."""
    from pipeline.read.pdf_text import Word

    out = []
    for top, text in lines:
        at = x
        for word in text.split():
            out.append(Word(word, at, at + 6 * len(word), top, top + 10))
            at += 6 * len(word) + 4
    return tuple(out)


def test_the_crop_frames_the_occurrence_the_text_around_the_edit_names():
    from pipeline.review.pictures import occurrence_on_page

    page = words_of([(100, "auf den umliegenden Höfen wächst"), (300, "Haller Höfe digital"),
                     (500, "die Netzwerk Idee"), (520, "eine Netzwerkstadt entsteht")])
    found = occurrence_on_page("Hofe", ["Projekttitel", "Haller"], ["digital", "Motto"], page)
    assert [w.text for w in found] == ["Höfe"] and found[0].top == 300
    found = occurrence_on_page("Netzwerkstadt", ["eine"], ["entsteht"], page)
    assert [w.text for w in found] == ["Netzwerkstadt"]


def test_a_word_printed_in_two_pieces_is_framed_whole():
    from pipeline.review.pictures import occurrence_on_page

    page = words_of([(100, "Oberhausen nutz t bestehende Infrastruktur")])
    found = occurrence_on_page("nutzt", ["Ferner"], ["Oberhausen", "bestehende"], page)
    assert [w.text for w in found] == ["nutz", "t"]


def test_the_review_page_marks_the_edit_inside_its_word(automatic_result):
    """'Netzwerkst[a→ä?]dt' and 'Haller H[ö]fe', not 'Netzwerkst ad→ä? adt' nor 'H ö fe'."""
    from pipeline.emit.ledger import edit_to_entry
    from pipeline.review.page import cleaned_context

    entries = [edit_to_entry(automatic_result.cleaned.raw, e) for e in automatic_result.ledger]

    def once_inside(e, word, part):
        return word and len(word) > 5 and word.count(part) == 1 and 0 < word.index(part) < len(word) - len(part)

    suggestion = next(e for e in entries if not e["applied"] and once_inside(e, e["word_before"], e["before"]))
    word, part = suggestion["word_before"], suggestion["before"]
    head, tail = word.split(part)
    assert f"{head}[{part}→{suggestion['after']}?]{tail}" in cleaned_context(automatic_result, suggestion)
    applied = next(e for e in entries if e["applied"] and len(e["after"]) == 1 and once_inside(e, e["word_after"], e["after"]))
    word, part = applied["word_after"], applied["after"]
    head, tail = word.split(part)
    assert f"{head}[{part}]{tail}" in cleaned_context(automatic_result, applied)
