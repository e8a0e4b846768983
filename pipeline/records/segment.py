"""Segment stage: cleaned text -> Layout (the brochure's parts and one block per project).

Needs the cleaned text and the profile (section names, size classes). A project starts at the
line before its "size class · state" line (the name) and ends where the next project, section
heading or part begins. Lines keep their offsets in the cleaned text so that every block can be
traced back to the raw text.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate

from rapidfuzz import fuzz, process

from pipeline.corrections import Profile
from pipeline.language.lexicon import LAENDER_JOINERS
from pipeline.read.page_furniture import PAGE_BREAK_BLANKS, PAGE_NUMBER, line_key
from pipeline.records.label_facts import lines_under_labels
from pipeline.records.garbled_land import land_for_name, overview_column_lands, overview_lands, size_over_garbled_land
from pipeline.records.listed_starts import MISSED_HEADER_NOTE, starts_of_missed_names
from pipeline.records.labels import LabelledBlock, known_labels, line_label_read, read_labelled_block
from pipeline.records.parted_box import with_parted_box
from pipeline.records.lost_land import lone_land_after, size_class_before_lost_land
from pipeline.records.name_wrap import (NAME_CONNECTORS, closest_listed, connected_lines, debris_after_listed,
                                        listed_as, name_goes_on, name_like, name_with_strays, wrapped_chains)
from pipeline.records.overview_list import lines_to_overview
from pipeline.records.overview_rows import overview_names, section_like
from pipeline.records.parts import find_parts, part_headings
from pipeline.records.row_heads import header_at_row_heads, with_labels_below
from pipeline.records.settings import DEFAULT_RECORDS_SETTINGS, RecordsSettings
from pipeline.records.size_lines import SizeLine, match_category, nearest_state, parse_size_line, running_section
from pipeline.records.text_pages import page_break_between, page_edge_lines, text_pages
from pipeline.records.unnamed_headers import names_for_unnamed_headers
from pipeline.records.unreadable_size import size_of_garbled_header
from pipeline.records.values_above import values_above

@dataclass(frozen=True)
class Line:
    number: int  # 0-based line number in the cleaned text
    start: int  # offset of the line in the cleaned text
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass(frozen=True)
class ProjectBlock:
    category: str | None  # the profile's name of the last section heading before the project
    category_score: float  # how closely that heading matched the name (0 without a heading)
    name_line: Line  # the first line of the name (with name_given: the header's first line)
    name_lines: tuple[Line, ...]  # every line of the name (a long one wraps); none with name_given
    size_line: Line
    size: SizeLine
    lines: list[Line]  # from the name line up to (not including) the next block
    doubtful_heading: str | None = None  # a lone line no profile knows between the section heading and this project
    labelled: LabelledBlock | None = None  # the header as labelled values, where the size class and Land are such
    name_above: str | None = None  # a short line right above the name that no part took: the name may begin there
    section_lines: frozenset[int] = frozenset()  # lines inside naming the section again (a band on a later page)
    name_given: str = ""  # no name read over the header: the overview's in its place (unnamed_headers.py)

    @property
    def header_end(self) -> int:
        """The last line number of the header before the text (the size line, or the name over a
        labelled block, which may stand beside or after the text)."""
        if self.labelled is None:
            return self.size_line.number
        return max((l.number for l in self.name_lines if l.number < self.labelled.first), default=self.name_line.number
                   if not self.name_lines else self.name_lines[-1].number)

    @property
    def start(self) -> int:
        return self.name_line.start

    @property
    def name(self) -> str:
        return self.name_given or " ".join(l.text.strip() for l in self.name_lines)

    @property
    def end(self) -> int:
        last = self.lines[-1]
        return last.start + len(last.text)


@dataclass(frozen=True)
class Layout:
    lines: list[Line]
    parts: dict[str, tuple[int, int]]  # part name -> (first line, end line), found parts only
    projects: list[ProjectBlock]
    running: frozenset[str]  # keys (page_furniture.line_key) of running headers an OCR text kept
    overview: list[dict]  # the brochure's own list of projects: name, category (as printed), members
    listed: list[str]  # the names it lists, or a table overview's (overview_rows.overview_names)


def text_to_lines(text: str) -> list[Line]:
    texts = text.split("\n")
    starts = accumulate((len(t) + 1 for t in texts), initial=0)
    return [Line(number, start, t) for number, (start, t) in enumerate(zip(starts, texts))]


def segment_text(text: str, profile: Profile, settings: RecordsSettings = DEFAULT_RECORDS_SETTINGS) -> Layout:
    lines = text_to_lines(text)
    parts = find_parts(lines, profile, settings)
    first, end = parts.get("projects", (0, len(lines)))
    # a name the contents and the overview list as well is no running header: count the projects' pages only
    running = running_line_keys(lines[first:end], profile, settings)
    overview = lines_to_overview(lines, parts, profile, edition_furniture(lines[first:end], running))
    listed = overview_names(lines, parts, profile, overview) or contents_names(lines, parts, profile, settings)
    lands = overview_lands(lines, parts, profile) or overview_column_lands(lines, parts, profile, listed)
    return Layout(lines, parts, find_projects(lines[first:end], profile, running, listed, settings, lands), running,
                  overview, listed)


def lines_over_headers(lines: list[Line], profile: Profile, settings: RecordsSettings) -> set[int]:
    """The numbers of the text lines right over a size line or a label: where an OCR may put a
    page's footer it read before a sidebar (a name stands there too, but is not repeated). A line
    going on in lower case from the line right over it is a value's end ('Rostock offen: Nachbarschaft'
    / 'neu denken' / 'MOTTO'), however many titles end so."""
    known = known_labels(profile)
    text = [l for l in lines if not l.blank]
    return {line.number for before, line, nxt in zip([None, *text], text, text[1:])
            if (parse_size_line(nxt.text, profile, settings) or line_label_read(nxt.text, known))
            and not (before and before.number + 1 == line.number and line.text.strip()[:1].islower())}


def edition_furniture(lines: list[Line], running: frozenset[str]) -> frozenset[str]:
    """The running lines printed on at least half of the pages (a footer), not a project's name
    over its own continuation pages."""
    pages = text_pages(lines)
    on = Counter(key for page in pages for key in {line_key(l.text) for l in page} & running)
    return frozenset(key for key, n in on.items() if 2 * n >= len(pages))


def running_line_keys(lines: list[Line], profile: Profile, settings: RecordsSettings) -> frozenset[str]:
    """Lines repeated on many pages: running headers that an OCR text still holds. A label
    ('Motto:', 'Zukunftsaufgabe 1:') repeats too, but ends in a colon or is one word; so does a
    size line ('Kleinere Großstadt · Bayern' for three projects), which is never furniture."""
    s = settings.segment
    keys = {text: line_key(text) for text in {l.text for l in lines}}
    edge = (page_edge_lines(lines) | lines_over_headers(lines, profile, settings)) - lines_under_labels(lines, known_labels(profile))
    counts = Counter(keys[l.text] for l in lines if l.number in edge
                     and len(l.text.split()) >= s.running_min_words and not l.text.rstrip().endswith(":"))
    repeated = {k for k, n in counts.items() if n >= s.running_min_repeats}
    # a size line, a size class or a section's name repeats as a value or a band: it is no furniture
    values = {key for text, key in keys.items() if key in repeated and (
        parse_size_line(text, profile, settings) or match_category(text, profile, settings)
        or running_section(text, profile, settings) or line_label_read(text, known_labels(profile))
        or process.extractOne(text.strip(), profile.size_classes, scorer=fuzz.ratio, processor=str.casefold,
                              score_cutoff=s.size_class_min_score))}
    return frozenset(repeated - values)


def contents_names(lines: list[Line], parts: dict[str, tuple[int, int]], profile: Profile,
                   settings: RecordsSettings) -> list[str]:
    """The names a table of contents lists under the projects' part: the lines between its entry
    for that part (a heading of it before the part itself) and its next entry, without the
    sections' names and page numbers ('Osnabrück .... 5'); [] where there is no such contents."""
    if "projects" not in parts:
        return []
    found_at = part_headings(lines, profile, settings)
    entry = next((n for part, n in found_at if part == "projects" and n < parts["projects"][0]), None)
    if entry is None:
        return []
    end = min((n for _, n in found_at if n > entry), default=parts["projects"][0])
    blanks = [k for k in range(entry + 1, end - PAGE_BREAK_BLANKS + 1)
              if all(not lines[j].text.strip() for j in range(k, k + PAGE_BREAK_BLANKS))]
    end = min(blanks, default=end)  # the contents' page ends there: a foreword's lines are none of its entries
    names = [re.sub(r"(?:\s*\.{2,}|…|\s)\s*\d{1,3}$", "", l.text).strip() for l in lines[entry + 1:end]]
    return [n for n in names if n[:1].isupper() and n[-1:] not in ",.;:" and not PAGE_NUMBER.match(n)
            and re.search(r"[^\W\d_]{2}", n) and not match_category(n, profile, settings)]


