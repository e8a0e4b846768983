"""A record's body read as running text and figure text: the golden cases of tests/cases/bodies
(written for these tests), read as the OCR text route reads them."""
import json

import pytest

from pipeline.records.body import Page, body_paragraphs
from pipeline.records.columns import paragraphs_in_column_order
from pipeline.records.segment import text_to_lines
from pipeline.records.text import join_lines
from pipeline.repair.list_marks import mark_list_items

from .conftest import CASES

BODIES = sorted((CASES / "bodies").glob("*.json"))


@pytest.mark.parametrize("path", BODIES, ids=[p.stem for p in BODIES])
def test_a_body_reads_as_a_careful_editor_would(path, lexicon):
    case = json.loads(path.read_text(encoding="utf-8"))
    page = Page(lexicon, case["measure"], (case["title"], case["motto"]))
    kept, figures, furniture, doubts = body_paragraphs(text_to_lines(case["body"]), page)
    description, _ = paragraphs_in_column_order([[l.text for l in p] for p in kept], case["measure"], lexicon)
    assert description == case["description"], case["about"]
    assert [join_lines(f) for f in figures] == case["figure_text"], case["about"]
    said = " ".join(d.note for d in doubts)
    assert all(n in said for n in case["notes"]), said
    # conservation: every word of the body comes out in the description or the figure text
    out = " ".join([*description, *case["figure_text"], *furniture]).replace("integrierten", "inte- grierten")
    assert sorted(out.split()) == sorted(case["body"].split())


def test_bullets_read_as_letters_become_list_marks_only_in_a_run():
    text = "Wir planen:\n\nB Umsetzung der Projekte\n\nB Zentrales Dashboard\n\nP Parkhaus am Bahnhof ist neu.\n"
    edits = mark_list_items(text)
    assert [(e.before, e.after) for e in edits] == [("B", "•"), ("B", "•")]
    assert all(e.rule == "list_mark" and e.reason for e in edits)
