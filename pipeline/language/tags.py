"""What the Hanover Tagger (HanTa) says of one German word: its tags, best first, and its lemma.

HanTa's morphological analysis of a word costs a millisecond, so the answers are kept in a
WordTags table: one per run, owned by the run's Lexicon (lexicon.tags), read from the cache
folder on first use and written back at the run's end (run.keep_what_was_learnt). The tagger
itself (0.2 s to load) is loaded only when a word is not in that table.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pipeline.cache import KeptTable, key_of, version_of

WORD_CUTOFF = 5  # tags within this many nats of a word's best tag, as HanTa's tag_sent
MAX_KEPT = 200_000  # words whose tags are kept across runs


@lru_cache(maxsize=1)
def tagger():
    from HanTa import HanoverTagger

    model = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
    # HanTa analyses a word it does not list afresh on every ask; a run asks one word as it
    # stands, sentence-first and alone (a quarter of the analyses of a first run)
    model.analyze_forward = lru_cache(maxsize=MAX_KEPT)(model.analyze_forward)
    return model


@lru_cache(maxsize=1)
def model_key() -> str:
    """What the tags depend on: HanTa's version, its model file, the cut-off, the Python that
    marshals them."""
    import sys
    from importlib.util import find_spec

    model = Path(list(find_spec("HanTa").submodule_search_locations)[0]) / "morphmodel_ger.pgz"
    stat = model.stat()
    return key_of("hanta", version_of("HanTa"), str(model), str(stat.st_size), str(stat.st_mtime_ns),
                  str(WORD_CUTOFF), sys.version)


class WordTags(KeptTable):
    """The tags and lemmas of every word asked in a run, kept across runs in the cache folder
    (keep(), inherited)."""

    def __init__(self):
        super().__init__("hanta", lambda: model_key() + "-words", MAX_KEPT)

    def word_tags(self, word: str, first: bool) -> tuple[tuple[int, float], ...]:
        """A word's tags with log p(tag | word) / p(tag); capitalisation counts except sentence-first."""
        # HanTa gives some log-probabilities as numpy floats, which marshal would keep as bytes
        return self.get(f"{int(first)}{word}", lambda: tuple(
            (int(tag), float(logp))
            for tag, logp in tagger()._tag_word(word, cutoff=WORD_CUTOFF, casesensitive=not first, conditional=True)))

    def tag_names(self, word: str) -> tuple[str, ...]:
        """Every tag HanTa gives a word on its own, best first ('anderen' -> ADJ(A), PIS, PIAT)."""
        return self.get(f"a{word}", lambda: tuple(str(t[0]) for t in tagger().tag_word(word)))

    def best_tag(self, word: str) -> str | None:
        """HanTa's best tag of a word on its own ('gebaut' -> 'VV(PP)'), None when it has none."""
        tags = self.tag_names(word)
        return tags[0] if tags else None

    def lemma_of(self, word: str) -> str:
        """HanTa's lemma of a word on its own ('durften' -> 'dürfen')."""
        return self.get(f"l{word}", lambda: str(tagger().analyze(word)[0]))
