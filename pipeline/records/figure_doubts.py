"""Figure text that running text holds where the evidence of whole pieces (pieces.py) does not
see it. Decided by the lines' own shape: a row of capitalised words and nothing else at the edge
of a piece (an icon row's, a diagram's labels) and the words right under a big number are set
apart as figure text. Not decided: such a row inside a piece, a line without a label, stop or
verb over a sentence or set between a sentence's parts (a caption without a label, or a
sub-heading?), a sub-heading right under figure text, a short piece by a credit, figure text
marked like a list's item: kept where they are, and the description flagged with the stretch
named. Needs the classified pieces of a body; produces the pieces (label_rows_out,
number_words_out) and doubts (figure_like_doubts).
"""
from __future__ import annotations

import re
from dataclasses import replace

from rapidfuzz import fuzz

from pipeline.records.columns import SENTENCE_END
from pipeline.records.draft import Doubt, flag
from pipeline.records.interruptions import noun_awaited
from pipeline.records.list_items import marked_place
from pipeline.records.pieces import ARTICLES, Page, Unit, has_finite_verb, short_piece
from pipeline.records.units import LONE_NUMBER, text_before
from pipeline.records.prose import (LABEL_WORD, ends_open, function_words, holds_sentence_end, label_row, list_mark,
                                    opens_anew, opens_sentence, stops_inside, stops_on_an_attributive_adjective,
                                    unmarked)
from pipeline.records.settings import RecordsSettings

BIG_NUMBER = re.compile(r"\d{1,3}(?:[.,]\d{3})*(?:,\d+)?\s*(?:%|Mio\.?|Mrd\.?|Tsd\.?)?\s*(?:€|t|km|ha|Jahre|Monate)?")
NUMBER_ROW = re.compile(rf"(?:{BIG_NUMBER.pattern})(?:\s+(?:{BIG_NUMBER.pattern}))+")
REPEATED_MIN_WORDS = 2  # a line of one word repeats as labels do and headings may ('Ziele')
REPEATED_MIN_SCORE = 90  # two lines this alike (rapidfuzz, case folded) are one line printed twice


def label_column(unit: Unit) -> bool:
    """A piece of LABEL_COLUMN_MIN_LINES lines or more, each one capitalised word and no mark
    ('Sensoren' / 'Datenplattform' / 'Dashboard'): a diagram's labels stacked; a sentence's nouns
    would be joined by commas or 'und'."""
    return len(unit.lines) >= LABEL_COLUMN_MIN_LINES and list_mark(unit.text) is None and all(
        len(l.text.split()) == 1 and LABEL_WORD.fullmatch(l.text.strip()) and l.text.strip().lower() not in function_words()
        for l in unit.lines)


LABEL_COLUMN_MIN_LINES = 3


def label_rows_out(units: list[Unit]) -> list[Unit]:
    """Classified units -> the same, with rows of labels (label_row) that running text (or an
    unmarked item) holds at its edges set apart as figure text ("labels"): at a piece's start, at
    its end under a line that ends a sentence, or a whole piece of them (a sub-heading too); not after text that
    stops on a function word (there they may be the sentence's noun phrase), unless the piece is a
    column of lone words (label_column: no comma or 'und' joins them into one)."""
    out: list[Unit] = []
    for unit in units:
        before = text_before(out)
        if before is not None and ends_open(before.text):
            out.append(unit.as_("figure", "labels") if unit.kind in ("prose", "item") and label_column(unit) else unit)
            continue
        if unit.kind == "heading" and all(label_row(l.text) for l in unit.lines):
            out.append(unit.as_("figure", "labels"))  # a sub-heading holds a function word or is one word
            continue
        if not (unit.kind == "prose" or unit.kind == "item" and list_mark(unit.text) is None):
            out.append(unit)
            continue
        lines = unit.lines
        head = 0
        while head < len(lines) and label_row(lines[head].text):
            head += 1
        tail = len(lines)
        while tail > head and label_row(lines[tail - 1].text) and tail - 1 > 0 \
                and holds_sentence_end(lines[tail - 2].text):
            tail -= 1
        parts = [(lines[:head], "figure"), (lines[head:tail], "prose"), (lines[tail:], "figure")]
        out += [Unit(part, kind, False, "labels") if kind == "figure" else replace(unit, lines=part)
                for part, kind in parts if part]
    return out


REPEATED = "repeated"  # the rule a line printed twice was taken out by


