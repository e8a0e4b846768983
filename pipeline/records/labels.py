"""Labelled blocks: a project's header printed as 'Label: value' pairs ('Bundesland: Bayern',
'GRÖSSENKLASSE Kleinere Großstadt', 'Projekttitel:' over its value, or a column of labels read
before the column of their values).

Needs the profile's labels (`labels`, `value_labels`, `fact_labels`). A label is matched by its
letters alone: case, a colon, ß or SS and the gap small capitals leave after the first letter
('B UNDESLAND:') do not count. Produces the block's values in the order printed; any known label
ends the value before it, so a title never swallows the motto or a fact.
"""
from __future__ import annotations

import re
from itertools import islice
from dataclasses import replace

from typing import Callable

from rapidfuzz import fuzz, process

from pipeline.corrections import Profile
from pipeline.memo import kept_by_identity
from pipeline.records.label_values import (WEB_ADDRESS, address_rejoined, box_line_alone, column_fits,
                                           continues, fact_value_like, garbled_label_like, goes_on_in_box, label_marked,
                                           label_set_apart, label_stands_apart, last_word_wrapped, lost_fact_at,
                                           lost_label_over_title, small_capitals_once, stray_like, title_value_like,
                                           value_looks_like)
from pipeline.records.labelled_block import STRAY, LabelledBlock, LabelledValue, Line
from pipeline.records.line_end_labels import (ROW_TAIL_MAX_ROWS, LabelTail, label_tail, printed_as_label, row_gap,
                                             rows_as_tails, size_rows_after_land)

LABEL_MAX_TOKENS = 3  # a label is at most so many words as printed ('B UNDESLAND:' is two)
VALUE_MAX_LINES = 4  # a value wraps over at most so many lines
VALUE_MAX_SKIP = 80  # a column of values stands at most so many lines after its column of labels (a page of text between)
LABEL_MIN_SCORE = 80  # a label the OCR damaged ('MoTTOo:', 'GROSSENKLASSE') is this similar to a known one
LABEL_FUZZY_MIN_LETTERS = 0.8  # a damaged label's share of letters
LABEL_FUZZY_MIN_CHARS = 5  # a shorter label ('Land') is matched exactly only: one letter off is another word
RUNNING_TEXT_MIN_WORDS = 8  # a paragraph that ends a labelled block is this long (not a name's scattered end: 'und Uelzen')


def label_key(text: str) -> str:
    """'GRÖSSENKLASSE:', 'Größenklasse' -> 'grössenklasse'; 'MOoTTOo:' -> 'motto' (small_capitals_once)."""
    return "".join(c for c in small_capitals_once(text).casefold() if c.isalpha())


@kept_by_identity
def known_labels(profile: Profile) -> dict[str, tuple[str, str]]:
    """Every label of the profile by its key -> (field, label as the profile spells it); one
    table per profile (callers only read it)."""
    known = {label_key(label): ("fact", label) for label in profile.fact_labels}
    for field_name, labels in profile.value_labels.items():
        known.update({label_key(label): (field_name, label) for label in labels})
    known.update({label_key(label): (field_name, label) for field_name, label in profile.labels.items()})
    return known


def line_label(text: str, known: dict[str, tuple[str, str]]) -> tuple[str, str, str] | None:
    """'Bundesland: Bayern' -> ('states', 'Bundesland', 'Bayern'); None if no known label opens
    the line. Without a colon the label must be the line's first word(s) as printed; the value
    is what follows. A label read only fuzzily counts as none here (see line_label_read)."""
    hit = line_label_read(text, known)
    return hit[:3] if hit and not hit[3] else None


@kept_by_identity
def label_alone_on_row(text: str, known: dict[str, tuple[str, str]]) -> bool:
    """Whether a row is a label printed as one (line_label_read, label_marked): alone, with a
    colon or in capitals. A row of text that opens with a label's word ('Land und Stadt arbeiten
    …, GRÖSSENKLASSE') is none: the label at its end is the box's."""
    hit = line_label_read(text, known)
    return hit is not None and label_marked(text, hit[2])