def lone_groups(lines: list[Line], running: frozenset[str], settings: RecordsSettings) -> list[list[Line]]:
    """Runs of at most `heading_max_lines` text lines with a page break (or the part's start or
    end) before and after them, not counting page furniture an OCR text may still hold there
    (lone numbers, lines repeated on many pages)."""
    chunks = [[l for l in page if not is_page_furniture(l, running)] for page in text_pages(lines)]
    return [chunk for chunk in chunks if 0 < len(chunk) <= settings.segment.heading_max_lines]


def is_page_furniture(line: Line, running: frozenset[str]) -> bool:
    return bool(PAGE_NUMBER.match(line.text)) or line_key(line.text) in running


def find_projects(lines: list[Line], profile: Profile, running: frozenset[str] = frozenset(),
                  listed: list[str] = (), settings: RecordsSettings = DEFAULT_RECORDS_SETTINGS,
                  lands: list[tuple[str, str]] = ()) -> list[ProjectBlock]:
    """Section headings and project headers of the projects part -> blocks. Sections are the
    profile's closed vocabulary: a lone short line the profile does not know (a heading page of an
    unknown section, or a line of prose alone on a page) never replaces the current section and
    never ends a project; the projects after it carry it as `doubtful_heading`."""
    # Page furniture an OCR text kept (a page number, a running header) may stand between a
    # name and its size line: it is no part of either.
    nonblank = without_furniture([l for l in lines if not l.blank], running, profile, settings, listed)
    headings = section_headings(nonblank, profile, settings)  # first line number -> (category, score, last line)
    by_line = {l.number: l for l in nonblank}
    by_number = {l.number: l for l in lines}
    unknown: dict[int, str] = {}
    for group in lone_groups(lines, running, settings):
        if not any(l.number in headings for l in group) and not parse_size_line(group[-1].text, profile, settings):
            text = " ".join(l.text.strip() for l in group).rstrip(":")
            if len(text.split()) <= settings.segment.heading_max_words and text[:1].isupper() \
                    and not re.search(r"\d", text):
                unknown[group[0].number] = text
    in_heading = {n for first, (_, _, last) in headings.items() for n in range(first, last + 1)}
    banners = {n for n in headings if running_section(by_line[n].text, profile, settings)}
    starts = []  # (name lines, size line, SizeLine, labelled block or None)
    known, in_block, reads_states = known_labels(profile), -1, lambda t: value_reads_as("states", t, profile, settings)
    banded: dict[int, int] = {}  # a name's first line -> the band between it and its header (the record's section)
    unnamed = []  # (first line, SizeLine, labelled block) of headers read whole with no name over them
    reads_as = lambda field, text: value_reads_as(field, text, profile, settings)  # noqa: E731
    read_at = lambda k: read_labelled_block(nonblank, k, known, settings.segment.wrapped_max_gap, reads_as)  # noqa: E731
    for i, line in enumerate(nonblank):
        if line.number <= in_block:
            continue
        size = parse_size_line(line.text, profile, settings)
        if size and i > 0 and nonblank[i - 1].number not in in_heading:
            starts.append((name_lines_before(nonblank, i, in_heading, listed, profile, settings), line, size, None))
            continue
        if size and i > 0 and listed:  # right under a section's band: the name over the band, or none read
            if name := listed_name_over_heading(nonblank, i, in_heading, listed, settings, by_number):
                starts.append((name, line, size, None))
                banded[name[0].number] = max(n for n in headings if n < line.number)
            elif line_before_band(nonblank, i, in_heading, by_number) is None:
                unnamed.append((line, size, None))
            continue
        lost = i > 0 and nonblank[i - 1].number not in in_heading and land_lost_start(nonblank, i, listed, profile, settings)
        if lost:
            starts.append(lost)
            continue
        block = read_at(i) if i > 0 else None
        block = with_parted_box(block, nonblank, i, read_at, reads_as,
                                lambda t: line_label_read(t, known) is not None) if block else block
        block, top = values_above(block, nonblank, i, reads_as) if block else (block, i)
        size = labelled_size(block, profile, settings) if block else None
        garbled = None if size or not block else size_of_garbled_header(
            block, section_in_force(headings, line.number), profile, reads_states)
        heads = None if size or garbled or not block else header_at_row_heads(
            block, nonblank, i, known, profile, settings.segment.size_class_min_score, reads_states)
        if heads:  # a Land garbled at a row's head is taken as a garbled Land under its label is
            block = with_labels_below(heads.block, nonblank, i, known, read_at)
            garbled, lost = (heads.fields, None) if heads.land_read else (None, heads.fields)
        else:
            lost = None if size or garbled or not block else size_over_garbled_land(
                block, by_number, profile, settings.segment.size_class_min_score, reads_states,
                section_in_force(headings, line.number))
        if (size or garbled or lost) and nonblank[top - 1].number not in in_heading:
            name = name_over_block(nonblank, top, in_heading, listed, profile, settings, by_number)
            # a size class or Land read from nothing is a project's only where the overview lists the name over it
            if (garbled or lost) and (not name or not listed_as(" ".join(l.text.strip() for l in name), listed,
                                                                 settings.segment.listed_min_score)):
                continue
            if lost:
                *fields, note = land_for_name(lost, " ".join(l.text.strip() for l in name), lands, settings.segment.listed_min_score)
            size = size or (SizeLine(*garbled, size_note=heads.size_note if heads else "") if garbled
                            else SizeLine(*fields, land_note=note, size_note=heads.size_note if heads else ""))
            in_block = max(block.line_numbers, default=in_block)
            if name:
                name = name_with_strays(name, list(block.strays), listed)
                starts.append((name, line, size, block))
            elif size and listed:
                unnamed.append((nonblank[top], size, block))
        elif size and listed and (name := listed_name_over_heading(nonblank, i, in_heading, listed, settings, by_number)):
            band = max(n for n in headings if n < line.number)
            starts.append((name, line, size, block))
            banded[name[0].number], in_block = band, max(block.line_numbers, default=in_block)
        elif size and listed and line_before_band(nonblank, i, in_heading, by_number) is None:
            unnamed.append((line, size, block))  # nothing over the band on its page: the name is unread
            in_block = max(block.line_numbers, default=in_block)
    if listed:  # a listed project whose header was garbled past the readings above
        # a header read whole without its name (unnamed) is no missed one: the overview's order names it below
        occupied = in_heading | {l.number for start in starts for l in start[0]} \
            | {n for start in starts if start[3] is not None for n in start[3].line_numbers} \
            | {line.number for line, _, _ in unnamed} \
            | {n for _, _, block in unnamed if block is not None for n in block.line_numbers}
        missed = starts_of_missed_names(nonblank, starts, listed, lands, occupied,
                                        lambda number: section_in_force(headings, number), known, read_at, profile, settings)
        starts += [(name, line, SizeLine(h.size_text, h.size_class, h.score, h.states_text, land_note=h.land_note,
                                         size_note=h.size_note, header_note=MISSED_HEADER_NOTE), block)
                   for name, line, h, block in missed]
    given = names_for_unnamed_headers([(s[0][0].number, " ".join(l.text.strip() for l in s[0])) for s in starts],
                                      [line.number for line, _, _ in unnamed], listed, settings.segment.listed_min_score) \
        if unnamed else {}
    starts += [([line], line, size, block) for line, size, block in unnamed if line.number in given]
    starts.sort(key=lambda start: start[0][0].number)
    # a labelled value ('Interkommunale Kooperationen/Landkreis') is no heading: it would end the project there
    taken = {n for start in starts if start[3] is not None for n in start[3].line_numbers}
    headings = {first: hit for first, hit in headings.items() if not taken & set(range(first, hit[2] + 1))}
    blocks = []
    index = {l.number: i for i, l in enumerate(nonblank)}
    last_number = lines[-1].number if lines else 0
    boundaries = sorted([s[0][0].number for s in starts] + list(headings) + [last_number + 1])
    for name_lines, size_line, size, labelled in starts:
        name_line = name_lines[0]
        category, since = None, -1
        for number, (cat, score, _) in sorted(headings.items()):
            if number < name_line.number or number == banded.get(name_line.number):
                category, since = (cat, score), number
        # the section in force named again (a band over a continuation page) ends no project: its line is furniture;
        # under no section, neither does the section of its size class (a band an OCR read inside its page)
        own = category[0] if category else profile.section_of_size_class(size.size_class)
        # nor does the section of its size class read right after its header, before any other project starts:
        # the band over its own page, an OCR read after the sidebar ('Weimar' / header / 'MITTELSTÄDTE' / text)
        late = late_band_line(name_line.number, next_start_line(boundaries, headings, name_line.number), headings,
                              profile.section_of_size_class(size.size_class), profile)
        if late is not None and profile.canonical(headings[late][0]) != profile.canonical(own):
            category, own, since = headings[late][:2], headings[late][0], late
        end = next(b for b in boundaries if b > name_line.number and b != banded.get(name_line.number) and b != late
                   and not (own and profile.canonical(headings.get(b, ("",))[0]) == profile.canonical(own)))
        repeated = frozenset(n for b, (_, _, last) in headings.items() if name_line.number < b < end for n in range(b, last + 1))
        if since in banners and page_break_between(by_number, since, name_line.number):
            category = None  # a running header names the section of its own page only
        doubtful = next((text for number, text in sorted(unknown.items()) if since < number < name_line.number), None)
        block_lines = [by_number[n] for n in range(name_line.number, end) if n in by_number]
        above = line_above_name(nonblank, index[name_line.number], in_heading, known, settings, profile)
        blocks.append(ProjectBlock(category[0] if category else None, category[1] if category else 0.0,
                                   name_line, () if name_line.number in given else tuple(name_lines), size_line, size,
                                   block_lines, doubtful, labelled, above, repeated, given.get(name_line.number, "")))
    return blocks


