"""Review in a terminal: `mpsc review OUTDIR --reviewer NAME` walks through the fields to check
and the uncertain edit series and writes the answers to corrections/ (words the reviewer says
are right to corrections/lexicon.json)."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import IO

from pipeline.corrections import OverrideFile, load_corrections
from pipeline.errors import InputError
from pipeline.records.passages import apply_passages
from pipeline.review.apply import (decision_entry, merge_into_corrections, output_year, passage_entry,
                                   passage_problem, read_output, typed_value, value_problem)
from pipeline.review.page import CONTEXTS_SHOWN, entries_to_series, lines_around


def review_in_terminal(outdir: Path, corrections_dir: Path, reviewer: str | None, stdin: IO, stdout: IO,
                       every_description: bool = False) -> int:
    """Ask about every field to check (with `every_description`, every record's description too)
    and every uncertain series not yet decided; return how many answers were taken. A
    description is shown whole, with its figure text, and stretches of it can be marked
    (ask_passages) before it is confirmed."""

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
    if every_description:
        fields = [(p, f) for p in output["projects"]
                  for f in p["needs_review"] + (["description"] if "description" not in p["needs_review"] else [])]
    working = [dict(p) for p in output["projects"]]  # the descriptions as this review's passages leave them
    todo = [s for s in entries_to_series(entries) if s.uncertain and s.key not in decided]
    print(f"{len(fields)} fields and {len(todo)} uncertain series to review.\nFields: c (the automatic value is "
          "right), v (type the value), s (skip), q (quit). Edits: a (accept), r (reject), s (skip), w (the word as "
          "read is right: add it to the lexicon), q (quit).", file=stdout)
    day = date.today().isoformat()
    overrides, confirmations, new_decisions, words, passages = [], [], [], [], []
    year = output_year(output, outdir)
    quit_ = False
    for number, (project, field_name) in enumerate(fields, start=1):
        if field_name == "description":
            answer = review_description(project, working, passages, reviewer, day, year, stdin, stdout,
                                        f"[field {number}/{len(fields)}]")
            if answer == "q":
                quit_ = True
                break
            current = next(p for p in working if p["id"] == project["id"])
            if answer == "c" and "description" in project["needs_review"]:
                confirmations.append({"record": project["id"], "field": "description", "value": current["description"],
                                      "source": project.get("source_sha256") or "", "reviewer": reviewer, "date": day})
            continue
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
    merge_into_corrections(corrections_dir, year, overrides, confirmations, new_decisions, words, passages)
    taken = len(overrides) + len(confirmations) + len(new_decisions) + len(passages)
    print(f"\n{taken} answers written to {corrections_dir}; rerun `mpsc extract` to apply them.", file=stdout)
    return taken


PASSAGE_HELP = """  Mark stretches of the description, one per line (TEXT: the words as shown):
    f TEXT              TEXT is figure text, not running text
    p TEXT [>> AFTER]   figure text TEXT is running text: after AFTER in its paragraph, else at the end
    P TEXT >> AFTER     the same, as a paragraph of its own after the one holding AFTER
    B TEXT >> BEFORE    the same, as the paragraph before the one holding BEFORE
    m TEXT >> RECORD    TEXT belongs to the record with the id RECORD (at the end of its description)
    w WORD >> RIGHT     the word WORD reads RIGHT (words too: 'w Distanz eine >> Distanz erhalten eine')
    b TEXT              a paragraph starts at TEXT
    j TEXT              the paragraph starting with TEXT goes on from the one before
    .                   done"""


def review_description(project: dict, working: list[dict], passages: list[dict], reviewer: str, day: str,
                       year: int | None, stdin: IO, stdout: IO, head: str) -> str:
    """Show a record's description as this review left it, with its figure text; 'e' marks
    stretches (their decisions are added to `passages`, and `working` changes with them);
    -> the last answer: 'c' (the description is right as it stands), 's' or 'q'."""
    flagged = "description" in project["needs_review"]
    while True:
        current = next(p for p in working if p["id"] == project["id"])
        why = project["review_notes"].get("description", "") if flagged else "(not flagged)"
        print(f"\n{head} {project['name']} ({project['id']}) · description\n    why: {why}", file=stdout)
        for i, para in enumerate(current["description"].split("\n\n"), start=1):
            print(f"  ¶{i} {para}", file=stdout)
        for entry in current["figure_text"]:
            print(f"  [figure] {entry}", file=stdout)
        answer = ask(stdin, stdout, "c/e/s/q" if flagged else "e/s/q")
        if answer != "e":
            return answer
        print(PASSAGE_HELP, file=stdout)
        ask_passages(project["id"], working, passages, reviewer, day, year, stdin, stdout)


def ask_passages(record: str, working: list[dict], passages: list[dict], reviewer: str, day: str,
                 year: int | None, stdin: IO, stdout: IO) -> None:
    """Read passage commands until '.', an empty line or the end of the input; each one is
    checked against the description as it stands, refused with the reason, or taken."""
    while True:
        print("  passage: ", end="", file=stdout, flush=True)
        line = stdin.readline()
        if not line.strip() or line.strip() == ".":
            return
        entry, problem = parse_passage(line.strip(), record)
        if entry is not None:
            problem = passage_problem(entry, working)
        if problem:
            print(f"  {problem}; type it again", file=stdout)
            continue
        entry = passage_entry(entry, reviewer, day, "marked in `mpsc review`")
        decided, _ = apply_passages(working, [OverrideFile(edition=year or 0, passages=[entry])], year or 0)
        working[:] = decided
        passages.append(entry)


def parse_passage(line: str, record: str) -> tuple[dict | None, str | None]:
    """One command of PASSAGE_HELP -> (the decision as a dict, None) or (None, what is wrong)."""
    command, _, rest = line.partition(" ")
    text, _, target = (part.strip() for part in rest.partition(">>"))
    actions = {"f": "figure", "p": "prose", "P": "prose", "B": "prose", "m": "move", "w": "word", "b": "break",
               "j": "join"}
    if command not in actions or not text:
        return None, "a command is f, p, P, B, m, w, b or j and a text"
    entry = {"record": record, "action": actions[command], "text": text}
    if command in ("f", "b", "j") and target:
        return None, f"{command} takes no '>>'"
    if command in ("m", "w", "P", "B") and not target:
        return None, f"{command} needs '>> {dict(m='RECORD', w='RIGHT', P='AFTER', B='BEFORE')[command]}'"
    if command in ("p", "P") and target:
        entry.update(after=target, paragraph=command == "P")
    elif command == "B":
        entry["before"] = target
    elif command == "m":
        entry["to"] = target
    elif command == "w":
        entry["value"] = target
    return entry, None


CHOICES = {"a": "accept", "r": "reject", "s": "skip", "w": "the word as read is right", "q": "quit",
           "c": "the automatic value is right", "v": "type the value", "e": "mark stretches of it"}
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
