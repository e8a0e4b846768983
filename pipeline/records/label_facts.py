"""The facts of a project's pages: the values under the profile's `fact_labels` ('Einwohner',
'Fördersumme', 'Kontakt'), read as labelled blocks (labels.py) where a label stands apart from
prose, and the lines under a label alone on its line (its value, which repeats on every page).
"""
from __future__ import annotations

from pipeline.records.label_values import address_rejoined, label_stands_apart
from pipeline.records.fact_values import fact_like, value_beside_text
from pipeline.records.labels import LabelledValue, Line, line_label_read, read_labelled_block


def facts_in_lines(lines: list[Line], known: dict[str, tuple[str, str]], max_gap: int,
                   had: frozenset[str] = frozenset()) -> tuple[dict[str, str], frozenset[int], frozenset[str]]:
    """Non-blank lines of a project's pages -> the facts printed under the profile's fact labels
    among them ({label: value}, the first of each label that is not in `had`), the numbers of
    their label and value lines, and the labels whose values were read among the text's words. A block is read where a label stands apart from prose
    (label_stands_apart); an address an OCR broke at its dots is taken whole (address_rejoined).
    Where a label of the block has text beside it (a sidebar an OCR ran into the text's rows), only
    the values under a label alone on its line that read as a fact's are taken
    (fact_alone_under_label), and a value that shows where it ends in a label's row of text or the
    row under it (value_beside_text): the rest, and those rows, stay text."""
    facts: dict[str, str] = {}
    used: set[int] = set()
    among_text: set[str] = set()
    i = 0
    while i < len(lines):
        hit = line_label_read(lines[i].text, known)
        if not hit or not label_stands_apart(lines[i].text, hit[2], hit[3]):
            i += 1
            continue
        block = read_labelled_block(lines, i, known, max_gap)
        found = [v for v in block.values if v.field == "fact" and v.value]
        beside: dict[str, str] = {}  # values read in rows of the text beside the box: the rows stay text
        # else text beside the labels, a speck an OCR read as a value ('FÖRDERSUMME: .') or a piece of a sentence
        # ('Einwohner' under a key figure, then 'Im Herbst feiert die Gemeinde ihr'): it stays text
        if not all(fact_like(address_rejoined(v.value)) for v in found):
            # a label alone takes its value from the row under it only where another label's row shows the box
            # ran into the text's rows ('FÖRDERPHASE gegenseitige …'): a key figure's caption 'Einwohner' does not
            run_in = any(v.inline for v in found)
            beside = {v.label: got for v in found if (v.inline or run_in)
                      and (got := value_beside_text(v, row_after(lines, v, max_gap)))}
            found = [v for v in found if fact_alone_under_label(v, block.values)]
        for label, value in beside.items():
            if label not in facts and label not in had:
                facts[label] = value
                among_text.add(label)
        for value in found:
            if value.label not in facts and value.label not in had:
                facts[value.label] = address_rejoined(value.value)
                used |= {value.label_line.number, *(l.number for l in value.lines)}
        last = max(block.line_numbers)
        while i < len(lines) and lines[i].number <= last:
            i += 1
    return facts, frozenset(used), frozenset(among_text)


def row_after(lines: list[Line], value: LabelledValue, max_gap: int) -> str:
    """The text of the line after a value's last line, within `max_gap` line numbers; else ''."""
    last = max(l.number for l in value.lines)
    return next((l.text for l in lines if last < l.number <= last + max_gap), "")


def fact_alone_under_label(value: LabelledValue, block: tuple[LabelledValue, ...]) -> bool:
    """A fact's value right under its label alone on its line (no other label of the `block`
    between them: a column of labels read before its values gives no sure pairs), reading as a
    fact's whole (fact_like: short, ending as a name, a figure or an address does), not text
    beside the label."""
    first, last = value.label_line.number, max(l.number for l in value.lines)
    return not value.inline and fact_like(address_rejoined(value.value)) \
        and not any(first < other.label_line.number <= last for other in block)


def lines_under_labels(lines: list[Line], known: dict[str, tuple[str, str]]) -> set[int]:
    """The numbers of the text lines right under a label alone on its line: its value ('9,4 Mio.
    Euro' under 'Fördersumme:' on every project's page), however often it repeats."""
    text = [l for l in lines if l.text.strip()]
    return {nxt.number for line, nxt in zip(text, text[1:]) if (hit := line_label_read(line.text, known)) and not hit[2]}
