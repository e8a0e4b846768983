"""Review: show a reviewer the edits worth a look, take their decisions, keep them in corrections/.

- `result_to_review_html`: one self-contained page (review.html): fields to check, uncertain edit
  series first, every other series below, with accept/reject choices that export decisions.json.
- `review_in_terminal`: `mpsc review OUTDIR` walks through the uncertain series and writes the
  answers to corrections/decisions.json (and words to corrections/lexicon.json).
"""
from __future__ import annotations

import html
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO

from .files import write_files_atomically

UNCERTAIN_BELOW = 0.75
CONTEXTS_SHOWN = 4


@dataclass(frozen=True)
class Series:
    key: str  # 'fiir -> für'
    entries: list[dict]

    @property
    def uncertain(self) -> bool:
        return any(e["decision"] is None and (not e["applied"] or e["confidence"] < UNCERTAIN_BELOW)
                   for e in self.entries)

    @property
    def suggestion(self) -> bool:
        return any(not e["applied"] for e in self.entries)

    @property
    def confidence(self) -> float:
        return min(e["confidence"] for e in self.entries)

    @property
    def rules(self) -> str:
        return ", ".join(sorted({e["rule"] for e in self.entries}))


def entries_to_series(entries: list[dict]) -> list[Series]:
    """Group edits by series; uncertain ones first (suggestions, then by confidence), then the rest."""
    groups: dict[str, list[dict]] = {}
    for e in entries:
        groups.setdefault(e["series"], []).append(e)
    series = [Series(k, v) for k, v in groups.items()]
    return sorted(series, key=lambda s: (not s.uncertain, not s.suggestion, s.confidence, -len(s.entries), s.key))


# ---------------------------------------------------------------- the page

def highlight(context: str) -> str:
    """'fiir [ii→ü] alle' -> escaped HTML with the edit marked."""
    start, end = context.find("["), context.rfind("]")
    if start < 0 or end < start:
        return html.escape(context)
    return (html.escape(context[:start]) + "<mark>" + html.escape(context[start + 1 : end]) + "</mark>"
            + html.escape(context[end + 1 :]))


def series_to_html(s: Series, index: int) -> str:
    state = "suggested, not applied" if s.suggestion else f"applied, confidence {s.confidence:.2f}"
    contexts = "".join(f"<li>{highlight(e['context'])}</li>" for e in s.entries[:CONTEXTS_SHOWN])
    more = f"<li>… and {len(s.entries) - CONTEXTS_SHOWN} more</li>" if len(s.entries) > CONTEXTS_SHOWN else ""
    name = f"s{index}"
    key = html.escape(s.key, quote=True)
    return (
        f'<section class="series{" uncertain" if s.uncertain else ""}" data-series="{key}">'
        f"<h3>{html.escape(s.key)} <small>{len(s.entries)}× · {html.escape(s.rules)} · {state}</small></h3>"
        f"<ul>{contexts}{more}</ul>"
        f'<label><input type="radio" name="{name}" value="accept"> accept</label> '
        f'<label><input type="radio" name="{name}" value="reject"> reject</label> '
        f'<label><input type="radio" name="{name}" value="" checked> undecided</label>'
        "</section>"
    )


def result_to_review_html(result, entries: list[dict]) -> str:
    """The review page of a Result, from its ledger entries (the lines of corrections.jsonl)."""
    series = entries_to_series(entries)
    uncertain = [s for s in series if s.uncertain]
    settled = [s for s in series if not s.uncertain]
    brochure = result.brochure
    rows = "".join(
        f"<tr><td>{html.escape(p.name)}</td><td>{html.escape(f)}</td>"
        f"<td>{html.escape(str(getattr(p, f)) if f != 'description' else '(description)')}</td>"
        f"<td>{html.escape(p.review_notes.get(f, ''))}</td></tr>"
        for p in brochure.projects for f in p.needs_review
    )
    body = [
        f"<h1>Review: {html.escape(brochure.source.path)}</h1>",
        f"<p>{brochure.stats.projects} projects · {brochure.stats.flagged_fields} fields to check · "
        f"{brochure.stats.edits_applied} edits applied · {brochure.stats.edits_suggested} suggested · "
        f"{len(uncertain)} uncertain series</p>",
        "<h2>Fields to check</h2>",
        f"<table><tr><th>record</th><th>field</th><th>value</th><th>why</th></tr>{rows}</table>"
        if rows else "<p>None.</p>",
        f"<h2>Uncertain edits ({len(uncertain)} series)</h2>",
        "".join(series_to_html(s, i) for i, s in enumerate(uncertain)) or "<p>None.</p>",
        f"<details><summary><h2>All other edits ({len(settled)} series)</h2></summary>",
        "".join(series_to_html(s, len(uncertain) + i) for i, s in enumerate(settled)),
        "</details>",
        '<h2>Decisions</h2><p>Choose accept or reject above, then save the file as '
        "<code>corrections/decisions.json</code> (or merge it into the one there) and rerun "
        "<code>mpsc extract</code>. <code>mpsc review OUTDIR</code> does the same in a terminal.</p>",
        '<button id="export">Show decisions.json</button><pre id="decisions"></pre>',
    ]
    return PAGE.format(body="\n".join(body))


