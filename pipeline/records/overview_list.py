"""An overview printed as a list: section headings ending in ':' and, under each, the names of its
projects ('Bochum', '+ Herne' a member of the entry above).

Needs the lines, the parts (the overview's span), the profile (`not_in_overview_names`) and the
edition's furniture (a footer repeated on its pages). Produces the entries in order.
"""
from __future__ import annotations

import re

from pipeline.corrections import Profile
from pipeline.read.page_furniture import PAGE_BREAK_BLANKS, line_key
from pipeline.records.labels import Line


def lines_to_overview(lines: list[Line], parts: dict[str, tuple[int, int]], profile: Profile,
                      furniture: frozenset[str] = frozenset()) -> list[dict]:
    """Headings ending in ':' and their entries ({name, category, members, start: where the
    name stands in the text}); '+ X' lines are members of the entry above, a `furniture` line
    (edition_furniture: a footer) none. The list ends at the first page break after it began."""
    if "overview" not in parts:
        return []
    first, end = parts["overview"]
    texts, gaps, starts, blank_run = [], [], [], 0
    for line in lines[first + 1 : end]:
        text = re.sub(r"^[^\w+(]+", "", line.text.strip())
        if text:
            texts.append(text)
            gaps.append(blank_run)
            starts.append(line.start + line.text.index(text))
            blank_run = 0
        else:
            blank_run += 1
    entries: list[dict] = []
    category = None
    skip_next = False
    not_in_names = {w.casefold() for w in profile.not_in_overview_names}
    for i, text in enumerate(texts):
        if skip_next:
            skip_next = False
            continue
        if gaps[i] >= PAGE_BREAK_BLANKS and entries:
            break
        following = texts[i + 1] if i + 1 < len(texts) else ""
        if not text.endswith(":") and following.endswith(":") and following[:1].islower():
            text, skip_next = f"{text} {following}", True  # a heading wrapped over two lines
        if text.endswith(":"):
            category = heading_name(text)
            continue
        words = {w.lower() for w in re.findall(r"\w+", text)}
        if sum(c.isalpha() for c in text) < 2:
            continue  # a page number or a lone mark: no name
        if category is None or words & not_in_names or text.endswith(",") or line_key(text) in furniture \
                or re.search(r"\d", text):
            continue  # no name holds a figure: 'Cities 2020' is the rest of the list's heading an OCR set apart
        if text.startswith("+"):
            if entries:
                entries[-1]["members"].append(text.lstrip("+ ").strip())
            continue
        entries.append({"name": text, "category": category, "members": [], "start": starts[i]})
    return entries


def heading_name(text: str) -> str:
    """'A Kleinstädte und Landgemeinden:' -> the heading as printed, without debris and colon."""
    text = text.rstrip(": ").strip()
    text = re.sub(r"^(?:[^\W\d_]\s+)(?=[A-ZÄÖÜ])", "", text)
    return text
