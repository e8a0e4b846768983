"""Pieces of a sentence that the figure rules took out, found by what the running text around them
cannot do without them: a word broken at a line's end that only a later piece completes ('… über
die Maßna-' | figure | 'hmen entscheidet …'); a line with a figure's signs read into it that stops
on a function word before the running text that goes on from it ('… Geburtsurkunde oder eine' |
'Baugenehmigung können …'); and running text that goes on in lower case after text that ended
its sentence ('… erarbeitet.' | 'Zusammenarbeit über Grenzen Viele Aufgaben' | labels | 'lassen sich
nicht …'), whose start must stand among the pieces between. Where one piece can be that start it
is running text again ("grammar"); where several can, none is taken and the description is
flagged with them named. Needs the classified pieces of a body (after sentence_lines.py's rules);
produces them and the doubts.
"""
from __future__ import annotations

import re

from pipeline.language.lexicon import Lexicon
from pipeline.records.draft import Doubt, flag, note
from pipeline.records.figure_doubts import REPEATED, a_number
from pipeline.records.pieces import Page, Unit, has_finite_verb
from pipeline.records.prose import (WORD, ends_open, function_words, known_word, label_row, list_mark, opens_anew,
                                    stops_inside, wordmark)
from pipeline.records.settings import RecordsSettings
from pipeline.records.text import letters_share

NAMED_MAX = 4  # pieces a flag names at most
SET_APART = ("interruption", "evidence", "short", "opening")  # rules of words, neighbours and place
START_MAX_LINES = 2  # a sentence's start set apart is a line or two; a longer piece is a paragraph


def next_text(units: list[Unit], i: int) -> int | None:
    """The index of the first piece after i that is no figure text, None for none."""
    return next((k for k in range(i + 1, len(units)) if units[k].kind != "figure"), None)


def clean_piece(unit: Unit, page: Page, settings: RecordsSettings, longer: bool = False,
                more_rules: tuple[str, ...] = ()) -> bool:
    """A piece a figure rule took out that may be a sentence's line: a line or two (`longer`: more
    where its words and lines read as running text), clean letters, no caption's label, no list
    mark, no logo's words, no row of labels. `more_rules`: further rules whose pieces may be one."""
    return unit.kind == "figure" and (unit.why in SET_APART or unit.why in more_rules) \
        and (len(unit.lines) <= START_MAX_LINES or (longer and unit.verdict is True)) \
        and letters_share(unit.text) >= settings.text.clean_min_letters and not page.is_caption(unit.text) \
        and list_mark(unit.text) is None and not wordmark(unit.lines) and not any(label_row(l.text) for l in unit.lines)


def as_running_text(unit: Unit) -> Unit:
    return Unit(unit.lines, "prose", None, "grammar")


def broken_words_back(units: list[Unit], page: Page, settings: RecordsSettings) -> list[Unit]:
    """A piece taken out (clean_piece) that ends on a word broken at the line's end, with figure
    text only between it and running text whose first word completes that word in lower case
    (completes: 'Maßna-' + 'hmen'): the sentence's line, running text again. Where several pieces
    could be it, none is taken (they stay figure text; the broken rest reads as damage)."""
    units = list(units)
    candidates: dict[int, list[int]] = {}
    for i, unit in enumerate(units):
        j = next_text(units, i)
        if clean_piece(unit, page, settings) and j is not None and units[j].kind == "prose" \
                and completes(unit.text, units[j].text):
            candidates.setdefault(j, []).append(i)
    for found in candidates.values():
        if len(found) == 1:
            units[found[0]] = as_running_text(units[found[0]])
    return units


def comma_ends_back(units: list[Unit], page: Page, settings: RecordsSettings) -> list[Unit]:
    """A piece taken out (clean_piece) that reads as running text and stops on a comma ('… aus
    Bayern, Sachsen, Hessen,'), with figure text only between it and running text that opens no
    sentence ('Rheinland-Pfalz, Thüringen und Berlin zeigen …'): a label or a caption stops on no
    comma, so its sentence goes on there; running text again. Where several pieces could be it,
    none is taken."""
    units = list(units)
    candidates: dict[int, list[int]] = {}
    for i, unit in enumerate(units):
        j = next_text(units, i)
        if clean_piece(unit, page, settings, longer=True) and unit.verdict is True and unit.text.endswith(",") \
                and j is not None and units[j].kind == "prose" and not opens_anew(units[j].text, page.lexicon):
            candidates.setdefault(j, []).append(i)
    for found in candidates.values():
        if len(found) == 1:
            units[found[0]] = as_running_text(units[found[0]])
    return units


