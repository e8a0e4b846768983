"""A family of random but realistic brochure layouts, each made from a seed.

    python -m benchmarks.layout_family SEED OUTDIR      # one edition: truth.json, brochure.pdf, scans

A seed decides the edition (year, projects drawn from a pool of real municipalities, invented
titles, mottos and German descriptions from benchmarks/corpus) and its design: one to three
columns of varying widths and gutters, paragraph spacing that shifts the columns' baselines against
each other, hyphenated line ends, running headers and footers in varying places, captions under
picture areas, pull quotes and callout boxes between paragraphs, picture areas without text, names
printed over two lines, labels with their values on one line or on the next, header blocks of
varying height, titles or mottos displaced from their label, descriptions that run onto a second
page. Nothing here is taken from the tool: the design is what a publisher might print.

The truth records every word drawn on a project's pages (`page_words`), so a benchmark can check
that each one comes out somewhere. Routes: the text-layer PDF, its scan (image only), and the scan
with an invisible text layer made by Tesseract's *English* model (what scanner software delivers)
together with that same OCR as a text file.
"""
from __future__ import annotations

import json
import random
import re
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

CORPUS = Path(__file__).parent / "corpus"
WIDTH, HEIGHT = 595, 842
FONTS = {  # regular, bold, italic
    "Helvetica": ("Helvetica", "Helvetica-Bold", "Helvetica-Oblique"),
    "Times-Roman": ("Times-Roman", "Times-Bold", "Times-Italic"),
    "DejaVuSerif": ("DejaVuSerif", "DejaVuSerif-Bold", "DejaVuSerif-Italic"),
}
DEJAVU = "/usr/share/fonts/truetype/dejavu"
SUSPENDED_BEFORE = {"und", "oder", "bis", "sowie"}  # 'Bus- und Bahnverkehr': the hyphen stays

