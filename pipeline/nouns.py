"""German noun paradigms (german-nouns, from Wiktionary) and the agreement of a determiner with
the noun it goes with.

Each inflected form maps to its readings: case (n g d a), number (s p) and gender (m f n, or x
where Wiktionary gives none). A compound the list does not hold reads as its head, the longest
known noun it ends in ('Klimafolgen' as 'Folgen'). Parsing the 20 MB CSV takes two seconds; the
table is kept in the cache folder (cache.py), keyed by the file and Python versions, and loaded
only when a stage asks (the column splitter and the repair, for damaged text only).
"""
from __future__ import annotations

import csv
import marshal
import sys
from functools import lru_cache
from pathlib import Path

from .cache import key_of, read_entry, write_entry

CASES = {"nominativ": "n", "genitiv": "g", "dativ": "d", "akkusativ": "a"}
NUMBERS = {"singular": "s", "plural": "p"}
MIN_HEAD = 4  # letters of the shortest head a compound is read by
MIN_MODIFIER = 3  # and of the shortest part before it ('Smart' is no compound of 'Art')

# What each determiner (article, quantifier, contracted preposition) allows: case, number,
# gender as in a reading ('.' allows any). Strong-declined quantifiers and numerals go with
# plurals only; 'ein' and the possessives' bare forms are left out: they need no ending.
DETERMINERS: dict[str, tuple[str, ...]] = {
    "der": ("nsm", "gsf", "dsf", "gp."), "die": ("nsf", "asf", "np.", "ap."), "das": ("nsn", "asn"),
    "des": ("gsm", "gsn"), "dem": ("dsm", "dsn"), "den": ("asm", "dp."),
    "eine": ("nsf", "asf"), "einer": ("gsf", "dsf"), "eines": ("gsm", "gsn"), "einem": ("dsm", "dsn"),
    "einen": ("asm",),
    "zum": ("dsm", "dsn"), "zur": ("dsf",), "im": ("dsm", "dsn"), "am": ("dsm", "dsn"), "vom": ("dsm", "dsn"),
    "beim": ("dsm", "dsn"), "ins": ("asn",),
    "zwei": ("np.", "gp.", "dp.", "ap."), "drei": ("np.", "gp.", "dp.", "ap."), "viele": ("np.", "ap."),
    "vielen": ("dp.",), "mehrere": ("np.", "ap."), "mehreren": ("dp.",), "alle": ("np.", "ap."),
    "allen": ("dp.",), "beide": ("np.", "ap."), "beiden": ("dp.", "gp."), "einige": ("np.", "ap."),
    "einigen": ("dp.",), "wenige": ("np.", "ap."), "wenigen": ("dp.",),
}


def nouns_csv() -> Path:
    from importlib.util import find_spec

    spec = find_spec("german_nouns")  # a namespace package: no __file__
    return Path(list(spec.submodule_search_locations)[0]) / "nouns.csv"


@lru_cache(maxsize=1)
def noun_readings() -> dict[str, str]:
    """Inflected noun form -> its readings, three letters each, concatenated ('Schäden' ->
    'npmgpmapmdpm')."""
    source = nouns_csv()
    stat = source.stat()
    key = key_of(str(source), str(stat.st_size), str(stat.st_mtime_ns), sys.version)
    stored = read_entry("nouns", key)
    if stored is not None:
        try:
            return marshal.loads(stored)
        except (EOFError, ValueError, TypeError):
            pass  # written by another Python: made again below
    table = readings_of_rows(csv.DictReader(source.open(encoding="utf-8")))
    write_entry("nouns", key, marshal.dumps(table))
    return table


def readings_of_rows(rows) -> dict[str, str]:
    """german-nouns CSV rows -> form -> readings. Columns are '<case> <number>[ variant]'."""
    found: dict[str, set[str]] = {}
    for row in rows:
        gender = (row.get("genus") or "x")[:1]
        if gender not in "mfn":
            gender = "x"
        for column, form in row.items():
            if not form or not column:
                continue
            parts = column.split()
            if len(parts) < 2 or parts[0] not in CASES or parts[1].rstrip("*") not in NUMBERS:
                continue
            number = NUMBERS[parts[1].rstrip("*")]
            found.setdefault(form, set()).add(CASES[parts[0]] + number + ("." if number == "p" else gender))
    return {form: "".join(sorted(r)) for form, r in found.items()}


def readings(noun: str, table: dict[str, str] | None = None) -> list[str]:
    """A noun form (a compound by its head) -> its readings, [] when it is no known noun."""
    table = noun_readings() if table is None else table
    if noun in table:
        return split_readings(table[noun])
    for start in range(MIN_MODIFIER, len(noun) - MIN_HEAD + 1):
        head = noun[start:]
        head = head[:1].upper() + head[1:]
        if head in table:
            return split_readings(table[head])
    return []


def split_readings(packed: str) -> list[str]:
    return [packed[i : i + 3] for i in range(0, len(packed), 3)]


def agrees(determiner: str, noun_readings_: list[str]) -> bool | None:
    """Whether a determiner can go with a noun of these readings; None when the determiner is
    not one the table knows or the noun is unknown (no evidence)."""
    allowed = DETERMINERS.get(determiner.lower())
    if allowed is None or not noun_readings_:
        return None
    return any(all(a == "." or r in ".x" or a == r for a, r in zip(rule, reading))
               for rule in allowed for reading in noun_readings_)
