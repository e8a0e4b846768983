"""Review in a terminal: `mpsc review OUTDIR --reviewer NAME` walks through the fields to check
and the uncertain edit series and writes the answers to corrections/ (words the reviewer says
are right to corrections/lexicon.json)."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import IO

from pipeline.corrections import load_corrections
from pipeline.errors import InputError
from pipeline.review.apply import (decision_entry, merge_into_corrections, output_year, read_output, typed_value,
                                   value_problem)
from pipeline.review.page import CONTEXTS_SHOWN, entries_to_series, lines_around


def review_in_terminal(outdir: Path, corrections_dir: Path, reviewer: str | None, stdin: IO, stdout: IO) -> int:
    """Ask about every field to check and every uncertain series not yet decided; return how
    many answers were taken."""

    ledger = outdir / "corrections.jsonl"
    if not ledger.is_file():
        raise InputError(f"{outdir}: no corrections.jsonl (run `mpsc extract` first)")
    if not (reviewer or "").strip():
        raise InputError("a reviewer's name is required: give --reviewer NAME")
    output = read_output(outdir)
    cleaned = (outdir / "cleaned.txt").read_text(encoding="utf-8") if (outdir / "cleaned.txt").is_file() else ""
    entries = read_ledger(ledger)
    holding = load_corrections(corrections_dir).decisions.holding_for(output_year(output, outdir),
                                                                       output["source"]["sha256"])
    decided = {d.series for d in holding} | {d.edit for d in holding}
    fields = [(p, f) for p in output["projects"] for f in p["needs_review"]]
    todo = [s for s in entries_to_series(entries) if s.uncertain and s.key not in decided]
    print(f"{len(fields)} fields and {len(todo)} uncertain series to review.\nFields: c (the automatic value is "
          "right), v (type the value), s (skip), q (quit). Edits: a (accept), r (reject), s (skip), w (the word as "
          "read is right: add it to the lexicon), q (quit).", file=stdout)
    day = date.today().isoformat()
    overrides, confirmations, new_decisions, words = [], [], [], []
    quit_ = False
    for number, (project, field_name) in enumerate(fields, start=1):
        value = project.get(field_name)
        shown = "(the description below)" if field_name == "description" else json.dumps(value, ensure_ascii=False)
        print(f"\n[field {number}/{len(fields)}] {project['name']} · {field_name}: {shown}\n    why: "
              f"{project['review_notes'].get(field_name, '')}", file=stdout)
        for _, line in lines_around(cleaned, value if field_name != "description" else (value or "")[:60], reach=1):
            if line.strip():
                print(f"    | {line}", file=stdout)
        answer = ask(stdin, stdout, "c/s/q" if field_name == "place" else "c/v/s/q")  # a place is not typed
        if answer == "q":
            quit_ = True
            break
        if answer == "c":
            confirmations.append({"record": project["id"], "field": field_name, "value": value,
                                  "source": project.get("source_sha256") or "", "reviewer": reviewer, "date": day})
        elif answer == "v":
            value = ask_value(stdin, stdout, field_name)
            if value is not SKIPPED:
                overrides.append({"record": project["id"], "field": field_name, "value": value, "reviewer": reviewer,
                                  "date": day, "reason": "set in `mpsc review`"})
    for number, s in enumerate([] if quit_ else todo, start=1):
        print(f"\n[{number}/{len(todo)}] {s.key}  ({len(s.entries)}×, {s.rules}, "
              f"{'suggested' if s.suggestion else 'applied'})", file=stdout)
        for e in s.entries[:CONTEXTS_SHOWN]:
            print(f"    {e['record'] or '(no record)'}: {e['context']}", file=stdout)
        answer = ask(stdin, stdout, "a/r/s/w/q")
        if answer == "q":
            break
        if answer in ("a", "r", "w"):
            new_decisions.append(decision_entry(s.key, None, "accept" if answer == "a" else "reject", "source",
                                                output_year(output, outdir), output["source"]["sha256"], reviewer, day))
            if answer == "w" and s.entries[0]["word_before"]:
                words.append(s.entries[0]["word_before"])
    merge_into_corrections(corrections_dir, output_year(output, outdir), overrides, confirmations, new_decisions,
                           words)
    taken = len(overrides) + len(confirmations) + len(new_decisions)
    print(f"\n{taken} answers written to {corrections_dir}; rerun `mpsc extract` to apply them.", file=stdout)
    return taken


CHOICES = {"a": "accept", "r": "reject", "s": "skip", "w": "the word as read is right", "q": "quit",
           "c": "the automatic value is right", "v": "type the value"}
SKIPPED = object()


def ask(stdin: IO, stdout: IO, choices: str = "a/r/s/w/q") -> str:
    """One answer among `choices`; an answer that is none of them says what is allowed and asks
    again; the end of the input is 'q'."""
    allowed = choices.split("/")
    while True:
        print(f"  [{choices}] ", end="", file=stdout, flush=True)
        line = stdin.readline()
        if not line:
            return "q"
        answer = line.strip().lower()[:1]
        if answer in allowed:
            return answer
        print("  please answer " + ", ".join(f"{c} ({CHOICES[c]})" for c in allowed), file=stdout)


def ask_value(stdin: IO, stdout: IO, field_name: str):
    """A typed value for the field, asked again until it is one the field can hold; an empty
    line or the end of the input skips the field."""
    while True:
        print(f"  {field_name}{' (Länder, comma-separated)' if field_name == 'states' else ''}: ", end="",
              file=stdout, flush=True)
        line = stdin.readline()
        if not line.strip():
            return SKIPPED
        value = typed_value(field_name, line)
        problem = value_problem(field_name, value)
        if problem is None:
            return value
        print(f"  {problem}; type it again, or an empty line to skip", file=stdout)


def read_ledger(path: Path) -> list[dict]:
    """corrections.jsonl's entries, refused where a line is not one."""
    try:
        entries = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not a ledger of mpsc extract ({str(exc).splitlines()[0]})") from None
    needed = ("id", "series", "applied", "confidence", "decision", "record", "context", "rule", "word_before")
    if not all(isinstance(e, dict) and all(k in e for k in needed) for e in entries):
        raise InputError(f"{path}: not a ledger of mpsc extract (an entry lacks its fields)")
    return entries
