"""A record's header: the Länder of its size line, and title and motto read from their labels
(or, where a label is empty, from the text near the header or a banner in the project's pages)."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from pipeline.corrections import Profile
from pipeline.language.lexicon import LAENDER_JOINERS, german_states
from pipeline.records.draft import Doubt, flag
from pipeline.records.fact_values import checked_facts
from pipeline.records.line_end_labels import LabelTail
from pipeline.records.label_facts import facts_in_lines
from pipeline.records.labels import (LabelledBlock, known_labels, label_marked, line_label_read,
                                     read_labelled_block, title_label_at_line_end)
from pipeline.records.segment import Line, ProjectBlock, value_reads_as
from pipeline.records.settings import RecordsSettings
from pipeline.records.size_lines import nearest_state
from pipeline.records.text import (displaced_value, is_prose, join_lines, letters_share, looks_like_value, name_key,
                                   paragraphs, value_running_text_reason)


# ---------------------------------------------------------------- states (spaCy rules)

@lru_cache(maxsize=1)
def state_matcher():
    import spacy  # imported here: it costs a second at start-up and only this matcher needs it
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("de")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for state in german_states():
        matcher.add(state, [nlp.make_doc(state)])
    return nlp, matcher


def text_to_states(text: str, settings: RecordsSettings) -> tuple[list[str], list[str]]:
    """'Baden-Württemberg, Hessen, Rheinland-Pfalz' -> (states, notes on fuzzy matches). A list
    of exact names (most lines) needs no matcher; spaCy is imported for the others only."""
    exact = exact_states(text)
    if exact is not None:
        return exact, []
    nlp, matcher = state_matcher()
    doc = nlp.make_doc(text)
    found, covered = [], set()
    for match_id, start, end in sorted(matcher(doc), key=lambda m: m[1]):
        found.append(nlp.vocab.strings[match_id])
        covered.update(range(start, end))
    rest = " ".join(t.text for i, t in enumerate(doc) if i not in covered)
    notes = []
    for piece in LAENDER_JOINERS.split(rest):
        piece = piece.strip(" .-·")
        if len(piece) < settings.segment.state_piece_min_chars:
            continue
        hit = nearest_state(piece, settings)
        if hit:
            found.append(hit[0])
            notes.append(f"'{piece}' read as {hit[0]} ({hit[1]:.0f} % similar)")
        else:
            notes.append(f"'{piece}' is no Land")
    return list(dict.fromkeys(found)), notes


def exact_states(text: str) -> list[str] | None:
    """The Länder of a line that lists nothing but their exact names (any case), else None."""
    by_name = {name.casefold(): name for name in german_states()}
    pieces = [" ".join(p.split()).strip(" .-·") for p in LAENDER_JOINERS.split(text)]
    names = [by_name.get(p.casefold()) for p in pieces if p]
    return list(dict.fromkeys(names)) if names and None not in names else None


# ---------------------------------------------------------------- labels and values

def match_label(text: str, profile: Profile, settings: RecordsSettings) -> tuple[str, str] | None:
    """'Projekttitel: X' -> ('title', 'X'); None if the line does not start with a label."""
    m = re.match(r"^\s*([^\W\d_]+)\s*[:;.]\s*(.*)$", text)
    if not m:
        return None
    for field_name, label in profile.labels.items():
        if fuzz.ratio(m.group(1).lower(), label.lower()) >= settings.fields.label_min_score:
            return field_name, m.group(2).strip()
    return None


def split_run_in_label(value: str, profile: Profile) -> tuple[str, str | None]:
    """'X Motto: Y' on the title line -> ('X', 'Y')."""
    label = re.escape(profile.labels["motto"])
    m = re.search(rf"\s{label}\s*:\s*", value, flags=re.I)
    return (value[: m.start()].strip(), value[m.end():].strip() or None) if m else (value, None)


@dataclass(frozen=True)
class Header:
    """Title and motto as a block's header gives them, where they were read, and the doubts."""

    title: str | None
    motto: str | None
    used_lines: frozenset[int]  # lines a label or a value took: they are no body text
    value_lines: dict[str, list[Line]]  # where title and motto were read, in the order they were found
    doubts: tuple[Doubt, ...]
    facts: tuple[tuple[str, str], ...] = ()  # further labelled facts of the header: (label, value)