def line_label_read(text: str, known: dict[str, tuple[str, str]]) -> tuple[str, str, str, bool] | None:
    """line_label's answer and whether the label was read fuzzily: a label as printed, or one
    the OCR damaged ('MoTTOo:', 'GROSSENKLASSE Große Großstadt', 'MOoTTo', 'MotTrTo') where it ends in a
    colon, is printed in mostly capitals or in small capitals misread (printed_as_label), is LABEL_MIN_SCORE similar to a known label of LABEL_FUZZY_MIN_CHARS letters or more."""
    exact = exact_line_label(text, known)
    if exact:
        return (*exact, False)
    tokens = text.split()
    for k in range(1, min(LABEL_MAX_TOKENS, len(tokens)) + 1):
        head = tokens[:k]
        if k > 1 and not (len(head[0]) == 1 and head[0].isupper()):
            break
        key = label_key("".join(head))
        letters_share = sum(c.isalpha() for c in "".join(head).rstrip(":")) / max(1, len("".join(head).rstrip(":")))
        if len(key) < LABEL_FUZZY_MIN_CHARS or letters_share < LABEL_FUZZY_MIN_LETTERS:
            continue  # a label misread with a digit or a sign in it ('Gro8&enklasse:') is still mostly letters
        if not printed_as_label(head):
            continue
        found = process.extractOne(key, [k_ for k_ in known if len(k_) >= LABEL_FUZZY_MIN_CHARS], scorer=fuzz.ratio,
                                   score_cutoff=LABEL_MIN_SCORE) or label_with_letters_doubled(key, known)
        if found:
            field_name, label = known[found[0]]
            return field_name, label, " ".join(tokens[k:]).lstrip(":").strip(), True
    return None


def label_with_letters_doubled(key: str, known: dict[str, tuple[str, str]]) -> tuple[str, float] | None:
    """'mooottoo' (an OCR's 'MOoOTTOo:') -> ('motto', score): a known label of LABEL_FUZZY_MIN_CHARS
    letters or more whose letters, each run of one letter read as one, are LABEL_SQUEEZED_MIN_SCORE
    like the key's so read; else None."""
    squeezed = {re.sub(r"(.)\1+", r"\1", k): k for k in known if len(k) >= LABEL_FUZZY_MIN_CHARS}
    found = process.extractOne(re.sub(r"(.)\1+", r"\1", key), list(squeezed), scorer=fuzz.ratio,
                               score_cutoff=LABEL_SQUEEZED_MIN_SCORE)
    return (squeezed[found[0]], found[1]) if found else None


LABEL_SQUEEZED_MIN_SCORE = 90  # 'moto' / 'moto': letters an OCR read twice or thrice do not count


def exact_line_label(text: str, known: dict[str, tuple[str, str]]) -> tuple[str, str, str] | None:
    """A label spelt as the profile has it (letters only) opening the line -> (field, label, rest)."""
    tokens = text.split()
    for k in range(1, min(LABEL_MAX_TOKENS, len(tokens)) + 1):
        head = tokens[:k]
        if k > 1 and not (len(head[0]) == 1 and head[0].isupper()):
            break  # only small capitals split a label's word
        if not all(re.fullmatch(r"[^\W\d_]+:?", t) for t in head[:-1]) or not re.fullmatch(r"[^\W\d_]+\s*:?", head[-1]):
            continue
        hit = known.get(label_key("".join(head)))
        if hit:
            rest = " ".join(tokens[k:]).lstrip(":").strip()
            return hit[0], hit[1], rest
    return None


