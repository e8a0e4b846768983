"""The pieces of a record's body and what each is: running text, an item of a list the text
introduces, a sub-heading, or figure text, by the evidence of their words and lines (prose.py)
and of their neighbours; the sentences a layout cut joined again; the doubts left. body.py puts
them in order (body_paragraphs).
"""
from __future__ import annotations

import re
import statistics
from dataclasses import replace

from rapidfuzz import fuzz

from pipeline.language.lexicon import Lexicon
from pipeline.read.words import UNMAPPED_GLYPH
from pipeline.records.draft import Doubt, flag, note
from pipeline.records.going_on import goes_on_later, goes_on_past_figure_text, piece_past_figure_text, short_piece
from pipeline.records.list_items import (counts_ahead, counts_before_colon, introduces_list, is_list_item, item_words,
                                         list_marked_item, mark_shape, marked_like, marked_phrases, marked_place,
                                         opens_a_list)
from pipeline.records.prose import (WORD, WORD_STOP_WORD, awaits_last_item, ends_early, ends_open, function_words,
                                    has_finite_verb, holds_sentence_end, known_word, label_row, labels_only, list_mark,
                                    may_open_a_later_sentence, names_no_action, opens_anew, opens_on_a_noun,
                                    opens_on_a_participle, opens_sentence, opens_sentence_anew, piece_evidence,
                                    reads_as_prose, stops_inside,
                                    stops_on_a_finite_verb, stops_on_an_attributive_adjective,
                                    stops_short_on_a_function_word,
                                    verb_after_a_clause, wordmark)
from pipeline.records.segment import Line
from pipeline.records.settings import RecordsSettings
from pipeline.records.text import is_prose, join_lines, letters_share, sentence_like, wordlike_share
from pipeline.records.units import Page, Unit, text_before, text_so_far_ends
from pipeline.records.wordmarks import YEAR, logo_line_inside, names_wordmark

CAPITALS_RUN = re.compile(r"\b[A-ZÄÖÜ]{3,}(?:\W+[A-ZÄÖÜ]{2,}){2,}\b")  # three words in capitals and more
ARTICLES = frozenset({"der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einen", "einem"})
# a line that starts an item of a list: a bullet, a dash, "A3"
ITEM_START = re.compile(r"^\s*(?:[•–—]|" + UNMAPPED_GLYPH + r"|[A-Z]\d{1,2})\s+\S")


def figure_blocks(units: list[Unit]) -> list[list[Line]]:
    """The figure text, one entry per block of lines that follow each other with no blank line
    between (a label over two lines stays one entry)."""
    blocks: list[list[Line]] = []
    last = None
    for unit in units:
        if unit.kind == "figure":
            if blocks and last is not None and last.kind == "figure" \
                    and unit.lines[0].number == last.lines[-1].number + 1:
                blocks[-1] = blocks[-1] + unit.lines
            else:
                blocks.append(list(unit.lines))
        last = unit
    return blocks


