"""Two columns read across by Tesseract itself: does `pipeline.records.columns` put them in order again?

    python -m benchmarks.columns_ocr N [--first SEED] [--keep DIR]

benchmarks/merged_columns.py glues the truth's lines; here each seed's page is printed and read
the way the 2021 brochure was: German paragraphs (the layout family's sentences) set in two
columns of one width with reportlab, some paragraphs a bulleted list, a blank line between
paragraphs (so the columns' paragraph breaks fall on different rows), rendered at 300 dpi and
read by Tesseract with the English model as one block (`--psm 6`), which reads each row across
both columns, and repaired (clean_text) as the pipeline repairs it. Printed, over all pages: the WER of that text in its line order, after
`paragraphs_in_column_order`, and of Tesseract reading the same page with its own column
detection (`--psm 3`: what OCR noise alone costs), and how many pages' rebuilt order was
marked sure and how many of those are worse than Tesseract's own reading by more than 0.02.
Needs reportlab, pdftoppm and tesseract (eng).
"""
from __future__ import annotations

import argparse
import random
import statistics
import tempfile
from pathlib import Path

from pipeline.repair.clean import clean_text
from pipeline.records.columns import join_column_lines, paragraphs_in_column_order
from pipeline.corrections import default_corrections_dir, load_corrections
from pipeline.evaluate import text_to_words, word_error_rate
from pipeline.records.body import visual_lines
from pipeline.records.segment import text_to_lines
from pipeline.language.lexicon import Lexicon

from .layout_family import corpus_sentences, wrap
from .ocr_corpus import pdf_to_english_ocr

FONTS = [("Helvetica", 9.5), ("Times-Roman", 10.5), ("Helvetica", 10.0), ("Times-Roman", 9.5)]
BULLET_SHARE = 0.3  # of paragraphs set as a bulleted list
BULLET = "•"
DPI = 300
PAGE = (595, 842)


def page_text(seed: int, sentences: list[str]) -> dict:
    """-> {'paragraphs': the text's paragraphs, each a list of lines as set, 'font', 'size',
    'width', 'gap', 'lead', 'context': a paragraph set in one column, for the usual line}."""
    rng = random.Random(seed)
    font, size = rng.choice(FONTS)
    width = rng.uniform(200, 250)
    paragraphs = []
    for _ in range(rng.randint(3, 5)):
        chosen = rng.sample(sentences, rng.randint(2, 4))
        if rng.random() < BULLET_SHARE:  # a list: each item its own line(s), a bullet before the first
            lines = []
            for item in chosen:
                wrapped = wrap(item, font, size, width - 10, rng, 0.0)
                lines += [f"{BULLET} {wrapped[0]}"] + [f"  {l}" for l in wrapped[1:]]
            paragraphs.append(lines)
        else:
            paragraphs.append(wrap(" ".join(chosen), font, size, width, rng, rng.choice([0.5, 0.9])))
    context = wrap(" ".join(rng.sample(sentences, 3)), font, size, width, rng, 0.5)
    return {"paragraphs": paragraphs, "font": font, "size": size, "width": width,
            "gap": rng.uniform(14, 28), "lead": size * rng.uniform(1.2, 1.4), "context": context}


def draw_page(page: dict, path: Path) -> None:
    """The paragraphs in two columns, a blank line between paragraphs, the left column filled
    first (its height: half the rows, rounded up)."""
    from reportlab.pdfgen import canvas

    rows: list[str | None] = []
    for paragraph in page["paragraphs"]:
        rows += paragraph + [None]
    rows = rows[:-1]
    half = (len(rows) + 1) // 2
    pdf = canvas.Canvas(str(path), pagesize=PAGE, invariant=1)
    pdf.setFont(page["font"], page["size"])
    for column, x in ((rows[:half], 50), (rows[half:], 50 + page["width"] + page["gap"])):
        y = 780
        for row in column:
            if row is not None:
                pdf.drawString(x, y, row)
            y -= page["lead"]
    pdf.showPage()
    pdf.save()


