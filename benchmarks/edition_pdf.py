"""Synthetic brochure editions: a truth file -> the brochure as the programme prints it.

    python -m benchmarks.edition_pdf TRUTH.json OUTDIR
    python -m benchmarks.edition_pdf TRUTH.json --fixture   # refresh the case's ocr-eng.txt

Writes OUTDIR/brochure.pdf (text layer, in the layout of the real brochures: cover, introduction,
criteria, a heading page per section, one page per project with a full-width header block and two
columns of text, running header and page numbers, an overview), OUTDIR/scan.pdf (the same pages
as images only) and OUTDIR/ocr-eng.txt (those images read by Tesseract's *English* model, the
damage the tool has to repair). The truth file says where a title or motto is displaced from its
label ("displaced": "title" | "motto"). Needs reportlab; the scan and the OCR text also need
pdftoppm and tesseract.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .ocr_corpus import pdf_to_english_ocr

WIDTH, HEIGHT = 595, 842
LEFT, GUTTER, COLUMN = 50, 310, 235  # left margin, x of the right column, column width
TOP, BOTTOM = 770, 60
FONT_FILES = {
    "DejaVuSerif": "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "DejaVuSerif-Bold": "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf",
}
BOLD = {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold", "DejaVuSerif": "DejaVuSerif-Bold"}


@dataclass
class Page:
    strings: list[tuple[float, float, str, str, float]] = field(default_factory=list)  # x, y, text, font, size
    running: bool = True  # running header and page number (not on the cover)


@dataclass
class Rendered:
    pages: list[Page]
    project_pages: dict[str, int]  # project name -> printed page number


def register_fonts(font: str) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name in (font, BOLD[font]):
        if name in FONT_FILES and name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, FONT_FILES[name]))


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if line and stringWidth(trial, font, size) > width:
            lines.append(line)
            line = word
        else:
            line = trial
    return lines + ([line] if line else [])


def truth_to_pages(truth: dict) -> Rendered:
    font, size = truth["layout"]["font"], truth["layout"]["size"]
    bold, lead = BOLD[font], size * 1.35
    register_fonts(font)
    edition = truth["edition"]
    pages: list[Page] = []

    cover = Page(running=False)
    cover.strings += [(LEFT, 560, edition["title"], bold, 26),
                      (LEFT, 520, "Eine Übersicht der geförderten Projekte", font, 13)]
    pages.append(cover)

    intro = Page()
    y = TOP
    intro.strings.append((LEFT, y, "1. Einleitung", bold, 16))
    y -= 36
    paragraphs = truth["intro"] + [f"Leitthema: „{edition['leitthema']}“"]
    for para in paragraphs:
        for line in wrap(para, font, size, WIDTH - 2 * LEFT):
            intro.strings.append((LEFT, y, line, font, size))
            y -= lead
        y -= lead
    pages.append(intro)

    for number, group in enumerate(truth["criteria"]):
        # A page per group: group name and ids in the left column, the texts in the right one.
        criteria = Page()
        y = TOP
        if number == 0:
            criteria.strings.append((LEFT, y, "2. Bewertungskriterien", bold, 16))
        y -= 40
        criteria.strings.append((LEFT, y, group["group"], bold, size + 1))
        y -= 2 * lead
        for item in group["items"]:
            criteria.strings.append((LEFT, y, item["id"], bold, size))
            for line in wrap(item["text"], font, size, COLUMN):
                criteria.strings.append((GUTTER, y, line, font, size))
                y -= lead
            y -= lead
        pages.append(criteria)

    part = Page()
    part.strings.append((LEFT, 600, f"3. {edition['title']}", bold, 22))
    pages.append(part)

    project_pages: dict[str, int] = {}
    section = None
    for project in truth["projects"]:
        if project["category"] != section:
            section = project["category"]
            heading = Page()
            for n, line in enumerate(wrap(section, bold, 28, WIDTH - 2 * LEFT)):
                heading.strings.append((LEFT, 600 - 36 * n, line, bold, 28))
            pages.append(heading)
        pages.append(project_page(project, font, size))
        project_pages[project["name"]] = len(pages)

    overview = Page()
    y = TOP
    overview.strings.append((LEFT, y, f"4. Übersicht {edition['title']}", bold, 16))
    y -= 36
    members = truth.get("overview_members", {})
    section = None
    for project in truth["projects"]:
        if project["category"] != section:
            section = project["category"]
            y -= lead
            overview.strings.append((LEFT, y, f"{section}:", bold, size))
            y -= 1.5 * lead
        overview.strings.append((LEFT, y, project["name"], font, size))
        y -= lead
        for member in members.get(project["name"], []):
            overview.strings.append((LEFT + 10, y, f"+ {member}", font, size))
            y -= lead
    y -= 2 * lead
    overview.strings.append((LEFT, y, "Mehr Informationen finden Sie unter https://www.example.org", font, size))
    pages.append(overview)
    return Rendered(pages, project_pages)


def project_page(project: dict, font: str, size: float) -> Page:
    """Header block over the full width, then the description in two columns. A displaced
    title or motto leaves its label empty and stands as a bold line under the text."""
    bold, lead = BOLD[font], size * 1.35
    page = Page()
    y = TOP
    page.strings.append((LEFT, y, project["name"], bold, 18))
    y -= 24
    page.strings.append((LEFT, y, f"{project['size_class']} · {', '.join(project['states'])}", font, size))
    y -= 1.8 * lead
    displaced = project.get("displaced")
    for field_name, label in (("title", "Projekttitel"), ("motto", "Motto")):
        value = "" if displaced == field_name else project[field_name]
        page.strings.append((LEFT, y, f"{label}: {value}".strip(), bold, size + 1))
        y -= 1.4 * lead
    y -= lead
    lines: list[str] = []
    for para in project["description"].split("\n\n"):
        lines += wrap(para, font, size, COLUMN) + [""]
    half = (len(lines) + 1) // 2
    column_top = y
    for x, column in ((LEFT, lines[:half]), (GUTTER, lines[half:])):
        y = column_top
        for line in column:
            if line:
                page.strings.append((x, y, line, font, size))
            y -= lead
    if displaced:
        y = column_top - (half + 2) * lead
        page.strings.append((LEFT, y, project[displaced], bold, size + 4))
    return page


def pages_to_pdf(rendered: Rendered, truth: dict, path: Path) -> None:
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=(WIDTH, HEIGHT), invariant=1)
    font = truth["layout"]["font"]
    for number, page in enumerate(rendered.pages, start=1):
        if page.running:
            pdf.setFont(font, 8)
            pdf.drawRightString(WIDTH - LEFT, HEIGHT - 30, truth["edition"]["title"])
            pdf.setFont(font, 9)
            pdf.drawCentredString(WIDTH / 2, 30, str(number))
        for x, y, text, name, size in page.strings:
            pdf.setFont(name, size)
            pdf.drawString(x, y, text)
        pdf.showPage()
    pdf.save()


def pdf_to_scan(pdf: Path, dpi: int, scan: Path) -> None:
    """The PDF's pages as grey images in a PDF with no text layer."""
    from reportlab.pdfgen import canvas

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), f"{tmp}/page"],
                       check=True, capture_output=True)
        out = canvas.Canvas(str(scan), pagesize=(WIDTH, HEIGHT), invariant=1)
        for image in sorted(Path(tmp).glob("page*.png")):
            out.drawImage(str(image), 0, 0, WIDTH, HEIGHT)
            out.showPage()
        out.save()


