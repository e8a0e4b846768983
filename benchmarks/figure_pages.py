"""Project pages of the figure family (benchmarks/figure_family.py): two-column prose with the
figure material publishers set around and into it, drawn with layout_family's machinery.

A seed decides the edition (projects, prose from benchmarks/corpus, lists the prose introduces)
and a `FigureDesign`: which kinds of figure the publisher uses, where they sit (over the prose
at a page's top, between paragraphs, in the middle of a sentence inside a column, at the top of
the column a sentence breaks into), their fonts and sizes, arrows as glyphs or as lines, and how
lists are set (bullets '•', '–' or numbers 'A1', 'B2'; items close or spaced). Every string drawn
is logged with its role, so the truth has, per page, the prose words in order and the figure words.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass

from .layout_family import (DEJAVU, FONTS, SECTIONS, TOWNS_FOR_COOPERATIONS, Design, Flow, Page, corpus_sentences,
                            project_header, random_design, random_project, register_fonts, string_width,
                            unhyphenated, wrap)

FIGURE_FONTS = {**FONTS, "DejaVuSans": ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique")}
KINDS = ["infographic", "numbers", "icons", "logo", "map", "photo", "banner", "diagram", "caption"]
WIDE_ONLY = {"banner"}  # kinds that want the page's width; in a column they shrink to it

CHAIN = [["Sensoren", "Datenplattform", "Dashboard"], ["Daten erfassen", "Auswerten", "Handeln"],
         ["Bürger-App", "Verwaltung", "Rückmeldung"], ["Idee", "Werkstatt", "Prototyp", "Betrieb"],
         ["Messen", "Steuern", "Sparen"]]
NUMBERS = [("2.400", "Haushalte"), ("35 %", "weniger Verkehr"), ("12", "Sensoren im Quartier"),
           ("5 Jahre", "Laufzeit"), ("1,2 Mio. €", "Fördermittel"), ("48", "Ladepunkte"),
           ("17.000", "Einwohnerinnen und Einwohner"), ("80 %", "Glasfaser bis 2025"), ("3", "Ortsteile")]
ICON_WORDS = ["Mobilität", "Energie", "Wohnen", "Bildung", "Gesundheit", "Verwaltung", "Umwelt", "Handel",
              "Kultur", "Teilhabe"]
LOGOS = ["SMART CITY {TOWN}", "Smart City {town}", "{TOWN} DIGITAL", "MODELLPROJEKT SMART CITIES",
         "digitales {town}", "{town}.smart"]
MAP_PLACES = ["Innenstadt", "Bahnhof", "Altstadt", "Hafen", "Rathaus", "Gewerbegebiet Nord", "Südviertel",
              "Campus", "Marktplatz", "Stadtpark"]
PHOTO_TEXT = ["Willkommen im Quartier", "Mitmachen!", "Die Stadt von morgen", "Gemeinsam gestalten",
              "Daten für alle", "Hier entsteht Zukunft"]
BANNERS = ["Gemeinsam digital – für alle", "Smart City {town} 2030", "Jetzt mitmachen und mitreden",
           "Die Zukunft beginnt im Quartier", "Digital. Nah. Gemeinsam."]
DIAGRAMS = ["Anteil der Haushalte mit Glasfaser", "Entwicklung der Fahrgastzahlen",
            "Energieverbrauch der Liegenschaften", "Nutzung der Bürger-App"]
CREDITS = ["Foto: Stadt {town}", "© {town} Marketing", "Foto: Projektteam", "Grafik: Stadt {town}",
           "Quelle: eigene Darstellung"]
CAPTIONS = ["Der neue Marktplatz in {town} am Abend", "Workshop mit Bürgerinnen und Bürgern",
            "Abbildung: Datenplattform der Kommune"]
LIST_INTROS = ["Das Projekt arbeitet in {n} Handlungsfeldern:", "Die Strategie umfasst {n} Bausteine:",
               "Geplant sind dabei {n} Maßnahmen:", "Im Vordergrund stehen {n} Ziele:",
               "Die Kommune setzt auf {n} Schwerpunkte:"]
LIST_ITEMS = ["Mobilität und Verkehr", "Energie und Klima", "Bildung und Teilhabe", "eine digitale Verwaltung",
              "Gesundheit und Pflege", "Wohnen im Quartier", "offene Daten als Gemeingut",
              "Beteiligung der Bürgerschaft", "lebendige Ortskerne", "Handel und Gewerbe",
              "ein gemeinsames Datenportal für Verwaltung und Stadtwerke",
              "neue Wege der Zusammenarbeit mit der Hochschule"]
COUNT_WORDS = {3: "drei", 4: "vier", 5: "fünf"}


@dataclass
class FigureDesign:
    font: str  # family of the figure material
    kinds: list[str]  # the kinds this publisher uses
    top: float  # chance of a full-width figure over the prose of a project's first page
    page_top: float  # chance of one over the prose on a continuation page (a sentence runs under it)
    between: float  # chance of a figure after a paragraph
    mid_sentence: float  # chance of a figure cutting into a paragraph inside a column
    column_top: float  # chance of a figure at the top of the column a sentence breaks into
    arrows: str  # "glyph" | "lines"
    label_size: float
    number_size: float
    bullet: str  # "•" | "–" | "A1"
    item_gap: float  # extra space between list items, in lines
    lists: float  # chance that a project's prose has a list


def random_figure_design(rng: random.Random) -> FigureDesign:
    font = rng.choice(list(FIGURE_FONTS))
    return FigureDesign(
        font=font, kinds=rng.sample(KINDS, rng.randint(3, len(KINDS))), top=rng.choice([0.0, 0.5, 0.9]),
        page_top=rng.choice([0.0, 0.5, 1.0]), between=rng.choice([0.15, 0.3, 0.5]),
        mid_sentence=rng.choice([0.0, 0.2, 0.4]), column_top=rng.choice([0.0, 0.5, 1.0]),
        arrows="glyph" if font == "DejaVuSans" and rng.random() < 0.7 else "lines",
        label_size=rng.choice([6.5, 7, 8, 9]), number_size=rng.choice([16, 20, 24, 28]),
        bullet=rng.choice(["•", "–", "A1"]), item_gap=rng.choice([0.0, 0.0, 0.4, 0.8]),
        lists=rng.choice([0.4, 0.7, 1.0]))


def random_edition(seed: int) -> dict:
    """The truth of one edition of the family, before rendering: fewer projects than
    layout_family's (two to five), longer prose, lists, a two-column design and a figure design."""
    rng = random.Random(seed)
    sentences = corpus_sentences()
    year = rng.choice([2019, 2020, 2021, 2021, 2023])
    printed = {"Mittelstädte": "Mittlere Städte"} if year == 2019 else {}
    sections = sorted(rng.sample(list(SECTIONS), rng.randint(2, 4)), key=list(SECTIONS).index)
    projects, used = [], set()
    for section in sections:
        for _ in range(rng.choice([1, 1, 2]) if len(projects) < 4 else 0):
            project = random_project(rng, section, used, sentences)
            project.update(category=printed.get(section, section), displaced=None)
            projects.append(project)
    figures = random_figure_design(rng)
    for project in projects:
        project["description"] = random_prose(rng, sentences, figures)
    design = random_design(rng)
    design.columns, design.widths = 2, rng.choice([[0.5, 0.5], [0.5, 0.5], [0.45, 0.55], [0.55, 0.45]])
    return {"seed": seed, "edition": {"title": f"Modellprojekte Smart Cities {year}", "year": year},
            "design": design.__dict__, "figure_design": figures.__dict__, "projects": projects}


