"""Lists whose introduction counts their items ('Geplant sind dabei vier Maßnahmen:', '… setzt auf
fünf' | 'Schwerpunkte:'): the count says how many items follow, so items that lost their marks (an
OCR reads a bullet as nothing) or that a figure set apart, and that the rules of words and
neighbours took for figure text, are found by it. Where the pieces after the introduction that
may be items fill the count exactly, they are the list's items, each a piece of its own as
printed (items an OCR set under one another in one piece are parted); a sentence after them ends
the list; where the count is not met, the description is flagged with the count and what was
found; items past a count met are none (labels and captions go to figure text, a sentence to the
running text). Needs the
classified pieces of a body (after pieces.classify_units and figure_doubts' rules); produces them
with such pieces items, and the doubts.
"""
from __future__ import annotations

import re
from dataclasses import replace

from pipeline.records.draft import Doubt, flag, note
from pipeline.records.figure_doubts import map_point, map_point_place
from pipeline.records.list_items import COUNT_BEFORE_COLON, COUNTS, mark_shape
from pipeline.records.pieces import Page, Unit, has_finite_verb, short_piece
from pipeline.records.prose import (SENTENCE_INSIDE, WORD, ends_open, holds_sentence_end, label_row, labels_only,
                                    list_mark, names_no_action, set_like_a_logo, unmarked)
from pipeline.records.settings import RecordsSettings
from pipeline.records.text import JOINING_OPENINGS, WORDLIKE, letters_share
from pipeline.records.units import text_before

MOST_PIECES = 10  # pieces looked at after an introduction: a list is not longer than its count allows
LETTER_MARK = re.compile(r"^[A-ZÄÖÜ] (?=[a-zäöüß])")  # an item's dash read as a letter ('E digitale Verwaltung')
MAYBE_ITEMS = ("short", "evidence", "interruption", "opening")  # figure text by rules that may take an item


def count_of(words: list[str]) -> int | None:
    """The number a count word among `words` says ('vier'), None for none or two. A figure
    ('Zukunftsaufgabe 4:') numbers a heading, it counts nothing."""
    found = [COUNTS[w.lower()] for w in words if w.lower() in COUNTS]
    return found[0] if len(found) == 1 else None


def introduced_count(units: list[Unit], i: int, page: Page, settings: RecordsSettings) -> tuple[int, int] | None:
    """The unit at i whose last line ending in a colon introduces a list -> (the count it says,
    how many items are glued on the lines after it); None where no count is said, or where words
    that are no items follow the colon. The count is among the last words before the colon
    ('vier Maßnahmen:'), or, where a word or two stand before the colon ('Ziele:'), the last word
    of the text before it ('… stehen vier')."""
    lines = [l.text.strip() for l in units[i].lines]
    colon = next((n for n in range(len(lines) - 1, -1, -1) if lines[n].endswith(":")), None)
    if colon is None or any(":" in l for l in lines[colon + 1 :]) \
            or len(WORD.findall(" ".join(lines[colon + 1 :]))) > 2 * COUNT_BEFORE_COLON:
        return None
    words = " ".join(lines[: colon + 1]).rstrip(":").split()
    count = count_of(words[-COUNT_BEFORE_COLON - 1 :])
    if count is None and len(words) <= 2:
        before = count_before(units, i, page, settings)
        if before is not None and units[before].kind in ("prose", "figure") and ends_open(units[before].text):
            count = count_of(units[before].text.split()[-1:])
    glued = lines[colon + 1 :]
    return (count, max(1, sum(list_mark(l) is not None for l in glued)) if glued else 0) if count else None


def count_before(units: list[Unit], i: int, page: Page, settings: RecordsSettings) -> int | None:
    """The piece before the unit at i where a count may stand: the running text before it, or a
    piece a figure rule took that stops on a function word ('Das Projekt arbeitet in fünf'); a
    short line that waits for no next word is passed over (a logo's words set between the count
    and the colon: '… umfasst drei' | 'Gefördert vom Bund' | 'Bausteine:')."""
    return next((k for k in range(i - 1, -1, -1) if (units[k].kind != "figure"
                 or (units[k].why in MAYBE_ITEMS and ends_open(units[k].text)))
                 and not (short_piece(units[k].lines, page, settings) and not ends_open(units[k].text))), None)


