"""A reviewer's decisions applied to the ledger.

Needs the raw text, the edits the rules made and the reviewer's decisions (corrections.Decision:
accept or reject an edit, or every edit of a word series). Produces the edits as decided, the
keys of the decisions that found an edit (apply_decisions), and edits for accepted series the
rules no longer propose (replay_accepted_series).
"""
from __future__ import annotations

import os
import re
from dataclasses import replace

from pipeline.corrections import Decision
from pipeline.edits import Edit
from pipeline.repair.words import TOKEN


def apply_decisions(edits: list[Edit], decisions: list[Decision]) -> tuple[list[Edit], set[str]]:
    """Edit decisions first, then series decisions ('fiir -> für' covers every such edit).
    Returns the edits and the keys of the decisions that found an edit."""
    by_key = {d.key: d for d in decisions}
    out, used = [], set()
    for e in edits:
        d = by_key.get(f"edit:{e.id}") or by_key.get(f"series:{e.series}")
        if d is None:
            out.append(e)
            continue
        used.add(d.key)
        if d.decision == "accept":
            out.append(replace(e, applied=True, confidence=1.0, decision="accepted"))
        else:
            out.append(replace(e, applied=False, decision="rejected"))
    return out, used


def replay_accepted_series(raw: str, edits: list[Edit], decisions: list[Decision]) -> list[Edit]:
    """Edits for accepted word series ('Burger -> Bürger') that the rules no longer propose, so a
    reviewer's decision outlives a change of the rules: every whole-word occurrence that no other
    edit touches gets the reviewer's spelling."""
    taken = [(e.start, e.end) for e in edits]
    out = []
    for d in decisions:
        before, arrow, after = (d.series or "").partition(" -> ")
        if d.decision != "accept" or not arrow or not TOKEN.fullmatch(before) or not after or before == after:
            continue
        head = len(os.path.commonprefix([before, after]))
        tail = min(len(os.path.commonprefix([before[::-1], after[::-1]])), min(len(before), len(after)) - head)
        for m in re.finditer(rf"(?<![\w]){re.escape(before)}(?![\w])", raw):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            out.append(Edit(m.start() + head, m.end() - tail, before[head : len(before) - tail],
                            after[head : len(after) - tail], "reviewer:series", 1.0, True, before, after,
                            decision="accepted"))
    return out
