"""A header's first label read at the end of a line of text: a PDF's line or an OCR's row that
ran the last line of a column into a box beside it ('gebraucht werden. B UNDESLAND:').

Needs the profile's labels (labels.known_labels). Produces the label as a line of its own (a
LabelTail: the label's text, on the number of the line it stands in) so a labelled block can
begin there; the line itself stays text, so nothing of it is lost.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Protocol

from pipeline.records.label_values import garbled_label_like

SENTENCE_END = re.compile(r"[.!?-]$")  # text before the label ends a sentence or a column's line (a word cut): no label word inside prose
LABEL_TAIL_MAX_TOKENS = 2  # 'B UNDESLAND:' (small capitals split it) or 'BUNDESLAND:'
LABEL_TAIL_MIN_TEXT_WORDS = 2  # the text before it is a line's end of prose ('gebraucht werden.')


@dataclass(frozen=True)
class LabelTail:
    """The label at the end of a text line, standing for a line of its own."""

    number: int  # the text line's number: the label is no line of its own there
    start: int  # offset of the label in the cleaned text
    text: str


def printed_as_label(tokens: list[str]) -> bool:
    """Words printed as a label, not as prose that holds a label's word: ending in a colon, in
    mostly capitals, or in small capitals an OCR misread (small_capitals_misread)."""
    letters = [c for c in "".join(tokens) if c.isalpha()]
    return tokens[-1].endswith(":") or sum(c.isupper() for c in letters) > len(letters) / 2 \
        or small_capitals_misread("".join(tokens))


def small_capitals_misread(word: str) -> bool:
    """'MotTrTo', 'MorTTo': a word with capitals after small letters inside it, as an OCR reads a
    label printed in small capitals (their letters are neither of its two sizes); no German word
    is written so, so it marks a label as well as capitals or a colon do."""
    inner = [c for c in word[1:] if c.isalpha()]
    return sum(c.isupper() for c in inner) >= SMALL_CAPS_MIN_INNER and bool(re.search(r"[a-zäöüß][A-ZÄÖÜ]", word))


SMALL_CAPS_MIN_INNER = 2  # one capital inside ('McDonald', 'GmbH') is a name's or an abbreviation's


def label_tail(number: int, start: int, text: str, is_label: callable, any_text: bool = False) -> LabelTail | None:
    """A line of text ending in a sentence (or, `any_text`, in any text) and then a label printed
    as one (printed_as_label) that `is_label(tail)` reads as a label with nothing after it ->
    the label as a LabelTail; else None."""
    tokens = text.split()
    for k in range(1, LABEL_TAIL_MAX_TOKENS + 1):
        head, tail = tokens[:-k], tokens[-k:]
        if not head_before_label(head, any_text):
            continue
        tail_text = " ".join(tail)
        if printed_as_label(tail) and is_label(tail_text):
            at = text.rstrip().rfind(tail[0])
            return LabelTail(number, start + at, text[at:].rstrip())
    return None


def head_before_label(head: list[str], any_text: bool) -> bool:
    """Whether the words before a label at a line's end are a line's end of prose: two words or
    more ending a sentence (or, `any_text`, ending anyhow), or, `any_text`, one word ending a
    sentence ('arbeitet. MOTTO:') or only specks an OCR read ('. MOTTO:')."""
    if not head:
        return False
    if any_text and (all(not any(c.isalnum() for c in t) for t in head) or (len(head) == 1 and SENTENCE_END.search(head[-1]))):
        return True
    return len(head) >= LABEL_TAIL_MIN_TEXT_WORDS and (any_text or bool(SENTENCE_END.search(head[-1])))


ROW_TAIL_MAX_ROWS = 16  # a box beside a column that an OCR ran into its rows is at most so many rows long
ROW_TAIL_TOLERANCE = 0.15  # a value's first word starts this close to the label's column (share of it)
ROW_TAIL_MIN_TOLERANCE = 6  # characters: a proportional font's words move a column's place in a row so far
ROW_TAIL_MIN_PAST = 2  # a row with a box's line in it reaches this many characters past the column at least
ROW_TAIL_MIN_HEAD_WORDS = 2  # before it, the row holds this much of the column's text
ROW_TAIL_AFTER_SENTENCE_MAX_WORDS = 4  # a box's line after a paragraph's last sentence in the row is this short


BOX_COLUMN_MIN_LABELS = 2  # labels at the ends of the rows after the first that place a box beside the text


def box_column(column: int, rows: list, label_at_end: callable) -> int:
    """The column, in characters into a row, of a box an OCR ran into a text's rows: its first
    label's (`column`) or, where the labels at the ends of the rows after it
    (`label_at_end(row)`, BOX_COLUMN_MIN_LABELS at least) stand together well before it, theirs:
    a line of a column beside ran into the first label's row ('Fällt ein Wert aus dem üblichen
    weitergegeben werden. BUNDESLAND:') and moved it."""
    later = [tail.start - getattr(row, "start", 0) for row in rows[:ROW_TAIL_MAX_ROWS]
             if (tail := label_at_end(row)) is not None]
    tolerance = max(ROW_TAIL_MIN_TOLERANCE, round(column * ROW_TAIL_TOLERANCE))
    if len(later) >= BOX_COLUMN_MIN_LABELS and max(later) - min(later) <= tolerance and column - max(later) > tolerance:
        return sorted(later)[len(later) // 2]
    return column


def rows_as_tails(rows: list, column: int, label_at_end: callable, label_alone: callable,
                  goes_on: callable | None = None, value_alone: callable | None = None,
                  reads_as_value: callable | None = None, names_it: callable | None = None) -> list | None:
    """The rows after a label read at the end of a text row, at `column` characters into it
    ('Deshalb lädt die Verwaltung rege- BUNDESLAND' / 'Imaßig zu Gesprächen in das alte Bayern';
    box_column: the labels after it may place it): where an OCR ran a column and the box beside it into one row each, the box's lines are the
    rows' ends. Each row -> the label it ends in (`label_at_end(row)`, a LabelTail), or its end
    from the word that starts at the label's column on (a LabelTail: the row itself stays text);
    a row that `label_alone` reads as a label stays as it is; any other row is the column's text
    only and is left out. None where the first row has no such end (the box's lines are lines of
    their own: nothing to do). Only the first ROW_TAIL_MAX_ROWS rows are looked at.

    With `goes_on(upper, lower)` (a title's or motto's box) a value's next line must go on the
    line before (else the value has ended, and the rows up to the next label are text), and a
    row as short as the column's that `value_alone(previous, row)` takes, right under a label
    (`previous` empty) or going on a value, is the box's line alone (the text beside it had ended).
    With `reads_as_value(text)` (a Land's or size class's box), a row whose end from the column on
    (or from a word up to twice as far from it) reads as such a value ('Wege Die nächste Praxis
    Bayern') gives it under a label: a short value leaves the row as short as the text's own. With `names_it(word)`
    (a title's box), where the row's end at the column does not name the project, a word that does
    up to twice as far from the column is the value's start, and the column is taken from there on
    (the label's row misplaced it)."""
    column = box_column(column, rows, label_at_end)
    tolerance = max(ROW_TAIL_MIN_TOLERANCE, round(column * ROW_TAIL_TOLERANCE))
    out = []
    state = "label"  # 'label': a label waits for its value; 'value': a value may go on; 'ended'
    previous = ""
    wrapped = False  # the row is a Land's or size class's second line, taken with the one before (or its end)
    for n, row in enumerate(rows[:ROW_TAIL_MAX_ROWS]):
        if wrapped:
            out.append(row if wrapped is True else wrapped)
            wrapped = False
            continue
        label = label_at_end(row)
        if label is not None or (n > 0 and label_alone(row)):
            out.append(label or row)
            state = "label"
            continue
        end = row_end_at(row, column, tolerance, opens=goes_on is not None and state == "label")
        named = row_end_at(row, column, 2 * tolerance, names_it=names_it) \
            if names_it and state == "label" and not (end is not None and names_it(end.text)) else None
        if named is not None:
            end, column = named, named.start - getattr(row, "start", 0)
        if goes_on is not None and state != "ended":
            # a paragraph's last line ends well before the column: the box's line begins after it
            after = row_after_sentence(row, column, tolerance)
            if after is not None and (end is None or after.start < end.start) \
                    and (state == "label" or goes_on(previous, after.text)):
                end = after
        if end is None and value_alone is not None and len(row.text.rstrip()) <= column + ROW_TAIL_MIN_PAST \
                and state != "ended" and value_alone("" if state == "label" else previous, row.text.strip()):
            end = row
        if end is None and reads_as_value is not None and state == "value" \
                and (far := row_end_at(row, column, 2 * tolerance)) is not None \
                and garbled_label_like(far.text) and not reads_as_value(far.text):
            state = "label"  # a label garbled past reading that the OCR's row set further from the column
            continue
        if end is None and reads_as_value is not None and state == "label":
            # an OCR's row misplaces the column (a proportional font): a value that reads as one may start twice as far
            end = next((short for reach in (tolerance, 2 * tolerance)
                        if (short := row_end_at(row, column, reach, short=True)) is not None and reads_as_value(short.text)),
                       None)
            alone = [r.text.strip() for r in rows[n:n + 2] if len(r.text.rstrip()) <= column + ROW_TAIL_MIN_PAST]
            if end is None and n > 0 and alone and alone[0] == row.text.strip():
                # the box's value on rows of its own, the text beside it ended: 'Interkommunale' / 'Kooperationen/Landkreis'
                if reads_as_value(alone[0]):
                    end = row
                elif len(alone) == 2 and reads_as_value(" ".join(alone)):
                    end, wrapped = row, True
                elif len(alone) == 1 and n + 1 < len(rows) \
                        and (rest := row_end_at(rows[n + 1], column, tolerance)
                             or row_after_sentence(rows[n + 1], column, tolerance)) is not None \
                        and reads_as_value(f"{specks_off(alone[0])} {rest.text}"):
                    # its second line at the next row's end ('. Interkommunale' / '… liefert. Kooperationen/Landkreis')
                    end, wrapped = row, rest
        if n == 0 and end is None:
            return None
        if end is None:
            state = "ended" if goes_on is not None and state == "value" else state  # a row with no box line ends a value
            continue
        if goes_on is not None and state != "label" and not (state == "value" and goes_on(previous, end.text)):
            state = "ended"  # the box's value has ended: row ends up to the next label are the text's
            continue
        if reads_as_value is not None and not label_alone(end) and garbled_label_like(end.text) \
                and not reads_as_value(end.text):
            # a label the OCR garbled past reading ('GROTSEN Ser'; it stays in its row's text): the
            # value after it is the next label's, not the one before's
            state = "label"
            continue
        out.append(end)
        state, previous = "value", end.text
    return out + list(rows[ROW_TAIL_MAX_ROWS:])


class Row(Protocol):
    """A line of the text or a LabelTail standing for one: what a box's rows are read by."""

    number: int
    text: str


def row_gap(upper: Row, lower: Row, box_end: int = -1) -> int:
    """How many line numbers apart two lines of a block are; 1 for lines of a box up to line
    `box_end` (rows_as_tails left the text's rows between them out)."""
    return 1 if lower.number <= box_end else lower.number - upper.number


SIZE_ROWS_MAX_SKIPPED = 1  # a size class's label the OCR garbled past reading may stand between


def size_rows_after_land(found: list[tuple], lines: list[Row], accepts: Callable[[str, str], bool | None] | None,
                         box_end: int = -1) -> list[Row]:
    """A block whose last label is a Land's, with no size class: the one or two lines right after
    the Land's value (a line between skipped: the size class's label, garbled) that `accepts`
    reads together as a size class, or with the value's second line ('. . Interkommunale' /
    'Kooperationen/Landkreis', a box's lines whose label an OCR garbled to 'CHUOSSENTELASSE') ->
    those lines, to go on the Land's value, which with_unlabelled_size splits (the size class read
    so is flagged); else []."""
    if accepts is None or not found or found[-1][0] != "states" or any(f[0] == "size_class" for f in found):
        return []
    own = found[-1][3]
    last = (own or [found[-1][2]])[-1]
    at = next((k for k, l in enumerate(lines) if l is last), None)
    if at is None or len(own) > 2:
        return []
    for skip in range(SIZE_ROWS_MAX_SKIPPED + 1 if len(own) <= 1 else 1):
        for n in (1, 2):
            rows = lines[at + 1 : at + 1 + skip + n]
            value = [*own[1:], *rows[skip:]]
            if len(rows) == skip + n and all(row_gap(a, b, box_end) <= 1 for a, b in zip([last, *rows], rows)) \
                    and accepts("size_class", specks_off(" ".join(r.text.strip() for r in value))):
                return rows
    return []


def specks_off(text: str) -> str:
    """A row's text without the specks an OCR read before its first letter ('. Interkommunale')."""
    return re.sub(r"^[^\w(„\"]+", "", text)


def row_end_at(row, column: int, tolerance: int, opens: bool = False, short: bool = False,
               names_it: callable | None = None) -> LabelTail | None:
    """The row's words from the one starting nearest `column` (within `tolerance`; of two as near,
    the later) on, with ROW_TAIL_MIN_HEAD_WORDS words before it, in a row longer than the column;
    else None. Where the end `opens` a title's or motto's value, a word in capitals or a figure
    goes before one in lower case ('… ein breiter Bad Berleburg verbunden:'). `short`: a row no
    longer than the column is asked too (its end is then checked by what it reads as). With
    `names_it`, only a word it takes begins the end."""
    if len(row.text.rstrip()) <= column + ROW_TAIL_MIN_PAST and not short:
        return None  # a row of the column's text as long as its lines: nothing beside it
    starts = [m.start() for m in re.finditer(r"\S+", row.text)]
    near = [s for s in starts[ROW_TAIL_MIN_HEAD_WORDS:] if abs(s - column) <= tolerance
            and (names_it is None or names_it(row.text[s:].split()[0]))]
    if not near:
        return None
    at = min(near, key=lambda s: (opens and not (row.text[s].isupper() or row.text[s].isdigit()), abs(s - column), -s))
    return LabelTail(row.number, getattr(row, "start", 0) + at, row.text[at:].rstrip())


def row_after_sentence(row, column: int, tolerance: int) -> LabelTail | None:
    """A row whose text is a paragraph's last line, well short of the column, and then a box's
    short line ('über Fördermöglichkeiten informiert. Quartiere gestalten') -> that line from the
    word after the last sentence's end on, where it begins in capitals; else None."""
    ends = [m for m in re.finditer(r"[.!?](?=\s+\S)", row.text) if m.end() < column - tolerance]
    if not ends:
        return None
    at = re.search(r"\S", row.text[ends[-1].end():]).start() + ends[-1].end()
    rest = row.text[at:].rstrip()
    if not rest[:1].isupper() or len(rest.split()) > ROW_TAIL_AFTER_SENTENCE_MAX_WORDS or re.search(r"[.!?]", rest):
        return None
    return LabelTail(row.number, getattr(row, "start", 0) + at, rest)