def next_start_line(boundaries: list[int], headings: dict, number: int) -> int:
    """The first boundary after line `number` that is no heading (the next project's start)."""
    return next((b for b in boundaries if b > number and b not in headings), boundaries[-1])


def late_band_line(first: int, stop: int, headings: dict, size_section: str | None, profile: Profile) -> int | None:
    """The first heading between a project's first line and `stop` (the next project's start)
    that names the section of the project's size class; None for none."""
    if size_section is None:
        return None
    return next((b for b in sorted(headings) if first < b < stop
                 and profile.canonical(headings[b][0]) == profile.canonical(size_section)), None)


def land_lost_start(nonblank: list[Line], i: int, listed: list[str], profile: Profile, settings: RecordsSettings):
    """A size line whose Land an OCR lost (lost_land.py) under a name the overview lists -> the
    project's start (name lines, size line, SizeLine with the Land printed alone after it); else None."""
    min_score = settings.segment.size_class_min_score
    hit = size_class_before_lost_land(nonblank[i].text, profile, min_score)
    bare = None if hit else size_class_before_lost_land(nonblank[i].text, profile, min_score, bare=True)
    name = name_lines_before(nonblank, i, in_heading=set(), listed=listed, profile=profile, settings=settings) \
        if hit or bare else []
    if not name or closest_listed(" ".join(l.text.strip() for l in name), listed)[1] < settings.segment.listed_min_score:
        return None
    known = known_labels(profile)
    land = lone_land_after(nonblank, i, lambda t: parse_size_line(t, profile, settings) or (
        (label := line_label_read(t, known)) is not None and label[0] in ("states", "size_class")),
        "" if hit else profile.size_state_separators)
    return (name, nonblank[i], SizeLine(*(hit or bare), land[1], land_apart=True), None) if land else None


