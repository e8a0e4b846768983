"""The thresholds of the repair.

Needs nothing. Produces RepairSettings (Zipf scale of the lexicon) and DEFAULT_SETTINGS, which
the fixers and every step of the umlaut repair read.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RepairSettings:
    """Thresholds of the umlaut repair (Zipf scale of the lexicon)."""

    max_substitutions: int = 2
    extra_substitution_cost: float = 0.5
    head_tie_window: float = 0.5  # compounds scoring this close are told apart by their heads
    min_word_length: int = 2  # two letters: only a capitalised one is tried ("Ol": "Öl")
    max_word_length: int = 64  # longer is no word (German's long compounds have some 40 letters): left as read
    two_letter_min_zipf: float = 4.0  # and only for a common word, as written
    listed_word_zipf: float = 1.5
    short_word_min_zipf: float = 3.0
    min_candidate_zipf: float = 1.0
    # Damaged text (English-model OCR, no umlauts left): an umlaut form wins on a small margin.
    damaged_min_gain_rare: float = 0.3
    damaged_min_gain_common: float = 1.5
    common_word_zipf: float = 3.0
    suggest_min_gain: float = -0.6
    suggest_min_candidate_zipf: float = 3.0
    # Intact text (a PDF text layer): only words the lexicon does not know are repaired.
    intact_min_candidate_zipf: float = 3.0
    listed_over_compound_zipf: float = 2.0
    listed_over_compound_margin: float = 1.0
    family_confidence: float = 0.6
    # A real-word conflict decided by how often the document's OCR drops that umlaut.
    document_rate_min_evidence: int = 10
    document_rate_confidence: float = 0.55
    # Where the word lists nearly tie ('zahlt' 4.3, 'zählt' 4.7) the rate makes a coin toss, and a
    # wrong change costs more than a miss (a reader trusts what the tool wrote): the repair must
    # be commoner by this much (Zipf), however often the OCR drops the dots.
    document_rate_min_gain: float = 0.5
    reading_rate_margin: float = 0.5  # Zipf: another repair of a non-word, likelier by the document's misreadings
    # An inflected adjective where no noun can follow: a verb or comparative that lost its umlaut.
    syntax_confidence: float = 0.55
    syntax_max_rarer: float = 1.0
    family_min_stem: int = 4
    small_word_zipf: float = 3.5  # inside a sentence such a word (not noun-like) is written small
    # Evidence from the sentence (evidence.py): its scorers' weights summed decide at this size.
    context_decides: float = 2.0
    context_confidence: float = 0.8
    rare_lemma_confidence: float = 0.55  # decided only once a rare lemma's forms were set aside
    unknown_join_confidence: float = 0.4  # a line-end join that makes no known word: a suggestion
    # a line read across two columns (the records stage's ColumnSettings measure it alike)
    read_across_min_chars: int = 70  # is longer than this (characters)
    read_across_factor: float = 1.5  # and longer than the text's usual line by this factor
    read_across_min_words: int = 3  # and holds so many words (so does a line that measures the usual one)
    split_rest_max_zipf: float = 1.5  # 'V eranderung': the rest must be no word of its own
    split_whole_min_zipf: float = 3.0  # 'W andel': or the whole a common capitalised word
    split_eszett_margin: float = 1.0  # 'gro en': 'großen' far commoner than either piece
    glued_max_zipf: float = 3.0  # 'furdie', 'inder': two function words as one, written so this seldom (case kept)
    glued_common_zipf: float = 4.0  # written this often in any case ('indem', 'zudem'), such a word is one
    damaged_below_umlaut_share: float = 0.01
    # A letter the OCR dropped ('Straen'): the word put back must be common as written.
    dropped_min_length: int = 3
    dropped_min_zipf: float = 3.0


DEFAULT_SETTINGS = RepairSettings()