def pieces_of(para: list[Line], page: Page, settings: RecordsSettings) -> list[Unit]:
    """A paragraph -> its pieces: a line that ends early (prose.ends_early) ends a piece, a line
    that starts with a bullet or an item's number ('A3 ') starts one, a caption's line
    ('Abbildung: …', 'Foto: …', an OCR set against a paragraph) or a logo's line naming the record
    (names_wordmark) is a piece of its own, so are the rows of labels at a piece's head (label_row: an
    icon row's); pieces
    that read as figure text stand apart from the others (a paragraph's own short line, a
    heading over it, stay with it); a block of short lines that is no list, and of which no
    piece is running text over two lines that ends a sentence (a label over a sentence's last
    lines), is figure text."""
    early, start = [], 0
    wide = settings.text.read_across_share * page.measure
    # a caption's line, or a logo's words naming the record ('u Smart City Potsdam'), is a piece of its own
    apart = [page.is_caption(l.text) or logo_line_inside(para, k, page) for k, l in enumerate(para)]
    set_apart = {l.number for k, l in enumerate(para) if apart[k]}  # no piece merges into or out of them
    for i in range(len(para) - 1):
        item = ITEM_START.match(para[i + 1].text) and max(len(para[i].text), len(para[i + 1].text)) <= wide
        caption = apart[i] or apart[i + 1]
        # an icon row's labels over the piece's text ('Wohnen Handel Umwelt Mobilität' / 'Natur und …'); a row the
        # next line goes on from in lower case is a sentence's noun phrase ('Smart City Strategie …' / 'mit ihren …')
        icon_row = all(label_row(l.text) for l in para[start : i + 1]) and not label_row(para[i + 1].text) \
            and not para[i + 1].text.strip()[:1].islower()
        if ends_early(para[i].text, para[i + 1].text, page.measure, settings) or item or caption or icon_row \
                or first_item_after(para[i], para[i + 1], page, settings):
            early.append(para[start : i + 1])
            start = i + 1
    early.append(para[start:])
    cuts = []
    for piece in early:  # lines of debris at the edges of a piece of clean running text stand apart
        head, tail = debris_edges(piece, page, settings)
        if (head or tail) and evidence_verdict(piece[head : len(piece) - tail], page, settings) is True:
            cuts += [part for part in (piece[:head], piece[head : len(piece) - tail], piece[len(piece) - tail :])
                     if part]
        else:
            cuts.append(piece)
    listed = any(list_mark(l.text) or l.text.rstrip().endswith(":") for l in para)
    if len(para) >= 3 and not listed and statistics.median(len(l.text.strip()) for l in para) \
            < settings.text.short_line_share * page.measure \
            and not any(len(piece) >= 2 and evidence_verdict(piece, page, settings) is True
                        and join_lines(piece)[-1:] in ".!?" for piece in cuts):
        # a block of short lines: a box, a label, a caption; but running text over it (an OCR read the
        # figure's labels into its lines, 'Orten Idee', with no blank line before the boxes) is judged alone
        caption = int(page.is_caption(para[0].text))
        lead = caption + text_lines_ahead(para[caption:], page, settings)
        at = next((k for k in range(len(para) - 2, -1, -1) if page.is_caption(para[k].text)), -1)
        rest = para[at + 1:]
        verdict = evidence_verdict(rest, page, settings) if at >= 0 else False
        if at >= 0 and rest[0].text.strip()[:1].isupper() \
                and (len(rest) >= 2 or len(rest[0].text) >= settings.text.full_line_share * page.measure) \
                and holds_sentence_end(join_lines(rest)) and verdict is not False \
                and has_finite_verb(join_lines(rest), page.lexicon):
            # a caption over running text's lines an OCR set under it ('Karte: …' / '… leiden.' / 'Wer möchte, …')
            return [Unit(para[:at + 1], "prose", False), Unit(rest, "prose", verdict)]
        # one such line will do where a sentence ends and another opens inside it ('Verfügung. Ergänzend gibt es nun')
        ahead = lead - caption >= 2 or (lead - caption == 1 and bool(WORD_STOP_WORD.search(para[caption].text)))
        if ahead and len(para) - lead >= 2 and evidence_verdict(para[caption:lead], page, settings) is True:
            return [Unit(part, "prose", verdict) for part, verdict in
                    ((para[:caption], False), (para[caption:lead], True), (para[lead:], False)) if part]
        return [Unit(para, "prose", False)]
    units: list[Unit] = []
    apart = False  # the last piece was a short line set into an open sentence: what follows stands apart too
    for piece in cuts:
        verdict = evidence_verdict(piece, page, settings)
        set_into = bool(units) and ends_open(units[-1].text) and short_piece(piece, page, settings)
        if units and (verdict is False) == (units[-1].verdict is False) and not set_into and not apart \
                and not colon_after_debris(units[-1].lines, piece, page, settings) \
                and not (ITEM_START.match(piece[0].text) and len(piece[0].text) <= wide) \
                and piece[0].number not in set_apart and units[-1].lines[-1].number not in set_apart \
                and not label_over_continuation(units[-1], piece, page, settings) \
                and not first_item_after(units[-1].lines[-1], piece[0], page, settings):
            merged = units[-1].lines + piece
            units[-1] = Unit(merged, "prose", evidence_verdict(merged, page, settings))
        else:
            units.append(Unit(piece, "prose", verdict))
        apart = set_into
    return units


