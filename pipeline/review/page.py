"""Review page: the fields and edits worth a look, as one self-contained review.html.

- `result_to_review_html`: one self-contained page (review.html): each field to check with the
  source it was read from (the raw OCR lines with their numbers, or a picture of the printed
  page for a PDF) and a choice to confirm it or give the value; uncertain edit series first,
  every other series below, each with accept/reject and exceptions per occurrence; every
  record's description, where selected words can be marked as figure text, misspelt or another
  record's, and figure text as running text (passage decisions). "Save review" downloads one
  JSON file (a reviewer's name is required).
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass

from pipeline.edits import UNCERTAIN_BELOW

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
    """The cleaned text around an edit, the edit marked inside its word: what the reader of the
    output sees ('die Stadt [für] alle', 'Haller H[ö]fe digital'); a suggestion shows the letters
    as read and the repair offered ('Netzwerkst[a→ä?]dt')."""
    from bisect import bisect_left

    origin, text = result.cleaned.origin, result.cleaned.text
    start = bisect_left(origin, entry["start"])
    applied = entry["applied"] and entry["decision"] != "rejected"
    end = start + len(entry["after"] if applied else entry["before"])
    if applied:  # what the output reads; a deletion (a line-end hyphen joined) shows what went
        shown = text[start:end] or f"{visible(entry['before'])}→"
    else:
        shown = f"{visible(entry['before'])}→{visible(entry['after'])}?"
    left = re.sub(r"\s+", " ", text[max(0, start - CONTEXT_CHARS) : start])
    right = re.sub(r"\s+", " ", text[end : end + CONTEXT_CHARS])
    if start > CONTEXT_CHARS:
        left = left.partition(" ")[2]  # no word cut at the window's edge
    if end + CONTEXT_CHARS < len(text):
        right = right.rpartition(" ")[0]
    return f"{left}[{shown}]{right}".strip()


def visible(text: str) -> str:
    """Line breaks and tabs in an edit, shown as signs."""
    return text.replace("\n", "⏎").replace("\t", "⇥")


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
        f'<label><input type="radio" name="{name}" value="" checked> undecided</label> '
        '<label title="without this, the decision holds for this source text only">'
        '<input type="checkbox" class="everywhere"> for every edition</label>'
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


def description_to_html(project, ids: list[str]) -> str:
    """A record's description and figure text, for marking stretches: select words of the
    description and say they are figure text, belong to another record or are misspelt; say of
    a figure text entry that it is running text. Each mark is a passage decision of the review."""
    record = html.escape(project.id, quote=True)
    paragraphs = "".join(f'<p class="text">{html.escape(p)}</p>' for p in project.description.split("\n\n"))
    figures = "".join(f'<li><span class="figure">{html.escape(f)}</span> <button class="prose">is running text</button></li>'
                      for f in project.figure_text)
    options = "".join(f'<option value="{html.escape(i, quote=True)}">{html.escape(i)}</option>' for i in ids
                      if i != project.id)
    return (
        f'<section class="description" data-record="{record}"><h3>{html.escape(project.name)} · description '
        f'<small>{"flagged" if "description" in project.needs_review else "not flagged"}</small></h3>'
        f'<div class="paragraphs">{paragraphs}</div>'
        '<p>Selected words: <button class="mark-figure">are figure text</button> '
        '<button class="mark-word">are misspelt…</button> '
        '<button class="mark-break">start a paragraph</button> '
        '<button class="mark-join">go on from the paragraph before</button> '
        f'<select class="move-to"><option value="">belong to record…</option>{options}</select></p>'
        f'<details><summary>figure text ({len(project.figure_text)})</summary><ul>{figures}</ul></details>'
        '<ul class="marked"></ul></section>'
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
        "<h2>Descriptions</h2><p>Select words of a description and mark them; the marks are saved with the "
        "review as passage decisions, keyed to the words themselves.</p>",
        "".join(description_to_html(p, [q.id for q in brochure.projects]) for p in brochure.projects),
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
             date: new Date().toISOString().slice(0, 10), fields: [], decisions: [],
             passages: passages.slice()};
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
    var scope = s.querySelector("input.everywhere:checked") ? "all" : "source";
    out.decisions.push({series: s.dataset.series, decision: c.value, scope: scope});
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
var passages = [];
function mark(section, passage) {
  passage.record = section.dataset.record;
  passages.push(passage);
  var item = document.createElement("li"), drop = document.createElement("button");
  item.textContent = passage.action + ": \u201c" + passage.text + "\u201d" +
    (passage.to ? " \u2192 " + passage.to : "") + (passage.value ? " \u2192 " + passage.value : "") +
    (passage.after ? " after \u201c" + passage.after + "\u201d" : "") + " ";
  drop.textContent = "undo";
  drop.onclick = function () { passages.splice(passages.indexOf(passage), 1); item.remove(); };
  item.appendChild(drop);
  section.querySelector("ul.marked").appendChild(item);
}
function selected(section) {
  var text = window.getSelection().toString().replace(/\\s+/g, " ").trim(), where = window.getSelection().anchorNode;
  if (!text || !where || !section.querySelector(".paragraphs").contains(where)) {
    document.getElementById("status").textContent = "Select words of this description first.";
    return null;
  }
  return text;
}
document.querySelectorAll("section.description").forEach(function (section) {
  section.querySelector(".mark-figure").onclick = function () {
    var text = selected(section); if (text) mark(section, {action: "figure", text: text});
  };
  section.querySelector(".mark-word").onclick = function () {
    var text = selected(section); if (!text) return;
    var value = prompt("\u201c" + text + "\u201d reads:", text);
    if (value && value.trim() && value.trim() !== text) mark(section, {action: "word", text: text, value: value.trim()});
  };
  section.querySelector(".mark-break").onclick = function () {
    var text = selected(section); if (text) mark(section, {action: "break", text: text});
  };
  section.querySelector(".mark-join").onclick = function () {
    var text = selected(section); if (text) mark(section, {action: "join", text: text});
  };
  section.querySelector(".move-to").onchange = function (e) {
    var to = e.target.value, text = to && selected(section);
    if (text) mark(section, {action: "move", text: text, to: to});
    e.target.value = "";
  };
  section.querySelectorAll("button.prose").forEach(function (b) {
    b.onclick = function () {
      var text = b.parentNode.querySelector(".figure").textContent;
      var after = prompt("It goes after these words of the description (empty: at the end):", "");
      if (after === null) return;
      mark(section, after.trim() ? {action: "prose", text: text, after: after.trim()} : {action: "prose", text: text});
    };
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
  status.textContent = review.fields.length + " fields, " + review.passages.length + " passages and " +
    review.decisions.length + " decisions saved to " + link.download;
};
</script></body></html>
"""
