"""German noun paradigms (german-nouns, from Wiktionary) and the agreement of a determiner with
the noun it goes with.

Each inflected form maps to its readings: case (n g d a), number (s p) and gender (m f n, or x
where Wiktionary gives none). A compound the list does not hold reads as its head, the longest
known noun it ends in ('Klimafolgen' as 'Folgen'). Parsing the 20 MB CSV takes two seconds; the
table is shipped with the package or kept in the cache folder as a trie (cache.py), keyed by
the file, and loaded only when a stage asks (the column splitter and the repair, for damaged
text only).
"""
from __future__ import annotations

import csv
from collections.abc import Mapping
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from types import MappingProxyType

from pipeline.cache import cached_word_table, key_of, version_of
from pipeline.language.lexicon import ADJECTIVE_ENDINGS, PLAIN_OF

CASES = {"nominativ": "n", "genitiv": "g", "dativ": "d", "akkusativ": "a"}
NUMBERS = {"singular": "s", "plural": "p"}
TABLE_FORMAT = "lemma:readings;…, first variants"  # part of the cache key: a table of another shape is made again
MIN_HEAD = 4  # letters of the shortest head a compound is read by
MIN_MODIFIER = 3  # and of the shortest part before it ('Smart' is no compound of 'Art')
MAX_ADJECTIVES = 2  # words between a determiner and its noun that are read as adjectives
LINKS = ("s", "n", "e", "es", "en", "er", "ns")  # letters that may join a compound's parts ('Zukunft|s|plan')

# What each determiner (article, quantifier, contracted preposition) allows: case, number,
# gender as in a reading ('.' allows any). Strong-declined quantifiers and numerals go with
# plurals only; 'ein', 'kein' and the possessives' bare forms with a singular masculine or neuter
# ('ein Schlosser', not 'Schlösser'); 'sein' and 'ihr' are left out (a verb, a pronoun too).
BASE_DETERMINERS: dict[str, tuple[str, ...]] = {
    "der": ("nsm", "gsf", "dsf", "gp."), "die": ("nsf", "asf", "np.", "ap."), "das": ("nsn", "asn"),
    "des": ("gsm", "gsn"), "dem": ("dsm", "dsn"), "den": ("asm", "dp."),
    "eine": ("nsf", "asf"), "einer": ("gsf", "dsf"), "eines": ("gsm", "gsn"), "einem": ("dsm", "dsn"),
    "einen": ("asm",),
    **dict.fromkeys(("ein", "kein", "mein", "dein", "unser", "euer"), ("nsm", "nsn", "asn")),
    "zum": ("dsm", "dsn"), "zur": ("dsf",), "im": ("dsm", "dsn"), "am": ("dsm", "dsn"), "vom": ("dsm", "dsn"),
    "beim": ("dsm", "dsn"), "ins": ("asn",),
    "zwei": ("np.", "gp.", "dp.", "ap."), "drei": ("np.", "gp.", "dp.", "ap."), "viele": ("np.", "ap."),
    "vielen": ("dp.",), "mehrere": ("np.", "ap."), "mehreren": ("dp.",), "alle": ("np.", "ap."),
    "allen": ("dp.",), "beide": ("np.", "ap."), "beiden": ("dp.", "gp."), "einige": ("np.", "ap."),
    "einigen": ("dp.",), "wenige": ("np.", "ap."), "wenigen": ("dp.",),
}
# The stems and endings of the der-words (dieser, jener, jeder, mancher, solcher, welcher) and
# the ein-words (kein, mein, dein, sein, ihr, unser, euer); 'jed-' has no plural.
DER_WORD_STEMS = ("dies", "jen", "jed", "manch", "solch", "welch")
EIN_WORD_STEMS = ("kein", "mein", "dein", "sein", "ihr", "unser", "unsr", "euer", "eur")
DER_WORD_ENDINGS = {"e": ("nsf", "asf", "np.", "ap."), "er": ("nsm", "gsf", "dsf", "gp."),
                    "es": ("nsn", "asn", "gsm", "gsn"), "em": ("dsm", "dsn"), "en": ("asm", "dp.")}
EIN_WORD_ENDINGS = {"e": ("nsf", "asf", "np.", "ap."), "er": ("gsf", "dsf", "gp."), "es": ("gsm", "gsn"),
                    "em": ("dsm", "dsn"), "en": ("asm", "dp.")}
# An adjective with no determiner before it takes the der-words' endings, but for the genitive
# masculine and neuter, '-en' ('guten Mutes'), not '-es'.
STRONG_ADJECTIVE_ENDINGS = {
    ending: tuple(r for r in allowed if r not in ("gsm", "gsn")) + (("gsm", "gsn") if ending == "en" else ())
    for ending, allowed in DER_WORD_ENDINGS.items()}


