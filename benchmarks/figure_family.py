"""Figure family: does figure material printed around and into the prose stay out of descriptions,
and does all the prose (with the lists it introduces) stay in?

    python -m benchmarks.figure_family --seeds 1-50 --keep DIR [--routes pdf eng-text ...] [-v]

Editions (benchmarks/figure_pages.py, on layout_family's machinery): two to five projects whose
two-column prose from benchmarks/corpus is surrounded and cut by infographics (labels in boxes and
arrows as glyphs or lines, big numbers with words, icons with words), wordmarks, maps with place
names, text over photo areas with credits, banners, diagrams with titles, values and years, and
captions; over the prose at a page's top, between paragraphs, inside a paragraph mid-sentence, and
at the top of the column or page a sentence breaks into. Lists the prose introduces ('... in vier
Handlungsfeldern:' and items after '•', '–' or 'A1') are prose. A seed varies the kinds, their
places, sizes, fonts, arrows and list setting, not only the geometry. truth.json holds each
project's description (the prose, in order), and per page its prose words and figures (kind,
placement, words).

Routes: `pdf` (text layer), `ocr-layer` (the scan with an invisible text layer by Tesseract's
English model), `eng-text` and `deu-text` (the scan read by Tesseract's English / German model,
given as a text file), and on request `scan` (the image-only PDF, read by the tool itself).

Matching (benchmarks/figure_measure.py). Words are split at spaces, hyphens and slashes and
normalised: case, accents and umlauts folded, ß as ss, everything but letters and digits dropped
(bullets vanish, '2.400' is '2400'). Two words are one when equal, or, from 4 letters on, when
rapidfuzz's ratio is at least 75 (OCR damage). The truth prose is aligned with the record's
description in order: exact runs anchor (difflib), the gaps between anchors are aligned by a
fuzzy longest common subsequence, and what is still unpaired pairs as damage where one to three
words stand against as many (one more on one side for a split or joined word) with letters at
least 50 % alike; runs of 3+ words found out of order (a paragraph moved) also count as found.
Then:
- debris: description words paired with no prose word that match (fuzzy, each used once) a
  figure word of the project's pages, or failing that of another project's; the rest of the
  unpaired description words are `other` (headers, OCR noise, figure words the OCR garbled past
  recognition: so debris is a lower bound on scans); an `other` word that matches (fuzzy, each
  used once) a prose word still unpaired makes both found: prose out of order (`scrambled`, e.g.
  a prose line and a figure line read as one);
- lost prose: prose words paired with nothing, split into `to figure_text` (aligned in order with
  the record's figure_text, then word by word with what is left of it, which an OCR may have read
  in another order), `moved` (in runs of 3+ whose word triples occur in another record or
  in this record's name, title or motto), `furniture` (a whole line of them is among the lines the
  tool took out as running headers and footers, the output's source.removed_lines) and `missing`
  (nowhere; `unread` says how many of those the input text itself lacks, words the OCR never read);
- a record has a problem when its debris or its lost words exceed max(2, 1 % of its prose
  words); unflagged when 'description' is not in its needs_review. Rates are per 1,000 prose words
  of the records found; records not found are counted apart.
Renders and OCR are kept per seed under --keep, so a rerun only runs the extraction.
"""
from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .figure_measure import RecordMeasure, figure_bag, measure_record, tokens
from .figure_pages import FigureDesign, figure_pages, page_truth, random_edition
from .layout_family import render_pdf, render_scans

ROUTES = {"pdf": "brochure.pdf", "ocr-layer": "ocr-layer.pdf", "eng-text": "ocr-eng.txt",
          "deu-text": "ocr-deu.txt", "scan": "scan.pdf"}
DEFAULT_ROUTES = ["pdf", "ocr-layer", "eng-text", "deu-text"]
WORKERS = 2


