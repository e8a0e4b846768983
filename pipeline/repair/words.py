"""The words of a text as the repair reads them.

Needs a text. Produces its words as the repair sees them (TOKEN: a word with the symbols English
OCR puts in place of umlauts inside it; word_parts: a CamelCase join part by part, as _Shifted
matches), whether a position opens a sentence (sentence_start), and what the steps share
(UMLAUT_CHARS, MIXED_CASE, CAMEL, HEAD_WORD_WINDOW).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

UMLAUT_CHARS = set("äöüßÄÖÜ")
HEAD_WORD_WINDOW = 80  # characters looked back for the word before a line-end hyphen or a repaired word

# A word, with the symbols English OCR puts in place of umlauts inside it ("Mafinahmen",
# "{iber", "&ndern", "grof!").
TOKEN = re.compile(r"(?<![\w{&!@§$])[{&]?(?:[^\W_]|(?<=[^\W_])[&!{@§$](?=[^\W_]))+(?:(?<=f)!)?")
MIXED_CASE = re.compile(r"[^\W\d_][A-ZÄÖÜ]+[a-zäöüß]|[a-zäöüß][A-ZÄÖÜ]")
CAMEL = re.compile(r"(?:[A-ZÄÖÜ][^\W\dA-ZÄÖÜ_{&!@§$]+){2,}")


def word_parts(view: str, verdict):
    """(word, verdict) for the words `verdict(token, position)` finds a repair for. A CamelCase
    join (MiinsterZukunft) with no repair as a whole is tried part by part."""
    for m in TOKEN.finditer(view):
        token = m.group()
        whole = verdict(token, m.start())
        if whole is not None:
            yield m, whole
        elif CAMEL.fullmatch(token):
            for part in re.finditer(r"[A-ZÄÖÜ][^A-ZÄÖÜ]+", token):
                shifted = _Shifted(part, m.start())
                v = verdict(part.group(), shifted.start())
                if v is not None:
                    yield shifted, v


@dataclass(frozen=True)
class _Shifted:
    """A part of a CamelCase join, read as a match of the whole text: group() and start() as a
    match of TOKEN has them."""

    part: re.Match
    offset: int

    def group(self) -> str:
        return self.part.group()

    def start(self) -> int:
        return self.offset + self.part.start()


def sentence_start(view: str, pos: int) -> bool:
    """After a full stop, a colon, a blank line or at the start of the text."""
    before = view[max(0, pos - 200) : pos]
    stripped = before.rstrip()
    return not stripped or stripped[-1] in ".!?:" or "\n\n" in before[len(stripped):]
