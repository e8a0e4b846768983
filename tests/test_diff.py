"""corrections.diff is made from the ledger in time linear in the text, and is a unified diff
that turns raw.txt into cleaned.txt."""
import re
from pathlib import Path

import pytest

from pipeline.emit.diff import ledger_to_unified_diff
from pipeline.read.load import bundled_path
from pipeline.repair import clean_text

HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@$")


def patched(raw: str, diff: str) -> str:
    """`diff` applied to `raw` by the unified format's rules; every context and removed line must
    be where the hunk says."""
    old = [line + "\n" for line in raw.split("\n")[:-1]] + ([raw.split("\n")[-1]] if raw.split("\n")[-1] else [])
    out, at = [], 0
    lines = [line + "\n" for line in diff.split("\n")[:-1]]
    assert lines[:2] == ["--- raw.txt\n", "+++ cleaned.txt\n"]
    i = 2
    while i < len(lines):
        m = HUNK.match(lines[i].rstrip("\n"))
        assert m, lines[i]
        start = int(m.group(1)) - (0 if m.group(2) != "0" else -1) - 1
        out += old[at:start]
        at = start
        i += 1
        while i < len(lines) and not lines[i].startswith("@@"):
            sign, body = lines[i][0], lines[i][1:]
            if sign in " -":
                assert old[at] == body
                at += 1
            if sign in " +":
                out.append(body)
            i += 1
    return "".join(out + old[at:])


@pytest.mark.parametrize("name", ["bundled", "mini"])
def test_the_diff_turns_raw_into_cleaned(name, lexicon, corrections):
    path = bundled_path() if name == "bundled" else Path(__file__).parent / "cases" / "brochure_mini" / "input.txt"
    cleaned = clean_text(path.read_text(encoding="utf-8"), lexicon, corrections.confusions)
    diff = ledger_to_unified_diff(cleaned.raw, cleaned.text, cleaned.edits)
    assert diff and patched(cleaned.raw, diff) == cleaned.text


def test_a_line_break_taken_out_joins_the_lines_in_one_hunk(lexicon, corrections):
    raw = "Erste Zeile\nDie Verkehrs-\nwende kommt\nLetzte Zeile\n"
    cleaned = clean_text(raw, lexicon, corrections.confusions)
    assert "\n" in "".join(e.before for e in cleaned.edits if e.applied)
    assert patched(raw, ledger_to_unified_diff(raw, cleaned.text, cleaned.edits)) == cleaned.text


def test_a_text_of_many_like_lines_is_diffed_line_for_line(lexicon, corrections):
    """difflib's matcher aligned repeated lines far apart (and took 48 s on half a megabyte of
    them); the ledger says which lines changed, and each is replaced where it stands."""
    raw = "Bundesinstitut fiir Bau-, Stadt- und Raumforschung\n\n\nModellprojekte Smart Cities\n\n" * 2000
    cleaned = clean_text(raw, lexicon, corrections.confusions)
    diff = ledger_to_unified_diff(raw, cleaned.text, cleaned.edits)
    assert patched(raw, diff) == cleaned.text
    assert diff.count("\n-Bundesinstitut") == diff.count("\n+Bundesinstitut") == 2000
    assert "\n-\n" not in diff  # no blank line moved


def test_git_applies_the_diff_of_a_text_with_page_breaks(lexicon, corrections, tmp_path):
    """A PDF's text has a form feed between pages: diff tools break lines at '\\n' only."""
    import shutil
    import subprocess

    raw = "Seite eins fiir alle\n\f\nSeite zwei\nDie Stadtverwaltnng plant\f\nund Grofstadt\nEnde\n"
    cleaned = clean_text(raw, lexicon, corrections.confusions)
    diff = ledger_to_unified_diff(raw, cleaned.text, cleaned.edits)
    assert patched(raw, diff) == cleaned.text
    if shutil.which("git"):
        (tmp_path / "raw.txt").write_text(raw, encoding="utf-8", newline="")
        (tmp_path / "fix.diff").write_text(diff.replace("--- raw.txt", "--- a/raw.txt").replace("+++ cleaned.txt", "+++ b/raw.txt"),
                                           encoding="utf-8", newline="")
        done = subprocess.run(["git", "apply", "--unsafe-paths", "--directory=.", "fix.diff"], cwd=tmp_path,
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        assert (tmp_path / "raw.txt").read_bytes().decode("utf-8") == cleaned.text
