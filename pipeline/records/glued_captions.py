"""A caption and a line of running text that an OCR read as one line ('Foto: Projektteam kann.',
'© Stadt X Marketing am selben Tag. Die …'): a credit printed in the column, on the row of one of
a sentence's lines, comes out of a text without coordinates glued to that line, and the whole
line went to figure text with the caption. Such a line is cut in two where the running text
starts: after the caption's label and its credit (words that are no function words), where the
rest reads as a sentence's (a finite verb, or a sentence's end) and goes on from the text before
it (in lower case after text stopping inside a sentence) or opens one after text that ended one (a function word with a
capital, or a word and a finite verb: 'Dennoch zeigt sich'). Needs a body's lines and the page; produces the lines with
each such line as two (the same line number, each part with its own offset), so that the
caption goes to figure text and the sentence's words stay in the description.
"""
from __future__ import annotations

import re
from dataclasses import replace

from pipeline.records.figure_doubts import verb_second
from pipeline.records.interruptions import goes_with_determiner
from pipeline.records.label_values import CONNECTOR_END
from pipeline.records.pieces import Page, has_finite_verb
from pipeline.records.prose import function_words, holds_sentence_end, list_mark, opens_sentence, stops_inside
from pipeline.records.segment import Line
from pipeline.records.sentence_lines import opens_a_clause

TOKEN = re.compile(r"\S+")
CREDIT_MAX_WORDS = 4  # a credit names an author or an owner in a few words ('Stadt Bad Säckingen')


def label_words(tokens: list[str]) -> int:
    """How many tokens a caption's label takes: '©' or 'Foto:' one, 'Abbildung 3:' two."""
    return 2 if len(tokens) > 1 and not tokens[0].endswith(":") and tokens[0] != "©" else 1


def running_text_start(text: str, before: str, page: Page) -> int | None:
    """A line that opens with a caption's label (page.is_caption) and the text before it -> where
    the running text glued after the caption's credit starts in the line; None where nothing after
    the credit reads as running text going on from `before` or opening a sentence after it, or as
    the noun `before` waits for with its sentence going on ('… alle' | 'Foto: Stadt X Gutachten,
    damit …')."""
    if not page.is_caption(text):
        return None
    spans = [(m.start(), m.group()) for m in TOKEN.finditer(text)]
    tokens = [t for _, t in spans]
    first = label_words(tokens)
    for k in range(first + 1, min(len(tokens), first + CREDIT_MAX_WORDS + 1)):
        credit, rest = tokens[first:k], " ".join(tokens[k:])
        if any(w.lower() in function_words() or not w[:1].isalpha() for w in credit) \
                or has_finite_verb(" ".join(credit), page.lexicon) or ":" in rest:
            return None
        reads_on = has_finite_verb(rest, page.lexicon) or holds_sentence_end(rest)
        goes_on = rest[:1].islower() and stops_inside(before)
        opens = (opens_sentence(rest, page.lexicon) or verb_second(rest, page)) and bool(before) \
            and not stops_inside(before)
        # the noun the text before waits for, a clause after its comma ('… veröffentlicht alle' | 'Gutachten, damit
        # …'); a common noun: a name is a credit's ('Foto: Stadt Rheinsberg'), as is a place after a comma ('…, Berlin')
        noun = tokens[k].rstrip(",")
        completes = bool(before.split()) and tokens[k].endswith(",") and noun[:1].isupper() \
            and page.lexicon.tags.best_tag(noun) == "NN" and opens_a_clause(" ".join(tokens[k + 1:]), page.lexicon) \
            and goes_with_determiner(before.split()[-1], noun, page.lexicon)
        if (reads_on and (goes_on or opens)) or completes:
            return spans[k][0]
    return None


