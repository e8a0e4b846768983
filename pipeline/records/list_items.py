"""Lists the text introduces: the piece that introduces one ('Die Kommune setzt auf drei
Schwerpunkte:'), its items with or without marks, and how marks compare ('B3' after 'A2', '*'
after '•'). Needs classified pieces (pieces.py); produces the answers classify_units asks.
"""
from __future__ import annotations

import re

from pipeline.language.lexicon import Lexicon
from pipeline.records.prose import SENTENCE_INSIDE, WORD, list_mark, piece_evidence, unmarked
from pipeline.records.settings import RecordsSettings
from pipeline.records.text import letters_share, sentence_like
from pipeline.records.units import Page, Unit


def opens_a_list(unit: Unit) -> bool:
    """Running text whose last line but one ends in a colon and whose last line is short: the
    sentence that introduces a list with its first item, which a mark the text does not know set
    against it ('Geplant sind vier Maßnahmen:' | '¢ Wohnen im Quartier'); marked items after it, a
    figure between allowed, are the list's."""
    return unit.kind == "prose" and len(unit.lines) >= 2 and unit.lines[-2].text.rstrip().endswith(":") \
        and len(WORD.findall(unit.lines[-1].text)) <= 6


def counts_ahead(text: str, lexicon: Lexicon) -> bool:
    """Text that stops on a number in words ('… setzt auf fünf'): it counts what comes next."""
    return lexicon.tags.best_tag((text.split() or [""])[-1]) == "CARD"


COUNTS = {"zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10}
COUNT_BEFORE_COLON = 3  # the count stands among the last words before the colon ('fünf zentrale Ziele:')


def counts_before_colon(text: str) -> bool:
    """Text ending in a colon with a count word among its last words ('Im Vordergrund stehen fünf
    Ziele:'): it introduces a list and says how many items follow."""
    words = text.rstrip().rstrip(":").split()
    return text.rstrip().endswith(":") and any(w.lower() in COUNTS for w in words[-COUNT_BEFORE_COLON:])


def introduces_list(unit: Unit, following: list[Unit], settings: RecordsSettings, counted: bool = False) -> bool:
    """A short clean piece ending in a colon right over an item with a list mark, or over one more
    and then such an item (an OCR misread the first mark: 'Al'), ('Schwerpunkte:' over 'A1 …'):
    the end of a sentence that introduces the list, as the caller asks, after running text that
    stops open ('… setzt auf fünf'), figure text allowed between; after text that stops on a
    number in words (`counted`: '… stehen vier' | 'Ziele:'), the count and the colon say list
    whatever the marks (an OCR may lose them, a map's points may stand between)."""
    text = unit.text
    return (counted or any(list_mark(u.text) is not None for u in following)) and text.rstrip().endswith(":") \
        and len(unit.lines) <= 2 and len(WORD.findall(text)) <= settings.text.label_max_words \
        and letters_share(text) >= settings.text.clean_min_letters and list_mark(text) is None


def marked_phrases(units: list[Unit], settings: RecordsSettings) -> bool:
    """Two pieces, each an item with a list mark, one of them words of running text ('+ Bildung
    und Teilhabe'), not names alone as a map's points are ('• Bahnhof')."""
    return len(units) == 2 and all(list_mark(u.text) is not None for u in units) \
        and any(sentence_like(unmarked(u.text), settings) for u in units)


def item_words(text: str, settings: RecordsSettings) -> str:
    """Text without its list mark where its words read as running text's (one in lower case at
    least: '• lebendige Ortskerne'); with it where they are names alone, as a map's points are
    ('• Bahnhof'): a mark before them counts as a sign."""
    bare = unmarked(text)
    return bare if sentence_like(bare, settings) else text


def is_list_item(unit: Unit, page: Page, settings: RecordsSettings, mark_before: str | None = None) -> bool:
    """An item of a list the text introduced: it starts with a list mark, or it is short, of
    known words and no debris. After an item marked the same way ('•' after '•', 'B3' after 'A2')
    half its words known will do: items are names of fields ('lebendige Ortskerne'). A piece
    without a mark, in lower case, that ends a sentence and opens another ('eine neue Bühne … für
    den Kindergarten. Er ist …') is running text: a sentence going on after its colon, no item."""
    t = settings.text
    ev = piece_evidence([l.text for l in unit.lines], page.measure, page.lexicon, settings)
    mark = list_mark(unit.text)
    going_on = mark is None and unit.text[:1].islower() and SENTENCE_INSIDE.search(unit.text)
    if ev.words == 0 or ev.words > t.list_item_max_words or going_on:
        return False
    if mark is not None and mark_before is not None and mark_shape(mark) == mark_shape(mark_before):
        return ev.known >= t.figure_max_known and ev.debris <= t.debris_max_share
    if ev.known < t.prose_min_known:
        return False
    return mark is not None or ev.debris <= t.debris_max_share


def list_marked_item(done: list[Unit]) -> "Unit | None":
    """The last item with a list mark among the items the text ends on (figure text passed over):
    an item's line the OCR set apart ('• … für Verwaltung' | 'und Stadtwerke') leaves the list
    marked as before."""
    for unit in reversed(done):
        if unit.kind == "figure":
            continue
        if unit.kind != "item":
            return None
        if list_mark(unit.text) is not None:
            return unit
    return None


def marked_like(mark: str | None, previous: "Unit | None") -> bool:
    """An item's mark shaped like the mark of the item before it, figure text between allowed
    (a list a figure cut)."""
    before = list_mark(previous.text) if previous is not None and previous.kind == "item" else None
    return mark is not None and before is not None and mark_shape(mark) == mark_shape(before)


def mark_shape(mark: str) -> str:
    """A list mark with its letters and digits made alike: 'B3' and 'A2' are 'A1', '3.' is '1.';
    every sign is a bullet ('*' and '•': an OCR reads one bullet as several signs)."""
    if mark.startswith("(cid:") or not any(c.isalnum() for c in mark):
        return "•"
    return re.sub(r"[a-z]", "a", re.sub(r"[A-Z]", "A", re.sub(r"\d+", "1", mark)))


def marked_place(text: str) -> bool:
    """A mark an OCR read as a bullet and one to three words with a capital ('• Innenstadt',
    '• Marktplatz Altstadt »'): a map's point, as figure text takes it, no item."""
    mark = list_mark(text)
    words = [w for w in text[len(mark):].split() if any(c.isalpha() for c in w)] if mark else []
    return 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words)