SECTIONS = {  # section -> its size classes; the 2019 edition prints the second one differently
    "Großstädte": ["Große Großstadt", "Kleinere Großstadt"],
    "Mittelstädte": ["Größere Mittelstadt", "Kleinere Mittelstadt"],
    "Kleinstädte und Landgemeinden": ["Größere Kleinstadt", "Kleine Kleinstadt", "Landgemeinde"],
    "Interkommunale Kooperationen und Landkreise": ["Interkommunale Kooperationen/Landkreis"],
}
PLACES = {  # section -> (name, Land)
    "Großstädte": [
        ("Würzburg", "Bayern"), ("Göttingen", "Niedersachsen"), ("Mönchengladbach", "Nordrhein-Westfalen"),
        ("Lübeck", "Schleswig-Holstein"), ("Potsdam", "Brandenburg"), ("Erfurt", "Thüringen"),
        ("Heilbronn", "Baden-Württemberg"), ("Kassel", "Hessen"), ("Halle (Saale)", "Sachsen-Anhalt"),
        ("Rostock", "Mecklenburg-Vorpommern"), ("Bremerhaven", "Bremen"), ("Koblenz", "Rheinland-Pfalz"),
        ("Saarbrücken", "Saarland"), ("Chemnitz", "Sachsen"), ("Fürth", "Bayern"), ("Osnabrück", "Niedersachsen"),
    ],
    "Mittelstädte": [
        ("Bad Kreuznach", "Rheinland-Pfalz"), ("Lüneburg", "Niedersachsen"), ("Straubing", "Bayern"),
        ("Görlitz", "Sachsen"), ("Eberswalde", "Brandenburg"), ("Neumünster", "Schleswig-Holstein"),
        ("Weimar", "Thüringen"), ("Marburg", "Hessen"), ("Tübingen", "Baden-Württemberg"),
        ("Stralsund", "Mecklenburg-Vorpommern"), ("Dessau-Roßlau", "Sachsen-Anhalt"), ("Lünen", "Nordrhein-Westfalen"),
        ("Homburg", "Saarland"), ("Rheine", "Nordrhein-Westfalen"), ("Nördlingen", "Bayern"),
    ],
    "Kleinstädte und Landgemeinden": [
        ("Bad Säckingen", "Baden-Württemberg"), ("Zwönitz", "Sachsen"), ("Grünstadt", "Rheinland-Pfalz"),
        ("Malchow", "Mecklenburg-Vorpommern"), ("Hünfeld", "Hessen"), ("Büsum", "Schleswig-Holstein"),
        ("Mühlhausen", "Thüringen"), ("Beelitz", "Brandenburg"), ("Oberstdorf", "Bayern"),
        ("Wernigerode", "Sachsen-Anhalt"), ("Bad Berleburg", "Nordrhein-Westfalen"), ("Löningen", "Niedersachsen"),
        ("Blieskastel", "Saarland"), ("Füssen", "Bayern"), ("Schöneck", "Hessen"),
    ],
    "Interkommunale Kooperationen und Landkreise": [
        ("Landkreis Görlitz", "Sachsen"), ("Landkreis Märkisch-Oderland", "Brandenburg"),
        ("Landkreis Tübingen", "Baden-Württemberg"), ("Kreis Höxter", "Nordrhein-Westfalen"),
        ("Landkreis Südwestpfalz", "Rheinland-Pfalz"), ("Landkreis Fürstenfeldbruck", "Bayern"),
        ("Landkreis Vorpommern-Greifswald", "Mecklenburg-Vorpommern"), ("Vogelsbergkreis", "Hessen"),
    ],
}
TOWNS_FOR_COOPERATIONS = {
    "Bayern": ["Hersbruck", "Lauf an der Pegnitz", "Röthenbach", "Schwarzenbruck", "Altdorf"],
    "Hessen": ["Alsfeld", "Lauterbach", "Schotten", "Grebenhain", "Mücke"],
    "Niedersachsen": ["Uelzen", "Bad Bevensen", "Ebstorf", "Suderburg", "Bienenbüttel"],
    "Sachsen": ["Zittau", "Löbau", "Ebersbach-Neugersdorf", "Herrnhut", "Oderwitz"],
    "Nordrhein-Westfalen": ["Warburg", "Brakel", "Bad Driburg", "Steinheim", "Nieheim"],
}
TITLE_WORDS = ["vernetzt", "digital", "gemeinsam", "offen", "nachhaltig", "klug", "verbunden", "smart"]
TITLE_NOUNS = ["Quartiere", "Region", "Zukunft", "Daseinsvorsorge", "Mobilität", "Nachbarschaft", "Innenstadt",
               "Teilhabe", "Datenkultur", "Klimaschutz", "Ortskerne", "Wärmewende"]
MOTTO_PARTS = ["Gemeinsam für", "Mit Daten für", "Digital und nah:", "Zusammen in", "Heute für",
               "Offen gestalten:", "Klug verbunden –"]
MOTTO_ENDS = ["ein lebenswertes {town}", "die Menschen in {town}", "morgen", "alle Generationen",
              "eine grüne Stadt", "starke Nachbarschaften", "die Region"]
CAPTIONS = ["Foto: {town}, Stadtverwaltung", "Abbildung: Workshop mit Bürgerinnen und Bürgern",
            "Der neue Marktplatz in {town} am Abend", "Grafik: Datenplattform der Kommune",
            "Foto: Projektteam vor Ort"]
BOX_LINES = [["Auf einen Blick", "Laufzeit: fünf Jahre", "Partner: Hochschule und Stadtwerke"],
             ["Kontakt", "Stabsstelle Digitalisierung", "smart@{slug}.example.de"],
             ["Schwerpunkte", "Mobilität und Energie", "Bildung und Beteiligung"]]


