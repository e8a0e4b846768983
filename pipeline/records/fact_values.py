"""The facts of a labelled header ('EINWOHNER:' / '436.049', 'WEBSITE:' / 'www.….de'), each value
checked for a fact's shape: the running text an OCR read under a fact's label (its value lost,
or the text beside a box run into it) is no fact.

Needs the labelled block's values (labels.py). Produces {label: value}, the numbers of the value
lines that stay text, and the doubts: a value cut where its lines stop reading as a fact's (a
note on the description, where the lines went), a label whose value reads as no fact at all (a
flag on the description: the fact is lost, its text kept there).
"""
from __future__ import annotations

import re

from rapidfuzz import fuzz

from pipeline.language.lexicon import TRANSLITERATED
from pipeline.records.draft import Doubt, flag, note
from pipeline.records.label_values import (ADDRESS, GROUPED, MILLIONS, address_rejoined, continues, fact_in_row,
                                           fact_value_ends_like_one, fact_value_like)
from pipeline.records.labels import LabelledValue
from pipeline.records.line_end_labels import LabelTail
from pipeline.records.name_wrap import lines_going_on

QUOTED_MAX_CHARS = 60  # of a text kept in the description, the note quotes this much


def checked_facts(values: tuple[LabelledValue, ...]) -> tuple[dict[str, str], frozenset[int], list[Doubt]]:
    """The fact values of a labelled block -> ({label: value}, lines left to the text, doubts). A
    value that reads as a fact's is taken whole; else its first line and the lines that go on it,
    where those read as a fact's; else a value that shows where it ends in the label's row or the
    first row under it, among the words of the text beside (value_beside_text: an address, a figure
    with its unit), the rows kept as text; else none. An address an OCR broke at its dots is taken
    whole (address_rejoined). A label printed twice keeps both values, in order ('12.000; 13.000')."""
    facts: dict[str, str] = {}
    left: set[int] = set()
    doubts: list[Doubt] = []
    for value in values:
        if value.field != "fact" or not value.value:
            continue
        own = [l for l in value.lines if l.number != value.label_line.number]
        text, kept = address_rejoined(value.value), own
        if not fact_like(text) or fact_in_row(text):
            kept = own[:len(lines_going_on(own, continues))] if not value.inline or fact_like(value.inline) else []
            text = " ".join([value.inline, *(l.text.strip() for l in kept)]).strip()
            if not fact_like(text) or fact_in_row(text):
                kept, text = [], value.inline if fact_like(value.inline) and not fact_in_row(value.inline) else ""
            beside = None if text else value_beside_text(value)
            # a row opening with a label whose rest is text ('EINWOHNER können Fachärzte …': a box beside the text)
            row = [value.label_line] if value.inline and not text else []
            rest = " ".join(l.text.strip() for l in [*row, *own[len(kept):]])[:QUOTED_MAX_CHARS]
            left |= {l.number for l in [*row, *own[len(kept):]] if not isinstance(l, LabelTail)}
            label = value.label_line.text.strip()
            doubts.append(flag("description", f"the label '{label}' and its value stand in rows of text (a box an OCR "
                                              f"ran into them): '{beside}' is the fact, '{rest}…' stays text")
                          if beside else
                          note("description", f"the value under the label '{label}' ended where its lines stopped "
                                              f"reading as a fact's: '{rest}…' stays text") if text else
                          flag("description", f"the label '{label}' has no value that reads as a fact's "
                                              f"('{rest}…' stays text): the fact may be lost"))
            text = text or beside or ""
        if text:
            facts[value.label] = f"{facts[value.label]}; {text}" if value.label in facts else text
    return facts, frozenset(left), doubts


VALUE_BESIDE_ROWS = 2  # a value a box ran into the text's rows stands in the label's row or one of the two under it


def value_beside_text(value: LabelledValue, after: str = "") -> str | None:
    """A fact's value whose label's row or one of the VALUE_BESIDE_ROWS rows under it (the value's,
    and where it has fewer, `after`: the text's next row) holds the value among the words of the
    text beside the box (fact_in_row: an address, a figure with its unit; an OCR ran the box into
    the text's rows, a line of the text between the label and its value: 'WEBSITE:' | 'erfassen
    und Maßnahmen zur' | 'www.….de Sanierung zu planen') -> that value; else None."""
    own = [l.text for l in value.lines if l.number != value.label_line.number][:VALUE_BESIDE_ROWS]
    rows = [value.inline, *own, *([after] if len(own) < VALUE_BESIDE_ROWS else [])]
    found = [fact_in_row(row) for row in rows]
    # past the first row under the label only an address, which no text's row holds ('12.500 Haushalte …' may be)
    return next((f for k, f in enumerate(found) if f and (k < 2 or ADDRESS.fullmatch(f))), None)


FACT_SUBSTANCE = re.compile(r"[^\W\d_]|\d{3}|\d[.,]\d")  # a letter or a figure ('; ;' and a page's '11' are neither)


def fact_like(text: str) -> bool:
    """A fact's value: short, no sentence in it (fact_value_like), ending as a name, a figure or an
    address does (fact_value_ends_like_one), holding a letter or a figure."""
    return fact_value_like(text) and fact_value_ends_like_one(text) and bool(FACT_SUBSTANCE.search(text))


COMMA_BEFORE_THOUSANDS = re.compile(r"\d{1,3}(?:[.,]\d{3})*,\d{3}")  # '74,127': no figure with a unit printed so