def section_in_force(headings: dict[int, tuple[str, float, int]], number: int) -> str | None:
    """The section of the last heading before line `number`; None before the first."""
    return next((cat for first, (cat, _, _) in sorted(headings.items(), reverse=True) if first < number), None)


def without_furniture(nonblank: list[Line], running: frozenset[str], profile: Profile,
                      settings: RecordsSettings, listed: list[str] = ()) -> list[Line]:
    """Non-blank lines -> those that are no page furniture. A line repeated as a running header
    that stands right over one size line or labelled header is the project's name there (a
    continuation page's header repeats the name), where the brochure's list of projects, if it
    has one, names it; one over several (a footer the OCR read before a sidebar), or one the list
    does not name (the edition's title over a header whose name was not read), is furniture."""
    known = known_labels(profile)
    over_header = Counter(line_key(line.text) for line, nxt in zip(nonblank, nonblank[1:])
                          if line_key(line.text) in running
                          and (parse_size_line(nxt.text, profile, settings) or line_label_read(nxt.text, known)))
    return [line for line in nonblank
            if not is_page_furniture(line, running) or over_header[line_key(line.text)] == 1
            and (not listed or listed_as(line.text.strip(), listed, settings.segment.listed_min_score))]


def line_above_name(nonblank: list[Line], i: int, in_heading: set[int], known: dict[str, tuple[str, str]],
                    settings: RecordsSettings, profile: Profile) -> str | None:
    """The line right above a name that nonblank[i] begins, where it could be the name's first
    line ('Landkreis' over 'Märkisch-Oderland'; 'Warburg in Kooperation mit Bad Driburg und' over
    'Steinheim'): near it, short or ending in a word that joins a name's parts, capitalised, no sentence's end,
    no section heading (nor a line like one, an OCR's 'Grofggstadte': overview_rows.section_like), label or
    size line, and the end of nothing above it."""
    if i == 0:
        return None
    above, name = nonblank[i - 1], nonblank[i]
    if name.number - above.number > settings.segment.wrapped_max_gap or above.number in in_heading \
            or line_label_read(above.text, known) or not name_like(above.text, settings) \
            or (len(above.text.split()) > NAME_START_MAX_WORDS and not NAME_CONNECTORS.search(above.text.strip())) \
            or section_like(above.text.strip(), profile):
        return None
    if i > 1 and above.number - nonblank[i - 2].number <= settings.segment.wrapped_max_gap \
            and nonblank[i - 2].number not in in_heading:
        return None  # the line above goes on from text above it: a paragraph's end, not a name's start
    return above.text.strip()


