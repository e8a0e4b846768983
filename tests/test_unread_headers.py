"""Headers an OCR garbled: a size class printed past reading under a name the overview lists
still makes the record (its size class flagged), and a listed name a heading prints alone, whose
header was not read, is warned of by name even where the overview lists more than was found."""
import pytest

from pipeline.records.coverage import lines_printed_alone, with_coverage
from pipeline.records.segment import text_to_lines
from pipeline.records.settings import DEFAULT_RECORDS_SETTINGS
from pipeline.run import extract_brochure

from .test_labelled import load_source_text

PARA = ("Ehrenamtliche Fahrerinnen und Fahrer bringen ältere Menschen zum Arzt, zum Einkaufen oder zu "
        "Veranstaltungen, und die Gemeinde bezahlt ihnen die Fahrten mit dem eigenen Wagen.")
OVERVIEW = ("\n\n\n\n\n2. Übersicht Modellprojekte Smart Cities 2023\n\nModellprojekt Bundesland Kategorie\n\n"
            "Heilbronn Baden-Württemberg Großstädte\n\nWürzburg Bayern Großstädte\n")


def brochure_with(second_size: str, second_name: str = "Würzburg"):
    text = ("1. Modellprojekte Smart Cities 2023\n\nGROSSSTÄDTE\n\nHeilbronn\n\n"
            f"{PARA}\n\nBUNDESLAND\nBaden-Württemberg\n\nGRÖSSENKLASSE\nKleinere Großstadt\n\n"
            "PROJEKTTITEL\nHeilbronn klug\n\nMOTTO:\nGemeinsam für alle\n\n\n\n\n"
            f"GROSSSTÄDTE\n\n{second_name}\n\n{PARA}\n\nBUNDESLAND\nBayern\n{second_size}\n\n"
            "PROJEKTTITEL\nWürzburg vernetzt\n\nMOTTO:\nKlug verbunden\n" + OVERVIEW)
    return extract_brochure(load_source_text(text), _corrections(), use_overrides=False).brochure


def _corrections():
    from pipeline.corrections import default_corrections_dir, load_corrections
    return load_corrections(default_corrections_dir())


def test_a_size_class_garbled_past_reading_under_a_listed_name_makes_the_record_flagged():
    got = brochure_with("Gniscuyaness\nReina Graisiadi").projects
    assert [(p.name, p.size_class, p.states, p.title) for p in got] == [
        ("Heilbronn", "Kleinere Großstadt", ["Baden-Württemberg"], "Heilbronn klug"),
        ("Würzburg", "Kleinere Großstadt", ["Bayern"], "Würzburg vernetzt")]
    assert "size_class" not in got[0].needs_review
    assert "size_class" in got[1].needs_review and "Reina Graisiadi" in got[1].review_notes["size_class"]


def test_a_garbled_value_under_a_size_class_label_is_read_the_same_way():
    got = brochure_with("GRÖSSENKLASSE\nAlf: Amisedk").projects
    assert [p.name for p in got] == ["Heilbronn", "Würzburg"] and "size_class" in got[1].needs_review


def test_a_garbled_size_class_under_a_name_the_overview_lacks_makes_no_record():
    got = brochure_with("Gniscuyaness\nReina Graisiadi", second_name="Kassel").projects
    assert [p.name for p in got] == ["Heilbronn"]


def test_a_listed_name_printed_alone_is_warned_of_when_the_overview_lists_more():
    lines = text_to_lines("Text\n\nWürzburg\n\nmehr Text\nRostock\nText\n")
    alone = lines_printed_alone(lines, 0, len(lines))
    assert alone == {"würzburg": 2}  # a name among other lines (a map's label) is no heading
    records = [{"name": "Ort 1", "needs_review": [], "review_notes": {}}]
    _, warnings = with_coverage(records, ["Ort 1", "Würzburg", "Rostock", "Ort 3"], DEFAULT_RECORDS_SETTINGS, alone)
    assert len(warnings) == 1 and "'Würzburg'" in warnings[0] and "line 3" in warnings[0]


def test_a_label_alone_without_colon_in_a_block_of_such_labels_is_read_by_its_likeness():
    """'Morro' (small capitals 'MOTTO' an OCR misread) alone under a title, in a block whose labels
    stand alone without colons: the motto's label, its value flagged; with colons it takes one."""
    from pipeline.corrections import default_corrections_dir, load_corrections
    from pipeline.records.labels import known_labels, label_alone_by_likeness
    known = known_labels(load_corrections(default_corrections_dir()).profile)
    title = [(0, ("title", "Projekttitel", "", False))]
    assert label_alone_by_likeness("Morro", known, title, colonless=True) == ("motto", "Motto", "", True)
    assert label_alone_by_likeness("Morro", known, title) is None
    assert label_alone_by_likeness("Morgen", known, title, colonless=True) is None


