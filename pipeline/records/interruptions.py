"""Pieces set into running text: a short piece standing between a sentence that stops inside and
the piece that goes on with it (a caption, a label, the words under a number) is figure text;
a piece that shows the inside of a sentence itself is not. Needs the classified pieces of a body
(pieces.classify_units); produces them with such pieces made figure text ("interruption").
"""
from __future__ import annotations


from pipeline.language.lexicon import Lexicon
from pipeline.language.nouns import DETERMINERS, agrees, readings
from pipeline.records.pieces import FULL_LINE, Page, Unit, has_finite_verb, short_piece
from pipeline.records.prose import (SENTENCE_INSIDE, WORD, ends_open, holds_sentence_end, list_mark, opens_a_sentence_within,
                                    marked_points, opens_anew, opens_on_a_noun, opens_sentence, stops_inside,
                                    stops_on_an_attributive_adjective, word_completed)
from pipeline.records.settings import RecordsSettings
from pipeline.records.text import CLAUSE_AFTER_COMMA, sentence_like



def set_into_open_sentences(units: list[Unit], page: Page, settings: RecordsSettings) -> list[Unit]:
    """A short line right after running text that stops on a function word ('… am'), with
    running text after it that can go on with the sentence, is set into the column (the words
    under a number, a label; or a map's points, however long: marked_points): figure text. So is
    a line that opens a sentence anew ('Die Zukunft beginnt im Quartier', a banner) after running
    text stopping on an attributive adjective ('… und ältere'), under which running text goes on
    with a noun ('Menschen beim Einkauf …')."""
    units = list(units)
    text_units = [i for i, u in enumerate(units) if u.kind != "figure"]
    for a, f1, f2 in zip(text_units, text_units[1:], text_units[2:]):
        before, first, then = units[a], units[f1], units[f2]
        if before.kind != "prose" or first.kind != "prose" or then.kind != "prose" \
                or first.text[0].islower() and not marked_points(first.text):
            continue
        if (ends_open(before.text) and not before.text.endswith("-")
                and (short_piece(first.lines, page, settings) or marked_points(first.text))) \
                or (stops_on_an_attributive_adjective(before.text, page.lexicon) and len(first.lines) == 1
                    and opens_anew(first.text, page.lexicon) and not holds_sentence_end(first.text)
                    and opens_on_a_noun(then.text, page.lexicon)):
            units[f1] = first.as_("figure", "interruption")
    return units


def disagreeing_lines_out(units: list[Unit], page: Page, settings: RecordsSettings) -> list[Unit]:
    """Running text stopping on a determiner ('… wählen ihre'), a line or two after it that end no
    sentence and waits for no next word, whose first word is a noun that cannot go with that
    determiner ('Workshop mit Bürgerinnen und Bürgern': 'ihre Workshop'), and running text after it
    whose first word is a noun that can ('Waren aus …'): the line is set into the sentence (a
    caption without its label), figure text. A noun the paradigms do not know decides nothing."""
    units = list(units)
    text_units = [i for i, u in enumerate(units) if u.kind != "figure"]
    for a, f1, f2 in zip(text_units, text_units[1:], text_units[2:]):
        before, line, after = units[a], units[f1], units[f2]
        if before.kind != "prose" or not ends_open(before.text) or before.text.endswith("-") \
                or line.kind != "prose" or len(line.lines) > 2 or holds_sentence_end(line.text) \
                or ends_open(line.text) or line.text.endswith("-") or after.kind != "prose":
            continue
        determiner, first, then = before.text.split()[-1], line.text.split()[0], after.text.split()[0]
        if first[:1].isupper() and then[:1].isupper() and agrees(determiner, readings(first)) is False \
                and agrees(determiner, readings(then)) is True:
            units[f1] = line.as_("figure", "interruption")
    return units