def block_to_header(block: ProjectBlock, profile: Profile, name: str, settings: RecordsSettings,
                    ocr: bool = False) -> Header:
    """Title and motto from their labels; where a label is empty, from value-like text near the
    header or a banner line in the project's pages (`name` prefers the banner that names it),
    always flagged. The body starts after the last label. The facts under the profile's fact
    labels are read first and are no title, motto or body text."""
    if block.labelled is not None:
        return with_facts_outside(labelled_header(block, profile), block, profile, settings)
    after = [l for l in block.lines if l.number > block.size_line.number]
    facts, fact_lines, among_text = facts_in_lines([l for l in after if not l.blank], known_labels(profile),
                                       settings.segment.wrapped_max_gap)
    after = [l for l in after if l.number not in fact_lines]
    values: dict[str, str | None] = {}
    label_order: list[str] = []
    loose: list[list[Line]] = []  # runs of value-like lines in the header zone, in order
    used: set[int] = set(fact_lines)
    value_lines: dict[str, list[Line]] = {}
    doubts: list[Doubt] = among_text_doubts(facts, among_text)
    last_label = block.size_line.number
    inline: str | None = None  # the last label's field, where its value stood on the label's line
    between: list[str] = []  # the lines read after it so far
    crowded: dict[str, list[str]] = {}  # such a field -> the lines that stood between it and the next label
    for para in paragraphs(after):
        if is_prose(para, settings) and not any(match_label(l.text, profile, settings) for l in para):
            break
        chunk: list[Line] = []
        for line in para:
            if "title" in values and "motto" in values:
                break
            label = match_label(line.text, profile, settings)
            if label is None and inline is not None:
                between.append(line.text.strip())
            if label is None:
                value_tail = len(line.text.split()) <= settings.text.value_tail_max_words \
                    and letters_share(line.text) >= settings.text.clean_min_letters
                if looks_like_value(line.text, settings) or (chunk and value_tail):
                    chunk.append(line)
                elif chunk:
                    loose.append(chunk)
                    chunk = []
                continue
            if chunk:
                loose.append(chunk)
                chunk = []
            field_name, value = label
            used.add(line.number)
            label_order.append(field_name)
            last_label = line.number
            if field_name == "title" and value:
                value, motto = split_run_in_label(value, profile)
                if motto:
                    values["motto"] = motto
                    value_lines["motto"] = [line]
            if value:
                values[field_name] = value
                value_lines[field_name] = [line]
            if inline is not None and between:
                crowded[inline] = between
            inline, between = (field_name if value else None), []
        if chunk:
            loose.append(chunk)
        if "title" in values and "motto" in values:
            break
    if not values.get("title") and not values.get("motto"):
        # a band naming the section again is no value (section_lines)
        labelled = labelled_under_size_line([l for l in block.lines if l.number > block.size_line.number
                                             and not l.blank and l.number not in block.section_lines], profile, settings,
                                            names_project(name, profile) if ocr else None)
        # where 'Label:' lines were read but gave nothing, only a column of more labels than title
        # and motto is taken as such (two empty labels alone are 2021's, whose values stand elsewhere)
        if labelled is not None and (not label_order or len(labelled.values) > len(("title", "motto"))):
            found = replace(block, labelled=labelled)
            header = with_facts_outside(labelled_header(found, profile), found, profile, settings)
            return replace(header, doubts=header.doubts + tuple(unmarked_label_doubts(labelled))) if ocr else header
    body_start = last_label + 1
    if ocr:
        doubts += crowded_value_doubts(crowded, settings)
    for field_name in ("title", "motto"):
        if field_name not in label_order:
            doubts.append(flag(field_name, f"no '{profile.labels[field_name]}:' label in the header"))
    empty = [f for f in ("title", "motto") if f not in values]
    for chunk in loose:
        text = join_lines(chunk)
        if not empty or not displaced_value(text, settings):
            continue
        target = empty.pop(0)
        values[target] = text
        used.update(l.number for l in chunk)
        value_lines[target] = chunk
        doubts.append(flag(target, "label empty; value taken from the text near the header"))
    for field_name in empty:
        banner = body_banner(block, used, name, body_start, [v for v in values.values() if v], settings)
        if banner is not None:
            values[field_name] = join_lines([banner])
            used.add(banner.number)
            value_lines[field_name] = [banner]
            doubts.append(flag(field_name, "label empty; value taken from banner text in the project's pages"))
        else:
            values[field_name] = None
            doubts.append(flag(field_name, "label empty and no value found"))
    if values.get("title") and "title" in label_order and "motto" not in label_order \
            and value_lines.get("motto") != value_lines.get("title"):  # no motto split off the title's line
        doubts.append(flag("title", "no motto label was read in the header: the OCR may have read the header's "
                                    "column into the text beside it, so where the title ends is not known"))
    return Header(values.get("title"), values.get("motto"), frozenset(used), value_lines, tuple(doubts),
                  tuple(facts.items()))


