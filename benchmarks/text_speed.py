"""The 2021 OCR text route as a user runs it: `mpsc extract` in a fresh process, start-up included.

    python -m benchmarks.text_speed [RUNS] [--cold] [--no-shipped]

Prints the wall time and the peak memory (maximum resident set) of each run, and the best of
them. The first run may fill the cache folder (the repair's verdicts, the tags, the column
splits); set MPSC_CACHE_DIR=off to measure without it. With --cold each run first gets a new,
empty cache folder of its own (a first run after installing), followed by a warm run on the
folder it filled. --no-shipped makes the runs build the tables shipped with the package
(MPSC_SHIPPED_TABLES=off: what a first run costs where the installed word lists are other
versions than the shipped tables'). The package's
modules are compiled to bytecode first, as installing does (an environment with
PYTHONDONTWRITEBYTECODE would otherwise compile them in every run: a tenth of a second).
"""
from __future__ import annotations

import compileall
import importlib.util
import os
import subprocess
import sys
import tempfile
import time

TARGETS = {"cold": "4.0 s, 300 MiB", "warm": "1.5 s"}


def one_run(outdir: str, env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """-> (seconds, MiB at the peak, CPU seconds) of one fresh `mpsc extract` (in `env`, else
    this one's). The CPU seconds move less than the wall time on a machine others share."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "extract", "-o", outdir],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"mpsc extract failed (status {status})")
    return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def figures(run: tuple[float, float, float]) -> str:
    return f"{run[0]:.2f} s, {run[1]:.0f} MiB, {run[2]:.2f} s CPU"


def best(label: str, results: list[tuple[float, float, float]]) -> str:
    return (f"best {label}: {min(r[0] for r in results):.2f} s, {min(r[1] for r in results):.0f} MiB, "
            f"{min(r[2] for r in results):.2f} s CPU (target: {TARGETS[label]})")


def main() -> None:
    args = [a for a in sys.argv[1:] if a not in ("--cold", "--no-shipped")]
    cold = "--cold" in sys.argv[1:]
    if "--no-shipped" in sys.argv[1:]:
        os.environ["MPSC_SHIPPED_TABLES"] = "off"
    runs = int(args[0]) if args else 5
    compileall.compile_dir(importlib.util.find_spec("pipeline").submodule_search_locations[0], quiet=1)
    results: dict[str, list] = {"cold": [], "warm": []}
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(runs):
            if cold:
                env = {**os.environ, "MPSC_CACHE_DIR": os.path.join(tmp, f"cache-{n}")}
                results["cold"].append(one_run(os.path.join(tmp, f"cold-{n}"), env))
                print(f"run {n + 1} cold: " + figures(results["cold"][-1]))
            else:
                env = None
            results["warm"].append(one_run(os.path.join(tmp, f"run-{n}"), env))
            print(f"run {n + 1}{' warm' if cold else ''}: " + figures(results["warm"][-1]))
    for label in ("cold", "warm"):
        if results[label]:
            print(best(label, results[label]))


if __name__ == "__main__":
    main()