def interruptions_cut(units: list[Unit], page: Page, settings: RecordsSettings) -> list[Unit]:
    """A short piece between running text that stops inside a sentence (a hyphen, no stop) and
    the piece that goes on with it in lower case is no part of the sentence: a caption or a
    label set into the column. It becomes figure text. Not where lines read across two columns
    meet (their order is rebuilt later), nor for a piece that holds the end of a sentence or
    could go on with the sentence (in lower case, with a number) unless a word broken at the
    line's end waits for its rest, nor for more than one item of a list, nor where the last piece
    between goes on into the piece after ('veröffentli-' + 'chen', '… zu' + 'entwickeln') and
    the piece before does not (a broken word that it completes), nor for a piece that is a clause
    or shows the inside of a sentence (inside_a_sentence) unless a broken word waits for its rest,
    nor for a piece opening on the noun the text before waits for (noun_awaited). A piece as wide
    as the column is no interruption, unless the text before stops on a comma and the piece opens
    as a sentence does (comma_then_new_sentence).""" 
    t = settings.text
    units = list(units)
    wide = t.read_across_share * page.measure
    for i, unit in enumerate(units):
        # an item no mark opens may be the text's again after a list ('Gesundheit auf dem Land Die ärztliche Versorgung'),
        # not where it goes on an item stopping open ('C3 ein gemeinsames Datenportal für' | 'Verwaltung und Stadtwerke')
        # nor where it goes on a list with no sentence opened inside it ('Energie und Klima' | 'Bildung und Teilhabe')
        after_item = i > 0 and units[i - 1].kind == "item"
        opens = unit.kind == "prose" or (unit.kind == "item" and not list_mark(unit.text) and not (after_item and (
            ends_open(units[i - 1].text) or not opens_a_sentence_within(unit.text, page.lexicon))))
        if not opens or not stops_inside(unit.text) or len(unit.lines[-1].text) > wide:
            continue
        seen = 0  # pieces of running text passed: a figure's own pieces do not count
        for j in range(i + 1, len(units)):
            following = units[j]
            if following.kind == "figure":
                continue
            between = [u for u in units[i + 1 : j] if u.kind != "figure"]
            broken_word = unit.text.endswith("-") and not unit.text.endswith(" -")
            if not between and word_completed(unit.text, following.text, page.lexicon, settings):
                break  # the broken word's rest comes first: the sentence goes on there
            if following.kind == "prose" and following.text[0].islower() and page.width(following.lines[0]) <= wide \
                    and between and sum(u.kind == "item" for u in between) <= 1 \
                    and not noun_awaited(unit.text, between[0].text, page.lexicon, following.text) \
                    and (broken_word or not any(u.why == FULL_LINE for u in between)
                         or comma_then_new_sentence(unit.text, between, page.lexicon)) \
                    and (word_completed(unit.text, following.text, page.lexicon, settings)
                         or not goes_on_into(between[-1].text, following.text, page.lexicon, settings)) and all(
                    len(u.lines) <= 2 and len(u.text.split()) < t.prose_min_words
                    and not SENTENCE_INSIDE.search(u.text)
                    and (broken_word or not clause(u.text, page.lexicon, settings))
                    and (broken_word or not inside_a_sentence(u, page.lexicon))
                    and (broken_word or (
                        all(len(l.text) <= wide for l in u.lines)
                        and not (u.text[0].islower() or u.text[0].isdigit()))) for u in between):
                for k in range(i + 1, j):
                    if units[k].kind != "figure":
                        units[k] = units[k].as_("figure", "interruption")
                if unit.kind == "item":  # its sentence goes on: it is the text's, no list's
                    units[i] = unit.as_("prose", "sentence goes on")
                break
            seen += 1
            if seen > t.interruption_max_pieces or len(following.text.split()) >= t.prose_min_words:
                break
    return units