def read_labelled_block(lines: list[Line], i: int, known: dict[str, tuple[str, str]],
                        max_gap: int, accepts: Callable[[str, str], bool | None] | None = None,
                        first_in_text: Callable[[Line, dict], LabelTail | None] | None = None,
                        names_it: Callable[[str], bool] | None = None) -> LabelledBlock | None:
    """The labelled block whose first label is lines[i] (non-blank lines, in order) -> its values;
    None if lines[i] holds no label. A label alone on its line takes the next line(s) that are no
    label; several such labels in a row (a table read column by column) take one line each, in
    order. Lines more than `max_gap` line numbers apart belong to no one block. Where a column of
    labels waits for its values and `accepts(field, text)` says the next line cannot be the first
    one's value (text set between the columns), the values begin at the first line it accepts,
    within VALUE_MAX_SKIP lines and before the next label that is no fact's. A fact's label must
    stand apart from prose (label_stands_apart). The first label may end a line of text
    (`first_in_text`, by default a Land's or size class's: first_label_at_line_end): the rows
    after it are read as a box an OCR ran into them (rows_as_tails). Of the runs of lines that
    could be a column's values, one whose first value `names_it` (names the project) goes before
    the first."""
    labels: list[tuple[int, tuple[str, str, str, bool]]] = []  # (index in lines, label)
    tail = (first_in_text or first_label_at_line_end)(lines[i], known) if accepts is not None else None
    # after text that ends no sentence ('Grünflächen, Spielplätze, BUNDESLAND') only where rows' ends follow
    after_any = tail is None and accepts is not None and first_in_text is None
    tail = first_label_at_line_end(lines[i], known, any_text=True) if after_any else tail
    box_end = -1
    if tail is not None:
        box = first_in_text is not None  # a title's or motto's box: its values' lines are checked
        rows = rows_as_tails(lines[i + 1:], tail.start - getattr(lines[i], "start", 0),
                             lambda row: any_label_at_line_end(row, known), lambda row: label_alone_on_row(row.text, known),
                             goes_on_in_box if box else None, box_line_alone if box else None,
                             None if box else lambda text: bool(accepts("states", text) or accepts("size_class", text)),
                             names_it if box else None)
        if (box or after_any) and rows is None:
            return None  # no box's line beside the text after the label: it is no header's
        # the box's lines are a row apart whatever rows of the text beside it were left out between them
        box_end = lines[i + 1:][:ROW_TAIL_MAX_ROWS][-1].number if rows else -1
        lines = [*lines[:i], tail, *(lines[i + 1:] if rows is None else rows)]
    j = i
    while j < len(lines):
        if j > i and row_gap(lines[j - 1], lines[j], box_end) > max_gap:
            break
        hit = line_label_read(lines[j].text, known) or label_in_a_row_of_labels(lines, j, known, labels) \
            or label_read_by_its_value(lines[j].text, known, labels, accepts) \
            or label_alone_by_likeness(lines[j].text, known, labels,
                                       all(not h[2] and ":" not in lines[at].text for at, h in labels),
                                       all(h[2] and ":" in lines[at].text for at, h in labels),
                                       (j + 1 < len(lines) and not line_label_read(lines[j + 1].text, known))
                                       or in_a_column_of_labels(lines, j, known, labels))
        if hit and label_set_apart(hit[0], lines[j].text, hit[2], hit[3]):
            labels.append((j, hit))
        elif not labels or (j - labels[-1][0] > VALUE_MAX_LINES and not label_garbled_since(lines, labels[-1][0], j)):
            break
        elif not waiting(labels, j) and row_gap(lines[j - 1], lines[j], box_end) > 1 and running_text_at(lines, j, known):
            break  # every label has its value: a paragraph of running text after them ends the block
        j += 1
    if not labels:
        return None
    pending: list[int] = []  # positions in `found` of labels still waiting for their value
    displaced: set[int] = set()  # of them, those whose values stand after text between the columns
    unsure: set[int] = set()  # of them, those whose values were not checked (a title's column) or not found
    found: list[tuple[str, str, Line, list[Line], str, bool]] = []
    for n, (at, (field_name, label, rest, fuzzy)) in enumerate(labels):
        found.append((field_name, label, lines[at], [lines[at]] if rest else [], rest, fuzzy))
        if not rest:
            pending.append(len(found) - 1)
        if n + 1 < len(labels):
            assign(list(lines[at + 1: labels[n + 1][0]]), pending, found)
        else:
            fields = [found[k][0] for k in pending]
            start = value_start(lines, at, fields, known, accepts, names_it) if len(pending) > 1 and accepts else at
            if start is None:
                start, unsure = at, set(pending)
            elif start != at and not column_fits(lines[start + 1: start + 2 + len(fields)], fields):
                displaced = set(pending)  # a column that fits its labels line for line is theirs, text before it or not
            if len(pending) > 1 and accepts and accepts(fields[0], "") is None \
                    and not (start == at and box_end < 0 and column_fits(lines[at + 1: at + 2 + len(fields)], fields)):
                unsure = set(pending)  # a title's or motto's column: its lines only looked like values
            assign(tail_lines(lines, start, len(pending), max_gap, start != at, box_end), pending, found)
            found[-1][3].extend(size_rows_after_land(found, lines, accepts, box_end))
    # a value read from rows' ends (rows_as_tails) is unsure: the row's text may run into it
    values = [LabelledValue(f, lab, ll, tuple(vl), rest, fuzzy, k in displaced,
                            k in unsure or any(isinstance(l, LabelTail) for l in vl), isinstance(ll, LabelTail))
              for k, (f, lab, ll, vl, rest, fuzzy) in enumerate(found)]
    if accepts is not None:
        values = [address_after_text(value, lines, known, i) for value in values]
        values = [without_lost_fact(piece, lines, i) for value in values for piece in without_strays(value, accepts)]
        values = with_lost_title_label(with_unlabelled_size(values, accepts, known), accepts, known)
    return LabelledBlock(tuple(values))


def label_not_had(key: str, known: dict[str, tuple[str, str]], labels: list[tuple[int, tuple[str, str, str, bool]]],
                  min_score: float, fields: tuple[str, ...] = ("states", "size_class", "title", "motto")) -> str | None:
    """The key of the known label, of one of `fields` the block has not had yet (`labels`),
    `min_score` like `key` (fuzz.ratio); None where none is, or `key` is too short to tell."""
    had = {hit[0] for _, hit in labels}
    choices = [k for k, (field_name, _) in known.items()
               if len(k) >= LABEL_FUZZY_MIN_CHARS and field_name in fields and field_name not in had]
    found = process.extractOne(key, choices, scorer=fuzz.ratio, score_cutoff=min_score) \
        if len(key) >= LABEL_FUZZY_MIN_CHARS else None
    return found[0] if found else None


