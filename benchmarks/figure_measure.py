"""The measures of the figure family (benchmarks/figure_family.py): which printed words a record's
description holds that it should not (figure debris), and which prose words it lacks (lost), with
matching that tolerates OCR damage. How the matching works is told in figure_family's docstring.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from rapidfuzz import fuzz

SIMILAR = 75  # rapidfuzz ratio (0-100) at which two normalised words of 4+ letters are one word
DAMAGED_GAP = 3  # unmatched runs up to this many words, equally long on both sides, pair as OCR damage
DAMAGED_SIMILAR = 50  # ... when their letters are at least this similar
MOVED_RUN = 3  # a run of this many words found in another place counts as found there
DP_CELLS = 60_000  # gaps larger than this are matched greedily


def word_key(token: str) -> str:
    """Case, accents and umlauts folded (an English model reads 'ä' as 'a'), ß as ss, and anything
    but letters and digits dropped ('2.400' -> '2400', '•' -> '')."""
    folded = unicodedata.normalize("NFKD", token.casefold().replace("ß", "ss"))
    return re.sub(r"[^a-z0-9]", "", "".join(c for c in folded if not unicodedata.combining(c)))


def tokens(text: str) -> list[tuple[str, str]]:
    """Text -> (word as printed, key); words split at hyphens and slashes too, so a hyphenation
    joined differently or a compound split by OCR still pairs up part by part."""
    out = []
    for raw in text.split():
        for part in re.split(r"[-‐–—/]", raw):
            key = word_key(part)
            if key:
                out.append((part, key))
    return out


def similar(a: str, b: str) -> bool:
    """Equal, or alike letter for letter and about as long (a word and a compound holding it are two
    words: the gap rule of `gap_pairs` pairs a compound OCR joined with its parts)."""
    short, long_ = sorted((len(a), len(b)))
    return a == b or (short >= 4 and short >= 0.75 * long_ and fuzz.ratio(a, b) >= SIMILAR)


def align(ref: list[str], hyp: list[str], moved_runs: bool = True) -> tuple[set[int], set[int]]:
    """Keys of the truth and of the output -> (truth positions matched, output positions matched).
    Exact runs anchor (difflib); between anchors, words pair by an order-keeping fuzzy alignment,
    and what is left pairs as OCR damage when equally many words of similar letters stand on
    both sides; then runs found elsewhere (a moved paragraph) match too."""
    ref_hit: set[int] = set()
    hyp_hit: set[int] = set()
    i0 = j0 = 0
    for block in SequenceMatcher(None, ref, hyp, autojunk=False).get_matching_blocks():
        gap_pairs(ref, hyp, range(i0, block.a), range(j0, block.b), ref_hit, hyp_hit)
        ref_hit.update(range(block.a, block.a + block.size))
        hyp_hit.update(range(block.b, block.b + block.size))
        i0, j0 = block.a + block.size, block.b + block.size
    if moved_runs:
        rest_ref = [i for i in range(len(ref)) if i not in ref_hit]
        rest_hyp = [j for j in range(len(hyp)) if j not in hyp_hit]
        matcher = SequenceMatcher(None, [ref[i] for i in rest_ref], [hyp[j] for j in rest_hyp], autojunk=False)
        for block in matcher.get_matching_blocks():
            if block.size >= MOVED_RUN:
                ref_hit.update(rest_ref[block.a:block.a + block.size])
                hyp_hit.update(rest_hyp[block.b:block.b + block.size])
    return ref_hit, hyp_hit


def gap_pairs(ref: list[str], hyp: list[str], ri: range, hj: range, ref_hit: set[int], hyp_hit: set[int]) -> None:
    if not ri or not hj:
        return
    pairs = fuzzy_lcs(ref, hyp, ri, hj) if len(ri) * len(hj) <= DP_CELLS else greedy_pairs(ref, hyp, ri, hj)
    bounds = [(ri.start - 1, hj.start - 1)] + pairs + [(ri.stop, hj.stop)]
    for (a0, b0), (a1, b1) in zip(bounds, bounds[1:]):
        left, right = list(range(a0 + 1, a1)), list(range(b0 + 1, b1))
        if left and right and abs(len(left) - len(right)) <= (1 if len(left) + len(right) <= 3 else 0) \
                and max(len(left), len(right)) <= DAMAGED_GAP \
                and fuzz.ratio("".join(ref[i] for i in left), "".join(hyp[j] for j in right)) >= DAMAGED_SIMILAR:
            ref_hit.update(left)  # the same words, damaged, split or joined
            hyp_hit.update(right)
    for a, b in pairs:
        ref_hit.add(a)
        hyp_hit.add(b)


def fuzzy_lcs(ref: list[str], hyp: list[str], ri: range, hj: range) -> list[tuple[int, int]]:
    n, m = len(ri), len(hj)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for x in range(n - 1, -1, -1):
        row, below = table[x], table[x + 1]
        for y in range(m - 1, -1, -1):
            row[y] = below[y + 1] + 1 if similar(ref[ri[x]], hyp[hj[y]]) else max(below[y], row[y + 1])
    pairs, x, y = [], 0, 0
    while x < n and y < m:
        if table[x][y] == table[x + 1][y + 1] + 1 and similar(ref[ri[x]], hyp[hj[y]]):
            pairs.append((ri[x], hj[y]))
            x, y = x + 1, y + 1
        elif table[x + 1][y] >= table[x][y + 1]:
            x += 1
        else:
            y += 1
    return pairs


def greedy_pairs(ref: list[str], hyp: list[str], ri: range, hj: range) -> list[tuple[int, int]]:
    pairs, y = [], hj.start
    for x in ri:
        for z in range(y, min(hj.stop, y + 50)):
            if similar(ref[x], hyp[z]):
                pairs.append((x, z))
                y = z + 1
                break
    return pairs


@dataclass
class RecordMeasure:
    name: str
    prose: int  # prose words printed
    debris: list[tuple[str, str]] = field(default_factory=list)  # (word, kind of figure it came from)
    to_figure_text: list[str] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)  # prose found in another record or field
    furniture: list[str] = field(default_factory=list)  # prose taken out as running lines
    missing: list[str] = field(default_factory=list)
    unread: int = 0  # of the missing, words the input text itself lacks (the OCR never read them)
    other_extra: list[str] = field(default_factory=list)  # description words neither prose nor figure
    scrambled: int = 0  # prose words in the description, but out of order (lines read interleaved)
    flagged: bool = False  # 'description' in needs_review
    lost_runs: list[str] = field(default_factory=list)  # runs of lost prose, as printed
    debris_runs: list[str] = field(default_factory=list)

    @property
    def lost(self) -> int:
        return len(self.to_figure_text) + len(self.moved) + len(self.furniture) + len(self.missing)

    @property
    def tolerance(self) -> int:
        return max(2, round(0.01 * self.prose))

    @property
    def problem(self) -> bool:
        return len(self.debris) > self.tolerance or self.lost > self.tolerance

    @property
    def unflagged(self) -> bool:
        return self.problem and not self.flagged


def figure_bag(truth_project: dict) -> list[tuple[str, str]]:
    """(key, kind) of every figure word drawn on a project's pages."""
    return [(key, figure["kind"]) for page in truth_project["pages"] for figure in page["figures"]
            for _, key in tokens(figure["text"])]


