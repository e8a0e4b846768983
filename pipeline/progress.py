"""A progress bar on stderr, shown only when stderr is a terminal (never in logs or pipes)."""
from __future__ import annotations

import sys

WIDTH = 30


def show_progress(label: str, number: int, total: int, detail: str = "") -> None:
    if sys.stderr.isatty():
        done = int(WIDTH * number / total)
        print(f"\r{label} [{'#' * done}{'.' * (WIDTH - done)}] {number}/{total} {detail}",
              end="" if number < total else "\n", file=sys.stderr, flush=True)