def test_a_label_like_one_with_a_colon_and_its_value_in_a_block_of_such_rows():
    """'Morro: Gemeinsam für die Region' after 'PROJEKTTITEL: …' rows: the motto and its value, not
    the title's value going on; in a block of labels over their values it is no label."""
    from pipeline.corrections import default_corrections_dir, load_corrections
    from pipeline.records.labels import known_labels, label_alone_by_likeness
    known = known_labels(load_corrections(default_corrections_dir()).profile)
    title = [(0, ("title", "Projekttitel", "Region neu denken", False))]
    assert label_alone_by_likeness("Morro: Gemeinsam für die Region", known, title, inline=True) == \
        ("motto", "Motto", "Gemeinsam für die Region", True)
    assert label_alone_by_likeness("Morro: Gemeinsam für die Region", known, title) is None


def test_a_title_label_garbled_past_reading_between_the_size_class_and_the_title():
    """'WARY EST,' (small capitals 'PROJEKTTITEL' an OCR garbled) after the size class's value: the
    lines after it are the title (flagged), and the block goes on to the motto's label beyond."""
    text = ("1. Modellprojekte Smart Cities 2023\n\nKLEINSTÄDTE UND LANDGEMEINDEN\n\nHünfeld\n\n"
            f"{PARA}\n\nBUNDESLAND\nHessen\n\nGRÖSSENKLASSE\nLandgemeinde\n\nWARY EST,\nHünfeld digital:\n"
            "Nachbarschaft neu\n\ndenken\nMotto\nDigital und nah: morgen\n")
    got = extract_brochure(load_source_text(text), _corrections(), use_overrides=False).brochure.projects
    assert [(p.size_class, p.title, p.motto) for p in got] == [
        ("Landgemeinde", "Hünfeld digital: Nachbarschaft neu denken", "Digital und nah: morgen")]
    assert "title" in got[0].needs_review


@pytest.mark.parametrize("texts, at", [
    (["Digital und nah: morgen", "RTA", "221.063"], 1),
    (["Klug verbunden - alle", "Generationen", "RIN WOTINER|", "27.173"], 2),
    (["Offen gestalten", "Förderung", "9,2 Mio. Euro"], 1),
    (["Smart City 2030", "für alle"], None),
    (["Heute für", "morgen"], None),
])
def test_a_fact_whose_label_an_ocr_garbled_ends_a_title_or_motto(texts, at):
    from pipeline.records.label_values import lost_fact_at
    assert lost_fact_at(texts) == at


def test_a_speck_between_a_titles_lines_is_no_part_of_it():
    """'Füssen verbunden:' / '.' / 'Teilhabe für alle': the speck stays text, the title is whole."""
    from pipeline.corrections import default_corrections_dir, load_corrections
    from pipeline.records.labels import known_labels, read_labelled_block
    from pipeline.records.segment import value_reads_as
    profile = load_corrections(default_corrections_dir()).profile
    lines = [l for l in text_to_lines("PROJEKTTITEL\nFüssen verbunden:\n.\nTeilhabe für alle\n\nMOTTO\nGemeinsam\n.\n")
             if not l.blank]
    block = read_labelled_block(lines, 0, known_labels(profile), DEFAULT_RECORDS_SETTINGS.segment.wrapped_max_gap,
                                lambda f, t: value_reads_as(f, t, profile, DEFAULT_RECORDS_SETTINGS))
    assert block.get("title").value == "Füssen verbunden: Teilhabe für alle" and 2 not in block.line_numbers
    assert block.get("motto").value == "Gemeinsam"


def test_a_dash_alone_between_a_mottos_lines_stays_in_it():
    from pipeline.corrections import default_corrections_dir, load_corrections
    from pipeline.records.labels import known_labels, read_labelled_block
    from pipeline.records.segment import value_reads_as
    profile = load_corrections(default_corrections_dir()).profile
    lines = [l for l in text_to_lines("MOTTO\nKlug verbunden\n—\ndie Menschen\n\nEINWOHNER\n12.000\n") if not l.blank]
    block = read_labelled_block(lines, 0, known_labels(profile), DEFAULT_RECORDS_SETTINGS.segment.wrapped_max_gap,
                                lambda f, t: value_reads_as(f, t, profile, DEFAULT_RECORDS_SETTINGS))
    assert block.get("motto").value == "Klug verbunden — die Menschen"


