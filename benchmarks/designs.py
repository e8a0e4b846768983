"""Extraction over the design family (benchmarks/design_family.py), per route and per structural axis.

    python -m benchmarks.designs N [--first SEED] [--routes pdf,scan,ocr-layer,ocr-text] [--keep DIR]
    python -m benchmarks.designs --report --keep DIR     # the figures of the results kept in DIR

Makes N editions (seeds FIRST .. FIRST+N-1), runs `extract_brochure` on each route and scores it as
benchmarks/layouts.py does (records found, field accuracy, silent errors, description WER, words
conserved), the words kept (conserved, counted only over the words the text read holds: what the
OCR lost or garbled past repair is the reader's loss, not the tool's), plus the editions refused
('no model project found'), the labelled facts kept (a record's `facts` holding the printed value
under its label) and, of the records missed in editions with output, how many a warning names
('warned': each still counts six silent errors). Each edition's result is written to
DIR/results/ROUTE/seed-N.json when --keep is given, and the editions rendered there are reused,
so a rerun only extracts again. The figures come per route and per value of each axis.

Counting: a refused edition finds no record, no field and no word (so it lowers records, field
accuracy, conservation and facts); silent errors and description WER are over the editions that
gave output. Routes other than `pdf` need the scans (pdftoppm, tesseract eng and deu).
"""
from __future__ import annotations

import argparse
import json
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from pipeline.corrections import default_corrections_dir, load_corrections
from pipeline.errors import InputError
from pipeline.evaluate import FIELDS, normalise, output_values, pair_records, score_output
from pipeline.read.load import load_source
from pipeline.run import extract_brochure

from .design_family import FACT_LABELS, LABELS, make_edition
from . import layouts
from .layouts import ROUTES, content_words, word_key

STRUCTURE = {word_key(w) for w in [*LABELS.values(), *FACT_LABELS]}  # label words: structure, not content
AXES = ("labels", "label_case", "colon", "land_size", "facts", "sections", "name_lines", "columns",
        "continued_name", "overview", "toc", "ruled", "lead")


def axis_values(truth: dict) -> dict[str, str]:
    st = truth["structure"]
    values = {axis: str(st[axis]) for axis in AXES if axis in st}
    values["facts"] = "none" if not st["facts"] else "some"
    values["ruled"] = str(st["ruled"]) if st["labels"] == "table" else "-"
    values["lead"] = "some" if st.get("lead") else "none"
    return values


def record_values(record: dict) -> list[str]:
    return [record["name"], record.get("category") or "", record.get("category_printed") or "", record["size_class"],
            " ".join(record["states"]), record.get("title") or "", record.get("motto") or "", record["description"],
            " ".join(record.get("figure_text", [])), " ".join((record.get("facts") or {}).values())]


def conserved_share(truth: dict, brochure: dict) -> tuple[int, int, list[str]]:
    """(words found, words drawn, a few lost ones) over the project pages of one edition; the
    section counts too (it is printed on project pages in some designs), and a record's facts."""
    return layouts.conserved_share(truth, brochure, record_values, STRUCTURE)


def lost_though_read(lost: list[str], drawn: list[str], read: list[str]) -> list[str]:
    """The words lost that the text read holds: the tool's losses. A word drawn more often than
    the text read holds it was lost or garbled past repair by the reader (the OCR), up to the
    times it was lost; those are left out."""
    read_n = Counter(read)
    by_reader = {k: max(0, n - read_n[k]) for k, n in Counter(drawn).items()}
    kept_out: list[str] = []
    for key in lost:
        if by_reader.get(key, 0) > 0:
            by_reader[key] -= 1
        else:
            kept_out.append(key)
    return kept_out


def facts_kept(truth: dict, brochure: dict) -> tuple[int, int]:
    pairs = pair_records(brochure["projects"], truth["projects"])
    kept = total = 0
    for gi, project in enumerate(truth["projects"]):
        facts = (brochure["projects"][pairs[gi]].get("facts") or {}) if gi in pairs else {}
        for label, value in project["facts"].items():
            total += 1
            kept += normalise(facts.get(label)) == normalise(value)
    return kept, total


def false_flags(truth: dict, brochure: dict) -> dict[str, int]:
    """Per field, the right values of the records found that `needs_review` lists (flags on values
    the gold has as they are): flagging is honest, but each costs a reviewer's look."""
    pairs = pair_records(brochure["projects"], truth["projects"])
    counts: dict[str, int] = defaultdict(int)
    for gi, oi in pairs.items():
        gold, out = truth["projects"][gi], brochure["projects"][oi]
        for f in FIELDS:
            if f in (out.get("needs_review") or []) and normalise(gold.get(f)) in [normalise(v) for v in output_values(out, f)]:
                counts[f] += 1
    return dict(counts)