def first_item_after(line: Line, next_line: Line, page: Page, settings: RecordsSettings) -> bool:
    """A list's introduction and its first item with no blank line between ('… in fünf
    Handlungsfeldern:' / 'Handel und Gewerbe'): a line ending in a colon over a short line that
    opens with a capital or a list mark and ends no sentence ('… vor allem eines:' / 'die Menschen
    vor Ort' goes on with the sentence; '„Gemeinsam digital“' is a quotation); after a count before
    the colon ('… stehen fünf Ziele:'), over a line of a label's few words naming no action, however
    near the measure it reaches."""
    following = next_line.text.strip()
    marked = list_mark(following) is not None and len(following) <= page.measure  # an item a mark opens is so
    # after a count ('… stehen fünf Ziele:') a line of a label's few words naming no action is an item
    counted = counts_before_colon(line.text) and len(following.split()) <= settings.text.label_max_words \
        and not has_finite_verb(following, page.lexicon)
    return line.text.rstrip().endswith(":") and following[-1:] not in (".", "!", "?") \
        and (len(following) < settings.text.short_line_share * page.measure or marked or counted) \
        and (following[:1].isupper() or marked)  # no quotation, no sentence's rest


def text_lines_ahead(para: list[Line], page: Page, settings: RecordsSettings) -> int:
    """How many lines a paragraph opens with that run to the column's measure (full_line_share of
    it), and the shorter line after them where it ends a sentence (the paragraph's last): running
    text's, which a figure's labels beside or under it ('Idee', 'Werkstatt') do not make a box's."""
    full = settings.text.full_line_share * page.measure
    k = next((k for k, line in enumerate(para) if len(line.text.strip()) < full), len(para))
    return k + 1 if 0 < k < len(para) and para[k].text.rstrip()[-1:] in (".", "!", "?") else k


def colon_after_debris(before: list[Line], piece: list[Line], page: Page, settings: RecordsSettings) -> bool:
    """A clean line ending in a colon ('Handlungsfeldern:') under debris or a chart's numbers and
    lone letters ('2018 2019', 'C a C'): an introduction's end."""
    text = join_lines(piece)
    wordless = all(not re.search(r"[^\W\d_]{2,}", l.text) for l in before)  # a chart's numbers and lone letters
    return len(piece) == 1 and text.endswith(":") and list_mark(text) is None and (wordless or sum(debris_edges(
        before + piece, page, settings)) == len(before)) and letters_share(text) >= settings.text.clean_min_letters


def label_over_continuation(before: Unit, piece: list[Line], page: Page, settings: RecordsSettings) -> bool:
    """A short line ending early over a piece that goes on in lower case: no heading over a
    paragraph (a paragraph opens with a capital), but a label set against the rest of a sentence
    ('Gefördert vom Bund' | 'den Wärmebedarf der Haushalte …')."""
    return piece[0].text[:1].islower() and short_piece(before.lines, page, settings) and not ends_open(before.text)


def debris_edges(para: list[Line], page: Page, settings: RecordsSettings) -> tuple[int, int]:
    """How many lines at the start and at the end of a paragraph are debris on their own (signs,
    words nobody knows): the text of a figure the OCR set against the paragraph."""
    def debris(line: Line) -> bool:
        ev = piece_evidence([line.text], page.measure, page.lexicon, settings)
        tokens = len(line.text.split())
        return (ev.debris > settings.text.debris_max_share and ev.debris * tokens >= 2) \
            or ev.known < settings.text.figure_max_known

    head = 0
    while head < len(para) - 1 and debris(para[head]):
        head += 1
    tail = 0
    while tail < len(para) - 1 - head and debris(para[len(para) - 1 - tail]):
        tail += 1
    return head, tail


def evidence_verdict(lines: list[Line], page: Page, settings: RecordsSettings) -> bool | None:
    return reads_as_prose(piece_evidence([l.text for l in lines], page.measure, page.lexicon, settings), settings)