def label_in_a_row_of_labels(lines: list[Line], j: int, known: dict[str, tuple[str, str]],
                             labels: list[tuple[int, tuple[str, str, str, bool]]]) -> tuple[str, str, str, bool] | None:
    """lines[j] right under a label with its value beside it ('PROJEKTTITEL Rostock smart: …'), in
    a block whose labels all stand so without a colon, opening with a capitalised word
    LABEL_MIN_SCORE like a label of a field the block has not had yet ('MotTro Mit Daten …',
    'Motro …': small capitals an OCR read without the marks line_label_read needs), or
    LABEL_ALONE_MIN_SCORE where the rest of the row reads as a value begun in capitals ('Morro Klug
    verbunden …') -> that label,
    read by its likeness (its value is flagged); else None. Without it the next label's value
    went on the value above it."""
    if not labels or labels[-1][0] != j - 1 or not labels[-1][1][2]:
        return None
    if any(not hit[2] or ":" in lines[at].text[:len(lines[at].text) - len(hit[2])] for at, hit in labels):
        return None  # a block of 'Label: value' or of labels over their values: a label is read as printed
    tokens = lines[j].text.split()
    key = label_key(tokens[0]) if len(tokens) > 1 else ""
    if not tokens or not tokens[0][:1].isupper() or len(key) < LABEL_FUZZY_MIN_CHARS \
            or len(key) < LABEL_FUZZY_MIN_LETTERS * len(tokens[0]):
        return None
    rest = " ".join(tokens[1:])
    if rest[:1].islower() and tokens[0][1:].islower():
        return None  # a word as printed, not a label misread ('MotTro'): a value's line goes on, 'Motor der Region'
    found = label_not_had(key, known, labels, LABEL_MIN_SCORE)
    if not found and rest[:1].isupper() and title_value_like(rest):  # 'Morro Klug verbunden …'
        found = label_not_had(key, known, labels, LABEL_ALONE_MIN_SCORE)
    return (*known[found], rest, True) if found else None


LABEL_ALONE_MIN_SCORE = 60  # 'Morro:' / 'Motto': small capitals an OCR misread, alone on a line in a block


def label_alone_by_likeness(text: str, known: dict[str, tuple[str, str]],
                            labels: list[tuple[int, tuple[str, str, str, bool]]],
                            colonless: bool = False, inline: bool = False,
                            value_below: bool = True) -> tuple[str, str, str, bool] | None:
    """A line inside a labelled block that is one capitalised word and a colon (or, in a block
    whose labels stand alone without one, `colonless`, the word alone; in a block of 'Label: value'
    rows, `inline`, the word and colon with a value after them), LABEL_ALONE_MIN_SCORE like a label
    of a field the block has not had yet ('Morro:' after 'Projekttitel:' and its value: small
    capitals whose 'T' an OCR read as 'r'; 'MoTro' after 'PROJEKTTITEL'; 'Morro: Gemeinsam für die
    Region' after 'PROJEKTTITEL: …') -> that label, read by its likeness (its value is flagged);
    else None. Without it the label and its value went on the value above."""
    tokens = text.split()  # a label alone has its value below: a value's last line ('Mitte') has the next label
    if not labels or not tokens or (len(tokens) > 1 and not inline) or not tokens[0][:1].isupper() \
            or (len(tokens) == 1 and not value_below) or (not colonless and not tokens[0].endswith(":")) \
            or re.search(r"^\d|\d:?$|\d\d", tokens[0]) or sum(c.isalpha() for c in tokens[0].rstrip(":")) \
            < LABEL_FUZZY_MIN_LETTERS * len(tokens[0].rstrip(":")):
        return None  # a speck inside ('Mot}tro', 'Gro8&enklasse': ß read as 8) is an OCR's, a word of a value has no colon
    found = label_not_had(label_key(tokens[0]), known, labels, LABEL_ALONE_MIN_SCORE)
    return (*known[found], " ".join(tokens[1:]), True) if found else None