def item_like(unit: Unit, page: Page, settings: RecordsSettings) -> bool:
    """A piece that may be one item or a few: short lines, clean letters, no caption, no row of
    labels, no sign but a list's mark (a map's points: '= Rathaus'; a capital alone before a word in
    lower case is a mark an OCR misread: 'E digitale Verwaltung'), no word with a capital inside (a
    logo's: 'smarT cıTy'), no sentence's end inside, and no verb: items name fields and measures ('Bildung und
    Teilhabe'); a slogan has its verb ('Gemeinsam gestalten')."""
    text = unit.text
    return names_no_action(text, page.lexicon) and not any(set_like_a_logo(w) for w in text.split()) \
        and all(len(l.text) < settings.text.read_across_share * page.measure for l in unit.lines) \
        and letters_share(text) >= settings.text.clean_min_letters and not page.is_caption(text) \
        and all(WORDLIKE.match(token) for line in unit.lines
                for token in LETTER_MARK.sub("", unmarked(line.text)).split()) \
        and not SENTENCE_INSIDE.search(text) and not all(label_row(l.text) for l in unit.lines) \
        and len(WORD.findall(text)) <= settings.text.label_max_words * len(unit.lines)


def items_in(unit: Unit, page: Page, settings: RecordsSettings) -> int:
    """How many items a piece holds: its first line opens one, and so does each line that is
    marked, or that stands under a line that stops on no function word although its first word
    would have fitted there (items that lost their marks, or that an OCR set under one
    another: '• Wohnen im Quartier' | 'Beteiligung der Bürgerschaft'); a line of an item goes on
    from one that stops for want of room or on a function word."""
    return len(item_starts(unit, page))


def item_starts(unit: Unit, page: Page) -> list[int]:
    """The indexes of a piece's lines that open an item (items_in)."""
    lines = [l.text.strip() for l in unit.lines]
    # a line opening on a joiner in lower case ('und Bürger') goes on the item above, however short its line
    return [0] + [k for k, (prev, line) in enumerate(zip(lines, lines[1:]), 1)
                  if list_mark(line) is not None or (not ends_open(prev) and line.split()[0] not in JOINING_OPENINGS
                                                     and len(prev) + 1 + len(line.split()[0]) <= page.measure)]


def items_one_by_one(units: list[Unit], counted: list[tuple[int, bool]], page: Page) -> list[Unit]:
    """Units -> the same, each item piece counted (`counted`: its first line's number, and whether
    it goes on the item before it) parted into one piece per item it holds (items an OCR set under
    one another), the first line of one that goes on joined to the item before it ('… für
    Verwaltung und' | 'Betriebe'). The pieces are found by their lines: the list's steps may have
    moved them."""
    units = list(units)
    for n in range(len(counted) - 1, -1, -1):
        number, goes_on = counted[n]
        j = next((k for k, u in enumerate(units) if u.kind == "item" and u.lines[0].number == number), None)
        if j is None or len(apart := items_apart(units[j], page)) == 1:
            continue
        before = next((k for k, u in enumerate(units) if n and u.kind == "item"
                       and u.lines[0].number == counted[n - 1][0]), None)
        if goes_on and before is not None:
            units[before] = replace(units[before], lines=units[before].lines + apart.pop(0).lines)
        units[j:j + 1] = apart
    return units


def items_apart(unit: Unit, page: Page) -> list[Unit]:
    """An item piece -> one piece per item it holds, as printed (items an OCR set under one another)."""
    starts = item_starts(unit, page) + [len(unit.lines)]
    return [replace(unit, lines=unit.lines[a:b]) for a, b in zip(starts, starts[1:])]


