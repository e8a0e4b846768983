"""A family of brochure designs that differ in structure, not only in geometry, each made from a seed.

    python -m benchmarks.design_family SEED OUTDIR [--scans]   # truth.json, brochure.pdf (and scans)

benchmarks/layout_family.py varies one house style's geometry; publishers also vary its structure.
A seed draws, besides that geometry (fonts, columns, gutters, running lines, figure elements), one
value of each structural axis (`Structure`):

- `labels`, where the labelled fields sit: `inline` ('Projekttitel: value'), `above` (the label on
  its own line over its value), `sidebar` (a box beside the description, capitalised labels over
  their values) or `table` (a key/value table over the description, `ruled` or not);
  `label_case` (`normal`, `caps`, `smallcaps`; a sidebar always capitalises) and `colon`;
- `land_size`: the classic 'size class · Land' line under the name (`line`) or 'Bundesland' and
  'Größenklasse' as labelled values among the others (`labelled`);
- `facts`: extra labelled facts ('Einwohner', 'Förderphase', 'Fördersumme', 'Kontakt', 'Website');
  the truth keeps them per project as `facts` {label: value}; they are not description;
- `sections`, how a section is marked: a `divider` page, a coloured `band` at the top of each
  project page in capitals ('GROSSSTÄDTE'), a `running` header naming it, or a plain `heading`
  over the section's first project;
- the name: its font and size, `name_lines` 2 to break a name of several words over two lines;
- `columns` of the description (one to three; two at most beside a sidebar) and `continued_name`:
  continuation pages whose running header repeats the project's name;
- `overview` as a `list` (as the house style) or a ruled `table`; `toc`, a table of contents;
- `lead`: the description's first paragraph set as a lead over the whole text area, in type
  `lead` times the body's (1.2 to 1.45; 0: none). It is drawn from a stream of its own, so every
  seed keeps its edition's other draws (projects, design, structure); a seed that now draws a lead
  is rendered differently from the lead on (the wrapping draws from the page's stream).

Every design prints every field (name, section, size class, Land, title, motto, description)
somewhere. The truth records them, the facts, and every word drawn on a project's pages
(`page_words`), as layout_family does.
"""
from __future__ import annotations

import random
import re
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from . import layout_family
from .layout_family import (FONTS, HEIGHT, WIDTH, Design, Flow, Page, corpus_sentences, cover_page,
                            flow_description, overview_list,
                            random_design, random_project, register_fonts, running_lines,
                            string_width, unhyphenated, wrap, SECTIONS)

LABEL_PLACES = ("inline", "above", "sidebar", "table")
LABEL_CASES = ("normal", "caps", "smallcaps")
SECTION_MARKS = ("divider", "band", "running", "heading")
LABELS = {"size_class": "Größenklasse", "states": "Bundesland", "title": "Projekttitel", "motto": "Motto"}
FACT_LABELS = ("Einwohner", "Förderphase", "Fördersumme", "Kontakt", "Website")
CONTACTS = ["Stabsstelle Digitalisierung", "Amt für Stadtentwicklung", "Referat Smart City", "Wirtschaftsförderung"]
PHASES = ["Strategiephase", "Umsetzungsphase", "Strategie- und Umsetzungsphase"]
BANDS = [((0.05, 0.35, 0.45), (1, 1, 1)), ((0.75, 0.88, 0.92), (0, 0, 0)), ((0.55, 0.1, 0.2), (1, 1, 1)),
         ((0.95, 0.85, 0.55), (0, 0, 0))]  # (band colour, text colour)
SMALL_CAPS = 0.78  # size of the small capitals against the first letter's


@dataclass
class Structure:
    labels: str  # inline | above | sidebar | table
    label_case: str  # normal | caps | smallcaps
    colon: bool
    ruled: bool  # a table's rows between rules
    land_size: str  # line | labelled
    facts: list[str]
    sections: str  # divider | band | running | heading
    name_lines: int  # 2: a name of several words is broken over two lines
    name_font: str
    name_size: float
    columns: int
    sidebar_left: bool
    continued_name: bool
    overview: str  # list | table
    toc: bool
    band: int  # which of BANDS
    lead: float = 0.0  # the first paragraph's type against the body's; 0: no lead paragraph