def label_read_by_its_value(text: str, known: dict[str, tuple[str, str]],
                            labels: list[tuple[int, tuple[str, str, str, bool]]],
                            accepts: Callable[[str, str], bool | None] | None) -> tuple[str, str, str, bool] | None:
    """A row inside a labelled block whose first word is LABEL_MIN_SCORE like the label of a Land
    or a size class the block has not had, printed as a plain word ('Gréenklasse Interkommunale
    Kooperationen/Landkreis': a table's label an OCR misread), and whose rest `accepts` reads as
    that field's value -> that label, read fuzzily; else None. The value vouches for the label as
    capitals or a colon do for one alone."""
    tokens = text.split()
    if accepts is None or not labels or len(tokens) < 2 or not tokens[0][:1].isupper():
        return None
    letters = sum(c.isalpha() for c in tokens[0]) / len(tokens[0])
    found = label_not_had(label_key(tokens[0]), known, labels, LABEL_MIN_SCORE, ("states", "size_class")) \
        if letters >= LABEL_FUZZY_MIN_LETTERS else None  # a speck inside is an OCR's, as for a label alone
    if not found:
        return None
    field_name, label = known[found]
    rest = " ".join(tokens[1:])
    return (field_name, label, rest, True) if accepts(field_name, rest) else None


def in_a_column_of_labels(lines: list[Line], j: int, known: dict[str, tuple[str, str]],
                          labels: list[tuple[int, tuple[str, str, str, bool]]]) -> bool:
    """Whether lines[j] stands in a column of labels, its value after the column: right under a
    label alone and over two labels ('Bundesland' / 'Gro&Senklasse' / 'Projekttitel' / 'Motto'),
    or over one where it ends in a colon as the label above it does ('PROJEKTTITEL:' / 'MorrTo:'
    / 'EINWOHNER:'; a value's last line has none)."""
    if not labels or labels[-1][0] != j - 1 or labels[-1][1][2]:
        return False
    colons = lines[j].text.rstrip().endswith(":") and lines[j - 1].text.rstrip().endswith(":")
    below = range(j + 1, j + (2 if colons else 3))
    return below[-1] < len(lines) and all(line_label_read(lines[k].text, known) for k in below)


def waiting(labels: list[tuple[int, tuple[str, str, str, bool]]], j: int) -> int:
    """How many of the labels found before lines[j] wait for a value: those alone on their line
    whose next line is another label (a column of labels) or lines[j] itself."""
    at_labels = {at for at, _ in labels}
    return sum(1 for at, hit in labels if not hit[2] and (at + 1 >= j or at + 1 in at_labels))


def running_text_at(lines: list[Line], j: int, known: dict[str, tuple[str, str]]) -> bool:
    """Whether the paragraph that begins at lines[j] (its lines up to a blank line or a label) is
    running text: long enough, and neither a title's or motto's nor a fact's value."""
    end = j + 1
    while end < len(lines) and lines[end].number - lines[end - 1].number == 1 and not line_label_read(lines[end].text, known):
        end += 1
    text = " ".join(l.text.strip() for l in lines[j:end])
    return len(text.split()) >= RUNNING_TEXT_MIN_WORDS and not value_looks_like("title", text) \
        and not value_looks_like("fact", text)


def first_label_at_line_end(line: Line, known: dict[str, tuple[str, str]], any_text: bool = False) -> LabelTail | None:
    """A Land's or size class's label (a header's first) exactly as the profile spells it at the
    end of a line of text (ending a sentence, or `any_text`) that no label opens -> that label as
    a line of its own; else None."""
    if line_label_read(line.text, known):
        return None
    return label_tail(line.number, getattr(line, "start", 0), line.text,
                      lambda tail: (hit := exact_line_label(tail, known)) is not None and not hit[2]
                      and hit[0] in ("states", "size_class"), any_text)


def title_label_at_line_end(line: Line, known: dict[str, tuple[str, str]]) -> LabelTail | None:
    """A title's or motto's label, printed as one, with nothing after it at the end of a row of
    text that no label opens ('Für Fußgängerinnen und PROJEKTTITEL:') -> that label as a line of
    its own; else None."""
    if line_label_read(line.text, known):
        return None
    return label_tail(line.number, getattr(line, "start", 0), line.text,
                      lambda tail: (hit := line_label_read(tail, known)) is not None and not hit[2]
                      and hit[0] in ("title", "motto"), any_text=True)


def any_label_at_line_end(line: Line, known: dict[str, tuple[str, str]]) -> LabelTail | None:
    """A known label (as printed, or an OCR's damage of one printed in capitals or small capitals)
    with nothing after it at the end of a line of text that no label opens ('… zur GROSSENKLASSE',
    '… Servicestellen. MorTro') -> that label as a line of its own; else None."""
    if line_label_read(line.text, known):
        return None
    return label_tail(line.number, getattr(line, "start", 0), line.text,
                      lambda tail: (hit := line_label_read(tail, known)) is not None and not hit[2], any_text=True)


