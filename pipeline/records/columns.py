"""Extract stage, OCR text only: lines that an OCR read across two columns -> the two columns.

Tesseract, given a page of two columns whose lines share baselines, may return each left line and
the right line beside it as one line ('Die Gemeinde plant seit dem Frühjahr einen dass die Busse
am Abend öfter fahren'). Without word positions the split is found from the text alone:

- both columns are set to one width (in ems, from typical letter widths), and a line is full:
  each part of a split must fit that width, and the next line's first word must not have fitted
  after it; every width the parts allow is tried, and the one whose splits break these rules
  least wins; column lines seen around the run (not read across) say how wide a column is;
- a hyphenated line end belongs to one column and goes on in the next line of the same column:
  a split that joins 'Verkehrsplanungsgrundla-' with a word that completes a known word
  ('…gen') is preferred, one that leaves the hyphen before a word that completes nothing is not;
  a piece of a word ('rgien', or a noun's tail 'punkt') neither ends a line nor follows a word
  in one; after a full stop a line of the same column goes on with a capital, and a capitalised
  word that is no noun ('Die') after a word that ends no sentence starts a column's line;
- the splits of a whole run are chosen together (a dynamic programme over the run), not line
  by line; where a line's splits still fit nearly alike (a short word fits either column), the
  one whose two columns read better as German decides (grammar.py: HanTa's tag model,
  determiners that cannot go with their noun, 'des Klimafolgen', and attributive adjectives
  with no noun after them, 'konkrete und Lösungen'); the right column's first line is read
  after the left column's end, where its sentence goes on.

A run is read back as its left column, then the lines under the run that go on with the left
column, then its right column. Paragraphs whose runs come close are one run (a blank line in one
column only, or Tesseract's reading of wide line spacing, and paragraphs of short rows between
them), and so are lines under a run, and the paragraph under it, that are wider than a column
(rows of both columns, one of them short). A short row between rows read across holds one
column's line: the right one's when the OCR indented it or when it reads on from that column's
lines clearly better (a sentence's end before a small word), else the one where both columns
read better as German, counted as undecided. Where two splits of a line still fit nearly as
well, the line is counted as uncertain too, and the caller keeps the record flagged
(benchmarks/merged_columns.py measures how often a line that won by the sure margin is right,
benchmarks/columns_ocr.py the whole on pages Tesseract read across). The numbers are
ColumnSettings' (settings.py).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.language.grammar import disagreements, sequence_logprob, stranded_adjectives, tokens
from pipeline.language.lexicon import SUSPENDED_HYPHEN_NEXT, Lexicon, remembered_per_lexicon
from pipeline.records.column_runs import is_read_across, runs_joined_across_breaks
from pipeline.records.column_splits import ColumnSplit, kept_split
from pipeline.records.prose import labels_only
from pipeline.records.settings import DEFAULT_RECORDS_SETTINGS, RecordsSettings

SENTENCE_END = re.compile(r"[.!?:]\W*$")
SENTENCE_STOP = re.compile(r"[a-zäöüß]{2,}[.!?][“”\"»«]?$")  # a full stop after a word, not 'z.B.' or '2.'
BULLETS = ("...", "…", "•", "·", "▪", "*")


# Widths of characters in ems: the mean of Helvetica's and Times' (a sans and a serif face), since
# a column is set to one width in points, not in characters ('Illingen' is narrower than 'Wormsmaw').
# Characters not listed count as a lower-case letter.
EM_WIDTHS = {w: chars for w, chars in {
    0.25: "ijl", 0.26: " .,", 0.28: "t;:/", 0.31: "fI!", 0.33: "r-()", 0.38: '"„“”', 0.44: "sJ", 0.47: "cz",
    0.5: "aekvxyä?", 0.53: "bdghnopqu0123456789öü", 0.56: "ß", 0.58: "FL", 0.61: "PSTZ", 0.64: "E", 0.67: "B",
    0.69: "ACKRVXYÄ", 0.72: "wDHNUÜ&", 0.75: "GOQÖ", 0.81: "m", 0.86: "M", 0.94: "W"}.items()}
CHAR_EMS = {c: w for w, chars in EM_WIDTHS.items() for c in chars}


@lru_cache(maxsize=65536)
def text_measure(text: str) -> float:
    return sum(CHAR_EMS.get(c, 0.5) for c in text)


def split_points(line: str, settings: RecordsSettings, right_words: int | None = None) -> list[int]:
    """Positions of the spaces a line can be split at, each side keeping the column line's least
    words, the right one `right_words` where given (the right column's last line may end a
    paragraph in one word)."""
    least = settings.columns.min_side_words
    right_words = least if right_words is None else right_words
    spaces = [m.start() for m in re.finditer(r" +", line)]
    return [p for p in spaces if len(line[:p].split()) >= least and len(line[p:].split()) >= right_words]


def junction_cost(end: str, following: str, lexicon: Lexicon, settings: RecordsSettings) -> float:
    """Evidence from one column line's end and the next line of the same column (negative: for
    the split, positive: against it). A hyphenated end completed to a known word is for it, one
    completed to nothing against it; a lower-case fragment that is no word cannot end a line
    unhyphenated; after a full stop the next word is capitalised, and a capitalised word that is
    no noun ('Die', 'Wir') starts a sentence, so the line before it ends one."""
    c = settings.columns
    words, nexts = end.split(), following.split()
    if not words or not nexts:
        return 0.0
    last, first = words[-1], nexts[0]
    if last.endswith("-") and len(last) >= c.hyphenated_min_chars and first[:1].isalpha():
        if first[:1].isupper() or first in SUSPENDED_HYPHEN_NEXT:
            return 0.0  # 'Industrie- und', 'Bus-' 'Bahn': a hyphen that stays
        joined = re.sub(r"\W+$", "", last[:-1] + first)
        return -c.hyphen_bonus if lexicon.zipf(joined) >= c.known_join_zipf else c.hyphen_penalty
    cost = c.bullet_penalty if last in BULLETS else 0.0  # a bullet starts its line's text
    if fragment(last, c.fragment_max_zipf, c.noun_tail_by, lexicon):
        cost += c.fragment_penalty
    if fragment(first, c.fragment_max_zipf, c.noun_tail_by, lexicon):
        cost += c.fragment_penalty  # a hyphenation's tail, but the line before has no hyphen
    return cost + (c.case_penalty if breaks_case(last, first, lexicon) else 0.0)


@remembered_per_lexicon  # every split point of a run asks about the same word pairs
def breaks_case(last: str, first: str, lexicon: Lexicon) -> bool:
    """Two words read one after the other that break the rules of case: after a full stop the
    next word is capitalised, and a capitalised word that is no noun ('Die', 'Wir') starts a
    sentence, so a sentence ends before it."""
    core = re.sub(r"^\W+|\W+$", "", first)
    if SENTENCE_STOP.search(last) and core[:1].islower():
        return True
    return not SENTENCE_END.search(last) and core[:1].isupper() and core.isalpha() \
        and lexicon.spelled(core) < lexicon.spelled(core.lower())


def neighbours_cost(last: str, first: str, lexicon: Lexicon,
                    settings: RecordsSettings = DEFAULT_RECORDS_SETTINGS) -> float:
    """Two words of one line that cannot stand side by side in running text (a sentence starts
    without a stop before it; a word's tail follows a word that is not hyphenated): split between
    them, they may be the ends of two columns' lines). A list's bullet, standing alone, starts a
    line: an OCR reads bullets as '...', '•' or '*'."""
    c = settings.columns
    tail = fragment(first, c.fragment_max_zipf, c.noun_tail_by, lexicon) and not last.endswith("-")
    return (c.case_penalty if breaks_case(last, first, lexicon) else 0.0) + (c.fragment_penalty if tail else 0.0) \
        + (c.bullet_penalty if first in BULLETS else 0.0)


@remembered_per_lexicon
def fragment(word: str, max_zipf: float, noun_tail_by: float, lexicon: Lexicon) -> bool:
    """A lower-case piece of a word: no word of its own ('bnisse', 'rgien': rarer than
    `max_zipf`), or a noun's tail that running text writes capitalised ('punkt' of 'Knoten-punkt':
    capitalised, `noun_tail_by` commoner)."""
    core = re.sub(r"^\W+|\W+$", "", word)
    if not (core.isalpha() and core.islower()):
        return False
    return lexicon.zipf(core) < max_zipf or lexicon.spelled(core.capitalize()) - lexicon.spelled(core) >= noun_tail_by


@dataclass(frozen=True)
class Part:
    """What the width rules need of one column line: its width, whether it ends in a hyphen or a
    sentence, and the width of its first word with the space before it (for the line above)."""
    measure: float
    hyphenated: bool
    sentence_end: bool
    first: float

    @classmethod
    def of(cls, text: str) -> "Part":
        text = text.strip()
        return cls(text_measure(text), text.endswith("-"), bool(SENTENCE_END.search(text)),
                   text_measure(" " + first_word(text)) if text else 0.0)


def fit(part: Part, following: float | None, width: float, settings: RecordsSettings) -> float:
    """How far a column line breaks the rules that set it (in ems): it fits the column's width,
    and the next line's first word (`following`, its width) would not have fitted after it (the
    line is full). A hyphenated end and a line that ends a sentence (perhaps a paragraph) may
    stay short; of splits that fit alike, the fuller line is preferred a little."""
    fixed = fit_alone(part, width, settings)
    if following is None or part.hyphenated:
        return fixed
    return fixed + fullness_weight(part, settings) * max(0.0, width - (part.measure + following))


def fit_alone(part: Part, width: float, settings: RecordsSettings) -> float:
    """What fit() asks of a line whatever follows it: no wider than the column, fuller preferred."""
    return max(0.0, part.measure - width) + settings.columns.slack_weight * max(0.0, width - part.measure)


def fullness_weight(part: Part, settings: RecordsSettings) -> float:
    return settings.columns.paragraph_end_weight if part.sentence_end else 1.0


def split_run(lines: list[str], lexicon: Lexicon, below: list[str] = (), seen_width: float = 0.0,
              settings: RecordsSettings = DEFAULT_RECORDS_SETTINGS) -> ColumnSplit | None:
    """Lines that each hold a left and a right column line -> the two columns, or None when a
    line has no place to split. `below`: the lines under the run (the left column may go on);
    `seen_width`: the width of column lines around the run (the columns are no narrower). A run
    split before with the same code and word knowledge is read from the cache folder (kept_split)."""
    return kept_split(lines, below, seen_width, lexicon, settings,
                      lambda: split_run_afresh(lines, lexicon, below, seen_width, settings))


def split_run_afresh(lines: list[str], lexicon: Lexicon, below: list[str], seen_width: float,
                     settings: RecordsSettings) -> ColumnSplit | None:
    """split_run's search, not kept."""
    c = settings.columns
    points = [split_points(line, settings) for line in lines[:-1]] + [split_points(lines[-1], settings, right_words=1)]
    if not lines or any(not p for p in points):
        return None
    n = len(lines)
    lefts = [[Part.of(line[:p]) for p in pts] for line, pts in zip(lines, points)]
    rights = [[Part.of(line[p:]) for p in pts] for line, pts in zip(lines, points)]
    # the next left line starts where the next line starts; under the run, with the line below
    follow = [Part.of(l).first for l in lines[1:]] + [Part.of(below[0]).first if below else None]
    # the width of both columns is at least that of their widest line: one of the parts
    # below the width at which every line can be split with both parts fitting, over-long parts
    # cost more than any rule saves: those widths are not tried
    least = max(min(max(l.measure, r.measure) for l, r in zip(ls, rs)) for ls, rs in zip(lefts, rights))
    least = max(least - c.narrower_tried, seen_width - c.seen_width_tolerance)
    most = seen_width + c.seen_width_above if seen_width else math.inf
    measures = {part.measure for row in lefts + rights for part in row} | ({seen_width} if seen_width else set())
    steps = c.width_steps_per_em
    widths = sorted({round(m * steps) / steps for m in measures if least <= m <= most})
    if not widths:  # the lines seen around do not fit the run: its own lines decide
        widths = sorted({round(m * steps) / steps for m in measures if m >= least})
    # junctions[i][j][k]: line i split at its j-th point, line i+1 at its k-th
    junctions = [[[junction_cost(lines[i][:p], lines[i + 1][:q], lexicon, settings)
                   + junction_cost(lines[i][p:], lines[i + 1][q:], lexicon, settings)
                   for q in points[i + 1]] for p in points[i]] for i in range(n - 1)]

    def prior(width: float) -> float:  # a width wider than the column lines seen around costs
        return c.seen_width_weight * max(0.0, width - seen_width - c.seen_width_tolerance) if seen_width else 0.0

    # words on either side of a split that could not be neighbours in running text
    extra = [[-neighbours_cost(line[:p].split()[-1], line[p:].split()[0], lexicon, settings) for p in pts]
             for line, pts in zip(lines, points)]
    # the right column goes on from the left one's last line (under the run, where there is one)
    if below:
        extra[0] = [e + junction_cost(below[-1], lines[0][p:], lexicon, settings) for e, p in zip(extra[0], points[0])]
    width, chosen, costs = columns_of_least_cost(lefts, rights, follow, extra, junctions, widths, prior, settings)
    if not below:  # the left column's last line goes on in the right column's first: known now
        opening = lines[0][points[0][chosen[0]] :]
        follow[-1] = Part.of(opening).first
        extra[-1] = [e + junction_cost(lines[-1][:p], opening, lexicon, settings) for e, p in zip(extra[-1], points[-1])]
        width, chosen, costs = columns_of_least_cost(lefts, rights, follow, extra, junctions, widths, prior, settings)
    chosen, margins = splits_settled_by_reading(lines, points, chosen, costs, below, settings, lexicon)
    left = [line[: points[i][k]].strip() for i, (line, k) in enumerate(zip(lines, chosen))]
    right = [line[points[i][k] :].strip() for i, (line, k) in enumerate(zip(lines, chosen))]
    return ColumnSplit(left, right, width, tuple(margins), sum(m < c.sure_margin for m in margins))