@dataclass
class Design:
    font: str
    size: float
    lead: float  # line spacing as a factor of the size
    columns: int
    gutter: float
    widths: list[float]  # share of the text width per column
    margin: float
    para_gap: float  # space between paragraphs, in lines
    hyphenate: float  # chance that a long word at a line end is hyphenated
    header: str | None  # running header text (top), None for none
    footer: str | None
    number_at: str  # "bottom-centre" | "bottom-outer" | "top-outer"
    name_size: float
    labels_stacked: bool  # label on one line, its value on the next
    header_gap: float  # extra space under the header block, in lines
    figures: float  # chance of a figure element after a paragraph
    dpi: int
    separator: str

    def text_width(self) -> float:
        return WIDTH - 2 * self.margin


@dataclass
class Page:
    strings: list[tuple[float, float, str, str, float]] = field(default_factory=list)  # x, y, text, font, size
    rects: list[tuple[float, float, float, float, float]] = field(default_factory=list)  # x, y, w, h, grey
    running: bool = True
    project: str | None = None  # the project whose pages these are


# ---------------------------------------------------------------- content

def corpus_sentences() -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt")))
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ])", re.sub(r"\s+", " ", text))
    return [s for s in sentences if 6 <= len(s.split()) <= 40 and not re.search(r"[\d§]", s)]


def random_design(rng: random.Random) -> Design:
    columns = rng.choice([1, 2, 2, 2, 3])
    widths = [1.0] if columns == 1 else (
        rng.choice([[0.5, 0.5], [0.5, 0.5], [0.42, 0.58], [0.6, 0.4]]) if columns == 2 else [1 / 3] * 3)
    font = rng.choice(list(FONTS))
    return Design(
        font=font, size=rng.choice([9, 9.5, 10, 10.5, 11]), lead=rng.uniform(1.2, 1.45), columns=columns,
        gutter=rng.uniform(12, 30), widths=widths, margin=rng.uniform(45, 65), para_gap=rng.uniform(0.3, 1.2),
        hyphenate=rng.choice([0.0, 0.5, 0.9]),
        header=rng.choice([None, "{title}", "Modellprojekte Smart Cities | Projekte der {n}. Staffel"]),
        footer=rng.choice([None, None, "Bundesinstitut für Bau-, Stadt- und Raumforschung"]),
        number_at=rng.choice(["bottom-centre", "bottom-outer", "top-outer"]),
        name_size=rng.choice([16, 18, 20, 22]), labels_stacked=rng.random() < 0.35,
        header_gap=rng.uniform(0.5, 3.0), figures=rng.choice([0.0, 0.25, 0.45]), dpi=rng.choice([200, 300]),
        separator=rng.choice(["·", "•", "|"]),
    )


def random_project(rng: random.Random, section: str, used: set[str], sentences: list[str]) -> dict:
    if section.startswith("Interkommunale") and rng.random() < 0.5:
        land = rng.choice(list(TOWNS_FOR_COOPERATIONS))
        a, b, c = rng.sample(TOWNS_FOR_COOPERATIONS[land], 3)
        name, states = f"{a} in Kooperation mit {b} und {c}", [land]
    else:
        name, land = rng.choice([p for p in PLACES[section] if p[0] not in used])
        states = [land]
    used.add(name)
    town = name.split(" in Kooperation")[0].replace("Landkreis ", "").replace("Kreis ", "")
    title = f"{town} {rng.choice(TITLE_WORDS)}: {rng.choice(TITLE_NOUNS)} {rng.choice(['im Wandel', 'für alle', 'neu denken', 'gestalten'])}"
    motto = f"{rng.choice(MOTTO_PARTS)} {rng.choice(MOTTO_ENDS).format(town=town)}"
    paragraphs = []
    for _ in range(rng.randint(2, 6)):
        paragraphs.append(" ".join(rng.sample(sentences, rng.randint(1, 4))))
    displaced = rng.choice([None] * 6 + ["title", "motto"])
    return {"name": name, "category": section, "size_class": rng.choice(SECTIONS[section]), "states": states,
            "title": title, "motto": motto, "displaced": displaced, "description": "\n\n".join(paragraphs),
            "figure_text": [], "town": town}


