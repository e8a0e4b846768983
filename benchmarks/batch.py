"""Benchmark: `mpsc extract FOLDER` on batches of text-layer PDFs, with --jobs 1 and --jobs 2.

    python -m benchmarks.batch [SIZES ...]      (default: 4 8 16 files)

The PDFs are the synthetic editions of tests/cases/editions/, copied under new names. Prints, per
batch size and jobs: wall time, files per minute, and the peak memory of the largest process
(resident set size). Memory should stay flat as the batch grows: each input is read, written and
dropped before the next.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .edition_pdf import render_edition

EDITIONS = sorted((Path(__file__).resolve().parent.parent / "tests" / "cases" / "editions").glob("*/truth.json"))
PEAK_RSS = "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, capture_output=True); " \
           "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"


def make_batch(folder: Path, size: int, rendered: list[Path]) -> None:
    folder.mkdir()
    for n in range(size):
        shutil.copy(rendered[n % len(rendered)], folder / f"brochure-{n:03d}.pdf")


def run_batch(folder: Path, out: Path, jobs: int) -> tuple[float, int]:
    """(seconds, peak resident memory of the largest process in KiB)."""
    mpsc = str(Path(sys.executable).with_name("mpsc"))
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", PEAK_RSS, mpsc, "extract", str(folder), "-o", str(out),
                           "--jobs", str(jobs)], capture_output=True, text=True, check=True)
    return time.perf_counter() - start, int(done.stdout.strip())


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [4, 8, 16]
    with tempfile.TemporaryDirectory() as tmp:
        rendered = []
        for truth in EDITIONS:
            render_edition(truth, Path(tmp) / truth.parent.name, scan=False, ocr=False)
            rendered.append(Path(tmp) / truth.parent.name / "brochure.pdf")
        print(f"{'files':>5s} {'jobs':>4s} {'seconds':>8s} {'files/min':>9s} {'peak MiB':>8s}")
        for size in sizes:
            folder = Path(tmp) / f"batch-{size}"
            make_batch(folder, size, rendered)
            for jobs in (1, 2):
                seconds, peak = run_batch(folder, Path(tmp) / f"out-{size}-{jobs}", jobs)
                print(f"{size:5d} {jobs:4d} {seconds:8.1f} {60 * size / seconds:9.1f} {peak / 1024:8.0f}")


if __name__ == "__main__":
    main()