def test_a_land_label_at_a_rows_end_after_text_that_ends_no_sentence_reads_the_rows_ends():
    """'Grünflächen, Spielplätze, BUNDESLAND' (an OCR ran the sidebar into the text's rows; the
    text ends no sentence there): the rows' ends give the Land ('Bayern', a row no longer than the
    text's own) and the garbled size class after it; without such ends it is no header."""
    from pipeline.corrections import default_corrections_dir, load_corrections
    from pipeline.records.labels import known_labels, read_labelled_block
    from pipeline.records.segment import value_reads_as
    profile = load_corrections(default_corrections_dir()).profile

    def block(text):
        lines = [l for l in text_to_lines(text) if not l.blank]
        return read_labelled_block(lines, 0, known_labels(profile), DEFAULT_RECORDS_SETTINGS.segment.wrapped_max_gap,
                                   lambda f, t: value_reads_as(f, t, profile, DEFAULT_RECORDS_SETTINGS))
    got = block("Grünflächen, Spielplätze, BUNDESLAND\nTreffpunkte und kurze Bayern\n"
                "Wege zu Geschäften und Gniscuyaness\nÄrzten machen ein Viertel GxiRere Mieinsiad\nlebenswert.\n")
    assert got.get("states").value == "Bayern" and got.get("states").unsure
    assert block("Grünflächen, Spielplätze, BUNDESLAND\nund kurze Wege zu Geschäften.\n") is None


@pytest.mark.parametrize("title", [["Neue", "Mitte"], ["Stark wie ein", "Motor"]])
def test_a_titles_last_line_like_a_label_before_the_next_label_stays_the_titles(title):
    """A title wrapped over two lines whose last line is one capitalised word like 'MOTTO'
    ('Mitte', 'Motor') right before the motto's label: a label alone has its value under it, so
    the word is the title's."""
    text = ("1. Modellprojekte Smart Cities 2023\n\nGROSSSTÄDTE\n\nHeilbronn\n\n"
            f"{PARA}\n\nBUNDESLAND\nBaden-Württemberg\n\nGRÖSSENKLASSE\nKleinere Großstadt\n\n"
            f"PROJEKTTITEL\n{title[0]}\n{title[1]}\n\nMOTTO\nGemeinsam stark\n" + OVERVIEW)
    got = extract_brochure(load_source_text(text), _corrections(), use_overrides=False).brochure.projects
    assert [(p.title, p.motto) for p in got] == [(" ".join(title), "Gemeinsam stark")]


def test_a_mottos_last_line_before_a_facts_figure_is_the_facts_garbled_label():
    """A fact whose label an OCR garbled ('RTA') right under the motto, its figure on the block's
    next line: the piece is no part of the motto."""
    text = ("1. Modellprojekte Smart Cities 2023\n\nGROSSSTÄDTE\n\nHeilbronn\n\n"
            f"{PARA}\n\nBUNDESLAND\nBaden-Württemberg\n\nGRÖSSENKLASSE\nKleinere Großstadt\n\n"
            "PROJEKTTITEL\nHeilbronn klug\n\nMOTTO\nDigital und nah: morgen\nRTA\n221.063\n" + OVERVIEW)
    got = extract_brochure(load_source_text(text), _corrections(), use_overrides=False).brochure.projects
    assert [p.motto for p in got] == ["Digital und nah: morgen"]


def test_a_title_holding_a_word_like_the_label_of_a_motto_not_found_is_flagged():
    """'Morro' (the motto's label an OCR misread) inside the title, no motto found: flagged; the same
    word where the record has its motto, or a title without it, is not."""
    from pipeline.records.extract import label_in_value_doubts

    profile, _ = _corrections().profile_for(2023)
    title = "Kassel digital: Quartiere gestalten Morro Klug verbunden"
    said = label_in_value_doubts({"title": title, "motto": None}, profile)
    assert [d.field for d in said if d.flagged] == ["title"] and "'Morro'" in said[0].note
    assert not label_in_value_doubts({"title": title, "motto": "Klug verbunden"}, profile)
    assert not label_in_value_doubts({"title": "Kassel digital: Quartiere gestalten", "motto": None}, profile)


