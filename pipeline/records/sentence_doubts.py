"""Running text that shows a figure set into its sentences, though no rule of the pieces (pieces.py,
figure_doubts.py) could take it out: text that stops on a function word and goes on in a piece
that opens a sentence anew (a caption or a label set between a sentence's parts, glued to its
rest), and a line of running text with numbers between its words (a chart's values and years an
OCR read into the line). Kept where they are, and the description flagged with the stretch
named. Needs the classified pieces of a body; produces doubts.
"""
from __future__ import annotations

import re

from pipeline.language.lexicon import Lexicon
from pipeline.records.draft import Doubt, flag
from pipeline.records.interruptions import goes_with_determiner
from pipeline.records.pieces import YEAR, Page, Unit, has_finite_verb
from pipeline.records.prose import (ends_open, function_words, holds_sentence_end, list_mark, opens_anew,
                                    opens_on_a_noun, opens_sentence, stops_on_an_attributive_adjective)
from pipeline.records.sentence_lines import opens_on_a_verb
from pipeline.records.settings import RecordsSettings

BARE_NUMBER = re.compile(r"\d+(?:[.,]\d+)?%?")  # '2018', '62', '15%': a chart's year or value
NUMBERS_IN_A_LINE = 3  # a line of running text with this many numbers between its words holds a chart's
LABELS_MAX_TOKENS = 12  # a piece of numbers and words this short, with no verb, is a figure's numbers and labels


def reopened_sentence_doubts(units: list[Unit], page: Page, settings: RecordsSettings) -> list[Doubt]:
    """A piece of running text right after running text that stops on a function word (figure
    text between passed over) that opens a sentence anew ('… Geplant sind dabei fünf' | 'Der neue
    Marktplatz am Abend Maßnahmen:'): no sentence goes on from a function word into a new one, so
    a caption or a label stands between the sentence's parts, or the sentence goes on elsewhere.
    Not under lines an OCR read across two columns: the column reading (columns.py) puts the
    sentence's rest in place."""
    doubts = []
    wide = settings.text.read_across_share * page.measure
    text_units = [u for u in units if u.kind != "figure"]
    for n in range(1, len(text_units)):
        before, unit = text_units[n - 1], text_units[n]
        read_across = any(len(l.text) > wide for u in text_units[max(0, n - 2) : n] for l in u.lines)
        if before.kind == "prose" and unit.kind == "prose" and ends_open(before.text) and not read_across \
                and not before.text.endswith("-") and opens_anew(unit.text, page.lexicon):
            doubts.append(flag("description", f"'{unit.lines[0].text[:80]}' follows text that stops on a function "
                                              f"word ('…{before.text[-30:]}') but opens a sentence anew: a caption "
                                              "or a label set into the sentence, or its rest is elsewhere; kept"))
    return doubts


def colon_then_clause_doubts(units: list[Unit], page: Page) -> list[Doubt]:
    """A line of running text ending in a colon (a list's introduction: '… auf drei Schwerpunkte:')
    whose next line goes on in lower case to a sentence's end with a finite verb ('der Bedarf an Pflege wächst.'): the
    items the colon announces are not there but a sentence's rest is, as where an OCR read two
    columns' lines into one another. Kept; the description flagged."""
    doubts = []
    for unit in units:
        if unit.kind != "prose":
            continue
        for upper, lower in zip(unit.lines, unit.lines[1:]):
            clause = re.split(r"(?<=[.!?])\s", lower.text.strip())[0]
            if upper.text.rstrip().endswith(":") and clause[:1].islower() and clause[-1:] in ".!?" \
                    and has_finite_verb(clause, page.lexicon):
                doubts.append(flag("description", f"'{upper.text.strip()[:60]}' announces a list, but a sentence's "
                                                  f"rest follows ('{lower.text.strip()[:40]}'): lines of two columns "
                                                  "read into one another?"))
                break
    return doubts


def reopened_line_doubts(units: list[Unit], page: Page, settings: RecordsSettings) -> list[Doubt]:
    """A line of running text that stops waiting for its next words (on a function word, or on an
    adjective in lower case that waits for its noun: '… öffnen sich für neue') over a line of the
    same piece that opens a sentence anew with a function word ('Der neue Marktplatz am Abend
    Formen der Vermittlung.'): no sentence goes on so, so a caption or a label was read into the
    sentence's lines. Not for lines an OCR read across two columns (their order is rebuilt later).
    Kept as read, flagged with the line named."""
    wide = settings.text.read_across_share * page.measure
    for unit in units:
        if unit.kind != "prose":
            continue
        for above, line in zip(unit.lines, unit.lines[1:]):
            a, b = above.text.strip(), line.text.strip()
            if max(len(a), len(b)) <= wide and not a.endswith("-") and opens_sentence(b, page.lexicon) \
                    and (ends_open(a) or stops_on_an_attributive_adjective(a, page.lexicon)) \
                    and not holds_sentence_end(a.split()[-1] if a.split() else ""):
                return [flag("description", f"'{b[:80]}' opens a sentence anew right after '…{a[-30:]}', which "
                                            "waits for its next words: a caption or a label may be read into the "
                                            "sentence; kept")]
    return []


