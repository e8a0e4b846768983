"""A reviewer's decisions about stretches of the descriptions (corrections/overrides/<year>.json,
`passages`), applied to the record dicts after the overrides.

Each decision names its stretch by its text, so it holds wherever a rerun reads that text
again, and says nothing where the text is gone (a warning says so). A record a decision changed
keeps its automatic description and the decisions under `overrides.description`.
"""
from __future__ import annotations

import re

from pipeline.corrections import OverrideFile, Passage


def stretch_pattern(text: str) -> re.Pattern:
    """The stretch's words with any whitespace between them (a line break, a paragraph break)."""
    return re.compile(r"\s+".join(re.escape(word) for word in text.split()))


def without(text: str, start: int, end: int) -> str:
    """`text` with text[start:end] taken out, the spaces and paragraph breaks around it mended."""
    before, after = text[:start].rstrip(" "), text[end:].lstrip(" ")
    glue = " " if before and after and not before.endswith("\n") and not after.startswith("\n") else ""
    return re.sub(r"\n{3,}", "\n\n", before + glue + after).strip()


def with_inserted(description: str, stretch: str, after: str | None, paragraph: bool,
                  before: str | None = None) -> str | None:
    """The description with `stretch` put after the text `after` (in its paragraph, or as the
    next paragraph), as the paragraph before the one holding `before`, or as its last paragraph;
    None when `after` or `before` is not in it."""
    if before is not None:
        m = stretch_pattern(before).search(description)
        if m is None:
            return None
        start = description.rfind("\n\n", 0, m.start())
        start = 0 if start < 0 else start + 2
        return description[:start] + stretch + "\n\n" + description[start:]
    if after is None:
        return "\n\n".join(p for p in (description, stretch) if p)
    m = stretch_pattern(after).search(description)
    if m is None:
        return None
    if paragraph:
        end = description.find("\n\n", m.end())
        end = len(description) if end < 0 else end
        return description[:end] + "\n\n" + stretch + description[end:]
    rest = description[m.end() :]
    return description[: m.end()] + " " + stretch + ("" if not rest or rest[0] in " \n" else " ") + rest


def apply_passages(records: list[dict], files: list[OverrideFile], year: int | None,
                   renamed: dict[str, str] | None = None) -> tuple[list[dict], list[str]]:
    """-> (records with the reviewer's passage decisions applied, warnings about decisions whose
    stretch or record was not found). A decision may name a record by the id an override of its
    name gave it (`renamed`: that id -> the tool's)."""
    renamed = renamed or {}
    chosen = [p for f in files if f.edition == year for p in f.passages]
    if not chosen:
        return records, []
    by_id = {r["id"]: {**r, "figure_text": list(r.get("figure_text", [])), "overrides": dict(r.get("overrides", {}))}
             for r in records}
    automatic = {i: r["description"] for i, r in by_id.items()}
    applied: dict[str, list[Passage]] = {}
    warnings = []
    for passage in chosen:
        passage = passage.model_copy(update={"record": renamed.get(passage.record, passage.record),
                                             "to": renamed.get(passage.to, passage.to)})
        problem = apply_one(passage, by_id)
        if problem:
            warnings.append(f"passage decision for {passage.record} ({passage.action} '{passage.text[:40]}') "
                            f"not applied: {problem}")
            continue
        for touched in {passage.record, passage.to} - {None}:
            applied.setdefault(touched, []).append(passage)
    for record_id, passages in applied.items():
        record = by_id[record_id]
        record["overrides"]["description"] = {
            "automatic": automatic[record_id],
            "automatic_note": record["review_notes"].get("description"),
            "reviewer": ", ".join(dict.fromkeys(p.reviewer for p in passages)),
            "date": max((p.date for p in passages if p.date), default=None),
            "reason": "; ".join(summary(p, record_id) for p in passages),
        }
    return [by_id[r["id"]] for r in records], warnings


def apply_one(p: Passage, by_id: dict[str, dict]) -> str | None:
    """Apply one decision to the records (in place); -> what kept it from applying, or None."""
    record = by_id.get(p.record)
    if record is None:
        return "no such record"
    description = record["description"]
    found = stretch_pattern(p.text).search(description)
    if p.action == "figure":
        if found is None:
            return "the text is not in the description"
        record["description"] = without(description, found.start(), found.end())
        record["figure_text"].append(found.group())
    elif p.action == "word":
        pattern = re.compile(rf"(?<!\w){re.escape(p.text)}(?!\w)")
        if not pattern.search(description):
            return "the word is not in the description"
        record["description"] = pattern.sub(p.value, description)
    elif p.action in ("break", "join"):
        if found is None:
            return "the text is not in the description"
        before = description[: found.start()].rstrip(" ")
        if p.action == "break":
            if not before or before.endswith("\n"):
                return "a paragraph starts there already"
            record["description"] = before + "\n\n" + description[found.start() :]
        else:
            if not before.endswith("\n\n"):
                return "no paragraph starts with the text"
            glue = "" if before.rstrip().endswith("-") else " "
            record["description"] = before.rstrip() + glue + description[found.start() :]
    elif p.action == "prose":
        at = next(((i, m) for i, entry in enumerate(record["figure_text"])
                   if (m := stretch_pattern(p.text).search(entry))), None)
        if at is None:
            return "the text is not in figure_text"
        placed = with_inserted(description, at[1].group(), p.after, p.paragraph, p.before)
        if placed is None:
            return f"'{(p.after or p.before)[:40]}' is not in the description"
        i, m = at
        rest = without(record["figure_text"][i], m.start(), m.end())
        record["figure_text"][i : i + 1] = [rest] if rest.strip() else []
        record["description"] = placed
    else:  # move
        target = by_id.get(p.to)
        if target is None:
            return f"no record '{p.to}' to move it to"
        if found is None:
            return "the text is not in the description"
        placed = with_inserted(target["description"], found.group(), p.after, p.paragraph, p.before)
        if placed is None:
            return f"'{(p.after or p.before)[:40]}' is not in the description of {p.to}"
        record["description"] = without(description, found.start(), found.end())
        target["description"] = placed
    return None


def summary(p: Passage, record_id: str) -> str:
    """One decision in a few words, as the record it touched shows it."""
    head = f"'{p.text[:50]}{'…' if len(p.text) > 50 else ''}'"
    if p.action == "figure":
        return f"{head} is figure text ({p.reviewer})"
    if p.action == "prose":
        return f"{head} is running text ({p.reviewer})"
    if p.action == "word":
        return f"{head} reads '{p.value}' ({p.reviewer})"
    if p.action == "break":
        return f"a paragraph starts at {head} ({p.reviewer})"
    if p.action == "join":
        return f"the paragraph {head} goes on from the one before ({p.reviewer})"
    return (f"{head} moved to {p.to} ({p.reviewer})" if record_id == p.record
            else f"{head} moved here from {p.record} ({p.reviewer})")
