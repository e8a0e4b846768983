"""What the umlaut repair decides for one word.

Needs nothing. Produces Verdict: the repair, its substitutions, how sure, whether applied, and
the ground it was decided on, which each step of the umlaut repair reads and may replace.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Verdict:
    """What to do with one word: the repair, how sure, and on what ground."""

    candidate: str
    subs: tuple
    confidence: float
    applied: bool
    gain: float  # Zipf of the repair minus Zipf of the word as read
    ground: str  # unknown-word | more-frequent | dropped-letter | syntax | compound-of-nouns | family |
    # document-rate | real-word-conflict, or one of CONTEXT_GROUNDS: the sentence scorer that
    # decided (evidence.SCORER_NAMES), or opposed-by-context: the scorers found the word as read
    # right (a suggestion only). compound-of-nouns is no scorer's name: the sentence did not decide
    # it, though its reason, which the ledger shows, starts 'compound-head:' as that scorer's does.
    reason: str = ""

    @property
    def sure(self) -> bool:
        """Applied on the word list alone: the evidence the document-level grounds build on."""
        return self.applied and self.ground in ("unknown-word", "more-frequent")