def counted_lists(units: list[Unit], page: Page, settings: RecordsSettings) -> tuple[list[Unit], list[Doubt]]:
    """Units -> the same with the pieces after a counted introduction that fill its count made
    items (and the introduction running text, where a figure rule took it), and doubts where the
    count is not met. An item's line after an item stopping on a function word goes on with it
    ('… für Verwaltung und' | 'Stadtwerke') and is no item of its own; running text ends the list."""
    units = list(units)
    doubts = []
    i = 0
    while i < len(units):
        unit = units[i]
        said = introduced_count(units, i, page, settings) if unit.kind != "figure" or unit.why in MAYBE_ITEMS else None
        if said is None:
            i += 1
            continue
        count, glued = said
        found, candidates, last = glued, [], unit
        end = i  # the last piece counted
        coded = None  # the shape of the items' codes ('A1'), where the first item has one: an OCR keeps such marks
        passed = []  # pieces between coded items with no such code, read as items ('5 Jahre')
        counted = []  # the item pieces counted
        for j in range(i + 1, min(len(units), i + 1 + MOST_PIECES)):
            if found + sum(n for _, n in candidates) >= count:
                break
            piece = units[j]
            shape = mark_shape(list_mark(piece.text) or "•")
            if coded is None and piece.kind == "item" and shape != "•":
                coded = shape
            # a piece after an item stopping open goes on with it in its first line ('… für Verwaltung und' |
            # 'Stadtwerke' | 'Handel und Gewerbe'): that line opens no item of its own
            goes_on = ends_open(last.text) and not last.text.endswith("-")
            if coded and shape != coded and piece.kind in ("item", "heading", "figure") \
                    and not (goes_on and piece.kind == "item" and list_mark(piece.text) is None):
                passed += [j] if piece.kind == "item" else []
                continue  # a figure's number and words between coded items ('A1 …', '5 Jahre', 'Laufzeit', 'C2 …')
            if piece.kind == "item" and list_mark(piece.text) is None and holds_sentence_end(piece.text) \
                    and has_finite_verb(piece.text, page.lexicon) and not goes_on:
                units[j] = replace(piece, kind="prose", verdict=None, why="")  # a sentence after the items ends the list
                break
            if piece.kind == "item" or (piece.kind == "prose" and item_like(piece, page, settings)
                                        and (list_mark(piece.text) or piece.text[:1].islower())):
                found += items_in(piece, page, settings) - goes_on
                last, end = piece, j
                counted.append((piece.lines[0].number, goes_on))
            elif piece.kind == "prose" and list_mark(piece.text) is not None:
                found += 1  # the last item, the running text after it glued on
                break
            elif (piece.kind == "heading" or piece.kind == "figure" and piece.why in MAYBE_ITEMS) \
                    and item_like(piece, page, settings):
                candidates.append((j, items_in(piece, page, settings) - (goes_on and not candidates)))
                last, end = piece, j
            elif piece.kind != "figure":
                break
        total = found + sum(n for _, n in candidates)
        if total == count:
            units, past = past_the_count(units, end, page, settings)
            doubts += past
            for j in passed:
                units[j] = units[j].as_("figure", "short")
        if total == count and (candidates or unit.kind == "figure") and not list_goes_on(units, end):
            for j, _ in candidates:
                units[j] = replace(units[j], kind="item", verdict=None, why="")
            if candidates:
                taken = "; ".join(f"'{units[j].text[:40]}'" for j, _ in candidates)
                doubts.append(note("description", f"'{unit.text[-60:]}' counts {count} items: {taken}, set apart "
                                                  "like figure text, taken as its items"))
            units[i : i + 1] = introduction_kept(units, i, page, settings)
        elif total < count and not candidates and (moved := items_set_before(units, i, end, count - found, page,
                                                                            settings)
                                                   or items_set_apart(units, i, end, count - found, page,
                                                                      settings)) is not None:
            units, note_text = moved
            doubts.append(flag("description", note_text))
        elif total < count and (candidates or marked_figure_pieces(units, page, settings)):
            named = "; ".join(f"'{units[k].text[:40]}'" for k in [k for k, _ in candidates]
                              or marked_figure_pieces(units, page, settings))
            doubts.append(flag("description", f"'{unit.text[-60:]}' counts {count} items, {found} follow it"
                                              + f"; figure_text holds {named}, which may be items"))
        elif 0 < total < count:
            doubts.append(flag("description", f"'{unit.text[-60:]}' counts {count} items, {total} follow it: an item "
                                              "may be lost, or read elsewhere"))
        units = items_one_by_one(units, counted, page)
        i += 1
    return units, doubts