def repeated_lines_out(units: list[Unit], page: Page) -> list[Unit]:
    """Classified units -> the same, with a line standing as a piece of its own (a sub-heading,
    or one line of running text that ends no sentence and has no list mark nor finite verb: no
    line of a sentence a text repeats, 'Vorhaben führt zum gewünschten') that the body holds
    once more as such a piece or as figure text, nearly letter for letter, set apart as figure
    text ("repeated"): a logo's line or a caption printed on each page ('Gefördert vom Bund'); a
    sentence's piece does not come twice, and a sub-heading heads one part of a text."""
    def alone(unit: Unit) -> bool:
        text = unit.text.strip()
        return len(unit.lines) == 1 and len(text.split()) >= REPEATED_MIN_WORDS and list_mark(text) is None \
            and not holds_sentence_end(text) and not ends_open(text) and not text.endswith(("-", ",")) \
            and not has_finite_verb(text, page.lexicon)

    keys = [unit.text.casefold() for unit in units]
    lone = [alone(unit) for unit in units]
    out = list(units)
    for i, unit in enumerate(units):
        if unit.kind in ("heading", "prose") and lone[i] and any(
                j != i and (units[j].kind == "figure" or lone[j])
                and fuzz.ratio(keys[i], keys[j]) >= REPEATED_MIN_SCORE for j in range(len(units))):
            out[i] = unit.as_("figure", REPEATED)
    return out


def repeated_first_line_doubts(units: list[Unit], page: Page) -> list[Doubt]:
    """A flag where a paragraph of running text opens with a line that the body holds elsewhere as
    figure text of its own, nearly letter for letter ('Workshop mit Bürgerinnen und Bürgern', a
    picture's caption printed twice): the caption was read into the paragraph's first line."""
    figures = [u.text.casefold() for u in units if u.kind == "figure" and len(u.lines) == 1]
    doubts = []
    for unit in units:
        first = unit.lines[0].text.strip()
        if unit.kind == "prose" and len(unit.lines) > 1 and len(first.split()) >= REPEATED_MIN_WORDS \
                and not holds_sentence_end(first) and any(fuzz.ratio(first.casefold(), f) >= REPEATED_MIN_SCORE
                                                          for f in figures) \
                and not has_finite_verb(first, page.lexicon):  # the tagger last: it costs the most
            doubts.append(flag("description", f"'{first[:60]}' opens a paragraph and stands elsewhere as figure text: "
                                              "a caption read into the paragraph; check where the text begins"))
    return doubts


# 'm', 'u', '@', '=', '|]', 'm@': a map's point as an OCR reads it (a letter and a sign: its ring and its dot)
LONE_SIGN = re.compile(r"[^\W\d_]|[^\w\s]{1,2}|[^\W\d_][@©®°*#=|»«•■]")
LETTER_PAIR = re.compile(r"[a-zäöü]{2}")  # 'sm', 'ml': a point's ring and dot read as two letters
GLUED_MARK = re.compile(r"[a-zäöüß][A-ZÄÖÜ][a-zäöüß]")  # 'sLauf': a point's mark read as a letter, no space


def map_point(text: str) -> bool:
    """A line opening with a lone letter or sign that is no list mark, or with two letters in lower
    case that are no function word (German's words of two letters are), then a name with a capital
    ('m Lauf an der Pegnitz', '@ Marktplatz', 'sm Bahnhof', 'm@ Hersbruck'), or with a small letter
    glued to a name's capital and more words of a place after it ('sLauf an der Pegnitz'; a German
    word so spelt, 'eAkte', is rare, and the caller asks for map points beside it): a map's point
    and its place."""
    words = text.split()
    if len(words) >= 2 and GLUED_MARK.match(words[0]):
        return all(w[:1].isupper() or w in function_words() for w in words[1:])
    return len(words) >= 2 and (bool(LONE_SIGN.fullmatch(words[0])) or bool(LETTER_PAIR.fullmatch(words[0]))
                                and words[0] not in function_words()) \
        and list_mark(text) is None and words[1][:1].isupper()


def map_point_place(text: str) -> str:
    """A map point's words without its mark ('m Lauf an der Pegnitz', 'sLauf an der Pegnitz' -> 'Lauf
    an der Pegnitz'); needs a map_point."""
    return text[1:] if GLUED_MARK.match(text) else text.split(maxsplit=1)[1]