@pytest.mark.parametrize("garbled", ["Gro&Senklasse", "Gro8&enklasse"])
def test_a_garbled_label_inside_a_column_of_labels_is_read_by_its_likeness(garbled):
    """A column of labels over a column of values (a key/value table an OCR read by its columns),
    the size class's label garbled ('&' for 'ß', '8' for 'ß'): between two labels alone it is the
    missing label, and the column of values fits the labels line for line."""
    text = ("1. Modellprojekte Smart Cities 2023\n\nGROSSSTÄDTE\n\nKassel\n\n"
            f"Bundesland\n{garbled}\nProjekttitel\nMotto\nFörderphase\n\n"
            "Hessen\nKleinere Großstadt\nKassel vernetzt\nGemeinsam für alle\nUmsetzungsphase\n\n"
            f"{PARA}\n")
    got = extract_brochure(load_source_text(text), _corrections(), use_overrides=False).brochure.projects
    assert [(p.name, p.size_class, p.states, p.title, p.motto) for p in got] == \
        [("Kassel", "Kleinere Großstadt", ["Hessen"], "Kassel vernetzt", "Gemeinsam für alle")]
    assert got[0].facts == {"Förderphase": "Umsetzungsphase"}


def test_a_listed_name_with_an_ocrs_specks_after_it_heads_its_record():
    """'Würzburg .. o' (a photo's edge read after the name) over a sidebar's labels: the overview
    lists 'Würzburg', so the line is the name; the specks go to figure text, the name flagged."""
    text = ("1. Modellprojekte Smart Cities 2023\n\nGROSSSTÄDTE\n\nWürzburg .. o\n\n"
            "BUNDESLAND\nBayern\n\nGRÖSSENKLASSE\nKleinere Großstadt\n\nPROJEKTTITEL\nWürzburg vernetzt\n\n"
            f"{PARA}\n" + OVERVIEW)
    got = extract_brochure(load_source_text(text), _corrections(), use_overrides=False).brochure.projects
    assert [(p.name, p.size_class, p.title) for p in got] == [("Würzburg", "Kleinere Großstadt", "Würzburg vernetzt")]
    assert "name" in got[0].needs_review


@pytest.mark.parametrize("printed", ["MOoTTOo: Gemeinsam für alle", "MoTTOo: Gemeinsam für alle", "MOTTOo: Gemeinsam für alle"])
def test_small_capitals_an_ocr_read_twice_are_the_label_itself(printed):
    """'MOoTTOo:' (small capitals, each read as a capital and again in lower case) is the motto's
    label as printed, not one read by its likeness: its value is not flagged for it."""
    from pipeline.records.labels import known_labels, line_label_read
    known = known_labels(_corrections().profile)
    assert line_label_read(printed, known) == ("motto", "Motto", "Gemeinsam für alle", False)
    assert line_label_read("MOoTTo", known) == ("motto", "Motto", "", False)


def test_a_listed_name_over_labels_whose_land_and_size_class_ran_into_the_text_makes_the_record_flagged():
    """No Land and no size class reads as one ('BUNDESLAND' heads a row of text, the rest is
    garbled), but the overview lists the name and the header's labels stand under it: the record
    is found, its Land is the overview's row's and its size class its section's likest, both
    flagged. Under a name the overview lacks, nothing is made of such lines."""
    def brochure(name):
        text = ("1. Modellprojekte Smart Cities 2023\n\nGROSSSTÄDTE\n\nHeilbronn\n\n"
                f"{PARA}\n\nBUNDESLAND\nBaden-Württemberg\n\nGRÖSSENKLASSE\nKleinere Großstadt\n\n"
                "PROJEKTTITEL\nHeilbronn klug\n\nMOTTO:\nGemeinsam für alle\n\n\n\n\n"
                f"{name}\n\nBUNDESLAND Die Fahrerinnen bringen ältere und\nSoe tannnnncle Menschen zum Arzt\n\n"
                f"PROJEKTTITEL\nWürzburg vernetzt\n\nMOTTO:\nKlug verbunden\n\n{PARA}\n" + OVERVIEW)
        return extract_brochure(load_source_text(text), _corrections(), use_overrides=False).brochure.projects

    got = brochure("Würzburg")
    assert [(p.name, p.states, p.title) for p in got] == [
        ("Heilbronn", ["Baden-Württemberg"], "Heilbronn klug"), ("Würzburg", ["Bayern"], "Würzburg vernetzt")]
    assert {"states", "size_class"} <= set(got[1].needs_review) and "overview" in got[1].review_notes["size_class"]
    assert got[1].description.startswith("Ehrenamtliche") and got[1].size_class in ("Große Großstadt", "Kleinere Großstadt")
    assert {"title", "motto"} <= set(got[1].needs_review)  # a header found so is the reviewer's to check
    assert [p.name for p in brochure("Kassel")] == ["Heilbronn"]