def past_the_count(units: list[Unit], end: int, page: Page, settings: RecordsSettings
                   ) -> tuple[list[Unit], list[Doubt]]:
    """The unmarked items after the piece at `end`, where a list's count is filled, are no items:
    labels (a capital, no function word, the evidence saying figure text: 'Daten erfassen',
    'Auswerten'; after a lone sign, a logo's mark as an OCR read it: 'u Smart City X') are a
    figure's ("labels"); a sentence is running text; one line no longer than the
    column's that ends no sentence and waits for no next word (a caption: 'Workshop mit Bürgerinnen
    und Bürgern') is figure text ("short"), noted, and flagged over text opening with a capital (a
    sub-heading stands so too). An item's rest after an item stopping open is none of these, and is
    passed over; a piece marked otherwise than the list's items (unlike_the_list) is judged by its
    words after the mark."""
    units = list(units)
    doubts = []
    for k in range(end + 1, len(units)):
        unit = units[k]
        if unit.kind == "figure":
            continue
        before = text_before(units[:k])
        text = unit.text
        if unit.kind == "item" and list_mark(text) is None and before is not None and ends_open(before.text) \
                and not before.text.endswith("-"):
            continue  # an item's rest ('… mit der' | 'Hochschule') is no item of its own
        foreign = unlike_the_list(text, units[end])
        if unit.kind == "item" and among_marked_figure(units, k) and not holds_sentence_end(text) \
                and names_no_action(text, page.lexicon):
            units[k] = unit.as_("figure", "labels")  # '• Bahnhof' | '• Lauf an der Pegnitz' | '• Rathaus': a map's points
            doubts.append(note("description", f"'{text[:60]}' follows a list whose count is met, between marked "
                                              "figure text like it: put in figure_text"))
            continue
        # 'u Smart City X': a logo's mark
        bare = map_point_place(text) if map_point(text) else text.split(maxsplit=1)[1] if foreign else text
        if unit.kind != "item" or (list_mark(text) is not None and not foreign) or not bare[:1].isupper() \
                or (before is not None and ends_open(before.text)):
            break
        after = next((u for u in units[k + 1 :] if u.kind != "figure" and not (u.verdict is False
                                                                             and labels_only(u.text))), None)
        if unit.verdict is False and labels_only(bare):
            units[k] = unit.as_("figure", "labels")
            doubts.append(note("description", f"'{text[:60]}' follows a list whose count is met and reads as "
                                              "labels: put in figure_text"))
        elif holds_sentence_end(text) and len(WORD.findall(text)) >= settings.text.paragraph_min_words:
            units[k] = unit.as_("prose")
        elif len(unit.lines) == 1 and not holds_sentence_end(text) and not ends_open(text) \
                and not text.endswith("-") and len(text) <= page.measure \
                and not (after is not None and after.text[:1].islower()):  # a sentence goes on after it
            units[k] = unit.as_("figure", "short")
            said = f"'{text[:60]}' follows a list whose count is met: put in figure_text"
            doubts.append(flag("description", said + "; it may be a sub-heading over the text after it")
                          if after is not None and after.text[:1].isupper() else note("description", said))
        else:
            break
    return units, doubts


def among_marked_figure(units: list[Unit], k: int) -> bool:
    """Whether the piece right before units[k], and one of the two after it with only figure text
    between, are figure text marked as it is (a map's points: '• Stadtpark' | '• Lauf an der
    Pegnitz' | ('Projektgebiet', the map's caption) | '• Rathaus')."""
    mark = list_mark(units[k].text)

    def marked_figure(u: Unit) -> bool:
        return u.kind == "figure" and list_mark(u.text) is not None and mark_shape(list_mark(u.text)) == mark_shape(mark)

    after = units[k + 1:k + 3]
    return mark is not None and k > 0 and marked_figure(units[k - 1]) \
        and any(marked_figure(u) and all(v.kind == "figure" for v in after[:n]) for n, u in enumerate(after))


def unlike_the_list(text: str, last: Unit) -> bool:
    """A piece marked otherwise than the list's last item ('12 Modellprojekte …', '5 Jahre' after
    'C1 …' or '• …'): a figure's number read as a mark, no item of that list."""
    mark, listed = list_mark(text), list_mark(last.text)
    return mark is not None and listed is not None and mark_shape(mark) != mark_shape(listed)


def list_goes_on(units: list[Unit], end: int) -> bool:
    """After the piece at `end` (the count filled), the next piece of text is an item still: the
    count was filled by something else."""
    after = next((u for u in units[end + 1 :] if u.kind != "figure"), None)
    return after is not None and (after.kind == "item" or list_mark(after.text) is not None)


