"""Extract stage: the Layout's project blocks -> project records (dicts the models validate),
with their doubts.

Needs the Layout's blocks, the Cleaned text (to see which edits touch a value), the profile and
the Source (its route tells what the text can be trusted for). Produces one record per block with
the fields of projects.json, `needs_review` (the fields the evidence does not settle) and
`review_notes` (why). A value read from "Label: value" on one line is trusted; a value found
elsewhere (next lines, banner text) is taken as the best reading and always flagged. The parts
return what they read and their doubts (draft.py), and block_to_record builds the draft from them:
header.py (Länder, title, motto), body.py (description and figure text), names.py (the name
against the overview, the words of the values), pages.py (the printed page).
"""
from __future__ import annotations

import hashlib
import re
import statistics
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from pipeline.corrections import Profile
from pipeline.language.lexicon import Lexicon, state_code
from pipeline.read.load import Source
from pipeline.read.page_furniture import PAGE_NUMBER, line_key
from pipeline.records.body import (Page, body_paragraphs, cut_sentence_doubts, empty_description_doubts,
                                   list_without_introduction_doubts, move_foreign_paragraphs, quality_doubts,
                                   stopless_tail_doubts, stray_marks_doubts, unended_paragraph_doubts,
                                   verbless_sentence_rest_doubts, visual_lines)
from pipeline.records.columns import paragraphs_in_column_order
from pipeline.records.draft import Doubt, Record, flag, note
from pipeline.records.fact_values import (address_spelling_doubts, figure_among_words_doubts, misread_point_doubts,
                                          unshaped_fact_doubts)
from pipeline.records.header import block_to_header, text_to_states
from pipeline.records.ids import record_id
from pipeline.records.names import (NameReading, doubtful_word_doubts, listed_spelling_in_values_doubts,
                                    name_against_overview, name_line_doubts, other_spelling_in_values_doubts,
                                    uncertain_edit_doubts, unsure_reading_doubts)
from pipeline.records.pages import Pages, lines_to_pages, page_of
from pipeline.records.labels import known_labels, label_key, line_label_read
from pipeline.records.name_wrap import line_after_name, name_cut_reason
from pipeline.records.page_numbers import figure_numbers, lone_numbers, page_number_lines
from pipeline.records.heading_doubts import contradicted_headings
from pipeline.records.segment import Layout, ProjectBlock
from pipeline.records.settings import DEFAULT_RECORDS_SETTINGS, RecordsSettings
from pipeline.records.size_lines import SizeLine, match_category, parse_size_line, running_section
from pipeline.records.text import join_lines, value_running_text_reason
from pipeline.records.unnamed_headers import UNNAMED_HEADER_NOTE
from pipeline.records.value_doubts import (lost_name_words_doubts, misread_mark_doubts, name_with_words_lost,
                                         odd_word_doubts, sentence_inside_value_doubts,
                                         unfinished_value_doubts)
from pipeline.repair.clean import Cleaned


@dataclass(frozen=True)
class Document:
    """What the record extraction needs to know about the whole text."""

    pages: Pages
    lexicon: Lexicon
    ocr: bool  # OCR output (a scan, English-model OCR): unsettled words in values are flagged
    usual_line: float  # median length of the project pages' lines with three words or more
    running: frozenset[str]  # keys of lines repeated on many pages: running headers an OCR text kept
    styled: frozenset[int] = frozenset()  # raw offsets of lines a text layer sets in another size
    larger: frozenset[int] = frozenset()  # raw offsets of those of them set larger than the text
    listed: tuple[str, ...] = ()  # the names in the brochure's own overview of all projects
    positions: bool = False  # the text came with word positions (a PDF): its columns are in order
    sections: tuple[str, ...] = ()  # the section names as this edition prints them (its headings, its overview)
    page_numbers: frozenset[int] = frozenset()  # a text's lines of lone numbers that count its pages
    unsure: dict[int, tuple[str, ...]] = field(default_factory=dict)  # scans: raw offset of a line -> words Tesseract was unsure of


