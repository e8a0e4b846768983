"""An overview printed as a table whose rows the text gives one by one ('Rheine Nordrhein-Westfalen
Mittelstädte'): the names in its first column, so that a record's name can be checked against
them and a project missed is named in a warning.

Needs the lines, the parts (the overview's span) and the profile (`overview_columns`: the
column heads, printed on one line over the rows). Produces the names, in order; [] where no line
holds the column heads.
"""
from __future__ import annotations

from pipeline.corrections import Profile
from pipeline.language.lexicon import german_states
from pipeline.records.labels import Line, label_key

STATE_PREFIX_MIN_CHARS = 6  # a Land cut short by the next column ('Mecklenburg-Vorpommer') keeps this much at least
STATE_PREFIX_CUT = 2  # and loses at most so many letters


def table_overview_texts(lines: list[Line], parts: dict[str, tuple[int, int]], profile: Profile) -> list[str]:
    """The overview's text lines, stripped, where the profile knows the heads of a table overview
    (overview_columns); [] where it has no overview or no such heads."""
    if "overview" not in parts or len(profile.overview_columns) < 2:
        return []
    first, end = parts["overview"]
    return [text for line in lines[first + 1: end] if (text := line.text.strip())]


def table_row_names(lines: list[Line], parts: dict[str, tuple[int, int]], profile: Profile) -> list[str]:
    """The names of the rows of a table overview read row by row: each row's words before its
    Land. Rows begun in lower case go on a cell of the row above (a section over two lines); a row
    with no Land whose next row begins with one is a name alone (an OCR put the rest of its row
    under it: 'Landkreis Vorpommern-Greifswald' / 'Mecklenburg-Vorpommern Interkommunale …')."""
    heads = [label_key(h) for h in profile.overview_columns]
    names: list[str] = []
    inside = False
    texts = table_overview_texts(lines, parts, profile)
    for i, text in enumerate(texts):
        if not inside:
            inside = all(h in label_key(text) for h in heads) and label_key(text.split()[0]) == heads[0]
            continue
        if not text[:1].isupper():
            continue
        name = words_before_state(text) or (text if i + 1 < len(texts) and begins_with_state(texts[i + 1]) else None)
        if name:
            names.append(name)
    return names


def begins_with_state(text: str) -> bool:
    """'Mecklenburg-Vorpommeterkommunale' -> True: the text opens with a Land's name (or its
    first letters, STATE_PREFIX_MIN_CHARS at least, where the next column ran into it)."""
    return words_before_state(f"_ {text}") == "_"


def words_before_state(text: str) -> str | None:
    """'Landkreis Tübingen Baden-Württemberg Interkommunale …' -> 'Landkreis Tübingen'; None
    where no word after the first begins a Land's name."""
    tokens = text.split()
    states = [s.casefold() for s in german_states()]
    for k in range(1, len(tokens)):
        rest = " ".join(tokens[k:]).casefold()
        if any(rest.startswith(s[:max(STATE_PREFIX_MIN_CHARS, len(s) - STATE_PREFIX_CUT)]) for s in states):
            return " ".join(tokens[:k])
    return None