def splits_settled_by_reading(lines: list[str], points: list[list[int]], chosen: list[int], costs: list[list[float]],
                              below: list[str], settings: RecordsSettings,
                              lexicon: Lexicon) -> tuple[list[int], list[float]]:
    """Where the widths leave a line two or more splits that fit nearly alike (a short word fits
    either column), the one whose columns read best decides: each column's lines around it, as
    German (reading_score), summed over both columns; the rivals hold the same words,
    so their readings compare. -> the splits, and per line by how much its split beats the next
    best (in ems, a nat of reading counting the reading weight; below the sure margin it is
    undecided)."""
    c = settings.columns
    chosen = list(chosen)
    margins = [min((c - row[chosen[i]] for k, c in enumerate(row) if k != chosen[i]), default=math.inf)
               for i, row in enumerate(costs)]
    for i, row in enumerate(costs):
        rivals = [k for k in range(len(row)) if row[k] - row[chosen[i]] < c.rival_margin]
        if len(rivals) < 2:
            continue

        def reading(k: int) -> float:
            split = [points[j][k if j == i else chosen[j]] for j in range(len(lines))]
            near = range(max(0, i - c.reading_window_lines), min(len(lines), i + c.reading_window_lines + 1))
            left = [lines[j][: split[j]] for j in near]
            right = [lines[j][split[j] :] for j in near]
            # the left column's end goes on below the run, or else in the right column's first line
            if i == len(lines) - 1:
                left += list(below[:1]) if below else [lines[0][split[0] :]]
            if i == 0:  # and the right column's first line goes on from the left column's end
                right = [below[-1] if below else lines[-1][: split[-1]]] + right
            return sum(reading_score(join_column_lines(side), c.disagreement_nats, lexicon) for side in (left, right))

        scored = sorted((row[k] - c.reading_weight * reading(k), k) for k in rivals)
        chosen[i] = scored[0][1]
        margins[i] = scored[1][0] - scored[0][0]
    return chosen, margins