def random_edition(seed: int) -> dict:
    """The truth of one edition (records and design), before rendering."""
    rng = random.Random(seed)
    sentences = corpus_sentences()
    year = rng.choice([2019, 2020, 2021, 2021, 2023])
    sections = list(SECTIONS)
    if year == 2019:
        printed = {"Mittelstädte": "Mittlere Städte"}
    else:
        printed = {}
    projects, used = [], set()
    for section in sections:
        for _ in range(rng.choice([1, 1, 2, 2, 3])):
            project = random_project(rng, section, used, sentences)
            project["category"] = printed.get(section, section)
            projects.append(project)
    if not projects:
        projects.append(random_project(rng, sections[0], used, sentences))
    design = random_design(rng)
    title = f"Modellprojekte Smart Cities {year}"
    return {"seed": seed, "edition": {"title": title, "year": year}, "design": design.__dict__,
            "projects": projects}


# ---------------------------------------------------------------- layout

def string_width(text: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, font, size)


def wrap(text: str, font: str, size: float, width: float, rng: random.Random, hyphenate: float) -> list[str]:
    """Words -> lines of at most `width` points; a long word at a line end may be hyphenated."""
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if not line or string_width(trial, font, size) <= width:
            line = trial
            continue
        cut = hyphenation_point(line, word, font, size, width) if rng.random() < hyphenate else None
        if cut:
            lines.append(f"{line} {word[:cut]}-")
            line = word[cut:]
        else:
            lines.append(line)
            line = word
    return lines + ([line] if line else [])


def hyphenation_point(line: str, word: str, font: str, size: float, width: float) -> int | None:
    """Where `word` may be cut so that its head fits on `line`: after a vowel before a consonant,
    both parts at least 3 letters, the tail starting in lower case."""
    if not word.isalpha() or len(word) < 8:
        return None
    for cut in range(len(word) - 3, 2, -1):
        if word[cut - 1] in "aeiouäöüy" and word[cut] not in "aeiouäöüy" and word[cut].islower() \
                and string_width(f"{line} {word[:cut]}-", font, size) <= width:
            return cut
    return None


def register_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name in FONTS["DejaVuSerif"]:
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, f"{DEJAVU}/{name}.ttf"))


class Flow:
    """Places blocks of lines into the columns of a page, opening continuation pages as needed."""

    def __init__(self, design: Design, page: Page, top: float, pages: list[Page]):
        self.d, self.pages, self.page = design, pages, page
        self.top, self.bottom = top, 70.0
        self.column, self.y = 0, top
        widths = [w * (design.text_width() - design.gutter * (design.columns - 1)) for w in design.widths]
        self.xs, self.widths, x = [], widths, design.margin
        for w in widths:
            self.xs.append(x)
            x += w + design.gutter

    @property
    def width(self) -> float:
        return self.widths[self.column]

    def next_column(self) -> None:
        self.column += 1
        if self.column == len(self.xs):
            self.page = Page(project=self.page.project)
            self.pages.append(self.page)
            self.column, self.top = 0, HEIGHT - 80
        self.y = self.top

    def lines(self, lines: list[str], font: str, size: float, lead: float, atomic: bool = False) -> None:
        if atomic and self.y - lead * len(lines) < self.bottom and self.y < self.top:
            self.next_column()
        for line in lines:
            if self.y - lead < self.bottom:
                self.next_column()
            self.page.strings.append((self.xs[self.column], self.y, line, font, size))
            self.y -= lead

    def space(self, points: float) -> None:
        self.y -= points

    def rect(self, height: float, grey: float) -> None:
        if self.y - height < self.bottom:
            self.next_column()
        self.page.rects.append((self.xs[self.column], self.y - height + 8, self.width, height, grey))
        self.y -= height + 4


def project_pages(project: dict, design: Design, rng: random.Random) -> list[Page]:
    regular, bold, italic = FONTS[design.font]
    size, lead = design.size, design.size * design.lead
    page = Page(project=project["name"])
    pages = [page]
    y = project_header(project, design, page, rng)
    flow = Flow(design, page, y, pages)
    flow_description(project, flow, design, design, rng)
    return pages