def document_facts(layout: Layout, source: Source, cleaned: Cleaned, lexicon: Lexicon, profile: Profile,
                   settings: RecordsSettings = DEFAULT_RECORDS_SETTINGS) -> Document:
    """What the Source's route and the whole Layout tell every record: its pages, whether it is
    OCR, whether its columns came in order, and the names the overview lists (a table overview's
    too)."""
    least = settings.columns.measured_line_min_words
    lengths = [len(l.text) for b in layout.projects for l in b.lines if len(l.text.split()) >= least]
    return Document(lines_to_pages(layout.lines, source.page_numbers), lexicon,
                    cleaned.damaged or source.kind == "pdf-ocr", statistics.median(lengths) if lengths else 0.0,
                    layout.running, source.styled_lines, source.larger_lines,
                    tuple(layout.listed),
                    source.kind != "text", printed_sections(layout, source.removed_lines, profile, settings),
                    page_number_lines(layout.lines) if source.kind == "text" else frozenset(),
                    unsure_by_line(source.unsure))


def unsure_by_line(pairs: tuple[tuple[int, str], ...]) -> dict[int, tuple[str, ...]]:
    """(offset of a line, word) pairs -> each line's words."""
    lines: dict[int, tuple[str, ...]] = {}
    for offset, word in pairs:
        lines[offset] = (*lines.get(offset, ()), word)
    return lines


def printed_sections(layout: Layout, removed: tuple[str, ...], profile: Profile,
                     settings: RecordsSettings) -> tuple[str, ...]:
    """The profile's section names this edition prints: under its headings, in its overview and in
    the running headers a PDF's reading took out (`removed`: 'Modellprojekte Smart Cities |
    Kleinstädte und Landgemeinden')."""
    running = [hit[0] for line in removed if (hit := running_section(line, profile, settings))]
    found = [b.category for b in layout.projects] + [e.get("category") for e in layout.overview] + running
    return tuple(dict.fromkeys(c for c in found if c))


def layout_to_records(layout: Layout, cleaned: Cleaned, profile: Profile, doc: Document,
                      settings: RecordsSettings = DEFAULT_RECORDS_SETTINGS,
                      generic: frozenset[str] = frozenset()) -> list[Record]:
    """Every project block -> its record draft; a paragraph that speaks of another project only
    goes to that project (`generic`: words of names that name no project, PlaceRules.generic_words)."""
    doubted = contradicted_headings(layout.projects, profile, lambda b: sure_size_class(b.size, profile, settings))
    return move_foreign_paragraphs([block_to_record(block, cleaned, profile, doc, settings, i in doubted)
                                    for i, block in enumerate(layout.projects)], settings, generic)


