"""What the stages give together: the validated brochure, the cleaned text and the ledger."""
from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.edits import Edit
from pipeline.repair.clean import Cleaned
from pipeline.validate.models import Brochure


@dataclass(frozen=True)
class Result:
    brochure: Brochure
    cleaned: Cleaned
    ledger: list[Edit]  # every edit, with the record it falls in
    record_spans: dict[str, tuple[int, int]] = field(default_factory=dict)  # record id -> its raw text span