@remembered_per_lexicon  # a run is split again when lines join it: the same windows are read again
def reading_score(text: str, disagreement_nats: float, lexicon: Lexicon) -> float:
    """How well a text reads as German, in nats: the log-probability of its tags, less
    `disagreement_nats` for each determiner that cannot go with its noun ('des Klimafolgen')."""
    words = tokens(text)
    tags = lexicon.tags
    return sequence_logprob(words, tags) - disagreement_nats * (disagreements(words) + stranded_adjectives(words, tags))


def first_word(line: str) -> str:
    words = line.split()
    return words[0] if words else ""


def columns_of_least_cost(lefts: list[list[Part]], rights: list[list[Part]], follow: list[float | None],
                          extra: list[list[float]], junctions: list[list[list[float]]],
                          widths: list[float], prior,
                          settings: RecordsSettings) -> tuple[float, list[int], list[list[float]]]:
    """The width (the columns share one) whose best splits cost least, `prior(width)` added ->
    that width, the splits and each line's cost per split with its neighbours as chosen."""
    width = min(widths, key=lambda w: least_cost(lefts, rights, follow, extra, junctions, w, settings)[0] + prior(w))
    _, chosen, costs = least_cost(lefts, rights, follow, extra, junctions, width, settings, count_rivals=True)
    return width, chosen, costs


