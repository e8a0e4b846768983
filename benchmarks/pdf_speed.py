"""Benchmark: `mpsc extract` on a 40-page two-column text-layer PDF, against pdfplumber alone.

    python -m benchmarks.pdf_speed [PAGES]

Prints the time pdfplumber needs to read every page's words, the time of the whole extraction
(load in reading order, clean, segment, extract, validate, emit) and their ratio (target: 1.2),
with one process and with two (the default on a machine with two cores or more: the pages are
read by two processes). Both sides run as a fresh process, so start-up and imports count; each
time is the best of three runs.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .ocr_corpus import SOURCES

HEADER = ["Musterstadt {n}", "Kleinere Großstadt · Hessen", "Projekttitel: Stadt der Zukunft {n}", "Motto: Gemeinsam digital"]


def build_pdf(path: Path, pages: int) -> None:
    """Brochure-like pages: a full-width project header, then two columns of body text."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    words = " ".join(p.read_text(encoding="utf-8") for p in SOURCES).split()
    pdf = canvas.Canvas(str(path), pagesize=(595, 842), invariant=1)
    cursor = 0
    for n in range(1, pages + 1):
        y = 770
        pdf.setFont("Helvetica", 10)
        for line in HEADER:
            pdf.drawString(50, y, line.format(n=n))
            y -= 18
        for x in (50, 310):
            yy = y - 10
            while yy > 60:
                line = ""
                while cursor < len(words) and stringWidth(f"{line} {words[cursor]}", "Helvetica", 10) < 235:
                    line = f"{line} {words[cursor]}".strip()
                    cursor = (cursor + 1) % len(words)
                pdf.drawString(x, yy, line)
                yy -= 13
        pdf.drawString(290, 30, str(n))
        pdf.showPage()
    pdf.save()


RUNS = 3
READ_WORDS = """
import sys, pdfplumber
with pdfplumber.open(sys.argv[1]) as pdf:
    print(sum(len(page.extract_words()) for page in pdf.pages))
"""


def timed(command: list[str], runs: int = RUNS) -> tuple[float, str]:
    """The best of `runs` wall times (the least disturbed by other work on the machine)."""
    best, out = float("inf"), ""
    for _ in range(runs):
        start = time.perf_counter()
        out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        best = min(best, time.perf_counter() - start)
    return best, out


def main() -> None:
    pages = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    with tempfile.TemporaryDirectory() as tmp:
        pdf_path = Path(tmp) / "brochure.pdf"
        build_pdf(pdf_path, pages)
        # Both in a fresh process, as a user runs them: start-up and imports count on both sides.
        plumber, words = timed([sys.executable, "-c", READ_WORDS, str(pdf_path)])
        mpsc = str(Path(sys.executable).with_name("mpsc"))
        wholes = {}
        for jobs in (1, 2):
            wholes[jobs], _ = timed([mpsc, "extract", str(pdf_path), "-o", str(Path(tmp) / "out"), "--jobs", str(jobs)])
        records = len(json.loads((Path(tmp) / "out" / "projects.json").read_text())["projects"])
    print(f"pages {pages}, words {words.strip()}, records {records}")
    print(f"pdfplumber extract_words (own process): {plumber:6.2f} s")
    for jobs, whole in wholes.items():
        print(f"mpsc extract --jobs {jobs} (command):      {whole:6.2f} s  ratio {whole / plumber:5.2f} (target 1.2)")


if __name__ == "__main__":
    main()