def with_der_and_ein_words(determiners: Mapping[str, tuple[str, ...]]) -> Mapping[str, tuple[str, ...]]:
    """The determiners and every inflected der-word and ein-word ('dieses', 'keinem'), a new
    read-only table; a word the determiners hold keeps their entry."""
    der_words = {stem + ending: tuple(a for a in allowed if stem != "jed" or a[1] == "s")
                 for stem in DER_WORD_STEMS for ending, allowed in DER_WORD_ENDINGS.items()}
    ein_words = {stem + ending: allowed for stem in EIN_WORD_STEMS for ending, allowed in EIN_WORD_ENDINGS.items()}
    return MappingProxyType({**ein_words, **der_words, **determiners})


DETERMINERS = with_der_and_ein_words(BASE_DETERMINERS)


def nouns_csv() -> Path:
    from importlib.util import find_spec

    spec = find_spec("german_nouns")  # a namespace package: no __file__
    return Path(list(spec.submodule_search_locations)[0]) / "nouns.csv"


@lru_cache(maxsize=1)
def noun_table() -> dict[str, str]:
    """Inflected noun form -> its readings by lemma, three letters each ('Schäden' ->
    'Schaden:ap.dp.gp.np.')."""
    source = nouns_csv()

    def parsed() -> dict[str, str]:
        with source.open(encoding="utf-8", newline="") as lines:
            rows = csv.reader(lines)
            return readings_of_columns(next(rows, []), rows)

    return cached_word_table("nouns", nouns_key(), parsed, number=False)


def nouns_key() -> str:
    """What the noun table depends on: german-nouns' version, its file's name and size (no path
    or time: see spelling_key) and the table's format."""
    source = nouns_csv()
    return key_of("german-nouns", version_of("german-nouns"), source.name, str(source.stat().st_size), TABLE_FORMAT)


def readings_of_rows(rows) -> dict[str, str]:
    """german-nouns CSV rows as dicts (column -> value) -> form -> its readings by lemma
    (readings_of_columns)."""
    rows = list(rows)
    header = list(dict.fromkeys(column for row in rows for column in row))
    return readings_of_columns(header, ([row.get(column) or "" for column in header] for row in rows))


def readings_of_columns(header: list[str], rows) -> dict[str, str]:
    """german-nouns CSV rows (lists of values under `header`) -> form -> its readings by lemma
    ('Laden' -> 'Lade:ap.dp.gp.np.;Laden:asmdsmnsm'). Columns are '<case> <number>[ variant]'.
    The rows are read one at a time (the CSV holds 20 MB), each form column as planned once
    (form_columns)."""
    plan = form_columns(header)
    forms_of = itemgetter(*(at for at, _, _ in plan)) if len(plan) > 1 else lambda row: [row[at] for at, _, _ in plan]
    lemma_at = header.index("lemma") if "lemma" in header else None
    gender_at = header.index("genus") if "genus" in header else None
    found: dict[str, dict[str, str]] = {}  # form -> lemma -> its readings, run together
    for row in rows:
        if len(row) < len(header):
            row = row + [""] * (len(header) - len(row))
        gender = (row[gender_at] if gender_at is not None else "")[:1] or "x"
        if gender not in "mfn":
            gender = "x"
        lemma = row[lemma_at] if lemma_at is not None else ""
        for form, (_, reading_of, first_at) in zip(forms_of(row), plan):
            if not form:
                continue
            if first_at is not None and row[first_at] not in ("", form):
                continue  # a second variant beside a first one ('Laden' beside 'Läden'): the rarer form
            by_lemma = found.get(form)
            if by_lemma is None:  # setdefault would make a dict for every cell
                by_lemma = found[form] = {}
            # the readings run together in a string: a set per form and lemma takes four times the room
            by_lemma[lemma] = by_lemma.get(lemma, "") + reading_of[gender]
    return {form: ";".join(f"{lemma}:{''.join(sorted(set(split_readings(r))))}"
                           for lemma, r in sorted(by_lemma.items()))
            for form, by_lemma in found.items()}


def form_columns(header: list[str]) -> list[tuple[int, dict[str, str], int | None]]:
    """The CSV's columns that hold a form -> (where, its reading by the lemma's gender ('nsm'; a
    plural's is 'np.' for any), where its first variant stands when it is a later one, else None)."""
    plan = []
    for at, column in enumerate(header):
        parts = column.split()
        if len(parts) < 2 or parts[0] not in CASES or parts[1].rstrip("*") not in NUMBERS:
            continue
        number = NUMBERS[parts[1].rstrip("*")]
        first = f"{parts[0]} {parts[1]} 1"
        first_at = header.index(first) if len(parts) == 3 and parts[2] != "1" and first in header else None
        plan.append((at, {g: CASES[parts[0]] + number + ("." if number == "p" else g) for g in "mfnx"}, first_at))
    return plan


def lemma_readings(noun: str, table: dict[str, str] | None = None) -> list[tuple[str, list[str]]]:
    """A noun form (a compound by its head) -> (lemma, its readings) for each lemma it is a form
    of; [] when it is no known noun."""
    table = noun_table() if table is None else table
    packed = table.get(noun)
    if packed is None:
        split = head_of(noun, table)
        if split is None:
            return []
        packed = table[split[1]]
    return unpacked_readings(packed)


