"""The ledger as written: one line of corrections.jsonl per edit."""
from __future__ import annotations

import re

from pipeline.edits import Edit

CONTEXT_WORDS = 5


def edit_context(raw: str, edit: Edit) -> str:
    """A few words either side of the edit, the edit itself in [brackets]."""
    before = re.sub(r"\s+", " ", raw[max(0, edit.start - 80) : edit.start]).split(" ")[-CONTEXT_WORDS:]
    after = re.sub(r"\s+", " ", raw[edit.end : edit.end + 80]).split(" ")[:CONTEXT_WORDS]
    return f"{' '.join(before)}[{edit.before}→{edit.after}]{' '.join(after)}".strip()


def edit_to_entry(raw: str, e: Edit) -> dict:
    """One line of corrections.jsonl."""
    return {
        "id": e.id, "rule": e.rule, "start": e.start, "end": e.end, "before": e.before, "after": e.after,
        "confidence": e.confidence, "applied": e.applied, "context": edit_context(raw, e),
        "record": e.record, "word_before": e.word_before or None, "word_after": e.word_after or None,
        "series": e.series, "decision": e.decision, "reason": e.reason or None,
    }