def least_cost(lefts: list[list[Part]], rights: list[list[Part]], follow: list[float | None],
               extra: list[list[float]], junctions: list[list[list[float]]], width: float, settings: RecordsSettings,
               count_rivals: bool = False) -> tuple[float, list[int], list[list[float]]]:
    """For one column width: the split of every line (an index into its split points) with the
    least total cost (how the left and the right parts fit their columns, plus the evidence
    between neighbouring lines of each column, and that of each line's own split: `extra`), and,
    with `count_rivals`, each line's cost per split with its neighbours as chosen."""
    n = len(lefts)
    unary = [[fit(part, follow[i], width, settings) + extra[i][k] for k, part in enumerate(row)]
             for i, row in enumerate(lefts)]
    for k, part in enumerate(rights[-1]):  # the last right line: nothing below it in the run
        unary[-1][k] += max(0.0, part.measure - width)
    # pairs[i][k][j]: line i's right part (split j) above line i+1's (split k), as fit() scores it
    pairs = [right_pairs(rights[i], rights[i + 1], junctions[i], width, settings) for i in range(n - 1)]
    cost = [list(unary[0])]
    back: list[list[int]] = [[-1] * len(unary[0])]
    for i in range(1, n):
        previous, row, links = cost[i - 1], [], []
        for column, here in zip(pairs[i - 1], unary[i]):
            options = [before + pair for before, pair in zip(previous, column)]
            best = min(options)
            row.append(best + here)
            links.append(options.index(best))  # the first of equal options, as min() takes it
        cost.append(row)
        back.append(links)
    k = min(range(len(cost[-1])), key=cost[-1].__getitem__)
    total = cost[-1][k]
    chosen = [0] * n
    for i in range(n - 1, -1, -1):
        chosen[i] = k
        k = back[i][k]
    if not count_rivals:
        return total, chosen, []

    def with_split(i: int, k: int) -> float:  # the cost of line i split at k, its neighbours as chosen
        c = unary[i][k]
        if i > 0:
            c += pairs[i - 1][k][chosen[i - 1]]
        if i + 1 < n:
            c += pairs[i][chosen[i + 1]][k]
        return c

    costs = [[with_split(i, k) for k in range(len(unary[i]))] for i in range(n)]
    return total, chosen, costs