def classify_units(units: list[Unit], page: Page, styled: frozenset[int], settings: RecordsSettings) -> list[Unit]:
    """Each unit -> its kind, in the order of the text: what reads as figure text (styled,
    debris, capitals, banners, the evidence of words and lines) is figure text; the items after
    a line that introduces a list (or a sentence going on in marked items, or, after a sentence's
    end, two pieces marked alike, one of running text's words: a list whose introduction is lost)
    are items; running
    text as before (unit_kind)."""
    t = settings.text
    out: list[Unit] = []
    for i, unit in enumerate(units):
        text = unit.text
        previous = text_before(out)
        mark = list_mark(text)
        marked_list = bool(out) and out[-1].kind == "item" and list_mark(out[-1].text) is not None
        # after marked items, an unmarked piece with a verb or opening as a sentence does is a sentence or a caption,
        # and one that reads as labels (no function word, no stop) is a figure's ('Messen', 'Steuern'), unless
        # the item before goes on in it ('… mit der' | 'Hochschule')
        short_item = text[0].islower() or (len(WORD.findall(text)) <= t.label_max_words and stops_inside(text)
                                           and not (marked_list and (has_finite_verb(text, page.lexicon)
                                                                     or text.split()[0].lower() in ARTICLES
                                                                     or opens_sentence(text, page.lexicon)
                                                                     or (unit.verdict is False and labels_only(text)
                                                                         and not ends_open(out[-1].text)))))
        # after items without marks, a piece longer than a label with a finite verb is a sentence, no item
        sentence = len(WORD.findall(text)) > t.label_max_words and has_finite_verb(text, page.lexicon)
        listing = (bool(out) and ((out[-1].kind == "item" and (mark is not None or short_item or not (
            marked_list or sentence))) or (
            out[-1].kind == "prose" and mark is not None and not mark[0].isalnum() and stops_inside(out[-1].text)))) \
            or (previous is not None and previous.text.endswith(":")) or marked_like(mark, list_marked_item(out)) \
            or (previous is not None and previous.kind == "item" and ends_open(previous.text)
                and names_no_action(text, page.lexicon)) \
            or (mark is not None and previous is not None and opens_a_list(previous)) \
            or (mark is not None and not mark[0].isalnum() and out and out[-1].kind == "prose"
                and holds_sentence_end(out[-1].text) and marked_phrases(units[i : i + 2], settings)
                and mark_shape(mark) == mark_shape(list_mark(units[i + 1].text))  # its introduction lost
                and not any(marked_place(u.text) for u in units[i : i + 2]))  # a map's points ('• Hafen')
        if all(l.number in styled for l in unit.lines):
            out.append(unit.as_("figure", "style"))
        elif letters_share(text) < t.prose_min_letters or text.isupper() or wordmark(unit.lines) \
                or wordlike_share(item_words(text, settings)) < t.wordlike_min_share:
            out.append(unit.as_("figure", "evidence"))
        elif repeats_banner(text, page.banners, settings) or names_wordmark(text, page):
            out.append(unit.as_("figure", "banner"))
        elif page.is_caption(text) and len(unit.lines) <= 2:
            out.append(unit.as_("figure", "caption"))
        elif previous is not None and previous.kind == "prose" and (ends_open(previous.text) or (
                stops_inside(previous.text) and marked_phrases(units[i + 1 : i + 3], settings)
                and has_finite_verb(previous.text, page.lexicon) and not counts_ahead(previous.text, page.lexicon)
                and not known_word((previous.text.split() or [""])[-1], page.lexicon, settings))) \
                and introduces_list(unit, units[i + 1 : i + 3], settings, counts_ahead(previous.text, page.lexicon)):
            # its own words say label; its place says prose (after '… setzt auf fünf', or a count an OCR
            # garbled, '… dabei flunf', over marked items)
            out.append(replace(unit, kind="prose", verdict=None))
        elif introduces_list(unit, units[i + 1 : i + 3], settings) and marked_phrases(units[i + 1 : i + 3], settings) \
                and out and out[-1].why == "evidence" and text_so_far_ends(out):
            # right under debris or a chart's numbers; after text stopping open ('… umfasst drei') counted_lists.py decides
            out.append(replace(unit, kind="prose", verdict=None, why="list"))  # after figure text: flagged (figure_doubts)
        elif listing and is_list_item(unit, page, settings, list_mark(previous.text) if previous is not None
                                      and previous.kind == "item" else None):
            out.append(unit.as_("item"))
        elif (not out or out[-1].kind != "figure") \
                and is_heading(unit, units[i + 1] if i + 1 < len(units) else None, page, settings):
            out.append(unit.as_("heading"))
        elif unit.verdict is False:
            out.append(unit.as_("figure", "evidence"))
        elif out and out[-1].why == "evidence" and stops_inside(out[-1].text) and text[0].islower() \
                and unit.lines[0].number == out[-1].lines[-1].number + 1 and unit.verdict is not True \
                and not (len(unit.lines) > FIGURE_LINES_MAX and has_finite_verb(text, page.lexicon)):
            # a figure's next line; one that reads as prose, or a paragraph of sentences, goes on the text
            out.append(unit.as_("figure", "evidence"))
        else:
            full = full_line_of_text(units, i, page, settings)
            kind = unit_kind(units, i, out, page, settings, full)
            out.append(unit.as_(kind, "short" if kind == "figure" else FULL_LINE if full else ""))
    return out