def numbers_in_line_doubts(units: list[Unit], page: Page) -> list[Doubt]:
    """A line of running text with three numbers or more standing between its words, none after a
    comma nor after a function word ('müssen 2018 weite 2019 Strecken 2021 …'; not 'von 2019 bis
    2023'), or in a row ('… das die 2019 2020 2021 2022 2023 Grundversorgung'), or with a key figure
    at its edge (has_number_at_edge), or a piece of a few words with two numbers
    or more and neither a stop nor a finite verb ('5 Jahre 17.000' | 'Laufzeit Einwohnerinnen und'
    | 'Einwohner'): a chart's years or values, or big numbers and their words,
    read into running text; a sentence that counts its numbers sets commas or words between them."""
    doubts = []
    for unit in units:
        if unit.kind != "prose":
            continue
        tokens = unit.text.split()
        numbers = [t for t in tokens if BARE_NUMBER.fullmatch(t)]
        if len(tokens) <= LABELS_MAX_TOKENS and len(numbers) >= 2 and len(numbers) < len(tokens) \
                and not holds_sentence_end(unit.text) and not has_finite_verb(unit.text, page.lexicon):
            doubts.append(flag("description", f"'{unit.text[:80]}' in running text holds numbers and words but no "
                                              "verb, as a figure's numbers with their words do"))
            continue
        for k, line in enumerate(unit.lines):
            tokens = line.text.split()
            # a sentence's number follows a function word ('von 2019 bis 2023', 'um 4.000'); a chart's stands anywhere
            loose = [t for k, t in enumerate(tokens) if BARE_NUMBER.fullmatch(t)
                     and k and tokens[k - 1].lower() not in function_words() and not BARE_NUMBER.fullmatch(tokens[k - 1])]
            if (len(loose) >= NUMBERS_IN_A_LINE and "," not in line.text) \
                    or longest_number_run(tokens) >= NUMBERS_IN_A_LINE:
                doubts.append(flag("description", f"'{line.text[:80]}' in running text holds numbers between its "
                                                  "words, as a chart's years or values read into a line are"))
                break
            following = unit.lines[k + 1].text.split() if k + 1 < len(unit.lines) else []
            if has_number_at_edge(tokens, following, page):
                doubts.append(flag("description", f"'{line.text[:80]}' in running text has a number at its edge "
                                                  "that its sentence has no place for: a key figure beside the "
                                                  "column, read into the line?"))
                break
    return doubts


def longest_number_run(tokens: list[str]) -> int:
    """The longest run of numbers standing next to each other among a line's tokens ('2019 2020 2021
    2022 2023': a chart's axis read into the line; a sentence sets words or commas between its numbers)."""
    longest = run = 0
    for token in tokens:
        run = run + 1 if BARE_NUMBER.fullmatch(token) else 0
        longest = max(longest, run)
    return longest


def has_number_at_edge(tokens: list[str], following: list[str], page: Page) -> bool:
    """A line's tokens that open with a number before a speck ('80 X können.') or end in one after
    a finite verb, the next line (`following`) going on in lower case ('… Bibliotheken öffnen 48' /
    'sich für …'; not '… zählt 12' / 'Ortsteile'): no sentence counts so; a key figure set beside
    the column stands there when an OCR reads the two as one line. A year is a sentence's own."""
    def figure(token: str) -> bool:
        return bool(BARE_NUMBER.fullmatch(token)) and len(token.strip("%")) >= 2 and not YEAR.fullmatch(token)
    if numbers_after_a_stop(tokens):
        return True
    return len(tokens) >= 3 and (
        figure(tokens[0]) and len(tokens[1]) == 1 and tokens[1].isalpha() and tokens[1].isupper()  # not '40 m'
        or figure(tokens[-1]) and tokens[-2].isalpha() and tokens[-2].islower() and following[:1] != []
        and following[0][:1].islower() and has_finite_verb(tokens[-2], page.lexicon)
        and tokens[-2].lower() not in function_words())