def measure_record(truth: dict, record: dict, others: list[dict], foreign_figures: list[tuple[str, str]],
                   input_keys: list[str] | None = None, removed_lines: list[str] = ()) -> RecordMeasure:
    """One truth project and the record the tool made of it -> its measure. `others`: the other
    records of the output (where moved prose may have gone); `foreign_figures`: the figure words of
    the other projects; `input_keys`: the keys of the input text (to tell what the OCR never read);
    `removed_lines`: the lines the tool took out as running headers and footers."""
    prose = tokens(truth["description"])
    desc = tokens(record.get("description") or "")
    m = RecordMeasure(truth["name"], len(prose), flagged="description" in (record.get("needs_review") or []))
    prose_hit, desc_hit = align([k for _, k in prose], [k for _, k in desc])
    own = defaultdict(list)
    for key, kind in figure_bag(truth):
        own[key].append(kind)
    foreign = defaultdict(list)
    for key, kind in foreign_figures:
        foreign[key].append(kind)
    run: list[str] = []
    for j, (word, key) in enumerate(desc):
        if j in desc_hit:
            flush(run, m.debris_runs)
            continue
        kind = take_similar(own, key) or take_similar(foreign, key)
        if kind:
            m.debris.append((word, kind))
            run.append(word)
        else:
            flush(run, m.debris_runs)
            m.other_extra.append(word)
    flush(run, m.debris_runs)
    extra = defaultdict(list)  # what is neither prose in order nor figure: prose out of order?
    for word in m.other_extra:
        extra[word_key(word)].append(word)
    lost = []
    for i in range(len(prose)):
        if i in prose_hit:
            continue
        word = take_similar(extra, prose[i][1])
        if word is None:
            lost.append(i)
        else:
            m.scrambled += 1
            m.other_extra.remove(word)
    lost_keys = [prose[i][1] for i in lost]
    figure_text = tokens(" ".join(record.get("figure_text") or []))
    in_figures, used = align(lost_keys, [k for _, k in figure_text])
    rest = defaultdict(list)  # figure_text an OCR read in another order: word by word, but only
    for j, (_, key) in enumerate(figure_text):  # words the figures do not explain
        if j not in used:
            rest[key].append("")
    for key, _ in figure_bag(truth):
        take_similar(rest, key)
    in_figures |= {n for n, key in enumerate(lost_keys) if n not in in_figures and take_similar(rest, key) is not None}
    elsewhere_text = " ".join(v for o in others for v in (o.get("description") or "", *(o.get("figure_text") or [])))
    elsewhere_text += " " + " ".join(str(record.get(f) or "") for f in ("name", "title", "motto"))
    moved = runs_found_in([i for n, i in enumerate(lost) if n not in in_figures], prose,
                          [k for _, k in tokens(elsewhere_text)])
    read = align([k for _, k in prose], input_keys)[0] if input_keys is not None else set(range(len(prose)))
    furniture = lines_found_at(removed_lines, prose, {i for n, i in enumerate(lost) if n not in in_figures} - moved)
    for n, i in enumerate(lost):
        word = prose[i][0]
        if n in in_figures:
            m.to_figure_text.append(word)
        elif i in moved:
            m.moved.append(word)
        elif i in furniture:
            m.furniture.append(word)
        else:
            m.missing.append(word)
            m.unread += i not in read
    previous = None
    for i in lost:
        if previous is not None and i == previous + 1:
            m.lost_runs[-1] += " " + prose[i][0]
        else:
            m.lost_runs.append(prose[i][0])
        previous = i
    return m