def missed_warned(truth: dict, brochure: dict) -> tuple[int, int]:
    """(records missed whose name a warning gives, records missed): a missed record counts as six
    silent errors in score_output whatever the warnings say; this says how many were named."""
    pairs = pair_records(brochure["projects"], truth["projects"])
    warnings = " ".join(brochure.get("warnings", [])).casefold()
    missed = [p["name"] for gi, p in enumerate(truth["projects"]) if gi not in pairs]
    return sum(f"'{name.casefold()}'" in warnings for name in missed), len(missed)


def score_route(truth: dict, path: Path, corrections) -> dict:
    """One edition on one route -> its figures (a JSON-able dict)."""
    gold = len(truth["projects"])
    drawn = sum(len(content_words(p["page_words"], STRUCTURE)) for p in truth["projects"])
    n_facts = sum(len(p["facts"]) for p in truth["projects"])
    row = {"seed": truth["seed"], "axes": axis_values(truth), "gold": gold, "matched": 0, "out": 0, "right": 0,
           "fields": gold * len(FIELDS), "silent": 0, "wer": None, "found": 0, "drawn": drawn, "facts": [0, n_facts],
           "refused": False, "error": None, "examples": []}
    try:
        source = load_source(path, workers=1)
        brochure = extract_brochure(source, corrections, use_overrides=False).brochure.model_dump(mode="json")
    except InputError as exc:
        row["refused"] = "no model project found" in str(exc)
        row["error"] = str(exc)
        return row
    except Exception as exc:  # a benchmark reports, it does not stop
        row["error"] = f"{type(exc).__name__}: {exc}"
        return row
    score = score_output(brochure, truth)
    row["false_flags"] = false_flags(truth, brochure)
    found, total, lost = conserved_share(truth, brochure)
    drawn_words = [k for p in truth["projects"] for k in content_words(p["page_words"], STRUCTURE)]
    read = content_words([*source.text.split(), *" ".join(source.removed_lines).split()], STRUCTURE)
    tools = lost_though_read(lost, drawn_words, read)
    row.update(matched=score.records_matched, out=score.records_out, silent=len(score.silent_errors),
               right=sum(r for r, _ in score.fields.values()), wer=score.description_wer, found=found,
               unread=len(lost) - len(tools), facts=list(facts_kept(truth, brochure)),
               missed_warned=list(missed_warned(truth, brochure)),
               per_field={f: list(v) for f, v in score.fields.items()})
    row["examples"] = [f"{e['record']} {e['field']}: {e['gold']!r} -> {e['got']!r}" for e in score.silent_errors]
    if lost:
        row["examples"].append(f"{total - found} words lost ({len(tools)} of them read), e.g. {(tools or lost)[:8]}")
    return row