def random_structure(rng: random.Random, design: Design) -> Structure:
    labels = rng.choice(LABEL_PLACES)
    columns = min(design.columns, 2) if labels == "sidebar" else design.columns
    return Structure(
        labels=labels, label_case=rng.choice(LABEL_CASES[1:] if labels == "sidebar" else LABEL_CASES),
        colon=rng.random() < 0.5, ruled=rng.random() < 0.5, land_size=rng.choice(["line", "labelled"]),
        facts=[f for f in FACT_LABELS if rng.random() < 0.4], sections=rng.choice(SECTION_MARKS),
        name_lines=rng.choice([1, 2]), name_font=rng.choice(list(FONTS)), name_size=rng.choice([18, 20, 24, 28, 32]),
        columns=columns, sidebar_left=rng.random() < 0.5, continued_name=rng.random() < 0.5,
        overview=rng.choice(["list", "table"]), toc=rng.random() < 0.5, band=rng.randrange(len(BANDS)))


def random_facts(rng: random.Random, project: dict, labels: list[str]) -> dict[str, str]:
    slug = re.sub(r"[^a-z]", "", project["town"].lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue"))
    values = {"Einwohner": f"{rng.randint(3, 600)}.{rng.randint(0, 999):03d}", "Förderphase": rng.choice(PHASES),
              "Fördersumme": f"{rng.randint(2, 17)},{rng.randint(0, 9)} Mio. Euro", "Kontakt": rng.choice(CONTACTS),
              "Website": f"www.{slug}.de/smart-city"}
    return {label: values[label] for label in labels}


def random_lead(seed: int) -> float:
    """The lead paragraph's type size against the body's, 0 for none, from the seed's own stream."""
    rng = random.Random(f"lead {seed}")
    return rng.choice([1.2, 1.3, 1.45]) if rng.random() < 0.5 else 0.0


def random_edition(seed: int) -> dict:
    """The truth of one edition (records, design and structure), before rendering."""
    rng = random.Random(seed)
    sentences = corpus_sentences()
    year = rng.choice([2019, 2020, 2021, 2021, 2023])
    printed = {"Mittelstädte": "Mittlere Städte"} if year == 2019 else {}
    projects, used = [], set()
    for section in SECTIONS:
        for _ in range(rng.choice([1, 1, 2, 2, 3])):
            project = random_project(rng, section, used, sentences)
            project["category"] = printed.get(section, section)
            project["displaced"] = None  # layout_family's displaced values are geometry's business
            projects.append(project)
    design = random_design(rng)
    structure = random_structure(rng, design)
    structure.lead = random_lead(seed)
    for project in projects:
        project["facts"] = random_facts(rng, project, structure.facts)
    return {"seed": seed, "edition": {"title": f"Modellprojekte Smart Cities {year}", "year": year},
            "design": asdict(design), "structure": asdict(structure), "projects": projects}


# ---------------------------------------------------------------- pieces of a project page

def labelled_items(project: dict, st: Structure) -> list[tuple[str, str]]:
    """(label, value) of the labelled fields in the order the design prints them."""
    items = []
    if st.land_size == "labelled":
        items += [(LABELS["states"], ", ".join(project["states"])), (LABELS["size_class"], project["size_class"])]
    items += [(LABELS["title"], project["title"]), (LABELS["motto"], project["motto"])]
    return items + list(project["facts"].items())


def draw_label(page: Page, x: float, y: float, label: str, font: str, size: float, st: Structure,
               case: str | None = None) -> float:
    """Draws a label as the design sets it; returns its width."""
    case = case or st.label_case
    text = label + (":" if st.colon else "")
    if case == "normal":
        page.strings.append((x, y, text, font, size))
        return string_width(text, font, size)
    text = text.upper()  # 'Größenklasse' -> 'GRÖSSENKLASSE'
    if case == "caps":
        page.strings.append((x, y, text, font, size))
        return string_width(text, font, size)
    head, rest = text[0], text[1:]
    page.strings.append((x, y, head, font, size))
    x1 = x + string_width(head, font, size)
    page.strings.append((x1, y, rest, font, size * SMALL_CAPS, {"glue": True}))
    return x1 - x + string_width(rest, font, size * SMALL_CAPS)


def header_items(page: Page, items, design: Design, st: Structure, y: float, rng: random.Random) -> float:
    """Labels inline or above their values, down from `y`; returns the y under them."""
    regular, bold, _ = FONTS[design.font]
    size = design.size + 1
    lead = design.size * design.lead * 1.3
    for label, value in items:
        if st.labels == "above":
            draw_label(page, design.margin, y, label, bold, size, st)
            y -= lead
            for line in wrap(value, regular, size, design.text_width(), rng, 0):
                page.strings.append((design.margin, y, line, regular, size))
                y -= lead
        else:
            x = design.margin + draw_label(page, design.margin, y, label, bold, size, st) + size * 0.45
            for line in wrap(value, regular, size, WIDTH - design.margin - x, rng, 0):
                page.strings.append((x, y, line, regular, size))
                y -= lead
        y -= 0.3 * lead
    return y


def sidebar(page: Page, items, design: Design, st: Structure, x: float, y: float, width: float,
            rng: random.Random) -> None:
    """A grey box at `x` from `y` down: each label in capitals over its value."""
    regular, bold, _ = FONTS[design.font]
    size = design.size - 0.5
    lead = size * 1.3
    pad = 8
    rows = [(label, wrap(value, regular, size, width - 2 * pad, rng, 0)) for label, value in items]
    height = sum(lead * (len(lines) + 1.7) for _, lines in rows) + pad
    page.rects.append((x, y - height + size + pad / 2, width, height, 0.9))
    for label, lines in rows:
        draw_label(page, x + pad, y, label, bold, size - 0.5, st)
        y -= lead
        for line in lines:
            page.strings.append((x + pad, y, line, regular, size))
            y -= lead
        y -= 0.7 * lead


def rule(page: Page, x: float, y: float, width: float) -> None:
    page.rects.append((x, y, width, 0.6, 0.3))


def table(page: Page, items, design: Design, st: Structure, y: float, rng: random.Random) -> float:
    """A key/value table over the full text width from `y` down; returns the y under it."""
    regular, bold, _ = FONTS[design.font]
    size, lead = design.size, design.size * design.lead
    key_width = design.text_width() * 0.3
    value_x = design.margin + key_width + 10
    if st.ruled:
        rule(page, design.margin, y + size + 3, design.text_width())
    for label, value in items:
        draw_label(page, design.margin, y, label, bold, size, st)
        lines = wrap(value, regular, size, design.text_width() - key_width - 10, rng, 0)
        for line in lines:
            page.strings.append((value_x, y, line, regular, size))
            y -= lead
        y -= 0.5 * lead
        if st.ruled:
            rule(page, design.margin, y + size + 2, design.text_width())
    return y


def name_lines(name: str, design: Design, st: Structure, rng: random.Random) -> list[str]:
    words = name.split()
    if st.name_lines == 2 and len(words) > 1:
        cut = max(1, min(len(words) - 1, round(len(words) / 2 + rng.choice([-0.5, 0, 0.5]))))
        return [" ".join(words[:cut]), " ".join(words[cut:])]
    return wrap(name, FONTS[st.name_font][1], st.name_size, design.text_width(), rng, 0)


def project_pages(project: dict, design: Design, st: Structure, rng: random.Random,
                  heading: str | None) -> list[Page]:
    regular, bold, _ = FONTS[design.font]
    size, lead = design.size, design.size * design.lead
    page = Page(project=project["name"])
    pages = [page]
    y = HEIGHT - (110 if st.sections == "band" else 80)
    if heading:  # the section's plain heading over its first project
        page.strings.append((design.margin, y, heading, bold, 20))
        y -= 44
    for line in name_lines(project["name"], design, st, rng):
        page.strings.append((design.margin, y, line, FONTS[st.name_font][1], st.name_size))
        y -= st.name_size * 1.15
    y -= 6
    if st.land_size == "line":
        page.strings.append((design.margin, y, f"{project['size_class']} {design.separator} "
                             f"{', '.join(project['states'])}", regular, size))
        y -= 1.8 * lead
    items = labelled_items(project, st)
    columns = replace(design, columns=st.columns, widths=design.widths if st.columns == design.columns
                      else [1 / st.columns] * st.columns)
    if st.labels in ("inline", "above"):
        y = header_items(page, items, design, st, y, rng) - design.header_gap * lead
        flow = Flow(columns, page, y, pages)
    elif st.labels == "table":
        y = table(page, items, design, st, y - 0.5 * lead, rng) - design.header_gap * lead
        flow = Flow(columns, page, y, pages)
    else:
        y -= 0.5 * lead
        side = design.text_width() * 0.3
        side_x = design.margin if st.sidebar_left else WIDTH - design.margin - side
        sidebar(page, items, design, st, side_x, y, side, rng)
        flow = Flow(columns, page, y, pages)
        area_x = design.margin + (side + design.gutter if st.sidebar_left else 0)
        area = design.text_width() - side - design.gutter
        w = (area - design.gutter * (st.columns - 1)) / st.columns
        flow.xs = [area_x + n * (w + design.gutter) for n in range(st.columns)]
        flow.widths = [w] * st.columns
    paragraphs = project["description"].split("\n\n")
    if st.lead and len(paragraphs) > 1:
        lead_paragraph(page, paragraphs[0], flow, design, st.lead, rng)
        project = {**project, "description": "\n\n".join(paragraphs[1:])}
    flow_description(project, flow, design, columns, rng)
    return pages


def lead_paragraph(page: Page, text: str, flow: Flow, design: Design, factor: float, rng: random.Random) -> None:
    """Draws `text` over the whole width of the flow's columns in type `factor` times the body's,
    and starts the columns under it."""
    regular = FONTS[design.font][0]
    size = design.size * factor
    x, width = flow.xs[0], flow.xs[-1] + flow.widths[-1] - flow.xs[0]
    y = flow.y
    for line in wrap(text, regular, size, width, rng, 0):
        page.strings.append((x, y, line, regular, size))
        y -= size * design.lead
    flow.top = flow.y = y - design.para_gap * design.size * design.lead - size * 0.5


# ---------------------------------------------------------------- the edition's other pages

def overview_table(page: Page, truth: dict, design: Design, y: float, rng: random.Random) -> None:
    """A ruled table: name, Land, section per row."""
    regular, bold, _ = FONTS[design.font]
    size = design.size
    lead = size * 1.3
    tw = design.text_width()
    xs = [design.margin, design.margin + tw * 0.5, design.margin + tw * 0.72]
    widths = [tw * 0.48, tw * 0.2, tw * 0.28]
    rows = [["Modellprojekt", "Bundesland", "Kategorie"]] + [
        [p["name"], ", ".join(p["states"]), p["category"]] for p in truth["projects"]]
    rule(page, design.margin, y + size + 3, tw)
    for n, row in enumerate(rows):
        font = bold if n == 0 else regular
        cells = [wrap(text, font, size, width, rng, 0) for text, width in zip(row, widths)]
        for x, lines in zip(xs, cells):
            for k, line in enumerate(lines):
                page.strings.append((x, y - k * lead, line, font, size))
        y -= lead * max(len(c) for c in cells) + 4
        rule(page, design.margin, y + size + 1, tw)


def toc_page(truth: dict, design: Design, entries: list[tuple[str, int, int]]) -> Page:
    """Inhalt: (text, level, page) entries, the page number flush right."""
    regular, bold, _ = FONTS[design.font]
    page = Page()
    y = HEIGHT - 80
    page.strings.append((design.margin, y, "Inhalt", bold, 20))
    y -= 40
    for text, level, number in entries:
        font = bold if level == 0 else regular
        page.strings.append((design.margin + 14 * level, y, text, font, design.size))
        page.strings.append((WIDTH - design.margin - string_width(str(number), regular, design.size), y,
                             str(number), regular, design.size))
        y -= design.size * (1.9 if level == 0 else 1.4)
    return page


def edition_pages(truth: dict, design: Design, st: Structure, rng: random.Random) -> list[Page]:
    regular, bold, _ = FONTS[design.font]
    edition = truth["edition"]
    pages = [cover_page(edition, design)]
    if st.toc:
        pages.append(Page())  # filled in once the page numbers are known
    part = Page()
    part.strings.append((design.margin, 600, f"1. {edition['title']}", bold, 22))
    pages.append(part)
    entries = [(f"1. {edition['title']}", 0, len(pages))]
    section = None
    for project in truth["projects"]:
        heading = None
        if project["category"] != section:
            section = project["category"]
            if st.sections == "divider":
                divider = Page()
                for n, line in enumerate(wrap(section, bold, 28, design.text_width(), rng, 0)):
                    divider.strings.append((design.margin, 600 - 36 * n, line, bold, 28))
                pages.append(divider)
            heading = section if st.sections == "heading" else None
            entries.append((section, 1, len(pages) + 1))
        project["page"] = len(pages) + 1
        entries.append((project["name"], 2, project["page"]))
        pages += project_pages(project, design, st, rng, heading)
    overview = Page()
    y = HEIGHT - 80
    overview.strings.append((design.margin, y, f"2. Übersicht {edition['title']}", bold, 16))
    entries.append((f"2. Übersicht {edition['title']}", 0, len(pages) + 1))
    if st.overview == "table":
        overview_table(overview, truth, design, y - 40, rng)
    else:
        overview_list(overview, truth, design, y - 36)
    pages.append(overview)
    if st.toc:
        pages[1] = toc_page(truth, design, entries)
    return pages


def page_running_lines(truth: dict, design: Design, st: Structure, number: int, project: dict | None,
                       continued: bool) -> list[tuple[float, float, str, float]]:
    """(x, y, text, size) of a page's running lines: layout_family's, with the section as the
    running header where the design says so and the project's name on its continuation pages."""
    header = design.header
    if project and st.sections == "running":
        header = f"Modellprojekte Smart Cities | {project['category']}"
    out = running_lines(replace(design, header=header), truth, number)
    if project and continued and st.continued_name:
        name = project["name"]
        out.append((WIDTH - design.margin - string_width(name, FONTS[design.font][0], 8), HEIGHT - 42, name, 8))
    return out


def render_pdf(truth: dict, path: Path) -> list[Page]:
    """truth -> text-layer PDF; fills each project's `figure_text` and `page_words`."""
    from reportlab.pdfgen import canvas

    register_fonts()
    design, st = Design(**truth["design"]), Structure(**truth["structure"])
    rng = random.Random(truth["seed"] * 7919 + 2)
    pages = edition_pages(truth, design, st, rng)
    projects = {p["name"]: p for p in truth["projects"]}
    pdf = canvas.Canvas(str(path), pagesize=(WIDTH, HEIGHT), invariant=1)
    lines: dict[str, list[str]] = {}
    for number, page in enumerate(pages, start=1):
        project = projects.get(page.project)
        strings = []
        if project and st.sections == "band":
            colour, ink = BANDS[st.band]
            pdf.setFillColorRGB(*colour)
            pdf.rect(0, HEIGHT - 78, WIDTH, 28, fill=1, stroke=0)
            strings.append((design.margin, HEIGHT - 68, project["category"].upper(), FONTS[design.font][1], 13,
                            {"rgb": ink}))
        for x, y, w, h, grey in page.rects:
            pdf.setFillGray(grey)
            pdf.rect(x, y, w, h, fill=1, stroke=0)
        strings += page.strings
        if page.running:
            continued = bool(project) and project["page"] != number
            strings += [(x, y, text, FONTS[design.font][0], s)
                        for x, y, text, s in page_running_lines(truth, design, st, number, project, continued)]
        drawn: list[str] = []
        for x, y, text, font, size, *extra in strings:
            style = extra[0] if extra else {}
            pdf.setFillColorRGB(*style.get("rgb", (0, 0, 0)))
            pdf.setFont(font, size)
            pdf.drawString(x, y, text)
            if style.get("glue") and drawn:
                drawn[-1] += text
            else:
                drawn.append(text)
        if project:
            lines.setdefault(project["name"], []).extend(drawn)
        pdf.showPage()
    pdf.save()
    for project in truth["projects"]:
        project["page_words"] = unhyphenated(lines[project["name"]])
    return pages


def make_edition(seed: int, outdir: Path, scans: bool = False) -> dict:
    return layout_family.make_edition(seed, outdir, scans, random_edition, render_pdf)


if __name__ == "__main__":
    layout_family.main(make_edition, __doc__, lambda truth: f", {truth['structure']}")
