"""Build an OCR test corpus the way real damage arises: German text -> PDF pages (reportlab) ->
images (pdftoppm) -> Tesseract with the *English* model. The source text is the truth.

    python -m benchmarks.ocr_corpus OUTDIR [--pages N] [--setting helvetica:10:150 ...] [--source FILE ...]

Writes OUTDIR/<font>-<size>-<dpi>/page-NN.truth.txt and page-NN.ocr.txt. Needs reportlab,
pdftoppm (poppler-utils) and tesseract with its English model.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

SOURCES = sorted((Path(__file__).parent / "corpus").glob("source_de*.txt"))
DEJAVU_SERIF = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
PAGE_WIDTH, PAGE_HEIGHT = 595, 842
MARGIN = 60


@dataclass(frozen=True)
class Setting:
    font: str  # a reportlab standard font name, or "DejaVuSerif"
    size: int
    dpi: int

    @property
    def name(self) -> str:
        return f"{self.font.lower()}-{self.size}-{self.dpi}"

    @classmethod
    def parse(cls, text: str) -> "Setting":
        font, size, dpi = text.split(":")
        return cls(font, int(size), int(dpi))


SMALL = [Setting("Helvetica", 10, 150), Setting("Times-Roman", 11, 200)]
LARGE = SMALL + [Setting("Helvetica", 11, 300), Setting("Times-Roman", 10, 150), Setting("DejaVuSerif", 10, 200)]


def tools_missing() -> list[str]:
    missing = [tool for tool in ("pdftoppm", "tesseract") if shutil.which(tool) is None]
    try:
        import reportlab  # noqa: F401
    except ImportError:
        missing.append("reportlab")
    return missing


def text_to_pages(text: str, setting: Setting) -> list[list[str]]:
    """Wrap paragraphs to the page width and cut them into pages of lines ('' = blank line)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    register_font(setting.font)
    width = PAGE_WIDTH - 2 * MARGIN
    lines: list[str] = []
    for para in [p.strip() for p in text.split("\n\n") if p.strip()]:
        line = ""
        for word in para.split():
            trial = f"{line} {word}".strip()
            if stringWidth(trial, setting.font, setting.size) > width and line:
                lines.append(line)
                line = word
            else:
                line = trial
        lines += [line, ""]
    per_page = int((PAGE_HEIGHT - 2 * MARGIN) / (setting.size * 1.4))
    return [lines[i : i + per_page] for i in range(0, len(lines), per_page)]


def register_font(font: str) -> None:
    if font == "DejaVuSerif":
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        pdfmetrics.registerFont(TTFont("DejaVuSerif", str(DEJAVU_SERIF)))


def pages_to_pdf(pages: list[list[str]], setting: Setting, path: Path) -> None:
    from reportlab.pdfgen import canvas

    register_font(setting.font)
    pdf = canvas.Canvas(str(path), pagesize=(PAGE_WIDTH, PAGE_HEIGHT), invariant=1)
    for lines in pages:
        pdf.setFont(setting.font, setting.size)
        y = PAGE_HEIGHT - MARGIN
        for line in lines:
            pdf.drawString(MARGIN, y, line)
            y -= setting.size * 1.4
        pdf.showPage()
    pdf.save()


def pdf_to_english_ocr(pdf: Path, dpi: int, workdir: Path, psm: int | None = None) -> list[str]:
    """One OCR text per page, read with Tesseract's English model (in page segmentation mode
    `psm`, else Tesseract's default)."""
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), str(workdir / "page")],
                   check=True, capture_output=True)
    texts = []
    for image in sorted(workdir.glob("page*.png")):
        done = subprocess.run(["tesseract", str(image), "stdout", "-l", "eng", *(["--psm", str(psm)] if psm else [])],
                              check=True, capture_output=True, text=True)
        texts.append(done.stdout)
    return texts


def build_corpus(outdir: Path, settings: list[Setting], max_pages: int | None = None,
                 sources: list[Path] = SOURCES) -> None:
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sources)
    for setting in settings:
        pages = text_to_pages(text, setting)[:max_pages]
        target = outdir / setting.name
        target.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as tmp:
            pdf = Path(tmp) / "corpus.pdf"
            pages_to_pdf(pages, setting, pdf)
            ocr = pdf_to_english_ocr(pdf, setting.dpi, Path(tmp))
        for number, (truth, read) in enumerate(zip(pages, ocr), start=1):
            (target / f"page-{number:02d}.truth.txt").write_text("\n".join(truth).strip() + "\n", encoding="utf-8")
            (target / f"page-{number:02d}.ocr.txt").write_text(read, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--pages", type=int, default=None, help="pages per setting (default: all)")
    parser.add_argument("--setting", action="append", type=Setting.parse,
                        help="font:size:dpi, repeatable (default: the large set)")
    parser.add_argument("--source", action="append", type=Path,
                        help="German text to render, repeatable (default: corpus/source_de*.txt; "
                             "corpus/heldout_de.txt was written after the confusion rules, as a check)")
    args = parser.parse_args()
    missing = tools_missing()
    if missing:
        raise SystemExit(f"missing: {', '.join(missing)} (apt-get install poppler-utils tesseract-ocr; pip install reportlab)")
    build_corpus(args.outdir, args.setting or LARGE, args.pages, args.source or SOURCES)


if __name__ == "__main__":
    main()
