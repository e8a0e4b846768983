"""Command line: `mpsc extract [INPUT ...]`, `mpsc review`, `mpsc publish`, `mpsc eval`, `mpsc diff`,
`mpsc schema`."""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from pipeline.corrections import default_corrections_dir, load_corrections
from pipeline.errors import InputError
from pipeline.read.load import BUNDLED_NAME, bundled_path

EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 1
DEFAULT_OUTPUT = Path("output")


def output_dir_for(input_name: str) -> Path:
    """'modellprojekte-smart-cities-2021.ocr.txt' -> output/modellprojekte-smart-cities-2021"""
    from pipeline.batch import output_folders

    return output_folders([Path(input_name)], DEFAULT_OUTPUT)[0]


def command_extract(args: argparse.Namespace) -> int:
    from pipeline.batch import extract_many, extract_one, inputs_to_files, rows_to_csv, rows_to_table
    from pipeline.files import write_files_atomically

    corrections = load_corrections(Path(args.corrections) if args.corrections else default_corrections_dir())
    if args.profile:
        corrections = corrections.with_house_style(Path(args.profile))
    # the bundled brochure's run makes the committed dataset, whose map layer is part of it
    formats = tuple(dict.fromkeys([*(args.format or ()), *(() if args.inputs else ("geojson",))]))
    if len(args.inputs) > 1 or (args.inputs and Path(args.inputs[0]).is_dir()):
        files = inputs_to_files(args.inputs)
        root = Path(args.out) if args.out else DEFAULT_OUTPUT
        if root.exists() and not root.is_dir():
            raise InputError(f"{root}: exists and is not a directory")
        rows = extract_many(files, root, corrections, not args.no_overrides, formats, args.jobs)
        print(rows_to_table(rows))  # before the summary file: a full disk must not cost the table
        write_files_atomically(root, {"summary.csv": rows_to_csv(rows)})
        print(f"summary -> {root / 'summary.csv'}")
        failed = [r for r in rows if r.status != "ok"]
        if failed:
            raise InputError(f"{len(failed)} of {len(rows)} inputs could not be extracted (see the summary)")
        return 0
    if args.inputs:
        path, shown = Path(args.inputs[0]), args.inputs[0]
    else:
        path, shown = bundled_path(), f"pipeline/data/{BUNDLED_NAME}"
    outdir = Path(args.out) if args.out else output_dir_for(path.name)
    if outdir.exists() and not outdir.is_dir():
        raise InputError(f"{outdir}: exists and is not a directory")
    row = extract_one(path, outdir, corrections, not args.no_overrides, formats, args.jobs, shown)
    if row.status == "internal error":
        print(f"mpsc: {row.error} (please report this)", file=sys.stderr)
        return EXIT_INTERNAL
    if row.status != "ok":
        raise InputError(row.error)
    for warning in row.warnings:
        print(f"mpsc: warning: {warning}", file=sys.stderr)
    print(
        f"{row.records} projects ({row.rejected} rejected), {row.flagged_fields} fields flagged for review, "
        f"{row.edits} text edits (+{row.suggested} suggested, not applied) -> {outdir / 'projects.json'}"
    )
    return 0


def command_review(args: argparse.Namespace) -> int:
    from pipeline.review import apply_review, review_in_terminal

    corrections = Path(args.corrections) if args.corrections else Path.cwd() / "corrections"
    if not (corrections / "profile.json").is_file():  # never the package's own corrections
        raise InputError(f"no corrections folder at {corrections} to write decisions to: run in a folder that has "
                         "corrections/ (a copy of the shipped one) or give --corrections DIR")
    load_corrections(corrections)  # refuse a broken folder before asking anything
    if args.apply:
        print(apply_review(Path(args.outdir), Path(args.apply), corrections, args.reviewer))
        load_corrections(corrections)  # what was written must load
        return 0
    review_in_terminal(Path(args.outdir), corrections, args.reviewer, sys.stdin, sys.stdout, args.descriptions)
    return 0


def command_publish(args: argparse.Namespace) -> int:
    from pipeline.emit.publish import publish

    print(publish([Path(p) for p in args.outdirs], Path(args.out), excel=args.excel).summary())
    return 0


def command_eval(args: argparse.Namespace) -> int:
    from pipeline.evaluate import score_output

    output, gold = read_json(args.output), read_json(args.gold)
    if is_output(gold) and not is_output(output):
        raise InputError(f"{args.output} is a gold file and {args.gold} an output: the order is mpsc eval OUTPUT GOLD")
    for path, data, want in ((args.output, output, True), (args.gold, gold, False)):
        if is_output(data) != want:
            raise InputError(f"{path}: not {'a projects.json of mpsc extract' if want else 'a gold file'}")
    years = (output.get("edition") or {}).get("year"), (gold.get("edition") or {}).get("year")
    if None not in years and years[0] != years[1]:
        raise InputError(f"{args.output} is the edition {years[0]}, {args.gold} the edition {years[1]}")
    score = score_output(output, gold)
    print(json.dumps(score.to_dict(), ensure_ascii=False, indent=1) if args.json else score.to_text())
    return 0


def read_json(path: str) -> dict:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file") from exc
    except (json.JSONDecodeError, UnicodeDecodeError, IsADirectoryError) as exc:
        raise InputError(f"{path}: not a JSON file") from exc
    if not isinstance(data, dict) or not isinstance(data.get("projects"), list):
        raise InputError(f"{path}: no 'projects' list")
    if not all(isinstance(p, dict) and isinstance(p.get("name"), str) for p in data["projects"]):
        raise InputError(f"{path}: its projects have no names")
    return data


def is_output(data: dict) -> bool:
    """A projects.json of `mpsc extract` (any schema version), not a gold file."""
    return "schema_version" in data and "source" in data and all("id" in p for p in data["projects"])


