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

from rapidfuzz import fuzz, process

from pipeline.corrections import Profile
from pipeline.language.lexicon import LAENDER_JOINERS, german_states
from pipeline.read.page_furniture import PAGE_BREAK_BLANKS, PAGE_NUMBER, line_key
from pipeline.records.settings import DEFAULT_RECORDS_SETTINGS, RecordsSettings

NAME_CONNECTORS = re.compile(r"(?:\b(?:und|mit|in|an|am|der|bei|im|sowie)|[,&/+-])$")


@dataclass(frozen=True)
class Line:
    number: int  # 0-based line number in the cleaned text
    start: int  # offset of the line in the cleaned text
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass(frozen=True)
class SizeLine:
    size_text: str
    size_class: str
    score: float
    states_text: str


@dataclass(frozen=True)
class ProjectBlock:
    category: str | None  # the profile's name of the last section heading before the project
    category_score: float  # how closely that heading matched the name (0 without a heading)
    name_line: Line  # the first line of the name
    name_lines: tuple[Line, ...]  # every line of the name (a long one wraps)
    size_line: Line
    size: SizeLine
    lines: list[Line]  # from the name line up to (not including) the next block
    doubtful_heading: str | None = None  # a lone line no profile knows between the section heading and this project

    @property
    def start(self) -> int:
        return self.name_line.start

    @property
    def name(self) -> str:
        return " ".join(l.text.strip() for l in self.name_lines)

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


def text_to_lines(text: str) -> list[Line]:
    lines, pos = [], 0
    for number, line in enumerate(text.split("\n")):
        lines.append(Line(number, pos, line))
        pos += len(line) + 1
    return lines


def segment_text(text: str, profile: Profile, settings: RecordsSettings = DEFAULT_RECORDS_SETTINGS) -> Layout:
    lines = text_to_lines(text)
    parts = find_parts(lines, profile, settings)
    first, end = parts.get("projects", (0, len(lines)))
    running = running_line_keys(lines, profile, settings)
    overview = lines_to_overview(lines, parts, profile)
    listed = [entry["name"] for entry in overview]
    return Layout(lines, parts, find_projects(lines[first:end], profile, running, listed, settings), running, overview)


def running_line_keys(lines: list[Line], profile: Profile, settings: RecordsSettings) -> frozenset[str]:
    """Lines repeated on many pages: running headers that an OCR text still holds. A label
    ('Motto:', 'Zukunftsaufgabe 1:') repeats too, but ends in a colon or is one word; so does a
    size line ('Kleinere Großstadt · Bayern' for three projects), which is never furniture."""
    s = settings.segment
    keys = {text: line_key(text) for text in {l.text for l in lines}}
    counts = Counter(keys[l.text] for l in lines
                     if len(l.text.split()) >= s.running_min_words and not l.text.rstrip().endswith(":"))
    repeated = {k for k, n in counts.items() if n >= s.running_min_repeats}
    sizes = {key for text, key in keys.items() if key in repeated and parse_size_line(text, profile, settings)}
    return frozenset(repeated - sizes)


def find_parts(lines: list[Line], profile: Profile, settings: RecordsSettings) -> dict[str, tuple[int, int]]:
    """Numbered part headings ('2. Bewertungskriterien') -> line ranges. A heading may say more
    than the profile's name ('4. Übersicht Modellprojekte Smart Cities 2020'): it is compared by
    its beginning too."""
    starts = []
    for line in lines:
        m = re.match(r"^\s*\d{1,2}\.\s+(.+?)\s*$", line.text)
        if not m:
            continue
        heading = re.sub(r"\s*(?:19|20)\d\d(?:\s*-\s*(?:19|20)\d\d)?$", "", m.group(1))
        found = process.extractOne(heading, profile.parts, scorer=heading_score,
                                   score_cutoff=settings.segment.part_min_score)
        if found and found[2] not in (s[0] for s in starts):
            starts.append((found[2], line.number))
    ranges = {}
    for i, (name, start) in enumerate(starts):
        end = starts[i + 1][1] if i + 1 < len(starts) else len(lines)
        ranges[name] = (start, end)
    return ranges


