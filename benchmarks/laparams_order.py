"""The layout family's text-layer route read with pdfminer's own layout analysis instead of the
project's reading order: text boxes in pdfminer's order (pdfplumber with `laparams={}`), each box
a paragraph, boxes in the top and bottom margins kept apart as the project does.

    python -m benchmarks.laparams_order N [--first SEED] [--keep DIR]

Prints the same figures as `benchmarks.layouts` for the `pdf` route, for comparison with it.
"""
from __future__ import annotations

import sys

import pdfplumber

import pipeline.read.load as load
from pipeline.read.pdf_text import MARGIN_ZONE, PageText

from . import layouts


def read_pages_by_text_boxes(pdf, numbers: range) -> list[PageText]:
    out = []
    with pdfplumber.open(pdf.stream.name, laparams={}) as analysed:
        for n in numbers:
            page = analysed.pages[n]
            margin = float(page.height) * MARGIN_ZONE
            top, bottom, body = [], [], []
            for box in page.objects.get("textboxhorizontal", []):
                lines = [l for l in box["text"].split("\n") if l.strip()]
                if box["bottom"] < margin:
                    top += lines
                elif box["top"] > float(page.height) - margin:
                    bottom += lines
                else:
                    body.append("\n".join(lines))
            out.append(PageText(top, "\n\n".join(body) + "\n", bottom))
    return out


def main() -> None:
    load.read_pages = read_pages_by_text_boxes  # where the pdf route reads a page's text
    load.MIN_PAGES_PER_WORKER = sys.maxsize  # in this process: its worker processes would not be patched
    layouts.main()


if __name__ == "__main__":
    main()
