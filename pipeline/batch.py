"""Several brochures in one run: files and folders -> one output folder per input, a summary.

Each input goes through the same load -> ... -> emit as a single run, in its own process when
`jobs` > 1. A bad input is a row in the summary with its one-line reason; it does not stop the
others. Nothing here decides anything about a brochure's content.
"""
from __future__ import annotations

import csv
import io
import os
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass
from pathlib import Path

from pipeline.corrections import Corrections
from pipeline.emit.formats import spreadsheet_safe
from pipeline.errors import InputError
from pipeline.progress import show_progress

INPUT_SUFFIXES = (".pdf", ".txt")


@dataclass(frozen=True)
class Row:
    input: str
    status: str  # "ok" or "error"
    records: int | None
    flagged_fields: int | None
    edits: int | None
    seconds: float
    output: str | None
    error: str | None = None
    rejected: int | None = None
    suggested: int | None = None
    warnings: tuple[str, ...] = ()


def inputs_to_files(inputs: list[str]) -> list[Path]:
    """Files as given, and the .pdf/.txt files directly inside each folder (sorted)."""
    files: list[Path] = []
    for given in map(Path, inputs):
        if given.is_dir():
            found = sorted(p for p in given.iterdir()
                           if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES and not p.name.startswith("."))
            if not found:
                raise InputError(f"{given}: no .pdf or .txt file in this folder")
            files += found
        else:
            files.append(given)  # a missing or unusable file becomes an error row, not a stop
    return list(dict.fromkeys(files))  # a file named twice is extracted once


def output_folders(files: list[Path], root: Path) -> list[Path]:
    """root/<name without suffixes>; a name taken twice gets its suffix ('a-pdf', 'a-txt'), and
    one still taken a number ('a-txt-2')."""
    stems = [f.name.split(".")[0] for f in files]
    names = [stem if stems.count(stem) == 1 else "-".join([stem, *f.name.split(".")[1:]])
             for stem, f in zip(stems, files)]
    seen: dict[str, int] = {}
    folders = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        folders.append(root / (name if seen[name] == 1 else f"{name}-{seen[name]}"))
    return folders


def extract_one(path: Path, outdir: Path, corrections: Corrections, use_overrides: bool,
                formats: tuple[str, ...], workers: int = 1, shown: str | None = None) -> Row:
    """One input end to end; every InputError becomes an error row. `workers`: processes or
    threads for the pages of this one input."""
    from pipeline.emit.files import EVIDENCE, OWNED_FILES, extra_format_files, result_to_files
    from pipeline.files import replace_folder
    from pipeline.read.load import load_source
    from pipeline.run import extract_brochure

    start = time.perf_counter()
    try:
        source = load_source(path, shown or str(path), workers=workers)
        result = extract_brochure(source, corrections, use_overrides=use_overrides)
        files = result_to_files(result, source)
        for fmt in formats:
            files.update(extra_format_files(result.brochure, fmt))
        replace_folder(outdir, files, owned=OWNED_FILES, owned_folders=frozenset({EVIDENCE}))
    except InputError as exc:
        return Row(shown or str(path), "error", None, None, None, round(time.perf_counter() - start, 2), None, str(exc))
    except MemoryError:  # the machine's limit for this input, not a bug
        return Row(shown or str(path), "error", None, None, None, round(time.perf_counter() - start, 2), None,
                   f"{shown or path}: out of memory (the input is too large for this machine)")
    except OSError as exc:  # a read-only or full output folder
        return Row(shown or str(path), "error", None, None, None, round(time.perf_counter() - start, 2), None,
                   f"{exc.filename or outdir}: {exc.strerror or exc}")
    except Exception as exc:  # a bug of ours: this input's row says so, the batch goes on
        if os.environ.get("MPSC_DEBUG"):
            raise
        return Row(shown or str(path), "internal error", None, None, None, round(time.perf_counter() - start, 2), None,
                   f"internal error: {type(exc).__name__}: {exc} (rerun with --debug for the traceback)")
    stats = result.brochure.stats
    return Row(shown or str(path), "ok", stats.projects, stats.flagged_fields, stats.edits_applied,
               round(time.perf_counter() - start, 2), str(outdir), None, len(result.brochure.rejected),
               stats.edits_suggested, tuple(result.brochure.warnings))


def extract_many(files: list[Path], root: Path, corrections: Corrections, use_overrides: bool,
                 formats: tuple[str, ...], jobs: int) -> list[Row]:
    """Rows in the order of `files`; up to `jobs` inputs at a time, each in its own process. A
    process that dies (killed, out of memory) costs its input a row, not the batch: the inputs
    whose process pool broke are run again one by one, each in a process of its own."""
    folders = output_folders(files, root)
    common = (corrections, use_overrides, formats)
    rows: list[Row | None] = [None] * len(files)
    if jobs > 1:
        with ProcessPoolExecutor(jobs) as pool:
            futures = [pool.submit(extract_one, f, o, *common) for f, o in zip(files, folders)]
            for number, future in enumerate(futures):
                try:
                    rows[number] = future.result()
                except BrokenProcessPool:
                    continue
                show_progress("extract", sum(r is not None for r in rows), len(files), files[number].name[:40])
    for number, row in enumerate(rows):
        if row is None:
            rows[number] = extract_alone(files[number], folders[number], *common) if jobs > 1 \
                else extract_one(files[number], folders[number], *common)
            show_progress("extract", sum(r is not None for r in rows), len(files), files[number].name[:40])
    return rows


def extract_alone(path: Path, outdir: Path, corrections: Corrections, use_overrides: bool,
                  formats: tuple[str, ...]) -> Row:
    """One input in a process of its own; a row that says so where that process dies."""
    start = time.perf_counter()
    with ProcessPoolExecutor(1) as pool:
        try:
            return pool.submit(extract_one, path, outdir, corrections, use_overrides, formats).result()
        except BrokenProcessPool:
            return Row(str(path), "error", None, None, None, round(time.perf_counter() - start, 2), None,
                       f"{path}: the process reading it died (killed, or out of memory)")


def rows_to_table(rows: list[Row]) -> str:
    """The summary for a terminal: one line per input, then the totals."""
    lines = [f"{'input':40s} {'status':6s} {'records':>7s} {'flagged':>7s} {'edits':>6s} {'seconds':>7s}"]
    for r in rows:
        numbers = (f"{r.records:7d} {r.flagged_fields:7d} {r.edits:6d}" if r.status == "ok"
                   else f"{'-':>7s} {'-':>7s} {'-':>6s}")
        lines.append(f"{Path(r.input).name[:40]:40s} {r.status:6s} {numbers} {r.seconds:7.2f}")
        if r.error:
            lines.append(f"  {r.error}")
    ok = [r for r in rows if r.status == "ok"]
    lines.append(f"{len(ok)} of {len(rows)} inputs extracted, {sum(r.records for r in ok)} records, "
                 f"{sum(r.flagged_fields for r in ok)} fields flagged for review")
    return "\n".join(lines)


def rows_to_csv(rows: list[Row]) -> str:
    out = io.StringIO()
    fields = [f for f in Row.__dataclass_fields__ if f != "warnings"]
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for r in rows:
        writer.writerow({k: spreadsheet_safe(v) if isinstance(v, str) else v for k, v in asdict(r).items()})
    return out.getvalue()