def misread_point_doubts(facts: tuple[tuple[str, str], ...]) -> list[Doubt]:
    """A flag on the description per fact whose value is a bare number with a comma before its last
    three digits ('74,127'): a count is grouped by points ('74.127'), and a decimal comma with three
    places and no unit is not printed so; an OCR read a point as a comma."""
    return [flag("description", f"the fact '{label}' reads '{value}': the comma before three digits may be a "
                                f"thousands' point an OCR misread ('{value[::-1].replace(',', '.', 1)[::-1]}')")
            for label, value in facts if COMMA_BEFORE_THOUSANDS.fullmatch(value.strip())]


GROUPED_FIGURE = re.compile(GROUPED)  # '382.395': a count grouped in thousands
FIGURE_UNITS = frozenset({"mio.", "mrd.", "euro", "eur", "€"})  # what a figure in a fact carries after it


def figure_among_words_doubts(facts: tuple[tuple[str, str], ...]) -> list[Doubt]:
    """A flag on the description per fact whose value holds a figure grouped in thousands with words
    before it, or after it anything but a unit ('Niederschlagsdaten 382.395 9'): a count is printed
    alone, so the words are the text beside the box an OCR ran into the value's rows."""
    return [flag("description", f"the fact '{label}' reads '{value}': words stand beside its figure "
                                f"'{figure}' (the text beside the box may have run into it)")
            for label, value in facts if (figure := figure_among_words(value))]


def figure_among_words(value: str) -> str | None:
    """The figure grouped in thousands that a fact's value holds with words before it, or after it
    anything but a unit ('Niederschlagsdaten 382.395 9' -> '382.395'); None for none."""
    tokens = value.split()
    at = next((k for k, t in enumerate(tokens) if GROUPED_FIGURE.fullmatch(t)), None)
    if at is not None and (at > 0 or any(t.casefold() not in FIGURE_UNITS for t in tokens[at + 1:])):
        return tokens[at]
    return None


# the shapes a profile's `fact_shapes` name: a count ('158.355', '12 000', '950'), a sum with its unit
# ('4,2 Mio. Euro', 'rund 850.000 €'), a web or mail address
FACT_SHAPES = {"count": re.compile(rf"{GROUPED}|\d{{1,3}}(?: \d{{3}})+|\d+"),
               "amount": re.compile(rf"(?:rund |ca\. )?(?:{MILLIONS}|\d+(?:,\d+)?\s+(?:Millionen|Mrd\.|Milliarden)|{GROUPED}"
                                    rf"|\d+(?:,\d+)?)\s*(?:Euro|EUR|€)"),
               "address": ADDRESS}
SHAPE_NAMES = {"count": "number", "amount": "sum with its unit", "address": "web or mail address"}


def unshaped_fact_doubts(facts: tuple[tuple[str, str], ...], shapes: dict[str, str]) -> list[Doubt]:
    """A flag on the description per fact whose value has not the shape its label's values have in
    every edition (the profile's `fact_shapes`: 'Einwohner' a number, 'Website' an address): the
    values of a box read in another order, or text beside it, gave the label another's value
    ('Einwohner: Wirtschaftsförderung'). A label printed twice is checked value by value; a value
    the doubts above flag already ('74,127', words beside a figure) is not flagged twice."""
    doubts = []
    for label, value in facts:
        shape = shapes.get(label)
        flagged = COMMA_BEFORE_THOUSANDS.fullmatch(value.strip()) or figure_among_words(value)
        if shape and not flagged and not all(FACT_SHAPES[shape].fullmatch(address_rejoined(v)) for v in value.split("; ")):
            doubts.append(flag("description", f"the fact '{label}' reads '{value}', which is no {SHAPE_NAMES[shape]} "
                                              "as its label's values are: the values of a box may be read in "
                                              "another order, or text beside it into them"))
    return doubts


DOMAIN = re.compile(r"(?:https?://)?(?:www\.)?([a-z0-9-]+)\.[a-z]{2,}")  # the name an address gives before its top level
SPELT_LIKE_MIN_SCORE = 80  # a domain this like a word of the name (fuzz.ratio), and not it, is that word misread


def address_spelling_doubts(facts: tuple[tuple[str, str], ...], name: str) -> list[Doubt]:
    """A flag on the description per fact that is a web address whose domain is like the
    project's name, or a word of it, written as addresses write it (umlauts as 'ae', no spaces:
    'suedwestpfalz', 'badsaeckingen'), but not it ('www.theine.de' for 'Rheine'): one of the two
    an OCR misread. A domain unlike the name ('www.stadt-rheine.de') is no spelling of it."""
    words = name.split()
    # the name's words one by one and in runs ('bad' + 'bevensen': 'badbevensen')
    spelt = [w for w in (address_word(" ".join(words[i:j])) for i in range(len(words))
                         for j in range(i + 1, len(words) + 1)) if len(w) >= 4]
    doubts = []
    for label, value in facts:
        domain = DOMAIN.match(value.strip())
        if not domain or not spelt:
            continue
        best = max(fuzz.ratio(address_word(domain.group(1)), word) for word in spelt)  # 'kreis-hoexter' too
        if SPELT_LIKE_MIN_SCORE <= best < 100:
            doubts.append(flag("description", f"the fact '{label}' reads '{value}', whose name is spelt like the "
                                              f"project's '{name}' but otherwise: an OCR may have misread one of them"))
    return doubts


def address_word(text: str) -> str:
    """A name as a web address writes it: lower case, umlauts as two letters, no space nor sign."""
    return re.sub(r"[^a-z0-9]", "", text.casefold().translate(TRANSLITERATED))