NAME_START_MAX_WORDS = 2  # a name's first line cut off by the line break ('Landkreis', 'Bad') is this short


def value_reads_as(field_name: str, text: str, profile: Profile, settings: RecordsSettings) -> bool | None:
    """Whether a line can be the value of a labelled size class or Land(s); None for other fields."""
    if field_name == "size_class":
        return bool(process.extractOne(text, profile.size_classes, scorer=fuzz.ratio,
                                       score_cutoff=settings.segment.size_class_min_score))
    if field_name == "states":
        pieces = [p.strip(" .") for p in LAENDER_JOINERS.split(text) if p.strip(" .")]
        return bool(pieces) and all(nearest_state(p, settings) for p in pieces)
    return None


def labelled_size(block: LabelledBlock, profile: Profile, settings: RecordsSettings) -> SizeLine | None:
    """A labelled block's size class and Land(s) as a SizeLine, if it prints both and they read as
    a size class and as Länder."""
    size, states = block.get("size_class"), block.get("states")
    if size is None or states is None or not size.value or not states.value:
        return None
    found = process.extractOne(size.value, profile.size_classes, scorer=fuzz.ratio,
                               score_cutoff=settings.segment.size_class_min_score)
    pieces = [p.strip(" .") for p in LAENDER_JOINERS.split(states.value) if p.strip(" .")]
    if not found or not pieces or not all(nearest_state(p, settings) for p in pieces):
        return None
    return SizeLine(size.value, found[0], found[1], states.value)


