"""Golden cases: synthetic brochures in tests/cases/<name>/ (input.txt + expected.json)."""
import json

import pytest

from pipeline.load import load_source
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