def render_edition(truth_path: Path, outdir: Path, scan: bool = True, ocr: bool = True) -> Rendered:
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    outdir.mkdir(parents=True, exist_ok=True)
    rendered = truth_to_pages(truth)
    pages_to_pdf(rendered, truth, outdir / "brochure.pdf")
    dpi = truth["layout"]["dpi"]
    if scan:
        pdf_to_scan(outdir / "brochure.pdf", dpi, outdir / "scan.pdf")
    if ocr:
        with tempfile.TemporaryDirectory() as tmp:
            texts = pdf_to_english_ocr(outdir / "brochure.pdf", dpi, Path(tmp))
        (outdir / "ocr-eng.txt").write_text("\n\n\n\n".join(t.replace("\f", "").strip() for t in texts) + "\n",
                                            encoding="utf-8")
    return rendered


def truth_digest(truth_path: Path) -> str:
    return hashlib.sha256(truth_path.read_bytes()).hexdigest()


def write_ocr_fixture(truth_path: Path) -> None:
    """ocr-eng.txt beside the truth file, with the truth's digest so a test sees when it is stale."""
    case = truth_path.parent
    with tempfile.TemporaryDirectory() as tmp:
        render_edition(truth_path, Path(tmp), scan=False)
        (case / "ocr-eng.txt").write_text((Path(tmp) / "ocr-eng.txt").read_text(encoding="utf-8"), encoding="utf-8")
    version = subprocess.run(["tesseract", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    meta = {"truth_sha256": truth_digest(truth_path), "made_with": f"{version} -l eng"}
    (case / "ocr-eng.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("truth", type=Path)
    parser.add_argument("outdir", type=Path, nargs="?")
    parser.add_argument("--fixture", action="store_true", help="write ocr-eng.txt beside the truth file")
    args = parser.parse_args()
    if args.fixture:
        write_ocr_fixture(args.truth)
        print(f"-> {args.truth.parent / 'ocr-eng.txt'}")
    elif args.outdir:
        rendered = render_edition(args.truth, args.outdir)
        print(f"{len(rendered.pages)} pages -> {args.outdir}")
    else:
        parser.error("give OUTDIR or --fixture")


if __name__ == "__main__":
    main()
