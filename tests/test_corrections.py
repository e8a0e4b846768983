"""Every file in corrections/ loads and validates; broken data is refused with a clear message."""
import json
import shutil

import pytest

from pipeline.corrections import FIELD_NAMES, default_corrections_dir, load_corrections
from pipeline.errors import CorrectionsError
from pipeline.language.lexicon import german_states


def test_all_corrections_load(corrections):
    assert corrections.confusions.rules
    assert corrections.profile.categories and corrections.profile.size_classes
    assert all(o.field in FIELD_NAMES for f in corrections.overrides for o in f.overrides)


def test_confusion_rules_are_unique(corrections):
    ids = [r.id for r in corrections.confusions.rules]
    assert len(ids) == len(set(ids))


def test_sixteen_laender_from_iso_3166():
    states = german_states()
    assert len(states) == 16 and "Baden-Württemberg" in states and "Thüringen" in states


@pytest.mark.parametrize(
    "file, content, message",
    [
        ("confusions.json", '{"rules": [{"find": "", "replace": "ü"}]}', "rules.0.find"),
        ("profile.json", "{not json", "not valid JSON"),
        ("overrides/2021.json", '{"edition": 2021, "overrides": [{"record": "x", "field": "colour", "value": 1, "reviewer": "r", "reason": "r"}]}', "field"),
    ],
)
def test_broken_corrections_are_refused(tmp_path, file, content, message):
    folder = tmp_path / "corrections"
    shutil.copytree(default_corrections_dir(), folder)
    (folder / file).write_text(content, encoding="utf-8")
    with pytest.raises(CorrectionsError, match=message):
        load_corrections(folder)


def test_override_files_are_reviewable_json():
    for path in (default_corrections_dir() / "overrides").glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert all(o["reviewer"] and o["reason"] for o in data["overrides"])


def test_lexicon_additions_are_found_in_any_case_and_with_ss_for_sz():
    from pipeline.language.lexicon import Lexicon

    lexicon = Lexicon(["Großdorfer", "Tulau"])
    assert lexicon.direct("Großdorfer") > 0 and lexicon.direct("GROSSDORFER") > 0 and lexicon.direct("großdorfer") > 0
    assert lexicon.direct("Tulau") == lexicon.direct("tulau") == lexicon.direct("TULAU") > 0


def test_every_confusion_rule_says_where_its_evidence_came_from(tmp_path):
    import json
    import shutil

    from pipeline.corrections import default_corrections_dir, load_corrections
    from pipeline.errors import CorrectionsError

    folder = tmp_path / "corrections"
    shutil.copytree(default_corrections_dir(), folder)
    assert all(rule.evidence for rule in load_corrections(folder).confusions.rules)
    table = json.loads((folder / "confusions.json").read_text(encoding="utf-8"))
    del table["rules"][0]["evidence"]
    (folder / "confusions.json").write_text(json.dumps(table, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CorrectionsError, match="evidence"):
        load_corrections(folder)
