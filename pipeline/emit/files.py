"""Emit stage: Result -> the contents of the files in OUTDIR (pipeline/files.py writes them; this
module writes nothing).

projects.json      the validated Brochure
cleaned.txt        the whole cleaned text (= raw text with the ledger applied)
corrections.jsonl  one edit per line: id, rule, start, end, before, after, confidence, applied,
                   context, record, word_before, word_after, series, decision
corrections.diff   unified diff of raw against cleaned text (diff.py), for any diff tool
review.html        one page for a reviewer (review/page.py), opened from disk
evidence/*.png     PDF inputs: crops of the printed pages where flagged fields were read (review/pictures.py)
raw.txt            the raw text, when it is not the input file itself (other encoding, PDF)
"""
from __future__ import annotations

import json

from pipeline.read.load import Source
from pipeline.validate.models import Brochure
from pipeline.review.page import result_to_review_html
from pipeline.emit.diff import ledger_to_unified_diff
from pipeline.emit.ledger import edit_to_entry
from pipeline.validate.result import Result


# Every file an extraction may write: a rerun into the folder removes those it did not write.
OWNED_FILES = frozenset({"projects.json", "cleaned.txt", "corrections.jsonl", "corrections.diff", "review.html",
                         "raw.txt", "projects.jsonl", "projects.csv", "projects.geojson"})
EVIDENCE = "evidence"  # a folder of pictures for review.html (PDF inputs); its .png files are owned too


def brochure_to_json(result: Result) -> str:
    return json.dumps(result.brochure.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def entries_to_jsonl(entries: list[dict]) -> str:
    return "".join(json.dumps(entry, ensure_ascii=False) + "\n" for entry in entries)


def ledger_to_diff(result: Result) -> str:
    return ledger_to_unified_diff(result.cleaned.raw, result.cleaned.text, result.cleaned.edits)


def result_to_files(result: Result, source: Source) -> dict[str, str | bytes]:
    from pipeline.review.pictures import review_pictures
    from pipeline.review.page import entries_to_series

    entries = [edit_to_entry(result.cleaned.raw, e) for e in result.ledger]
    pictures = review_pictures(result, source, [s for s in entries_to_series(entries) if s.uncertain])
    files = {
        "projects.json": brochure_to_json(result),
        "cleaned.txt": result.cleaned.text,
        "corrections.jsonl": entries_to_jsonl(entries),
        "corrections.diff": ledger_to_diff(result),
        "review.html": result_to_review_html(result, entries, {k: f"{EVIDENCE}/{name}" for k, (name, _) in pictures.items()}),
        **{f"{EVIDENCE}/{name}": png for name, png in pictures.values()},
    }
    if not source.file_text_equals_raw:
        files["raw.txt"] = result.cleaned.raw
    return files


def extra_format_files(brochure: Brochure, fmt: str) -> dict[str, str]:
    """`--format jsonl|csv|geojson`: the projects once more, for tools that take one row per record
    or a map."""
    from pipeline.emit.formats import projects_to_csv, projects_to_geojson, projects_to_jsonl

    data = brochure.model_dump(mode="json")
    writer = {"jsonl": projects_to_jsonl, "csv": projects_to_csv, "geojson": projects_to_geojson}[fmt]
    return {f"projects.{fmt}": writer(data)}