def block_to_record(block: ProjectBlock, cleaned: Cleaned, profile: Profile, doc: Document,
                    settings: RecordsSettings = DEFAULT_RECORDS_SETTINGS, heading_doubted: bool = False) -> Record:
    """One project block -> its record draft, built here in one go from what the parts read, with
    their doubts in the order the output's notes give them. `heading_doubted`: a project before it
    under its heading showed a heading missed (heading_doubts.py)."""
    reading = name_against_overview(block.name, doc.listed, settings, doc.lexicon) if doc.listed else NameReading(block.name)
    reading = name_with_words_lost(reading, doc.listed, settings)
    size = block.size
    states, state_notes = text_to_states(size.states_text, settings)
    header = block_to_header(block, profile, reading.name, settings, doc.ocr)
    # lines of the header zone that no field took (a value's second line) stay text, never vanish
    body = [l for l in block.lines if l.number > block.header_end and l.number not in header.used_lines]
    styled = frozenset(l.number for l in body if cleaned.raw_offset(l.start) in doc.styled)
    larger = frozenset(l.number for l in body if cleaned.raw_offset(l.start) in doc.larger)
    page = Page(doc.lexicon, doc.usual_line, (header.title or "", header.motto or ""), tuple(profile.caption_labels),
                reading.name, tuple((l.number, max(map(len, parts))) for l in body
                                    if len(parts := visual_lines(cleaned, [l])) > 1))
    # a PDF's running lines were taken out by their place on the page (read/page_furniture.py): a
    # line repeated inside the body is text there
    running = (frozenset() if doc.positions else doc.running) | {line_key(l.text) for l in body
                                                                 if l.number in block.section_lines}
    # a PDF's page numbers were taken out by their place on the page: a lone number left in its
    # body is a figure's ('48' over 'Ladepunkte'), not furniture to drop; so is one in a text
    # that counts no pages with the text's other lone numbers
    at_figures = frozenset(at for at, _, _ in lone_numbers(body) if doc.positions or at not in doc.page_numbers)
    kept, figures, furniture, body_doubts = body_paragraphs(body, page, running, styled, settings, larger, at_figures)
    numbers = [t for t in furniture if PAGE_NUMBER.match(t)] if doc.positions else figure_numbers(body, doc.page_numbers)
    if doc.positions:  # a PDF: its words came in column order already
        description, column_notes = "\n\n".join(join_lines(p) for p in kept), []
    else:
        texts, column_notes = paragraphs_in_column_order([visual_lines(cleaned, p) for p in kept], doc.usual_line,
                                                         doc.lexicon, settings)
        description = "\n\n".join(texts)
    section = section_of_record(block.category, size.size_class, profile, doc.sections)
    fields = {"id": record_id(block.name), "name": reading.name, "category": profile.canonical(section),
              "category_printed": section, "size_class": size.size_class, "states": states,
              "state_codes": [state_code(s) for s in states], "title": header.title, "motto": header.motto,
              "page": page_of(block, doc.pages), "description": description,
              "figure_text": [*reading.debris, *strays_left(block), *(join_lines(p) for p in figures), *numbers],
              "facts": dict(header.facts)}
    sure_size = sure_size_class(size, profile, settings)
    doubts = [*name_line_doubts(block.name), *reading.doubts, *misread_point_doubts(header.facts),
              *figure_among_words_doubts(header.facts), *unshaped_fact_doubts(header.facts, profile.fact_shapes),
              *address_spelling_doubts(header.facts, reading.name),
              *category_doubts(block, settings, section, doc.sections, sure_size),
              *section_size_doubts(profile.canonical(block.category), size.size_class, profile),
              *([flag("category", "the size class was not read surely and a project before this one under the same "
                                  "heading has a size class of another section (a heading was missed): the section "
                                  "may be wrong")] if heading_doubted and not sure_size else []),
              *([flag("name", UNNAMED_HEADER_NOTE.format(line=block.name_line.number + 1))] if block.name_given else []),
              *([flag("name", f"the line '{block.name_above}' stands right above the name: the name may "
                              "begin there")] if block.name_above else []),
              *size_class_doubts(size, profile, settings), *unreadable_size_doubts(size, settings),
              *name_piece_doubts(block, reading.name, profile, settings),
              *([flag("states", "; ".join(state_notes))] if state_notes else []), *land_apart_doubts(size),
              *([flag("states", size.land_note)] if size.land_note else []),
              *([flag("size_class", size.size_note)] if size.size_note else []),
              *([flag(f, size.header_note) for f in ("title", "motto")] if size.header_note else []),
              *header.doubts,
              *(Doubt("description", text, flagged=not sure) for text, sure in column_notes), *body_doubts,
              *quality_doubts(description, doc.lexicon, settings), *stray_marks_doubts(description, settings),
              *empty_description_doubts(description, fields["figure_text"]), *cut_sentence_doubts(description),
              *verbless_sentence_rest_doubts(description, doc.lexicon), *stopless_tail_doubts(description, doc.lexicon),
              *list_without_introduction_doubts(description), *unended_paragraph_doubts(description, doc.lexicon),
              *uncertain_edit_doubts({"name": list(block.name_lines), **header.value_lines}, cleaned, fields),
              *unsure_reading_doubts({"name": list(block.name_lines), **header.value_lines}, doc.unsure,
                                     cleaned, fields, doc.listed),
              *listed_spelling_in_values_doubts(fields, reading.as_listed, reading.read_as),
              *running_text_value_doubts(fields, settings, doc.lexicon), *lost_name_words_doubts(fields, block.name),
              *label_in_value_doubts(fields, profile),
              *other_spelling_in_values_doubts(fields, settings)]
    if doc.ocr:
        doubts += doubtful_word_doubts(fields, doc.lexicon, doc.listed, tuple(doubts), settings)
        doubts += misread_mark_doubts(fields, doc.lexicon) + unfinished_value_doubts(fields, doc.lexicon)
        doubts += odd_word_doubts(fields, doc.lexicon)
        doubts += sentence_inside_value_doubts(fields)
    return Record(fields, tuple(doubts), tuple(t for t in furniture if not PAGE_NUMBER.match(t)))