def heading_score(heading: str, name: str, **_) -> float:
    return max(fuzz.ratio(heading, name), fuzz.ratio(heading[: len(name)], name) if len(heading) > len(name) else 0)


def parse_size_line(text: str, profile: Profile, settings: RecordsSettings = DEFAULT_RECORDS_SETTINGS) -> SizeLine | None:
    """'Kleinere Großstadt « Nordrhein-Westfalen' -> SizeLine, or None for any other line."""
    seps = re.escape(profile.size_state_separators)
    # '(cid:127)': pdfminer's name for a glyph its font does not map to a character (a bullet)
    longest = 3 * max(map(len, profile.size_classes))  # a left part longer never scores as a size class
    for m in re.finditer(rf"\s+(?:[{seps}]|\(cid:\d+\))\s+", text):
        if m.start() > longest:
            break  # each separator further on would slice and match the whole line again
        left, right = text[: m.start()].strip(), text[m.end() :].strip()
        if not left or not right:
            continue
        found = process.extractOne(left, profile.size_classes, scorer=fuzz.ratio,
                                   score_cutoff=settings.segment.size_class_min_score)
        if found:
            return SizeLine(left, found[0], found[1], right)
    return size_line_without_separator(text, profile, settings)


def size_line_without_separator(text: str, profile: Profile, settings: RecordsSettings) -> SizeLine | None:
    """OCR may lose the mark between size class and Land, or glue it to the size class
    ('Kleinere Großstadt: Niedersachsen'): a line that begins with a size class and goes on with
    nothing but names of Länder is a size line too."""
    s = settings.segment
    words, marks = text.split(), profile.size_state_separators + " "
    for size_class in profile.size_classes:
        n = len(size_class.split())
        if not n < len(words) <= n + s.states_max_words:
            continue
        head = " ".join(words[:n]).strip(marks)
        score = fuzz.ratio(head, size_class)
        rest = " ".join(words[n:]).strip(marks)
        pieces = [p.strip(" .") for p in LAENDER_JOINERS.split(rest) if p.strip(" .")]
        if score >= s.size_class_min_score and pieces and all(nearest_state(p, settings) for p in pieces):
            return SizeLine(head, size_class, score, rest)
    return None


def nearest_state(piece: str, settings: RecordsSettings = DEFAULT_RECORDS_SETTINGS) -> tuple[str, float] | None:
    """The Land an OCR-damaged name stands for ('Bayem' -> Bayern): the closest of the sixteen
    when it is close (state_min_score), or when it is fairly close (state_nearest_score) and no
    other Land comes near it (state_margin). The caller flags every such reading."""
    s = settings.segment
    best, second = process.extract(piece, german_states(), scorer=fuzz.ratio, limit=2)
    if best[1] >= s.state_min_score or (best[1] >= s.state_nearest_score and best[1] - second[1] >= s.state_margin):
        return best[0], best[1]
    return None


def match_category(text: str, profile: Profile, settings: RecordsSettings) -> tuple[str, float] | None:
    cleaned = re.sub(r"^[^\w]*\w?\W*(?=[A-ZÄÖÜ])|[:\s]+$", "", text.strip()) if text.strip() else ""
    for candidate in dict.fromkeys((text.strip(), cleaned)):  # ordered: the same answer on every run
        found = process.extractOne(candidate, profile.categories, scorer=fuzz.ratio,
                                   score_cutoff=settings.segment.section_min_score)
        if found:
            return found[0], found[1]
    return None


def lone_groups(lines: list[Line], running: frozenset[str], settings: RecordsSettings) -> list[list[Line]]:
    """Runs of at most `heading_max_lines` text lines with a page break (or the part's start or
    end) before and after them, not counting page furniture an OCR text may still hold there
    (lone numbers, lines repeated on many pages)."""
    chunks: list[list[Line]] = [[]]  # the text lines between page breaks
    blank_run = 0
    for line in lines:
        if line.blank:
            blank_run += 1
            continue
        if blank_run >= PAGE_BREAK_BLANKS and chunks[-1]:
            chunks.append([])
        chunks[-1].append(line)
        blank_run = 0
    chunks = [[l for l in chunk if not is_page_furniture(l, running)] for chunk in chunks]
    return [chunk for chunk in chunks if 0 < len(chunk) <= settings.segment.heading_max_lines]