def with_unlabelled_size(values: list[LabelledValue], accepts: Callable[[str, str], bool | None],
                         known: dict[str, tuple[str, str]]) -> list[LabelledValue]:
    """A block with no size class whose Land's value goes on with a line that `accepts` reads as a
    size class (its label the OCR damaged past reading, 'SRÖSETTT NEST'): the Land's value up to
    the lines before it, and the size class from that line on (marked unsure: it is flagged)."""
    if any(v.field == "size_class" for v in values):
        return values
    label = next((lab for field_name, lab in known.values() if field_name == "size_class"), "size class")
    out = []
    for value in values:
        own = [l for l in value.lines if l.number != value.label_line.number]
        at, size_end = next(((k, k + n) for k in range(1, len(own)) for n in (1, 2)
                             if k + n <= len(own) and accepts("size_class", " ".join(l.text.strip() for l in own[k:k + n]))),
                            (None, None))
        states_end = next((j for j in range(at or 0, 0, -1)
                           if accepts("states", " ".join(l.text.strip() for l in own[:j]))), None)
        if value.field != "states" or value.inline or at is None or states_end is None:
            out.append(value)
            continue
        # the lines between the Land and the size class are the size class's damaged label
        out += [LabelledValue("states", value.label, value.label_line, tuple(own[:states_end]), "", value.fuzzy,
                              value.displaced, False, value.in_text),
                LabelledValue("size_class", label, own[at - 1], tuple(own[states_end:size_end]), "", True, False, True)]
        if own[size_end:]:
            out.append(LabelledValue(STRAY, value.label, own[at], tuple(own[size_end:]), ""))
    return out


def with_lost_title_label(values: list[LabelledValue], accepts: Callable[[str, str], bool | None],
                          known: dict[str, tuple[str, str]]) -> list[LabelledValue]:
    """A block with no title whose Land's or size class's value `accepts` refuses whole but takes
    without its last lines, and those begin with a piece too short to be a word and go on as a
    title ('Große Großstadt' / 'ro' / 'Bremerhaven klug:' / 'Klimaschutz für alle': the title's
    label an OCR read as 'ro') -> the value up to there, then a title read under that piece
    (fuzzy and unsure: flagged). Else the values as they are (a label the profile does not know,
    'Vorhaben:', is no piece: the value stays refused)."""
    if any(v.field == "title" for v in values):
        return values
    title_label = next((lab for field_name, lab in known.values() if field_name == "title"), "title")
    out = []
    for value in values:
        own = [l for l in value.lines if l.number != value.label_line.number]
        heads = [k for k in range(1, len(own)) if accepts(value.field, " ".join(l.text.strip() for l in own[:k]))] \
            if value.field in ("states", "size_class") and not value.inline and len(own) > 1 \
            and accepts(value.field, value.value) is False else []
        at = next((k for k in heads if lost_label_over_title(own[k:])), None)
        if at is None:
            out.append(value)
            continue
        out.append(LabelledValue(value.field, value.label, value.label_line, tuple(own[:at]), "", value.fuzzy,
                                 value.displaced, value.unsure, value.in_text))
        out.append(LabelledValue("title", title_label, own[at], tuple(own[at + 1:]), "", fuzzy=True, unsure=True))
    return out


SPECKS = re.compile(r"[.,:;·'`´]+(?:\s+[.,:;·'`´]+)*")  # what an OCR reads of dirt: no dash, no letter


ADDRESS_AFTER_MAX_LINES = 40  # paragraphs of the text beside a sidebar (three columns of it), read between a label and its address
ADDRESS_LABEL_WORDS = ("web", "internet", "online", "homepage", "url")  # a label whose value is an address says so


def address_after_text(value: LabelledValue, lines: list[Line], known: dict[str, tuple[str, str]],
                       start: int = 0) -> LabelledValue:
    """A fact's value under a label for an address (ADDRESS_LABEL_WORDS: 'Website') that reads as
    running text, where a web address alone opens a paragraph after the paragraphs it opens, within
    ADDRESS_AFTER_MAX_LINES lines and before any label ('WEBSITE:' / paragraphs of the
    column beside / 'www.stadt.de/smart-city': the reading order set the text between the label
    and its value) -> the value on that line, displaced (the paragraphs stay text); any other
    value as it is. An address shows where it stands: no other value does. The value's lines are
    looked for from `start`, the block's first line, not the text's."""
    own = [l for l in value.lines if l.number != value.label_line.number]
    if value.field != "fact" or value.inline or not own or fact_value_like(value.value) \
            or not any(word in label_key(value.label) for word in ADDRESS_LABEL_WORDS):
        return value
    at = next((k for k in range(start, len(lines)) if lines[k].number == own[0].number), None)
    for k in range(at + 1, min(len(lines), at + 1 + ADDRESS_AFTER_MAX_LINES)) if at is not None else []:
        after = lines[k]
        if line_label_read(after.text, known):
            break
        # a paragraph of its own: an address inside a sentence ('Mehr steht unter' / 'www…' / 'bereit.') is the text's
        if lines[k - 1].number < after.number - 1 and WEB_ADDRESS.fullmatch(address_rejoined(after.text.strip())):
            return replace(value, lines=(after,), displaced=True)
    return value


