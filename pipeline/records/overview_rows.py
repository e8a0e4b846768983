"""An overview printed as a table whose rows the text gives one by one ('Rheine Nordrhein-Westfalen
Mittelstädte'): the names in its first column, so that a record's name can be checked against
them and a project missed is named in a warning.

Needs the lines, the parts (the overview's span) and the profile (`overview_columns`: the
column heads, printed on one line over the rows). Produces the names, in order; [] where no line
holds the column heads.
"""
from __future__ import annotations

import re
from itertools import groupby

from rapidfuzz import fuzz

from pipeline.corrections import Profile
from pipeline.language.lexicon import WITHOUT_UMLAUTS, german_states
from pipeline.records.labels import Line, label_key
from pipeline.records.name_wrap import NAME_CONNECTORS, name_cut_reason
from pipeline.records.section_likeness import folded

PARTNER_JOINTS = ("mit", "und", "sowie")  # the words before a cooperation's partners' names
STATE_PREFIX_MIN_CHARS = 6  # a Land cut short by the next column ('Mecklenburg-Vorpommer') keeps this much at least
STATE_PREFIX_CUT = 2  # and loses at most so many letters
NAME_END_MAX_WORDS = 5  # a name's end on the next row ('Schwarzenbruck und Altdorf', 'und Lauf an der Pegnitz')
STATE_FUZZY_MIN_CHARS = 12  # a Land this long ('Mecklenburg-Vorpommern') is found by its likeness too
SECTION_LIKE_MIN_SCORE = 70  # 'Groftstadte' / 'Großstädte' (fuzz.ratio, folded): a section's cell or heading, no name
STATE_MIN_LIKENESS = 80  # 'mecklenburg-vorpoinnés' / 'mecklenburg-vorpommern' (fuzz.ratio)


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
    under it: 'Landkreis Vorpommern-Greifswald' / 'Mecklenburg-Vorpommern Interkommunale …'), as
    is one whose next rows open with a connector in lower case ('und Warburg', its name's end) or
    are a section's words only ('Landkreise', a cell's second line) before the row with the Land."""
    texts = table_overview_texts(lines, parts, profile)
    first = heads_row(texts, profile)
    return [] if first is None else row_names(texts[first + 1:], profile)


def heads_row(texts: list[str], profile: Profile) -> int | None:
    """The index of the row that holds all the column heads, the name's first (a table read row by
    row); None for none."""
    heads = [label_key(h) for h in profile.overview_columns]
    return next((i for i, text in enumerate(texts)
                 if all(h in label_key(text) for h in heads) and label_key(text.split()[0]) == heads[0]), None)


def rows_and_runs(texts: list[str], profile: Profile, after: int = 0):
    """A table overview's rows -> each row as (index, text, None), but a run of its name column read
    as a column from row `after` on (column_run) as one item (index, None, (names, their Länder's
    rows)), its rows passed over."""
    past = 0
    for i, text in enumerate(texts):
        if i < past:
            continue
        run = column_run(texts, i, profile) if i >= after and text[:1].isupper() \
            and words_before_state(text) is None else None
        if run:
            names, at = run
            past = at + len(names)
            yield i, None, (names, texts[at:past])
        else:
            yield i, text, None


def row_names(texts: list[str], profile: Profile) -> list[str]:
    """Rows of a table overview -> the names they begin with (see table_row_names)."""
    section_words = section_words_of(profile)
    names: list[str] = []
    start, start_at = "", -1  # a name's first row, with no Land, ending in a connector, and where it stands
    for i, text, run in rows_and_runs(texts, profile):
        if run:
            names += run[0]
            start = ""
            continue
        if not text[:1].isupper():
            end = name_end_in_row(names[-1], text, section_words) if names else None
            if end:
                names[-1] = f"{names[-1]} {end}"  # a name's end under it, in lower case ('und Altdorf')
            continue
        after = next((k for k in range(i + 1, len(texts)) if not opens_with_connector(texts[k])
                      and not all(w.casefold() in section_words for w in texts[k].split())), len(texts))
        alone = after < len(texts) and begins_with_state(texts[after]) and not begins_with_state(text) \
            and not all(w.casefold() in section_words for w in text.split()) and not section_like(text, profile)
        with_land = words_before_state(text)
        name = with_land or (text if alone else None)
        end = name_end_in_row(names[-1], text, section_words) if names and name is None else None
        # the first row goes on only a name read alone right under it: a row with its own Land is a name whole
        goes_on = start and not with_land and i - start_at == 1
        if end:
            names[-1] = f"{names[-1]} {end}"  # a name over two rows
        elif name:
            names.append(f"{start} {name}" if goes_on else name)
        if name_start_row(text, section_words) and not end and not name:
            start, start_at = text, i
        elif i > start_at:
            start = ""
    return names


def column_run(texts: list[str], i: int, profile: Profile) -> tuple[list[str], int] | None:
    """Rows from i on that hold a name each and no Land, then as many rows that open with a Land
    and hold nothing before it: the rest of a table an OCR read column by column after reading its
    first rows one by one ('Schöneck' / 'Vogelsbergkreis' / … / 'Hessen' / 'Hessen' / …) -> (the
    names, a name's line ending in a connector or opening with one in lower case going on the
    name above, and the index of the first Land's row); None where the counts differ, there is
    but one name, or a row reads as a section's cell ('Mittelstädte', 'Kleinstädte und': the
    section column, no names)."""
    section_words = section_words_of(profile)
    names: list[str] = []
    k = i
    while k < len(texts) and not begins_with_state(texts[k]) and words_before_state(texts[k]) is None:
        if all(w.casefold() in section_words for w in texts[k].split()) or section_like(texts[k], profile):
            return None
        add_column_line(names, texts[k])
        k += 1
    lands = 0
    while k + lands < len(texts) and begins_with_state(texts[k + lands]):
        lands += 1
    return (names, k) if len(names) >= 2 and lands == len(names) else None


def section_words_of(profile: Profile) -> set[str]:
    """The casefolded words of the profile's section names ('kleinstädte', 'und', …)."""
    return {w.casefold() for c in profile.categories for w in c.split()}