def crowded_value_doubts(crowded: dict[str, list[str]], settings: RecordsSettings) -> list[Doubt]:
    """A title or motto read on its label's line, with lines between it and the next label that
    read as running text (the label's column read across into the text beside it leaves the
    column's own lines under it, run into the text's rows). A value-like line there is another
    label's value printed above it ('Projekttitel: …' / 'bewusst.clever.vernetzt' / 'Motto:')."""
    doubts = []
    for field_name, lines in crowded.items():
        lines = [l for l in lines if re.search(r"[^\W\d_]", l)]  # a speck's line ('|') tells nothing
        reason = value_running_text_reason(" ".join(lines), settings) if lines else None
        if field_name in ("title", "motto") and reason:
            doubts.append(flag(field_name, f"the lines '{' / '.join(lines)}' stand between its label and the next "
                                           f"and read as running text ({reason}): an OCR may have read the label's "
                                           "column across into the text beside it"))
    return doubts


def names_project(name: str, profile: Profile) -> Callable[[str], bool]:
    """A test whether a text names the project: one of the name's capitalised words of four
    letters or more ('Tübingen', 'Höxter') that are no words of the profile's sections and size
    classes ('Landkreis', 'Kooperation': a running header says them too), as a word of its own."""
    generic = {w.casefold() for text in (*profile.categories, *profile.size_classes)
               for w in re.findall(r"[^\W\d_]+", text)}
    words = [w for w in re.findall(r"[^\W\d_][\w-]+", name)
             if w[:1].isupper() and len(w) >= NAME_WORD_MIN_LETTERS and w.casefold() not in generic]
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE) if words else None
    return lambda text: bool(pattern and pattern.search(text))


NAME_WORD_MIN_LETTERS = 4  # shorter words of a name ('Bad', 'Ulm') are too often other words' pieces
HEADER_ZONE_LINES = 12  # further down, a header's labels (a sidebar read after the text) must be marked as labels


def labelled_under_size_line(lines: list[Line], profile: Profile, settings: RecordsSettings,
                             names_it: Callable[[str], bool] | None = None) -> LabelledBlock | None:
    """A size line's header whose labels 'Label: value' could not read (a column of labels before
    the column of values, a label without its colon, in small capitals): the labelled block
    (labels.py) that begins at the first label of the project's lines after it (further down than
    HEADER_ZONE_LINES, one printed as a label: label_marked) whose block gives a title or a motto.
    Within HEADER_ZONE_LINES the block may also begin at a title's or motto's label at the end of a
    row of text (title_label_at_line_end: an OCR ran the text beside the header into its rows).
    A column of values that `names_it` (names the project) goes before one that does not."""
    known = known_labels(profile)
    for i, line in enumerate(lines):
        hit = line_label_read(line.text, known)
        # an OCR that ran the text beside the header into its rows left the first label at a row's end
        in_text = i < HEADER_ZONE_LINES and not hit and title_label_at_line_end(line, known) is not None
        if not in_text and (not hit or hit[0] not in ("title", "motto", "fact")
                            or (i >= HEADER_ZONE_LINES and not label_marked(line.text, hit[2]))):
            continue
        block = read_labelled_block(lines, i, known, settings.segment.wrapped_max_gap,
                                    lambda f, t: value_reads_as(f, t, profile, settings),
                                    title_label_at_line_end if in_text else None, names_it)
        # a box of facts ('Kontakt') in the text before a sidebar read after it gives none: look on
        if block is not None and any(block.get(f) is not None and block.get(f).value for f in ("title", "motto")):
            return block
    return None


def unmarked_label_doubts(labelled: LabelledBlock) -> list[Doubt]:
    """In OCR text, a title or motto under a label printed without a colon that shows a column
    beside the label's run into it or the next label lost (unmarked_value_reason)."""
    return [flag(v.field, f"read under the label '{v.label_line.text.strip().split()[0]}' (no colon) in OCR text, "
                          f"{reason}: a column beside it may have run into the value or cut it")
            for v in labelled.values if v.field in ("title", "motto") and v.value and ":" not in v.label_line.text
            and (reason := unmarked_value_reason(v))]


