"""How the extraction's time grows with a text's length, on text that is all labels and header
words and no record (the hostile-input test's 'word soup', the worst case the blocks' reading
meets): a reading that goes over the whole text for each block grows with the square.

    python -m benchmarks.text_scaling [LINES ...]     # default 2000 4000 8000

Prints the seconds per run and per 1,000 lines; the per-1,000 figure should stay about flat as
the lines double. Session 19, on a loaded machine, before → after the title's and motto's next
line was looked for from the block's start instead of the text's (labels.without_lost_fact):
2,000 lines 2.2 → 2.0 s per 1,000; 4,000 3.6 → 2.2; 8,000 6.4 → 1.8; 16,000 10.7 → 2.3.
"""
from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from pipeline.corrections import default_corrections_dir, load_corrections
from pipeline.errors import InputError
from pipeline.read.load import load_source
from pipeline.run import extract_brochure

WORDS = ["Großstadt", "Bayern", "Projekttitel:", "Motto:", "für", "·"]


def word_soup(lines: int, seed: int = 26) -> str:
    rng = random.Random(seed)
    return "\n".join(" ".join(rng.choice(WORDS) for _ in range(12)) for _ in range(lines))


def seconds_for(lines: int, corrections) -> float:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "soup.txt"
        path.write_text(word_soup(lines), encoding="utf-8")
        start = time.perf_counter()
        try:
            extract_brochure(load_source(path, workers=1), corrections)
        except InputError:
            pass  # no record in such text: the refusal ends the run as it ends the user's
        return time.perf_counter() - start


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [2000, 4000, 8000]
    corrections = load_corrections(default_corrections_dir())
    seconds_for(200, corrections)  # the tables and models load once, outside the figures
    for lines in sizes:
        took = seconds_for(lines, corrections)
        print(f"{lines:>7} lines  {took:7.1f} s  {1000 * took / lines:6.2f} s per 1,000 lines")


if __name__ == "__main__":
    main(sys.argv[1:])
