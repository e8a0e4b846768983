"""Where a piece's sentence goes on: in a later piece, past the short pieces and the figure text
an OCR or a layout set between (the words under a number, a label, a caption), and what a short
piece is. Needs a body's pieces (units.Unit, with the verdicts of their evidence; classify_units
asks while it gives them their kinds) and the page (units.Page) or its lexicon; produces
judgements that pieces.py and the rules after it ask.
"""
from __future__ import annotations

from pipeline.language.lexicon import Lexicon
from pipeline.records.prose import SENTENCE_INSIDE, ends_open, opens_sentence, stops_on_an_attributive_adjective
from pipeline.records.segment import Line
from pipeline.records.settings import RecordsSettings
from pipeline.records.text import join_lines
from pipeline.records.units import Page, Unit


def short_piece(piece: list[Line], page: Page, settings: RecordsSettings) -> bool:
    """One short line that ends no word at its end and holds no sentence's end: a label, a
    caption, the words under a number."""
    text = join_lines(piece)
    return len(piece) == 1 and len(text) < settings.text.short_line_share * page.measure \
        and not text.endswith("-") and not SENTENCE_INSIDE.search(text) and text[-1:] not in ".!?"


def goes_on_later(units: list[Unit], i: int, lexicon: Lexicon, settings: RecordsSettings) -> bool:
    """The piece at i goes on in a later piece in lower case (a few words that may be prose), or,
    where it stops on a function word or an attributive adjective, in running text that opens no
    new sentence, with only
    short pieces between that hold no sentence and do not start in lower case themselves: the
    words under a number, a label or a caption set into the column ('… viele Bewohner' |
    'Foto: Projektteam' | 'täglich in die Städte …'; '… verbinden Rufbusse die' | 'Idee' |
    'Dörfer mit …')."""
    t = settings.text
    last = (units[i].text.split() or [""])[-1]
    open_end = (ends_open(units[i].text) and not last.endswith("-")) or last.endswith(",") \
        or stops_on_an_attributive_adjective(units[i].text, lexicon)  # '… einer genauen', '… ermöglichen es,'
    passed = 0
    for unit in units[i + 1 :]:
        text = unit.text
        if unit.verdict is False:
            continue  # debris, numbers, labels: no continuation, and no sentence between
        if text[:1].islower() or (open_end and unit.verdict is True and not opens_sentence(text, lexicon)):
            return len(text.split()) >= t.continuation_min_words
        passed += 1
        if passed > t.interruption_max_pieces or len(unit.lines) > 2 or len(text.split()) >= t.prose_min_words \
                or SENTENCE_INSIDE.search(text):
            return False
    return False


def goes_on_past_figure_text(text: str, unit: Unit | None, page: Page, settings: RecordsSettings) -> bool:
    """A piece's `text` goes on in `unit`, the first piece after it that is no figure text by its
    own evidence (piece_past_figure_text): in lower case, or, where it stops on a function word or
    an attributive adjective, in running text that opens no new sentence. A piece between that
    stops inside a sentence ('… Fahrer über-') is the one that goes on there."""
    open_end = ends_open(text) or stops_on_an_attributive_adjective(text, page.lexicon, any_case=page.lexicon.zipf(
        text.split()[-1]) >= settings.fields.quality_min_zipf)  # '… Quartiere Bezahlbarer' (a known word)
    return unit is not None and (unit.text[:1].islower() or (open_end and unit.verdict is True
                                                             and not opens_sentence(unit.text, page.lexicon))) \
        and len(unit.text.split()) >= settings.text.continuation_min_words


def piece_past_figure_text(units: list[Unit], i: int, page: Page, settings: RecordsSettings) -> Unit | None:
    """The first piece after the one at i that is no figure text by its own evidence (debris,
    numbers, labels; a caption by its label) nor a short line that waits for no next words; None."""
    return next((unit for unit in units[i + 1 :] if not (
        unit.verdict is False or page.is_caption(unit.text)
        or (short_piece(unit.lines, page, settings) and not ends_open(unit.text)))), None)