def marked_figure_pieces(units: list[Unit], page: Page, settings: RecordsSettings) -> list[int]:
    """Pieces of figure text anywhere in the body that read as marked items (an OCR may set a list's
    items before its introduction)."""
    return [k for k, u in enumerate(units) if u.kind == "figure" and u.why in MAYBE_ITEMS
            and list_mark(u.text) is not None and item_like(u, page, settings) and len(WORD.findall(u.text)) >= 2]


def items_set_before(units: list[Unit], i: int, end: int, missing: int, page: Page, settings: RecordsSettings
                     ) -> tuple[list[Unit], str] | None:
    """The list introduced at i, its last item at `end`, is short of its count by `missing`, and
    figure text before the introduction holds just that many items marked as the list's are (an
    OCR read them before the text that introduces them) -> (the units with those pieces moved to
    the list's end as its items, what was done); None where they do not fill the count."""
    marks = [list_mark(u.text) for u in units[i + 1 : end + 1] if u.kind == "item" and list_mark(u.text)]
    if not marks:
        return None
    shape = mark_shape(marks[0])
    before = [k for k in marked_figure_pieces(units, page, settings)
              if k < i and all(mark_shape(list_mark(l.text) or "") == shape for l in units[k].lines)]
    if not before or sum(items_in(units[k], page, settings) for k in before) != missing:
        return None
    moved = [replace(units[k], kind="item", verdict=None, why="") for k in before]
    rest = [u for k, u in enumerate(units) if k not in before]
    at = end + 1 - len(before)
    named = "; ".join(f"'{u.text[:40]}'" for u in moved)
    return rest[:at] + moved + rest[at:], (f"{named}, marked like the items of the list '{units[i].text[-40:]}' "
                                          f"and standing before it, fill its count: put at the list's end; "
                                          "check the order")


def items_set_apart(units: list[Unit], i: int, end: int, missing: int, page: Page, settings: RecordsSettings
                    ) -> tuple[list[Unit], str] | None:
    """The list introduced at i, its last item at `end`, is short of its count by `missing`, and one
    block of figure text elsewhere in the body, of lines that lost their marks, holds just that
    many items (item_like, each line two words or more, as items name fields: 'Handel und Gewerbe' |
    'Beteiligung der Bürgerschaft'; an OCR read the list's rest in another column, between a
    sentence's parts) -> (the units with that block moved to the list's end as its items, what was
    done); None where no block, or more than one, fills the count."""
    blocks = [k for k, u in enumerate(units) if (k < i or k > end) and u.kind == "figure" and u.why in MAYBE_ITEMS
              and len(u.lines) >= 2 and all(list_mark(l.text) is None and len(WORD.findall(l.text)) >= 2
                                            for l in u.lines)
              and item_like(u, page, settings) and items_in(u, page, settings) == missing]
    if len(blocks) != 1:
        return None
    k = blocks[0]
    moved = replace(units[k], kind="item", verdict=None, why="")
    rest = units[:k] + units[k + 1 :]
    at = end + 1 - (k < i)
    note = f"'{moved.text[:60]}', lines that read as {missing} items without "
    note += f"marks, fill the count of the list '{units[i].text[-40:]}': put at the list's end; check the order"
    return rest[:at] + items_apart(moved, page) + rest[at:], note


def introduction_kept(units: list[Unit], i: int, page: Page, settings: RecordsSettings) -> list[Unit]:
    """The unit at i that ends on a counted list's introduction, and the piece before it that says
    the count where a figure rule took it ('Das Projekt arbeitet in fünf'), made running text (that
    piece changed in `units` itself) -> what stands for the unit at i: items glued after the
    introduction's colon line are the list's first."""
    before = count_before(units, i, page, settings)
    unit = units[i]
    if unit.kind != "figure":
        return [unit]
    if before is not None and units[before].kind == "figure" and ends_open(units[before].text):
        units[before] = replace(units[before], kind="prose", verdict=None, why="")
    colon = next(n for n in range(len(unit.lines) - 1, -1, -1) if ":" in unit.lines[n].text)
    head, items = unit.lines[: colon + 1], unit.lines[colon + 1 :]
    return [replace(unit, lines=head, kind="prose", verdict=None, why="")] \
        + ([replace(unit, lines=items, kind="item", verdict=None, why="")] if items else [])