def make_edition(seed: int, outdir: Path, scans: bool = True) -> dict:
    """A seed -> outdir/truth.json, brochure.pdf and (with scans) scan.pdf, ocr-layer.pdf,
    ocr-eng.txt, ocr-deu.txt. truth.json is written last: its presence means the folder is whole."""
    outdir.mkdir(parents=True, exist_ok=True)
    truth = random_edition(seed)
    pages = render_pdf(truth, outdir / "brochure.pdf", figure_pages(FigureDesign(**truth["figure_design"])))
    for project in truth["projects"]:
        project["pages"] = page_truth(project, pages)
        project["figure_text"] = [f["text"] for page in project["pages"] for f in page["figures"]]
    if scans:
        render_scans(outdir / "brochure.pdf", truth["design"]["dpi"], outdir, german=True)
    (outdir / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return truth


def edition(seed: int, keep: Path, routes: list[str]) -> dict:
    folder = keep / f"seed-{seed}"
    made = folder / "truth.json"
    if made.exists() and all((folder / ROUTES[r]).exists() for r in routes):
        return json.loads(made.read_text(encoding="utf-8"))
    return make_edition(seed, folder, scans=any(r != "pdf" for r in routes))


@dataclass
class RouteResult:
    seed: int
    route: str
    records: int
    found: int
    measures: list[RecordMeasure] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0


_CORRECTIONS = None


def measure_seed(seed: int, keep: Path, routes: list[str]) -> list[RouteResult]:
    """Renders (or reuses) one seed and measures the tool's output on each route."""
    global _CORRECTIONS
    from pipeline.corrections import default_corrections_dir, load_corrections
    from pipeline.evaluate import pair_records
    from pipeline.read.load import load_source
    from pipeline.run import extract_brochure

    if _CORRECTIONS is None:
        _CORRECTIONS = load_corrections(default_corrections_dir())
    truth = edition(seed, keep, routes)
    results = []
    for route in routes:
        result = RouteResult(seed, route, len(truth["projects"]), 0)
        start = time.perf_counter()
        try:
            source = load_source(keep / f"seed-{seed}" / ROUTES[route])
            brochure = extract_brochure(source, _CORRECTIONS, use_overrides=False).brochure.model_dump(mode="json")
        except Exception as exc:  # a benchmark reports, it does not stop
            result.error = f"{type(exc).__name__}: {exc}"
            results.append(result)
            continue
        result.seconds = time.perf_counter() - start
        out = brochure["projects"]
        pairs = pair_records(out, truth["projects"])
        result.found = len(pairs)
        input_keys = [k for _, k in tokens(source.text)] if route != "pdf" else None
        for gi, project in enumerate(truth["projects"]):
            if gi not in pairs:
                continue
            others = [o for n, o in enumerate(out) if n != pairs[gi]]
            foreign = [w for n, p in enumerate(truth["projects"]) if n != gi for w in figure_bag(p)]
            result.measures.append(measure_record(project, out[pairs[gi]], others, foreign, input_keys,
                                                  brochure["source"]["removed_lines"]))
        results.append(result)
    return results


def run(seeds: list[int], keep: Path, routes: list[str], workers: int = WORKERS) -> list[RouteResult]:
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # Tesseract: one thread per worker
    keep.mkdir(parents=True, exist_ok=True)
    if workers <= 1:
        return [r for seed in seeds for r in measure_seed(seed, keep, routes)]
    with ProcessPoolExecutor(workers) as pool:
        return [r for rs in pool.map(measure_seed, seeds, [keep] * len(seeds), [routes] * len(seeds)) for r in rs]


# ---------------------------------------------------------------- report

def per_thousand(n: int, total: int) -> float:
    return 1000 * n / max(1, total)


def route_row(route: str, results: list[RouteResult]) -> str:
    ms = [m for r in results for m in r.measures]
    prose = sum(m.prose for m in ms)
    debris = sum(len(m.debris) for m in ms)
    to_ft, moved = sum(len(m.to_figure_text) for m in ms), sum(len(m.moved) for m in ms)
    missing, unread = sum(len(m.missing) for m in ms), sum(m.unread for m in ms)
    furniture = sum(len(m.furniture) for m in ms)
    other = sum(len(m.other_extra) for m in ms)
    scrambled = sum(m.scrambled for m in ms)
    problems, unflagged = sum(m.problem for m in ms), sum(m.unflagged for m in ms)
    found, records = sum(r.found for r in results), sum(r.records for r in results)
    whole = sum(r.found == r.records and not r.error for r in results)
    failed = sum(bool(r.error) for r in results)
    return (f"{route:10s} {len(results):5d} {found:4d}/{records:<4d} {whole:3d}/{len(results):<3d} {prose:7d} "
            f"{per_thousand(debris, prose):7.1f} {per_thousand(to_ft + moved + furniture + missing, prose):7.1f} "
            f"{per_thousand(to_ft, prose):6.1f} {per_thousand(moved, prose):6.1f} {per_thousand(furniture, prose):6.1f} "
            f"{per_thousand(missing, prose):7.1f} "
            f"{per_thousand(unread, prose):6.1f} {per_thousand(other, prose):7.1f} "
            f"{per_thousand(scrambled, prose):6.1f} {problems:4d} {unflagged:4d}/{len(ms):<4d}"
            f"{failed:3d}")


HEAD = ("route      seeds records  whole   prose  debris    lost  ->fig  moved  furn. missing unread   other scrmbl "
        "prob unflagged fail\n"
        "                                           /1000   /1000  /1000  /1000  /1000   /1000  /1000   /1000  /1000")


def seed_badness(result: RouteResult) -> float:
    prose = sum(m.prose for m in result.measures)
    return per_thousand(sum(len(m.debris) + m.lost for m in result.measures), prose) + 1000 * (result.records - result.found)


def report(results: list[RouteResult], routes: list[str], worst: int = 5, verbose: bool = False) -> str:
    lines = [HEAD]
    for route in routes:
        lines.append(route_row(route, [r for r in results if r.route == route]))
    for route in routes:
        ranked = sorted((r for r in results if r.route == route), key=seed_badness, reverse=True)
        lines.append(f"\n{route}: worst seeds")
        for r in ranked[: len(ranked) if verbose else worst]:
            if r.error:
                lines.append(f"  seed {r.seed}: {r.error}")
                continue
            lines.append(f"  seed {r.seed}: {seed_badness(r):.1f} per 1000, records {r.found}/{r.records}")
            for m in r.measures:
                if m.debris or m.lost:
                    flag = "flagged" if m.flagged else ("UNFLAGGED" if m.problem else "ok")
                    kinds = sorted({k for _, k in m.debris})
                    lines.append(f"    {m.name}: debris {len(m.debris)} {kinds} {m.debris_runs[:3]}; lost {m.lost} "
                                 f"(fig {len(m.to_figure_text)}, moved {len(m.moved)}, furniture {len(m.furniture)}, "
                                 f"missing {len(m.missing)}) "
                                 f"{m.lost_runs[:3]} [{flag}]")
    return "\n".join(lines)


def parse_seeds(text: str) -> list[int]:
    seeds: list[int] = []
    for part in text.split(","):
        first, _, last = part.partition("-")
        seeds += list(range(int(first), int(last or first) + 1))
    return seeds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", default="1-20", help="e.g. 1-50 or 3,7,10-12")
    parser.add_argument("--keep", type=Path, help="renders and OCR per seed (reused when there)")
    parser.add_argument("--routes", nargs="+", default=DEFAULT_ROUTES, choices=list(ROUTES))
    parser.add_argument("--workers", type=int, default=WORKERS)
    parser.add_argument("--details", type=Path, help="write every record's measure here (JSON)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every seed, not only the worst")
    args = parser.parse_args()
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        results = run(parse_seeds(args.seeds), args.keep or Path(tmp), args.routes, args.workers)
    print(report(results, args.routes, verbose=args.verbose))
    print(f"\n{time.perf_counter() - start:.0f} s")
    if args.details:
        args.details.write_text(json.dumps([asdict(r) for r in results], ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