def name_over_block(nonblank: list[Line], i: int, in_heading: set[int], listed: list[str], profile: Profile,
                    settings: RecordsSettings, by_number: dict[int, Line]) -> list[Line] | None:
    """The name over a labelled block that starts at nonblank[i]: the line(s) right before it, or,
    where that is running text (the block stands beside or after the text, a sidebar), a line
    after the page break above (blank lines only make one: running lines taken out do not): the
    one the brochure's list of projects names, or else the first short one. Where the line right
    before reads as a name but the list names no such project and names one at the page's top,
    that one (a sidebar read after the text whose last line looks like a name: 'Sommerfest, Bänke
    am')."""
    name = name_lines_before(nonblank, i, in_heading, listed, profile, settings)
    read = " ".join(l.text.strip() for l in name)
    listed_as_read = not listed or closest_listed(read, listed)[1] >= settings.segment.listed_min_score
    if name_like(read, settings) and listed_as_read:
        return name
    if i > 0 and page_break_between(by_number, nonblank[i - 1].number, nonblank[i].number):
        # the block opens its page: the page before holds none of its name
        return name if name_like(read, settings) else None
    k = i - 1
    while k > 0 and not page_break_between(by_number, nonblank[k - 1].number, nonblank[k].number) \
            and nonblank[k - 1].number not in in_heading:
        k -= 1
    # a listed name with an OCR's specks after it ('Löningen .. o') is one too: the specks go later (names.py)
    starts = [j for j in range(k, i) if name_like(nonblank[j].text, settings)
              or debris_after_listed(nonblank[j].text.strip(), tuple(listed), settings)]
    listed_name = listed_chain(nonblank, starts, i, listed, settings)
    if listed_name:
        return listed_name  # a sidebar after the text: the name the overview lists at the page's top
    if name_like(read, settings):
        return name
    return connected_lines(wrapped_chains(nonblank, starts[0], i, settings)[-1]) if starts else None