def map_points_out(units: list[Unit], page: Page, settings: RecordsSettings) -> list[Unit]:
    """Classified units -> the same, with a line of running text alone, short or naming a place
    (names_a_place), ending no sentence, shaped like a map's point (map_point) next to figure text
    shaped so too, or a marked place taken as figure text
    (marked_place), set apart as figure text ("map"): the OCR read the point's mark as a letter
    ('m Lauf an der Pegnitz' by 'u Marktplatz' or '• Innenstadt'), or two points in one row
    (marked_points_row; one an OCR broke over two lines too)."""
    out = list(units)
    for i, unit in enumerate(units):
        # a short line, or one naming a place ('m Lauf an der Pegnitz', however narrow the column's measure came out)
        # two points in one row an OCR may break in two ('• Lauf an der Pegnitz' / '"Hafen ™ Rathaus')
        if unit.kind == "prose" and len(unit.lines) <= 2 and not holds_sentence_end(unit.text) \
                and ((len(unit.lines) == 1 and map_point(unit.text)
                      and (short_piece(unit.lines, page, settings) or names_a_place(unit.text)))
                     or marked_points_row(unit.text)) and any(
                0 <= k < len(units) and units[k].kind == "figure"
                and (map_point(units[k].text) or marked_place(units[k].text)) for k in (i - 1, i + 1)):
            out[i] = unit.as_("figure", "map")
        elif unit.kind == "item" and first_of_map_points(units, i):
            out[i] = unit.as_("figure", "map")
    return out


MAP_POINTS_AFTER = 2  # marked places taken as figure text right after a first point: a map's, no list's


def first_of_map_points(units: list[Unit], i: int) -> bool:
    """Whether the marked item units[i] naming a place ('• Lauf an der Pegnitz', or two points in
    one row: marked_points_row) opens a map's
    points: MAP_POINTS_AFTER marked places taken as figure text among the three pieces after it
    ('• Südviertel', '• Altstadt'), and no list before it (no item, no introduction ending in a
    colon): a list's items stand together after their introduction."""
    text = units[i].text
    before = units[i - 1] if i > 0 else None
    if list_mark(text) is None or not (names_a_place(text) or marked_points_row(text)) or holds_sentence_end(text) \
            or (before is not None and (before.kind == "item" or before.text.rstrip().endswith(":"))):
        return False
    return sum(1 for u in units[i + 1:i + 4] if u.kind == "figure" and marked_place(u.text)) >= MAP_POINTS_AFTER


def names_a_place(text: str) -> bool:
    """A map point's words after its mark: at most PLACE_MAX_WORDS, each with a capital or a
    function word ('Lauf an der Pegnitz'); no clause ('Klimaschutz … integrieren')."""
    words = text.split()[1:]
    return 0 < len(words) <= PLACE_MAX_WORDS and all(w[:1].isupper() or w in function_words() for w in words)


PLACE_MAX_WORDS = 5


def marked_points_row(text: str) -> bool:
    """A line marked as an item or as a map's point (map_point: 'm Hersbruck') holding a second mark
    before a word with a capital ('• Lauf an der Pegnitz = Südviertel', 'm Hersbruck = Lauf an der
    Pegnitz'): two of a map's points read in one row; an item holds no mark inside."""
    mark = list_mark(text)
    if mark is None and map_point(text):
        mark = text.split()[0]
    return mark is not None and bool(INNER_POINT.search(text[len(mark):]))


INNER_POINT = re.compile(r"\s[=•■»™]\s+[A-ZÄÖÜ]")  # a point's mark as an English model reads it, inside a row


def a_number(text: str) -> bool:
    """A big number as figures print it: '17.000', '80 %', '1,2 Mio. €', '2.400 t'; not a bare
    number ('2025' may be a year heading a paragraph); or a row of two numbers or more, as
    figures set them side by side ('12 1,2 Mio. €'; a heading holds one number at most)."""
    text = text.strip()
    return (bool(BIG_NUMBER.fullmatch(text)) and not text.isdigit()) or bool(NUMBER_ROW.fullmatch(text))