def random_prose(rng: random.Random, sentences: list[str], figures: FigureDesign) -> str:
    """Paragraphs apart by blank lines; a list is one paragraph: its introducing sentence and its
    items, one a line, each with its bullet."""
    paragraphs = [" ".join(rng.sample(sentences, rng.randint(2, 4))) for _ in range(rng.randint(3, 6))]
    if rng.random() < figures.lists:
        n = rng.randint(3, 5)
        items = rng.sample(LIST_ITEMS, n)
        intro = rng.choice(LIST_INTROS).format(n=COUNT_WORDS[n])
        lead = " ".join(rng.sample(sentences, rng.randint(0, 2)))
        bullets = [f"{chr(65 + i)}{rng.randint(1, 3)}" if figures.bullet == "A1" else figures.bullet for i in range(n)]
        block = [f"{lead} {intro}".strip()] + [f"{b} {item}" for b, item in zip(bullets, items)]
        paragraphs.insert(rng.randint(1, len(paragraphs)), "\n".join(block))
    return "\n\n".join(paragraphs)


# ---------------------------------------------------------------- figures

@dataclass
class Figure:
    """Drawing items relative to the figure's top left corner (dy downwards) and its words."""
    kind: str
    height: float
    strings: list[tuple[float, float, str, str, float]]  # dx, dy (baseline), text, font, size
    rects: list[tuple[float, float, float, float, float]]  # dx, dy (top), w, h, grey

    @property
    def text(self) -> str:
        return " ".join(s[2] for s in self.strings if re.search(r"\w", s[2]))


