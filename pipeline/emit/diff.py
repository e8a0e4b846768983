"""corrections.diff: the unified diff of the raw text against the cleaned one, made from the
ledger. The lines an applied edit touches are the changed ones, so the diff takes time in
proportion to the text (difflib's line matcher is quadratic on a text of many like lines: half a
megabyte of a repeated brochure took 48 s). Its format is difflib.unified_diff's, with one line
of context.
"""
from __future__ import annotations

from pipeline.edits import Edit

CONTEXT = 1


def lines_of(text: str) -> list[str]:
    """The text's lines as diff tools count them: broken at '\\n' only (a PDF's page break, a form
    feed, stays inside its line, as `patch` and `git apply` read it)."""
    lines = text.split("\n")
    return [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])


def line_starts(text: str) -> list[int]:
    """Where each line of `lines_of(text)` starts."""
    starts, at = [], 0
    for line in lines_of(text):
        starts.append(at)
        at += len(line)
    return starts or [0]


def changed_line_runs(starts: list[int], edits: list[Edit]) -> list[tuple[int, int]]:
    """The numbers of the raw text's lines (starting at `starts`; 0-based, end exclusive) that
    applied edits touch, in runs."""
    touched: set[int] = set()
    line = 0
    for e in sorted((e for e in edits if e.applied), key=lambda e: e.start):
        while line + 1 < len(starts) and starts[line + 1] <= e.start:
            line += 1
        # the last line it touches: where its end falls; one that takes out or puts in a line
        # break joins the line after it too
        breaks = "\n" in e.before + e.after
        reach = e.end if breaks else max(e.end, e.start + 1) - 1
        last = line
        while last + 1 < len(starts) and starts[last + 1] <= reach:
            last += 1
        touched.update(range(line, last + 1))
    runs: list[tuple[int, int]] = []
    for number in sorted(touched):
        if runs and runs[-1][1] == number:
            runs[-1] = (runs[-1][0], number + 1)
        else:
            runs.append((number, number + 1))
    return runs


def opcodes(raw: str, text: str, edits: list[Edit]) -> tuple[list[str], list[str], list[tuple]]:
    """The raw and the cleaned text as lines, and difflib-style opcodes between them: the lines no
    applied edit touches are equal, each run of touched lines is replaced by the cleaned lines
    it became."""
    raw_lines, text_lines = lines_of(raw), lines_of(text)
    raw_starts = line_starts(raw)
    applied = sorted((e for e in edits if e.applied), key=lambda e: e.start)
    codes, i, j, shift, k = [], 0, 0, 0, 0
    text_starts = line_starts(text)
    for first, stop in changed_line_runs(raw_starts, edits):
        if first > i:
            codes.append(("equal", i, first, j, j + first - i))
            j += first - i
        raw_end = raw_starts[stop] if stop < len(raw_starts) else len(raw)
        while k < len(applied) and applied[k].start < raw_end:
            shift += len(applied[k].after) - len(applied[k].before)
            k += 1
        text_end = raw_end + shift
        j_stop = j
        while j_stop < len(text_lines) and text_starts[j_stop] < text_end:
            j_stop += 1
        stop = min(stop, len(raw_lines))
        tag = "replace" if stop > first and j_stop > j else "delete" if stop > first else "insert"
        codes.append((tag, first, stop, j, j_stop))
        i, j = stop, j_stop
    if i < len(raw_lines) or j < len(text_lines):
        codes.append(("equal", i, len(raw_lines), j, len(text_lines)))
    return raw_lines, text_lines, codes


def grouped(codes: list[tuple], n: int = CONTEXT) -> list[list[tuple]]:
    """difflib.SequenceMatcher.get_grouped_opcodes, over the opcodes given."""
    codes = list(codes) or [("equal", 0, 1, 0, 1)]
    if codes[0][0] == "equal":
        tag, i1, i2, j1, j2 = codes[0]
        codes[0] = tag, max(i1, i2 - n), i2, max(j1, j2 - n), j2
    if codes[-1][0] == "equal":
        tag, i1, i2, j1, j2 = codes[-1]
        codes[-1] = tag, i1, min(i2, i1 + n), j1, min(j2, j1 + n)
    groups, group = [], []
    for tag, i1, i2, j1, j2 in codes:
        if tag == "equal" and i2 - i1 > 2 * n:
            group.append((tag, i1, min(i2, i1 + n), j1, min(j2, j1 + n)))
            groups.append(group)
            group = []
            i1, j1 = max(i1, i2 - n), max(j1, j2 - n)
        group.append((tag, i1, i2, j1, j2))
    if group and not (len(group) == 1 and group[0][0] == "equal"):
        groups.append(group)
    return groups


def unified_range(start: int, stop: int) -> str:
    """difflib's range of a hunk: 'first,length' (1-based), 'first' for one line."""
    beginning, length = start + 1, stop - start
    if length == 1:
        return f"{beginning}"
    if not length:
        beginning -= 1
    return f"{beginning},{length}"


def ledger_to_unified_diff(raw: str, text: str, edits: list[Edit]) -> str:
    """raw.txt against cleaned.txt as difflib.unified_diff writes it (n=1), from the ledger."""
    raw_lines, text_lines, codes = opcodes(raw, text, edits)
    if all(tag == "equal" for tag, *_ in codes):
        return ""
    out = ["--- raw.txt\n", "+++ cleaned.txt\n"]
    for group in grouped(codes):
        first, last = group[0], group[-1]
        out.append(f"@@ -{unified_range(first[1], last[2])} +{unified_range(first[3], last[4])} @@\n")
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                out += [" " + line for line in raw_lines[i1:i2]]
                continue
            out += ["-" + line for line in raw_lines[i1:i2]]
            out += ["+" + line for line in text_lines[j1:j2]]
    return "".join(out)
