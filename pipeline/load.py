"""Load stage: a path -> Source (the raw text exactly as every later offset refers to it).

Text files are decoded as UTF-8, or as Windows-1252/Latin-1 when they are not UTF-8 and the
result is plausible; text that is already mojibake is refused rather than passed on. PDFs with a
text layer are read page by page with pdfplumber, in reading order (pdf_text.py); scans
without one go through Tesseract's German model. Anything else is refused with an InputError.
"""
from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .errors import InputError

BUNDLED_NAME = "modellprojekte-smart-cities-2021.ocr.txt"
OCR_DPI = 300
PAGE_BREAK = "\n\n\n\n\f\n"

# UTF-8 umlauts read as Latin-1 ("fÃ¼r"): the text was damaged before it reached us.
MOJIBAKE = re.compile("Ã[\u0080-\u00bf]|Ã[¤¶¼\u009f]|â€[\u0080-\u00bf\u201c\u201d\u2122]")
CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Source:
    path: str
    sha256: str
    kind: str  # "text" | "pdf" (text layer) | "pdf-ocr" (scan read by Tesseract)
    encoding: str
    text: str
    file_text_equals_raw: bool  # False when raw.txt must be written beside cleaned.txt
    warnings: tuple[str, ...] = ()


def bundled_path() -> Path:
    return Path(str(resources.files("pipeline") / "data" / BUNDLED_NAME))


def load_source(path: Path, shown_path: str | None = None) -> Source:
    """Read `path` into a Source; raise InputError with a one-line reason when it is unusable."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, expected a brochure file (.txt or .pdf)")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from exc
    if not data.strip():
        raise InputError(f"{path}: the file is empty")
    digest = hashlib.sha256(data).hexdigest()
    shown = shown_path or str(path)
    if path.suffix.lower() == ".pdf" and not data.startswith(b"%PDF"):
        raise InputError(f"{path}: not a PDF (the file does not start with %PDF)")
    if data.startswith(b"%PDF"):
        text, kind, warnings = pdf_to_text(path)
        return Source(shown, digest, kind, "pdf", text, False, tuple(warnings))
    text, encoding = decode_text_bytes(data, path)
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    return Source(shown, digest, "text", encoding, normalised, normalised == text and encoding == "utf-8")


def decode_text_bytes(data: bytes, path: Path) -> tuple[str, str]:
    """Bytes -> (text, encoding name). Refuses binary data, UTF-16 and mojibake."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: broken UTF-16 text") from exc
    if b"\x00" in data:
        raise InputError(f"{path}: binary file, expected the brochure's text (.txt) or a PDF")
    try:
        text, encoding = data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        try:
            text, encoding = data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            text, encoding = data.decode("latin-1"), "latin-1"
    if len(CONTROL.findall(text)) > max(3, len(text) // 1000):
        raise InputError(f"{path}: binary file, expected the brochure's text (.txt) or a PDF")
    if MOJIBAKE.search(text):
        raise InputError(
            f"{path}: the text is already garbled (UTF-8 read as Latin-1, e.g. 'Ã¼' for 'ü'); "
            "export it again as UTF-8"
        )
    return text, encoding


def pdf_to_text(path: Path) -> tuple[str, str, list[str]]:
    """A PDF -> (text with pages separated by PAGE_BREAK, source kind, warnings).

    The text layer is read in reading order; a PDF without one (a scan) goes through Tesseract
    with the German model, page by page."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    from .pdf_text import page_to_text

    try:
        with pdfplumber.open(path) as pdf:
            if not pdf.pages:
                raise InputError(f"{path}: the PDF has no pages")
            pages = [page_to_text(page) for page in pdf.pages]
            if any(page.strip() for page in pages):
                return PAGE_BREAK.join(pages), "pdf", []
            missing = tesseract_missing()
            if missing:
                raise InputError(f"{path}: the PDF has no text layer (a scan) and {missing}; "
                                 "install it with: apt-get install tesseract-ocr tesseract-ocr-deu")
            pages = []
            for number, page in enumerate(pdf.pages, start=1):
                show_progress(number, len(pdf.pages))
                pages.append(image_to_text(page.to_image(resolution=OCR_DPI).original))
    except InputError:
        raise
    except PDFPasswordIncorrect as exc:
        raise InputError(f"{path}: the PDF is encrypted") from exc
    except Exception as exc:  # pdfminer raises many unrelated types for broken files
        raise InputError(f"{path}: not a readable PDF ({type(exc).__name__})") from exc
    warnings = [f"page {n}: OCR found no text" for n, text in enumerate(pages, start=1) if not text.strip()]
    if len(warnings) == len(pages):
        raise InputError(f"{path}: OCR found no text on any page")
    return PAGE_BREAK.join(pages), "pdf-ocr", warnings


def tesseract_missing() -> str | None:
    """Why the scan route cannot run here, or None."""
    if shutil.which("tesseract") is None:
        return "Tesseract is not installed"
    langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True).stdout.split()
    return None if "deu" in langs else "Tesseract has no German model (tesseract-ocr-deu)"


def image_to_text(image) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        png = Path(tmp) / "page.png"
        image.save(png)
        done = subprocess.run(["tesseract", str(png), "stdout", "-l", "deu"], capture_output=True, text=True)
    if done.returncode != 0:
        raise InputError(f"Tesseract failed: {done.stderr.strip().splitlines()[-1] if done.stderr.strip() else done.returncode}")
    return done.stdout


def show_progress(number: int, total: int) -> None:
    if sys.stderr.isatty():
        done = int(30 * number / total)
        print(f"\rOCR [{'#' * done}{'.' * (30 - done)}] page {number}/{total}", end="" if number < total else "\n",
              file=sys.stderr, flush=True)
