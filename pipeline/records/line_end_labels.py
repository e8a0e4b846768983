"""A header's first label read at the end of a line of text: a PDF's line or an OCR's row that
ran the last line of a column into a box beside it ('gebraucht werden. B UNDESLAND:').

Needs the profile's labels (labels.known_labels). Produces the label as a line of its own (a
LabelTail: the label's text, on the number of the line it stands in) so a labelled block can
begin there; the line itself stays text, so nothing of it is lost.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

SENTENCE_END = re.compile(r"[.!?]$")  # text before the label ends a sentence: no label word inside prose
LABEL_TAIL_MAX_TOKENS = 2  # 'B UNDESLAND:' (small capitals split it) or 'BUNDESLAND:'
LABEL_TAIL_MIN_TEXT_WORDS = 2  # the text before it is a line's end of prose ('gebraucht werden.')


@dataclass(frozen=True)
class LabelTail:
    """The label at the end of a text line, standing for a line of its own."""

    number: int  # the text line's number: the label is no line of its own there
    start: int  # offset of the label in the cleaned text
    text: str


def label_tail(number: int, start: int, text: str, is_label: callable) -> LabelTail | None:
    """A line of text ending in a sentence and then a label printed as one (a colon, or capitals)
    that `is_label(tail)` reads as a label with nothing after it -> the label as a LabelTail;
    else None."""
    tokens = text.split()
    for k in range(1, LABEL_TAIL_MAX_TOKENS + 1):
        head, tail = tokens[:-k], tokens[-k:]
        if len(head) < LABEL_TAIL_MIN_TEXT_WORDS or not SENTENCE_END.search(head[-1]):
            continue
        letters = [c for c in "".join(tail) if c.isalpha()]
        marked = tail[-1].endswith(":") or sum(c.isupper() for c in letters) > len(letters) / 2
        tail_text = " ".join(tail)
        if marked and is_label(tail_text):
            at = text.rstrip().rfind(tail[0])
            return LabelTail(number, start + at, text[at:].rstrip())
    return None
