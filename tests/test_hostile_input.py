"""Input that cannot hurt (issue 26, points 10-14): hostile and odd files end in a row with a
one-line reason or a result, never a hang, a memory blow-up or an internal error; CSV cells that a
spreadsheet would run as formulas are neutralised."""
import csv
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from pipeline.emit.formats import projects_to_csv
from pipeline.read.limits import MAX_LINE_CHARS, MAX_PAGES, MAX_STREAM_BYTES, MAX_TEXT_BYTES

from .pdf_fixture import pdf_bytes

REPO = Path(__file__).resolve().parent.parent
MINI = Path(__file__).parent / "cases" / "brochure_mini" / "input.txt"
MEMORY_CEILING = 6 * 2**30  # address space the batch may take: far above a brochure's need, below the machine's
HANG = 600  # seconds: a batch still running then hangs
MAX_RSS_MB = 1500


def bomb_pdf(inflated: int, cut: bool = False) -> bytes:
    """A one-page PDF whose content stream is a few hundred KB and inflates to `inflated` bytes
    (with `cut`, only its first half is there: a stream cut short)."""
    packed = zlib.compress(b" " * inflated, 9)
    packed = packed[: len(packed) // 2] if cut else packed
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def encrypted_pdf(path: Path) -> None:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("secret", ownerPassword="owner"))
    page.drawString(100, 700, "Kleinere Großstadt · Bayern")
    page.save()