def is_page_furniture(line: Line, running: frozenset[str]) -> bool:
    return bool(PAGE_NUMBER.match(line.text)) or line_key(line.text) in running


def find_projects(lines: list[Line], profile: Profile, running: frozenset[str] = frozenset(),
                  listed: list[str] = (), settings: RecordsSettings = DEFAULT_RECORDS_SETTINGS) -> list[ProjectBlock]:
    """Section headings and project headers of the projects part -> blocks. Sections are the
    profile's closed vocabulary: a lone short line the profile does not know (a heading page of an
    unknown section, or a line of prose alone on a page) never replaces the current section and
    never ends a project; the projects after it carry it as `doubtful_heading`."""
    # Page furniture an OCR text kept (a page number, a running header) may stand between a
    # name and its size line: it is no part of either.
    nonblank = [l for l in lines if not l.blank and not is_page_furniture(l, running)]
    headings = section_headings(nonblank, profile, settings)  # first line number -> (category, score, last line)
    unknown: dict[int, str] = {}
    for group in lone_groups(lines, running, settings):
        if not any(l.number in headings for l in group) and not parse_size_line(group[-1].text, profile, settings):
            text = " ".join(l.text.strip() for l in group).rstrip(":")
            if len(text.split()) <= settings.segment.heading_max_words and text[:1].isupper() \
                    and not re.search(r"\d", text):
                unknown[group[0].number] = text
    in_heading = {n for first, (_, _, last) in headings.items() for n in range(first, last + 1)}
    starts = []  # (name lines, size line, SizeLine)
    for i, line in enumerate(nonblank):
        size = parse_size_line(line.text, profile, settings)
        if size and i > 0 and nonblank[i - 1].number not in in_heading:
            starts.append((name_lines_before(nonblank, i, in_heading, listed, profile, settings), line, size))
    blocks = []
    by_number = {l.number: l for l in lines}
    last_number = lines[-1].number if lines else 0
    boundaries = sorted([s[0][0].number for s in starts] + list(headings) + [last_number + 1])
    for name_lines, size_line, size in starts:
        name_line = name_lines[0]
        end = next(b for b in boundaries if b > name_line.number)
        category, since = None, -1
        for number, (cat, score, _) in sorted(headings.items()):
            if number < name_line.number:
                category, since = (cat, score), number
        doubtful = next((text for number, text in sorted(unknown.items()) if since < number < name_line.number), None)
        block_lines = [by_number[n] for n in range(name_line.number, end) if n in by_number]
        blocks.append(ProjectBlock(category[0] if category else None, category[1] if category else 0.0,
                                   name_line, tuple(name_lines), size_line, size, block_lines, doubtful))
    return blocks


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
            hit = match_category(" ".join(l.text.strip() for l in chunk), profile, settings)
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
    in lower case."""
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
        upper, lower = option[0].text.strip(), option[1].text.strip()
        if not (NAME_CONNECTORS.search(upper) or lower[:1].islower()):
            break
        taken = option
    return taken


def closest_listed(name: str, listed: list[str], scorer=fuzz.ratio) -> tuple[str, float]:
    """The closest entry of the brochure's list of projects and how similar it is (0-100);
    with fuzz.token_sort_ratio, its words in any order."""
    found = process.extractOne(name.strip(), listed, scorer=scorer, processor=str.casefold) if listed else None
    return (found[0], found[1]) if found else ("", 0.0)


def lines_to_overview(lines: list[Line], parts: dict[str, tuple[int, int]], profile: Profile) -> list[dict]:
    """Headings ending in ':' and their entries ({name, category, members, start: where the
    name stands in the text}); '+ X' lines are members of the entry above. The list ends at the
    first page break after it began."""
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
        if category is None or words & not_in_names or text.endswith(","):
            continue
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