def without_lost_fact(value: LabelledValue, lines: list[Line], start: int = 0) -> LabelledValue:
    """A title or motto without the lines of a fact an OCR garbled the label of (lost_fact_at; its
    figure may be the block's next line: the first in `lines` from `start`, the block's first line,
    past the value's) and without specks ('.', not a dash): they stay text."""
    if value.field not in ("title", "motto"):
        return value
    own = [l for l in value.lines if l.number != value.label_line.number]
    # from the block's start, not the text's: a scan over the whole text per value made the
    # blocks' reading quadratic in the text's length
    after = next((l.text.strip() for l in islice(lines, start, None) if l.number > own[-1].number and l.text.strip()),
                 "") if own else ""
    at = lost_fact_at([l.text.strip() for l in own] + ([after] if after else []))
    cut = set(own[at:] if at is not None else ()) | {l for l in own[1:] if SPECKS.fullmatch(l.text.strip())}
    return replace(value, lines=tuple(l for l in value.lines if l not in cut)) if cut else value


def label_garbled_since(lines: list[Line], last: int, j: int) -> bool:
    """Whether a label's capitals an OCR garbled ('WARY EST,') stand between the block's last label
    (lines[last]) and lines[j], no more than 2 * VALUE_MAX_LINES apart: a value that is no longer
    than one stands under it, so the block goes on to the next label."""
    return j - last <= 2 * VALUE_MAX_LINES and any(garbled_label_like(l.text) for l in lines[last + 1:j])


STRAYS_AFTER_MAX_LINES = 2  # after a value, at most so many lines are a name's pieces


def without_strays(value: LabelledValue, accepts: Callable[[str, str], bool | None]) -> list[LabelledValue]:
    """A Land's or size class's value that `accepts` refuses but whose last line(s) it takes,
    after lines that look like a name's pieces ('Bundesland:' / 'Pegnitz' / 'Bayern'), or whose
    first line(s) it takes, before such lines ('Bundesland' / 'Sachsen' / 'Herrnhut') -> the
    stray lines as a value of their own (field STRAY) and the value, in the order printed; any
    other value as it is."""
    own = [l for l in value.lines if l.number != value.label_line.number]
    if value.inline and own and accepts(value.field, value.value) is False:
        return inline_value_before_strays(value, own, accepts)
    if value.inline or len(own) < 2 or accepts(value.field, value.value) is not False:
        return [value]
    for k in range(1, len(own)):
        head, tail = own[:k], own[k:]
        if accepts(value.field, " ".join(l.text.strip() for l in tail)) and all(stray_like(l.text) for l in head):
            return [LabelledValue(STRAY, value.label, value.label_line, tuple(head), "", in_text=value.in_text),
                    LabelledValue(value.field, value.label, value.label_line, tuple(tail), "", value.fuzzy,
                                  value.displaced, value.unsure, value.in_text)]
    for k in range(len(own) - 1, max(0, len(own) - STRAYS_AFTER_MAX_LINES - 1), -1):  # ('Sachsen' / 'Herrnhut')
        head, tail = own[:k], own[k:]
        # a size class under its lost label, or an unknown label and its value, is no name's piece
        if accepts(value.field, " ".join(l.text.strip() for l in head)) and all(stray_like(l.text) for l in tail) \
                and not accepts("size_class", " ".join(l.text.strip() for l in tail)) \
                and not accepts("size_class", " ".join(l.text.strip() for l in own[k - 1:])) \
                and not any(accepts("size_class", l.text.strip()) or l.text.rstrip().endswith(":") for l in tail):
            return [LabelledValue(value.field, value.label, value.label_line, tuple(head), "", value.fuzzy,
                                  value.displaced, value.unsure, value.in_text),
                    LabelledValue(STRAY, value.label, value.label_line, tuple(tail), "", in_text=value.in_text)]
    return [value]


