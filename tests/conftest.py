import json
import shutil
from pathlib import Path

import pytest

from pipeline.corrections import default_corrections_dir, load_corrections
from pipeline.language.lexicon import Lexicon
from pipeline.read.load import bundled_path, load_source
from pipeline.run import extract_brochure

TESTS = Path(__file__).parent
CASES = TESTS / "cases"
FIXTURES = TESTS / "fixtures"
REPO = TESTS.parent


@pytest.fixture(autouse=True, scope="session")
def isolated_cache(tmp_path_factory):
    """One cache folder for the whole run, empty at its start: tests never read a cache a user's
    runs left behind, nor leave one. The tables shipped with the package are turned off
    (MPSC_SHIPPED_TABLES=off), so the code that makes them runs in every test run: the word lists
    (~10 s) are made once, by the first test that needs them, and kept in that folder. Both are
    set in os.environ, so the processes tests start (the CLI, the installed wheel) use them too, as
    long as they pass the environment on. Tests of the cache and of the shipped tables set their
    own (monkeypatch.setenv) and are marked slow where they build the word lists."""
    from pipeline.records.ship_tables import environment

    with environment(MPSC_CACHE_DIR=str(tmp_path_factory.mktemp("cache")), MPSC_SHIPPED_TABLES="off"):
        yield


def load_cases(name: str) -> list[dict]:
    return json.loads((CASES / "clean" / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def corrections():
    return load_corrections(default_corrections_dir())


@pytest.fixture(scope="session")
def lexicon(corrections):
    return Lexicon(corrections.lexicon.words)


@pytest.fixture(scope="session")
def bundled_source():
    return load_source(bundled_path(), "pipeline/data/modellprojekte-smart-cities-2021.ocr.txt")


@pytest.fixture(scope="session")
def automatic_result(bundled_source, corrections):
    """The 2021 brochure without reviewer overrides: what the rules alone achieve."""
    return extract_brochure(bundled_source, corrections, use_overrides=False)


@pytest.fixture(scope="session")
def reviewed_result(bundled_source, corrections):
    return extract_brochure(bundled_source, corrections, use_overrides=True)


@pytest.fixture(scope="session")
def gold():
    return json.loads((FIXTURES / "gold_2021.json").read_text(encoding="utf-8"))


@pytest.fixture
def workspace(tmp_path, capsys):
    """A copy of the shipped corrections and an output folder of the small brochure extracted
    with them: what a reviewer works on."""
    from pipeline.cli import main

    corrections = tmp_path / "corrections"
    shutil.copytree(default_corrections_dir(), corrections)
    out = tmp_path / "out"
    assert main(["extract", str(CASES / "brochure_mini" / "input.txt"), "-o", str(out),
                 "--corrections", str(corrections)]) == 0
    capsys.readouterr()
    return corrections, out