def right_pairs(upper: list[Part], lower: list[Part], junction: list[list[float]], width: float,
                settings: RecordsSettings) -> list[list[float]]:
    """fit(upper[j], lower[k].first, width) + junction[j][k] for every k (outer) and j: the same
    sums, with what depends on j alone computed once (max(0.0, x) written out: x > 0.0 or 0.0)."""
    fixed = [(fit_alone(part, width, settings), None if part.hyphenated else fullness_weight(part, settings),
              part.measure) for part in upper]
    return [[f + jc if weight is None else f + weight * (gap if (gap := width - (measure + first)) > 0.0 else 0.0) + jc
             for (f, weight, measure), jc in zip(fixed, column)]
            for first, column in zip((part.first for part in lower), zip(*junction))]


def wide_rows(lines: list[str], width: float, settings: RecordsSettings) -> list[int]:
    """Which of these lines are wider than two columns' lines could be alone (`wider_by` more
    than a column): rows of both columns, though not far longer than the usual line."""
    return [j for j, l in enumerate(lines)
            if split_points(l, settings) and text_measure(l.strip()) > width + settings.columns.wider_by]


def in_right_column(line: str, left: list[str], right: list[str], following: tuple[str, str],
                    lexicon: Lexicon, settings: RecordsSettings = DEFAULT_RECORDS_SETTINGS) -> tuple[bool, bool]:
    """A short line between lines read across stands in one column (the other was empty on that
    row) -> (in the right one, sure). The right one when the OCR indented it, or when it reads on
    from the right column's line above and into its line below clearly better than from the left
    column's (a sentence's end before a small word: 'gesammelt wird.' 'die Praxis.'); the left
    one when that column reads on clearly better; otherwise the one where both columns read
    better as German (reading_score), unsure."""
    if line[:1].isspace():
        return True, True
    c = settings.columns

    def cost(above: list[str], below: str) -> float:
        return (junction_cost(above[-1], line, lexicon, settings) if above else 0.0) + \
            (junction_cost(line, below, lexicon, settings) if below else 0.0)

    gap = cost(left, following[0]) - cost(right, following[1])
    if abs(gap) >= c.side_line_margin:
        return gap > 0, True
    # nothing at the junctions decides: the way both columns read as German leans, unsure

    def reading(side: list[str], below: str, with_line: bool) -> float:
        return reading_score(join_column_lines(side[-1:] + ([line] if with_line else []) + [below]), c.disagreement_nats, lexicon)

    in_left = reading(left, following[0], True) + reading(right, following[1], False)
    in_right = reading(left, following[0], False) + reading(right, following[1], True)
    return c.reading_weight * (in_right - in_left) + gap > 0, False