def hostile_inputs(folder: Path) -> dict[str, str]:
    """Write the hostile inputs; -> file name -> what it is."""
    mini = MINI.read_text(encoding="utf-8")
    rng = random.Random(26)
    made = {
        "one-long-line.txt": ("wort " * 200_000, "a line of 1 MB"),
        "long-token.txt": ("Modellprojekte Smart Cities 2021\n\n" + "a" * (MAX_LINE_CHARS - 100) + "\n", "a 20,000-letter token"),
        "too-large.txt": ("Kleinere Großstadt · Bayern\n" * (MAX_TEXT_BYTES // 25), "more text than any brochure"),
        "empty.txt": ("", "an empty file"),
        "blank.txt": (" \n\t\n" * 1000, "only white space"),
        "newlines.txt": ("\n" * 1_000_000, "a million empty lines"),
        "separators.txt": ("Modellprojekte Smart Cities 2021\n\n" + "Großstadt · " * 1500 + "\n", "thousands of separators"),
        "repeated-brochure.txt": (mini * 200, "one brochure 200 times over"),
        "word-soup.txt": ("\n".join(" ".join(rng.choice(["Großstadt", "Bayern", "Projekttitel:", "Motto:", "für", "·"])
                                             for _ in range(12)) for _ in range(40_000)), "labels without records"),
        "form-feeds.txt": (mini.replace(" ", " \x0c", 50).replace("e", "e\x0b", 50), "form feeds and vertical tabs"),
        "control-characters.txt": (mini.replace("e", "e\x1c", 50), "control characters"),
        "nul-bytes.txt": (mini.replace("\n", "\x00\n", 30), "NUL bytes inside"),
        "=HYPERLINK(\"http-x\").txt": (mini, "a file name a spreadsheet would run"),
        "rtl-\u202ename.txt": (mini, "a name with a right-to-left override"),
        "fake.pdf": ("Kleinere Großstadt · Bayern\n", "text named .pdf"),
    }
    for name, (text, _) in made.items():
        (folder / name).write_text(text, encoding="utf-8")
    binary = {
        "random-bytes.txt": (bytes(rng.randrange(256) for _ in range(200_000)), "random bytes"),
        "utf16.txt": (mini.encode("utf-16"), "UTF-16 with its byte order mark"),
        "broken-utf8.txt": (mini.encode("utf-8").replace(b"\xc3\xbc", b"\xc3", 20), "cut UTF-8 sequences"),
        "mojibake.txt": (mini.encode("utf-8").decode("latin-1").encode("utf-8"), "UTF-8 read as Latin-1 and saved"),
        "truncated.pdf": (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", "a PDF cut short"),
        "pdf-head-only.txt": (b"%PDF-1.7\n" + bytes(rng.randrange(256) for _ in range(5000)), "a PDF header, then noise"),
        "bomb.pdf": (bomb_pdf(MAX_STREAM_BYTES * 4), "a stream inflating to half a GB"),
        "cut-stream.pdf": (bomb_pdf(64_000_000, cut=True), "a compressed stream cut short"),
        "many-pages.pdf": (pdf_bytes([[]] * (MAX_PAGES + 1)), "more pages than any brochure"),
        "no-pages.pdf": (pdf_bytes([]), "a PDF without pages"),
    }
    for name, (data, _) in binary.items():
        (folder / name).write_bytes(data)
    encrypted_pdf(folder / "encrypted.pdf")
    return {**{k: v for k, (_, v) in made.items()}, **{k: v for k, (_, v) in binary.items()},
            "encrypted.pdf": "an encrypted PDF"}


def limited_memory():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CEILING, MEMORY_CEILING))


def run_batch(inputs: Path, out: Path) -> tuple[subprocess.CompletedProcess, int]:
    """`mpsc extract FOLDER -o OUT --jobs 1` in a process of bounded memory; -> the run and its
    peak resident memory in MB."""
    script = ("import resource, sys\nfrom pipeline.cli import main\ncode = main(sys.argv[1:])\n"
              "print('PEAK', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\nsys.exit(code)")
    done = subprocess.run([sys.executable, "-c", script, "extract", str(inputs), "-o", str(out), "--jobs", "1"],
                          capture_output=True, text=True, timeout=HANG, preexec_fn=limited_memory,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    peak = int(next(line for line in done.stderr.splitlines() if line.startswith("PEAK")).split()[1]) // 1024
    return done, peak


def test_hostile_inputs_end_in_a_reason_or_a_result(tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    kinds = hostile_inputs(inputs)
    assert len(kinds) >= 20
    done, peak = run_batch(inputs, tmp_path / "out")
    assert done.returncode == 2, done.stderr  # some inputs are refused: exit 2 at the end
    assert "Traceback" not in done.stderr
    rows = list(csv.DictReader((tmp_path / "out" / "summary.csv").open(encoding="utf-8")))
    assert len(rows) == len(kinds)
    statuses = {Path(r["input"]).name.lstrip("'"): r for r in rows}
    assert all(r["status"] in ("ok", "error") for r in rows), [r for r in rows if r["status"] not in ("ok", "error")]
    assert all("\n" not in (r["error"] or "") for r in rows)
    assert all("out of memory" not in (r["error"] or "") for r in rows)
    assert peak < MAX_RSS_MB, peak
    for name, reason in {"one-long-line.txt": "characters", "too-large.txt": "bytes", "empty.txt": "empty",
                         "bomb.pdf": "inflates past", "many-pages.pdf": "pages", "encrypted.pdf": "encrypted",
                         "fake.pdf": "not a PDF", "truncated.pdf": "PDF", "control-characters.txt": "binary"}.items():
        assert statuses[name]["status"] == "error" and reason in statuses[name]["error"], (name, statuses[name])
    for name in ("repeated-brochure.txt", "utf16.txt", "form-feeds.txt", "=HYPERLINK(\"http-x\").txt"):
        assert statuses[name]["status"] == "ok", (name, statuses[name])


def test_a_file_name_a_spreadsheet_would_run_is_text_in_the_summary(tmp_path, capsys, monkeypatch):
    from pipeline.cli import main

    monkeypatch.chdir(tmp_path)
    named = '=HYPERLINK("http:x","click").txt'
    shutil.copy(MINI, tmp_path / named)
    shutil.copy(MINI, tmp_path / "plain.txt")
    assert main(["extract", named, "plain.txt", "-o", "out", "--jobs", "1"]) == 0
    rows = list(csv.reader((tmp_path / "out" / "summary.csv").open(encoding="utf-8")))
    assert rows[1][0] == "'" + named and rows[2][0] == "plain.txt"


@pytest.mark.slow  # Tesseract on a page of 14,400 points square
@pytest.mark.skipif(not shutil.which("tesseract") or not shutil.which("pdftoppm"), reason="needs tesseract")
def test_a_huge_scanned_page_is_read_at_a_bounded_size(tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "huge-page.pdf").write_bytes(pdf_bytes([[]], mediabox=(0, 0, 14400, 14400)))
    done, peak = run_batch(inputs, tmp_path / "out")
    rows = list(csv.DictReader((tmp_path / "out" / "summary.csv").open(encoding="utf-8")))
    assert rows[0]["status"] == "error" and "OCR found no text" in rows[0]["error"], rows
    assert peak < MAX_RSS_MB, peak


def test_formula_cells_are_neutralised_in_projects_csv():
    brochure = {"edition": {"year": 2021, "title": "T"}, "source": {"path": "-x.txt", "sha256": "0" * 64},
                "projects": [{"id": "a", "name": "@SUM(A1)", "title": "=HYPERLINK(\"http://x\")",
                              "motto": "+cmd|' /C calc'!A0", "description": "\tTab", "states": ["=1+1"],
                              "page": 3, "needs_review": [], "review_notes": {}, "overrides": {}, "place": None}]}
    row = list(csv.DictReader(projects_to_csv(brochure).splitlines()))[0]
    assert row["title"] == "'=HYPERLINK(\"http://x\")" and row["motto"].startswith("'+")
    assert row["name"] == "'@SUM(A1)" and row["description"] == "'\tTab" and row["states"] == "'=1+1"
    assert row["source_path"] == "'-x.txt" and row["page"] == "3"
