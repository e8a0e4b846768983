"""Review in a terminal: `mpsc review OUTDIR --reviewer NAME` walks through the fields to check
and the uncertain edit series and writes the answers to corrections/ (words the reviewer says
are right to corrections/lexicon.json)."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import IO

from pipeline.errors import InputError
from pipeline.review.apply import merge_into_corrections, read_output, typed_value, write_json_atomically
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
    entries = [json.loads(line) for line in ledger.read_text(encoding="utf-8").splitlines() if line.strip()]
    decisions_path = corrections_dir / "decisions.json"
    decisions = json.loads(decisions_path.read_text(encoding="utf-8")) if decisions_path.exists() else {"decisions": []}
    decided = {d.get("series") for d in decisions["decisions"]} | {d.get("edit") for d in decisions["decisions"]}
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
        answer = ask(stdin, stdout, "c/v/s/q")
        if answer == "q":
            quit_ = True
            break
        if answer == "c":
            confirmations.append({"record": project["id"], "field": field_name, "value": value,
                                  "source": project.get("source_sha256") or "", "reviewer": reviewer, "date": day})
        elif answer == "v" and field_name != "place":
            print("  value: ", end="", file=stdout, flush=True)
            overrides.append({"record": project["id"], "field": field_name,
                              "value": typed_value(field_name, stdin.readline()), "reviewer": reviewer,
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
            new_decisions.append({"series": s.key, "decision": "accept" if answer == "a" else "reject",
                                  "reviewer": reviewer, "date": day})
            if answer == "w" and s.entries[0]["word_before"]:
                words.append(s.entries[0]["word_before"])
    merge_into_corrections(corrections_dir, output["edition"].get("year"), overrides, confirmations, new_decisions)
    if words:
        lexicon_path = corrections_dir / "lexicon.json"
        lexicon = json.loads(lexicon_path.read_text(encoding="utf-8"))
        lexicon["words"] = sorted(set(lexicon["words"]) | set(words))
        write_json_atomically(lexicon_path, lexicon)
    taken = len(overrides) + len(confirmations) + len(new_decisions)
    print(f"\n{taken} answers written to {corrections_dir}; rerun `mpsc extract` to apply them.", file=stdout)
    return taken


def ask(stdin: IO, stdout: IO, choices: str = "a/r/s/w/q") -> str:
    allowed = choices.split("/")
    while True:
        print(f"  [{choices}] ", end="", file=stdout, flush=True)
        line = stdin.readline()
        if not line:
            return "q"
        answer = line.strip().lower()[:1]
        if answer in allowed:
            return answer
