"""Load stage: a path -> Source (the raw text exactly as every later offset refers to it).

Text files are decoded as UTF-8, or as Windows-1252/Latin-1 when they are not UTF-8 and the
result is plausible; text that is already mojibake is refused rather than passed on. PDFs with a
text layer are read page by page with pdfplumber, in reading order (pdf_text.py); scans
without one go through Tesseract's German model. Anything else is refused with an InputError.
"""
from __future__ import annotations

import gc
import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from pipeline.cache import key_of, read_entry, write_entry
from pipeline.errors import InputError
from pipeline.read.limits import (MAX_PAGES, MAX_PDF_BYTES, MAX_TEXT_BYTES, check_lines, check_size, count_pages,
                                  render_dpi, streams_bounded)
from pipeline.read.page_furniture import PAGE_BREAK, strip_page_furniture
from pipeline.read.pdf_text import PageText, Word, page_to_text, pages_at_brochure_size, tsv_to_words, words_to_text
from pipeline.progress import show_progress

BUNDLED_NAME = "modellprojekte-smart-cities-2021.ocr.txt"
OCR_DPI = 300
MIN_PAGES_PER_WORKER = 8  # below this, starting another process costs more than it saves

# UTF-8 umlauts read as Latin-1 ("fÃ¼r"): the text was damaged before it reached us.
MOJIBAKE = re.compile("Ã[\u0080-\u00bf]|Ã[¤¶¼\u009f]|â€[\u0080-\u00bf\u201c\u201d\u2122]")
SINGLE_BYTE_ENCODINGS = ("cp1252", "mac_roman", "cp850", "iso8859_15", "latin_1")  # a tie goes to the first
NOT_GERMAN_LETTER = re.compile(r"[^\x00-\x7fäöüÄÖÜßéèàçñ]")
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
    page_numbers: tuple[int | None, ...] = ()  # PDF routes: printed number of each page (text has \f between pages)
    removed_lines: tuple[str, ...] = ()  # PDF routes: running headers/footers taken out of the text
    styled_lines: frozenset[int] = frozenset()  # text layers: offsets of lines set in another size than the text
    larger_lines: frozenset[int] = frozenset()  # those of them set larger than the text
    page_words: tuple[tuple[Word, ...], ...] = ()  # PDF routes: each page's words with their boxes (points)
    file: str = ""  # the file read (for the pictures of review.html)
    unsure: tuple[tuple[int, str], ...] = ()  # scans: (offset of a line, a word Tesseract was unsure of there)


def bundled_path() -> Path:
    return Path(str(resources.files("pipeline") / "data" / BUNDLED_NAME))


def offsets_in_text(pages: list[str], per_page: list[list[int]]) -> frozenset[int]:
    """Offsets within each page's text -> offsets within the pages joined by page breaks."""
    offsets, at = set(), 0
    for text, page_offsets in zip(pages, per_page):
        offsets.update(at + o for o in page_offsets)
        at += len(text) + len(PAGE_BREAK)
    return frozenset(offsets)


def pairs_in_text(pages: list[str], per_page: list[list[tuple[int, str]]]) -> tuple[tuple[int, str], ...]:
    """(offset within a page's text, word) -> (offset within the pages joined by page breaks, word)."""
    pairs, at = [], 0
    for text, page_pairs in zip(pages, per_page):
        pairs.extend((at + o, word) for o, word in page_pairs)
        at += len(text) + len(PAGE_BREAK)
    return tuple(pairs)


