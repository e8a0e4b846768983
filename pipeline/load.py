"""Load stage: a path -> Source (the raw text exactly as every later offset refers to it).

Text files are decoded as UTF-8, or as Windows-1252/Latin-1 when they are not UTF-8 and the
result is plausible; text that is already mojibake is refused rather than passed on. PDFs with a
text layer are read page by page with pdfplumber, in reading order (pdf_text.py). Anything else is refused with an InputError.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .errors import InputError

BUNDLED_NAME = "modellprojekte-smart-cities-2021.ocr.txt"
PAGE_BREAK = "\n\n\n\n\f\n"

# UTF-8 umlauts read as Latin-1 ("fÃ¼r"): the text was damaged before it reached us.
MOJIBAKE = re.compile("Ã[\u0080-\u00bf]|Ã[¤¶¼\u009f]|â€[\u0080-\u00bf\u201c\u201d\u2122]")
CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Source:
    path: str
    sha256: str
    kind: str  # "text" | "pdf"
    encoding: str
    text: str
    file_text_equals_raw: bool  # False when raw.txt must be written beside cleaned.txt


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
    if data.startswith(b"%PDF"):
        text = pdf_bytes_to_text(path)
        return Source(shown, digest, "pdf", "pdf", text, False)
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


def pdf_bytes_to_text(path: Path) -> str:
    """A PDF's text layer, pages separated by PAGE_BREAK. Image-only PDFs are refused."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    from .pdf_text import page_to_text

    try:
        with pdfplumber.open(path) as pdf:
            if not pdf.pages:
                raise InputError(f"{path}: the PDF has no pages")
            pages = [page_to_text(page) for page in pdf.pages]
    except InputError:
        raise
    except PDFPasswordIncorrect as exc:
        raise InputError(f"{path}: the PDF is encrypted") from exc
    except Exception as exc:  # pdfminer raises many unrelated types for broken files
        raise InputError(f"{path}: not a readable PDF ({type(exc).__name__})") from exc
    if not any(page.strip() for page in pages):
        raise InputError(
            f"{path}: the PDF has no text layer (a scan); OCR of scans is not supported yet, "
            "run it through Tesseract with the German model first "
            "(apt-get install tesseract-ocr tesseract-ocr-deu)"
        )
    return PAGE_BREAK.join(pages)