def flow_description(project: dict, flow: "Flow", design: Design, figures: Design, rng: random.Random) -> None:
    """A project's paragraphs into the flow, with a figure element (drawn in the `figures`
    design's columns) between two paragraphs now and then."""
    regular = FONTS[design.font][0]
    size, lead = design.size, design.size * design.lead
    paragraphs = project["description"].split("\n\n")
    for n, para in enumerate(paragraphs):
        flow.lines(wrap(para, regular, size, flow.width, rng, design.hyphenate), regular, size, lead)
        flow.space(design.para_gap * lead)
        if n + 1 < len(paragraphs) and rng.random() < design.figures:
            figure_element(project, figures, flow, rng)


def project_header(project: dict, design: Design, page: Page, rng: random.Random) -> float:
    """Draws a project's name, size line, labels (and a displaced value) on `page`; returns the
    height where its text may begin."""
    regular, bold, italic = FONTS[design.font]
    size, lead = design.size, design.size * design.lead
    y = HEIGHT - 80
    name_lines = wrap(project["name"], bold, design.name_size, design.text_width() * rng.uniform(0.45, 0.9), rng, 0)
    for line in name_lines:
        page.strings.append((design.margin, y, line, bold, design.name_size))
        y -= design.name_size * 1.2
    y -= 4
    page.strings.append((design.margin, y, f"{project['size_class']} {design.separator} {', '.join(project['states'])}",
                         regular, size))
    y -= 1.8 * lead
    for field_name, label in (("title", "Projekttitel"), ("motto", "Motto")):
        value = "" if project["displaced"] == field_name else project[field_name]
        if design.labels_stacked:
            page.strings.append((design.margin, y, f"{label}:", bold, size + 1))
            y -= 1.3 * lead
            for line in wrap(value, regular, size + 1, design.text_width(), rng, 0):
                page.strings.append((design.margin, y, line, regular, size + 1))
                y -= 1.3 * lead
        else:
            for line in wrap(f"{label}: {value}".strip(), bold, size + 1, design.text_width(), rng, 0):
                page.strings.append((design.margin, y, line, bold, size + 1))
                y -= 1.3 * lead
        y -= 0.3 * lead
    y -= design.header_gap * lead
    if project["displaced"]:  # the value stands as a banner over the text
        page.strings.append((design.margin, y, project[project["displaced"]], bold, size + 5))
        y -= 2.2 * lead
    return y


def figure_element(project: dict, design: Design, flow: Flow, rng: random.Random) -> None:
    regular, bold, italic = FONTS[design.font]
    size, lead = design.size, design.size * design.lead
    kind = rng.choice(["caption", "quote", "box", "picture"])
    town, slug = project["town"], re.sub(r"[^a-z]", "", project["town"].lower())
    if kind == "caption":
        text = rng.choice(CAPTIONS).format(town=town)
        flow.rect(rng.uniform(50, 110), 0.8)
        lines = wrap(text, italic, size - 2, flow.width, rng, 0)
        flow.lines(lines, italic, size - 2, (size - 2) * 1.25, atomic=True)
    elif kind == "quote":
        text = f"„{rng.choice(MOTTO_PARTS)} {rng.choice(MOTTO_ENDS).format(town=town)}“"
        lines = wrap(text, italic, size + 3, flow.width, rng, 0)
        flow.lines(lines, italic, size + 3, (size + 3) * 1.25, atomic=True)
    elif kind == "box":
        lines = [line.format(slug=slug) for line in rng.choice(BOX_LINES)]
        wrapped = [w for line in lines for w in wrap(line, regular, size - 1, flow.width - 12, rng, 0)]
        height = len(wrapped) * (size - 1) * 1.3 + 10
        if flow.y - height < flow.bottom:
            flow.next_column()
        flow.page.rects.append((flow.xs[flow.column], flow.y - height + size, flow.width, height, 0.9))
        flow.lines(wrapped, regular, size - 1, (size - 1) * 1.3, atomic=True)
        text = " ".join(lines)
    else:
        flow.rect(rng.uniform(60, 140), 0.7)
        text = ""
    if text:
        project["figure_text"].append(text)
    flow.space(lead)


