"""What the read stage takes at most, so that no input can hang the tool or take the machine's
memory. A brochure is some hundred pages: its OCR text is a few hundred KB, its lines a few
hundred characters, its pages A4. Each limit is far above that and far below what hurts; an input
past one ends with a one-line reason (exit 2), a page too large to render at full resolution is
read at a lower one, with a warning.
"""
from __future__ import annotations

import io
import math
import zlib
from contextlib import contextmanager

from pipeline.errors import InputError

MAX_TEXT_BYTES = 10_000_000  # a text input (the 2021 OCR text is 88 KB)
MAX_PDF_BYTES = 500_000_000  # a PDF file (a scanned brochure is tens of MB)
MAX_PAGES = 2_000
MAX_LINE_CHARS = 20_000  # a line of text (a paragraph written as one line is a few thousand)
MAX_STREAM_BYTES = 128_000_000  # a PDF stream once inflated (a page's content is KBs)
MAX_RENDER_PIXELS = 60_000_000  # a page rendered for OCR (A4 at 300 dpi is 8.7 million)


def check_size(size: int, limit: int, path, what: str) -> None:
    if size > limit:
        raise InputError(f"{path}: {what} is {size:,} bytes; at most {limit:,} are read (is this a brochure?)")


def check_lines(text: str, path) -> None:
    """Refuse a text with a line far longer than any brochure's, before any stage reads it."""
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE_CHARS:
            raise InputError(f"{path}: line {number} has {len(line):,} characters; at most {MAX_LINE_CHARS:,} are "
                             "read (a brochure's lines are far shorter: is this a brochure's text?)")


def render_dpi(width_pt: float, height_pt: float, dpi: int) -> int:
    """The resolution a page of this size is rendered at: `dpi`, or less where the picture would
    pass MAX_RENDER_PIXELS."""
    pixels = (width_pt / 72 * dpi) * (height_pt / 72 * dpi)
    if pixels <= MAX_RENDER_PIXELS:
        return dpi
    return max(1, math.floor(dpi * math.sqrt(MAX_RENDER_PIXELS / pixels)))


class BoundedZlib:
    """Stands in for the zlib module inside pdfminer, whose streams are inflated whole: a stream
    that inflates past MAX_STREAM_BYTES (a decompression bomb) is refused, not inflated."""

    error = zlib.error
    decompressobj = staticmethod(zlib.decompressobj)

    def __init__(self, path) -> None:
        self.path = path

    def decompress(self, data: bytes, *args) -> bytes:
        inflater = zlib.decompressobj()
        out = inflater.decompress(data, MAX_STREAM_BYTES + 1)
        if len(out) > MAX_STREAM_BYTES:
            raise InputError(f"{self.path}: a compressed stream of the PDF inflates past {MAX_STREAM_BYTES:,} "
                             "bytes (a decompression bomb?)")
        # a cut stream gives what it holds: pdfminer's own way to read one is quadratic in its length
        return out + inflater.flush()


def bounded_lzw(path):
    """pdfminer's LZW decoding, stopped with a refusal once its output passes MAX_STREAM_BYTES."""
    from pdfminer.lzw import LZWDecoder

    def lzwdecode(data: bytes) -> bytes:
        out, size = [], 0
        for chunk in LZWDecoder(io.BytesIO(data)).run():
            out.append(chunk)
            size += len(chunk)
            if size > MAX_STREAM_BYTES:
                raise InputError(f"{path}: a compressed stream of the PDF inflates past {MAX_STREAM_BYTES:,} "
                                 "bytes (a decompression bomb?)")
        return b"".join(out)

    return lzwdecode


@contextmanager
def streams_bounded(path):
    """While reading the PDF at `path`, pdfminer inflates no stream (Flate or LZW) past
    MAX_STREAM_BYTES."""
    import pdfminer.pdftypes

    kept = pdfminer.pdftypes.zlib, pdfminer.pdftypes.lzwdecode
    pdfminer.pdftypes.zlib, pdfminer.pdftypes.lzwdecode = BoundedZlib(path), bounded_lzw(path)
    try:
        yield
    finally:
        pdfminer.pdftypes.zlib, pdfminer.pdftypes.lzwdecode = kept


def count_pages(path) -> int:
    """How many pages a PDF has, from its page tree alone (pypdfium2: no page is read), so that a
    file of very many pages is refused before they are loaded."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()