def run_in_column_order(left: list[str], right: list[str], below: list[str]) -> tuple[list[str], int]:
    """A run's lines in reading order, and how many of the lines under it were put after the left
    column (left_column_end); the rest follow the right column."""
    k = left_column_end(left, right, below)
    return left + below[:k] + right + below[k:], k


def left_column_end(left: list[str], right: list[str], below: list[str]) -> int:
    """How many lines under a run go on with its left column. All of them, unless the OCR indented
    the first (the left column had nothing there) or the left column ends a sentence and the right
    one stops inside one: then none. Further down, the left column stops before a line the OCR
    indented: a block of its own starts there (a box under the columns), and it follows both
    columns. (That the left column's text reads on across the cut is no evidence of its own: a
    heading, a nominalised verb or an OCR's capital starts a line as 'Das' does.)"""
    left_closed = bool(left) and bool(SENTENCE_END.search(left[-1]))
    right_open = bool(right) and not SENTENCE_END.search(right[-1])
    if not below or below[0][:1].isspace() or (left_closed and right_open):
        return 0
    return next((k for k in range(1, len(below)) if below[k][:1].isspace()), len(below))


def one_wide_column(lines: list[str], across: list[bool], settings: RecordsSettings) -> bool:
    """Lines taken as read across, hardly longer than the paragraph's other full lines (all but its
    last), none with a word broken inside it: one wide column whose lines run past the pages' usual
    length (a one-column design among narrower lines), not two columns read as one. A paragraph
    read across nearly whole, one line short of the mark, looks the same by its lengths (all of
    them far past the usual line: a lead paragraph over both columns is so too), and stays whole."""
    others = [len(l.strip()) for l, a in zip(lines[:-1], across[:-1]) if not a and len(l.split()) >= 3]
    longest = max((len(l.strip()) for l, a in zip(lines, across) if a), default=0)
    return bool(others) and longest <= settings.columns.one_column_max_ratio * sorted(others)[len(others) // 2] \
        and not any(BROKEN_INSIDE.search(l) for l in lines)


# a word broken inside a line ('Fähigkei- ten'; not 'Lebens- und'): the line holds two columns' text
BROKEN_INSIDE = re.compile(r"[^\W\d_]-\s+(?!(?:" + "|".join(SUSPENDED_HYPHEN_NEXT) + r")\b)[a-zäöüß]")


def column_width_around(paragraphs: list[list[str]], run: list[str], usual: float,
                        settings: RecordsSettings = DEFAULT_RECORDS_SETTINGS) -> float:
    """The width of the column lines (not read across, three words or more, narrower than the
    run's halves could be) in the paragraphs around a run: most lines of a column are full, so a
    high quantile of their widths, which a few lines glued otherwise or ending a paragraph do
    not move; 0 when fewer than `column_seen_lines` are seen."""
    c = settings.columns
    narrowest = min(text_measure(l.strip()) for l in run)
    widths = sorted(w for l in column_lines(paragraphs, usual, settings)
                    if (w := text_measure(l.strip())) < c.column_share * narrowest)
    return widths[int(c.seen_quantile * (len(widths) - 1))] if len(widths) >= c.column_seen_lines else 0.0


def column_seen(paragraphs: list[list[str]], usual: float, width: float, settings: RecordsSettings) -> bool:
    """Lines that were not read across show a column of that width (`column_seen_lines` lines at
    least): a page set in one wide column has long lines too, but none of half their width."""
    c = settings.columns
    seen = [l for l in column_lines(paragraphs, usual, settings)
            if c.column_seen_low * width <= text_measure(l.strip()) <= c.column_seen_high * width]
    return len(seen) >= c.column_seen_lines


def column_lines(paragraphs: list[list[str]], usual: float, settings: RecordsSettings) -> list[str]:
    """The lines that measure a column: not read across, and long enough to be full."""
    return [l for p in paragraphs for l in p
            if not is_read_across(l, usual, settings) and len(l.split()) >= settings.columns.measured_line_min_words]


def paragraphs_in_column_order(paragraphs: list[list[str]], usual: float, lexicon: Lexicon,
                               settings: RecordsSettings = DEFAULT_RECORDS_SETTINGS
                               ) -> tuple[list[str], list[tuple[str, bool]]]:
    """The lines of each paragraph as the OCR gave them -> the paragraphs' texts, in column order
    where lines were read across, and notes for the reviewer (note, sure). Short lines between
    read-across lines belong to one column: the right one when the OCR indented them (the left
    column had nothing there), else the left one. A paragraph right under a run, shorter than it,
    may be the left column's end (run_in_column_order decides)."""
    c = settings.columns
    paragraphs = runs_joined_across_breaks(paragraphs, usual, settings)
    texts: list[str] = []
    notes: list[tuple[str, bool]] = []
    i = 0
    while i < len(paragraphs):
        lines = paragraphs[i]
        across = [is_read_across(l, usual, settings) for l in lines]
        if one_wide_column(lines, across, settings):
            across = [False] * len(lines)
        if not any(across):
            texts.append(join_column_lines(lines))
            i += 1
            continue
        first, end = across.index(True), len(across) - across[::-1].index(True)
        run = [l for l, a in zip(lines[first:end], across[first:end]) if a]
        around = c.seen_paragraphs_around
        seen = column_width_around(paragraphs[max(0, i - around) : i + around + 1], run, usual, settings)
        split = split_run(run, lexicon, lines[end:], seen, settings)
        # a line in the run or under it wider than its columns holds a right part too ('… Doch
        # die Stadt gen vor.'): the OCR read it across, though it is not far longer than usual
        wider = split and [j for j in range(first, end) if not across[j] and split_points(lines[j], settings)
                           and text_measure(lines[j].strip()) > split.width + c.wider_by]
        if wider:
            for j in wider:
                across[j] = True
            run = [l for l, a in zip(lines[first:end], across[first:end]) if a]
            split = split_run(run, lexicon, lines[end:], seen, settings)
        # so may lines under the run, a few short ones between (a row with one column empty)
        while split and (wide := wide_rows(lines[end : end + c.run_gap_lines + 1], split.width, settings)):
            end += wide[0] + 1
            across[end - 1] = True
            run = [l for l, a in zip(lines[first:end], across[first:end]) if a]
            split = split_run(run, lexicon, lines[end:], seen, settings)
        following = paragraphs[i + 1] if i + 1 < len(paragraphs) else []
        wide = split and wide_rows(following, split.width, settings)
        if wide and len(lines) - end + wide[0] <= c.run_gap_lines:
            # the paragraph under the run holds rows read across, short ones: a break in one column
            paragraphs = paragraphs[: i] + [lines + following] + paragraphs[i + 2 :]
            continue
        below, taken = lines[end:], False
        if split and not below and following and len(following) < len(run) \
                and not any(is_read_across(l, usual, settings) for l in following):
            below, taken = following, True
            split = split_run(run, lexicon, below, seen, settings)
        if split is None or not column_seen(paragraphs, usual, split.width, settings):
            texts.append(join_column_lines(lines))
            why = "no split was found" if split is None else f"no line of the pages is as wide as such a column ({split.width:.0f} ems)"
            notes.append((f"lines far longer than the usual line ({len(run)}): two columns read across, or a wider "
                          f"layout; the order was not rebuilt, since {why}", False))
            i += 1
            continue
        left, right, parts = [], [], list(zip(split.left, split.right))
        taken_parts = undecided = 0
        for line, a in zip(lines[first:end], across[first:end]):
            if a:
                l, r = parts[taken_parts]
                taken_parts += 1
                left.append(l)
                right.append(r)
            else:
                next_parts = parts[taken_parts] if taken_parts < len(parts) else ("", "")
                to_right, sure = in_right_column(line, left, right, next_parts, lexicon, settings)
                (right if to_right else left).append(line)
                undecided += not sure
        ordered, below_in = run_in_column_order(left, right, below)
        if taken and not below_in:
            ordered, taken = left + right, False  # the paragraph under the run stays a paragraph of its own
        # lines under the run that follow both columns (a box under them) are a paragraph of their own
        after_both = below[below_in:] if 0 < below_in < len(below) else []
        texts.append(join_column_lines(lines[:first] + ordered[: len(ordered) - len(after_both)]))
        if after_both:
            texts.append(join_column_lines(after_both))
        note = (f"reading order rebuilt: the lines an OCR read across two columns ({len(run)}) were split into "
                f"the left and the right column" + (", with the lines under them after the left one" if below_in else ""))
        doubts = [f"{split.uncertain} of the splits may be off by a word or two"] if split.uncertain else []
        doubts += [f"{undecided} short line{'s' if undecided > 1 else ''} between them may stand in the other column"] \
            if undecided else []
        right_text = " ".join(r.strip() for r in right)
        if right and labels_only(right_text) and not SENTENCE_END.search(right_text):
            doubts.append(f"the right column's words ('{right_text[:40]}') have no function word and end no "
                          "sentence: a figure's labels read into the rows?")
        left_end = below[below_in - 1] if below_in else left[-1] if left else ""
        if right and junction_cost(left_end, right[0], lexicon, settings) >= c.broken_junction:
            doubts.append("the right column's first line does not go on from the left column's end "
                          "(part of a column may stand elsewhere in the text)")
        notes.append((note, True) if not doubts else (f"{note}; {'; '.join(doubts)}: check the order", False))
        i += 2 if taken else 1
    return texts, notes


def join_column_lines(lines: list[str]) -> str:
    """Lines of one text in reading order -> running text: a word hyphenated at a line end is
    joined again ('Verkehrsplanungsgrundla-' 'gen' -> 'Verkehrsplanungsgrundlagen'); a
    hyphen before a capital or before 'und'/'oder' stays ('Industrie- und')."""
    text = ""
    for line in (l.strip() for l in lines if l.strip()):
        hyphenated = re.search(r"[^\W\d_]-$", text) is not None  # 'Verkehrs-', not a dash ('SmartHub -')
        if hyphenated and line[:1].islower() and line.split()[0] not in SUSPENDED_HYPHEN_NEXT:
            text = text[:-1] + line
        elif hyphenated and line[:1].isupper():
            text = text + line
        else:
            text = f"{text} {line}" if text else line
    return text