def unpacked_readings(packed: str) -> list[tuple[str, list[str]]]:
    """A noun table's entry ('Lade:ap.dp.gp.np.;Laden:asmdsmnsm') -> (lemma, its readings) for each lemma."""
    out = []
    for part in packed.split(";"):
        lemma, _, codes = part.rpartition(":")
        out.append((lemma, split_readings(codes)))
    return out


def sense_readings(noun: str, table: dict[str, str] | None = None) -> list[tuple[str, list[str]]]:
    """lemma_readings, but a compound the list does not hold is no form of its head's lemma where
    the same compound with its head's dots taken off is a listed noun of its own: that noun's
    paradigm, which lacks the form, decides ('Einzelhändel' is no plural: 'Einzelhandel' is
    listed, a singular only; read by its head it would be 'Händel', another word)."""
    table = noun_table() if table is None else table
    if noun in table:
        return unpacked_readings(table[noun])
    split = head_of(noun, table)
    if split is None:
        return []
    start, head = split
    plain = noun[:start] + "".join(PLAIN_OF.get(c, c) for c in head.lower())
    if plain != noun and plain in table and any(lemma == plain for lemma, _ in unpacked_readings(table[plain])):
        return []
    return unpacked_readings(table[head])


def readings(noun: str, table: dict[str, str] | None = None) -> list[str]:
    """A noun form (a compound by its head) -> its readings, [] when it is no known noun."""
    return sorted({r for _, rs in lemma_readings(noun, table) for r in rs})


def head_of(word: str, table: dict[str, str] | None = None) -> tuple[int, str] | None:
    """(where the head starts, the head capitalised) of a compound ending in a known noun form:
    the longest head whose part before it is a noun too ('Dorf|laden', not 'Dor|fladen'; a
    linking element allowed: LINKS), else the longest head ('Experimentier|raume')."""
    heads = noun_heads(word, noun_table() if table is None else table)
    return next((head for head, modifier_a_noun in heads if modifier_a_noun), heads[0][0] if heads else None)


def of_nouns(word: str, table: dict[str, str] | None = None) -> bool:
    """A compound of a noun and a noun form ('Zähler|ständen'), which 'Zählerstanden' is not
    ('Zählerst|anden')."""
    return any(nouns for _, nouns in noun_heads(word, noun_table() if table is None else table))


def noun_heads(word: str, table: dict[str, str]) -> list[tuple[tuple[int, str], bool]]:
    """Every known noun form `word` ends in, the longest first: ((where it starts, the head
    capitalised), whether the part before it is a noun too)."""
    heads = [(start, word[start].upper() + word[start + 1 :]) for start in range(MIN_MODIFIER, len(word) - MIN_HEAD + 1)]
    return [((start, head), noun_modifier(word, start, table)) for start, head in heads if head in table]


def noun_modifier(word: str, start: int, table: dict[str, str]) -> bool:
    """Whether `word` up to `start` is a noun form, a linking element allowed ('Zukunft|s|')."""
    return any(word[:start - len(link)] in table for link in ("", *LINKS)
               if word[:start].endswith(link) and start - len(link) >= MIN_MODIFIER)


def split_readings(packed: str) -> list[str]:
    return [packed[i : i + 3] for i in range(0, len(packed), 3)]


def agrees(determiner: str, forms: list[str]) -> bool | None:
    """Whether a determiner can go with a noun of these readings (`forms`: 'nsm', 'dp.' …); None
    when the determiner is not one the table knows or the noun is unknown (no evidence)."""
    allowed = DETERMINERS.get(determiner.lower())
    return None if allowed is None else fits(allowed, forms)


def fits(allowed: tuple[str, ...], forms: list[str]) -> bool | None:
    """Whether one of a noun's readings is one of `allowed` ('.' allows any; a noun of unknown
    gender, 'x', fits any gender); None for an unknown noun."""
    if not forms:
        return None
    return any(all(a == "." or r in ".x" or a == r for a, r in zip(rule, reading))
               for rule in allowed for reading in forms)


def determiner_before(words: tuple[str, ...] | list[str]) -> tuple[str | None, str | None]:
    """The words before a noun -> the determiner its phrase starts with (after at most
    MAX_ADJECTIVES lower-case words with adjective endings), lower-cased, and the word before
    that determiner (None where the words run out)."""
    for skipped in range(MAX_ADJECTIVES + 1):
        if len(words) <= skipped:
            return None, None
        word = words[-1 - skipped]
        if word.lower() in DETERMINERS:
            previous = words[-2 - skipped] if len(words) > skipped + 1 else None
            return word.lower(), previous.lower() if previous else None
        if not (word.islower() and word.endswith(ADJECTIVE_ENDINGS)):
            return None, None
    return None, None