def listed_chain(nonblank: list[Line], starts: list[int], end: int, listed: list[str],
                 settings: RecordsSettings) -> list[Line] | None:
    """Of the lines a name may begin at (`starts`) and wrap from before nonblank[end], the chain
    the overview lists most closely, at least `listed_min_score`; else None."""
    chains = [chain for j in starts for chain in wrapped_chains(nonblank, j, end, settings)]
    scored = [(closest_listed(" ".join(l.text.strip() for l in chain), listed)[1], -n, chain)
              for n, chain in enumerate(chains)]
    best = max(scored, key=lambda s: s[:2], default=None)
    return best[2] if best and best[0] >= settings.segment.listed_min_score else None


def listed_name_over_heading(nonblank: list[Line], i: int, in_heading: set[int], listed: list[str],
                             settings: RecordsSettings, by_number: dict[int, Line]) -> list[Line] | None:
    """The name over a labelled header or a size line right under a section's band (nonblank[i - 1]
    is a heading's line: a sidebar read after the text, or a name printed over the band): a line between the page break
    above and the band that the overview lists; else None (a header under a heading alone makes no
    project)."""
    k = line_before_band(nonblank, i, in_heading, by_number)
    if k is None or nonblank[k].number in in_heading:
        return None
    top = k
    while top > 0 and not page_break_between(by_number, nonblank[top - 1].number, nonblank[top].number) \
            and nonblank[top - 1].number not in in_heading:
        top -= 1
    starts = [j for j in range(top, k + 1) if name_like(nonblank[j].text, settings)]
    return listed_chain(nonblank, starts, k + 1, listed, settings)