def unmarked_value_reason(value) -> str | None:
    """Why a value under a label without a colon may hold more than its own (or None): on the
    label's row it opens as a sentence does or is long (the text beside the box ran into the row),
    its lines are no one run (a blank line inside: a label between them lost), or it is over
    UNMARKED_VALUE_MAX_LINES lines (a motto whose label an OCR lost ran into the title). A value as
    a title or motto is printed (one or two lines, its own words) passes: most are right."""
    own = [l for l in value.lines if l.number != value.label_line.number]
    words = value.inline.split()
    if words and (words[0].casefold() in SENTENCE_OPENERS or len(words) > UNMARKED_INLINE_MAX_WORDS):
        return f"on the label's row it reads '{value.inline}'"
    numbers = [l.number for l in value.lines]
    if any(b - a > 1 for a, b in zip(numbers, numbers[1:])):
        return "a blank line stands inside the value"
    if len(own) > UNMARKED_VALUE_MAX_LINES:
        return f"it runs over {len(own)} lines"
    return None


SENTENCE_OPENERS = frozenset("der die das den dem des ein eine einer wir sie es er man auch so dabei dafür damit "
                             "deshalb dort hier".split())  # a sentence opens so; a title or motto hardly does
UNMARKED_INLINE_MAX_WORDS = 9  # a title or motto on its label's row is this short ('Koblenz klug: Teilhabe im Wandel')
UNMARKED_VALUE_MAX_LINES = 2  # a title or motto under its label wraps over this many lines at most


def labelled_header(block: ProjectBlock, profile: Profile) -> Header:
    """Title, motto and facts of a header printed as a labelled block (segment found the project
    by it): each value up to the next label; a missing label or an empty value is flagged."""
    labelled = block.labelled
    values: dict[str, str | None] = {}
    value_lines: dict[str, list[Line]] = {}
    doubts: list[Doubt] = []
    for field_name in ("title", "motto"):
        found = labelled.get(field_name)
        values[field_name] = (found.value or None) if found else None
        if found is None:
            doubts.append(flag(field_name, f"no '{profile.labels[field_name]}:' label in the header"))
        elif not found.value:
            doubts.append(flag(field_name, "label empty and no value found"))
        else:
            value_lines[field_name] = list(found.lines)
            if found.unsure and any(isinstance(l, LabelTail) for l in found.lines):
                doubts.append(flag(field_name, "read from the ends of text rows (an OCR ran the box beside the text "
                                               "into its rows): check where the value begins and ends"))
            elif found.unsure:
                doubts.append(flag(field_name, "read from a column of values after the column of labels that could "
                                               "not be checked against it: check that it is this label's"))
            if found.displaced:
                doubts.append(flag(field_name, "the value stands in a column of values after text set between "
                                               "the columns: check that it is this label's"))
            if found.fuzzy and not small_caps_label(found.label_line.text, found.label):
                doubts.append(flag(field_name, f"the label '{found.label_line.text.strip()}' read as "
                                               f"'{found.label}' only by its likeness"))
            run_in = next((v.label_line.text.strip() for v in labelled.values if v.in_text), None)
            if run_in and not found.unsure:
                doubts.append(flag(field_name, f"a label of its box was read in a line of text ('{run_in[:40]}'): an "
                                               "OCR ran the box into the text's rows, and the value's lines may hold "
                                               "the text's words"))
            reason = wrapped_value_reason([l.text for l in found.lines if l.number != found.label_line.number])
            if reason:
                doubts.append(flag(field_name, f"{reason}: an OCR may have read its words out of order or "
                                               "text beside it into it"))
    if labelled.get("motto") is None and values.get("title") and labelled.get("title") is not None \
            and len(labelled.get("title").lines) > 1:
        doubts.append(flag("title", "no motto's label was read after it (an OCR may have garbled it): the title "
                                    "may run on into the motto"))
    # a Land or size class from such a column reads as one, but so may a line of prose that lists Länder
    doubts += [flag(field_name, "the value stands in a column of values after text set between the columns: "
                                "check that it is this label's")
               for field_name in ("states", "size_class")
               if (found := labelled.get(field_name)) is not None and found.value and found.displaced]
    doubts += [flag("description", f"the label '{v.label_line.text}' was read in a line of text (a column run "
                                   "into a box beside it): that line is kept as text")
               for v in labelled.values if v.in_text]
    facts, left, fact_doubts = checked_facts(labelled.values)
    used = (labelled.line_numbers - left) | {l.number for l in block.name_lines}
    return Header(values["title"], values["motto"], frozenset(used), value_lines, tuple(doubts + fact_doubts),
                  tuple(facts.items()))