def number_words_out(units: list[Unit], page: Page, settings: RecordsSettings) -> list[Unit]:
    """Classified units -> the same, with a sub-heading, or one short line of running text, of an
    item without a list mark or of figure text taken for its shortness, with no stop, right under
    a big number standing alone (a_number) set apart as figure text ("number"): the words under a
    figure's number ('17.000' | 'Einwohnerinnen und Einwohner'; '60 %' | 'Glasfaser bis 2025' after
    a list's introduction: no item, whose count the list's marked items fill); under a row of
    numbers, the words of them all read as one piece (an unmarked item's too: 'Einwohnerinnen und
    Einwohner Haushalte' after a colon), and under one number its one line (row_words),
    also where the rest of the sentence the number cut goes on under it in the same piece."""
    out = list(units)
    i = 0
    while (i := i + 1) < len(out):
        unit, above = out[i], out[i - 1]
        if above.kind != "figure" or not (a_number(above.text) or above.why == LONE_NUMBER):
            continue
        one_line = short_piece(unit.lines, page, settings)
        before = text_before(out[:i - 1])
        goes_on = before is not None and ends_open(before.text)  # '… bei über' | '80 %' | 'der Haushalte …': its sentence
        if not has_finite_verb(unit.text, page.lexicon) \
                and (unit.kind == "heading" or unit.kind == "prose" and (one_line or row_words(unit, above, settings, goes_on))
                     or list_mark(unit.text) is None
                     and (unit.kind == "item" or unit.kind == "figure" and unit.why == "short")
                     # an unmarked item right under a row of numbers is their words read across
                     and (one_line or unit.kind == "item" and bool(NUMBER_ROW.fullmatch(above.text.strip()))
                          and row_words(unit, above, settings, goes_on))):
            out[i] = unit.as_("figure", "number")
        elif unit.kind == "prose" and before is not None and not SENTENCE_END.search(before.text) \
                and (k := words_over_the_rest(unit, above, page, settings)):
            # the number's words glued over the rest of the sentence the number cut ('… solche Erfahrungen' |
            # '35 %' | 'weniger Verkehr' / 'offen zu teilen, …'): the words apart, the sentence's rest running text
            out[i:i + 1] = [Unit(unit.lines[:k], "figure", False, "number"), replace(unit, lines=unit.lines[k:])]
        if out[i].why == "number" and i + 1 < len(out) and labels_go_on(out[i + 1], before, page):
            out[i + 1] = out[i + 1].as_("figure", "number")  # 'Einwohnerinnen Sensoren im' | 'und Einwohner Quartier'
    return out


def words_over_the_rest(unit: Unit, above: Unit, page: Page, settings: RecordsSettings) -> int:
    """How many of a piece's first lines are the words under the number(s) above it, glued over
    the rest of a sentence that goes on in lower case on the next line: one line, or under a row
    of numbers two ('3 17.000' | 'Ortsteile Einwohnerinnen und' / 'Einwohner' / 'viele Menschen …');
    0 for none."""
    for k in (1, 2):
        if len(unit.lines) > k and unit.lines[k].text.strip()[:1].islower() \
                and not has_finite_verb(Unit(unit.lines[:k], "prose").text, page.lexicon) \
                and row_words(Unit(unit.lines[:k], "prose"), above, settings):
            return k
    return 0


def article_headings_out(units: list[Unit], page: Page) -> tuple[list[Unit], list[Doubt]]:
    """A piece read as a sub-heading that opens on an article ('Der neue Marktplatz in Seestadt am
    Abend', 'Ein kleiner Schritt für …'), or one of running text over two lines shaped so (no
    verb, no sentence's end, no comma, not stopping on a function word) between a sentence's end
    and a capital: no sub-heading opens so, a picture's caption without its label or a banner's
    words do. It goes to figure text, flagged, the line named."""
    out, doubts = list(units), []
    for i, unit in enumerate(out):
        first = (unit.text.split() or [""])[0]
        if first[:1].isupper() and first.lower() in ARTICLES \
                and (unit.kind == "heading" or caption_over_two_lines(out, i, page)):
            out[i] = unit.as_("figure", "caption")
            doubts.append(flag("description", f"'{unit.text[:80]}' stood between paragraphs like a sub-heading, but "
                                              "opens on an article as a picture's caption or a banner does: put in "
                                              "figure_text"))
    return out, doubts


def caption_over_two_lines(units: list[Unit], i: int, page: Page) -> bool:
    """Whether units[i] is running text of two lines standing alone like a caption: no finite verb,
    no sentence's end, no comma, not stopping on a function word, after text ending a sentence (or
    none) and before text opening with a capital."""
    unit = units[i]
    before, after = text_before(units[:i]), next((u for u in units[i + 1:] if u.kind != "figure"), None)
    return unit.kind == "prose" and len(unit.lines) == 2 and "," not in unit.text \
        and not holds_sentence_end(unit.text) and not ends_open(unit.text) \
        and not has_finite_verb(unit.text, page.lexicon) \
        and (before is None or bool(SENTENCE_END.search(before.text))) \
        and (after is None or after.text[:1].isupper())


