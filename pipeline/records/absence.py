"""Why no project was found: what the segmenter looked for and what of it the text holds, for the
refusal (exit 2) to say.

Needs the Layout (lines, parts and project blocks), the profile and the settings. Produces the
refusal's sentence (the two header forms looked for, then the parts, section headings, size
classes and labels that were found), and warnings for headers no project block was made from and
for text between the projects that no block holds.
"""
from __future__ import annotations

from collections import Counter

from rapidfuzz import fuzz, process

from pipeline.corrections import Profile
from pipeline.read.page_furniture import PAGE_NUMBER, line_key
from pipeline.records.labels import known_labels, line_label_read, read_labelled_block
from pipeline.records.segment import Layout, Line, labelled_size, value_reads_as
from pipeline.records.settings import RecordsSettings
from pipeline.records.size_lines import match_category, parse_size_line, running_section


def looked_for(profile: Profile) -> str:
    """The header forms a project is found by, in the profile's words."""
    states = "/".join(profile.value_labels.get("states", [])) or "no label"
    size = "/".join(profile.value_labels.get("size_class", [])) or "no label"
    return (f"a 'size class {profile.size_state_separators[0]} Land' line under a name, or a labelled block with a "
            f"Land ({states}) and a size class ({size}) under a name")


def found_in_text(layout: Layout, profile: Profile, settings: RecordsSettings) -> str:
    """What of it the text holds: the parts' headings, section headings, lines that name a size
    class, size lines and the labels read (how often each)."""
    first, end = layout.parts.get("projects", (0, len(layout.lines)))
    lines = [l for l in layout.lines[first:end] if not l.blank]
    known = known_labels(profile)
    labels = Counter(hit[1] for l in lines if (hit := line_label_read(l.text, known)))
    sizes = sum(1 for l in lines if process.extractOne(l.text.strip(), profile.size_classes, scorer=fuzz.partial_ratio,
                                                       score_cutoff=settings.segment.size_class_min_score))
    size_lines = sum(1 for l in lines if parse_size_line(l.text, profile, settings))
    sections = sum(1 for l in lines if match_category(l.text, profile, settings))
    parts = ", ".join(f"'{profile.parts[p]}'" for p in layout.parts) or "no part heading"
    label_text = ", ".join(f"{label} ×{n}" for label, n in labels.most_common()) or "no label"
    return (f"{parts}; {sections} section headings; {sizes} lines naming a size class, {size_lines} of them "
            f"'size class · Land' lines; {label_text}")


def no_project_message(layout: Layout, profile: Profile, settings: RecordsSettings) -> str:
    return (f"no model project found: looked for {looked_for(profile)}; found {found_in_text(layout, profile, settings)}"
            " (none of them made a header with a name, a size class and a Land)")


def headers_without_name(layout: Layout, profile: Profile, settings: RecordsSettings) -> list[str]:
    """Warnings for project headers (a size line, or a labelled block with a size class and a
    Land) in the projects' part that no project block starts from: no name could be read over
    them (a section heading right above, or the name lost to the OCR), so no record was made."""
    first, end = layout.parts.get("projects", (0, len(layout.lines)))
    lines = [l for l in layout.lines[first:end] if not l.blank]
    taken = {b.size_line.number for b in layout.projects}
    known, in_block, warnings = known_labels(profile), -1, []
    for i, line in enumerate(lines):
        if line.number <= in_block:
            continue
        size = parse_size_line(line.text, profile, settings)
        block = None if size else read_labelled_block(lines, i, known, settings.segment.wrapped_max_gap,
                                                      lambda f, t: value_reads_as(f, t, profile, settings))
        if block is not None:
            size = labelled_size(block, profile, settings)
            in_block = max(block.line_numbers, default=in_block) if size else in_block
        if size and line.number not in taken:
            title = block.get("title").value if block is not None and block.get("title") else None
            what = f"{size.size_class}, {size.states_text}" + (f", '{title}'" if title else "")
            warnings.append(f"a project's header ({what}) at line {line.number + 1} has no name over it that "
                            "could be read: no record was made for it")
    return warnings


def text_in_no_record(layout: Layout, profile: Profile, settings: RecordsSettings) -> list[str]:
    """A warning for text between the projects, or between the projects part's start and the first
    project, that no project block holds (a heading taken for a section's, ending a project before
    its text; a first name read too low): not a heading, page number or running line, with a letter
    in it. It is in no field, so it is said, however short."""
    if not layout.projects:
        return []
    held = {l.number for b in layout.projects for l in b.lines}
    first = min(b.name_line.number for b in layout.projects)
    start, end = (layout.parts["projects"][0] + 1, layout.parts["projects"][1]) if "projects" in layout.parts \
        else (first, len(layout.lines))
    left = [l for l in layout.lines[start:end] if not l.blank and l.number not in held and not PAGE_NUMBER.match(l.text)
            and line_key(l.text) not in layout.running and not match_category(l.text, profile, settings)
            and not running_section(l.text, profile, settings)]
    left = [l for l in left if any(c.isalpha() for c in l.text)]
    left = [l for l in left if not in_wrapped_heading(l, layout.lines, profile, settings)]
    if not left:
        return []
    words = sum(len(l.text.split()) for l in left)
    where = "before the first project" if all(l.number < first for l in left) else "between the projects"
    return [f"{len(left)} line(s) of text {where} ({words} words, from line {left[0].number + 1}: "
            f"'{left[0].text.strip()[:60]}') belong to no record: they are in no field"]


def in_wrapped_heading(line: Line, lines: list[Line], profile: Profile, settings: RecordsSettings) -> bool:
    """Whether `line` and the non-blank line before or after it read together as a section's
    heading ('Interkommunale Kooperationen' | 'und Landkreise'), or the lines standing together
    with it do (heading_paragraph: a divider page's heading over three lines): asked of the few
    lines in no record only, as a whole pass over the text costs a tenth of a second."""
    before = next((l for l in reversed(lines[:line.number]) if not l.blank), None)
    after = next((l for l in lines[line.number + 1:] if not l.blank), None)
    return any(match_category(f"{a.text.strip()} {b.text.strip()}", profile, settings)
               for a, b in ((before, line), (line, after)) if a is not None and b is not None) \
        or heading_paragraph(line, lines, profile, settings)


WRAPPED_HEADING_MAX_LINES = 4  # a section's name over three lines on a divider page ('Interkommunale' | 'Kooperationen und' | 'Landkreise')


def heading_paragraph(line: Line, lines: list[Line], profile: Profile, settings: RecordsSettings) -> bool:
    """Whether the lines standing together with `line` (no blank line between) read as a section's
    heading, WRAPPED_HEADING_MAX_LINES lines at most."""
    first = line.number
    while first > 0 and not lines[first - 1].blank and line.number - first < WRAPPED_HEADING_MAX_LINES:
        first -= 1
    end = line.number + 1
    while end < len(lines) and not lines[end].blank and end - first <= WRAPPED_HEADING_MAX_LINES:
        end += 1
    together = lines[first:end]
    return 2 < len(together) <= WRAPPED_HEADING_MAX_LINES and (first == 0 or lines[first - 1].blank) \
        and (end == len(lines) or lines[end].blank) \
        and match_category(" ".join(l.text.strip() for l in together), profile, settings) is not None