def run(seeds: range, routes: list[str], keep: Path | None) -> dict[str, list[dict]]:
    corrections = load_corrections(default_corrections_dir())
    scans = routes != ["pdf"]
    rows: dict[str, list[dict]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as tmp:
        for seed in seeds:
            folder = (keep or Path(tmp)) / f"seed-{seed}"
            truth = layouts.edition_of(seed, folder, routes, bool(keep), scans, make_edition)
            for route in routes:
                row = score_route(truth, folder / ROUTES[route], corrections)
                rows[route].append(row)
                if keep:
                    out = keep / "results" / route / f"seed-{seed}.json"
                    out.parent.mkdir(parents=True, exist_ok=True)
                    out.write_text(json.dumps(row, ensure_ascii=False, indent=1), encoding="utf-8")
                print(f"{route} seed {seed}: {summary(row)}", flush=True)
    return rows


def summary(row: dict) -> str:
    if row["error"]:
        return ("refused" if row["refused"] else "failed") + f": {row['error'][:120]}"
    return (f"{row['matched']}/{row['gold']} records, {row['right']}/{row['fields']} fields, {row['silent']} silent, "
            f"WER {row['wer']:.3f}, words {row['found']}/{row['drawn']}")


def kept_rows(keep: Path) -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = {}
    for route in ROUTES:
        files = sorted((keep / "results" / route).glob("seed-*.json"))
        if files:
            rows[route] = [json.loads(f.read_text(encoding="utf-8")) for f in files]
    return rows


HEAD = "eds. refused  records   fields  silent desc.WER conserved   kept  facts   warned"


def figures(rows: list[dict]) -> str:
    """One line of figures over a set of edition results."""
    def total(key: str) -> int:
        return sum(r[key] for r in rows)

    wers = [r["wer"] for r in rows if r["wer"] is not None]
    wer = f"{sum(wers) / len(wers):8.4f}" if wers else "       -"
    read = total('drawn') - sum(r.get("unread", 0) for r in rows)  # results of older code lack it
    facts = [sum(r["facts"][i] for r in rows) for i in (0, 1)]
    warned = [sum(r.get("missed_warned", [0, 0])[i] for r in rows) for i in (0, 1)]  # results of older code lack it
    return (f"{len(rows):4d} {sum(r['refused'] for r in rows):7d} {total('matched'):4d}/{total('gold'):<4d} "
            f"{total('right') / max(1, total('fields')):8.4f} {total('silent'):7d} {wer} "
            f"{total('found') / max(1, total('drawn')):9.4f} {total('found') / max(1, read):6.4f} {facts[0]:3d}/{facts[1]:<3d} {warned[0]:3d}/{warned[1]:<3d}")


def per_field_losses(rows: list[dict]) -> str:
    """Per field, the values of matched records that are wrong (flagged or not), summed over editions."""
    lost: dict[str, int] = defaultdict(int)
    for row in rows:
        for f, (right, total) in (row.get("per_field") or {}).items():
            lost[f] += total - right
    missed = sum(r["gold"] - r["matched"] for r in rows if not r["error"])
    return "  ".join(f"{f} {n - missed}" for f, n in lost.items())


def per_field_false_flags(rows: list[dict]) -> str:
    """Per field and in all, the right values flagged, summed over editions."""
    flags: dict[str, int] = defaultdict(int)
    for row in rows:
        for f, n in (row.get("false_flags") or {}).items():
            flags[f] += n
    return "  ".join(f"{f} {flags[f]}" for f in FIELDS) + f"  all {sum(flags.values())}"


def by_axis(title: str, rows: list[dict]) -> list[str]:
    out = ["", title, f"{'axis':15s} {'value':9s} {HEAD}"]
    for axis in AXES:
        groups: dict[str, list[dict]] = defaultdict(list)
        for row in rows:
            groups[row["axes"][axis]].append(row)
        out += [f"{axis:15s} {value:9s} {figures(group)}" for value, group in sorted(groups.items())]
    return out


def report(rows: dict[str, list[dict]], verbose: bool) -> str:
    out = [f"{'route':10s} {HEAD}"]
    out += [f"{route:10s} {figures(route_rows)}" for route, route_rows in rows.items()]
    out += ["", "wrong values by field (records missed not counted; results of older code lack them)"]
    out += [f"{route:10s} {per_field_losses(route_rows)}" for route, route_rows in rows.items()]
    out += ["", "right values flagged (false flags), by field (results of older code lack them)"]
    out += [f"{route:10s} {per_field_false_flags(route_rows)}" for route, route_rows in rows.items()]
    for route, route_rows in rows.items():
        out += by_axis(f"{route}: by axis value", route_rows)
        # a refusing axis (one that makes the tool find no project) hides what the others do
        out += by_axis(f"{route}: by axis value, editions with output only", [r for r in route_rows if not r["error"]])
        failed = [r for r in route_rows if r["error"] and not r["refused"]]
        out += [f"{route}: seed {r['seed']} failed: {r['error']}" for r in failed]
        if verbose:
            out += [f"{route}: seed {r['seed']} {r['axes']['labels']}: {e}" for r in route_rows for e in r["examples"]]
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, nargs="?", default=0)
    parser.add_argument("--first", type=int, default=7001)
    parser.add_argument("--routes", default="pdf", help=f"comma-separated, of {', '.join(ROUTES)}")
    parser.add_argument("--keep", type=Path, help="keep the rendered editions and the results here (and reuse them)")
    parser.add_argument("--report", action="store_true", help="only print the figures of the results kept")
    parser.add_argument("-v", "--verbose", action="store_true", help="list silent errors and lost words")
    args = parser.parse_args()
    if args.report:
        if not args.keep:
            parser.error("--report needs --keep DIR")
        print(report(kept_rows(args.keep), args.verbose))
        return
    routes = args.routes.split(",")
    unknown = set(routes) - set(ROUTES)
    if unknown:
        parser.error(f"unknown route(s): {', '.join(sorted(unknown))}")
    rows = run(range(args.first, args.first + args.n), routes, args.keep)
    print(report(rows, args.verbose))


if __name__ == "__main__":
    main()
