"""Review: show a reviewer the fields and edits worth a look, take their word, keep it in corrections/.

- `result_to_review_html`: one self-contained page (review.html): each field to check with the
  source it was read from (the raw OCR lines with their numbers, or a picture of the printed
  page for a PDF) and a choice to confirm it or give the value; uncertain edit series first,
  every other series below, each with accept/reject and exceptions per occurrence. "Save review"
  downloads one JSON file (a reviewer's name is required).
- `apply_review`: `mpsc review OUTDIR --apply FILE --reviewer NAME` merges such a file into
  corrections/overrides/<year>.json (values, confirmations) and corrections/decisions.json.
- `review_in_terminal`: `mpsc review OUTDIR --reviewer NAME` walks through the fields to check and
  the uncertain series and writes the answers there too (and words to corrections/lexicon.json).
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from pipeline.files import write_files_atomically
from pipeline.corrections import FieldName

UNCERTAIN_BELOW = 0.75
CONTEXTS_SHOWN = 4  # in the terminal
OCCURRENCES_SHOWN = 12  # on the page, each with its own exception
CONTEXT_CHARS = 60
LINES_AROUND = 3


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


def cleaned_context(result, entry: dict) -> str:
    """The cleaned text around an edit, the edit's result marked: what the reader of the output
    sees ('die Stadt [für] alle')."""
    from bisect import bisect_left

    origin, text = result.cleaned.origin, result.cleaned.text
    start = bisect_left(origin, entry["start"])
    end = start + (len(entry["after"]) if entry["applied"] and entry["decision"] != "rejected" else 0)
    before = " ".join(text[max(0, start - CONTEXT_CHARS) : start].split()[1:])
    after = " ".join(text[end : end + CONTEXT_CHARS].split()[:-1])
    shown = text[start:end] if end > start else f"{entry['before']}→{entry['after']}?"
    return f"{before} [{shown}] {after}".strip()


def series_to_html(s: Series, index: int, contexts: dict[str, str], picture: str | None = None) -> str:
    state = "suggested, not applied" if s.suggestion else f"applied, confidence {s.confidence:.2f}"
    reasons = sorted({e.get("reason") or "" for e in s.entries} - {""})
    items = "".join(
        f'<li><label><input type="checkbox" class="except" data-edit="{html.escape(e["id"], quote=True)}"> except '
        f'this one</label> <span class="record">{html.escape(e["record"] or "(no record)")}</span>: '
        f"{highlight(contexts.get(e['id'], e['context']))}</li>"
        for e in s.entries[:OCCURRENCES_SHOWN])
    more = f"<li>… and {len(s.entries) - OCCURRENCES_SHOWN} more</li>" if len(s.entries) > OCCURRENCES_SHOWN else ""
    name = f"s{index}"
    key = html.escape(s.key, quote=True)
    why = f'<p class="why">{html.escape("; ".join(reasons))}</p>' if reasons else ""
    if picture:
        why += (f'<img class="evidence" loading="lazy" src="{html.escape(picture, quote=True)}" '
                f'alt="the printed line of the first occurrence of {html.escape(s.key, quote=True)}">')
    return (
        f'<section class="series{" uncertain" if s.uncertain else ""}" data-series="{key}">'
        f"<h3>{html.escape(s.key)} <small>{len(s.entries)}× · {html.escape(s.rules)} · {state}</small></h3>{why}"
        f"<ul>{items}{more}</ul>"
        f'<label><input type="radio" name="{name}" value="accept"> accept</label> '
        f'<label><input type="radio" name="{name}" value="reject"> reject</label> '
        f'<label><input type="radio" name="{name}" value="" checked> undecided</label>'
        "</section>"
    )


def lines_around(text: str, value, span: tuple[int, int] | None = None, reach: int = LINES_AROUND) -> list[tuple[int, str]]:
    """(line number, line) of the text's lines around where `value`'s first words stand, within
    `span` where given (a record's text: its first lines when the value is not found as read;
    without a span, nothing then)."""
    start, end = span or (0, len(text))
    words = (", ".join(value) if isinstance(value, list) else str(value or "")).split()
    probe = " ".join(words[:3])
    at = text.find(probe, start, end) if probe else -1
    if at < 0 and span is None:
        return []
    first, last = text.count("\n", 0, start), text.count("\n", 0, end)
    centre = text.count("\n", 0, at) if at >= 0 else first + 1
    lines = text.split("\n")
    return [(n + 1, lines[n]) for n in range(max(first, centre - reach), min(last, centre + reach) + 1) if n < len(lines)]


def field_to_html(project, field_name: str, result, evidence: dict[tuple[str, str], str]) -> str:
    """One field to check: its value, why it is flagged, where it was read, and the choice."""
    value = getattr(project, field_name)
    value = value.model_dump(mode="json") if hasattr(value, "model_dump") else value  # a place
    note = project.review_notes.get(field_name, "")
    shown = value if field_name != "description" else None
    key = f"{project.id}.{field_name}"
    picture = evidence.get((project.id, field_name))
    if picture:
        source = f'<img class="evidence" loading="lazy" src="{html.escape(picture, quote=True)}" alt="the printed page where {html.escape(key)} was read">'
    else:
        span = result.record_spans.get(project.id)
        around = lines_around(result.cleaned.raw, value if field_name != "description" else "", span) if span else []
        lines = "\n".join(f"{number:>6}  {line}" for number, line in around)
        source = f'<pre class="raw" title="raw OCR lines, numbered">{html.escape(lines)}</pre>' if lines else ""
    if field_name == "description":
        stretch = re.search(r"in '(.+?)' only", note)
        text = html.escape(value or "")
        if stretch and html.escape(stretch.group(1)) in text:
            text = text.replace(html.escape(stretch.group(1)), f"<mark>{html.escape(stretch.group(1))}</mark>", 1)
        current = f"<details open><summary>the description ({len(value or '')} characters)</summary><p class=\"text\">{text}</p></details>"
        editor = f'<textarea rows="6" aria-label="new value of {html.escape(key, quote=True)}">{html.escape(value or "")}</textarea>'
    elif isinstance(value, dict) or field_name == "place":  # a place is confirmed or left; no value is typed
        current = f"<p class=\"value\"><b>{html.escape(json.dumps(shown, ensure_ascii=False))}</b></p>"
        editor = None
    else:
        current = f"<p class=\"value\"><b>{html.escape(json.dumps(shown, ensure_ascii=False))}</b></p>"
        initial = ", ".join(value) if isinstance(value, list) else ("" if value is None else str(value))
        editor = f'<input type="text" size="60" value="{html.escape(initial, quote=True)}" aria-label="new value of {html.escape(key, quote=True)}">'
    name = f"f-{key}"
    return (
        f'<section class="field" data-record="{html.escape(project.id, quote=True)}" data-field="{field_name}" '
        f'data-automatic="{html.escape(json.dumps(value, ensure_ascii=False), quote=True)}" '
        f'data-source="{project.source_sha256 or ""}">'
        f"<h3>{html.escape(project.name)} · {field_name}</h3>{current}"
        f'<p class="why">{html.escape(note)}</p>{source}'
        f'<label><input type="radio" name="{html.escape(name, quote=True)}" value="" checked> check later</label> '
        f'<label><input type="radio" name="{html.escape(name, quote=True)}" value="confirm"> the automatic value is right</label> '
        + (f'<label><input type="radio" name="{html.escape(name, quote=True)}" value="set"> set the value:</label> {editor}'
           if editor else "")
        + "</section>"
    )


def result_to_review_html(result, entries: list[dict], evidence: dict | None = None) -> str:
    """The review page of a Result, from its ledger entries (the lines of corrections.jsonl);
    `evidence`: (record, field) or a series' key -> a picture of the printed page (a path
    relative to the page)."""
    series = entries_to_series(entries)
    uncertain = [s for s in series if s.uncertain]
    settled = [s for s in series if not s.uncertain]
    brochure = result.brochure
    contexts = {e["id"]: cleaned_context(result, e) for s in series for e in s.entries[:OCCURRENCES_SHOWN]}
    fields = "".join(field_to_html(p, f, result, evidence or {}) for p in brochure.projects for f in p.needs_review)
    year = brochure.edition.year
    body = [
        f"<h1>Review: {html.escape(brochure.source.path)}</h1>",
        f"<p>{brochure.stats.projects} projects · {brochure.stats.flagged_fields} fields to check · "
        f"{brochure.stats.edits_applied} edits applied · {brochure.stats.edits_suggested} suggested · "
        f"{len(uncertain)} uncertain series</p>",
        f'<div id="review" data-edition="{year if year is not None else ""}" data-source="{brochure.source.sha256}">'
        '<label>Your name (required to save): <input id="reviewer" type="text" autocomplete="name"></label> '
        '<button id="save">Save review</button> <span id="status" role="status"></span></div>',
        "<h2>Fields to check</h2>",
        fields or "<p>None.</p>",
        f"<h2>Uncertain edits ({len(uncertain)} series)</h2>",
        "".join(series_to_html(s, i, contexts, (evidence or {}).get(s.key)) for i, s in enumerate(uncertain))
        or "<p>None.</p>",
        f"<details><summary><h2>All other edits ({len(settled)} series)</h2></summary>",
        "".join(series_to_html(s, len(uncertain) + i, contexts) for i, s in enumerate(settled)),
        "</details>",
        "<h2>Saving</h2><p>\"Save review\" downloads <code>review-YEAR.json</code> with your choices. "
        "<code>mpsc review OUTDIR --apply review-YEAR.json --reviewer NAME</code> merges it into "
        "<code>corrections/</code> (values and confirmations into <code>overrides/YEAR.json</code>, edits into "
        "<code>decisions.json</code>); the next <code>mpsc extract</code> applies it.</p>",
        '<pre id="saved" hidden></pre>',
    ]
    return PAGE.replace("{body}", "\n".join(body))


PAGE = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>mpsc review</title>
<style>
body { font: 15px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 62em; color: #222; }
h3 { margin: .2em 0; font-size: 1.05em; } h3 small { color: #666; font-weight: normal; }
section.series, section.field { border-left: 4px solid #ccc; padding: .3em .8em; margin: .8em 0; }
section.uncertain, section.field { border-color: #d97706; background: #fffbeb; }
section.field.decided { border-color: #16a34a; background: #f0fdf4; }
mark { background: #fde68a; padding: 0 .15em; } ul { margin: .2em 0; } .why { color: #555; margin: .2em 0; }
.record { color: #555; font-size: .9em; } pre { background: #f4f4f5; padding: .5em; white-space: pre-wrap; }
pre.raw { font-size: .85em; } img.evidence { max-width: 100%; border: 1px solid #ccc; display: block; margin: .4em 0; }
#review { position: sticky; top: 0; background: #fff; padding: .5em 0; border-bottom: 1px solid #ddd; }
summary h2 { display: inline; } textarea { width: 100%; }
</style></head><body>
{body}
<script>
function reviewOf() {
  var box = document.getElementById("review");
  var out = {mpsc_review: 1, edition: box.dataset.edition ? Number(box.dataset.edition) : null,
             source_sha256: box.dataset.source, reviewer: document.getElementById("reviewer").value.trim(),
             date: new Date().toISOString().slice(0, 10), fields: [], decisions: []};
  document.querySelectorAll("section.field").forEach(function (f) {
    var c = f.querySelector("input[type=radio]:checked");
    if (!c || !c.value) return;
    var item = {record: f.dataset.record, field: f.dataset.field, action: c.value,
                automatic: JSON.parse(f.dataset.automatic), source: f.dataset.source};
    if (c.value === "set") item.value = f.querySelector("input[type=text], textarea").value;
    out.fields.push(item);
  });
  document.querySelectorAll("section.series").forEach(function (s) {
    var c = s.querySelector("input[type=radio]:checked");
    if (!c || !c.value) return;
    out.decisions.push({series: s.dataset.series, decision: c.value});
    s.querySelectorAll("input.except:checked").forEach(function (e) {
      out.decisions.push({edit: e.dataset.edit, decision: c.value === "accept" ? "reject" : "accept"});
    });
  });
  return out;
}
document.querySelectorAll("section.field input, section.field textarea").forEach(function (el) {
  el.addEventListener("input", function () {
    var f = el.closest("section.field");
    if (el.type !== "radio") f.querySelector("input[value=set]").checked = true;
    f.classList.toggle("decided", !!f.querySelector("input[type=radio]:checked").value);
  });
  el.addEventListener("change", function () {
    var f = el.closest("section.field");
    f.classList.toggle("decided", !!f.querySelector("input[type=radio]:checked").value);
  });
});
document.getElementById("save").onclick = function () {
  var review = reviewOf(), status = document.getElementById("status");
  if (!review.reviewer) {
    status.textContent = "Enter your name first: every decision is stored with its reviewer.";
    document.getElementById("reviewer").focus();
    return;
  }
  var text = JSON.stringify(review, null, 2), saved = document.getElementById("saved");
  saved.textContent = text; saved.hidden = false;
  var link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([text], {type: "application/json"}));
  link.download = "review-" + (review.edition || "edition") + ".json";
  document.body.appendChild(link); link.click(); link.remove();
  status.textContent = review.fields.length + " fields and " + review.decisions.length + " decisions saved to " + link.download;
};
</script></body></html>
"""