def caption_after_text(text: str, page: Page) -> int | None:
    """A line of running text with a caption glued after it ('… im Ort erhalten, Quelle: eigene
    Darstellung': a credit on the row of one of the column's lines) -> where the caption starts;
    None where no caption's label stands after TEXT_BEFORE_CAPTION_MIN_WORDS words, or what follows
    it is more than a label and a credit: a finite verb, a sentence's end, or a connector its
    sentence goes on from ('… die neue digitale Karte: Bürgerinnen und').
    """
    spans = [(m.start(), m.group()) for m in TOKEN.finditer(text)]
    for k in range(TEXT_BEFORE_CAPTION_MIN_WORDS, len(spans)):
        rest = text[spans[k][0]:]
        tokens = rest.split()
        if page.is_caption(rest) and not CONNECTOR_END.search(rest.rstrip()) \
                and len(tokens) <= label_words(tokens) + CREDIT_MAX_WORDS \
                and not has_finite_verb(" ".join(tokens[label_words(tokens):]), page.lexicon) \
                and not holds_sentence_end(rest):
            return spans[k][0]
    return None


TEXT_BEFORE_CAPTION_MIN_WORDS = 3


MARKED_TAIL = re.compile(r"(?<=[.!?])\s+([=•·*®¢>■▪●◆]{1,2}\s+[A-ZÄÖÜ][\w-]*(?:\s+[A-ZÄÖÜ][\w-]*){0,2})\s*$")


def marked_label_after_sentence(text: str) -> int | None:
    """'… nicht verbessert. = Grebenhain': a sentence's end, then a mark and one to three
    capitalised words ending the line (a map's point and its place, an OCR read onto the row of the
    column's line) -> where the mark starts; None elsewhere (a list's item begins a line)."""
    m = MARKED_TAIL.search(text)
    return m.start(1) if m and len(text[:m.start()].split()) >= TEXT_BEFORE_CAPTION_MIN_WORDS else None


# '… Schulen beteiligen sich || MODELLPROJEKT SM,': a banner's box edge and its words in capitals ending a row
BANNER_TAIL = re.compile(r"\s(\|{1,2}\s*[A-ZÄÖÜ]{4,}(?:\s+\S+){0,3})\s*$")


def banner_after_bar(text: str) -> int | None:
    """A row of running text, then a box's edge read as a bar or two and a word in capitals with up
    to three more ending the row (a banner beside the column) -> where the bar starts; else None."""
    m = BANNER_TAIL.search(text)
    head = text[:m.start()].split() if m else []
    # the row's text is running text's, in lower case mostly (a logo's words in capitals on both sides are one line)
    return m.start(1) if len(head) >= TEXT_BEFORE_CAPTION_MIN_WORDS \
        and sum(w[:1].islower() for w in head) * 2 > len(head) else None


BOX_EDGE = re.compile(r"[\[\]_]{0,2}\|[\[\]|_]{0,2}\s+")  # a box's edge an OCR read as a bar or two at a row's start
BANNER_MIN_TOKENS = 2  # a banner's words, or the letters of one set wide ('M oO D E LL PROJ E KT')
SENTENCE_AFTER_BANNER_MIN_WORDS = 3


def capitals(token: str) -> bool:
    """A token of letters in capitals at least half ('CITIES', 'oO': a capital an OCR read twice),
    not a word with a capital as printed ('Im')."""
    letters = [c for c in token if c.isalpha()]
    return bool(letters) and len(letters) == len(token) and sum(c.isupper() for c in letters) * 2 >= len(letters) \
        and not (len(token) > 1 and token[0].isupper() and token[1:].islower())


def sentence_after_banner(text: str, page: Page) -> int | None:
    """'|| M oO D E LL PROJ E KT S M ART CITIES Im Kreis Höxter verbinden': a box's edge, a banner's
    words in capitals, then words that open a sentence (a function word with a capital, and
    SENTENCE_AFTER_BANNER_MIN_WORDS words at least): a banner an OCR read onto the row of a
    column's line -> where the sentence starts; else None."""
    edge = BOX_EDGE.match(text)
    if edge is None:
        return None
    spans = [(m.start(), m.group()) for m in TOKEN.finditer(text, edge.end())]
    k = next((k for k, (_, t) in enumerate(spans) if not capitals(t)), len(spans))
    rest = " ".join(t for _, t in spans[k:])
    if k < BANNER_MIN_TOKENS or len(spans) - k < SENTENCE_AFTER_BANNER_MIN_WORDS or not opens_sentence(rest, page.lexicon):
        return None
    return spans[k][0]


