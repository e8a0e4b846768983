"""Benchmark: `mpsc extract` on a 40-page two-column text-layer PDF, against pdfplumber alone.

    python -m benchmarks.pdf_speed [PAGES]

Prints the time pdfplumber needs to read every page's words, the time of the whole extraction
(load in reading order, clean, segment, extract, validate, emit) and their ratio (target: 1.3).
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from pipeline.corrections import default_corrections_dir, load_corrections
from pipeline.emit import result_to_files
from pipeline.files import write_files_atomically
from pipeline.load import load_source
from pipeline.run import extract_brochure

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
        y = 790
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


def main() -> None:
    import pdfplumber

    pages = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    with tempfile.TemporaryDirectory() as tmp:
        pdf_path = Path(tmp) / "brochure.pdf"
        build_pdf(pdf_path, pages)
        start = time.perf_counter()
        with pdfplumber.open(pdf_path) as pdf:
            words = sum(len(page.extract_words()) for page in pdf.pages)
        plumber = time.perf_counter() - start
        corrections = load_corrections(default_corrections_dir())
        start = time.perf_counter()
        source = load_source(pdf_path)
        result = extract_brochure(source, corrections)
        write_files_atomically(Path(tmp) / "out", result_to_files(result, source))
        whole = time.perf_counter() - start
    print(f"pages {pages}, words {words}, records {len(result.brochure.projects)}")
    print(f"pdfplumber extract_words: {plumber:6.2f} s")
    print(f"mpsc extract (whole):     {whole:6.2f} s")
    print(f"ratio:                    {whole / plumber:6.2f} (target 1.3)")


if __name__ == "__main__":
    main()
