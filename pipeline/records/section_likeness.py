"""A section heading an OCR damaged ('Grofkstadte', 'Grofsgsstadte' for 'Großstädte'), read by
its likeness once umlauts, ß and case no longer count.

Needs the profile's section names. Produces the section and how similar the line as printed is
to it: that score stays below the one a clear heading needs, so the projects under such a heading
have their section flagged, never silently taken.
"""
from __future__ import annotations

from rapidfuzz import fuzz, process

from pipeline.language.lexicon import WITHOUT_UMLAUTS

HEADING_MAX_WORDS = 5  # a damaged heading is a short line; a longer one only resembles a section by chance
LENGTH_MAX_DIFFERENCE = 0.2  # an OCR's damage changes a heading's length by at most this share


def folded(text: str) -> str:
    """'Großstädte' and 'GROSSSTADTE' -> 'grossstadte'."""
    return text.casefold().translate(WITHOUT_UMLAUTS)


def section_by_likeness(text: str, sections: list[str], min_score: int) -> tuple[str, float] | None:
    """A short line -> (section, its similarity as printed) where its folded letters are
    `min_score` similar to the folded name of one section; else None."""
    text = text.strip()
    if not text or len(text.split()) > HEADING_MAX_WORDS:
        return None
    key = folded(text)
    # a heading's first line ('Interkommunale Kooperationen und', the rest wrapped) is no damaged heading
    keys = {folded(section): section for section in sections
            if abs(len(folded(section)) - len(key)) <= LENGTH_MAX_DIFFERENCE * len(folded(section))}
    found = process.extractOne(key, list(keys), scorer=fuzz.ratio, score_cutoff=min_score)
    if found is None or not all_words_alike(key, found[0]):
        return None
    section = keys[found[0]]
    return section, fuzz.ratio(text, section)


WORD_MIN_SCORE = 70  # each word of a damaged heading is still this like one of the section's words


def all_words_alike(key: str, section_key: str) -> bool:
    """Whether every word of a folded line is like a word of the folded section name: a heading's
    line run together with the name under it ('Interkommunale Kooperationen' + 'Landkreis
    Südwestpfalz') is about as long and as like the section, but 'sudwestpfalz' is no word of it."""
    words = section_key.split()
    return all(process.extractOne(w, words, scorer=fuzz.ratio, score_cutoff=WORD_MIN_SCORE) for w in key.split())