def line_before_band(nonblank: list[Line], i: int, in_heading: set[int], by_number: dict[int, Line]) -> int | None:
    """The last line before the band over nonblank[i] on its page (index); None: the band opens it."""
    k = i - 1
    while k > 0 and nonblank[k].number in in_heading:
        k -= 1
    return None if k < 0 or page_break_between(by_number, nonblank[k].number, nonblank[k + 1].number) else k


def section_headings(nonblank: list[Line], profile: Profile,
                     settings: RecordsSettings) -> dict[int, tuple[str, float, int]]:
    """Lines, or up to `heading_max_lines` adjacent lines read as one, that name a section of the
    profile -> first line number: (section, score, last line number)."""
    s = settings.segment
    headings: dict[int, tuple[str, float, int]] = {}
    covered = -1
    for i, line in enumerate(nonblank):
        if line.number <= covered:
            continue
        for k in range(1, s.heading_max_lines + 1):
            chunk = nonblank[i : i + k]
            if len(chunk) < k or (k > 1 and chunk[-1].number - chunk[-2].number > s.wrapped_max_gap):
                break
            if k > 1 and match_category(chunk[-1].text, profile, settings):
                break  # the next line is a heading of its own
            hit = match_category(" ".join(l.text.strip() for l in chunk), profile, settings) \
                or (running_section(line.text, profile, settings) if k == 1 else None)
            if hit:
                headings[line.number] = (*hit, chunk[-1].number)
                covered = chunk[-1].number
                break
    return headings


def name_lines_before(nonblank: list[Line], i: int, in_heading: set[int], listed: list[str],
                      profile: Profile, settings: RecordsSettings) -> list[Line]:
    """The line(s) over the size line nonblank[i] that print the project's name. A long name wraps
    over up to `name_max_lines` lines: the lines above belong to it when the brochure's own list of
    projects prints them together as one name, or, where the list does not settle it, when a line
    ends in a word that cannot end a name ('… in Kooperation mit X und') or the next one goes on
    in lower case or in brackets."""
    s = settings.segment
    chain = [nonblank[i - 1]]
    for above in reversed(nonblank[max(0, i - s.name_max_lines) : i - 1]):
        if chain[0].number - above.number > s.wrapped_max_gap or above.number in in_heading \
                or parse_size_line(above.text, profile, settings):
            break
        chain.insert(0, above)
    options = [chain[len(chain) - k :] for k in range(1, len(chain) + 1)]  # one line, two lines, …
    # an OCR layer may give a name's lines out of order: the words of the list's entry count too
    scores = [max(closest_listed(joined, listed)[1], closest_listed(joined, listed, fuzz.token_sort_ratio)[1])
              for joined in (" ".join(l.text.strip() for l in option) for option in options)]
    if max(scores) >= s.listed_min_score:
        return options[scores.index(max(scores))]
    taken = options[0]
    for option in options[1:]:
        if not name_goes_on(option[0].text, option[1].text):
            break
        taken = option
    return taken