def strays_left(block: ProjectBlock) -> list[str]:
    """Lines read among the header's labels that did not go on the name: kept as figure text."""
    strays = block.labelled.strays if block.labelled is not None else ()
    return [join_lines([l]) for l in strays if l not in block.name_lines]


def name_piece_doubts(block: ProjectBlock, name: str, profile: Profile, settings: RecordsSettings) -> list[Doubt]:
    """A name whose pieces may stand elsewhere: cut after a connector, its end read among the
    header's labels (taken, or kept as figure text), or a short line right under it left off."""
    doubts = []
    reason = name_cut_reason(name)
    if reason:
        doubts.append(flag("name", reason))
    strays = block.labelled.strays if block.labelled is not None else ()
    taken = [l.text.strip() for l in strays if l in block.name_lines]
    if taken:
        doubts.append(flag("name", f"'{' '.join(taken)}' stood among the header's labels and was read as the name's end"))
    left = strays_left(block)
    if left:
        doubts.append(flag("name", f"'{' '.join(left)}' stood among the header's labels (kept as figure text): it "
                                   "may be part of the name"))
    if block.labelled is not None and any(v.field == "size_class" and v.unsure for v in block.labelled.values):
        doubts.append(flag("size_class", "read from the line after the Land with no readable label over it"))
    known = known_labels(profile)
    below = block.name_lines and line_after_name(
        block.lines, list(block.name_lines), settings.segment.wrapped_max_gap,
        lambda text: line_label_read(text, known) or parse_size_line(text, profile, settings)
        or text.strip() == block.size_line.text.strip() or match_category(text, profile, settings))  # or a section's band
    if below and below not in name:
        doubts.append(flag("name", f"the short line '{below}' stands right under the name: the name may go on there"))
    return doubts


INNER_LABEL = re.compile(r"(?<=\s)([A-ZÄÖÜ][^\W\d_]{2,}):")  # a capitalised word and a colon past a value's start
INNER_LABEL_MIN_SCORE = 60  # so like a label ('Morro' / 'Motto'): one the OCR misread, read into the value before it


def label_in_value_doubts(fields: dict, profile: Profile) -> list[Doubt]:
    """A title or motto that holds a word like a label and a colon inside it, or a capitalised word
    like the label of a title or motto the record lacks ('… gestalten Morro Klug verbunden …', no
    motto): the next label's value may have been read into it."""
    known = known_labels(profile)
    keys = list(known)
    lacking = [key for key, (field_name, _) in known.items() if field_name in ("title", "motto") and not fields.get(field_name)]
    doubts = []
    for field_name in ("title", "motto"):
        value = fields.get(field_name) or ""
        word = next((w for w in INNER_LABEL.findall(value)
                     if process.extractOne(label_key(w), keys, scorer=fuzz.ratio, score_cutoff=INNER_LABEL_MIN_SCORE)), None)
        if word:
            doubts.append(flag(field_name, f"'{word}:' inside the value may be a label an OCR misread: the next "
                                           "label's value may have been read into it"))
            continue
        word = next((w for w in value.split()[1:] if w[:1].isupper() and lacking and process.extractOne(
            label_key(w), lacking, scorer=fuzz.ratio, score_cutoff=INNER_LABEL_MIN_SCORE)), None)
        if word:
            doubts.append(flag(field_name, f"'{word}' inside the value is like the label of a field this record lacks: "
                                           "that label and its value may have been read into it"))
    return doubts


