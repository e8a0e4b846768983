"""List marks an OCR read as letters or signs: raw text -> edits that write them as '•'.

A bullet glyph in a display font comes out of an English-model OCR as 'B', 'P', '¥', '=', 'e',
'o', '¢', '»' or '.' (of a German model as '«') at the start of a line, where no German word
stands alone. One such line could be a word ('P' for parking); several lines within a few lines
of one another that start with the
same lone sign are the items of a list. The mark is written '•' (rule `list_mark`), so that the
records stage reads the items as a list and no quality check counts the mark as a word.

An item's number after a letter ('A1', 'B3') comes out as the letter and 'l' or 'I' ('Al
lebendige Ortskerne'), which no later stage reads as a mark; next to an item marked with the
letter before or after it ('B3 …' near 'Al …') it is that list's mark, and the '1' is written
back (rule `item_number`).
"""
from __future__ import annotations

import re

from pipeline.edits import Edit

# a lone letter or sign, then a space and a word: an item's mark as the OCR read it
MARKED_LINE = re.compile(r"^[ \t]*([BPMeo¥¢=»«*®.■▪●◆➢➤✓])[ \t]+(?=[(„\"]?[^\W\d_])", re.MULTILINE)
# a letter and a digit, then a word: an item's mark; and the same with 'l', 'I' or '|' for the digit
NUMBERED_LINE = re.compile(r"^[ \t]*([A-Z])\d{1,2}[ \t]+(?=[^\W\d_])", re.MULTILINE)
LETTER_FOR_ONE = re.compile(r"^[ \t]*([A-Z])([lI|])[ \t]+(?=[^\W\d_])", re.MULTILINE)
ITEMS_WITHIN_LINES = 12  # two marked lines this close to each other belong to one list
NEXT_ITEM_WITHIN_LINES = 3  # the item before or after, an item wrapping over two lines
CONFIDENCE = 0.8


def mark_list_items(raw: str) -> list[Edit]:
    """Lines that start with the same lone letter or sign as another line within
    ITEMS_WITHIN_LINES lines -> edits replacing that sign by '•'."""
    found = [(m, raw.count("\n", 0, m.start())) for m in MARKED_LINE.finditer(raw)]
    edits = []
    for i, (m, line) in enumerate(found):
        near = [other for other, other_line in found[max(0, i - 6) : i + 7]
                if other is not m and abs(other_line - line) <= ITEMS_WITHIN_LINES and other.group(1) == m.group(1)]
        if near:
            edits.append(Edit(m.start(1), m.end(1), m.group(1), "•", "list_mark", CONFIDENCE, word_before=m.group(1),
                              word_after="•", reason=f"{len(near) + 1} lines near each other start with a lone "
                                                     f"'{m.group(1)}': the marks of a list's items"))
    return edits


def item_numbers_read_as_letters(raw: str) -> list[Edit]:
    """Lines that start with a capital and 'l', 'I' or '|' ('Al', 'BI') within NEXT_ITEM_WITHIN_LINES
    lines of a line marked with the letter before or after and a number ('B3 …'): the item before
    or after -> edits writing the second sign as '1'. That neighbour keeps words out ('Ol und Gas'
    for 'Öl')."""
    numbered = [(m.group(1), raw.count("\n", 0, m.start())) for m in NUMBERED_LINE.finditer(raw)]
    edits = []
    for m in LETTER_FOR_ONE.finditer(raw):
        line = raw.count("\n", 0, m.start())
        near = [letter for letter, other in numbered
                if abs(other - line) <= NEXT_ITEM_WITHIN_LINES and abs(ord(letter) - ord(m.group(1))) == 1]
        if near:
            edits.append(Edit(m.start(2), m.end(2), m.group(2), "1", "item_number", CONFIDENCE,
                              word_before=m.group(1) + m.group(2), word_after=m.group(1) + "1",
                              reason=f"'{m.group(1)}{m.group(2)}' opens a line near items marked "
                                     f"{', '.join(sorted(set(near)))} with a number: the mark {m.group(1)}1"))
    return edits