def numbers_after_a_stop(tokens: list[str]) -> bool:
    """A line's tokens that end, after a sentence's stop (a word of four letters or more: no
    abbreviation's, 'ca.', 'Abb.'), in two numbers or more that are no years, and nothing else but
    their signs ('… rechtzeitig warnen. 12 80 %'): key figures beside the column read into the
    line's end; a sentence opening after a stop has words between its numbers, and a count grouped
    by a space ('12 000') is one number."""
    ends = [k for k, t in enumerate(tokens) if t[-1:] in ".!?" and len(t[:-1]) >= 4 and t[:-1].isalpha()]
    tail = tokens[ends[-1] + 1:] if ends else []
    figures = [t for t in tail if BARE_NUMBER.fullmatch(t) and not YEAR.fullmatch(t)]
    grouped = len(tail) == 2 and all(t.isdigit() for t in tail) and len(tail[1]) == 3 and len(tail[0]) <= 3
    return len(figures) >= 2 and not grouped and all(BARE_NUMBER.fullmatch(t) or t in NUMBER_SIGNS for t in tail)


NUMBER_SIGNS = frozenset({"%", "€"})


def head_line_set_between_doubts(units: list[Unit], page: Page, settings: RecordsSettings) -> list[Doubt]:
    """Running text that stops on a function word ('… und einem Garten, in'), and then a paragraph
    whose first line has a capital, no finite verb and no sign at its end, and whose next line
    opens in lower case or on a noun that goes with the article the text stopped on
    ('Workshop mit Bürgerinnen und Bürgern' / 'dem Kinder Gemüse pflanzen …'), or running text
    that stops on a comma and a first line that opens anew with a capital function word over a
    next line that does not ('… Kommunen in Schleswig-Holstein,' | 'Der neue Marktplatz am Abend'
    / 'Mecklenburg-Vorpommern …'),
    though that line's first word would have fitted on the first line (the column's lines run to
    column_width_share of its usual one; after a comma the grammar tells), which ends on no
    function word: the sentence goes on in that next line, so the first may be a caption an OCR
    glued over the paragraph. The words cannot tell it from the sentence's own line, so it is kept
    and flagged, the line named."""
    doubts = []
    text_units = [u for u in units if u.kind != "figure"]
    for before, unit in zip(text_units, text_units[1:]):
        comma = before.text.rstrip().endswith(",")
        if before.kind != "prose" or unit.kind != "prose" or len(unit.lines) < 2 \
                or not (ends_open(before.text) or comma) \
                or before.text.endswith("-") or unit.lines[0].number - before.lines[-1].number < 2:
            continue
        head, rest = unit.lines[0].text.strip(), unit.lines[1].text.strip()
        first = (rest.split() or [""])[0]
        # the next line goes on in lower case, or on the noun of the article the text stopped on ('… der' | 'Ansätze.');
        # after a comma, a line opening anew with a capital function word cannot go on the sentence ('…, ' | 'Der …')
        goes_on = (rest[:1].islower() or goes_with_determiner(before.text.split()[-1], first, page.lexicon)) \
            if not comma else opens_sentence(head, page.lexicon) and not opens_sentence(rest, page.lexicon)
        # a line of the paragraph's own breaks where the next word would not fit on it
        fits = comma or len(head) + 1 + len(first) <= settings.text.column_width_share * page.measure
        if head[:1].isupper() and head[-1:].isalnum() and goes_on and not holds_sentence_end(head) \
                and not ends_open(head) and fits and not has_finite_verb(head, page.lexicon):
            doubts.append(flag("description", f"'{head[:80]}' opens a paragraph between the parts of a sentence "
                                              f"('…{before.text[-30:]}' | '{rest[:30]}…'): a caption or a heading set "
                                              "over the text, or its line; kept"))
    return doubts


def rival_openings_doubts(units: list[Unit], page: Page) -> list[Doubt]:
    """Running text going on with a verb in lower case ('entscheidet ein Dorfrat, …') after a line
    with no verb and no stop ('Der neue Marktplatz am Abend'), standing apart or glued by an OCR
    over the text going on, itself after a piece of text that is no list item and also stops
    inside its sentence with no verb yet, on no word that waits for the next
    ('Beteiligung und Verantwortung über die Maßnahmen'): either may open the sentence, and the
    other is a caption or a label set into it. The words cannot tell which, so both are kept and
    flagged, the line named."""
    text_units = [u for u in units if u.kind != "figure"]
    doubts = []
    for a, b, c in zip(text_units, text_units[1:], text_units[2:]):  # the line standing apart
        if c.kind in ("prose", "item") and len(b.lines) == 1 and c.lines[0].number - b.lines[0].number >= 2 \
                and rival_opening(a, b, c.text, page):
            doubts.append(rival_doubt(a, b, c.text))
    for a, b in zip(text_units, text_units[1:]):  # the line an OCR glued over the text going on
        if b.kind == "prose" and len(b.lines) > 1 and rival_opening(a, b, b.lines[1].text.strip(), page):
            doubts.append(rival_doubt(a, b, b.lines[1].text.strip()))
    return doubts