def listed_names(text: str) -> bool:
    """One line of names a sentence lists, each but the last followed by a comma ('Sachsen,
    Niedersachsen, Hessen,', 'Rheinland-Pfalz, Schleswig-Holstein'): a row of labels has no commas."""
    tokens = text.split()
    return bool(tokens) and all(t[:1].isupper() and WORD.fullmatch(t.rstrip(",")) for t in tokens) \
        and all(t.endswith(",") for t in tokens[:-1]) and (len(tokens) >= 2 or tokens[0].endswith(","))


def listings_back(units: list[Unit], page: Page, settings: RecordsSettings) -> list[Unit]:
    """Running text that stops open (on a function word or a comma: '… Die Beispiele aus'), lines
    of names separated by commas taken out after it, one after another (listed_names; an OCR that
    sets each line apart gives them too few function words to read as running text), and running
    text going on in lower case ('und Thüringen zeigen …'), or in any case after a last name's
    comma ('Schleswig-Holstein und …'): the sentence's listing, running text again. Figure text
    between the open end and the names, or between the names and the text going on (a diagram, a
    logo set into the sentence), stays figure text."""
    units = list(units)
    for i, unit in enumerate(units):
        if unit.kind != "prose" or not ((ends_open(unit.text) and not unit.text.endswith("-"))
                                        or unit.text.endswith(",")):
            continue
        first = next((k for k in range(i + 1, len(units)) if units[k].kind != "figure" or listed_names(units[k].text)),
                     len(units))
        j = first
        while j < len(units) and units[j].kind == "figure" and units[j].why in SET_APART \
                and len(units[j].lines) == 1 and listed_names(units[j].text):
            j += 1
        rest_at = next((k for k in range(j, len(units)) if units[k].kind != "figure"), None)
        if first < j and rest_at is not None and units[rest_at].kind == "prose" \
                and (units[rest_at].text[:1].islower() or units[j - 1].text.endswith(",")):
            units[first:j] = [as_running_text(u) for u in units[first:j]]
    return units


def sentence_ends_back(units: list[Unit], page: Page, settings: RecordsSettings) -> list[Unit]:
    """A piece taken out (clean_piece) of a few words in lower case that ends a sentence ('dienen.'),
    after running text that stopped inside one (figure text between passed over: '… sollen dem
    Gemeinwohl' | 'Energie' | 'dienen.'): that sentence's end, running text again. No label
    opens in lower case and ends on a stop. Where several pieces could be it, or running text in
    lower case after it could, none is taken."""
    units = list(units)
    candidates: dict[int, list[int]] = {}
    for i, unit in enumerate(units):
        text = unit.text.strip()
        if not (text[:1].islower() and text[-1:] in ".!?" and clean_piece(unit, page, settings)):
            continue  # the neighbours are looked for only where the piece can be a sentence's end
        before = next((k for k in range(i - 1, -1, -1) if units[k].kind != "figure"), None)
        after = next_text(units, i)
        # running text going on in lower case later may be the sentence's rest instead ('… ganz auf' | 'Wasser' /
        # 'sparen.' | 'erneuerbare Energien …'): then the piece is a figure's
        later = after is not None and units[after].kind == "prose" and units[after].text[:1].islower()
        if clean_piece(unit, page, settings) and text[:1].islower() and text[-1:] in ".!?" and not later \
                and len(WORD.findall(text)) <= SENTENCE_END_MAX_WORDS and not re.search(r"[.!?]", text[:-1]) \
                and before is not None and units[before].kind == "prose" and stops_inside(units[before].text) \
                and not units[before].text.endswith("-"):
            candidates.setdefault(before, []).append(i)
    for found in candidates.values():
        if len(found) == 1:
            units[found[0]] = as_running_text(units[found[0]])
    return units