def load_source(path: Path, shown_path: str | None = None, workers: int = 1) -> Source:
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
    is_pdf = data.startswith(b"%PDF")
    check_size(len(data), MAX_PDF_BYTES if is_pdf else MAX_TEXT_BYTES, path, "the PDF" if is_pdf else "the text")
    digest = hashlib.sha256(data).hexdigest()
    shown = shown_path or str(path)
    if path.suffix.lower() == ".pdf" and not is_pdf:
        raise InputError(f"{path}: not a PDF (the file does not start with %PDF)")
    if is_pdf:
        pages, kind, warnings = pdf_to_pages(path, workers)
        paged = strip_page_furniture(pages)
        joined = PAGE_BREAK.join(paged.pages)
        check_lines(joined, path)
        return Source(shown, digest, kind, "pdf", joined, False, tuple(warnings),
                      tuple(paged.printed), tuple(paged.removed), offsets_in_text(paged.pages, paged.styled),
                      offsets_in_text(paged.pages, paged.larger), tuple(page.words for page in pages), str(path),
                      pairs_in_text(paged.pages, paged.unsure))
    text, encoding, warnings = decode_text_bytes(data, path)
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    check_lines(normalised, path)
    return Source(shown, digest, "text", encoding, normalised, normalised == text and encoding == "utf-8",
                  tuple(warnings))


def decode_text_bytes(data: bytes, path: Path) -> tuple[str, str, list[str]]:
    """Bytes -> (text, encoding name, warnings). Refuses binary data, broken UTF-16 and mojibake."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16", []
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: broken UTF-16 text") from exc
    if b"\x00" in data:
        raise InputError(f"{path}: binary file, expected the brochure's text (.txt) or a PDF")
    warnings: list[str] = []
    try:
        text, encoding = data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        text, encoding, warnings = decode_single_byte(data, path)
    if len(CONTROL.findall(text)) > max(3, len(text) // 1000):
        raise InputError(f"{path}: binary file, expected the brochure's text (.txt) or a PDF")
    if MOJIBAKE.search(text):
        raise InputError(
            f"{path}: the text is already garbled (UTF-8 read as Latin-1, e.g. 'Ã¼' for 'ü'); "
            "export it again as UTF-8"
        )
    return text, encoding, warnings


def decode_single_byte(data: bytes, path: Path) -> tuple[str, str, list[str]]:
    """Bytes that are no UTF-8 -> (text, encoding, warnings). charset-normalizer proposes the
    encodings; German decides between them, since on mostly-ASCII text the byte statistics
    cannot (Mac Roman, cp850 and cp1252 differ only in the umlauts): the decoding with the most
    known German words that hold a non-ASCII letter wins, less its words no German knows."""
    import charset_normalizer

    proposed = [m.encoding for m in charset_normalizer.from_bytes(data, cp_isolation=list(SINGLE_BYTE_ENCODINGS))]
    scores = {}
    for encoding in dict.fromkeys([*proposed, *SINGLE_BYTE_ENCODINGS]):
        try:
            scores[encoding] = german_letter_score(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    best = max(scores, key=lambda e: (scores[e], -SINGLE_BYTE_ENCODINGS.index(e) if e in SINGLE_BYTE_ENCODINGS else -99))
    text = data.decode(best)
    rivals = [scores[e] for e in scores if e != best and data.decode(e) != text]
    if scores[best] <= 0:
        return text, best, [f"{path.name}: not UTF-8, and no single-byte encoding gives German umlauts; read as {best}: "
                            "check the umlauts in the output, or convert the file to UTF-8"]
    if rivals and max(rivals) >= scores[best] * 0.8:
        return text, best, [f"{path.name}: not UTF-8; read as {best}, but another encoding reads almost as well: "
                            "check the umlauts in the output, or convert the file to UTF-8"]
    return text, best, []


def german_letter_score(text: str) -> int:
    """Words with a letter outside ASCII: + each the word list knows, - each with a letter German
    does not use ('fÃ¼r', 'Gro¤stadt')."""
    from pipeline.language.lexicon import wordfreq_german

    known = wordfreq_german()
    score = 0
    for word in set(re.findall(r"\w+", text)):
        if len(word) < 3 or word.isascii():
            continue
        if NOT_GERMAN_LETTER.search(word):
            score -= 1
        elif word.casefold() in known:
            score += 1
    return score


def pdf_to_pages(path: Path, workers: int = 1) -> tuple[list[PageText], str, list[str]]:
    """A PDF -> (the text of each page, source kind, warnings).

    The text layer is read in reading order, by `workers` processes for a long PDF; a PDF
    without one (a scan) goes through Tesseract with the German model, page by page."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    count = pages_in_tree(path)
    if count > MAX_PAGES:  # refused before any page is loaded
        raise InputError(f"{path}: the PDF has {count:,} pages; at most {MAX_PAGES:,} are read")
    try:
        with streams_bounded(path), pdfplumber.open(path) as pdf:
            count = len(pdf.pages)
            if not count:
                raise InputError(f"{path}: the PDF has no pages")
            if workers > 1 and count >= MIN_PAGES_PER_WORKER * 2:
                pages = read_pages_in_parallel(path, count, workers)
            else:
                pages = read_pages(pdf, range(count))
            if not all(page.empty for page in pages):
                return pages_at_brochure_size(pages), "pdf", []
            missing = tesseract_missing()
            if missing:
                raise InputError(f"{path}: the PDF has no text layer (a scan) and {missing}; "
                                 "install it with: apt-get install tesseract-ocr tesseract-ocr-deu")
            pages, warnings = ocr_pages(pdf, workers)
    except InputError:
        raise
    except PDFPasswordIncorrect as exc:
        raise InputError(f"{path}: the PDF is encrypted (a password is needed to read it)") from exc
    except Exception as exc:
        # pdfplumber wraps what pdfminer raises, our own refusals (limits.py) among them
        refusal = next((e for e in wrapped_in(exc) if isinstance(e, InputError)), None)
        if refusal is not None:
            raise refusal from None
        if encrypted(exc):
            raise InputError(f"{path}: the PDF is encrypted (a password is needed to read it)") from exc
        if not raised_by_pdf_library(exc):
            raise  # a bug of ours, not the file's fault: reported as an internal error
        raise InputError(f"{path}: not a readable PDF ({type(exc).__name__})") from exc
    empty = [f"page {n}: OCR found no text" for n, page in enumerate(pages, start=1) if page.empty]
    if len(empty) == len(pages):
        raise InputError(f"{path}: OCR found no text on any page")
    return pages, "pdf-ocr", warnings + empty