def make_figure(kind: str, width: float, project: dict, fd: FigureDesign, rng: random.Random) -> Figure:
    regular, bold, italic = FIGURE_FONTS[fd.font]
    town = project["town"]
    ls = fd.label_size
    f = Figure(kind, 0, [], [])
    if kind == "infographic":  # labels in boxes joined by arrows, across or down
        labels = rng.choice(CHAIN)
        across = width > 300
        box_w = (width - 24 * (len(labels) - 1)) / len(labels) if across else min(width, 140)
        y = 0.0
        for n, label in enumerate(labels):
            x = n * (box_w + 24) if across else 0
            top = 0 if across else y
            f.rects.append((x, top, box_w, ls * 3, 0.85))
            for k, line in enumerate(wrap(label, bold, ls, box_w - 6, rng, 0)):
                f.strings.append((x + 3, top + ls * 1.8 + k * ls * 1.1, line, bold, ls))
            if n + 1 < len(labels):
                arrow(f, fd, x + box_w + 4 if across else box_w / 2 - 4, top + ls * 1.8 if across else top + ls * 3 + 10,
                      across, regular)
            y = top + ls * 3 + 18
        f.height = ls * 3 + 6 if across else y
    elif kind == "numbers":  # big numbers with their words under them
        stats = rng.sample(NUMBERS, rng.randint(1, 3 if width > 300 else 2))
        tile = width / len(stats)
        for n, (number, label) in enumerate(stats):
            f.strings.append((n * tile, fd.number_size, number, bold, fd.number_size))
            for k, line in enumerate(wrap(label, regular, ls + 1, tile - 8, rng, 0)):
                f.strings.append((n * tile, fd.number_size + (k + 1) * (ls + 1) * 1.3 + 2, line, regular, ls + 1))
        f.height = fd.number_size + 3 * (ls + 1) * 1.3
    elif kind == "icons":  # icons with a word under each
        words = rng.sample(ICON_WORDS, max(2, min(5, int(width // 60))))
        step = width / len(words)
        for n, word in enumerate(words):
            f.rects.append((n * step + 6, 0, 18, 18, rng.choice([0.3, 0.5])))
            f.strings.append((n * step, 18 + ls * 1.6, word, regular, ls))
        f.height = 18 + ls * 2.4
    elif kind == "logo":  # a wordmark, all caps or not, with a square beside it
        size = rng.choice([12, 14, 18])
        mark = rng.choice(LOGOS).format(town=town, TOWN=town.upper())
        f.rects.append((0, 0, size * 1.3, size * 1.3, 0.25))
        f.strings.append((size * 1.8, size * 1.1, mark, bold, size))
        if rng.random() < 0.4:
            f.strings.append((size * 1.8, size * 1.1 + ls * 1.6, "Gefördert vom Bund", regular, ls))
        f.height = size * 1.3 + ls * 2
    elif kind == "map":  # a light area with place names scattered and markers beside them
        height = rng.uniform(90, 160)
        f.rects.append((0, 0, width, height, rng.choice([0.88, 0.92])))
        names = rng.sample(MAP_PLACES + rng.choice(list(TOWNS_FOR_COOPERATIONS.values())), rng.randint(3, 6))
        placed: list[tuple[float, float, float]] = []
        for name in names:
            w = string_width(name, regular, ls)
            for _ in range(20):  # names overprinting each other are no map a publisher prints
                x, y = rng.uniform(10, max(11, width - w - 10)), rng.uniform(ls + 4, height - 6)
                if all(abs(y - py) > ls * 1.6 or x > px + pw + 8 or x + w + 8 < px for px, py, pw in placed):
                    break
            else:
                continue
            placed.append((x, y, w))
            f.rects.append((x - 6, y - ls * 0.6, 3.5, 3.5, 0.2))
            f.strings.append((x, y, name, regular, ls))
        if rng.random() < 0.5:
            f.strings.append((4, height + ls * 1.4, rng.choice(["Projektgebiet", "Karte: Projektgebiet"]), italic, ls))
        f.height = height + ls * 2
    elif kind == "photo":  # a photo area with words over it and its credit
        height = rng.uniform(70, 150)
        f.rects.append((0, 0, width, height, rng.choice([0.6, 0.7, 0.8])))
        size = rng.choice([10, 12, 16])
        for k, line in enumerate(wrap(rng.choice(PHOTO_TEXT), bold, size, width - 20, rng, 0)):
            f.strings.append((10, height * 0.45 + k * size * 1.2, line, bold, size))
        f.strings.append((0, height + ls * 1.4, rng.choice(CREDITS).format(town=town), regular, ls))
        f.height = height + ls * 2
    elif kind == "banner":  # a band with a slogan
        size = rng.choice([11, 13, 16])
        f.rects.append((0, 0, width, size * 2.2, rng.choice([0.8, 0.9])))
        text = rng.choice(BANNERS).format(town=town)
        for k, line in enumerate(wrap(text, bold, size, width - 16, rng, 0)[:2]):
            f.strings.append((8, size * 1.45 + k * size * 1.15, line, bold, size))
        f.height = size * 2.2 + (size * 1.15 if len(f.strings) > 1 else 0)
        f.rects[0] = (0, 0, width, f.height, f.rects[0][4])
    elif kind == "diagram":  # a diagram title, bars, values over them, years under them
        title = f"Abbildung {rng.randint(1, 9)}: {rng.choice(DIAGRAMS)}"
        lines = wrap(title, bold, ls + 1, width, rng, 0)
        for k, line in enumerate(lines):
            f.strings.append((0, (k + 1) * (ls + 1) * 1.3, line, bold, ls + 1))
        top = len(lines) * (ls + 1) * 1.3 + 6
        years = list(range(rng.choice([2018, 2019, 2020]), 2024))[: max(3, min(5, int(width // 45)))]
        step, chart = width / len(years), 70
        for n, year in enumerate(years):
            h = rng.uniform(15, chart - ls * 2)
            f.rects.append((n * step + 4, top + chart - h, step * 0.55, h, 0.45))
            f.strings.append((n * step + 4, top + chart - h - 3, f"{rng.randint(10, 95)} %", regular, ls))
            f.strings.append((n * step + 4, top + chart + ls * 1.3, str(year), regular, ls))
        f.height = top + chart + ls * 2
    else:  # a picture area with a caption or a credit under it
        height = rng.uniform(50, 110)
        f.rects.append((0, 0, width, height, 0.75))
        text = rng.choice(CAPTIONS + CREDITS).format(town=town)
        for k, line in enumerate(wrap(text, italic, ls + 1, width, rng, 0)):
            f.strings.append((0, height + (k + 1) * (ls + 1) * 1.3, line, italic, ls + 1))
        f.height = height + (ls + 1) * 1.3 * (len(f.strings) + 0.5)
    return f


def arrow(f: Figure, fd: FigureDesign, x: float, y: float, across: bool, font: str) -> None:
    """An arrow to the next box: a glyph (a font that has one) or a drawn line with a head."""
    if fd.arrows == "glyph":
        f.strings.append((x, y, "→" if across else "↓", font, fd.label_size + 4))
    elif across:
        f.rects.append((x, y - 3, 14, 0.9, 0.2))
        f.rects.append((x + 12, y - 5, 3, 5, 0.2))
    else:
        f.rects.append((x + 3, y - 8, 0.9, 12, 0.2))
        f.rects.append((x + 1.5, y + 2, 4, 3, 0.2))


# ---------------------------------------------------------------- pages

class FigureFlow(Flow):
    """layout_family's flow, logging each line's role and placing figures where a sentence breaks
    into a new column (`column_top`) or a new page (`page_top`, full width)."""

    def __init__(self, design: Design, page: Page, top: float, pages: list[Page], project: dict,
                 fd: FigureDesign, rng: random.Random):
        super().__init__(design, page, top, pages)
        self.project, self.fd, self.rng = project, fd, rng
        self.log: list[tuple[Page, str, str, str]] = []  # page, role ("prose" | kind), placement, text
        self.in_sentence = False

    def next_column(self) -> None:
        opened = self.column + 1 == len(self.xs)
        super().next_column()
        if not self.in_sentence:
            return
        if opened and self.rng.random() < self.fd.page_top:
            figure = make_figure(self.rng.choice(self.fd.kinds), self.d.text_width(), self.project, self.fd, self.rng)
            self.draw(figure, self.d.margin, self.y, "page-top")
            self.top = self.y = self.y - figure.height - 14
        elif not opened and self.rng.random() < self.fd.column_top:
            self.figure("column-top")

    def prose(self, lines: list[str], font: str, size: float, lead: float, indent: float = 0.0) -> None:
        for line in lines:
            self.in_sentence = True
            if self.y - lead < self.bottom:
                self.next_column()
            self.page.strings.append((self.xs[self.column] + indent, self.y, line, font, size))
            self.log.append((self.page, "prose", "", line))
            self.y -= lead
        self.in_sentence = False

    def figure(self, placement: str) -> None:
        kinds = [k for k in self.fd.kinds if k not in WIDE_ONLY] or self.fd.kinds
        figure = make_figure(self.rng.choice(kinds), self.width, self.project, self.fd, self.rng)
        if self.y - figure.height < self.bottom and placement != "column-top":
            was, self.in_sentence = self.in_sentence, False
            super().next_column()
            self.in_sentence = was
        self.draw(figure, self.xs[self.column], self.y, placement)
        self.y -= figure.height + self.d.size * 1.2

    def draw(self, figure: Figure, x: float, y: float, placement: str) -> None:
        for dx, dy, w, h, grey in figure.rects:
            self.page.rects.append((x + dx, y - dy - h, w, h, grey))
        for dx, dy, text, font, size in figure.strings:
            self.page.strings.append((x + dx, y - dy, text, font, size))
        self.log.append((self.page, figure.kind, placement, figure.text))


def figure_pages(fd: FigureDesign):
    """A `pages_of` for layout_family's `render_pdf`: a project's pages with figure material."""
    def pages_of(project: dict, design: Design, rng: random.Random) -> list[Page]:
        register_figure_fonts()
        regular = FONTS[design.font][0]
        size, lead = design.size, design.size * design.lead
        page = Page(project=project["name"])
        pages = [page]
        y = project_header(project, design, page, rng)
        flow = FigureFlow(design, page, y, pages, project, fd, rng)
        if rng.random() < fd.top:
            figure = make_figure(rng.choice(fd.kinds), design.text_width(), project, fd, rng)
            flow.draw(figure, design.margin, y, "top")
            flow.top = flow.y = y - figure.height - 2 * lead
        paragraphs = project["description"].split("\n\n")
        for n, para in enumerate(paragraphs):
            lines = para.split("\n")
            wrapped = wrap(lines[0], regular, size, flow.width, rng, design.hyphenate)
            cut = rng.randint(1, len(wrapped) - 1) if len(wrapped) > 2 and rng.random() < fd.mid_sentence else None
            flow.prose(wrapped[:cut], regular, size, lead)
            if cut:
                flow.in_sentence = True
                flow.figure("mid-sentence")
                flow.prose(wrapped[cut:], regular, size, lead)
            for item in lines[1:]:
                list_item(flow, item, regular, size, lead, rng)
            flow.space(design.para_gap * lead)
            if n + 1 < len(paragraphs) and rng.random() < fd.between:
                flow.figure("between")
        project["pages_drawn"] = flow.log
        return pages

    return pages_of


def list_item(flow: FigureFlow, item: str, font: str, size: float, lead: float, rng: random.Random) -> None:
    bullet, text = item.split(" ", 1)
    indent = string_width(bullet, font, size) + 5
    lines = wrap(text, font, size, flow.width - indent, rng, 0)
    flow.y -= flow.fd.item_gap * lead
    if flow.y - lead < flow.bottom:
        flow.next_column()
    flow.page.strings.append((flow.xs[flow.column], flow.y, bullet, font, size))
    flow.log.append((flow.page, "prose", "", bullet))
    flow.prose(lines, font, size, lead, indent)


def register_figure_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    register_fonts()
    for name in FIGURE_FONTS["DejaVuSans"]:
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, f"{DEJAVU}/{name}.ttf"))


def page_truth(project: dict, pages: list[Page]) -> list[dict]:
    """A project's drawing log -> per page: its prose words in order and its figures."""
    numbers = {id(p): n for n, p in enumerate(pages, start=1)}
    out: dict[int, dict] = {}
    for page, role, placement, text in project.pop("pages_drawn"):
        entry = out.setdefault(numbers[id(page)], {"page": numbers[id(page)], "prose_lines": [], "figures": []})
        if role == "prose":
            entry["prose_lines"].append(text)
        elif text:
            entry["figures"].append({"kind": role, "placement": placement, "text": text})
    for entry in out.values():
        entry["prose"] = unhyphenated(entry.pop("prose_lines"))
    return [out[n] for n in sorted(out)]