def rival_opening(a: Unit, b: Unit, going_on: str, page: Page) -> bool:
    """b's first line and the text a ends on could each open the sentence `going_on` goes on
    (rival_openings_doubts)."""
    line = b.lines[0].text.strip()
    return opens_on_a_verb(going_on, page.lexicon) and line[:1].isupper() and not re.search(r"[,.!?:;]$", line) \
        and not has_finite_verb(line, page.lexicon) and list_mark(a.text) is None \
        and a.text.rstrip()[-1:].isalpha() and not ends_open(a.text) \
        and not stops_on_an_attributive_adjective(a.text, page.lexicon) \
        and not has_finite_verb(last_sentence(a.text), page.lexicon) and b.lines[0].number - a.lines[-1].number >= 2


def rival_doubt(a: Unit, b: Unit, going_on: str) -> Doubt:
    return flag("description", f"'{b.lines[0].text.strip()[:80]}' and '…{a.text[-40:]}' both stop before a verb, "
                               f"and '{going_on[:30]}…' goes on from one of them: the other is a caption or a label "
                               "set into the sentence; kept")


def last_sentence(text: str) -> str:
    """The text after its last sentence's end (the whole where none ends)."""
    return re.split(r"(?<=[.!?:])\s+", text.strip())[-1]


def line_set_between_doubts(units: list[Unit], page: Page) -> list[Doubt]:
    """One line standing apart (a blank line or figure text on both sides) at the body's head or
    between running text that stops on a function word and running text that can go on from it,
    that itself stops on a function word short of the column's measure, though the next text's
    first word would have fitted on it ('… am Hafen oder' | 'Gemeinsam digital – mit der' |
    'Spielgeräte für …'): a slogan or a caption set over the text or into its sentence, or the
    sentence's own line; the words cannot tell which, so it is kept and flagged, the line named."""
    doubts = []
    text_units = [u for u in units if u.kind != "figure"]
    for n, unit in enumerate(text_units[:-1]):
        before, after, text = text_units[n - 1] if n else None, text_units[n + 1], unit.text
        if unit.kind != "prose" or after.kind != "prose" or len(unit.lines) != 1 or not ends_open(text) \
                or text.endswith("-") or not text[:1].isupper() or holds_sentence_end(text) \
                or opens_anew(after.text, page.lexicon) or after.lines[0].number - unit.lines[0].number < 2:
            continue
        if before is not None and (before.kind != "prose" or not ends_open(before.text) or before.text.endswith("-")
                                   or unit.lines[0].number - before.lines[-1].number < 2):
            continue
        if len(text) + 1 + len(after.text.split()[0]) <= page.measure:
            between = f"between the parts of a sentence ('…{before.text[-30:]}' | '{after.text[:30]}…')" \
                if before is not None else f"at the body's head over '{after.text[:30]}…'"
            doubts.append(flag("description", f"'{text[:80]}' stands apart {between} and stops short on a function "
                                              "word: a slogan or a caption set into the text, or its line; kept"))
    return doubts


def opening_line_doubts(units: list[Unit], lexicon: Lexicon) -> list[Doubt]:
    """A body whose text opens with one line of its own that ends no sentence and does not go on
    into the text after it, which opens with a capital ('Die Zukunft beginnt im Quartier' |
    'Überschüssiger Strom wird …'): a sub-heading, or a banner's or a picture's words set over the
    text; the words cannot tell which, so it is kept and flagged, the line named."""
    text_units = [u for u in units if u.kind != "figure"]
    if len(text_units) < 2:
        return []
    first, after = text_units[0], text_units[1]
    text = first.text.strip()
    if first.kind not in ("prose", "heading") or len(first.lines) != 1 or holds_sentence_end(text) \
            or ends_open(text) or text.endswith((",", "-")) or not after.text[:1].isupper():
        return []
    if stops_on_an_attributive_adjective(text, lexicon) and opens_on_a_noun(after.text, lexicon):
        return []  # an adjective waiting for its noun goes on ('… Sicherungen, geschulte' | 'Beschäftigte …')
    return [flag("description", f"'{text[:80]}' opens the text as a line of its own that ends no sentence: a "
                                "sub-heading, or a banner's or a picture's words? kept as running text")]


