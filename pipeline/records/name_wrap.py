"""How a project's name wraps and where its pieces may stand: a line that can be a name, the
ways it may wrap, the lines that go on a name, a name cut short, the brochure's overview entry a
name is closest to, and a name's end that an OCR read among the labels of its header.

Needs the name's lines (segment.Line) and the overview's names. Produces the lines that make the
name, and why a name looks cut (or None).
"""
from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz, process

from pipeline.language.lexicon import german_stop_words
from pipeline.records.settings import DEFAULT_RECORDS_SETTINGS, RecordsSettings

NAME_CONNECTORS = re.compile(r"(?:\b(?:und|mit|in|an|am|der|bei|im|sowie)|[,&/+-])$")
CLAUSE_AFTER_COMMA = re.compile(r",\s+[a-zäöüß]")  # '…, die …', '…, um Dünger': a sentence's clause, never a name's
# '… beschäftigen. In Sülzetal …', '… zu betreiben. Gründächer, Mulden': no name, title or motto has one
# ('St. Ingbert', 'a. d. Saale': no word in lower case before the point)
ABBREVIATION = r"(?:bzw|usw|ca|ggf|inkl|vgl|etc|evtl|bspw|sog)\."  # a full stop that ends no sentence
SENTENCE_END_INSIDE = re.compile(r"\b(?!" + ABBREVIATION + r")[a-zäöüß]{2,}\.\s+\S+\s+\S+")
NAME_START_MAX_CHARS = 3  # a capitalised last word this short ('Bad', 'St.') begins a name's next word, not ends it


def name_goes_on(upper: str, lower: str) -> bool:
    """Whether `lower` continues a name whose line so far is `upper`: after a connector, or in
    lower case or in brackets ('Halle' / '(Saale)')."""
    lower = lower.strip()
    return bool(NAME_CONNECTORS.search(upper.strip())) or lower[:1].islower() or lower[:1] == "("


def lines_going_on(lines: list, goes_on) -> list:
    """The first line and the lines after it as long as each goes on the one before
    (`goes_on(upper text, lower text)`)."""
    taken = lines[:1]
    for line in lines[1:]:
        if not goes_on(taken[-1].text, line.text):
            break
        taken.append(line)
    return taken


def connected_lines(chain: list) -> list:
    """A name's first line and the lines after it in `chain` as long as each goes on the one before."""
    return lines_going_on(chain, name_goes_on)


def name_cut_reason(name: str) -> str | None:
    """Why a name as read looks cut short, or None: it ends in a connector ('… in Kooperation mit')
    or in a short capitalised word that begins a place's name ('… und Bad')."""
    name = name.strip()
    if NAME_CONNECTORS.search(name):
        return f"the name ends in '{name.split()[-1]}': its end may stand elsewhere"
    last = name.split()[-1] if name.split() else ""
    if len(name.split()) > 1 and last[:1].isupper() and len(last.rstrip(".")) <= NAME_START_MAX_CHARS \
            and last.rstrip(".").isalpha():
        return f"the name ends in '{last}', which begins a place's name: its end may stand elsewhere"
    return None


def closest_listed(name: str, listed, scorer=fuzz.ratio) -> tuple[str, float]:
    """The closest entry of the brochure's list of projects and how similar it is (0-100);
    with fuzz.token_sort_ratio, its words in any order."""
    found = process.extractOne(name.strip(), listed, scorer=scorer, processor=str.casefold) if listed else None
    return (found[0], found[1]) if found else ("", 0.0)


CUT_ENTRY_MIN_LETTERS = 12  # an overview entry cut at its row's end still names the project when this long
CUT_ENTRY_MAX_MORE_WORDS = 2  # and the name goes on by a cell's second line at most ('und Bienenbüttel')


def listed_as(name: str, listed, min_score: float) -> bool:
    """Whether the brochure's list of projects names `name`: an entry at least `min_score` alike,
    or one its letters begin with, CUT_ENTRY_MIN_LETTERS or more ('… mit Ebstorfund' for '… mit
    Ebstorf und Bienenbüttel': a table's cell over two lines whose second line the OCR lost)."""
    return closest_listed(name, listed)[1] >= min_score or any(cut_entry_of(entry, name) for entry in listed)


