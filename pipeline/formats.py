"""Downstream formats of projects.json and the comparison of two runs or editions.

- `projects_to_jsonl`: one project per line.
- `projects_to_csv`: one project per row; lists joined with '; ', needs_review as a list.
- `compare_brochures` (`mpsc diff OLD NEW`): records added, removed and fields changed, by id.
"""
from __future__ import annotations

import csv
import io
import json

CSV_FIELDS = ("id", "name", "category", "size_class", "states", "title", "motto", "page", "needs_review", "description")
COMPARED_FIELDS = ("name", "category", "size_class", "states", "title", "motto", "page", "description")


def projects_to_jsonl(brochure: dict) -> str:
    return "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in brochure["projects"])


def projects_to_csv(brochure: dict) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for p in brochure["projects"]:
        writer.writerow(["; ".join(v) if isinstance(v, list) else ("" if v is None else v)
                         for v in (p.get(f) for f in CSV_FIELDS)])
    return out.getvalue()


def compare_brochures(old: dict, new: dict) -> dict:
    """{'added': [ids], 'removed': [ids], 'changed': {id: {field: [old, new]}}}"""
    before = {p["id"]: p for p in old.get("projects", [])}
    after = {p["id"]: p for p in new.get("projects", [])}
    changed = {}
    for rid in sorted(before.keys() & after.keys()):
        fields = {f: [before[rid].get(f), after[rid].get(f)] for f in COMPARED_FIELDS
                  if before[rid].get(f) != after[rid].get(f)}
        if fields:
            changed[rid] = fields
    return {"added": sorted(after.keys() - before.keys()), "removed": sorted(before.keys() - after.keys()),
            "changed": changed}


def comparison_to_text(diff: dict) -> str:
    lines = [f"+ {rid}" for rid in diff["added"]] + [f"- {rid}" for rid in diff["removed"]]
    for rid, fields in diff["changed"].items():
        for field, (old, new) in fields.items():
            if field == "description":
                lines.append(f"~ {rid}.description changed")
            else:
                lines.append(f"~ {rid}.{field}: {old!r} -> {new!r}")
    return "\n".join(lines) if lines else "no differences"