def labels_go_on(unit: Unit, before: Unit | None, page: Page) -> bool:
    """Whether a piece right under a figure's words is their second line: one line opening in lower
    case, no verb, no stop, no comma, where the text before the figure ended its sentence (so the
    line cannot go on that)."""
    text = unit.text.strip()
    return unit.kind == "prose" and len(unit.lines) == 1 and text[:1].islower() and "," not in text \
        and not holds_sentence_end(text) and not has_finite_verb(text, page.lexicon) \
        and before is not None and bool(SENTENCE_END.search(before.text))


def row_words(unit: Unit, above: Unit, settings: RecordsSettings, goes_on: bool = False) -> bool:
    """Under a row of numbers set side by side ('2.400 17.000'), the words under each read across
    as one piece: one line or two, a label's few words, no stop and no comma ('Haushalte
    Einwohnerinnen und' | 'Einwohner'); under one number, one such line, unless the text before the
    number `goes_on` in it ('… bei über' | '80 %' | 'der Haushalte …'); running text holds a
    sentence's signs."""
    text = unit.text
    # under one number, the label's one line, however long the column's lines are short ('weniger Verkehr Fördermittel')
    return (bool(NUMBER_ROW.fullmatch(above.text.strip())) and len(unit.lines) <= 2 or len(unit.lines) == 1 and not goes_on) \
        and len(text.split()) <= settings.text.label_max_words and "," not in text and not holds_sentence_end(text) \
        and not text.endswith("-")


def caption_like_line(line: str, next_line: str, page: Page, settings: RecordsSettings,
                      under_figure: bool = False) -> bool:
    """A line with no sentence's end, no list mark and no finite verb, not stopping on a function
    word, that is short (`under_figure`: right under figure text, no longer than the column's
    measure, not waiting for its noun, not opening with a function word as a sentence's first part
    does ('Im Rahmen der …'), over a line opening with a capital, as a caption under its
    picture stands), or over a
    line that opens a sentence (a function word or an adjective with a capital opens one, and no
    sentence goes on with it; nor, for a line no longer than the column's, with
    a word and the finite verb after it, a sentence's first part and its verb: 'Vorschläge können
    …', or with a subject of nouns and then its verb: subject_then_verb); a line read across two columns may end anywhere, one stopping on an adjective waits for its
    noun): a caption without a label,
    a figure's title, or a sub-heading; the evidence of one line cannot tell which."""
    line = line.strip()
    return bool(line) and (len(line) < settings.text.short_line_share * page.measure
                           or under_figure and len(line) <= page.measure and next_line[:1].isupper()
                           and not before_its_noun(line, page) and not opens_sentence(line, page.lexicon)
                           or bool(next_line) and (opens_anew(next_line, page.lexicon)
                                                   or (verb_second(next_line, page) or subject_then_verb(next_line, page))
                                                   and len(line) <= page.measure
                                                   and not before_its_noun(line, page))) \
        and not holds_sentence_end(line) and not line.endswith(("-", ",")) and list_mark(line) is None \
        and line[:1].isupper() and len(line.split()) >= 2 and not ends_open(line) \
        and not has_finite_verb(line, page.lexicon)


def verb_second(line: str, page: Page) -> bool:
    """A line whose first word has a capital and whose second is a finite verb in lower case
    ('Vorschläge können auf …', 'Umgekehrt erzählen die …'): a sentence opens there, its first
    part one word."""
    words = line.split()
    return len(words) >= 2 and words[0][:1].isupper() and words[0].isalpha() \
        and has_finite_verb(words[1], page.lexicon) and words[1].isalpha()


SUBJECT_JOINERS = frozenset({"und", "oder", "sowie"})