def cover_page(edition: dict, design: Design) -> Page:
    regular, bold, _ = FONTS[design.font]
    cover = Page(running=False)
    cover.strings += [(design.margin, 560, edition["title"], bold, 26),
                      (design.margin, 520, "Die geförderten Projekte im Überblick", regular, 13)]
    return cover


def edition_pages(truth: dict, design: Design, rng: random.Random, pages_of=project_pages) -> list[Page]:
    """The edition's pages; `pages_of(project, design, rng)` draws one project's pages."""
    regular, bold, _ = FONTS[design.font]
    edition = truth["edition"]
    pages = [cover_page(edition, design)]
    part = Page()
    part.strings.append((design.margin, 600, f"1. {edition['title']}", bold, 22))
    pages.append(part)
    section = None
    for project in truth["projects"]:
        if project["category"] != section:
            section = project["category"]
            heading = Page()
            for n, line in enumerate(wrap(section, bold, 28, design.text_width(), rng, 0)):
                heading.strings.append((design.margin, 600 - 36 * n, line, bold, 28))
            pages.append(heading)
        project["first_page"] = len(pages) + 1
        pages += pages_of(project, design, rng)
    overview = Page()
    y = HEIGHT - 80
    overview.strings.append((design.margin, y, f"2. Übersicht {edition['title']}", bold, 16))
    overview_list(overview, truth, design, y - 36)
    pages.append(overview)
    return pages


def overview_list(page: Page, truth: dict, design: Design, y: float) -> None:
    """The overview of all projects as a list: a section's name, then its projects' names."""
    regular, bold, _ = FONTS[design.font]
    section = None
    for project in truth["projects"]:
        if project["category"] != section:
            section = project["category"]
            y -= design.size * 1.4
            page.strings.append((design.margin, y, f"{section}:", bold, design.size))
            y -= design.size * 2
        page.strings.append((design.margin, y, project["name"], regular, design.size))
        y -= design.size * 1.4


def running_lines(design: Design, truth: dict, number: int) -> list[tuple[float, float, str, float]]:
    """(x, y, text, size) of the running header, footer and page number of a page."""
    out = []
    title = truth["edition"]["title"]
    if design.header:
        out.append((design.margin, HEIGHT - 30, design.header.format(title=title, n=truth["seed"] % 3 + 1), 8))
    if design.footer:
        out.append((design.margin, 28, design.footer, 8))
    outer = WIDTH - design.margin - 12 if number % 2 else design.margin
    x, y = {"bottom-centre": (WIDTH / 2, 16), "bottom-outer": (outer, 16),
            "top-outer": (outer if not design.header else WIDTH - design.margin - 12, HEIGHT - 18)}[design.number_at]
    out.append((x, y, str(number), 9))
    return out


def render_pdf(truth: dict, path: Path, pages_of=project_pages) -> list[Page]:
    """truth -> text-layer PDF; fills each project's `page`, `figure_text` and `page_words`
    (`pages_of` as in `edition_pages`)."""
    from reportlab.pdfgen import canvas

    register_fonts()
    design = Design(**truth["design"])
    rng = random.Random(truth["seed"] * 7919 + 1)
    pages = edition_pages(truth, design, rng, pages_of)
    pdf = canvas.Canvas(str(path), pagesize=(WIDTH, HEIGHT), invariant=1)
    lines: dict[str, list[str]] = {}
    for number, page in enumerate(pages, start=1):
        for x, y, w, h, grey in page.rects:
            pdf.setFillGray(grey)
            pdf.rect(x, y, w, h, fill=1, stroke=0)
        pdf.setFillGray(0)
        strings = list(page.strings)
        if page.running:
            strings += [(x, y, text, FONTS[design.font][0], s) for x, y, text, s in running_lines(design, truth, number)]
        for x, y, text, font, size in strings:
            pdf.setFont(font, size)
            pdf.drawString(x, y, text)
        if page.project:
            lines.setdefault(page.project, []).extend(s[2] for s in strings)
        pdf.showPage()
    pdf.save()
    for project in truth["projects"]:
        project["page"] = project.pop("first_page")
        project["page_words"] = unhyphenated(lines[project["name"]])
    return pages


