"""Lines an OCR read across two columns: which lines are so (far longer than the pages' usual
line), and paragraphs whose such lines come close to each other, joined, so that their columns
are rebuilt together (columns.py). Needs the paragraphs' lines as the OCR gave them and the usual
line's length; produces the paragraphs to rebuild."""
from __future__ import annotations

from pipeline.records.settings import DEFAULT_RECORDS_SETTINGS, RecordsSettings


def is_read_across(line: str, usual: float, settings: RecordsSettings) -> bool:
    """Far longer than the pages' usual line: two columns read as one."""
    c = settings.columns
    return len(line.split()) >= c.read_across_min_words \
        and len(line.strip()) > max(c.read_across_min_chars, c.read_across_factor * usual)


def runs_joined_across_breaks(paragraphs: list[list[str]], usual: float,
                              settings: RecordsSettings = DEFAULT_RECORDS_SETTINGS) -> list[list[str]]:
    """Paragraphs whose lines read across come close to each other (at most `run_gap_lines` lines,
    blank ones not counted, between one line read across and the next, paragraphs without such
    a line between them included) -> one paragraph: a blank line between them is a break in one
    column only, or the OCR's reading of wide line spacing, and a paragraph of short lines
    between them is a row where one column was empty: their columns are rebuilt together."""
    joined: list[list[str]] = []
    chain: list[str] = []  # the lines of the paragraphs joined so far, from the first read across
    pending: list[list[str]] = []  # paragraphs with no line read across, after the chain
    since = 0  # lines after the chain's last line read across

    def flush() -> None:
        if chain:
            joined.append(list(chain))
        joined.extend(pending)

    for lines in paragraphs:
        across = [j for j, l in enumerate(lines) if is_read_across(l, usual, settings)]
        if chain and across and since + across[0] <= settings.columns.run_gap_lines:
            chain += [l for p in pending for l in p] + list(lines)
            pending, since = [], len(lines) - 1 - across[-1]
        elif chain and not across and since + len(lines) <= settings.columns.run_gap_lines:
            pending.append(list(lines))
            since += len(lines)
        else:
            flush()
            chain, pending = (list(lines), []) if across else ([], [])
            since = len(lines) - 1 - across[-1] if across else 0
            if not across:
                joined.append(list(lines))
    flush()
    return joined
