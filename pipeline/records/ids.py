"""Ids: a record's name -> its id, the final ids of all records, and the record each edit falls in.

An id is made from the final name (after the checks against the overview, a place repair and a
reviewer's overrides), so the same name gives the same id on every input route and in every
edition.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from pipeline.edits import Edit, with_record
from pipeline.language.lexicon import TRANSLITERATED, german_states, state_code
from pipeline.repair.clean import Cleaned


def record_id(name: str) -> str:
    """'Musterau (Oberpfalz)' -> 'musterau-oberpfalz', 'Lübbenau' -> 'luebbenau' (stable across runs
    and editions)."""
    folded = name.lower().translate(TRANSLITERATED)
    folded = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def with_final_ids(records: list[dict]) -> list[dict]:
    """Ids and ISO codes from the final values (after repair and a reviewer's overrides), so the
    same name gives the same id on every input route; a second record of one name gets '-2'."""
    seen: dict[str, int] = {}
    out = []
    for r in records:
        base = record_id(r["name"])
        seen[base] = seen.get(base, 0) + 1
        codes = [state_code(s) for s in r["states"] if s in german_states()]
        out.append({**r, "id": base if seen[base] == 1 else f"{base}-{seen[base]}", "state_codes": codes})
    return out


def edits_with_records(edits: list[Edit], spans: list[tuple[int, int]], ids: list[str]) -> list[Edit]:
    """Edits -> the same edits, each with the id of the record whose raw text span (`spans`, in
    the order of `ids`) holds its start; None outside every record."""
    out = []
    for e in edits:
        record = next((rid for (lo, hi), rid in zip(spans, ids) if lo <= e.start < hi), None)
        out.append(with_record(e, record))
    return out


def with_edit_records(cleaned: Cleaned, spans: list[tuple[int, int]], ids: list[str]) -> Cleaned:
    """The cleaned text whose edits name the record they fall in (edits_with_records); its text
    is unchanged."""
    return replace(cleaned, edits=edits_with_records(cleaned.edits, spans, ids))