def cut_entry_of(entry: str, name: str) -> bool:
    """Whether an overview entry is the name's beginning, CUT_ENTRY_MIN_LETTERS letters or more, by
    its letters (so 'Ebstorfund' begins 'Ebstorf und Bienenbüttel')."""
    key = letters_of(entry)
    return len(key) >= CUT_ENTRY_MIN_LETTERS and letters_of(name).startswith(key) \
        and len(name.split()) <= len(entry.split()) + CUT_ENTRY_MAX_MORE_WORDS


def letters_of(text: str) -> str:
    """'Bad Bevensen in Ebstorfund' -> 'badbevenseninebstorfund': letters and digits casefolded, umlauts as plain vowels."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if c.isalnum())


def name_with_strays(name_lines: list, strays: list, listed) -> list:
    """The name's lines with the lines an OCR read among its header's labels (`strays`, name-like
    lines between a label and its value) where they finish it: the name ends in a connector, or
    the overview lists the name with them more closely than without."""
    if not strays:
        return name_lines
    joined = " ".join(l.text.strip() for l in name_lines)
    longer = " ".join([joined, *(l.text.strip() for l in strays)])
    if NAME_CONNECTORS.search(joined) or closest_listed(longer, listed)[1] > closest_listed(joined, listed)[1]:
        return [*name_lines, *strays]
    return name_lines


NEXT_LINE_MAX_WORDS = 2  # a name's second line a reading may have left off ('Säckingen', 'Märkisch-Oderland') is this short


def line_after_name(block_lines: list, name_lines: list, max_gap: int, is_header_line) -> str | None:
    """The line right after a name's last line where it could be the name's next line that the
    reading left off ('Bad' / 'Säckingen'): near it, short, capitalised, no sentence's end, and no
    line of the header (`is_header_line`: a label, a size line)."""
    last = name_lines[-1].number
    after = next((l for l in block_lines if l.number > last and l.text.strip()), None)
    if after is None or after.number - last > max_gap or is_header_line(after.text):
        return None
    text = after.text.strip()
    if len(text.split()) > NEXT_LINE_MAX_WORDS or not (text[:1].isupper() or text[:1] == "(") \
            or text.endswith((".", ",", ";", ":")) or re.search(r"\d", text):
        return None
    return text


def wrapped_chains(nonblank: list, j: int, end: int, settings: RecordsSettings) -> list[list]:
    """nonblank[j] alone, with the next line, … up to `name_max_lines` lines, each within
    `wrapped_max_gap` of the one before and before nonblank[end]: the ways a name may wrap."""
    chains = [[nonblank[j]]]
    for n in range(j + 1, min(end, j + settings.segment.name_max_lines)):
        if nonblank[n].number - nonblank[n - 1].number > settings.segment.wrapped_max_gap:
            break
        chains.append(nonblank[j: n + 1])
    return chains


def name_like(text: str, settings: RecordsSettings) -> bool:
    """A line that can be a project's name: short, capitalised, no sentence's end (at its end or
    inside: lines of a paragraph read together), no clause after a comma ('… und zeigen, wo
    Schädlinge': a name's comma comes before another name), no last word in lower case but one
    that joins a name's parts ('… in Kooperation mit'; 'Die Kassenführung wird' is a sentence's
    start, the last line of a column over a sidebar read after the text), and no word in lower
    case that is no function word ('Wege dort länger und': a name's small words are particles,
    'an der', 'ob der', 'in Kooperation mit')."""
    text = text.strip()
    last = text.split()[-1] if text else ""
    return bool(text) and text[:1].isupper() and len(text.split()) <= 2 * settings.segment.heading_max_words \
        and not text.endswith((".", ",", ";", "-", "?", "!")) and not CLAUSE_AFTER_COMMA.search(text) \
        and not SENTENCE_END_INSIDE.search(text) \
        and not (last.isalpha() and last.islower() and not NAME_CONNECTORS.search(last)) \
        and all(w in german_stop_words() for w in text.split() if w.isalpha() and w.islower())


def debris_after_listed(name: str, listed: tuple[str, ...],
                        settings: RecordsSettings = DEFAULT_RECORDS_SETTINGS) -> tuple[str, str] | None:
    """'Göttingen ee e' -> ('Göttingen', 'ee e'): an entry of the overview followed by nothing but
    pieces of one or two letters (specks a scan's OCR read as letters)."""
    for entry in sorted(listed, key=len, reverse=True):
        rest = name[len(entry):] if name.lower().startswith(entry.lower()) else None
        if rest and rest[:1].isspace() and all(len(t) <= settings.fields.speck_max_chars for t in rest.split()):
            return entry, rest.strip()
    return None