# ---------------------------------------------------------------- merging a review into corrections/

class ReviewedField(BaseModel):
    model_config = ConfigDict(extra="forbid")
    record: str = Field(min_length=1)
    field: FieldName
    action: Literal["confirm", "set"]
    automatic: Any = None
    source: str = ""
    value: Optional[str] = None


class ReviewedEdit(BaseModel):
    model_config = ConfigDict(extra="forbid")
    series: Optional[str] = None
    edit: Optional[str] = None
    decision: Literal["accept", "reject"]


class ReviewFile(BaseModel):
    """What review.html's "Save review" downloads."""

    model_config = ConfigDict(extra="forbid")
    mpsc_review: Literal[1]
    edition: Optional[int]
    source_sha256: str
    reviewer: str = ""
    date: Optional[str] = None
    fields: list[ReviewedField] = Field(default_factory=list)
    decisions: list[ReviewedEdit] = Field(default_factory=list)


LIST_FIELDS = ("states",)


def typed_value(field_name: str, text: str | None):
    """A value as typed in the page -> the field's type ('Hessen, Bayern' -> a list for states)."""
    text = (text or "").strip()
    if field_name in LIST_FIELDS:
        return [part.strip() for part in text.split(",") if part.strip()]
    return text or None


def apply_review(outdir: Path, review_path: Path, corrections_dir: Path, reviewer: str | None) -> str:
    """Merge a saved review into corrections/: values into overrides/<year>.json, confirmations
    beside them, decisions on edits into decisions.json, each with reviewer and date; a later
    word on the same field or edit replaces an earlier one. -> a one-line summary."""
    from pipeline.errors import InputError

    output = read_output(outdir)
    try:
        review = ReviewFile.model_validate_json(review_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{review_path}: no such file") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"{review_path}: not a review saved by review.html ({str(exc).splitlines()[0]})") from None
    year = output["edition"].get("year")
    if review.source_sha256 != output["source"]["sha256"] or review.edition != year:
        raise InputError(f"{review_path} was saved for another input than {outdir} (edition {review.edition}, "
                         f"source {review.source_sha256[:12]}…)")
    name = (reviewer or review.reviewer or "").strip()
    if not name:
        raise InputError("a reviewer's name is required: give --reviewer NAME")
    if year is None and review.fields:
        raise InputError(f"{outdir}: the edition has no year, so its values have no overrides file to go to")
    day = review.date or date.today().isoformat()
    overrides = [{"record": f.record, "field": f.field, "value": typed_value(f.field, f.value), "reviewer": name,
                  "date": day, "reason": f"set in review.html ({review_path.name})"}
                 for f in review.fields if f.action == "set"]
    confirmations = [{"record": f.record, "field": f.field, "value": f.automatic, "source": f.source,
                      "reviewer": name, "date": day} for f in review.fields if f.action == "confirm"]
    decisions = [{k: v for k, v in {"series": d.series, "edit": d.edit, "decision": d.decision,
                                    "reviewer": name, "date": day}.items() if v is not None} for d in review.decisions]
    merge_into_corrections(corrections_dir, year, overrides, confirmations, decisions)
    return (f"{len(overrides)} values, {len(confirmations)} confirmations and {len(decisions)} decisions of {name} "
            f"merged into {corrections_dir}; rerun `mpsc extract` to apply them")


def merge_into_corrections(corrections_dir: Path, year: int | None, overrides: list[dict], confirmations: list[dict],
                           decisions: list[dict]) -> None:
    """Write the reviewer's words into corrections/ (validated, atomically); the latest word on
    a (record, field) or an edit or series replaces earlier ones."""
    from pipeline.corrections import DecisionFile, OverrideFile

    if overrides or confirmations:
        path = corrections_dir / "overrides" / f"{year}.json"
        data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {
            "about": f"Values and confirmations reviewers gave for the {year} edition.", "edition": year, "overrides": []}
        data.setdefault("overrides", [])
        data.setdefault("confirmations", [])
        for key, new in (("overrides", overrides), ("confirmations", confirmations)):
            taken = {(n["record"], n["field"]) for n in new}
            data[key] = [o for o in data[key] if (o["record"], o["field"]) not in taken] + new
        # a field set anew is no longer confirmed as it was, and a confirmed one no longer overridden
        data["confirmations"] = [c for c in data["confirmations"] if (c["record"], c["field"]) not in
                                 {(o["record"], o["field"]) for o in overrides}]
        data["overrides"] = [o for o in data["overrides"] if (o["record"], o["field"]) not in
                             {(c["record"], c["field"]) for c in confirmations}]
        OverrideFile.model_validate(data)
        write_json_atomically(path, data)
    if decisions:
        path = corrections_dir / "decisions.json"
        data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"decisions": []}
        taken = {(d.get("series"), d.get("edit")) for d in decisions}
        data["decisions"] = [d for d in data["decisions"] if (d.get("series"), d.get("edit")) not in taken] + decisions
        DecisionFile.model_validate(data)
        write_json_atomically(path, data)


def read_output(outdir: Path) -> dict:
    from pipeline.errors import InputError

    path = outdir / "projects.json"
    if not path.is_file():
        raise InputError(f"{outdir}: no projects.json (run `mpsc extract` first)")
    return json.loads(path.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- the terminal

def review_in_terminal(outdir: Path, corrections_dir: Path, reviewer: str | None, stdin: IO, stdout: IO) -> int:
    """Ask about every field to check and every uncertain series not yet decided; return how
    many answers were taken."""
    from pipeline.errors import InputError

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


def write_json_atomically(path: Path, data: dict) -> None:
    write_files_atomically(path.parent, {path.name: json.dumps(data, ensure_ascii=False, indent=2) + "\n"})