def cleaned_paragraphs(cleaned) -> list[list[str]]:
    """The repaired text's paragraphs, line by line as the OCR had its lines (the pipeline's
    extract.visual_lines: a line-end hyphen the cleaner joined is cut again)."""
    paragraphs, current = [], []
    for line in text_to_lines(cleaned.text) + [None]:
        if line is None or line.blank:
            if current:
                paragraphs.append(visual_lines(cleaned, current))
            current = []
        else:
            current.append(line)
    return [p for p in paragraphs if p]


def truth_of(page: dict) -> str:
    return " ".join(join_column_lines([l.replace(BULLET, "").strip() for l in p]) for p in page["paragraphs"])


def words_without_bullets(text: str) -> list[str]:
    return [w for w in text_to_words(text) if w not in ("•", "e", "*", "...", "«", "¢")]  # a bullet as the OCR read it


def run(seeds: range, keep: Path | None) -> None:
    corrections = load_corrections(default_corrections_dir())
    lexicon = Lexicon(corrections.lexicon.words)
    sentences = corpus_sentences()
    rows = []
    for seed in seeds:
        page = page_text(seed, sentences)
        with tempfile.TemporaryDirectory() as tmp:
            folder = keep / f"seed-{seed}" if keep else Path(tmp)
            folder.mkdir(parents=True, exist_ok=True)
            draw_page(page, folder / "page.pdf")
            # repaired as the pipeline repairs an OCR text before it reads the columns
            across, own = (clean_text(pdf_to_english_ocr(folder / "page.pdf", DPI, folder, psm=psm)[0], lexicon,
                                      corrections.confusions) for psm in (6, 3))
            if keep:
                (folder / "across.txt").write_text(across.raw, encoding="utf-8")
                (folder / "truth.txt").write_text(truth_of(page), encoding="utf-8")
        truth = words_without_bullets(truth_of(page))
        paragraphs = cleaned_paragraphs(across)
        usual = statistics.median(len(l) for l in page["context"])
        # a paragraph of the record set in one column (as on another page): it shows the width
        texts, notes = paragraphs_in_column_order([page["context"]] + paragraphs, usual, lexicon)
        texts = texts[1:]
        line_order = word_error_rate(truth, words_without_bullets(" ".join(join_column_lines(p) for p in paragraphs)))
        rebuilt = word_error_rate(truth, words_without_bullets(" ".join(texts)))
        own_wer = word_error_rate(truth, words_without_bullets(" ".join(join_column_lines(p) for p in cleaned_paragraphs(own))))
        sure = bool(notes) and all(ok for _, ok in notes)
        rows.append((seed, line_order, rebuilt, own_wer, sure, bool(notes)))
        print(f"seed {seed}: line order {line_order:.3f}  rebuilt {rebuilt:.3f}  Tesseract's columns {own_wer:.3f}  "
              f"{'sure' if sure else 'flagged' if notes else 'not seen as read across'}", flush=True)
    n = len(rows)
    sure_rows = [r for r in rows if r[4]]
    print(f"pages {n}: WER line order {sum(r[1] for r in rows) / n:.4f}, rebuilt {sum(r[2] for r in rows) / n:.4f}, "
          f"Tesseract's own columns {sum(r[3] for r in rows) / n:.4f}; runs found {sum(r[5] for r in rows)}, "
          f"marked sure {len(sure_rows)}, of those worse than Tesseract's columns by > 0.02: "
          f"{sum(r[2] > r[3] + 0.02 for r in sure_rows)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--first", type=int, default=1)
    parser.add_argument("--keep", type=Path, default=None, help="keep each page's PDF, image and OCR here")
    args = parser.parse_args()
    run(range(args.first, args.first + args.n), args.keep)


if __name__ == "__main__":
    main()
