"""A logo's words among a record's lines: the record's name with a word or two and no sentence's
words ('digitales Bad Berleburg', 'WB smart City Lübeck'), as a wordmark prints it and an OCR sets
it into the text's lines. Needs the page (the record's name, the word lists); pieces.py uses it.
"""
from __future__ import annotations

import re

from pipeline.records.prose import function_words, has_finite_verb
from pipeline.records.segment import Line
from pipeline.records.units import Page

WORDMARK_EXTRA_MAX_WORDS = 2
YEAR = re.compile(r"(?:19|20)\d\d")
ICON_LETTERS = re.compile(r"[^\W\d_]{1,2}\W?")  # 'WB', 'M)', 'u', 'Wi': an icon beside a logo's words, as an OCR reads it


def logo_line_inside(para: list[Line], k: int, page: Page) -> bool:
    """para[k], a line inside a paragraph, is a logo's words (names_wordmark) in capitals or an
    icon's letters only, or after an icon's capital letters ('WB digitales Hünfeld'), and the next
    line does not go on from it in lower case: an OCR set the logo among the text's lines ('In
    Bad' / 'u Smart City Potsdam' / 'Säckingen, …'); 'Potsdam klimaneutral' / 'machen …' is the
    sentence's line."""
    text = para[k].text.strip()
    following = para[k + 1].text.strip() if k + 1 < len(para) else ""
    first = (text.split() or [""])[0]
    after_an_icon = bool(ICON_LETTERS.fullmatch(first)) and first[:1].isupper() \
        and first.lower() not in function_words()
    return names_wordmark(text, page) and not following[:1].islower() \
        and (after_an_icon or all(w[:1].isupper() or ICON_LETTERS.fullmatch(w) for w in text.split()))


def names_wordmark(text: str, page: Page) -> bool:
    """A line that is the record's name and a word or two with no function word, no stop and no
    verb ('digitales Bad Berleburg', 'WF Smart Bad Berleburg', 'WB smart City Lübeck'; an icon read
    as one or two letters does not count): a logo's words."""
    # a name's hyphen an OCR may read as a space ('Smart City Dessau Roßlau')
    pattern = re.escape(page.name or "").replace(re.escape("-"), r"[-\s]")
    named = re.compile(rf"(?<!\w){pattern}(?!\w)") if page.name else None
    if named is None or not named.search(text) or "\n" in text:
        return False  # the name as whole words: 'Hof' is no logo's in 'Hofladen Gemüse'
    rest = [w for w in named.sub(" ", text).split() if not YEAR.fullmatch(w)]  # 'Smart City Chemnitz 2030': a strategy's year
    words = [w for w in rest if not ICON_LETTERS.fullmatch(w)] if len(rest) > 1 else rest
    return 0 < len(words) <= WORDMARK_EXTRA_MAX_WORDS and not any(w.lower() in function_words() for w in rest) \
        and not re.search(r"[.!?:]", text) and not has_finite_verb(" ".join(rest), page.lexicon)