def section_like(text: str, profile: Profile) -> bool:
    """'Groftstadte' -> True: a row SECTION_LIKE_MIN_SCORE like a section's name (a cell of the
    section column an OCR garbled), which is no name alone."""
    return any(fuzz.ratio(folded(text), folded(c)) >= SECTION_LIKE_MIN_SCORE for c in profile.categories)


def name_start_row(text: str, section_words: set[str]) -> bool:
    """A row with no Land (not opening with one: 'Niedersachsen Kleinstädte und', a column's rows) that
    ends in a connector before any section's words it ends in ('Driburg Kooperationen und' does not)
    and is no section's words ('Warburg in
    Kooperation mit Bad Driburg und', its cell's second line 'Steinheim' a row further down, by its
    Land): a name's first line."""
    tokens = text.split()
    k = len(tokens)
    while k and tokens[k - 1].casefold() in section_words:
        k -= 1
    if any(t[:1].isupper() for t in tokens[k:]):  # 'Driburg Kooperationen und': a section's cell ends the row
        tokens = tokens[:k]
    # or ends a word after a partner list's joint, a partner's name cut after its first word ('… Kooperation mit
    # Bad' / 'Driburg und Nieheim'); 'Frankfurt am Main' is a name whole
    cut = len(tokens) >= 3 and tokens[-1][:1].isupper() and tokens[-2] in PARTNER_JOINTS
    return bool(tokens) and (bool(NAME_CONNECTORS.search(" ".join(tokens))) or cut) and len(tokens) <= 2 * NAME_END_MAX_WORDS \
        and not begins_with_state(text) and not re.search(r"[,\d]", text) \
        and any(w.casefold() not in section_words for w in tokens)


def rows_after_columns(lines: list[Line], parts: dict[str, tuple[int, int]], profile: Profile,
                       columns: list[str]) -> list[str]:
    """A table overview an OCR read column by column and then, further down, row by row (its
    longer rows: 'Steinheim in Kooperation mit Nieheim und Nordrhein-Westfalen Interkommunale' /
    'Bad Driburg', after the name column's end): the names of those rows that the columns
    (`columns`, its names) lack."""
    heads = {label_key(h) for h in profile.overview_columns[1:]}
    texts = table_overview_texts(lines, parts, profile)
    after = next((i for i, text in enumerate(texts) if label_key(text.split()[0]) in heads), len(texts))
    # a line of a name the columns gave over two lines ('… und' / 'Röthenbach') is no row
    texts = [text for text in texts[after + 1:] if label_key(text.split()[0]) not in heads
             and not any(f" {text} " in f" {name} " for name in columns)]
    return [name for name in row_names(texts, profile) if name not in columns]