def pages_in_tree(path: Path) -> int:
    """The PDF's page count from its page tree (0 where pdfium cannot open it: pdfplumber's
    reading then says why)."""
    from pypdfium2 import PdfiumError

    try:
        return count_pages(path)
    except PdfiumError:
        return 0


def wrapped_in(exc: BaseException) -> list:
    """`exc` and what it wraps: its cause, its context and exceptions among its arguments."""
    return [exc, exc.__cause__, exc.__context__, *(exc.args if exc.args else ())]


def encrypted(exc: BaseException) -> bool:
    """Whether pdfminer's password or encryption error is behind `exc`."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    return any(isinstance(e, (PDFPasswordIncorrect, PDFEncryptionError)) for e in wrapped_in(exc))


def raised_by_pdf_library(exc: BaseException) -> bool:
    """pdfminer raises many unrelated types for broken files (PSEOF, KeyError, TypeError …): an
    exception raised inside the PDF libraries is the file's fault; one raised anywhere else
    (this package) is a bug and must not be reported as a broken file."""
    import pdfminer
    import pdfplumber

    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    where = Path(tb.tb_frame.f_code.co_filename).resolve() if tb is not None else Path()
    return any(where.is_relative_to(Path(m.__file__).resolve().parent) for m in (pdfminer, pdfplumber))


def read_pages(pdf, numbers: range) -> list[PageText]:
    texts = []
    for n in numbers:
        page = pdf.pages[n]
        with cycle_collector_paused():
            texts.append(page_to_text(page))
        page.close()  # pdfplumber caches every page's objects; long PDFs would fill memory
    return texts


@contextmanager
def cycle_collector_paused():
    """pdfminer makes tens of thousands of small objects per page, freed when the page is closed:
    the cyclic garbage collector's passes over them cost about 4 % of reading a 40-page text
    layer (measured: 2.12-2.13 s paused, 2.17-2.25 s not)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_page_range(path: Path, first: int, stop: int) -> list[PageText]:
    import pdfplumber

    with streams_bounded(path), pdfplumber.open(path) as pdf:
        return read_pages(pdf, range(first, stop))