SENTENCE_END_MAX_WORDS = 3  # a sentence's last words a figure set apart: a verb and a word or two


def completes(before: str, after: str) -> bool:
    """Text ending on a word broken at the line's end ('Maßna-', or 'Mafna-' as an OCR damaged it)
    and text opening in lower case on its rest ('hmen'): a line's end hyphen before lower case
    breaks a word (a compound's hyphen goes on with a capital: 'Smart-' + 'City')."""
    tail = (after.split() or [""])[0]
    return before.endswith("-") and not before.endswith(" -") and tail[:1].isalpha() and tail[:1].islower()


def lines_with_signs_back(units: list[Unit], page: Page, settings: RecordsSettings) -> list[Unit]:
    """A piece taken out for the signs in it (verdict False) whose words are a sentence's (known
    words and function words, as running text holds them) and that stops on a function word,
    right before running text that opens no sentence ('… oder eine' | 'Baugenehmigung können …'):
    a line of that sentence with a figure's signs read into it, running text again; the signs
    stay with it, and the description is flagged for them (pieces.undecided_doubts)."""
    t = settings.text
    units = list(units)
    for i, unit in enumerate(units[:-1]):
        after = units[i + 1]
        if unit.kind != "figure" or unit.why not in ("evidence", "opening") or unit.verdict is not False \
                or len(unit.lines) > 3 or not ends_open(unit.text) or unit.text.endswith("-") \
                or after.kind != "prose" or opens_anew(after.text, page.lexicon):
            continue
        words = [w for w in WORD.findall(unit.text) if len(w) > 1]  # a lone letter is a sign an OCR read
        known = sum(known_word(w, page.lexicon, settings) for w in words)
        function = sum(w.lower() in function_words() for w in words)
        if len(words) >= t.paragraph_min_words and known >= t.prose_min_known * len(words) \
                and function >= t.prose_min_function * len(words):
            units[i] = Unit(unit.lines, "prose", False, "grammar")
    return units


def clause_without_its_verb(text: str, lexicon: Lexicon) -> bool:
    """Text opening on a noun with a capital whose first clause (to its first comma or stop) holds
    a participle in lower case and no word that may be a finite verb ('Räume für Sprechstunden
    eingerichtet, in denen …'): no sentence opens so, since a German sentence's finite verb comes
    before the rest of its verb; the sentence goes on from words before it ('Deshalb hat der
    Landkreis in drei Dörfern')."""
    clause = re.split(r"[,.;:!?]", text, maxsplit=1)[0].split()
    if len(clause) < 2 or lexicon.tags.best_tag(clause[0]) != "NN" or not clause[0][:1].isupper():
        return False
    lower = [w for w in clause[1:] if w.isalpha() and w.islower()]
    # a word HanTa may read as finite at all ('lassen', 'entwickelt') may be the clause's verb
    return not has_finite_verb(" ".join(lower), lexicon) \
        and any((lexicon.tags.best_tag(w) or "").endswith("(PP)") for w in lower)