def test_a_stray_listed_name_takes_no_other_projects_labels():
    """A line naming a listed project, then a section heading and another project's header: the
    labels under the heading are that project's, so no record is made of the stray name (the
    coverage warns of it)."""
    text = ("1. Modellprojekte Smart Cities 2023\n\nGROSSSTÄDTE\n\nHeilbronn\n\n"
            f"{PARA}\n\nBUNDESLAND\nBaden-Württemberg\n\nGRÖSSENKLASSE\nKleinere Großstadt\n\n"
            "PROJEKTTITEL\nHeilbronn klug\n\nMOTTO:\nGemeinsam für alle\n\nKassel\n\n\n\n\n"
            f"GROSSSTÄDTE\n\nWürzburg\n\n{PARA}\n\nBUNDESLAND\nBayern\n\nGRÖSSENKLASSE\nKleinere Großstadt\n\n"
            "PROJEKTTITEL\nWürzburg vernetzt\n\nMOTTO:\nKlug verbunden\n" + OVERVIEW + "\nKassel Hessen Großstädte\n")
    result = extract_brochure(load_source_text(text), _corrections(), use_overrides=False)
    assert [p.name for p in result.brochure.projects] == ["Heilbronn", "Würzburg"]


def test_a_listed_name_whose_header_an_ocr_read_into_the_text_rows_or_after_its_text_makes_the_record():
    """Two headers an OCR read as no header: one whose labels end rows of the text beside them
    ('… ältere BUNDESLAND:'), its Land garbled, under a name whose cell the table overview wraps
    ('Würzburg in Kooperation mit' | 'Kitzingen'); one read after a stretch of its text, its Land
    read but its size class's value parted by a row of text, in an edition whose overview lists
    no Länder. Both records are found under the names the overview lists, their headers flagged."""
    first = ("1. Modellprojekte Smart Cities 2023\n\nGROSSSTÄDTE\n\nHeilbronn\n\n"
             f"{PARA}\n\nBUNDESLAND\nBaden-Württemberg\n\nGRÖSSENKLASSE\nKleinere Großstadt\n\n"
             "PROJEKTTITEL\nHeilbronn klug\n\nMOTTO:\nGemeinsam für alle\n\n\n\n\n")
    rows = (f"{first}Würzburg in Kooperation mit Kitzingen\n\nDie Fahrerinnen bringen ältere BUNDESLAND:\n"
            "Menschen zum Arzt und zum Einkaufen. Soe tannnnncle\n\nPROJEKTTITEL:\nWürzburg vernetzt\n\n"
            f"{PARA}\n\n\n\n\n2. Übersicht Modellprojekte Smart Cities 2023\n\n"
            "Modellprojekt Bundesland Kategorie\n\nHeilbronn Baden-Württemberg Großstädte\n\n"
            "Würzburg in Kooperation mit Bayern Großstädte\nKitzingen\n")
    section = "INTERKOMMUNALE KOOPERATIONEN UND LANDKREISE"
    after = (f"1. Modellprojekte Smart Cities 2023\n\n{section}\n\nLandkreis Heilbronn\n\n{PARA}\n\n"
             "BUNDESLAND\nBaden-Württemberg\n\nGRÖSSENKLASSE\nInterkommunale Kooperationen/Landkreis\n\n"
             f"PROJEKTTITEL\nHeilbronn klug\n\nMOTTO:\nGemeinsam für alle\n\n\n\n\n{section}\n\nLandkreis Würzburg\n\n"
             + "\n".join(f"{PARA[:50]} {n}." for n in range(12)) +
             "\nEin Beispiel ist der digitale Dorfladen.\nAusblick Die Erfahrungen der\nvergangenen Jahre machen Mut. Ein\n\n"
             "BUNDESLAND\nBayern\nGRÖSSENKLASSE\n\nInterkommunale\n\n"
             "wichtiges Vorhaben ist die Erneuerung _ Kooperationen/Landkreis\n\nder Brücke über den Fluss.\n\n"
             "PROJEKTTITEL\nWürzburg vernetzt\n\nMOTTO:\nKlug verbunden\n\n\n\n\n"
             "2. Übersicht Modellprojekte Smart Cities 2023\n\n"
             "Interkommunale Kooperationen und Landkreise:\n\nLandkreis Heilbronn\nLandkreis Würzburg\n")
    for text, names, land_from in ((rows, ("Heilbronn", "Würzburg in Kooperation mit Kitzingen"), "the overview's row"),
                                   (after, ("Landkreis Heilbronn", "Landkreis Würzburg"), "read under its label")):
        got = extract_brochure(load_source_text(text), _corrections(), use_overrides=False).brochure.projects
        assert [(p.name, p.states, p.title) for p in got] == [
            (names[0], ["Baden-Württemberg"], "Heilbronn klug"), (names[1], ["Bayern"], "Würzburg vernetzt")]
        assert {"states", "size_class"} <= set(got[1].needs_review) and land_from in got[1].review_notes["states"]