def read_pages_in_parallel(path: Path, count: int, workers: int) -> list[PageText]:
    """The text layer read by `workers` processes, each a consecutive run of pages."""
    from concurrent.futures import ProcessPoolExecutor

    workers = min(workers, count // MIN_PAGES_PER_WORKER)
    bounds = [count * i // workers for i in range(workers + 1)]
    with ProcessPoolExecutor(workers) as pool:
        parts = pool.map(read_page_range, [path] * workers, bounds[:-1], bounds[1:])
        return [text for part in parts for text in part]


def tesseract_missing() -> str | None:
    """Why the scan route cannot run here, or None."""
    if shutil.which("tesseract") is None:
        return "Tesseract is not installed"
    langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True).stdout.split()
    return None if "deu" in langs else "Tesseract has no German model (tesseract-ocr-deu)"


def ocr_pages(pdf, workers: int) -> tuple[list[PageText], list[str]]:
    """Every page rendered (here, one after the other: the renderer is not thread-safe) and
    read by Tesseract, up to `workers` pages at a time. -> the pages' text, and a warning for each
    page so large that it was rendered at less than OCR_DPI (limits.MAX_RENDER_PIXELS)."""
    from concurrent.futures import ThreadPoolExecutor

    count = len(pdf.pages)
    warnings = []
    with tempfile.TemporaryDirectory() as tmp, ThreadPoolExecutor(max(1, workers)) as pool:
        pending = []
        for number, page in enumerate(pdf.pages, start=1):
            png = Path(tmp) / f"page-{number}.png"
            dpi = render_dpi(float(page.width), float(page.height), OCR_DPI)
            if dpi < OCR_DPI:
                warnings.append(f"page {number} ({float(page.width):.0f} x {float(page.height):.0f} pt) is too large "
                                f"to read at {OCR_DPI} dpi: read at {dpi} dpi")
            page.to_image(resolution=dpi).original.save(png, compress_level=1)
            pending.append(pool.submit(image_to_text, png, float(page.width), float(page.height), dpi))
            page.close()
        texts = []
        for number, future in enumerate(pending, start=1):
            texts.append(future.result())
            show_progress("OCR", number, count, "pages")
    return texts, warnings


def image_to_text(png: Path, page_width: float, page_height: float, dpi: int = OCR_DPI) -> PageText:
    """A page image (rendered at `dpi`) -> its text in reading order: Tesseract (German) finds the
    words, and the same column logic as for a text layer orders them (Tesseract alone reads close
    columns across)."""
    key = key_of(png.read_bytes(), tesseract_version(), "deu", "tsv")
    cached = read_entry("tesseract", key)
    if cached is not None:
        return words_to_text(tsv_to_words(cached.decode("utf-8"), 72 / dpi), page_width, page_height)
    # One thread per Tesseract: its own threading costs more than it gains on a page.
    done = subprocess.run(["tesseract", str(png), "stdout", "-l", "deu", "tsv"], capture_output=True, text=True,
                          env={**os.environ, "OMP_THREAD_LIMIT": "1"})
    if done.returncode != 0:
        raise InputError(f"Tesseract failed: {done.stderr.strip().splitlines()[-1] if done.stderr.strip() else done.returncode}")
    write_entry("tesseract", key, done.stdout.encode("utf-8"))
    return words_to_text(tsv_to_words(done.stdout, 72 / dpi), page_width, page_height)


@lru_cache(maxsize=1)
def tesseract_version() -> str:
    """Part of the OCR cache key: another Tesseract (or model) may read a page otherwise."""
    version = subprocess.run(["tesseract", "--version"], capture_output=True, text=True)
    langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True)
    folder = re.search(r'"(.+?)"', langs.stdout + langs.stderr)
    model = Path(folder.group(1)) / "deu.traineddata" if folder else None
    stamp = f"{model.stat().st_size}:{model.stat().st_mtime_ns}" if model and model.exists() else "?"
    return f"{(version.stdout + version.stderr).strip()}\ndeu {stamp}"