def lower_case_starts(units: list[Unit], page: Page, settings: RecordsSettings) -> tuple[list[Unit], list[Doubt]]:
    """Running text that opens in lower case ('lassen sich nicht …'), or on a clause without its
    finite verb (clause_without_its_verb), where the text before it (figure
    text passed over) ended its sentence or is an item of a list, or where none stands before it:
    its sentence's start is among the figure text between. The one piece there that may be that
    start (clean_piece, two words or more with a capital, stopping inside a sentence, no colon, not
    labels by its evidence, not the words under a big number) is running text again; several, or one that
    stood before all running text, are named in a flag. Where none may, the figure pieces between
    of two words or more with a capital, stopping inside a sentence and with no colon, are named. A start may be longer than a line or two
    where its words and lines read as running text (a sentence listing names before its verb:
    'Die Beispiele aus Nordrhein-Westfalen, Bayern, …' | figure | 'zeigen die Vielfalt …'). A line
    taken out as printed twice (figure_doubts.repeated_lines_out: a logo's, or a sentence a text
    holds twice) is named as a start it may be, never taken back alone."""
    units = list(units)
    doubts = []
    for j, unit in enumerate(units):
        if unit.kind != "prose" or not (unit.text[:1].islower() or clause_without_its_verb(unit.text, page.lexicon)) \
                or len(WORD.findall(unit.text)) < settings.text.continuation_min_words:
            continue
        i = next((k for k in range(j - 1, -1, -1) if units[k].kind != "figure"), None)
        if i is not None and stops_inside(units[i].text) and (units[i].kind != "item" or ends_open(units[i].text)):
            continue  # the sentence goes on from there; an item ends where it stops, unless on a function word
        may_start = [k for k in range(0 if i is None else i + 1, j)
                     if clean_piece(units[k], page, settings, longer=True, more_rules=(REPEATED,))
                     and not (k and units[k - 1].kind == "figure" and a_number(units[k - 1].text))
                     and units[k].verdict is not False and len(WORD.findall(units[k].text)) >= 2
                     and ":" not in units[k].text  # a label's colon ('Foto: Marktplatz am Abend')
                     and units[k].text[:1].isupper() and stops_inside(units[k].text)]
        # a line printed twice may be a logo's as well as a sentence's: named, never taken back
        starts = [k for k in may_start if units[k].why != REPEATED]
        # a piece its evidence read as labels may still be the start ('Digitale Beteiligungsverfahren ergänzen'):
        # named, never taken back
        named_only = [] if may_start else [k for k in range(0 if i is None else i + 1, j) if units[k].kind == "figure"
                                           and len(WORD.findall(units[k].text)) >= 2 and units[k].text[:1].isupper()
                                           and stops_inside(units[k].text) and ":" not in units[k].text]
        if len(starts) == 1 and units[starts[0]].why != "opening":  # opening_checked said why it took it
            units[starts[0]] = as_running_text(units[starts[0]])
        elif may_start or named_only:
            named = "; ".join(f"'{units[k].text[:40]}'" for k in (may_start or named_only)[:NAMED_MAX])
            doubts.append(flag("description", f"'{unit.text[:40]}…' goes on in lower case after text that ended "
                                              f"its sentence: its start may be in figure_text ({named})"))
    return units, doubts


ORPHAN_MAX_WORDS = 6  # a sentence's last words a figure across the columns set under it ('nutzen.')
ORPHAN_MAX_BETWEEN = 4  # pieces of text read between the open end and its rest


def sentence_rests_back(units: list[Unit], page: Page) -> tuple[list[Unit], list[Doubt]]:
    """A short piece of running text that opens in lower case on a verb and ends its sentence
    ('nutzen.'), after text that ended its own (a stop or a colon), where running text before
    that stops on a function word ('… Rechenzentren oder Kläranlagen zu'), text with a capital
    follows it ('Datenschutz hat dabei Vorrang: …') and each piece between ends its sentence: the
    rest has no other place to go on from. A figure across the columns cut the column, and the next
    column was read before the sentence's rest: the rest goes back after its open end
    (sentences_joined joins them), noted."""
    units = list(units)
    doubts = []
    for j in range(len(units)):
        rest, words = units[j].text.strip(), units[j].text.split()
        if units[j].kind != "prose" or not rest[:1].islower() or len(words) > ORPHAN_MAX_WORDS \
                or rest[-1:] not in ".!?" or list_mark(rest) is not None \
                or not (page.lexicon.tags.best_tag(words[0].strip(".,!?")) or "").startswith("V"):
            continue
        before = [k for k in range(j) if units[k].kind != "figure"][-ORPHAN_MAX_BETWEEN - 1:]
        open_end = next((n for n in range(len(before) - 2, -1, -1) if units[before[n]].kind == "prose"
                         and ends_open(units[before[n]].text) and not units[before[n]].text.rstrip().endswith("-")), None)
        if open_end is None or not units[before[open_end + 1]].text.strip()[:1].isupper() \
                or not all(re.search(r"[.!?:]$", units[k].text.rstrip()) or units[k].kind == "item"
                           for k in before[open_end + 1:]):
            continue
        at = before[open_end]
        doubts.append(note("description", f"'{rest}' goes on from '…{units[at].text[-30:]}', though read after "
                                          f"'…{units[before[-1]].text[-30:]}': a figure across the columns cut the "
                                          "column; put back after its start"))
        units.insert(at + 1, units.pop(j))
    return units, doubts
