"""The ledger's door for edits a later stage makes: the cleaned text + those edits -> the cleaned
text with them in its ledger and applied.

The repair makes its edits in clean_text. The records stage finds one kind more: an overview
entry's name that GeoNames reads as a place through the OCR confusions ('HalRkfurt' ->
'Haßfurt', records/placing.py). It hands those edits over once, here; nothing repairs the text
a second time.
"""
from __future__ import annotations

from dataclasses import replace

from pipeline.edits import Edit, apply_edits_with_map, merge_edits
from pipeline.repair.clean import Cleaned


def with_added_edits(cleaned: Cleaned, edits: list[Edit]) -> Cleaned:
    """The cleaned text with `edits` merged into its edits (one that overlaps an edit there is
    dropped: the repair's edit stands) and the applied ones applied to the raw text."""
    if not edits:
        return cleaned
    merged = merge_edits(cleaned.edits, edits)
    text, origin = apply_edits_with_map(cleaned.raw, merged)
    return replace(cleaned, text=text, edits=merged, origin=origin)