FIGURE_LINES_MAX = 2  # a figure's words going on in lower case under it: a line or two, no paragraph of sentences
FULL_LINE = "full line"  # a Unit's `why`: running text by full_line_of_text, a paragraph's line going on in the next


def full_line(unit: Unit, page: Page, settings: RecordsSettings) -> bool:
    """One line of running text to the column's measure (not far past it: no line read across a
    logo or two columns): a paragraph's line, not its last."""
    return len(unit.lines) == 1 and unit.verdict is True \
        and settings.text.full_line_share * page.measure <= len(unit.text) <= settings.text.read_across_share * page.measure


def full_line_of_text(units: list[Unit], i: int, page: Page, settings: RecordsSettings) -> bool:
    """One line to the column's measure (full_line_share of it) that reads as running text and
    stops inside its sentence, right over a piece that reads as running text and goes on from it
    ('Eine große Wärmepumpe soll künftig mehrere' | 'Schulen, das Hallenbad und rund zweihundert'
    | 'Haushalte versorgen. …'): the lines of one paragraph an OCR set apart with blank lines. A
    caption reaches the measure rarely and has no finite verb; this line has one, or goes on from
    a run of such lines that begins with one."""
    for k in range(i, -1, -1):  # back through the run of such lines to one with a finite verb
        unit = units[k]
        if not full_line(unit, page, settings) or k + 1 >= len(units) or units[k + 1].verdict is False \
                or not stops_inside(unit.text) or not sentence_like(unit.text, settings) \
                or not sentence_like(units[k + 1].text, settings):
            return False
        if has_finite_verb(unit.text, page.lexicon):
            return True
    return False


def unit_kind(units: list[Unit], i: int, done: list[Unit], page: Page, settings: RecordsSettings,
              full: bool = False) -> str:
    """Running text, a heading over it, or a caption: a piece that goes on in lower case from
    running text, a sentence or a long enough piece is running text; one that the next piece
    goes on from in lower case too; a short clean line over running text, with no finite verb and
    not stopping on a function word, is a heading; the rest
    (a short line that neither ends a sentence nor goes on) is figure text."""
    t = settings.text
    text = units[i].text
    words = text.split()
    following = units[i + 1].text if i + 1 < len(units) else ""
    ends_sentence = text[-1] in ".!?:" and letters_share(text) >= t.clean_min_letters
    before = text_before(done)
    goes_on = text[0].islower() or (before is not None and (
        (text[0].isdigit() and stops_inside(before.text)) or (before.kind == "prose" and (
            ends_open(before.text) or stops_on_an_attributive_adjective(before.text, page.lexicon))
            and not opens_anew(text, page.lexicon))))  # '… fünf' | 'Der neue Marktplatz …': a caption
    if before is not None and goes_on and letters_share(text) >= t.clean_min_letters \
            and (len(words) >= t.continuation_min_words or ends_sentence):
        return "prose"
    if sentence_like(text, settings) and (len(words) >= t.paragraph_min_words
                                          or (len(words) >= t.sentence_min_words and ends_sentence)):
        return "prose"
    if len(units[i].lines) == 1 and (stops_short_on_a_function_word(text, following, page.measure, settings) or (
            before is None and ends_open(text) and not text.endswith("-") and opens_anew(following, page.lexicon))):
        return "figure"  # at the text's head no column read across can hold where its sentence goes on
    if sentence_like(text, settings) and (following[:1].islower() or ends_open(text)
                                          or (following[:1].isdigit() and stops_inside(text))) \
            and (len(following.split()) >= t.continuation_min_words or following.endswith((".", "!", "?"))):
        return "prose"  # a sentence the layout broke: it goes on in the next piece (ends there: '… gefragt ist.')
    if full:  # full_line_of_text: a paragraph's line an OCR set apart from the next with a blank line
        return "prose"
    if sentence_like(text, settings) and stops_inside(text) and has_finite_verb(text, page.lexicon) \
            and (goes_on_later(units, i, page.lexicon, settings) or (i == len(units) - 1 and ends_open(text))):
        return "prose"  # ... or after a label or a caption set between, or past the body's end (where the OCR put it)
    # where a sentence stopping inside may go on, figure text passed over
    later = piece_past_figure_text(units, i, page, settings) if stops_inside(text) else None
    if sentence_like(text, settings) and stops_inside(text) and goes_on_past_figure_text(text, later, page, settings) \
            and may_open_a_later_sentence(text, before.text if before is not None else None, later.text, page.measure,
                                          page.lexicon, settings):
        return "prose"  # ... the start of a sentence with no verb yet (judged by the text it goes on in)
    if later is not None and awaits_last_item(text) and later.text[:1].isupper() \
            and not opens_sentence(later.text, page.lexicon) and len(later.text.split()) >= t.continuation_min_words:
        return "prose"  # a listing waiting for its last item ('… und' | figure | 'Großräschen haben …')
    if t.subheading_min_words <= len(words) <= t.subheading_max_words and letters_share(text) >= t.subheading_min_letters \
            and text[0].isupper() and i + 1 < len(units) and is_prose(units[i + 1].lines, settings) \
            and not (units[i + 1].text[:1].islower() and holds_sentence_end(text)) \
            and not ends_open(text) and not has_finite_verb(text, page.lexicon) \
            and not opens_on_a_participle(text, page.lexicon):
        return "heading"
    return "figure"