def inline_value_before_strays(value: LabelledValue, own: list[Line],
                               accepts: Callable[[str, str], bool | None]) -> list[LabelledValue]:
    """A Land's or size class's value on its label's row that `accepts` takes, followed by up to
    STRAYS_AFTER_MAX_LINES lines that look like a name's pieces ('BUNDESLAND Bayern' / 'in
    Kooperation mit' / 'Lauf an der Pegnitz': an OCR read the name's lines among the labels) -> the
    value on the row and the lines as a stray value; else the value as it is."""
    texts = [l.text.strip() for l in own]
    # a row opening with a word in capitals or ending in a colon is a label the profile does not know
    # ('VORHABEN …'); no label opens in lower case ('und Ebersbach-Neugersd:', a name's piece cut short)
    if len(own) > STRAYS_AFTER_MAX_LINES or not accepts(value.field, value.inline) \
            or not all(stray_like(t) for t in texts) or any(accepts("size_class", t) or (t.endswith(":") and not t[:1].islower())
                                                            or (t.split()[0].isupper() and len(t.split()[0]) > 2) for t in texts):
        return [value]
    return [replace(value, lines=tuple(l for l in value.lines if l.number == value.label_line.number)),
            LabelledValue(STRAY, value.label, value.label_line, tuple(own), "", in_text=value.in_text)]


def value_start(lines: list[Line], last: int, fields: list[str], known: dict[str, tuple[str, str]],
                accepts: Callable[[str, str], bool | None], names_it: Callable[[str], bool] | None = None) -> int | None:
    """Where a column of values begins after the column of labels ending at lines[last]: the line
    before the first run of lines that `accepts` takes as the values of the labels' leading fields
    it can check (a Land, then a size class; prose that names a Land is no such run), or `last`
    itself where the next lines are such values; None where no run comes near. Where `accepts` cannot
    check the first field (a title, a motto, a fact), the lines must only look like such values
    (value_looks_like: no running text). With `names_it`, a later run whose first value names the
    project goes before the first run that does not (a box of keywords between the text, 'Schwerpunkte' /
    'Mobilität und Energie', before the column of a title and a motto)."""
    if accepts(fields[0], lines[last + 1].text.strip() if last + 1 < len(lines) else "") is None:
        accepts = value_looks_like
    first = None
    for k in range(last + 1, min(len(lines), last + 1 + VALUE_MAX_SKIP)):
        label = line_label_read(lines[k].text, known)
        if label and label[0] != "fact" and label_marked(lines[k].text, label[2]):
            break  # a fact's label (a sidebar's 'Kontakt') may stand between the columns; another may not
        if k > last + 1 and lines[k].number - lines[k - 1].number == 1 and continues(lines[k - 1].text, lines[k].text):
            continue  # a line that goes on the one right over it is running text's, no column's first value
        if k > last + 1 and k + 1 < len(lines) and lines[k + 1].number - lines[k].number == 1 \
                and lines[k].text.rstrip().endswith(",") and fields[0] in ("states", "size_class"):
            continue  # a Land or size class is whole on its line: one that goes on ('Bayern, Sachsen,') is prose's list
        verdicts = []
        for field_name, line in zip(fields, lines[k:]):
            verdict = False if line_label_read(line.text, known) else accepts(field_name, line.text.strip())
            if verdict is None:
                break
            verdicts.append(verdict)
        if not verdicts:
            break
        if all(verdicts):
            if names_it is None or names_it(lines[k].text):
                return k - 1
            first = k - 1 if first is None else first
    return first


def tail_lines(lines: list[Line], last: int, want: int, max_gap: int, free_first: bool = False,
               box_end: int = -1) -> list[Line]:
    """The lines after the block's last label that are values: one per label still waiting, then
    the lines that go on the last value (after a connector, or in lower case). With `free_first`
    the first line is a value however far it stands from lines[last]."""
    out: list[Line] = []
    previous = lines[last]
    for k in range(last + 1, len(lines)):
        line = lines[k]
        gap = row_gap(previous, line, box_end)
        after = lines[k + 1] if k + 1 < len(lines) else None
        if len(out) < want and (gap <= max_gap or (free_first and not out)):
            out.append(line)
        elif (out or not want) and gap <= 1 and len(out) < want + VALUE_MAX_LINES - 1 and (
                continues(previous.text, line.text) or (out and last_word_wrapped(
                    previous.text, line.text, after is None or row_gap(line, after, box_end) > 1))):
            out.append(line)
        else:
            break
        previous = line
    return out


def assign(between: list[Line], pending: list[int], found: list) -> None:
    """Value lines between two labels (or after the last) -> the labels waiting for them: one
    waiting label takes them all; several take one each, the last the rest; with none waiting
    they go on the value before."""
    if not between:
        return
    if not pending:
        found[-1][3].extend(between)
        return
    while between and pending:
        target = pending.pop(0)
        found[target][3].append(between.pop(0))
        if not pending:
            found[target][3].extend(between)
            between = []