GARBLED_HEADING_MIN_SCORE = 70  # "Grofggstadte" / "großstädte" (in lower case; casefold would make "ß" "ss"): the heading an OCR garbled


def category_doubts(block: ProjectBlock, settings: RecordsSettings, section: str | None = None,
                    printed: tuple[str, ...] = (), sure_size: bool = False) -> list[Doubt]:
    """A project under no clear section heading, or after a lone line that looks like one. Where no
    section was in force yet, the size class is read surely and the section it belongs to is one
    the brochure prints (`section`, among `printed`), that section is the project's: a note only
    (also where the lone line is that section's name garbled, GARBLED_HEADING_MIN_SCORE like it)."""
    if block.category is None and sure_size and section is not None and section in printed and (
            block.doubtful_heading is None
            or fuzz.ratio(block.doubtful_heading.lower(), section.lower()) >= GARBLED_HEADING_MIN_SCORE):
        return [note("category", "no section heading was read before this project: the section of its size class, "
                                 "as the brochure prints it, was taken")]
    doubts = []
    if block.doubtful_heading is not None:
        doubts.append(flag("category", f"'{block.doubtful_heading}' stands alone like a section heading but is no "
                                       "section of the profile; the section before it was kept"))
    if block.category is None or block.category_score < settings.fields.category_min_score:
        doubts.append(flag("category", "no clear section heading before this project"))
    return doubts


def running_text_value_doubts(fields: dict, settings: RecordsSettings, lexicon: Lexicon) -> list[Doubt]:
    """A title or motto that reads as running text rather than a value (value_running_text_reason,
    or a sentence's start: opens_as_a_sentence)."""
    doubts = []
    for field_name in ("title", "motto"):
        reason = value_running_text_reason(fields[field_name], settings) if fields[field_name] else None
        if reason is None and fields[field_name] and opens_as_a_sentence(fields[field_name], lexicon):
            reason = f"it opens as a sentence does, an adverb and its verb: '{' '.join(fields[field_name].split()[:2])}'"
        if reason:
            doubts.append(flag(field_name, f"the value reads as running text ({reason}): the text beside the "
                                           "label may have been read into it"))
    return doubts


VERB_SECOND_MIN_WORDS = 5  # a title this long opening on an adverb and a finite verb is a sentence ('Hier entsteht Zukunft' is not)


def opens_as_a_sentence(value: str, lexicon: Lexicon) -> bool:
    """'Dennoch bleibt der persönliche Kontakt wichtig: …': an adverb, then a finite verb, in a
    value of VERB_SECOND_MIN_WORDS words or more: a sentence's start with its verb second, as
    titles and mottos are not written (a line of the text beside the label read as its value)."""
    words = value.split()
    return len(words) >= VERB_SECOND_MIN_WORDS and words[0].isalpha() and words[1].isalpha() \
        and lexicon.tags.best_tag(words[0]) in ("ADV", "PROAV") and (lexicon.tags.best_tag(words[1]) or "").endswith("(FIN)")


def section_size_doubts(category: str | None, size_class: str, profile: Profile) -> list[Doubt]:
    """A section whose projects have other size classes than this one's (its heading was missed):
    the record takes the size class's (section_of_record), flagged."""
    own = profile.section_of_size_class(size_class)
    if category and own and own != category:
        return [flag("category", f"the size class {size_class} belongs to the section {own}, not {category} under "
                                 f"which it stands: taken as {own}")]
    return []