PERCENT = r"\d{1,3}(?:[.,]\d+)?\s?%"
# '… Verwaltung und Stadtwerke 60 % 49 % 91 %', '… Hochschule | 52%', '… genutzt. 2019 2020 2021': a chart's
# values (two or more, or one after a bar's edge read as a sign) or its years ending a column's row
CHART_TAIL = re.compile(rf"\s((?:{PERCENT}\s+)+{PERCENT}|[|!\[\]]{{1,2}}\s+{PERCENT}|(?:(?:19|20)\d\d\s+){{2,}}(?:19|20)\d\d)\s*$")
YEARS_ROW = re.compile(r"^(?:(?:19|20)\d\d\s+){2,}(?:19|20)\d\d$")  # a chart's axis, read as a line of its own


def chart_values_after_words(text: str) -> int | None:
    """A row of running text, then a chart's values or years ending it (CHART_TAIL: an OCR read
    the chart beside the column onto the row of one of its lines) -> where the values start; None
    where fewer than TEXT_BEFORE_CAPTION_MIN_WORDS words stand before them (a chart's label and
    its values are the chart's; two do where the first is in lower case, going on from the line
    before: no chart's label begins so) or the words end in a number ('von 2018 bis 2020 2021 2022')."""
    m = CHART_TAIL.search(text)
    head = text[:m.start()].split() if m else []
    enough = len(head) >= TEXT_BEFORE_CAPTION_MIN_WORDS or (len(head) == 2 and head[0][:1].islower())
    return m.start(1) if enough and not head[-1][-1:].isdigit() else None


BAR_SIGNS = "|[]{}_>!"  # what an OCR reads a chart's bars and their edges as
# '> 19 % 89 %', '16 %': a row of a chart's values (and signs its bars left), read as a line of its own
VALUES_ROW = re.compile(rf"^[{re.escape(BAR_SIGNS)}]{{0,2}}\s*{PERCENT}(?:\s+(?:{PERCENT}|[{re.escape(BAR_SIGNS)}]{{1,2}}))*$")
ITEM_MARKS = ("—", "–", "•", "*", "·", "¢", "«")
ITEM_AFTER_VALUES_MIN_WORDS = 2


def item_after_chart_values(text: str) -> int | None:
    """'1s, 30 % — offene Daten als Gemeingut', '|] — lebendige Ortskerne': a chart's values (two
    numbers at least) or the signs its bars left (BAR_SIGNS), then an item's mark and words (an
    OCR read the chart beside a list onto the row of one of its items) -> where the mark starts;
    None where a word stands before the mark, or fewer than ITEM_AFTER_VALUES_MIN_WORDS words
    follow. One number before a dash is a sentence's ('40 % – gemessen an 1990 – senken')."""
    spans = [(m.start(), m.group()) for m in TOKEN.finditer(text)]
    k = next((k for k, (_, t) in enumerate(spans) if k and t in ITEM_MARKS), None)
    if k is None or len(spans) - k - 1 < ITEM_AFTER_VALUES_MIN_WORDS or not spans[k + 1][1][:1].isalpha():
        return None
    head = [t for _, t in spans[:k]]
    numbers = sum(any(c.isdigit() for c in t) for t in head)
    bars = [t for t in head if all(c in BAR_SIGNS for c in t)]
    values = all(any(c.isdigit() for c in t) or t.strip(",.;") == "%" or t in bars for t in head)
    return spans[k][0] if values and (numbers >= 2 or (bars and not numbers)) else None


SPECKS_MIN_TOKENS = 2  # '. _ .': a figure's dots and rules an OCR read before a line's words
WORDS_AFTER_SPECKS_MIN = 3