def runs_found_in(positions: list[int], prose: list[tuple[str, str]], elsewhere: list[str]) -> set[int]:
    """Of the prose `positions`, those in a run of MOVED_RUN or more consecutive words of which at
    least half the word triples occur in `elsewhere` (another record, another field)."""
    triples = {tuple(elsewhere[k:k + 3]) for k in range(len(elsewhere) - 2)}
    found: set[int] = set()
    runs: list[list[int]] = []
    for i in positions:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        if len(run) < MOVED_RUN:
            continue
        keys = [prose[i][1] for i in run]
        hits = sum(tuple(keys[k:k + 3]) in triples for k in range(len(keys) - 2))
        if hits * 2 >= len(keys) - 2:
            found.update(run)
    return found


def lines_found_at(lines: list[str], prose: list[tuple[str, str]], positions: set[int]) -> set[int]:
    """Of the prose `positions`, those where a whole line of `lines` stands, word for word."""
    found: set[int] = set()
    keys = [k for _, k in prose]
    for line in lines:
        want = [k for w, k in tokens(line) if not re.fullmatch(r"\(cid:\d+\)", w)]  # a bullet a text layer lacks
        for start in range(len(keys) - len(want) + 1) if want else ():
            span = range(start, start + len(want))
            if all(i in positions and i not in found and similar(keys[i], w) for i, w in zip(span, want)):
                found.update(span)
                break
    return found


def take_similar(bag: dict[str, list[str]], key: str) -> str | None:
    """Takes one figure word like `key` out of the bag; returns its figure's kind."""
    if bag.get(key):
        return bag[key].pop()
    for other, kinds in bag.items():
        if kinds and similar(key, other):
            return kinds.pop()
    return None


def flush(run: list[str], into: list[str]) -> None:
    if run:
        into.append(" ".join(run))
        run.clear()
