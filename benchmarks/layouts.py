"""Extraction over a family of random layouts, per input route.

    python -m benchmarks.layouts N [--first SEED] [--scans] [--keep DIR]

Makes N editions (seeds FIRST .. FIRST+N-1, benchmarks/layout_family.py), runs `extract_brochure`
on each route and prints, per route: records found, field accuracy, silent errors (a wrong value
not in needs_review), description WER against the printed text, and the share of the words drawn on
project pages that come out somewhere (a field, the description, figure_text, or the running lines
taken out). Routes: `pdf` (text layer); with --scans also `scan` (image only, read by Tesseract's
German model here), `ocr-layer` (the scan with an English-model OCR text layer) and `ocr-text`
(that same OCR as a text file). Needs reportlab; --scans also pdftoppm and tesseract (eng, deu).
"""
from __future__ import annotations

import argparse
import json
import re
import tempfile
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.corrections import default_corrections_dir, load_corrections
from pipeline.evaluate import pair_records, score_output
from pipeline.read.load import load_source
from pipeline.run import extract_brochure

from .layout_family import make_edition

ROUTES = {"pdf": "brochure.pdf", "scan": "scan.pdf", "ocr-layer": "ocr-layer.pdf", "ocr-text": "ocr-eng.txt"}
STRUCTURE = {"projekttitel", "motto"}  # label words: structure, not content


def word_key(token: str) -> str:
    return re.sub(r"\W", "", unicodedata.normalize("NFC", token).casefold())


def content_words(words: list[str], structure: frozenset[str] | set[str] = STRUCTURE) -> list[str]:
    keys = [word_key(part) for w in words for part in w.split("/")]
    return [k for k in keys if k and not k.isdigit() and k not in structure]


def layout_values(record: dict) -> list[str]:
    """The texts of a record the words of its pages may come out in."""
    return [record["name"], record["size_class"], " ".join(record["states"]), record.get("title") or "",
            record.get("motto") or "", record["description"], " ".join(record.get("figure_text", []))]


def conserved_share(truth: dict, brochure: dict, values=layout_values, structure=STRUCTURE
                    ) -> tuple[int, int, list[str]]:
    """(words found, words drawn, a few lost ones) over the project pages of one edition: a word
    drawn counts as found in one of the record's `values`, or among the running lines taken out;
    `structure` words (labels) do not count."""
    running = {k for line in brochure["source"]["removed_lines"] for k in content_words(line.split(), structure)}
    found = total = 0
    lost: list[str] = []
    pairs = pair_records(brochure["projects"], truth["projects"])
    for gi, project in enumerate(truth["projects"]):
        drawn = content_words(project["page_words"], structure)
        total += len(drawn)
        if gi not in pairs:
            lost += drawn
            continue
        bag = Counter(content_words(" ".join(values(brochure["projects"][pairs[gi]])).split(), structure))
        for key in drawn:
            if bag[key] > 0:
                bag[key] -= 1
                found += 1
            elif key in running:
                found += 1
            else:
                lost.append(key)
    return found, total, lost


@dataclass
class RouteFigures:
    editions: int = 0
    records: list[int] = field(default_factory=lambda: [0, 0])  # matched, truth
    right: int = 0
    fields: int = 0
    silent: int = 0
    wer: list[float] = field(default_factory=list)
    conserved: list[int] = field(default_factory=lambda: [0, 0])
    whole_editions: int = 0  # editions where every drawn word came out
    failures: list[str] = field(default_factory=list)
    examples: list[str] = field(default_factory=list)

    def row(self, route: str) -> str:
        wer = sum(self.wer) / len(self.wer) if self.wer else float("nan")
        share = self.conserved[0] / max(1, self.conserved[1])
        return (f"{route:10s} {self.editions:4d} {self.records[0]:5d}/{self.records[1]:<5d} "
                f"{self.right / max(1, self.fields):8.4f} {self.silent:6d} {wer:8.4f} {share:9.4f} "
                f"{self.whole_editions:4d}/{self.editions:<4d} {len(self.failures):4d}")


def edition_of(seed: int, folder: Path, routes: list[str], kept: bool, scans: bool, make) -> dict:
    """The truth of the edition of `seed` in `folder`: read where it was rendered before with
    every route's file (`kept`), else made anew by `make`."""
    made = folder / "truth.json"
    if kept and made.exists() and all((folder / ROUTES[r]).exists() for r in routes):
        return json.loads(made.read_text(encoding="utf-8"))  # rendered before: the same seed
    return make(seed, folder, scans=scans)


def run(seeds: range, scans: bool, keep: Path | None) -> dict[str, RouteFigures]:
    corrections = load_corrections(default_corrections_dir())
    figures: dict[str, RouteFigures] = {}
    routes = list(ROUTES) if scans else ["pdf"]
    with tempfile.TemporaryDirectory() as tmp:
        for seed in seeds:
            folder = (keep or Path(tmp)) / f"seed-{seed}"
            truth = edition_of(seed, folder, routes, bool(keep), scans, make_edition)
            for route in routes:
                fig = figures.setdefault(route, RouteFigures())
                fig.editions += 1
                try:
                    source = load_source(folder / ROUTES[route], workers=2)
                    brochure = extract_brochure(source, corrections, use_overrides=False).brochure.model_dump(mode="json")
                except Exception as exc:  # a benchmark reports, it does not stop
                    fig.failures.append(f"seed {seed}: {type(exc).__name__}: {exc}")
                    continue
                score = score_output(brochure, truth)
                fig.records[0] += score.records_matched
                fig.records[1] += score.records_gold
                fig.right += sum(r for r, _ in score.fields.values())
                fig.fields += sum(t for _, t in score.fields.values())
                fig.silent += len(score.silent_errors)
                fig.examples += [f"seed {seed}: {e['record']} {e['field']}: {e['gold']!r} -> {e['got']!r}"
                                 for e in score.silent_errors]
                if score.description_wer is not None:
                    fig.wer.append(score.description_wer)
                found, total, lost = conserved_share(truth, brochure)
                fig.conserved[0] += found
                fig.conserved[1] += total
                fig.whole_editions += found == total
                if lost:
                    fig.examples.append(f"seed {seed} ({route}): {total - found} words lost, e.g. {lost[:6]}")
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--first", type=int, default=1000)
    parser.add_argument("--scans", action="store_true")
    parser.add_argument("--keep", type=Path, help="keep the rendered editions here (and reuse them)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list silent errors and lost words")
    args = parser.parse_args()
    figures = run(range(args.first, args.first + args.n), args.scans, args.keep)
    print("route      eds. records     fields silent  desc.WER conserved whole fail")
    for route, fig in figures.items():
        print(fig.row(route))
    for route, fig in figures.items():
        for failure in fig.failures:
            print(f"{route}: {failure}")
        if args.verbose:
            for example in fig.examples:
                print(f"{route}: {example}")


if __name__ == "__main__":
    main()