def unhyphenated(lines: list[str]) -> list[str]:
    """Lines as drawn -> their words as written: a word hyphenated at a line end joined again."""
    out: list[str] = []
    joining = False
    for line in lines:
        words = line.split()
        if joining and words and words[0][:1].islower() and words[0] not in SUSPENDED_BEFORE:
            out[-1] = out[-1][:-1] + words.pop(0)
        out += words
        joining = bool(words) and len(words[-1]) > 3 and words[-1].endswith("-") and words[-1][-2].isalpha()
    return out


def render_scans(pdf: Path, dpi: int, outdir: Path, german: bool = False) -> None:
    """brochure.pdf -> scan.pdf (images only), ocr-layer.pdf (images + an invisible text layer
    from Tesseract's English model) and ocr-eng.txt (the same OCR as text, pages apart); with
    `german` also ocr-deu.txt (the same images read by the German model)."""
    from reportlab.pdfgen import canvas

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), f"{tmp}/page"],
                       check=True, capture_output=True)
        images = sorted(Path(tmp).glob("page*.png"))
        out = canvas.Canvas(str(outdir / "scan.pdf"), pagesize=(WIDTH, HEIGHT), invariant=1)
        for image in images:
            out.drawImage(str(image), 0, 0, WIDTH, HEIGHT)
            out.showPage()
        out.save()
        listing = Path(tmp) / "pages.txt"
        listing.write_text("\n".join(str(i) for i in images) + "\n", encoding="utf-8")
        subprocess.run(["tesseract", str(listing), str(outdir / "ocr-layer"), "-l", "eng", "--dpi", str(dpi),
                        "pdf", "txt"], check=True, capture_output=True)
        paged_text(outdir / "ocr-layer.txt", len(images), outdir / "ocr-eng.txt")
        if german:
            subprocess.run(["tesseract", str(listing), str(outdir / "ocr-deu"), "-l", "deu", "--dpi", str(dpi),
                            "txt"], check=True, capture_output=True)
            paged_text(outdir / "ocr-deu.txt", len(images), outdir / "ocr-deu.txt")


def paged_text(tesseract_txt: Path, pages: int, out: Path) -> None:
    """Tesseract's text (pages apart by form feeds) -> `out`, pages apart by blank lines."""
    texts = [t.strip() for t in tesseract_txt.read_text(encoding="utf-8").split("\f")][:pages]
    tesseract_txt.unlink()
    out.write_text("\n\n\n\n".join(texts) + "\n", encoding="utf-8")


def make_edition(seed: int, outdir: Path, scans: bool = False, edition=None, render=None) -> dict:
    """An edition from its seed -> outdir/truth.json, brochure.pdf (and the scans); another
    family passes its own `edition` (seed -> truth) and `render` (truth, path)."""
    outdir.mkdir(parents=True, exist_ok=True)
    truth = (edition or random_edition)(seed)
    (render or render_pdf)(truth, outdir / "brochure.pdf")
    if scans:
        render_scans(outdir / "brochure.pdf", truth["design"]["dpi"], outdir)
    (outdir / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return truth


def main(make=make_edition, description: str = __doc__, told=lambda truth: "") -> None:
    """`SEED OUTDIR [--scans]`: one edition of this family (or of another, by its `make`)."""
    import argparse

    parser = argparse.ArgumentParser(description=description.splitlines()[0])
    parser.add_argument("seed", type=int)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--scans", action="store_true", help="also the scan, the OCR layer PDF and the OCR text")
    args = parser.parse_args()
    truth = make(args.seed, args.outdir, args.scans)
    print(f"seed {args.seed}: {len(truth['projects'])} projects{told(truth)} -> {args.outdir}")


if __name__ == "__main__":
    main()
