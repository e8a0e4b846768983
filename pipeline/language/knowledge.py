"""What answers worked out from the German word knowledge depend on, for answers a later stage
keeps across runs (the repair's verdict on a word, a run of lines split into columns).

Needs the run's Lexicon. Produces knowledge_key: the code of this package and every word list
and model it reads (wordfreq and the additions, the spelling list, the noun paradigms, HanTa's
model). A later stage adds its own code and settings (cache.sources_key) and keeps its answers
under the whole key with Lexicon.kept_answers: a change to any of them makes the answers again.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pipeline.cache import key_of, sources_key
from pipeline.language.lexicon import Lexicon, remembered_per_lexicon, spelling_key
from pipeline.language.nouns import nouns_key
from pipeline.language.tags import model_key


@lru_cache(maxsize=1)
def language_code_key() -> str:
    return sources_key(sorted(Path(__file__).resolve().parent.glob("*.py")))


@remembered_per_lexicon  # asked by every run of lines the column splitter splits
def knowledge_key(lexicon: Lexicon) -> str:
    return key_of(language_code_key(), lexicon.estimates_key(), spelling_key(), nouns_key(), model_key())