def command_diff(args: argparse.Namespace) -> int:
    from pipeline.emit.formats import compare_brochures, comparison_to_text
    from pipeline.validate.models import upgraded_output

    old, new = read_json(args.old), read_json(args.new)
    for path, data in ((args.old, old), (args.new, new)):
        if not is_output(data):
            raise InputError(f"{path}: not a projects.json of mpsc extract")
    diff = compare_brochures(upgraded_output(old), upgraded_output(new))  # an older version's output reads as the current
    print(json.dumps(diff, ensure_ascii=False, indent=1) if args.json else comparison_to_text(diff))
    differs = diff["added"] or diff["removed"] or diff["changed"]
    return 1 if args.exit_code and differs else 0


def command_schema(args: argparse.Namespace) -> int:
    from pipeline.validate.models import Brochure

    print(json.dumps(Brochure.model_json_schema(), ensure_ascii=False, indent=2))
    return 0


def positive_int(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mpsc", description="Modellprojekte Smart Cities brochures -> validated JSON")
    parser.add_argument("--version", action="version", version=f"%(prog)s {package_version()}")
    parser.add_argument("--debug", action="store_true", help="show the traceback of an internal error")
    sub = parser.add_subparsers(dest="command", required=True)
    extract = sub.add_parser("extract", help="extract the model projects of brochures")
    extract.add_argument("inputs", nargs="*", metavar="INPUT",
                         help="brochure text (.txt) or PDF, several, or folders of them; "
                              "default: the bundled 2021 brochure")
    extract.add_argument("-o", "--out", help="output folder (default: output/<input name>/; "
                                             "for several inputs: output/, one folder per input)")
    extract.add_argument("-j", "--jobs", type=positive_int, default=min(2, os.cpu_count() or 1),
                         help="inputs (or, for one input, pages) processed in parallel (default: %(default)s)")
    extract.add_argument("--no-overrides", action="store_true", help="ignore reviewer overrides in corrections/")
    extract.add_argument("--corrections", help="corrections folder (default: ./corrections where it has a "
                                               "profile.json, else the shipped one)")
    extract.add_argument("--profile", metavar="FILE",
                         help="a house style's labels and sections: a JSON object of profile.json's fields, "
                              "each replacing the profile's")
    extract.add_argument("--format", action="append", choices=["jsonl", "csv", "geojson"],
                         help="also write projects.jsonl / projects.csv / projects.geojson (repeatable)")
    extract.set_defaults(func=command_extract)
    review = sub.add_parser("review", help="check the flagged fields and uncertain edits of an extraction")
    review.add_argument("outdir", help="an output folder of `mpsc extract`")
    review.add_argument("--reviewer", help="your name, stored with each decision (required)")
    review.add_argument("--apply", metavar="FILE", help="merge a review saved by review.html into corrections/")
    review.add_argument("--corrections", help="corrections folder to write to (default: ./corrections; "
                                              "never the shipped one)")
    review.add_argument("--descriptions", action="store_true",
                        help="go through every record's description, not only the flagged ones")
    review.set_defaults(func=command_review)
    publish = sub.add_parser("publish", help="one dataset of several editions: CSV tables with a Frictionless "
                                             "data package, and an SQLite database")
    publish.add_argument("outdirs", nargs="+", metavar="OUTDIR", help="output folders of `mpsc extract`, one per edition")
    publish.add_argument("-o", "--out", required=True, metavar="DIR", help="the folder to write the dataset to")
    publish.add_argument("--excel", action="store_true", help="CSV files with a UTF-8 byte order mark, for Excel")
    publish.set_defaults(func=command_publish)
    evaluate = sub.add_parser("eval", help="compare a projects.json with a hand-checked gold file")
    evaluate.add_argument("output")
    evaluate.add_argument("gold")
    evaluate.add_argument("--json", action="store_true", help="machine-readable figures")
    evaluate.set_defaults(func=command_eval)
    diff = sub.add_parser("diff", help="what changed between two projects.json (runs or editions)")
    diff.add_argument("old")
    diff.add_argument("new")
    diff.add_argument("--json", action="store_true")
    diff.add_argument("--exit-code", action="store_true", help="exit 1 when the two differ (like git diff)")
    diff.set_defaults(func=command_diff)
    schema = sub.add_parser("schema", help="print the JSON Schema of projects.json")
    schema.set_defaults(func=command_schema)
    return parser


def os_error_text(exc: OSError) -> str:
    """'output/x: Permission denied' from an OSError."""
    where = exc.filename if exc.filename is not None else ""
    return f"{where}: {exc.strerror or exc}" if where else str(exc.strerror or exc)


def package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("mpsc")
    except PackageNotFoundError:
        return "(not installed)"


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    before = os.environ.get("MPSC_DEBUG")
    if args.debug:
        os.environ["MPSC_DEBUG"] = "1"  # worker processes of a batch inherit it
    try:
        return args.func(args)
    except InputError as exc:
        print(f"mpsc: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("mpsc: interrupted", file=sys.stderr)
        return EXIT_INTERNAL
    except MemoryError:  # the machine's limit, not a bug
        print("mpsc: error: out of memory (the input is too large for this machine)", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:  # a read-only folder, a full disk: the environment, not a bug
        print(f"mpsc: error: {os_error_text(exc)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:  # the user gets one line, never a traceback (unless asked for)
        if args.debug:
            raise
        print(f"mpsc: internal error: {type(exc).__name__}: {exc} (please report this)", file=sys.stderr)
        return EXIT_INTERNAL
    finally:
        if before is None:
            os.environ.pop("MPSC_DEBUG", None)


if __name__ == "__main__":
    sys.exit(main())