def subject_then_verb(line: str, page: Page) -> bool:
    """A line opening on a noun with a capital (no name: HanTa's best tag 'NN'), or on an adjective
    with a capital before one ('Digitale Beteiligungsverfahren'), whose words up to its first
    finite verb in lower case are nouns, adjectives, commas and 'und' ('Sportvereine, Chöre und
    Feuerwehren nutzen …', 'Digitale Beteiligungsverfahren ergänzen …'): a sentence opens there
    with its subject, and its verb comes second, so no verbless line before it can be part of that
    sentence."""
    words = line.split()
    if not words or not words[0][:1].isupper() \
            or page.lexicon.tags.best_tag(words[0].strip(",")) not in ("NN", "ADJ(A)"):
        return False
    noun = False
    for k, word in enumerate(words):
        bare = word.rstrip(",")
        if k and bare.isalpha() and bare.islower() and has_finite_verb(bare, page.lexicon):
            return noun and not words[k - 1].endswith(",")
        tag = page.lexicon.tags.best_tag(bare) or ""
        if not bare.isalpha() or not (bare.lower() in SUBJECT_JOINERS or tag.startswith(("NN", "ADJ"))):
            return False
        noun = noun or tag.startswith("NN")
    return False


def before_its_noun(line: str, page: Page) -> bool:
    """A line that stops on an adjective or a function word, with a capital or not ('… und
    gemeinsame', '… Quartiere Bezahlbarer', '… Grenzen Viele'), or holds a comma (a list of names
    going on): its sentence goes on in the next line."""
    last = (line.split() or [""])[-1]
    return "," in line or last.lower() in function_words() \
        or stops_on_an_attributive_adjective(line, page.lexicon, any_case=True)


def line_alone_without_verb(unit: Unit, page: Page, settings: RecordsSettings) -> bool:
    """A piece of running text that is one short line with a capital, no finite verb and no
    sentence's end ('Gefördert vom Bund'): a sub-heading, or a line of a figure (a logo's, a
    caption's) where figure text stands over it."""
    text = unit.text.strip()
    return unit.kind == "prose" and len(unit.lines) == 1 and short_piece(unit.lines, page, settings) \
        and text[:1].isupper() and not holds_sentence_end(text) and not ends_open(text) \
        and not has_finite_verb(text, page.lexicon)


def set_into_sentence(unit: Unit, before: Unit | None, page: Page, after: str = "") -> bool:
    """A piece's first line with a capital, no stop, no comma and no finite verb, not stopping on a
    function word, right after running text with a finite verb that stops inside a sentence (not
    on a comma, where a list of nouns goes on, unless a finite verb opens the line after it), alone
    or (after text that does
    not stop on a function word) over a line going on in lower case: a caption or a label set into the column, or the sentence's next words; the
    evidence cannot tell. Not where the text before waits for a noun the line opens on (an
    adjective's, or a determiner's that agrees with it, `after` being the text after the line:
    interruptions.noun_awaited)."""
    text = unit.lines[0].text.strip()
    if before is None or before.kind != "prose" \
            or noun_awaited(before.text, text, page.lexicon, unit.lines[1].text if len(unit.lines) > 1 else after):
        return False
    # over a line in lower case only where the text before does not wait for its next words (no
    # function word at its end): else it is the sentence going on
    last = before.text.split()[-1] if before.text.split() else ""
    alone = len(unit.lines) == 1 or (unit.lines[1].text[:1].islower() and last.lower() not in function_words())
    # after a comma a list of nouns goes on, unless the next line opens on a finite verb ('… ihre
    # Prozesse,' | 'Workshop mit Bürgern' | 'vereinfachen Schritte …'): a clause goes on there
    then = unit.lines[1].text.split()[:1] if len(unit.lines) > 1 else []
    verb_after = bool(then) and then[0].islower() and has_finite_verb(then[0], page.lexicon)
    return alone and stops_inside(before.text) and (not before.text.rstrip().endswith(",") or verb_after) \
        and has_finite_verb(before.text, page.lexicon) and "," not in text \
        and text[:1].isupper() and not holds_sentence_end(text) and not text.endswith(("-", ",")) \
        and not ends_open(text) and len(text.split()) >= 2 and not has_finite_verb(text, page.lexicon)


def marked_item_like(text: str, page: Page, settings: RecordsSettings) -> bool:
    """A list mark and then two words or more the lexicon knows, one in lower case, and no second
    mark ('• Energie und Klima', '• lebendige Ortskerne'; not a map's '• Gewerbegebiet Nord')."""
    mark = list_mark(text)
    words = unmarked(text).split() if mark is not None else []
    return len(words) >= 2 and any(w.islower() for w in words) \
        and all(w.isalpha() and page.lexicon.zipf(w) >= settings.fields.quality_min_zipf for w in words)


def item_goes_on(units: list[Unit], n: int) -> bool:
    """The unit at n follows an item that stops open ('… für Verwaltung und' | 'Stadtwerke'): it is
    that item's rest, whatever stands by it."""
    before = text_before(units[:n])
    return before is not None and before.kind == "item" and ends_open(before.text)


