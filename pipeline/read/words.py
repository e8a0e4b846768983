"""Load stage, positioned words -> the lines they make: a text layer's or an OCR's words, in
points, joined into lines by their tops and boxes (pdf_text.py reads lines into a page's text)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

# pdfminer's name for a glyph its font maps to no character ('(cid:127)', mostly a bullet)
UNMAPPED_GLYPH = r"\(cid:\d+\)"
LINE_TOLERANCE = 3.0  # points: words whose tops differ less sit on one line
LARGE_TYPE = 1.5  # type this many times larger than a word's is another element's (a big number)
JOINED_GAP = 0.5  # points: a word that begins this near another's end is printed on from it


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float | None = None  # the font size where a text layer tells it; None for OCR
    fitted: float | None = None  # an OCR text layer's size, which its maker fitted to the line's box
    confidence: float | None = None  # Tesseract's, 0-100, where this tool read a scan; None otherwise


@dataclass(frozen=True)
class TextLine:
    words: tuple[Word, ...]

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in sorted(self.words, key=lambda w: w.x0))

    @property
    def size(self) -> float | None:
        """The font size most of the line's characters have, None where it is not known."""
        return most_characters(self.words, lambda w: w.size, lambda size: round(size * 2) / 2)

    @property
    def fitted(self) -> float | None:
        """The size an OCR text layer fitted most of the line's characters to, None where it is not known."""
        return most_characters(self.words, lambda w: w.fitted, round)

    def split(self, gutter: float) -> tuple["TextLine | None", "TextLine | None"]:
        left = tuple(w for w in self.words if w.x1 <= gutter)
        right = tuple(w for w in self.words if w.x0 >= gutter)
        return (TextLine(left) if left else None, TextLine(right) if right else None)


def most_characters(words, size_of, rounded) -> float | None:
    """The size (`size_of` a word, `rounded`) that most of the words' characters have; None where
    a word's is not known."""
    sizes = Counter()
    for w in words:
        size = size_of(w)
        if size is None:
            return None
        sizes[rounded(size)] += len(w.text)
    return sizes.most_common(1)[0][0]


def words_to_lines(words: list[Word]) -> list[TextLine]:
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        first = lines[-1][0] if lines else None
        if first and (abs(first.top - word.top) <= LINE_TOLERANCE or inside_line(first, word)
                      or any(joined(w, word) or spaced(w, word) for w in lines[-1])) \
                and not any(stacked(w, word) for w in lines[-1]):
            lines[-1].append(word)
        else:
            lines.append([word])
    return [TextLine(tuple(line)) for line in strays_moved(lines)]


def stacked(a: Word, b: Word) -> bool:
    """Whether two OCR words share most of the narrower one's width: one stands over the other,
    in two lines, however near their tops (Tesseract boxed a sidebar's second line with the
    text's line beside it, two points under the first: 'Mühlhausen klug:' / 'Nachbarschaft …')."""
    shared = min(a.x1, b.x1) - max(a.x0, b.x0)
    # a speck an OCR read over a word ('on', 'm', '.') is no line of its own
    words = all(sum(c.isalpha() for c in w.text) >= STACKED_MIN_LETTERS for w in (a, b))
    return a.size is None and b.size is None and words and shared > 0.5 * min(a.x1 - a.x0, b.x1 - b.x0)


STACKED_MIN_LETTERS = 4  # letters a word has at least to stand over another as a line of its own


STRAY_NEIGHBOUR_LINES = 2  # a word taken into a line of another column is looked for in the lines this near


def strays_moved(lines: list[list[Word]]) -> list[list[Word]]:
    """OCR lines (their words' tops follow the ink) -> the same, with a word, or a run of words a
    word space apart, that joined a line of another column by its top (ascenders, an umlaut's
    dots, a tall box beside it: 'MOTTO' … 'Übergang', 'Kontakt.' … 'denken'; a sidebar's 'für
    die' … 'ihren Zweck', its 'Mit Daten' a line of its own) moved to the nearby line it goes on:
    it stands a word space from that line's words, level with them, and far from the other words
    of its own. A text layer's words (sizes known) sit on their lines exactly and stay."""
    lines = [list(line) for line in lines]
    for k, line in enumerate(lines):
        for run in runs_apart(line) if len(line) > 1 and all(w.size is None for w in line) else []:
            first, last = run[0], run[-1]
            height = max(w.bottom - w.top for w in run)
            for other in lines[max(0, k - STRAY_NEIGHBOUR_LINES): k + STRAY_NEIGHBOUR_LINES + 1]:
                if other is line or not other:
                    continue
                near = [w for w in other if min(horizontal_gap(first, w), horizontal_gap(last, w)) <= height / 2
                        and level(first, w)]
                if near and not any(stacked(x, w) for x in run for w in other):  # no run goes over another line's words
                    for word in run:
                        line.remove(word)
                    other.extend(run)
                    break
    return [line for line in lines if line]


def runs_apart(line: list[Word]) -> list[list[Word]]:
    """A line's words, left to right, in runs a word space apart -> the runs that stand far (more
    than twice a word's height) from the rest of the line; none where the line is one run."""
    words = sorted(line, key=lambda w: w.x0)
    runs = [[words[0]]]
    for left, word in zip(words, words[1:]):
        if word.x0 - left.x1 > 2 * (word.bottom - word.top):
            runs.append([])
        runs[-1].append(word)
    return runs if len(runs) > 1 else []


def horizontal_gap(a: Word, b: Word) -> float:
    return max(a.x0 - b.x1, b.x0 - a.x1, 0.0)


def level(a: Word, b: Word) -> bool:
    """Whether two words share most of the shorter's height (one line's words)."""
    shared = min(a.bottom, b.bottom) - max(a.top, b.top)
    return shared >= 0.6 * min(a.bottom - a.top, b.bottom - b.top)


def inside_line(first: Word, word: Word) -> bool:
    """Whether `word` sits inside the height of the line `first` begins, though its top differs
    (a small mark, the '·' between size class and Land, sits lower). A word in much smaller type
    than a first word in large type is not: beside a big number in 28-point type, the next line of
    the column next to it lies inside that height too. Judged by the type sizes a text layer tells,
    or those an OCR layer fitted to its lines (an OCR's boxes hug the ink, so a heading's short
    words are lower there than its tall ones, but they share their line's size)."""
    if not first.top <= (word.top + word.bottom) / 2 <= first.bottom:
        return False
    # an OCR layer's sizes were fitted to its lines' boxes: rough, but a big number's against a line's tells
    big, small = type_size(first), type_size(word)
    return not (big and small and big > LARGE_TYPE * small and any(c.isalnum() for c in word.text))


def type_size(word) -> float | None:
    """A word's font size, or the size an OCR layer fitted it to; None where neither is known."""
    return getattr(word, "size", None) or getattr(word, "fitted", None)


def spaced(left: Word, word: Word) -> bool:
    """Whether `word` is the next word of `left`'s line, level with it a word space on, though the
    line's first word is another column's at another height (OCR boxes: 'Mit' | 'Daten')."""
    return abs(word.top - left.top) <= LINE_TOLERANCE and 0 <= word.x0 - left.x1 <= left.bottom - left.top


def joined(left: Word, word: Word) -> bool:
    """Whether `word` goes on `left` in one line: it begins where `left` ends and its middle lies
    within `left`'s height (a label in small capitals, 'M' then 'OTTO' in smaller type, whose tops
    differ more than a line's words do; the line's first word may stand in another column)."""
    return abs(word.x0 - left.x1) <= JOINED_GAP and left.top <= (word.top + word.bottom) / 2 <= left.bottom
