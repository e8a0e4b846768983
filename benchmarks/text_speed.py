"""The 2021 OCR text route as a user runs it: `mpsc extract` in a fresh process, start-up included.

    python -m benchmarks.text_speed [RUNS]

Prints the wall time and the peak memory (maximum resident set) of each run, and the best of
them. The first run may fill the cache folder (the parsed spelling list); set MPSC_CACHE_DIR=off
to measure without it.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time


def one_run(outdir: str) -> tuple[float, float]:
    """-> (seconds, MiB at the peak) of one fresh `mpsc extract`."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "extract", "-o", outdir],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"mpsc extract failed (status {status})")
    return seconds, usage.ru_maxrss / 1024


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(runs):
            seconds, mib = one_run(os.path.join(tmp, f"run-{n}"))
            results.append((seconds, mib))
            print(f"run {n + 1}: {seconds:.2f} s, {mib:.0f} MiB")
    print(f"best: {min(s for s, _ in results):.2f} s, {min(m for _, m in results):.0f} MiB "
          f"(targets: 2.0 s, 250 MiB)")


if __name__ == "__main__":
    main()