# '… oder * Gesundheit und Pflege': an item opens with a capital (not a spaced gender star, 'Bürger * innen')
MARK_INSIDE = re.compile(r"[^\W\d_][.,]?\s+[•*¢■▪●«]{1,2}\s+[A-ZÄÖÜ]")  # '¢«': a bullet an OCR read as two signs


ARROW_START = re.compile(r"^[l1!] (?=[^\W\d_])")  # a diagram's arrow read as a sign before a line's words


def arrows_at_line_starts_doubts(units: list[Unit]) -> list[Doubt]:
    """A piece of running text two or more of whose lines open on a sign alone that is no word ('1
    Die Kommunen …', 'l liefert Brötchen …'): a diagram's arrows an OCR read into the column's
    lines, and its boxes' words may stand among them ('Datenplattform zu finden, …'); flagged, the
    first such line named."""
    for unit in units:
        starts = [line.text.strip() for line in unit.lines if ARROW_START.match(line.text.strip())]
        if unit.kind != "figure" and len(starts) >= ARROW_LINES_MIN:
            return [flag("description", f"'{starts[0][:80]}' and {len(starts) - 1} more line(s) of running text open "
                                        "on a sign alone, as a diagram's arrows read into a column do: its labels "
                                        "may stand among the words")]
    return []


ARROW_LINES_MIN = 2  # one such line may be a speck


def marks_inside_doubts(units: list[Unit]) -> list[Doubt]:
    """A line of the description with a list's mark between its words ('… auftreten oder * Gesundheit
    und Pflege'): the items of a list and the running text beside them read across as one line, in
    an order no rule here rebuilt; flagged, the line named."""
    lines = [line.text.strip() for unit in units if unit.kind != "figure" for line in unit.lines]
    for n, line in enumerate(lines):
        if MARK_INSIDE.search(line) or mark_after_a_word(line, lines[max(0, n - 2) : n] + lines[n + 1 : n + 3]):
            return [flag("description", f"'{line[:80]}' holds a list's mark between its words: the items "
                                        "of a list and the text beside them may be read across as one line")]
    return []


ITEM_SIGNS = frozenset("•*¢■▪●«–—-")


def mark_after_a_word(line: str, near: list[str]) -> bool:
    """A line whose second token is a list's sign and whose first is none ('Auswerten — Energie und
    Klima', 'L — Handel und Gewerbe'), where a line near it opens with that sign as a list's item
    does: a figure's word read in front of an item's mark (a dash between words alone is prose's)."""
    tokens = line.split()
    return len(tokens) >= 3 and tokens[1] in ITEM_SIGNS and tokens[0] not in ITEM_SIGNS \
        and any(other.startswith(tokens[1] + " ") for other in near)


PIECE_BETWEEN_MAX_WORDS = 6  # a caption's or label's few words; a sentence's line in between is longer


def piece_between_a_sentences_parts_doubts(units: list[Unit], page: Page, named: str = "") -> list[Doubt]:
    """A short piece of running text of one line, opening with a capital and with no finite verb
    ('Workshop mit Bürgerinnen und Bürgern'), between text that stops on a function word ('… was
    zu') and text going on in lower case ('tun ist.'), with figure text or a blank line before it
    (after it too, or the next line going on): the sentence's own words, or a caption set into it that the joins took in; the words
    cannot tell which, so it is kept and flagged, the piece named; not where the notes of other
    rules (`named`) name it already."""
    text_units = [u for u in units if u.kind != "figure"]
    # the piece alone, or a unit's first line over a line going on in lower case (no blank line between)
    triples = [(a.text, b.text, c.text) for a, b, c in zip(text_units, text_units[1:], text_units[2:])
               if a.kind == b.kind == c.kind == "prose" and len(b.lines) == 1] \
        + [(a.text, b.lines[0].text.strip(), b.lines[1].text.strip()) for a, b in zip(text_units, text_units[1:])
           if a.kind == b.kind == "prose" and len(b.lines) > 1]
    for before, piece, after in triples:
        if len(piece.split()) <= PIECE_BETWEEN_MAX_WORDS and piece[:1].isupper() and ends_open(before) \
                and not before.rstrip().endswith("-") and after[:1].islower() \
                and not has_finite_verb(piece, page.lexicon) and piece not in named:
            return [flag("description", f"'{piece[:60]}' stands between the parts of a sentence ('…{before[-25:]}' | "
                                        f"'{after[:25]}…') like a caption set into it; kept as running text")]
    return []