def caption_label_inside(text: str, page: Page) -> str | None:
    """A caption's or credit's label with its colon (page.captions: 'Abbildung 7:', 'Quelle:',
    '© ') inside a unit of running text -> the label as printed with what follows it, a few words;
    else None. An OCR reads a caption into the line of the column beside it ('… müssen. Abbildung 7:
    Anteil der Haushalte …'), or glued to a word its line broke ('Kultu-Abbildung 4: …': the
    caption stood between the word's halves; a compound's 'Energie-Quelle:' is none)."""
    labels = [re.escape(c) for c in page.captions if c != "©"]
    marks = [rf"(?<![\w-])(?:{'|'.join(labels)})(?:\s+\d+[a-z]?)?:\s",  # a numbered one also after a word's hyphen
             rf"(?<=[a-zäöüß]-)(?:{'|'.join(labels)})\s+\d+[a-z]?:\s"] if labels else []
    marks += [r"©\s*[A-ZÄÖÜ]"] if "©" in page.captions else []
    found = re.search("|".join(marks), text) if marks else None
    return " ".join(text[found.start():].split()[:4]) if found else None


PROSE_LINE_MIN_WORDS = 6  # a line of running text in a column holds this many words
PROSE_RUN_MIN_LINES = 3


CALLOUT_MAX_WORDS = 2


def called_out(unit: Unit) -> bool:
    """'Mitmachen!': one line of a word or two ending in an exclamation mark, as words set over a
    picture are (a sentence of running text is longer)."""
    return len(unit.lines) == 1 and unit.text.endswith("!") and len(unit.text.split()) <= CALLOUT_MAX_WORDS


CLAUSE_OPENS = re.compile(r",\s+[a-zäöüß]{2,}\s")  # ', um Übungszeiten', ', die …': a clause; captions and labels have none


def prose_run_in_figure(unit: Unit, page: Page) -> list[str]:
    """A figure unit's longest run of lines that read as running text -> their texts, where it is
    PROSE_RUN_MIN_LINES lines or more and holds a finite verb: each line PROSE_LINE_MIN_WORDS words
    or more, half of them in lower case (a chart's numbers and labels have few such lines, the
    sentence an OCR read on under them has several); else []."""
    best: list[str] = []
    run: list[str] = []
    for line in unit.lines:
        words = re.findall(r"[^\W\d_]+", line.text)
        if len(words) >= PROSE_LINE_MIN_WORDS and 2 * sum(w[0].islower() for w in words) >= len(words):
            run = [*run, line.text]
            best = run if len(run) > len(best) else best
        else:
            run = []
    return best if len(best) >= PROSE_RUN_MIN_LINES and has_finite_verb(" ".join(best), page.lexicon) else []