def begins_with_state(text: str) -> bool:
    """'Mecklenburg-Vorpommeterkommunale' -> True: the text opens with a Land's name (or its
    first letters, STATE_PREFIX_MIN_CHARS at least, where the next column ran into it)."""
    return words_before_state(f"_ {text}") == "_"


def words_before_state(text: str) -> str | None:
    """'Landkreis Tübingen Baden-Württemberg Interkommunale …' -> 'Landkreis Tübingen'; None
    where no word after the first begins a Land's name: as printed, without its umlauts, or, of
    a long one, its letters STATE_MIN_LIKENESS alike ('Mecklenburg-Vorpoinnéstadte': the next
    column ran into it)."""
    tokens = text.split()
    states = [s.casefold().translate(WITHOUT_UMLAUTS) for s in german_states()]
    for k in range(1, len(tokens)):
        rest = " ".join(tokens[k:]).casefold().translate(WITHOUT_UMLAUTS)
        if any(rest.startswith(s[:max(STATE_PREFIX_MIN_CHARS, len(s) - STATE_PREFIX_CUT)])
               or (len(s) >= STATE_FUZZY_MIN_CHARS and fuzz.ratio(rest[:len(s)], s) >= STATE_MIN_LIKENESS)
               for s in states):
            return " ".join(tokens[:k])
    return None


def name_end_in_row(name: str, text: str, section_words: set[str]) -> str | None:
    """A row with no Land under a name ending in a connector ('Röthenbach in Kooperation mit' /
    'Schwarzenbruck und Altdorf Kooperationen und'), or opening with one in lower case ('und
    Altdorf'): the name's end, the row without the words of a section's name it ends in (its
    cell's second line); None where the name goes not on or the row is a section's words only
    ('und Landgemeinden'; `section_words`: the casefolded words of the profile's sections)."""
    tokens = text.split()
    if not (NAME_CONNECTORS.search(name) and text[:1].isupper()) \
            and not (NAME_CONNECTORS.search(tokens[0]) and tokens[0].islower()):  # 'und Altdorf': the row's next line
        return None
    while tokens and tokens[-1].casefold() in section_words:
        tokens.pop()
    if len(tokens) > NAME_END_MAX_WORDS or re.search(r"[,\d]", " ".join(tokens)):
        return None  # a footer under the table ('Bundesinstitut für Bau-, Stadt- und Raumforschung')
    return " ".join(tokens) if any(w.casefold() not in section_words for w in tokens) else None


def table_overview_names(lines: list[Line], parts: dict[str, tuple[int, int]], profile: Profile) -> list[str]:
    """The names of an overview printed as a table whose columns the text gives one after the
    other: the lines under the name column's head (profile.overview_columns) up to the next column
    head; a line ending in a connector goes on with the next, and one opening with a connector in
    lower case ('und Warburg') goes on the one before. [] where there is no such head."""
    heads = {label_key(h) for h in profile.overview_columns[1:]}
    names: list[str] = []
    inside = False
    texts = table_overview_texts(lines, parts, profile)
    for k, text in enumerate(texts):
        if not inside:
            inside = label_key(text) == label_key(profile.overview_columns[0])
            continue
        if label_key(text.split()[0]) in heads or label_key(text) in heads:
            return names_fitting_lands(names, column_lands(texts[k + 1:], heads))
        add_column_line(names, text)
    return names if inside else []


def column_lands(texts: list[str], heads: set[str]) -> int:
    """How many rows of a Land the column under a table's next head holds (the lines up to the
    head after it that open with a Land)."""
    lands = 0
    for text in texts:
        if label_key(text.split()[0]) in heads or label_key(text) in heads:
            break
        lands += begins_with_state(text)
    return lands