def words_after_specks(text: str) -> int | None:
    """'. _ . Die Kommune setzt auf drei Schwerpunkte:' -> where the words start after a run of
    SPECKS_MIN_TOKENS tokens or more with no letter or digit; None where there is no such run or
    fewer than WORDS_AFTER_SPECKS_MIN words follow it, the first with a capital."""
    if list_mark(text) is not None:
        return None  # '« \\ Wohnen im Quartier': an item's mark as a German model reads it
    spans = [(m.start(), m.group()) for m in TOKEN.finditer(text)]
    k = next((k for k, (_, t) in enumerate(spans) if any(c.isalnum() for c in t)), len(spans))
    if k < SPECKS_MIN_TOKENS or len(spans) - k < WORDS_AFTER_SPECKS_MIN or not spans[k][1][:1].isupper():
        return None
    return spans[k][0]


def captions_cut(lines: list[Line], page: Page) -> list[Line]:
    """Body lines -> the same, with each line that holds a caption and running text glued after it
    (running_text_start) or before it (caption_after_text), specks and words after them
    (words_after_specks), a banner and a sentence after it (sentence_after_banner) or a chart's
    values and an item after them (item_after_chart_values), as two lines:
    the caption's (the specks'), and the running text's; and
    a sentence with a map's marked place after it (marked_label_after_sentence), a row with a
    banner's words after a bar (banner_after_bar) or a chart's values after its words
    (chart_values_after_words), as the text's line and the figure's, set apart by
    blank lines (the text's next line is no figure's); a banner stands apart from the sentence after
    it."""
    out: list[Line] = []
    before = ""
    for line in lines:
        at = running_text_start(line.text.strip(), before, page) if not line.blank else None
        at = caption_after_text(line.text.strip(), page) if at is None and not line.blank else at
        at = words_after_specks(line.text.strip()) if at is None and not line.blank else at
        banner = sentence_after_banner(line.text.strip(), page) if at is None and not line.blank else None
        banner = item_after_chart_values(line.text.strip()) if at is None and banner is None and not line.blank \
            else banner
        if banner is not None:
            at = banner
        place = marked_label_after_sentence(line.text.strip()) if at is None and not line.blank else None
        place = banner_after_bar(line.text.strip()) if at is None and place is None and not line.blank else place
        place = chart_values_after_words(line.text.strip()) if at is None and place is None and not line.blank else place
        if at is None and place is None:
            out.append(line)
        else:
            lead = len(line.text) - len(line.text.lstrip())
            cut = lead + (place if at is None else at)
            head, tail = replace(line, text=line.text[:cut].rstrip()), Line(line.number, line.start + cut, line.text[cut:])
            gap = Line(line.number, line.start + cut, "")
            out += [head, gap, tail] if banner is not None else [head, tail] if place is None else [head, gap, tail, gap]
        if not line.blank:
            before = line.text.strip()
    return out


# '| Smart City X', '[| X.smart', '|_| X': a logo's box edge (a bar at least) and its words
BOX_LINE = re.compile(r"[\[\]_]{0,2}\|[\[\]|_]{0,2}\s+[A-ZÄÖÜ]")
BOX_LINE_MAX_WORDS = 5


def box_lines_apart(lines: list[Line]) -> list[Line]:
    """Body lines -> the same, with a blank line on either side of a line that opens with a box's
    edge read as signs and then a few words with a capital ('| Smart City X'): a logo's line, set
    between a sentence's lines, stands apart from them (so that the sentence's first line is not
    read as one piece with the logo's words); so does a chart's row of years or values (YEARS_ROW,
    VALUES_ROW), under a line of a list's item it would take with it."""
    out: list[Line] = []
    for line in lines:
        text = line.text.strip()
        if (BOX_LINE.match(text) and len(text.split()) <= BOX_LINE_MAX_WORDS + 1) or YEARS_ROW.match(text) \
                or VALUES_ROW.match(text):
            gap = Line(line.number, line.start, "")
            out += [gap, line, gap]
        else:
            out.append(line)
    return out