def is_heading(unit: Unit, following: Unit | None, page: Page, settings: RecordsSettings) -> bool:
    """A sub-heading: one short line of known words, no debris and no finite verb ('Strategische
    Pilotprojekte', 'Zukunftsaufgabe 2:') right over a paragraph of running text (and, as the
    caller asks, right under one: after figure text it is the figure's label)."""
    if len(unit.lines) != 1 or following is None or following.verdict is not True \
            or not is_prose(following.lines, settings) or not unit.text[0].isupper() \
            or following.text[0].islower() or ends_open(unit.text) or has_finite_verb(unit.text, page.lexicon) \
            or opens_on_a_participle(unit.text, page.lexicon):
        return False  # a sentence's start the OCR set apart goes on in lower case, or has its verb; a label's words
    ev = piece_evidence([unit.lines[0].text], page.measure, page.lexicon, settings)
    return 1 <= ev.words <= settings.text.subheading_max_words and ev.known == 1.0 and ev.debris == 0


def repeats_banner(text: str, banners: tuple[str, ...], settings: RecordsSettings) -> bool:
    """A piece that repeats the record's title or motto and little else (the banner of a page)."""
    rest = text
    for banner in banners:
        if banner and len(banner) >= 8 and fuzz.partial_ratio(banner, rest) >= settings.text.banner_min_score:
            alignment = fuzz.partial_ratio_alignment(banner, rest)
            rest = rest[: alignment.dest_start] + " " + rest[alignment.dest_end :]
    if rest == text:
        return False
    return len(re.findall(r"[^\W\d_]{2,}", rest)) <= settings.text.banner_max_extra_words


def solid(unit: Unit, page: Page, settings: RecordsSettings) -> bool:
    """Running text beyond doubt: the evidence says prose, or a long sentence-like piece, with a
    finite verb; not an item, nor one line of a column that ends no sentence (a heading, a
    caption)."""
    text = unit.text
    one_line = len(unit.lines) == 1 and len(text) <= settings.text.read_across_share * page.measure
    if unit.kind != "prose" or list_mark(text) is not None or (one_line and stops_inside(text)) \
            or len(WORD.findall(text)) < settings.text.paragraph_min_words or not has_finite_verb(text, page.lexicon):
        return False
    return unit.verdict is True or (len(text.split()) >= settings.text.paragraph_min_words
                                    and sentence_like(text, settings))


def chain_from(units: list[Unit], i: int, page: Page, settings: RecordsSettings, most: int = 6) -> Unit:
    """The unit at i with the pieces of running text that go on from it (in lower case, after a
    broken word or a function word, or in a noun after a finite verb or an attributive adjective
    that stops the text), figure
    text between them passed over: the paragraph a layout of one line per piece hides."""
    lines = list(units[i].lines)
    last = units[i]
    for unit in units[i + 1 :]:
        if most == 0 or unit.kind not in ("prose", "figure"):
            break
        if unit.kind == "figure":
            continue
        # a verb stopping the text waits for its object, a noun ('… Nachbarschaftshilfe bringen' | 'Menschen zusammen'),
        # and so does an adjective its noun ('Regelmäßige Sicherungen, geschulte' | 'Beschäftigte und …')
        waits_for_a_noun = stops_on_a_finite_verb(last.text, page.lexicon) \
            or stops_on_an_attributive_adjective(last.text, page.lexicon)
        if not (stops_inside(last.text) and (unit.text[0].islower() or ends_open(last.text) or (
                waits_for_a_noun and opens_on_a_noun(unit.text, page.lexicon)))):
            break
        lines += unit.lines
        last, most = unit, most - 1
    return Unit(lines, "prose", evidence_verdict(lines, page, settings))