def figure_like_doubts(units: list[Unit], page: Page, settings: RecordsSettings) -> list[Doubt]:
    """Units of a body -> flags on the description for figure text marked like a list's item (not
    among other marked figure text); for
    a sub-heading right under figure text (the figure's own line, or a sub-heading?); for a short
    piece of running text or an unmarked item by a caption or a credit (words over a picture?; not an
    item's rest after an item stopping open); for one line set
    between the parts of a sentence (set_into_sentence); for running
    text that holds a row of labels (not after a line that stops on a function word); and for a
    caption-like line (caption_like_line) opening running text after a sentence's end, an item
    or a sub-heading, over a line opening with a capital."""
    doubts = []
    for n, unit in enumerate(units):
        # a marked line among other marked figure lines is a list of the figure's own
        if unit.kind == "figure" and unit.why in ("interruption", "short") \
                and marked_item_like(unit.text, page, settings) and not any(
                0 <= k < len(units) and units[k].kind == "figure" and list_mark(units[k].text) is not None
                for k in (n - 1, n + 1)):
            doubts.append(flag("description", f"figure_text holds '{unit.text[:80]}', marked like an item of a list "
                                              "the text introduces"))
        elif (unit.kind == "heading" or line_alone_without_verb(unit, page, settings)) \
                and n and units[n - 1].kind == "figure" and units[n - 1].why != "caption":
            kept = "a sub-heading" if unit.kind == "heading" else "running text"
            doubts.append(flag("description", f"'{unit.text[:80]}' stands right under figure text: a sub-heading, "
                                              f"or a line of the figure (a caption, a logo's words); kept as {kept}"))
        elif (unit.kind == "prose" or unit.kind == "item" and list_mark(unit.text) is None
              and not item_goes_on(units, n)) \
                and (short_piece(unit.lines, page, settings) or called_out(unit)) and any(
                0 <= k < len(units) and units[k].kind == "figure" and page.is_caption(units[k].text)
                for k in (n - 1, n + 1)):
            doubts.append(flag("description", f"'{unit.text[:80]}' stands by a picture's caption or credit like "
                                              "words set over the picture; kept as running text"))
        if unit.kind != "figure" and (label := caption_label_inside(unit.text, page)):
            doubts.append(flag("description", f"'{label}' inside the text opens a caption or a credit: figure text "
                                              "read into the running text? (kept)"))
        if unit.kind == "prose" and unit.why == "list":
            doubts.append(flag("description", f"'{unit.text[:60]}' under figure text introduces the marked items "
                                              "after it: taken as the text's list (or is it the figure's?)"))
        if unit.kind == "figure" and unit.why == "short" and CLAUSE_OPENS.search(unit.text):
            doubts.append(flag("description", f"figure_text holds '{unit.text[:80]}', a line alone that opens a "
                                              "clause after a comma as running text does: prose put with the figure?"))
        if unit.kind == "figure" and (run := prose_run_in_figure(unit, page)):
            doubts.append(flag("description", f"figure_text holds '{run[0][:60]} …' over {len(run)} lines that "
                                              "read as running text (long lines of words in lower case with a "
                                              "finite verb): prose put with the figure?"))
    text_units = [u for u in units if u.kind != "figure"]
    under_figure = [k > 0 and units[k - 1].kind == "figure" and units[k - 1].why != "caption"
                    for k, u in enumerate(units) if u.kind != "figure"]
    for n, unit in enumerate(text_units):
        if unit.kind == "heading" and n and ends_open(text_units[n - 1].text) \
                and (all(label_row(l.text) for l in unit.lines)
                     or len(unit.lines) == 1 and len(unit.text.split()) <= CALLOUT_MAX_WORDS):
            doubts.append(flag("description", f"'{unit.text[:80]}' stands between the parts of a sentence "
                                              f"('…{text_units[n - 1].text[-30:]}' | '{unit.text[:30]}') as a row of "
                                              "capitalised words or a word alone: the sentence's words, or a figure's "
                                              "labels; kept"))
            continue
        if not (unit.kind == "prose" or unit.kind == "item" and list_mark(unit.text) is None):
            continue
        lines = [l.text for l in unit.lines]
        # after a function word ('… und dabei die' | 'Selbstorganisation Sorgender Gemeinschaften') the
        # capitalised words are the sentence's noun phrase
        if rows := [l for i, l in enumerate(lines) if label_row(l) and not (i and ends_open(lines[i - 1]))]:
            doubts.append(flag("description", f"'{rows[0][:80]}' in running text is a row of capitalised words "
                                              "and nothing else, as an icon row's or a diagram's labels are"))
            continue
        before = text_units[n - 1] if n else None
        if unit.kind == "item":  # items are short lines over capitals: no caption by their shape
            continue
        after = text_units[n + 1].text if n + 1 < len(text_units) else ""
        if set_into_sentence(unit, before, page, after) and unit.why != "grammar":  # sentence_lines.py: the grammar decided
            doubts.append(flag("description", f"'{unit.lines[0].text[:80]}' stands between the parts of a sentence "
                                              f"('…{before.text[-30:]}' | '{unit.text[:30]}…') like a caption "
                                              "set into the column; kept as running text"))
            continue
        after_sentence = before is None or before.kind != "prose" or holds_sentence_end(before.text)
        for i, line in enumerate(lines):
            opens = i == 0 and after_sentence or i > 0 and holds_sentence_end(lines[i - 1])
            # two lines: a subject of nouns may fill one before its verb ('Pendlerströme, …, Abfall und Tourismus' / 'betreffen …')
            nxt = " ".join(lines[i + 1:i + 3]) if i + 1 < len(lines) else (
                text_units[n + 1].text if n + 1 < len(text_units) else "")
            if opens and caption_like_line(line, nxt, page, settings, under_figure[n] and i == 0) \
                    and (not nxt or nxt[:1].isupper()):
                doubts.append(flag("description", f"'{line[:80]}' stands over running text like a picture's caption "
                                                  "or a sub-heading, and was kept as running text"))
                break
    return doubts