def test_a_section_band_read_after_its_projects_header_ends_no_project():
    """The band over a project's page (its section, the first of it) read by an OCR after the
    project's name and sidebar: the section of the project's size class, before any other project
    starts. It is the project's band: the text under it is the project's, its section that one."""
    text = ("1. Modellprojekte Smart Cities 2023\n\nGROSSSTÄDTE\n\nHeilbronn\n\nBUNDESLAND:\nBaden-Württemberg\n\n"
            "GRÖSSENKLASSE:\nKleinere Großstadt\n\nPROJEKTTITEL:\nHeilbronn klug\n\nMOTTO:\nGemeinsam für alle\n\n"
            f"{PARA}\n\n\n\n\nWeimar\n\nBUNDESLAND:\nThüringen\n\nGRÖSSENKLASSE:\nGrößere Mittelstadt\n\n"
            "PROJEKTTITEL:\nWeimar smart\n\nMOTTO:\nDigital und nah\n\nMITTELSTÄDTE\n\n"
            f"Die Erfahrungen aus Weimar zeigen, dass Beteiligung gelingt. {PARA}\n\n\n\n\n"
            "2. Übersicht Modellprojekte Smart Cities 2023\n\nGroßstädte:\nHeilbronn\n\nMittelstädte:\nWeimar\n")
    got = extract_brochure(load_source_text(text), _corrections(), use_overrides=False)
    weimar = got.brochure.projects[1]
    assert (weimar.name, weimar.category) == ("Weimar", "Mittelstädte")
    assert weimar.description.startswith("Die Erfahrungen aus Weimar zeigen")
    assert not any("belong to no record" in w for w in got.brochure.warnings)


def test_a_listed_name_over_a_land_and_a_size_label_both_garbled_at_row_heads_makes_the_record():
    """'BUNDESLAND Die Fahrerinnen …' opens a row (a sidebar on the left run into the text's rows),
    the Land under it garbled ('Bxzqn . sae'), the size class's label too ('Soa …'), and then a
    row that is a size class as printed, alone: under a name the overview lists the record is
    found, its Land and size class flagged. Under a name the overview lacks, nothing is made."""
    def projects(size_row, name="Würzburg"):
        text = ("1. Modellprojekte Smart Cities 2023\n\nGROSSSTÄDTE\n\nHeilbronn\n\n"
                f"{PARA}\n\nBUNDESLAND\nBaden-Württemberg\n\nGRÖSSENKLASSE\nKleinere Großstadt\n\n"
                "PROJEKTTITEL\nHeilbronn klug\n\nMOTTO:\nGemeinsam für alle\n\n\n\n\n"
                f"{name}\n\nBUNDESLAND Die Fahrerinnen bringen ältere\n\nBxzqn . sae\nmneer Menschen zum Arzt und\n\n"
                f"Soa zum Einkaufen in die Stadt.\n\n{size_row}\n\nPROJEKTTITEL\nWürzburg vernetzt\n\n"
                f"MOTTO:\nKlug verbunden\n\n{PARA}\n" + OVERVIEW)
        return extract_brochure(load_source_text(text), _corrections(), use_overrides=False).brochure.projects

    got = projects("Kleinere Großstadt")
    assert [(p.name, p.size_class) for p in got] == [("Heilbronn", "Kleinere Großstadt"), ("Würzburg", "Kleinere Großstadt")]
    assert {"states", "size_class"} <= set(got[1].needs_review) and got[1].states == ["Bayern"]
    assert [p.name for p in projects("Kleinere Großstadt", "Kassel")] == ["Heilbronn"]
