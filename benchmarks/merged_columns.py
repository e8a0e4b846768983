"""Two columns read across, with the truth known: does `pipeline.records.columns` split them back?

    python -m benchmarks.merged_columns N [--first SEED] [-v]

Each seed lays German paragraphs (the benchmark corpus) into two columns of one width with
reportlab's font metrics and the layout family's hyphenation, and glues each left line to the
right line beside it, the way Tesseract reads such a page. Mostly the left column is the longer one,
so its last lines stand under the run; on RIGHT_LONGER of the pages the right one is, and its last
lines stand under the run indented (Tesseract keeps the empty left column as a space). Printed: the share of glued lines split at the right word, and
the WER of the text read in line order (before) and in the rebuilt column order (after), and how
often a line whose split won by a margin was right (what ColumnSettings.sure_margin rests on).
"""
from __future__ import annotations

import argparse
import random
import statistics

from pipeline.records.columns import column_width_around, join_column_lines, run_in_column_order, split_run
from pipeline.corrections import default_corrections_dir, load_corrections
from pipeline.evaluate import text_to_words, word_error_rate
from pipeline.language.lexicon import Lexicon

from .layout_family import corpus_sentences, wrap

RIGHT_LONGER = 0.3  # share of pages whose right column is the longer one
FONTS = [("Helvetica", 9.5), ("Times-Roman", 10.5), ("Helvetica", 10.0), ("Times-Roman", 9.5)]


def merged_page(seed: int, sentences: list[str]) -> dict:
    """-> {'lines': the page as read across, 'truth': the text, 'left', 'right': the columns}."""
    rng = random.Random(seed)
    font, size = rng.choice(FONTS)
    width = rng.uniform(190, 260)
    hyphenate = rng.choice([0.5, 0.9])
    text = " ".join(rng.sample(sentences, rng.randint(6, 12)))
    lines = wrap(text, font, size, width, rng, hyphenate)
    if rng.random() < RIGHT_LONGER:  # the right column goes on under the run, indented by the OCR
        rows = len(lines) // 2 - rng.randint(0, 2)
        left, right = lines[:rows], lines[rows:]
        glued = [f"{l} {r}" for l, r in zip(left, right)]
        below = [" " + r for r in right[len(left):]]
        right = right[: len(left)]
    else:  # the left column is full, the right shorter
        rows = (len(lines) + 1) // 2 + rng.randint(0, 3)
        left, right = lines[:rows], lines[rows:]
        glued = [f"{l} {r}" for l, r in zip(left, right)]
        below = left[len(right):]
        left = left[: len(right)]
    # a paragraph above, on a page whose columns the OCR kept apart: it shows the column's width
    context_text = " ".join(rng.sample(sentences, 3))
    context = wrap(context_text, font, size, width, rng, hyphenate)
    return {"lines": glued, "below": below, "truth": text, "left": left, "right": right,
            "context": context, "context_text": context_text}


def run(seeds: range, verbose: bool) -> None:
    lexicon = Lexicon(load_corrections(default_corrections_dir()).lexicon.words)
    sentences = corpus_sentences()
    right_lines = total_lines = unsure_runs = 0
    before, after = [], []
    by_margin: list[tuple[float, bool]] = []
    for seed in seeds:
        page = merged_page(seed, sentences)
        truth = text_to_words(page["truth"])
        before.append(word_error_rate(truth, text_to_words(join_column_lines(page["lines"] + page["below"]))))
        usual = statistics.median(len(l) for l in page["context"])
        seen = column_width_around([page["context"], page["lines"] + page["below"]], page["lines"], usual)
        split = split_run(page["lines"], lexicon, page["below"], seen)
        if split is None:
            after.append(before[-1])
            continue
        total_lines += len(page["lines"])
        hits = sum(l == tl for l, tl in zip(split.left, page["left"]))
        for l, tl, margin in zip(split.left, page["left"], split.margins):
            by_margin.append((margin, l == tl))
        right_lines += hits
        unsure_runs += not split.sure
        ordered, _ = run_in_column_order(split.left, split.right, page["below"])
        after.append(word_error_rate(truth, text_to_words(join_column_lines(ordered))))
        if verbose and hits < len(page["lines"]):
            for got, want in zip(split.left, page["left"]):
                if got != want:
                    print(f"seed {seed}: split '{got}' | want '{want}'  (sure: {split.sure})")
    print(f"pages {len(before)}, glued lines {total_lines}, split at the right word {right_lines / max(1, total_lines):.4f}, "
          f"runs marked uncertain {unsure_runs}")
    for least in (0.5, 1.0, 1.5, 2.0, 3.0):
        sure = [right for margin, right in by_margin if margin >= least]
        print(f"  lines whose split wins by >= {least} ems: {len(sure) / len(by_margin):.3f} of all, "
              f"{sum(sure) / max(1, len(sure)):.4f} of them right")
    print(f"WER before {sum(before) / len(before):.4f}  after {sum(after) / len(after):.4f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--first", type=int, default=1)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    run(range(args.first, args.first + args.n), args.verbose)


if __name__ == "__main__":
    main()