def comma_then_new_sentence(before: str, between: list[Unit], lexicon: Lexicon) -> bool:
    """Text stopping on a comma and pieces after it each opening as a sentence does, with a
    function word in capitals ('Der neue Marktplatz in Fürstenfeldbruck am Abend'): no sentence
    goes on after a comma so, so they are set into it, however wide their lines."""
    return before.rstrip().endswith(",") and all(opens_sentence(u.text, lexicon) for u in between)


def noun_awaited(before: str, piece: str, lexicon: Lexicon, after: str = "") -> bool:
    """Running text stopping on an attributive adjective ('… gegenseitige') and a piece opening on
    a noun ('Unterstützung und den Mut, Neues'): the adjective's noun, the sentence's own line. So
    too running text stopping on a determiner ('… ihrer') and a piece opening on a noun that goes
    with it ('Größe und ihren Herausforderungen'), where the text `after` the piece is known and
    opens on no word the determiner may wait for instead ('passt.', not 'digitalen Angebote',
    'zwei Quartiere', 'beiden Orte')."""
    first = (piece.split() or [""])[0].rstrip(",")
    if not first[:1].isupper():
        return False
    if stops_on_an_attributive_adjective(before, lexicon):
        return (lexicon.tags.best_tag(first) or "")[:2] == "NN"
    last, then = (before.split() or [""])[-1], (after.split() or [""])[0]
    return bool(then) and agrees(last, readings(first)) is True and not goes_with_determiner(last, then, lexicon)


def goes_with_determiner(determiner: str, word: str, lexicon: Lexicon) -> bool:
    """Whether `word` can follow `determiner` in its noun phrase: a noun with a capital that agrees
    with it ('ihrer' + 'Größe'), or in lower case an adjective, a number or a quantifier before
    the noun ('die' + 'neuen', 'zwei', 'beiden')."""
    word = word.strip(".,;:")
    if not word.isalpha():
        return False
    if word.islower():
        return determiner.lower() in DETERMINERS and lexicon.tags.best_tag(word) in BEFORE_A_NOUN
    return agrees(determiner, readings(word)) is True


BEFORE_A_NOUN = frozenset({"ADJ(A)", "CARD", "PIAT", "PIDAT"})  # HanTa: 'neuen', 'zwei', 'beiden', 'vielen'


def clause(text: str, lexicon: Lexicon, settings: RecordsSettings) -> bool:
    """A sentence's clause: as many words as a paragraph needs at least, read as running text,
    with a finite verb ('Ein häufiger Fehler besteht darin, Technik zu kaufen, bevor'); no label
    or caption is that."""
    return len(WORD.findall(text)) >= settings.text.paragraph_min_words and sentence_like(text, settings) \
        and has_finite_verb(text, lexicon)


def goes_on_into(before: str, after: str, lexicon: Lexicon, settings: RecordsSettings) -> bool:
    """Text whose sentence goes on in `after`: it ends on a function word ('… Lösungen zu' +
    'entwickeln.'), opens a sentence after a heading's words and stops before its verb ('… im Ort
    Im' + 'ehemaligen Gasthof …', 'Kompetenzen Damit alle Menschen' + 'die digitalen Angebote
    nutzen können') or ends on a word broken at the line's end that `after` completes."""
    return word_completed(before, after, lexicon, settings) or (ends_open(before) and not before.endswith("-")) \
        or opens_a_sentence_within(before, lexicon)


def inside_a_sentence(piece: Unit, lexicon: Lexicon) -> bool:
    """A piece that reads as running text (its evidence says prose: known and function words, a
    line to the measure or a stop) and shows a sentence's inside: a finite verb, a comma before
    lower case, an end on a function word or a comma ('Dorfautos können über eine App gebucht',
    'Bodensensoren, um Dünger und Wasser'): a line of the column, no caption set into it."""
    text = piece.text
    return piece.verdict is True and (has_finite_verb(text, lexicon) or bool(CLAUSE_AFTER_COMMA.search(text))
                                      or ends_open(text) or text.endswith(","))