def a_sentence(unit: Unit, page: Page, settings: RecordsSettings) -> bool:
    """A short piece that is a sentence all the same: five words or more from a capital, a finite
    verb, no list mark and no debris, and a stop at its end or lines that run to the measure."""
    text = unit.text
    if unit.verdict is False or list_mark(text) is not None or not text[0].isupper() or len(WORD.findall(text)) < 5:
        return False
    ev = piece_evidence([l.text for l in unit.lines], page.measure, page.lexicon, settings)
    return ev.debris == 0 and (text[-1] in ".!?" or unit.verdict is True) and has_finite_verb(text, page.lexicon)


def opening_checked(units: list[Unit], page: Page, settings: RecordsSettings) -> tuple[list[Unit], list[Doubt]]:
    """A description opens with running text: what stands before the first piece that is surely
    running text (the title of a diagram, a map's caption, an infographic's items) goes to figure
    text, said in a note; flagged where it is a sentence with a finite verb, or a long piece the
    evidence did not call figure text (it may be prose)."""
    first = next((i for i, u in enumerate(units) if u.kind == "prose" and (
        solid(chain := chain_from(units, i, page, settings), page, settings) or a_sentence(u, page, settings))
        and not left_unfinished(units, i, chain, page)), None)
    if first is None:
        return units, []
    doubts = []
    for i in range(first):
        unit = units[i]
        if unit.kind == "figure":
            continue
        units[i] = unit.as_("figure", "opening")
        text = unit.text
        if (text[-1] in ".!?" and has_finite_verb(text, page.lexicon)) \
                or (unit.verdict is not False and len(WORD.findall(text)) >= settings.text.paragraph_min_words):
            doubts.append(flag("description", f"'{text[:80]}' before the running text was put in figure_text: "
                                              "check that it is no prose"))
        else:
            doubts.append(note("description", f"'{text[:80]}' stands over the text like the title of a figure: "
                                              "put in figure_text"))
    return units, doubts


def left_unfinished(units: list[Unit], i: int, chain: Unit, page: Page) -> bool:
    """Running text at i (with its chain) whose sentence never ends: no stop in it, and the first
    piece after it that holds one opens a new sentence, pieces with no stop passed over: the words
    of a diagram read as text ('Austausch mit Partnern aus dem Netzwerk' … 'Das Motto beschreibt …')."""
    if holds_sentence_end(chain.text):
        return False
    chained = {l.number for l in chain.lines}
    for unit in units[i + 1 :]:
        if unit.kind == "figure" or unit.lines[0].number in chained or not holds_sentence_end(unit.text):
            continue
        return opens_sentence(unit.text, page.lexicon)
    return False