def names_fitting_lands(names: list[str], lands: int) -> list[str]:
    """A name column's names, where it holds more than the Land column beside it has rows: the
    lines ending in a short capitalised word that begins a place's name ('… und Bad' / 'Bevensen')
    joined with the next, where there are exactly as many as names too many; else so the lines of a
    cooperation naming its partners ('… in Kooperation mit Altdorfund' / 'Schwarzenbruck', an OCR's
    glued 'und') with a next line of one word; else the column as it was, and so a column with as
    many or fewer. Joined by evidence and count together: a cut line the count does not ask for
    may be a name ('Landkreis Hof')."""
    def cut_short(k: int) -> bool:
        return name_cut_reason(names[k]) is not None

    def partners_go_on(k: int) -> bool:
        return any(joint in names[k].split() for joint in PARTNER_JOINTS) and len(names[k + 1].split()) == 1

    surplus = len(names) - lands
    if lands <= 0 or surplus <= 0:
        return names
    for goes_on in (cut_short, partners_go_on):
        at = [k for k in range(len(names) - 1) if goes_on(k)]
        if len(at) == surplus and all(b - a > 1 for a, b in zip(at, at[1:])):
            joined = list(names)
            for k in reversed(at):
                joined[k:k + 2] = [f"{joined[k]} {joined[k + 1]}"]
            return joined
    return names


def add_column_line(names: list[str], text: str) -> None:
    """A line of a name column read as a column -> `names` with it: a line after one ending in a
    connector or in two connectors run together (an OCR's 'Lauf ander' for 'an der'), or opening
    with a connector in lower case ('und Warburg'), goes on the name before ('… mit
    Ebersbach-Neugersdorf und' / 'Oderwitz'); any other opens a name."""
    if names and (NAME_CONNECTORS.search(names[-1]) or ends_in_connectors_run_together(names[-1])
                  or opens_with_connector(text)):
        names[-1] = f"{names[-1]} {text}"
    else:
        names.append(text)


def ends_in_connectors_run_together(text: str) -> bool:
    """'… und Lauf ander' -> True: a line whose last word is in lower case and two of a name's
    connectors run together ('an der'); an OCR's speck ('Weimar ee') is none."""
    last = text.split()[-1] if text.split() else ""
    return last.isalpha() and last.islower() and any(
        NAME_CONNECTORS.fullmatch(last[:k]) and NAME_CONNECTORS.fullmatch(last[k:]) for k in range(1, len(last)))


def opens_with_connector(text: str) -> bool:
    """'und Warburg' -> True: a line opening with a name's connector in lower case (the rest of a
    name the line above began)."""
    first = text.split()[0] if text.split() else ""
    return first.islower() and bool(NAME_CONNECTORS.search(first))


def overview_names(lines: list[Line], parts: dict[str, tuple[int, int]], profile: Profile,
                   overview: list[dict]) -> list[str]:
    """The names the overview lists: its entries, or where none were read, the names of a table
    overview (table_overview_names: its columns one after the other, and rows read one by one
    after them; table_row_names: its rows one by one)."""
    if overview:
        return [e["name"] for e in overview]
    columns = table_overview_names(lines, parts, profile)
    if columns:  # an OCR may read a table's first rows column by column and its longer ones row by row
        return names_joined_where_printed(columns + rows_after_columns(lines, parts, profile, columns), lines, parts)
    return names_joined_where_printed(table_row_names(lines, parts, profile), lines, parts)


def names_joined_where_printed(names: list[str], lines: list[Line], parts: dict[str, tuple[int, int]]) -> list[str]:
    """A table's names -> the same, where one cut short ('Uelzen in Kooperation mit Bad',
    name_cut_reason) and the next ('Bevensen und Ebstorf') are printed as one name on the
    projects' pages, as a heading of NAME_HEADING_MAX_LINES lines at most standing apart (over two
    lines or one; running text is no evidence): one name, its cell's two lines. A cut name the
    pages print only alone ('Landkreis Hof') stays; so do all where no projects' part was found."""
    if "projects" not in parts:
        return names
    first, end = parts["projects"]
    runs = [list(run) for blank, run in groupby(lines[first:end], key=lambda l: l.blank) if not blank]
    headings = {f" {' '.join(' '.join(l.text.split()) for l in run).casefold()} " for run in runs
                if len(run) <= NAME_HEADING_MAX_LINES}
    joined: list[str] = []
    for name in names:
        if joined and name_cut_reason(joined[-1]) and any(f" {joined[-1]} {name} ".casefold() in h for h in headings):
            joined[-1] = f"{joined[-1]} {name}"
        else:
            joined.append(name)
    return joined


NAME_HEADING_MAX_LINES = 3  # a name's heading over more lines than this is no heading