def with_facts_outside(header: Header, block: ProjectBlock, profile: Profile, settings: RecordsSettings) -> Header:
    """A labelled block's header and the facts printed apart from the block (a sidebar's 'KONTAKT'
    and its value an OCR read after a stretch of the text, where the block had ended) -> the
    header with those facts (facts_in_lines, over the lines after the header that nothing took)
    for the labels the block had not; their lines are no body text. Where a fact was read among the
    text's words (the box ran into the text's rows), a title or motto read on its label's row is
    flagged: the row's words may be the text's."""
    rest = [l for l in block.lines if l.number > block.header_end and not l.blank and l.number not in header.used_lines]
    known = known_labels(profile)
    facts, fact_lines, among_text = facts_in_lines(rest, known, settings.segment.wrapped_max_gap,
                                                   frozenset(label for label, _ in header.facts))
    if not facts:
        return header
    doubts = among_text_doubts(facts, among_text)
    if among_text:  # the box ran into the text's rows: so may the rows its title and motto were read on
        doubts += [flag(field_name, f"read on its label's row ('{lines[0].text.strip()[:50]}') in a box an OCR ran "
                                    "into the text's rows (a fact was read among the text's words): the row's "
                                    "words may be the text's")
                   for field_name, lines in header.value_lines.items()
                   if field_name in ("title", "motto") and lines and line_label_read(lines[0].text, known)]
    return replace(header, facts=header.facts + tuple(facts.items()), used_lines=header.used_lines | fact_lines,
                   doubts=header.doubts + tuple(doubts))


def among_text_doubts(facts: dict[str, str], among_text: frozenset[str]) -> list[Doubt]:
    """A flag on the description per fact read among the words of the text beside its box (an OCR
    ran the box into the text's rows): the value may be garbled by them, and its row stays text."""
    return [flag("description", f"the value of '{label}' was read in a row of the text beside its box (an OCR ran "
                                f"the box into the text's rows): check '{facts[label]}'; the row is kept as text")
            for label in sorted(among_text)]


SMALL_CAPS_LABEL_MAX_EDITS = 2  # 'MotTrTo' for 'Motto': the small capitals' letters read twice


def small_caps_label(text: str, label: str) -> bool:
    """A label in small capitals as an OCR reads them ('MotrTo' for 'MOTTO': capitals inside a
    word, which no German word has) SMALL_CAPS_LABEL_MAX_EDITS letters off the label at most: the
    label surely, whatever likeness its match needed."""
    first = re.sub(r"[^\w]", "", (text.split() or [""])[0])
    return bool(re.search(r"[a-zäöüß][A-ZÄÖÜ]", first)) \
        and Levenshtein.distance(first.casefold(), label.casefold()) <= SMALL_CAPS_LABEL_MAX_EDITS


def wrapped_value_reason(lines: list[str]) -> str | None:
    """Why the lines a labelled value wraps over look misread, or None: a word alone on a line
    that is not the value's last ('Teilhabe' / 'denken' / 'neu') although the next line's first
    word would have fitted beside it, or a line ending in a connector
    whose next line starts anew in capitals ('… Schülerinnen und' / 'Digital und nah: alle')."""
    lines = [l.strip() for l in lines if l.strip()]
    widest = max((len(l) for l in lines), default=0)
    for upper, lower in zip(lines, lines[1:]):
        # a word too long to share its line with the next one wraps so in a narrow box ('Ebersbach-Neugersdorf')
        if len(upper.split()) == 1 and len(upper) + 1 + len(lower.split()[0]) <= widest:
            return f"the word '{upper}' stands alone inside the value"
        if VALUE_LINE_CONNECTOR.search(upper) and lower[:1].isupper() and len(lower.split()) > 1:
            return f"'{upper}' ends in a connector and '{lower}' starts anew"
    return None


VALUE_LINE_CONNECTOR = re.compile(r"\b(?:und|oder|sowie|mit)$")


def body_banner(block: ProjectBlock, used: set[int], name: str, body_start: int, taken: list[str],
                settings: RecordsSettings) -> Line | None:
    """A stand-alone line in the body that reads like a slogan (the value a label lost)."""
    t = settings.text
    lines = [l for l in block.lines if l.number >= body_start and l.number not in used]
    singles = [p[0] for p in paragraphs(lines) if len(p) == 1 and looks_like_value(p[0].text, settings)
               and not any(fuzz.partial_ratio(p[0].text, v) >= settings.fields.banner_repeat_min_score for v in taken)]
    singles = [l for l in singles if t.displaced_min_words <= len(l.text.split()) <= t.banner_max_words
               and not l.text.strip().isupper() and not l.text.rstrip().endswith(("-", ","))]
    if not singles:
        return None
    key = name_key(name).lower()
    with_name = [l for l in singles if key in l.text.lower()]
    return (with_name or singles)[0]