def sentences_joined(units: list[Unit], page: Page, settings: RecordsSettings
                     ) -> tuple[list[list[Line]], list[tuple[str, str]]]:
    """Units -> the paragraphs of running text: a piece that goes on in lower case from the one
    before is joined to it (a page or column break cut the paragraph); so is a piece after
    running text that surely stopped inside a sentence (a blank line the OCR put there, or
    figure text between; a line the text around it took back, "grammar", that ends a sentence
    and opens the next goes on with no figure text between), unless a word broken at a line end
    would not be completed by it, or lines read across two columns meet there (the column order
    is rebuilt later; a line the cleaner made of two by a hyphen join is as wide as it was
    printed). An item no mark opens goes on in text in lower case after it. A list item that stops on
    a function word goes on in a line without a mark right after it ('• neue Wege … mit der' |
    'Hochschule'), as its wrapped line an OCR set apart.
    -> (paragraphs, joins across figure text: (the end before, the start after))."""
    t = settings.text
    kept: list[list[Line]] = []
    last: Unit | None = None  # the first piece of the paragraph kept last
    tail: Unit | None = None  # the last piece joined to it
    figure_between = False
    joins = []
    for unit in units:
        if unit.kind == "figure":
            figure_between = bool(kept)
            continue
        text = unit.text
        mark = list_mark(text)
        if kept and last.kind == "item" and mark is None and len(unit.lines) == 1 \
                and not figure_between and ends_open(join_lines(kept[-1])):
            kept[-1] = kept[-1] + unit.lines  # an item's line that stops on a function word goes on in its next
            tail = unit
            continue
        # an item no mark opens that text in lower case goes on is that text's first line, set apart by a page's break
        unmarked = kept and last.kind == "item" and list_mark(join_lines(kept[-1])) is None and not figure_between
        if kept and (last.kind == "prose" or unmarked and text[0].islower()) and unit.kind == "prose" \
                and (mark is None or mark.isdigit()):
            before = join_lines(kept[-1])
            goes_on = text[0].islower() and letters_share(text) >= t.clean_min_letters
            stopped = stops_inside(before) and (ends_open(before) or before.endswith(",") or (
                stops_on_an_attributive_adjective(before, page.lexicon) and not opens_anew(text, page.lexicon)) or (
                verb_after_a_clause(before, page.lexicon) and not opens_anew(text, page.lexicon)) or (
                solid(last, page, settings) and last.verdict is True and not opens_sentence_anew(text, page.lexicon)
                and not before.endswith(("“", "”", '"', "«", "»"))) or (
                not figure_between and tail.why == FULL_LINE) or (
                not figure_between and tail.why == "grammar" and WORD_STOP_WORD.search(tail.text))) \
                and list_mark(before) is None \
                and completes_word(before, text, page.lexicon, settings) \
                and max(page.width(kept[-1][-1]), page.width(unit.lines[0])) <= t.read_across_share * page.measure \
                and not under_a_run(kept, page, settings)
            if (goes_on and completes_word(before, text, page.lexicon, settings)) or stopped:
                if figure_between:
                    joins.append((before, text))
                kept[-1] = kept[-1] + unit.lines
                figure_between, tail = False, unit
                continue
        kept.append(list(unit.lines))
        last = tail = unit
        figure_between = False
    return kept, joins


def completes_word(before: str, after: str, lexicon: Lexicon, settings: RecordsSettings) -> bool:
    """Text before a break that ends in a broken word ('inte-') goes on with text whose first
    word completes it into a known word ('grierten'); any other text goes on with anything."""
    if not before.endswith("-") or before.endswith(" -"):
        return True
    head = before.split()[-1].rstrip("-")
    tail = re.match(r"[^\W\d_]+", after)
    return bool(tail) and (lexicon.zipf(head + tail.group()) >= settings.fields.quality_min_zipf
                           or tail.group()[0].isupper())  # 'Smart-' + 'City': a compound's hyphen


def under_a_run(kept: list[list[Line]], page: Page, settings: RecordsSettings) -> bool:
    """The last paragraph is one line right under lines an OCR read across two columns: it may
    be the left column's end, which the column reading (columns.py) puts in place."""
    wide = settings.text.read_across_share * page.measure
    return len(kept) >= 2 and len(kept[-1]) == 1 and any(page.width(l) > wide for l in kept[-2])


def undecided_doubts(units: list[Unit], lexicon: Lexicon, settings: RecordsSettings) -> list[Doubt]:
    """Running text the evidence does not settle and figure text that reads like running text
    (set apart by its words, its place or its type size: a paragraph in larger type may be a lead
    paragraph): flagged, with the stretch named."""
    t = settings.text
    doubts = []
    for unit in units:
        text = unit.text
        words = len(WORD.findall(text))
        if unit.kind == "figure" and unit.why in ("short", "evidence", "interruption", "style") \
                and unit.verdict is not False and words >= t.sentence_min_words + 2 and has_finite_verb(text, lexicon) \
                and (unit.why != "style" or words >= t.paragraph_min_words):  # a slogan in large type is short
            doubts.append(flag("description", f"figure_text holds '{text[:80]}', which reads like running text"))
        elif unit.kind == "heading" and len(WORD.findall(text)) > t.caption_like_words:  # one opening on an
            # article went to figure text (figure_doubts.article_headings_out)
            doubts.append(flag("description", f"'{text[:80]}' stands between paragraphs like a sub-heading, or a "
                                              "picture's caption: kept as a sub-heading"))
        elif unit.kind == "prose" and (caps := CAPITALS_RUN.search(text)):
            doubts.append(flag("description", f"'{caps.group()}' in running text is set in capitals, as a figure's "
                                              "labels are: check the stretch around it"))
        elif unit.kind == "prose" and unit.verdict is False:
            doubts.append(flag("description", f"'{text[:80]}' was kept as running text, though its words and "
                                              "lines look like figure text"))
    return doubts
