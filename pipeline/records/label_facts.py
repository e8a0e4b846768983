"""The facts of a project's pages: the values under the profile's `fact_labels` ('Einwohner',
'Fördersumme', 'Kontakt'), read as labelled blocks (labels.py) where a label stands apart from
prose, and the lines under a label alone on its line (its value, which repeats on every page).
"""
from __future__ import annotations

from pipeline.records.label_values import address_rejoined, fact_value_like, label_stands_apart
from pipeline.records.labels import Line, line_label_read, read_labelled_block


def facts_in_lines(lines: list[Line], known: dict[str, tuple[str, str]], max_gap: int) -> tuple[dict[str, str], frozenset[int]]:
    """Non-blank lines of a project's pages -> the facts printed under the profile's fact labels
    among them ({label: value}, the first of each label) and the numbers of their label and value
    lines. A block is read where a label stands apart from prose (label_stands_apart); an address
    an OCR broke at its dots is taken whole (address_rejoined)."""
    facts: dict[str, str] = {}
    used: set[int] = set()
    i = 0
    while i < len(lines):
        hit = line_label_read(lines[i].text, known)
        if not hit or not label_stands_apart(lines[i].text, hit[2], hit[3]):
            i += 1
            continue
        block = read_labelled_block(lines, i, known, max_gap)
        found = [v for v in block.values if v.field == "fact" and v.value]
        if all(fact_value_like(address_rejoined(v.value)) for v in found):  # else text beside the labels: it stays text
            for value in found:
                if value.label not in facts:
                    facts[value.label] = address_rejoined(value.value)
                    used |= {value.label_line.number, *(l.number for l in value.lines)}
        last = max(block.line_numbers)
        while i < len(lines) and lines[i].number <= last:
            i += 1
    return facts, frozenset(used)


def lines_under_labels(lines: list[Line], known: dict[str, tuple[str, str]]) -> set[int]:
    """The numbers of the text lines right under a label alone on its line: its value ('9,4 Mio.
    Euro' under 'Fördersumme:' on every project's page), however often it repeats."""
    text = [l for l in lines if l.text.strip()]
    return {nxt.number for line, nxt in zip(text, text[1:]) if (hit := line_label_read(line.text, known)) and not hit[2]}