def section_of_record(heading: str | None, size_class: str, profile: Profile, printed: tuple[str, ...]) -> str | None:
    """The section as printed a record takes: its heading's, or where there is none or its projects
    have other size classes (a heading missed, or one an OCR damaged past reading: 'MITTELS'), the
    section of the record's size class, by the one name the edition prints for it (`printed`) or
    the profile knows for it. Either way the section is flagged then (category_doubts,
    section_size_doubts)."""
    own = profile.section_of_size_class(size_class)
    if own is None or profile.canonical(heading) == own:
        return heading
    names = [c for c in printed if profile.canonical(c) == own] \
        or [c for c in profile.categories if profile.canonical(c) == own]
    return names[0] if len(names) == 1 else heading


def sure_size_class(size: SizeLine, profile: Profile, settings: RecordsSettings) -> bool:
    """A size class read as one (its score) and close to no second one (size_class_doubts)."""
    return size.score >= settings.segment.size_class_min_score and not size_class_doubts(size, profile, settings)


def size_class_doubts(size: SizeLine, profile: Profile, settings: RecordsSettings) -> list[Doubt]:
    """A size class as printed that is about as close to two of the profile's classes (none where
    nothing was read: unreadable_size_doubts says so)."""
    if not size.size_text.strip():
        return []
    ranked = process.extract(size.size_text, profile.size_classes, scorer=fuzz.ratio, limit=2)
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < settings.fields.class_min_margin:
        return [flag("size_class", f"'{size.size_text}' is close to both {ranked[0][0]} and {ranked[1][0]}")]
    return []


def land_apart_doubts(size: SizeLine) -> list[Doubt]:
    """A size line that printed no Land (lost_land.py): the Land a line of the pages prints alone was taken."""
    if not size.land_apart:
        return []
    return [flag("states", f"the size line '{size.size_text}' prints no Land: '{size.states_text}', alone on a line of "
                           "the project's pages, was taken")]


def unreadable_size_doubts(size: SizeLine, settings: RecordsSettings) -> list[Doubt]:
    """A size class printed past reading (unreadable_size.py): taken as the likest of its section's."""
    if size.score >= settings.segment.size_class_min_score or size.size_note:  # a size note says where it came from
        return []
    if not size.size_text.strip():
        return [flag("size_class", f"nothing was read under the size class's label: of its section's, {size.size_class} "
                                   "was taken")]
    return [flag("size_class", f"the size class printed under the Land reads '{size.size_text}', like no size class: "
                               f"of its section's, the likest ({size.size_class}) was taken")]


def block_spans(layout: Layout, cleaned: Cleaned) -> list[tuple[int, int]]:
    """Where each project block stands in the raw text (start, end), in the order of the blocks."""
    return [(cleaned.raw_offset(b.start), cleaned.raw_offset(b.end)) for b in layout.projects]


def records_to_dicts(records: list[Record], raw: str, spans: list[tuple[int, int]]) -> list[dict]:
    """Record drafts -> the dicts the models validate, each with the hash of its raw text."""
    return [{**r.fields, "needs_review": r.needs_review, "review_notes": r.review_notes,
             "source_sha256": hashlib.sha256(raw[a:b].encode("utf-8")).hexdigest()}
            for r, (a, b) in zip(records, spans)]


def removed_lines(source: Source, records: list[Record]) -> list[str]:
    """The running headers and footers taken out: a PDF's (read/load.py), and those an OCR text
    kept on the records' pages (body.py), each once."""
    return list(dict.fromkeys([*source.removed_lines, *(t for r in records for t in r.furniture)]))


def route_of(source: Source, cleaned: Cleaned) -> str:
    """The input's route as the output names it: a PDF whose text layer is damaged OCR is
    'pdf-damaged'."""
    return "pdf-damaged" if source.kind == "pdf" and cleaned.damaged else source.kind
