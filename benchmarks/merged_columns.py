"""Two columns read across, with the truth known: does `pipeline.columns` split them back?

    python -m benchmarks.merged_columns N [--first SEED] [-v]

Each seed lays German paragraphs (the benchmark corpus) into two columns of one width with
reportlab's font metrics and the layout family's hyphenation, and glues each left line to the
right line beside it, the way Tesseract reads such a page; the left column is the longer one, so
its last lines stand under the run. Printed: the share of glued lines split at the right word, and
the WER of the text read in line order (before) and in the rebuilt column order (after).
"""
from __future__ import annotations

import argparse
import random

from pipeline.columns import join_column_lines, run_in_column_order, split_run
from pipeline.corrections import default_corrections_dir, load_corrections
from pipeline.evaluate import text_to_words, word_error_rate
from pipeline.lexicon import Lexicon

from .layout_family import corpus_sentences, wrap

FONTS = [("Helvetica", 9.5), ("Times-Roman", 10.5), ("Helvetica", 10.0), ("Times-Roman", 9.5)]


def merged_page(seed: int, sentences: list[str]) -> dict:
    """-> {'lines': the page as read across, 'truth': the text, 'left', 'right': the columns}."""
    rng = random.Random(seed)
    font, size = rng.choice(FONTS)
    width = rng.uniform(190, 260)
    hyphenate = rng.choice([0.5, 0.9])
    text = " ".join(rng.sample(sentences, rng.randint(6, 12)))
    lines = wrap(text, font, size, width, rng, hyphenate)
    rows = (len(lines) + 1) // 2 + rng.randint(0, 3)  # the left column is full, the right shorter
    left, right = lines[:rows], lines[rows:]
    glued = [f"{l} {r}" for l, r in zip(left, right)]
    # a paragraph above, on a page whose columns the OCR kept apart: it shows the column's width
    context_text = " ".join(rng.sample(sentences, 3))
    context = wrap(context_text, font, size, width, rng, hyphenate)
    return {"lines": glued, "below": left[len(right):], "truth": text, "left": left[: len(right)], "right": right,
            "context": context, "context_text": context_text}


def run(seeds: range, verbose: bool) -> None:
    lexicon = Lexicon(load_corrections(default_corrections_dir()).lexicon.words)
    sentences = corpus_sentences()
    right_lines = total_lines = unsure_runs = 0
    before, after = [], []
    for seed in seeds:
        page = merged_page(seed, sentences)
        truth = text_to_words(page["truth"])
        before.append(word_error_rate(truth, text_to_words(join_column_lines(page["lines"] + page["below"]))))
        split = split_run(page["lines"], lexicon, page["below"])
        if split is None:
            after.append(before[-1])
            continue
        total_lines += len(page["lines"])
        hits = sum(l == tl for l, tl in zip(split.left, page["left"]))
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