PAGE = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>mpsc review</title>
<style>
body {{ font: 15px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 60em; color: #222; }}
h3 {{ margin: .2em 0; font-size: 1.05em; }} h3 small {{ color: #666; font-weight: normal; }}
section.series {{ border-left: 4px solid #ccc; padding: .3em .8em; margin: .6em 0; }}
section.uncertain {{ border-color: #d97706; background: #fffbeb; }}
mark {{ background: #fde68a; padding: 0 .15em; }} ul {{ margin: .2em 0; }}
table {{ border-collapse: collapse; }} td, th {{ border: 1px solid #ddd; padding: .2em .5em; text-align: left; }}
summary h2 {{ display: inline; }} pre {{ background: #f4f4f5; padding: .5em; white-space: pre-wrap; }}
</style></head><body>
{body}
<script>
document.getElementById("export").onclick = function () {{
  var out = [];
  document.querySelectorAll("section.series").forEach(function (s) {{
    var c = s.querySelector("input:checked");
    if (c && c.value) out.push({{series: s.dataset.series, decision: c.value}});
  }});
  document.getElementById("decisions").textContent = JSON.stringify({{decisions: out}}, null, 2);
}};
</script></body></html>
"""


# ---------------------------------------------------------------- the terminal

def review_in_terminal(outdir: Path, corrections_dir: Path, reviewer: str | None, stdin: IO, stdout: IO) -> int:
    """Ask about every uncertain series not yet decided; return how many decisions were taken."""
    from .errors import InputError

    ledger = outdir / "corrections.jsonl"
    if not ledger.is_file():
        raise InputError(f"{outdir}: no corrections.jsonl (run `mpsc extract` first)")
    entries = [json.loads(line) for line in ledger.read_text(encoding="utf-8").splitlines() if line.strip()]
    decisions_path = corrections_dir / "decisions.json"
    decisions = json.loads(decisions_path.read_text(encoding="utf-8")) if decisions_path.exists() else {"decisions": []}
    decided = {d.get("series") for d in decisions["decisions"]} | {d.get("edit") for d in decisions["decisions"]}
    todo = [s for s in entries_to_series(entries) if s.uncertain and s.key not in decided]
    print(f"{len(todo)} uncertain series to review. Answer a (accept), r (reject), s (skip), "
          "w (the word as read is right: add it to the lexicon), q (quit).", file=stdout)
    taken, words = 0, []
    for number, s in enumerate(todo, start=1):
        print(f"\n[{number}/{len(todo)}] {s.key}  ({len(s.entries)}×, {s.rules}, "
              f"{'suggested' if s.suggestion else 'applied'})", file=stdout)
        for e in s.entries[:CONTEXTS_SHOWN]:
            print(f"    {e['context']}", file=stdout)
        answer = ask(stdin, stdout)
        if answer == "q":
            break
        if answer in ("a", "r", "w"):
            entry = {"series": s.key, "decision": "accept" if answer == "a" else "reject",
                     "reviewer": reviewer, "date": date.today().isoformat()}
            decisions["decisions"].append({k: v for k, v in entry.items() if v is not None})
            taken += 1
            if answer == "w" and s.entries[0]["word_before"]:
                words.append(s.entries[0]["word_before"])
    if taken:
        write_json_atomically(decisions_path, decisions)
    if words:
        lexicon_path = corrections_dir / "lexicon.json"
        lexicon = json.loads(lexicon_path.read_text(encoding="utf-8"))
        lexicon["words"] = sorted(set(lexicon["words"]) | set(words))
        write_json_atomically(lexicon_path, lexicon)
    print(f"\n{taken} decisions written to {decisions_path}; rerun `mpsc extract` to apply them.", file=stdout)
    return taken


def ask(stdin: IO, stdout: IO) -> str:
    while True:
        print("  [a/r/s/w/q] ", end="", file=stdout, flush=True)
        line = stdin.readline()
        if not line:
            return "q"
        answer = line.strip().lower()[:1]
        if answer in ("a", "r", "s", "w", "q"):
            return answer


def write_json_atomically(path: Path, data: dict) -> None:
    write_files_atomically(path.parent, {path.name: json.dumps(data, ensure_ascii=False, indent=2) + "\n"})
