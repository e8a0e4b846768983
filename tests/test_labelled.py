"""Headers printed as labelled values (issue 28) and tables of contents before the parts."""
import json

import pytest

from pipeline.read.load import load_source
from pipeline.records.labels import known_labels, line_label, read_labelled_block
from pipeline.records.segment import find_parts, text_to_lines
from pipeline.records.settings import DEFAULT_RECORDS_SETTINGS
from pipeline.run import extract_brochure

from .conftest import CASES

LABELLED = sorted(p for p in (CASES / "labelled").iterdir() if (p / "input.txt").exists())


@pytest.fixture
def profile(corrections):
    return corrections.profile_for(None)[0]


@pytest.mark.parametrize("case", LABELLED, ids=[p.name for p in LABELLED])
def test_labelled_case(case, corrections):
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    got = extract_brochure(load_source(case / "input.txt"), corrections, use_overrides=False).brochure
    fields = list(expected["projects"][0])
    assert [{f: p.model_dump(mode="json")[f] for f in fields} for p in got.projects] == expected["projects"]


@pytest.mark.parametrize("text, expected", [
    ("Bundesland: Bayern", ("states", "Bundesland", "Bayern")),
    ("BUNDESLAND Bayern", ("states", "Bundesland", "Bayern")),
    ("GRÖSSENKLASSE: Kleinere Großstadt", ("size_class", "Größenklasse", "Kleinere Großstadt")),
    ("G RÖSSENKLASSE:", ("size_class", "Größenklasse", "")),
    ("P ROJEKTTITEL: Stadt digital", ("title", "Projekttitel", "Stadt digital")),
    ("Einwohner 12.000", ("fact", "Einwohner", "12.000")),
    ("Land : Hessen", ("states", "Land", "Hessen")),
])
def test_labels_match_ignoring_case_colon_and_sharp_s(text, expected, profile):
    assert line_label(text, known_labels(profile)) == expected


@pytest.mark.parametrize("text", ["Landau in der Pfalz", "Landkreis Gießen", "Bad Kreuznach", "Koblenz klug: neu denken",
                                  "Mottos der Stadt"])
def test_other_lines_are_no_labels(text, profile):
    assert line_label(text, known_labels(profile)) is None


def values(text: str, profile) -> list[tuple[str, str]]:
    lines = [l for l in text_to_lines(text) if not l.blank]
    block = read_labelled_block(lines, 0, known_labels(profile), DEFAULT_RECORDS_SETTINGS.segment.wrapped_max_gap)
    return [(v.field, v.value) for v in block.values]


def test_a_label_ends_the_value_before_it(profile):
    text = "PROJEKTTITEL:\nKoblenz klug:\nNachbarschaft neu denken\nMOTTO:\nDigital und nah: ein\nlebenswertes Koblenz\n" \
           "EINWOHNER:\n334.644\nDie Stadt baut eine Plattform auf."
    assert values(text, profile) == [("title", "Koblenz klug: Nachbarschaft neu denken"),
                                     ("motto", "Digital und nah: ein lebenswertes Koblenz"), ("fact", "334.644")]


def test_a_column_of_labels_takes_the_column_of_values_in_order(profile):
    text = "Bundesland\nGrößenklasse\nMotto\n\nNiedersachsen\nKleinere Mittelstadt\nHeute für morgen\n\nDie Stadt baut."
    assert values(text, profile) == [("states", "Niedersachsen"), ("size_class", "Kleinere Mittelstadt"),
                                     ("motto", "Heute für morgen")]


def test_contents_entries_are_not_the_parts(profile):
    text = "Inhalt\n1. Modellprojekte Smart Cities 2023 … 5\n2. Übersicht Modellprojekte 2023 … 9\n\n\n\n\n" \
           "1. Modellprojekte Smart Cities 2023\n\nGroßstädte\n\nA\nB\nC\n\n\n\n\n2. Übersicht Modellprojekte 2023\n\nX\n"
    lines = text_to_lines(text)
    parts = find_parts(lines, profile, DEFAULT_RECORDS_SETTINGS)
    assert lines[parts["projects"][0]].text == "1. Modellprojekte Smart Cities 2023"
    assert lines[parts["overview"][0]].text == "2. Übersicht Modellprojekte 2023"
    assert parts["projects"][0] > 3


def test_contents_whose_page_numbers_were_read_apart(profile):
    text = "Inhalt\n1. Modellprojekte Smart Cities 2023\nGroßstädte\nA\n2. Übersicht Modellprojekte 2023\n3\n5\n\n\n\n\n" \
           "1. Modellprojekte Smart Cities 2023\n\nGroßstädte\n\nA\nText über A.\nMehr Text.\nNoch mehr.\n\n\n\n\n" \
           "2. Übersicht Modellprojekte 2023\n\nA\n"
    lines = text_to_lines(text)
    parts = find_parts(lines, profile, DEFAULT_RECORDS_SETTINGS)
    assert parts["projects"][0] == 11 and lines[parts["overview"][0]].text.startswith("2.") and parts["overview"][0] > 11


def test_a_map_after_the_contents_is_no_text_of_the_overview(profile):
    """The Länder marks of a map the OCR read ('BR', 'O N K') after a contents without page
    numbers do not make the contents' entry the overview's heading."""
    text = "Inhalt\n1. Modellprojekte Smart Cities 2023\n2. Übersicht Modellprojekte 2023\n\nW\nBR\nN\nO N K\nA\n" \
           "W\nO\nRP\n\n\n\n\n1. Modellprojekte Smart Cities 2023\n\nGroßstädte\n\nKoblenz\nText über Koblenz.\n\n\n\n\n" \
           "2. Übersicht Modellprojekte 2023\n\nGroßstädte:\nKoblenz\nPotsdam\n"
    lines = text_to_lines(text)
    parts = find_parts(lines, profile, DEFAULT_RECORDS_SETTINGS)
    assert parts["overview"][0] > parts["projects"][0] > 3


def test_a_column_of_values_after_text_that_names_a_land(profile):
    """Text set between the labels and their values, naming a Land on one of its lines, is no value."""
    from pipeline.records.segment import value_reads_as
    text = "Bundesland\nGrößenklasse\nMotto\n\nIn Hessen\nhaben sich Ämter\nzusammengeschlossen.\n\nBayern\n" \
           "Kleinere Mittelstadt\nHeute für morgen\n"
    lines = [l for l in text_to_lines(text) if not l.blank]
    block = read_labelled_block(lines, 0, known_labels(profile), DEFAULT_RECORDS_SETTINGS.segment.wrapped_max_gap,
                                lambda f, t: value_reads_as(f, t, profile, DEFAULT_RECORDS_SETTINGS))
    assert [(v.field, v.value) for v in block.values] == [("states", "Bayern"), ("size_class", "Kleinere Mittelstadt"),
                                                          ("motto", "Heute für morgen")]


def test_a_section_band_in_capitals_and_a_running_header_name_the_section(profile):
    from pipeline.records.size_lines import match_category, running_section
    assert match_category("GROSSSTÄDTE", profile, DEFAULT_RECORDS_SETTINGS)[0] == "Großstädte"
    assert running_section("Modellprojekte Smart Cities | Mittelstädte", profile, DEFAULT_RECORDS_SETTINGS)[0] == "Mittelstädte"
    assert running_section("Koblenz klug: Nachbarschaft neu denken", profile, DEFAULT_RECORDS_SETTINGS) is None


def test_a_band_naming_the_section_again_on_a_later_page_ends_no_project(corrections):
    """A band over each project page repeats the section on a continuation page: the text after it
    is the project's, the band a removed line; a band of another section still ends it."""
    text = "1. Modellprojekte Smart Cities 2023\n\nMITTELSTÄDTE\n\nHomburg\nGrößere Mittelstadt · Saarland\n\n" \
           "Projekttitel: Homburg vernetzt\nMotto: Nah dran\n\nDie Stadt baut seit dem letzten Jahr ein schnelles Netz\n" \
           "für alle Bürgerinnen und\n\n\n\n\nMITTELSTÄDTE\n\nBürger auf, das alle Ortsteile und Dörfer verbindet.\n\n\n\n\nKLEINSTÄDTE UND LANDGEMEINDEN\n\n" \
           "Füssen\nGrößere Kleinstadt · Bayern\n\nProjekttitel: Füssen digital\nMotto: Am See\n\nDer Ort am See plant einen neuen Bus.\n"
    brochure = extract_brochure(load_source_text(text), corrections, use_overrides=False).brochure
    assert [(p.name, p.category) for p in brochure.projects] == [("Homburg", "Mittelstädte"),
                                                                 ("Füssen", "Kleinstädte und Landgemeinden")]
    assert " ".join(brochure.projects[0].description.split()) == "Die Stadt baut seit dem letzten Jahr ein schnelles Netz für alle " \
                                               "Bürgerinnen und Bürger auf, das alle Ortsteile und Dörfer verbindet."
    assert "MITTELSTÄDTE" in brochure.source.removed_lines and "MITTELSTÄDTE" not in brochure.projects[0].figure_text


@pytest.mark.parametrize("text, expected", [  # small capitals read twice ('MoTTOo:') are exact: test_unread_headers
    ("MOTIO:", ("motto", "Motto", "")),
    ("GROSSENKLASSE:", ("size_class", "Größenklasse", "")),
    ("PROJEKTTITFL: Koblenz klug", ("title", "Projekttitel", "Koblenz klug")),
    ("Gro8&enklasse: Landgemeinde", ("size_class", "Größenklasse", "Landgemeinde")),
    ("GROSSENKLASSE Große Großstadt", ("size_class", "Größenklasse", "Große Großstadt")),
])
def test_a_label_the_ocr_damaged_is_read_fuzzily(text, expected, profile):
    from pipeline.records.labels import line_label_read
    assert line_label_read(text, known_labels(profile)) == (*expected, True)
    assert line_label(text, known_labels(profile)) is None  # no exact label: it is no running line's label


@pytest.mark.parametrize("text", ["Mottos", "Landau:", "Lana:", "Moment:", "Bayern:", "Kontaktdaten und mehr:",
                                  "2,1 Mio:", "www.x.de:", "GROSSSTÄDTE"])
def test_a_word_like_a_label_without_colon_or_capitals_is_none(text, profile):
    from pipeline.records.labels import line_label_read
    assert line_label_read(text, known_labels(profile)) is None


def test_a_damaged_label_in_a_column_takes_its_value_not_the_value_of_the_one_before(profile):
    text = "BUNDESLAND:\nGRÖSSENKLASSE:\nPROJEKTTITEL:\nMOTIO:\nEINWOHNER:\n\nBayern\nKleinere Mittelstadt\n" \
           "Straubing digital\nHeute für morgen\n132.280\n"
    lines = [l for l in text_to_lines(text) if not l.blank]
    block = read_labelled_block(lines, 0, known_labels(profile), DEFAULT_RECORDS_SETTINGS.segment.wrapped_max_gap)
    assert [(v.field, v.value, v.fuzzy) for v in block.values] == [
        ("states", "Bayern", False), ("size_class", "Kleinere Mittelstadt", False), ("title", "Straubing digital", False),
        ("motto", "Heute für morgen", True), ("fact", "132.280", False)]


def test_a_size_class_of_another_section_flags_the_section(profile):
    from pipeline.records.extract import section_size_doubts
    assert section_size_doubts("Mittelstädte", "Landgemeinde", profile)[0].field == "category"
    assert section_size_doubts("Kleinstädte und Landgemeinden", "Landgemeinde", profile) == []
    assert section_size_doubts("Mittelstädte", "a class no section lists", profile) == []


def test_facts_under_a_size_line_go_to_facts_not_to_the_text(corrections):
    text = "1. Modellprojekte Smart Cities 2023\n\nGroßstädte\n\nKoblenz\nGroße Großstadt · Rheinland-Pfalz\n\n" \
           "Projekttitel: Koblenz klug\nMotto: Heute für morgen\nFörderphase:\nUmsetzungsphase\n\nFÖRDERSUMME 10,6 Mio. Euro\n\n" \
           "Einwohner und Gäste nutzen die neue Plattform der Stadt seit dem Frühjahr.\n"
    got = only_record(text, corrections)
    assert got.facts == {"Förderphase": "Umsetzungsphase", "Fördersumme": "10,6 Mio. Euro"}
    assert "Umsetzungsphase" not in got.description and "Mio" not in got.description
    assert "Umsetzungsphase" not in " ".join(got.figure_text)
    assert got.description.startswith("Einwohner und Gäste")  # prose that opens with a label's word is text


@pytest.mark.parametrize("text, rest, apart", [
    ("Einwohner: 12.000", "12.000", True), ("EINWOHNER 12.000", "12.000", True), ("Einwohner 12.000", "12.000", True),
    ("Einwohner", "", True), ("Einwohner und Gäste kommen gern", "und Gäste kommen gern", False),
    ("Website der Stadt Koblenz und des Landkreises.", "der Stadt Koblenz und des Landkreises.", False),
    ("Website www.musterstadt.de/smart-city", "www.musterstadt.de/smart-city", True),
    ("Kontakt info@musterstadt.de", "info@musterstadt.de", True), ("Website wird gebaut", "wird gebaut", False),
    ("Website www. musterstadt.de/smart-city", "www. musterstadt.de/smart-city", True),
])
def test_a_fact_label_stands_apart_from_prose(text, rest, apart):
    from pipeline.records.labels import label_stands_apart
    assert label_stands_apart(text, rest, False) is apart


def load_source_text(text: str):
    import tempfile
    from pathlib import Path
    folder = Path(tempfile.mkdtemp())
    (folder / "input.txt").write_text(text, encoding="utf-8")
    return load_source(folder / "input.txt")


@pytest.mark.parametrize("value, reads_as_text", [
    ("Heilbronn klug: Region gestalten", False), ("stadt.land.smart", False), ("Bochum. Zukunftsfähig. Bürgernah.", False),
    ("26", False), ("nextlevel #KlimaStadt #MobileStadt #MitmachStadt", False),
    ("der Planung nachvollziehen kann.", True), ("Göttingen wird erprobt, wie", True), ("a ar . .", True),
    ("Mit Daten für morgen Gruppenarbeiten. Eine ausgebildete Pflegekraft misst vor Ort Blutdruck und Blutzucker", True),
    ("Smarter, nachhaltiger Tourismus", False), ("Linz verbindet Lebenswelten: fürsorglich, menschlich, bunt", False),
    ("Smart City Potsdam - Innovativ. Grün. Gerecht.", False),
    ("Auszubildende lernen an Maschinen, die über Datenleitungen gesteuert werden", True),
    ("Informationssicherheit zu beschäftigen. In Sülzetal und Bad Kötzting wurden", True),
    ("Auch über Staatsgrenzen hinweg wird", True), ("Die Stadt von morgen wird", True),
    ("Zeigen, was Stadt kann", False), ("Wo Zukunft wird", False), ("Ein Ort, der verbunden ist", False),
    ("Die nächsten Schritte sind bereits geplant. Auch", True), ("Digital und nah. Heute", False),
    ("Schwarzenbruck vernetzt: ne", True), ("Wir sind da", False), ("Zukunft Stadt KI", False),
    ("Vernetzt in der Region bzw. Stadt und Land", False), ("Hier wird Zukunft gemacht. Gemeinsam.", False),
    ("Ein Ort, an dem Zukunft gemacht wird", False), ("Smart Region to go", False), ("Radwege für 50 km", False),
    ("Lehrkräfte berichten, dass alles gut ist", True), (".", True), ("Praxen finden keine", True),
    ("Gemeinsam nach vorn", False), ("Digitale Dörfer an der Küste Zwi-", True), ("Stadt- und Landentwicklung", False),
    ("Wir packen aus", False), ("Smart für alle, ob jung oder alt", False), ("Digital durch und durch", False),
])
def test_a_title_or_motto_that_reads_as_running_text(value, reads_as_text):
    from pipeline.records.text import value_running_text_reason
    assert (value_running_text_reason(value, DEFAULT_RECORDS_SETTINGS) is not None) is reads_as_text


def test_a_short_line_over_the_name_is_flagged_and_a_bracket_goes_on_the_name(corrections):
    text = "1. Modellprojekte Smart Cities 2023\n\nGroßstädte\n\nHalle\n(Saale)\nKleinere Großstadt · Sachsen-Anhalt\n\n" \
           "Projekttitel: Halle klug\nMotto: Heute für morgen\n\nDie Stadt baut eine Plattform.\n\n\n\n\n" \
           "Interkommunale Kooperationen und Landkreise\n\nLandkreis\nMärkisch-Oderland\n" \
           "Interkommunale Kooperationen/Landkreis · Brandenburg\n\nProjekttitel: Oderland klug\nMotto: Heute\n\nText.\n"
    projects = extract_brochure(load_source_text(text), corrections, use_overrides=False).brochure.projects
    assert projects[0].name == "Halle (Saale)"
    assert projects[1].name == "Märkisch-Oderland" and "name" in projects[1].needs_review
    assert "'Landkreis'" in projects[1].review_notes["name"]


@pytest.mark.parametrize("lines, doubtful", [
    (["Koblenz verbunden: Ortskerne", "gestalten"], False), (["Rheine digital: Zukunft im", "Wandel"], False),
    (["Bad Säckingen vernetzt: Teilhabe", "denken", "neu"], True), (["Zukunft", "Tübingen klug: neu", "denken"], True),
    (["In Fürth messen Schülerinnen und", "Digital und nah: alle"], True),
    (["Ebersbach-Neugersdorf", "nachhaltig: Teilhabe neu", "denken"], False),  # too long to share its line
])
def test_a_labelled_value_whose_lines_look_misread(lines, doubtful):
    from pipeline.records.header import wrapped_value_reason
    assert (wrapped_value_reason(lines) is not None) is doubtful


def test_a_sidebar_name_after_running_lines_taken_out_and_over_two_lines(profile):
    """Running lines taken out leave no page break; the list of projects picks the name and its second line."""
    from pipeline.records.segment import find_projects
    text = "Großstädte\n\n\n\n\nBad\n\nSackingen\n\nDie Stadt baut eine Plattform.\nAuf einen Blick\n\n" \
           "Nicht alles ist gelungen: Die Plattform\nwurde kaum genutzt.\n\nBUNDESLAND\nSaarland\n\nGRÖSSENKLASSE\n" \
           "Kleine Kleinstadt\n\nPROJEKTTITEL\nBad Säckingen vernetzt\n"
    lines = text_to_lines(text)
    blocks = find_projects(lines, profile, frozenset({"auf einen blick"}), ["Bad Säckingen", "Koblenz"])
    assert [l.text for l in blocks[0].name_lines] == ["Bad", "Sackingen"]


def test_a_running_name_over_a_labelled_header_is_the_name_there(profile):
    """A continuation page's header repeats the project's name: over the header it is the name."""
    from pipeline.read.page_furniture import line_key
    from pipeline.records.segment import find_projects
    text = "Großstädte\n\nHalle (Saale)\n\nBUNDESLAND: Sachsen-Anhalt\nGRÖSSENKLASSE: Kleinere Großstadt\n" \
           "PROJEKTTITEL: Halle digital\n\nText.\n\n\n\n\nHalle (Saale)\n\nMehr Text.\n"
    blocks = find_projects(text_to_lines(text), profile, frozenset({line_key("Halle (Saale)")}), [])
    assert [b.name_lines[0].text for b in blocks] == ["Halle (Saale)"]


def test_a_size_class_like_a_section_under_its_label_is_no_heading(corrections):
    """'Interkommunale Kooperationen/Landkreis' is as like the section's name as a heading: as the
    value of 'Größenklasse' it must not end the project and leave its text to no record."""
    text = "1. Modellprojekte Smart Cities 2023\n\nInterkommunale Kooperationen und Landkreise\n\nKreis Höxter\n\n" \
           "BUNDESLAND:\nGRÖSSENKLASSE:\nPROJEKTTITEL:\n\nNordrhein-Westfalen\nInterkommunale Kooperationen/Landkreis\n" \
           "Höxter digital\n\nDie Dörfer des Kreises teilen sich einen Bus, der auf Abruf fährt und alle Orte verbindet.\n"
    got = extract_brochure(load_source_text(text), corrections, use_overrides=False).brochure.projects
    assert [(p.name, p.size_class, p.title) for p in got] == [
        ("Kreis Höxter", "Interkommunale Kooperationen/Landkreis", "Höxter digital")]
    assert got[0].description.startswith("Die Dörfer des Kreises teilen sich einen Bus")


@pytest.mark.parametrize("header", [
    "Projekttitel: Füssen digital\nMotto: Am See\nEinwohner: 15.000\nFörderphase: Umsetzungsphase\n",
    "Projekttitel:\nFüssen digital\n\nMotto:\nAm See\n\nEinwohner:\n15.000\n\nFörderphase:\nUmsetzungsphase\n"])
def test_running_text_after_the_labels_values_is_text_not_the_last_value(header, corrections):
    """Every label has its value: the paragraph after them is the description, not the last value
    going on up to the 'Kontakt' box further down."""
    text = "1. Modellprojekte Smart Cities 2023\n\nKleinstädte und Landgemeinden\n\nFüssen\nGrößere Kleinstadt · Bayern\n\n" \
           f"{header}\nFrisches Gemüse, Käse und Brötchen kommen von Betrieben aus der näheren Umgebung. Die Gemeinde\n" \
           "plant dazu einen neuen Laden.\n\nKontakt\nStabsstelle Digitalisierung\n"
    got = only_record(text, corrections)
    assert (got.facts["Einwohner"], got.facts["Förderphase"]) == ("15.000", "Umsetzungsphase")
    assert got.description.startswith("Frisches Gemüse, Käse und Brötchen")


def test_a_line_of_prose_opening_with_a_lands_label_word_is_no_label(corrections):
    """'Land lebt, ist …' in the paragraph after the labels: no Land's label (no Land begins in lower
    case), so the paragraph is the description, whole, and the website keeps its own line."""
    text = "1. Modellprojekte Smart Cities 2023\n\nMittelstädte\n\nMusterstadt\n\nGrößere Mittelstadt · Hessen\n\n" \
           "P ROJEKTTITEL Musterstadt gemeinsam: Teilhabe im Wandel\n\nM OTTO Heute für eine grüne Stadt\n\n" \
           "E INWOHNER 100.174\n\nW EBSITE www.musterstadt.de/smart-city\n\n" \
           "Mobilität ohne eigenes Auto Wer auf dem\nLand lebt, ist häufig auf das Auto\nangewiesen. Auch die " \
           "Nachbarschaft\nspielt eine große Rolle.\n"
    got = only_record(text, corrections)
    assert got.facts["Website"] == "www.musterstadt.de/smart-city"
    assert got.description.startswith("Mobilität ohne eigenes Auto Wer auf dem Land lebt, ist häufig")
    assert got.states == ["Hessen"]


def test_a_names_end_an_ocr_set_among_the_labels_does_not_end_the_block(corrections):
    """An OCR scattered the name's lines among the labels ('und Uelzen' after the Land's value,
    a paragraph of its own): two words are no running text, the labels after them are read."""
    text = "1. Modellprojekte Smart Cities 2023\n\nInterkommunale Kooperationen und Landkreise\n\n" \
           "Ebstorf in\n\nBevensen\n\nBundesland\nNiedersachsen\nGrößenklasse\n\nKooperation\n\nund Uelzen\n\n" \
           "Interkommunale Kooperationen/Landkreis\n\nProjekttitel\n\nEbstorf verbunden\n\nMotto\n\n" \
           "Zusammen in ein lebenswertes Ebstorf\n\nDie Gemeinden teilen sich einen Bus, der auf Abruf fährt und alle Orte verbindet.\n"
    got = extract_brochure(load_source_text(text), corrections, use_overrides=False).brochure.projects
    assert [(p.size_class, p.title, p.motto) for p in got] == [
        ("Interkommunale Kooperationen/Landkreis", "Ebstorf verbunden", "Zusammen in ein lebenswertes Ebstorf")]

def test_text_before_the_first_project_that_no_project_holds_is_warned_of(corrections):
    """Text the projects part opens with, before the first record's name line (a name read too
    low, under the page's text), is in no record: a warning says so."""
    prose = "Die Stadt baut seit dem letzten Jahr ein schnelles Netz für alle Bürgerinnen und Bürger auf, das alle " \
            "Ortsteile verbindet und die Schulen anschließt."
    text = f"1. Modellprojekte Smart Cities 2023\n\nGroßstädte\n\n{prose}\n\n" \
           "Koblenz\nGroße Großstadt · Rheinland-Pfalz\n\nProjekttitel: Koblenz klug\nMotto: Heute\n\nText über Koblenz.\n"
    brochure = extract_brochure(load_source_text(text), corrections, use_overrides=False).brochure
    assert [p.name for p in brochure.projects] == ["Koblenz"]
    assert any("before the first project" in w and "belong to no record" in w and "Die Stadt baut seit" in w
               for w in brochure.warnings)


def test_text_after_a_heading_that_no_project_holds_is_warned_of(corrections):
    """A section's heading inside a project's pages ends it: the text after it, up to the next
    project, is in no record, and a warning says so."""
    prose = "Die Stadt baut seit dem letzten Jahr ein schnelles Netz für alle Bürgerinnen und Bürger auf, das alle " \
            "Ortsteile verbindet und die Schulen anschließt."
    text = "1. Modellprojekte Smart Cities 2023\n\nGroßstädte\n\nKoblenz\nGroße Großstadt · Rheinland-Pfalz\n\n" \
           f"Projekttitel: Koblenz klug\nMotto: Heute\n\nText über Koblenz.\n\n\n\n\nMittelstädte\n\n{prose}\n\n\n\n\n" \
           "Homburg\nGrößere Mittelstadt · Saarland\n\nProjekttitel: Homburg vernetzt\nMotto: Nah dran\n\nText.\n"
    brochure = extract_brochure(load_source_text(text), corrections, use_overrides=False).brochure
    assert [p.name for p in brochure.projects] == ["Koblenz", "Homburg"]
    assert any("belong to no record" in w and "Die Stadt baut seit" in w for w in brochure.warnings)


def test_a_sidebar_read_after_the_text_past_a_box_of_facts_gives_title_and_motto(corrections):
    """A classic size line, then the text with a 'Kontakt' box in it, then the sidebar's labels:
    the box gives no title, so the labels further down are looked for, not the text taken."""
    para = "Ehrenamtliche Fahrerinnen und Fahrer bringen ältere Menschen zum Arzt, zum Einkaufen oder zu " \
           "Veranstaltungen, und die Gemeinde bezahlt ihnen die Fahrten mit dem eigenen Wagen."
    text = "1. Modellprojekte Smart Cities 2023\n\nMittelstädte\n\nHomburg\nKleinere Mittelstadt · Saarland\n\n" \
           f"{para}\n\nKontakt\nStabsstelle Digitalisierung\n\n{para}\n\nPROJEKTTITEL:\nHomburg vernetzt\n\nMOTTO:\n" \
           "Offen gestalten\n"
    got = only_record(text, corrections)
    assert (got.title, got.motto) == ("Homburg vernetzt", "Offen gestalten")
    assert got.description.startswith("Ehrenamtliche Fahrerinnen")



def test_a_sidebar_after_the_text_under_a_line_cut_at_a_page_end_takes_the_name_at_the_top(corrections):
    """The sidebar's labels stand after the text, and the line over them is a sentence the page
    cut ('… und zeigen, wo Schädlinge'): a clause after a comma is no name, the name is the one at
    the page's top."""
    para = "Ehrenamtliche Fahrerinnen und Fahrer bringen ältere Menschen zum Arzt, zum Einkaufen oder zu " \
           "Veranstaltungen, und die Gemeinde bezahlt ihnen die Fahrten mit dem eigenen Wagen."
    text = "1. Modellprojekte Smart Cities 2023\n\nKleinstädte und Landgemeinden\n\nSteinheim\n\n" \
           f"{para}\n\nDrohnen überfliegen die Felder und zeigen, wo Schädlinge\n\nBUNDESLAND:\n\nNordrhein-Westfalen\n\n" \
           "GRÖSSENKLASSE:\n\nLandgemeinde\n\nPROJEKTTITEL:\n\nSteinheim verbunden\n\nMOTTO:\n\nGemeinsam stark\n"
    got = extract_brochure(load_source_text(text), corrections, use_overrides=False).brochure.projects
    assert [(p.name, p.title) for p in got] == [("Steinheim", "Steinheim verbunden")]


def test_a_sidebar_after_the_text_under_lines_with_a_sentence_end_inside_takes_the_name_at_the_top(corrections):
    """The lines over the sidebar's labels are a paragraph's last lines, read together: one ends a
    sentence inside ('… zu betreiben. Gründächer, Mulden'), so they are no name; the name is the
    one at the page's top, and the text under it is the description."""
    para = "Ehrenamtliche Fahrerinnen und Fahrer bringen ältere Menschen zum Arzt, zum Einkaufen oder zu " \
           "Veranstaltungen, und die Gemeinde bezahlt ihnen die Fahrten mit dem eigenen Wagen."
    text = "1. Modellprojekte Smart Cities 2023\n\nKleinstädte und Landgemeinden\n\nSteinheim\n\n" \
           f"{para}\n\nLadestationen in diesen Zeiten\nzu betreiben. Gründächer, Mulden\nund Speicher helfen\n\n" \
           "BUNDESLAND:\n\nNordrhein-Westfalen\n\nGRÖSSENKLASSE:\n\nLandgemeinde\n\nPROJEKTTITEL:\n\n" \
           "Steinheim verbunden\n\nMOTTO:\n\nGemeinsam stark\n"
    got = extract_brochure(load_source_text(text), corrections, use_overrides=False).brochure.projects
    assert [(p.name, p.title) for p in got] == [("Steinheim", "Steinheim verbunden")]
    assert got[0].description.startswith("Ehrenamtliche Fahrerinnen")

def test_a_header_with_no_name_over_it_is_warned_of(corrections):
    text = "1. Modellprojekte Smart Cities 2023\n\nGroßstädte\n\nKoblenz\nGroße Großstadt · Rheinland-Pfalz\n\n" \
           "Projekttitel: Koblenz klug\nMotto: Heute\n\nText.\n\n\n\n\nKleinstädte und Landgemeinden\n\n" \
           "Bundesland\nBayern\n\nGrößenklasse\nLandgemeinde\n\nProjekttitel\nFüssen verbunden\n\nText über Füssen.\n"
    brochure = extract_brochure(load_source_text(text), corrections, use_overrides=False).brochure
    assert [p.name for p in brochure.projects] == ["Koblenz"]
    assert any("(Landgemeinde, Bayern, 'Füssen verbunden')" in w and "no record" in w for w in brochure.warnings)


def test_values_repeated_in_the_middle_of_pages_are_no_running_lines(profile):
    from pipeline.records.segment import running_line_keys
    page = "Modellprojekte Smart Cities 2023\n\nText über die Stadt.\n\n2,4 Mio. Euro\n\nMehr Text hier.\nSeite unten\n"
    text = "\n\n\n\n".join([page] * 4)
    running = running_line_keys(text_to_lines(text), profile, DEFAULT_RECORDS_SETTINGS)
    assert "modellprojekte smart cities ####" in running or any("modellprojekte" in k for k in running)
    assert not any("mio" in k for k in running)


def test_values_under_their_label_at_a_pages_end_are_no_running_lines(profile):
    """A sidebar read after the text puts 'Fördersumme:' and its value last on every page: the
    value repeats at the page's edge, but under its label it is a value."""
    from pipeline.records.segment import running_line_keys
    page = "Modellprojekte Smart Cities 2023\n\nText über die Stadt und ihre Dörfer.\n\nFÖRDERSUMME:\n{} Mio. Euro\n"
    text = "\n\n\n\n".join(page.format(n) for n in ("2,4", "3,1", "9,9", "4,7"))
    running = running_line_keys(text_to_lines(text), profile, DEFAULT_RECORDS_SETTINGS)
    assert any("modellprojekte" in k for k in running) and not any("mio" in k for k in running)


def test_a_titles_second_line_repeated_over_a_label_is_no_running_line(profile):
    """Titles that end alike ('… Nachbarschaft' / 'neu denken') put the same line over the next
    label on many pages: it goes on in lower case from the line right over it, so it is a value's
    end, while a footer an OCR read before a sidebar still counts."""
    from pipeline.records.segment import running_line_keys
    page = "Text über die Stadt.\n\nPROJEKTTITEL\n{} offen: Nachbarschaft\nneu denken\nMOTTO\nHeute\n\n" \
           "Ende der Spalte\nSmart Cities Broschüre\nBUNDESLAND\nBayern\n"
    text = "\n\n\n\n".join(page.format(n) for n in ("Rostock", "Fürth", "Lünen", "Hagen"))
    running = running_line_keys(text_to_lines(text), profile, DEFAULT_RECORDS_SETTINGS)
    assert not any("denken" in k for k in running)
    assert any("broschure" in k or "broschüre" in k for k in running)


def only_record(text: str, corrections):
    """The first record of an edition given as text, read without overrides."""
    return extract_brochure(load_source_text(text), corrections, use_overrides=False).brochure.projects[0]


def block_read_from(text: str, profile):
    """The labelled block read at the first non-blank line of `text`."""
    from pipeline.records.segment import value_reads_as
    lines = [l for l in text_to_lines(text) if not l.blank]
    return read_labelled_block(lines, 0, known_labels(profile), DEFAULT_RECORDS_SETTINGS.segment.wrapped_max_gap,
                               lambda f, t: value_reads_as(f, t, profile, DEFAULT_RECORDS_SETTINGS))


def test_a_column_of_motto_and_facts_after_text_between_the_columns(profile):
    """A column of values after text set between it and its labels: where it fits the labels line
    for line (as many lines in a row, a blank after, each reading as its field's) it is theirs,
    not displaced (no flag); one that does not fit so (a line more) is displaced, flagged."""
    text = "Motto:\nFörderphase:\nWebsite:\n\nErgänzend gibt es nun\neinen Rufbus, den man\nbestellen kann.\n\n" \
           "Gemeinsam für die Region\nStrategiephase\nwww.luenen.de/smart-city\n\nMehr Text.\n"
    assert [(v.field, v.value, v.displaced) for v in block_read_from(text, profile).values] == [
        ("motto", "Gemeinsam für die Region", False), ("fact", "Strategiephase", False),
        ("fact", "www.luenen.de/smart-city", False)]
    wrapped = text.replace("Gemeinsam für die Region\n", "Gemeinsam für die\nRegion\n")
    assert all(v.displaced for v in block_read_from(wrapped, profile).values)


def test_a_land_and_title_column_after_prose_that_lists_laender_skips_the_list(profile):
    """Labels with empty values, then prose whose line lists Länder ('… aus' / 'Hessen, Bayern,
    Sachsen,'), then the column of values: a Land is whole on its line, so the list going on is
    prose's; the Land found after it is displaced (header.py flags it)."""
    text = "Bundesland:\nProjekttitel:\nMotto:\n\nDie Beispiele aus\nHessen, Bayern, Sachsen,\n" \
           "Thüringen und Berlin zeigen die\nVielfalt der Ansätze.\n\nBrandenburg\n\nLünen klug: Wege teilen\n\n" \
           "Gemeinsam für die Region\n\nMehr Text.\n"
    assert [(v.field, v.value, v.displaced) for v in block_read_from(text, profile).values] == [
        ("states", "Brandenburg", True), ("title", "Lünen klug: Wege teilen", True),
        ("motto", "Gemeinsam für die Region", True)]


def test_a_displaced_land_is_flagged(profile):
    from pipeline.records.header import labelled_header
    from pipeline.records.labels import LabelledBlock, LabelledValue
    from pipeline.records.segment import Line
    label, value = Line(1, 0, "Bundesland:"), Line(9, 40, "Brandenburg")
    block = LabelledBlock((LabelledValue("states", "Bundesland", label, (value,), "", False, True),))

    class Block:
        labelled, name_lines = block, ()
    assert "states" in {d.field for d in labelled_header(Block, profile).doubts}


def test_a_title_over_lines_with_no_mottos_label_after_it_is_flagged(profile):
    """'PROJEKTTITEL' / 'Lüneburg offen: Mobilität' / 'Bestalten 1' / 'Wi toineX9)' / 'Mit Daten für morgen':
    the motto's label garbled past reading, its value went on the title."""
    from pipeline.records.header import labelled_header
    from pipeline.records.labels import LabelledBlock, LabelledValue
    from pipeline.records.segment import Line
    label = Line(1, 0, "PROJEKTTITEL")
    lines = (Line(2, 13, "Lüneburg offen: Mobilität"), Line(3, 40, "Bestalten 1"), Line(5, 60, "Mit Daten für morgen"))

    def title_doubts(value_lines):
        class Block:
            labelled = LabelledBlock((LabelledValue("title", "Projekttitel", label, value_lines, ""),))
            name_lines = ()
        return [d for d in labelled_header(Block, profile).doubts if d.field == "title"]
    assert title_doubts(lines) and not title_doubts(lines[:1])


def test_a_tables_longer_values_read_before_its_labels_are_taken_from_above(profile):
    """A key/value table whose size class and title the OCR read before the column of labels: they
    are taken from over the labels (displaced, so flagged), the name stands over them, and the
    text the empty labels took stays text."""
    from pipeline.records.segment import segment_text
    page = ("Modellprojekte Smart Cities | Großstädte\n\nBienenbüttel in Kooperation mit Suderburg und\n\nEbstorf\n\n"
            "Interkommunale Kooperationen/Landkreis\n\nBienenbüttel smart: Mobilität im Wandel\n\n"
            "Bundesland: Niedersachsen\nGrößenklasse:\n\nProjekttitel:\n\nMotto: Zusammen in morgen\n"
            "Tagsüber ist eine Mitarbeiterin vor Ort, die\nFragen beantwortet, Pakete annimmt und\n"
            "ältere Menschen beim Einkauf unterstützt.\n")
    [block] = segment_text("1. Modellprojekte Smart Cities 2023\n\n\n\n" + page, profile).projects
    assert block.name == "Bienenbüttel in Kooperation mit Suderburg und Ebstorf"
    assert block.size.size_class == "Interkommunale Kooperationen/Landkreis"
    title = block.labelled.get("title")
    assert (title.value, title.displaced) == ("Bienenbüttel smart: Mobilität im Wandel", True)
    assert not any("Tagsüber" in l.text for v in block.labelled.values for l in v.lines)


def test_a_footer_read_over_every_sidebar_is_no_name(profile):
    from pipeline.records.segment import segment_text
    page = "Modellprojekte Smart Cities | Großstädte\n\n{name}\n\nText über {name} hier.\nMehr Text.\n\n" \
           "Bundesinstitut für Bau-, Stadt- und Raumforschung\n\nBUNDESLAND:\n{land}\n\nGROSSENKLASSE:\nGroße Großstadt\n\n\n\n"
    text = "1. Modellprojekte Smart Cities 2023\n\n\n\n" + "".join(
        page.format(name=n, land=l) for n, l in [("Koblenz", "Rheinland-Pfalz"), ("Kassel", "Hessen"), ("Essen", "Bayern")])
    assert [b.name for b in segment_text(text, profile).projects] == ["Koblenz", "Kassel", "Essen"]


def test_a_house_style_named_with_profile_reads_its_own_labels(tmp_path, capsys):
    from pipeline.cli import main

    text = (CASES / "labelled" / "toc-and-labelled-blocks" / "input.txt").read_text(encoding="utf-8")
    styled = text.replace("PROJEKTTITEL", "VORHABEN").replace("Projekttitel:", "Vorhaben:")
    source = tmp_path / "style.txt"
    source.write_text(styled, encoding="utf-8")
    style = tmp_path / "hausstil.json"
    style.write_text(json.dumps({"labels": {"title": "Vorhaben", "motto": "Motto"}}), encoding="utf-8")

    def titles(*options):
        out = tmp_path / f"out{len(options)}"
        assert main(["extract", str(source), "-o", str(out), "--no-overrides", *options]) == 0
        result = json.loads((out / "projects.json").read_text(encoding="utf-8"))
        return [p["title"] for p in result["projects"]], result["edition"]["profile"]

    # the general profile knows no 'Vorhaben': the records are found by their names and Länder, their titles unread
    plain = json.loads((titles() and tmp_path / "out0" / "projects.json").read_text(encoding="utf-8"))["projects"]
    assert [p["name"] for p in plain][:2] == ["Tübingen", "Landau in der Pfalz"]
    assert all(p["title"] is None and "title" in p["needs_review"] for p in plain)
    styled_titles, profile = titles("--profile", str(style))
    assert styled_titles[0] == "Tübingen teilt Wissen" and "Görlitz vernetzt die Altstadt" in styled_titles
    assert profile.endswith(" + hausstil")


@pytest.mark.parametrize("content, said", [
    ('{"lables": {}}', "not fields of a profile: lables"),
    ('{"categories": []}', "categories"),
    ("[1]", "a JSON object"),
    ("{", "not valid JSON"),
])
def test_a_broken_house_style_stops_the_run_with_one_line(tmp_path, capsys, content, said):
    from pipeline.cli import main

    style = tmp_path / "stil.json"
    style.write_text(content, encoding="utf-8")
    assert main(["extract", "--profile", str(style), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err.strip()
    assert said in err and "\n" not in err and not (tmp_path / "out").exists()


@pytest.mark.parametrize("text, label", [("MotTrTo Heute für eine grüne Stadt", "Motto"), ("MorTTo", "Motto"),
                                         ("MotTTo Digital und nah", "Motto")])
def test_a_label_in_small_capitals_read_in_mixed_case_is_read_by_likeness(text, label, profile):
    from pipeline.records.labels import line_label_read
    hit = line_label_read(text, known_labels(profile))
    assert hit is not None and hit[1] == label and hit[3]  # fuzzy: its value is flagged


@pytest.mark.parametrize("text", ["Motte fliegen nachts", "McDonald Straße", "Mottos sind Sätze"])
def test_words_in_ordinary_case_are_no_damaged_label(text, profile):
    from pipeline.records.labels import line_label_read
    assert line_label_read(text, known_labels(profile)) is None


def test_a_section_heading_the_ocr_damaged_is_read_by_likeness_below_a_clear_headings_score(profile):
    from pipeline.records.size_lines import match_category
    found = match_category("Grofkstadte", profile, DEFAULT_RECORDS_SETTINGS)
    assert found[0] == "Großstädte" and found[1] < DEFAULT_RECORDS_SETTINGS.fields.category_min_score
    assert match_category("Interkommunale Kooperationen/Landkreis - Sachsen", profile, DEFAULT_RECORDS_SETTINGS) is None
    assert match_category("Die Städte wachsen", profile, DEFAULT_RECORDS_SETTINGS) is None
    # a heading's first line, the rest wrapped to the next, is matched with the next line, not alone
    assert match_category("Interkommunale Kooperationen und", profile, DEFAULT_RECORDS_SETTINGS) is None
    # a heading's line read together with the name under it is no damaged heading
    assert match_category("Interkommunale Kooperationen Landkreis Südwestpfalz", profile,
                          DEFAULT_RECORDS_SETTINGS) is None
    assert match_category("Grofsgsstadte", profile, DEFAULT_RECORDS_SETTINGS)[0] == "Großstädte"


def test_a_record_under_another_sections_heading_takes_its_size_classs_section(profile):
    from pipeline.records.extract import section_of_record
    assert section_of_record("Großstädte", "Landgemeinde", profile, ()) == "Kleinstädte und Landgemeinden"
    assert section_of_record(None, "Landgemeinde", profile, ()) == "Kleinstädte und Landgemeinden"
    # two names for one section: the one the edition prints, else the heading stays
    assert section_of_record("Großstädte", "Kleinere Mittelstadt", profile, ("Mittlere Städte",)) == "Mittlere Städte"
    assert section_of_record("Großstädte", "Kleinere Mittelstadt", profile, ()) == "Großstädte"
    assert section_of_record("Großstädte", "Kleinere Großstadt", profile, ()) == "Großstädte"


def test_a_header_whose_first_label_ends_a_line_of_text(profile):
    """A PDF line that ran a column's last line into the box beside it ('… werden. B UNDESLAND:'):
    the block begins at the label, and the line stays text (no label or value takes its number)."""
    text = "Görlitz\n\nAus den Ergebnissen lässt sich\nablesen, wo Hecken am dringendsten\n" \
           "gebraucht werden. B UNDESLAND:\n\nSachsen\n\nG RÖSSENKLASSE:\n\nKleinere Mittelstadt\n\n" \
           "P ROJEKTTITEL:\n\nGörlitz vernetzt\n"
    lines = [l for l in text_to_lines(text) if not l.blank]
    block = read_labelled_block(lines, 3, known_labels(profile), 2, lambda field, t: True if field != "title" else None)
    assert [(v.field, v.value) for v in block.values][:3] == [("states", "Sachsen"), ("size_class", "Kleinere Mittelstadt"),
                                                             ("title", "Görlitz vernetzt")]
    assert lines[3].number not in block.line_numbers and block.values[0].in_text


@pytest.mark.parametrize("text", ["Die Daten gehören dem Land.", "Wir fragen das Land: BUNDESLAND", "Bundesland: Bayern"])
def test_no_label_at_the_end_of_prose(text, profile):
    from pipeline.records.labels import first_label_at_line_end
    assert first_label_at_line_end(text_to_lines(text)[0], known_labels(profile)) is None


def test_a_label_printed_twice_loses_no_value(corrections):
    """A fact's label printed twice keeps both values; a second motto label and its value stay
    text of the record: no line is taken and then dropped."""
    text = "1. Modellprojekte Smart Cities 2023\n\nKleinstädte und Landgemeinden\n\nFüssen\n\nBundesland: Bayern\n" \
           "Größenklasse: Größere Kleinstadt\nProjekttitel: Füssen digital\nMotto: Am See\nEinwohner: 15.000\n" \
           "Einwohner: 16.000\nMotto: Am Berg\n\n" \
           "Frisches Gemüse, Käse und Brötchen kommen von Betrieben aus der näheren Umgebung. Die Gemeinde\n" \
           "plant dazu einen neuen Laden.\n"
    got = only_record(text, corrections)
    assert (got.motto, got.facts["Einwohner"]) == ("Am See", "15.000; 16.000")
    assert "Am Berg" in " ".join([got.description, *got.figure_text])


@pytest.mark.parametrize("heading", ["Interkommunale Kooperationen\n\nund Landkreise",
                                     "Interkommunale\nKooperationen und\nLandkreise"])
def test_a_short_text_that_no_project_holds_is_warned_of_too(corrections, heading):
    """Fewer words than a paragraph, cut off by a section's heading inside a project, are in no
    field all the same: the warning says so, however short; a heading wrapped over two lines, or
    over three on a divider page, is no such text."""
    text = "1. Modellprojekte Smart Cities 2023\n\nGroßstädte\n\nKoblenz\nGroße Großstadt · Rheinland-Pfalz\n\n" \
           "Projekttitel: Koblenz klug\nMotto: Heute\n\nText über Koblenz.\n\n\n\n\nMittelstädte\n\nDie Stadt baut ein Netz.\n\n\n\n\n" \
           "Homburg\nGrößere Mittelstadt · Saarland\n\nProjekttitel: Homburg vernetzt\nMotto: Nah dran\n\nText.\n\n\n\n\n" \
           f"{heading}\n\n\n\n\nKreis Höxter\nInterkommunale Kooperationen/Landkreis · " \
           "Nordrhein-Westfalen\n\nProjekttitel: Höxter digital\nMotto: Gemeinsam\n\nText über Höxter.\n"
    brochure = extract_brochure(load_source_text(text), corrections, use_overrides=False).brochure
    assert [p.name for p in brochure.projects] == ["Koblenz", "Homburg", "Kreis Höxter"]
    assert [w for w in brochure.warnings if "belong to no record" in w] == [
        "1 line(s) of text between the projects (5 words, from line 18: 'Die Stadt baut ein Netz.') belong to no record: "
        "they are in no field"]


def test_a_label_in_small_capitals_misread_at_a_rows_end_is_read(profile):
    """An OCR ran a header's label into the text row beside it and read its small capitals in
    mixed case: it is a label as it is at a line's start (printed_as_label)."""
    from types import SimpleNamespace

    from pipeline.records.labels import any_label_at_line_end, known_labels
    row = SimpleNamespace(number=3, start=0, text="Die Stadt gründet neue Servicestellen. MotTrTo")
    tail = any_label_at_line_end(row, known_labels(profile))
    assert tail is not None and tail.text == "MotTrTo"


def test_a_long_line_ending_in_a_names_joining_word_right_over_the_name_may_begin_it(corrections):
    """'Warburg in Kooperation mit Bad Driburg und', a blank line, then the name read as 'Steinheim':
    too long for a name's cut-off start ('Landkreis'), but it ends in 'und', which joins a name's
    parts: it may begin the name (flagged by the caller); the same line ending a sentence may not."""
    from pipeline.records.labels import known_labels
    from pipeline.records.segment import line_above_name, text_to_lines

    known = known_labels(corrections.profile)
    for above, begins in (("Warburg in Kooperation mit Bad Driburg und", True),
                          ("Warburg arbeitet mit Bad Driburg zusammen.", False)):
        nonblank = [l for l in text_to_lines(f"{above}\n\nSteinheim\n") if l.text.strip()]
        assert (line_above_name(nonblank, 1, set(), known, DEFAULT_RECORDS_SETTINGS, corrections.profile) == above) is begins
    # a section heading an OCR garbled past the heading's match is no name's start either
    nonblank = [l for l in text_to_lines("Grofggstadte\n\nHeilbronn\n") if l.text.strip()]
    no_sections = corrections.profile.model_copy(update={"categories": []})
    assert line_above_name(nonblank, 1, set(), known, DEFAULT_RECORDS_SETTINGS, no_sections) == "Grofggstadte"
    assert line_above_name(nonblank, 1, set(), known, DEFAULT_RECORDS_SETTINGS, corrections.profile) is None


def test_an_address_an_ocr_broke_at_a_dot_under_a_label_alone_is_a_fact_whole(profile):
    from pipeline.records.label_facts import facts_in_lines
    lines = [l for l in text_to_lines("Kontakt\nAmt für Stadtentwicklung\n\nWebsite\nwww. musterstadt.de/smart-city\n")
             if not l.blank]
    facts, used, _ = facts_in_lines(lines, known_labels(profile), DEFAULT_RECORDS_SETTINGS.segment.wrapped_max_gap)
    assert facts == {"Kontakt": "Amt für Stadtentwicklung", "Website": "www.musterstadt.de/smart-city"}
    assert len(used) == 4


def test_a_sentences_piece_under_a_key_figures_word_is_no_fact(profile):
    """'Einwohner', the last line of a key figure's words, alone on its line over a sentence's
    first line, which stops on a word in lower case ('… die Gemeinde ihr' / 'Stadtfest.'): that
    line is no fact's value, and both stay text."""
    from pipeline.records.label_facts import facts_in_lines
    lines = [l for l in text_to_lines("Einwohnerinnen und Haushalte\nEinwohner\n\nIm Herbst feiert die Gemeinde ihr\n"
                                      "Stadtfest. Viele Vereine machen mit.\n") if not l.blank]
    facts, used, _ = facts_in_lines(lines, known_labels(profile), DEFAULT_RECORDS_SETTINGS.segment.wrapped_max_gap)
    assert facts == {} and used == set()


def test_a_one_word_value_a_narrow_box_wrapped_is_taken_whole_at_the_boxs_end(profile):
    """'KONTAKT' / 'Stabsstelle' / 'Digitalisierung', then the box ends (a blank line): the value's
    second word wrapped onto the box's last line is the value's; a one-word value over a line that
    other lines follow right under it is not joined to it."""
    from pipeline.records.label_facts import facts_in_lines
    gap = DEFAULT_RECORDS_SETTINGS.segment.wrapped_max_gap
    wrapped = [l for l in text_to_lines("FÖRDERPHASE\nUmsetzungsphase\n\nKONTAKT\nStabsstelle\nDigitalisierung\n\n\n\n"
                                        "Die Stadt baut ein Netz aus Sensoren auf.\n") if not l.blank]
    assert facts_in_lines(wrapped, known_labels(profile), gap)[0]["Kontakt"] == "Stabsstelle Digitalisierung"
    text = [l for l in text_to_lines("KONTAKT\nStabsstelle\nDigitalisierung\nDie Stadt baut ein Netz aus Sensoren auf,\n"
                                     "das den Verkehr misst.\n") if not l.blank]
    assert facts_in_lines(text, known_labels(profile), gap)[0]["Kontakt"] == "Stabsstelle"


def test_a_fact_alone_under_its_label_is_kept_though_the_next_label_has_text_beside_it(profile):
    """A sidebar an OCR ran into the text's rows: 'KONTAKT' and its value stand alone, 'WEBSITE'
    opens a row of the text beside it. The contact is a fact; the row with the text stays text."""
    from pipeline.records.label_facts import facts_in_lines
    lines = [l for l in text_to_lines("KONTAKT\n\nAmt für Stadtentwicklung\n\nWEBSITE Digitale Zwillinge helfen dabei,\n"
                                      "den Zustand der Gebäude zu erfassen.\n") if not l.blank]
    facts, used, _ = facts_in_lines(lines, known_labels(profile), DEFAULT_RECORDS_SETTINGS.segment.wrapped_max_gap)
    assert facts == {"Kontakt": "Amt für Stadtentwicklung"}
    assert used == {lines[0].number, lines[1].number}


def test_an_address_a_row_of_the_text_below_its_label_is_the_labels_value(profile):
    """A sidebar an OCR ran into the text's rows, a text line read between 'WEBSITE:' and the row
    whose head holds the address ('www.….de Sanierung zu planen'): the address shows where it ends
    among the text's words, so it is the fact; the rows stay text."""
    from pipeline.records.label_facts import facts_in_lines
    lines = [l for l in text_to_lines("KONTAKT: Quartieren selbst geht es um mehr als\nStabsstelle Digitalisierung "
                                      "Gebäude. Digitale Zwillinge helfen\n\nWEBSITE:\n\nerfassen und Maßnahmen zur\n\n"
                                      "www.musterstadt.de/smart-city Sanierung zu planen\n") if not l.blank]
    facts, *_ = facts_in_lines(lines, known_labels(profile), DEFAULT_RECORDS_SETTINGS.segment.wrapped_max_gap)
    assert facts.get("Website") == "www.musterstadt.de/smart-city"


def test_facts_a_labelled_block_left_out_are_read_after_it(corrections):
    """A project whose header is a labelled block (Land, size class, title, motto) and whose
    sidebar's facts an OCR read after a stretch of the text, where the block had ended."""
    text = "1. Modellprojekte Smart Cities 2023\n\nGroßstädte\n\nKoblenz\n\nBUNDESLAND\nRheinland-Pfalz\n\n" \
           "GRÖSSENKLASSE\nGroße Großstadt\n\nPROJEKTTITEL\nKoblenz klug\n\nMOTTO\nHeute für morgen\n\n" \
           "Die Stadt baut ein Netz aus Sensoren auf, das den Verkehr misst und die Ampeln steuert.\n\n" \
           "KONTAKT\n\nAmt für Stadtentwicklung\n\n" \
           "Viele Bürgerinnen und Bürger nutzen die neue Plattform der Stadt seit dem Frühjahr.\n"
    got = only_record(text, corrections)
    assert got.title == "Koblenz klug"
    assert got.facts == {"Kontakt": "Amt für Stadtentwicklung"}
    assert "Stadtentwicklung" not in got.description and "Stadtentwicklung" not in " ".join(got.figure_text)


def test_a_value_under_the_next_label_with_text_beside_it_is_no_fact_of_the_label_above(profile):
    """'EINWOHNER:' whose figure an OCR lost, then 'FÖRDERSUMME:' in a row of the text beside the
    sidebar and the sum under it: the sum is not the inhabitants' number."""
    from pipeline.records.label_facts import facts_in_lines
    lines = [l for l in text_to_lines("EINWOHNER:\n\nFÖRDERSUMME: gleichzeitig verbreitet.\n8,8 Mio. Euro\n"
                                      "KONTAKT: Im Emsland und in der Uckermark\n") if not l.blank]
    facts, *_ = facts_in_lines(lines, known_labels(profile), DEFAULT_RECORDS_SETTINGS.segment.wrapped_max_gap)
    assert "Einwohner" not in facts


def test_facts_after_a_column_of_labels_under_the_size_line_are_read(corrections):
    """A header printed as a column of labels read before its column of values (read as a labelled
    block under the size line); the sidebar's contact, read after a paragraph of the text, alone
    under its label, is a fact too (not text)."""
    text = "1. Modellprojekte Smart Cities 2023\n\nGroßstädte\n\nKoblenz\nGroße Großstadt · Rheinland-Pfalz\n\n" \
           "PROJEKTTITEL\nMOTTO\nEINWOHNER\n\nKoblenz klug\nHeute für morgen\n113.000\n\n" \
           "Die Stadt baut ein Netz aus Sensoren auf, das den\nVerkehr misst und die Ampeln steuert. Die Daten\n" \
           "stehen allen offen, und die Schulen nutzen sie\nim Unterricht. Viele Bürgerinnen und Bürger\n" \
           "melden Schäden über die neue Plattform.\n\n" \
           "KONTAKT\n\nReferat Smart City\n\n" \
           "Viele Bürgerinnen und Bürger nutzen die neue Plattform der Stadt seit dem Frühjahr.\n"
    got = only_record(text, corrections)
    assert (got.title, got.motto) == ("Koblenz klug", "Heute für morgen")
    assert got.facts == {"Einwohner": "113.000", "Kontakt": "Referat Smart City"}
    assert "Referat" not in got.description and "Referat" not in " ".join(got.figure_text)


def test_an_address_in_the_row_after_a_label_opening_a_row_of_text_is_the_fact_and_the_rows_stay_text(profile):
    """'WEBSITE:' opens a row of the text beside the box, the address opens the row after the
    next (a blank line between, as an OCR reads the rows): the address is the fact, read among
    the text (flagged by the caller); the rows stay text."""
    from pipeline.records.label_facts import facts_in_lines
    lines = [l for l in text_to_lines("KONTAKT: gelernt.\n\nWEBSITE: den Zustand der Gebäude zu\n\n"
                                      "www.musterstadt.de/smart-city erfassen und Maßnahmen zur\nSanierung zu planen.\n")
             if not l.blank]
    facts, used, among_text = facts_in_lines(lines, known_labels(profile), DEFAULT_RECORDS_SETTINGS.segment.wrapped_max_gap)
    assert facts == {"Website": "www.musterstadt.de/smart-city"} and among_text == {"Website"}
    assert used == set()


def test_a_count_opening_the_row_under_a_label_alone_in_a_box_run_into_the_text_is_the_fact(profile):
    """'EINWOHNER' alone, then '951.215 Dafür braucht es Austausch,' (the value and the text beside
    the box on one row), then 'FÖRDERPHASE gegenseitige …': the count is the fact, read among the
    text (flagged by the caller); the rows stay text."""
    from pipeline.records.label_facts import facts_in_lines
    lines = [l for l in text_to_lines("EINWOHNER\n951.215 Dafür braucht es Austausch,\n"
                                      "FÖRDERPHASE gegenseitige Unterstützung\nund den Mut, Neues\n") if not l.blank]
    facts, used, among_text = facts_in_lines(lines, known_labels(profile), DEFAULT_RECORDS_SETTINGS.segment.wrapped_max_gap)
    assert facts == {"Einwohner": "951.215"} and among_text == {"Einwohner"} and used == set()
    # a key figure's caption alone over a row of text, no label's row run into the text: no fact
    lines = [l for l in text_to_lines("Einwohner\n12.500 Menschen nutzen die Plattform,\nseit sie offen ist.\n")
             if not l.blank]
    assert facts_in_lines(lines, known_labels(profile), DEFAULT_RECORDS_SETTINGS.segment.wrapped_max_gap)[0] == {}


def test_a_fact_read_among_the_texts_words_flags_the_description():
    from pipeline.records.header import among_text_doubts
    doubts = among_text_doubts({"Website": "www.musterstadt.de/smart-city", "Kontakt": "Referat"}, frozenset({"Website"}))
    assert [(d.field, d.flagged) for d in doubts] == [("description", True)] and "www.musterstadt.de" in doubts[0].note


def test_a_title_read_on_its_labels_row_in_a_box_run_into_the_text_is_flagged(corrections):
    """A sidebar an OCR ran into the text's rows: 'PROJEKTTITEL' opens a row of the text, the title
    itself opens the rows after it, and the funding's value is read among the text's words. The
    row's rest, taken as the title, is flagged as the funding's value is."""
    text = ("1. Modellprojekte Smart Cities 2023\n\nMittelstädte\n\nLüneburg\n\nKleinere Mittelstadt - Niedersachsen\n\n"
            "PROJEKTTITEL Doch sie lohnt sich: Entscheidungen werden besser\n\n"
            "Lüneburg vernetzt: verstanden, Konflikte früher erkannt und Lösungen gefunden,\n\n"
            "Nachbarschaft im Wandel die länger tragen. Intelligente Stromzähler zeigen, wann\n\n"
            "Motto Strom günstig ist, weil viel Wind weht oder die Sonne scheint.\n\nZusammen in die Region\n\n"
            "FÖRDERSUMME Erst wenn ein Versuch überzeugt, wird er auf die ganze Stadt\n\n"
            "2,7 Mio. Euro übertragen. Entscheidend sind klare Ziele, offene Standards und\n"
            "eine verlässliche Finanzierung durch die Stadt und ihre Partner im Land.\n")
    got = only_record(text, corrections)
    assert got.title.startswith("Doch sie lohnt sich") and got.facts == {"Fördersumme": "2,7 Mio. Euro"}
    assert "title" in got.needs_review and "label's row" in got.review_notes["title"]


def record_with_inhabitants(value: str, corrections):
    """The one record of a small edition whose 'Einwohner:' label prints `value` under it."""
    text = "1. Modellprojekte Smart Cities 2023\n\nGroßstädte\n\nKoblenz\nGroße Großstadt · Rheinland-Pfalz\n\n" \
           f"Projekttitel: Koblenz klug\nMotto: Heute für morgen\nEinwohner:\n{value}\n\n" \
           "Viele Bürgerinnen und Bürger nutzen die neue Plattform der Stadt seit dem Frühjahr.\n"
    return only_record(text, corrections)


def test_a_count_read_with_a_comma_before_three_digits_flags_the_record(corrections):
    got = record_with_inhabitants("74,127", corrections)
    assert got.facts == {"Einwohner": "74,127"}
    assert "description" in got.needs_review and "74.127" in got.review_notes["description"]


def test_a_count_read_with_the_texts_words_beside_it_flags_the_record(corrections):
    got = record_with_inhabitants("Niederschlagsdaten 382.395 9", corrections)
    assert got.facts == {"Einwohner": "Niederschlagsdaten 382.395 9"}
    assert "description" in got.needs_review and "'382.395'" in got.review_notes["description"]


def test_a_speck_an_ocr_read_on_a_facts_label_row_is_no_fact(profile):
    from pipeline.records.label_facts import facts_in_lines
    lines = [l for l in text_to_lines("FÖRDERSUMME: .\n\n\n12,1 Mio. Euro\n") if not l.blank]
    facts, used, _ = facts_in_lines(lines, known_labels(profile), DEFAULT_RECORDS_SETTINGS.segment.wrapped_max_gap)
    assert facts.get("Fördersumme") != "."


SIDEBAR_READ_ACROSS = """1. Modellprojekte Smart Cities 2024

GROSSSTADTE

Musterhausen

Grofe Grofstadt | Thiiringen

PROJEKTTITEL: Die Biirger berichten, dass die Losung fiir alle
Musterhausen klug: die Kinder und Familien.
Wege neu denken Schiiler lernen dort mit grofer
Freude und Ausdauer.
MOTTO: Zusammen fiir morgen

Die Stadt baut fiir ihre Biirger eine offene Plattform, die alle Daten der Verwaltung bereitstellt und
von der Biirgerschaft gemeinsam weiterentwickelt wird. Fiir die Umsetzung arbeiten Verwaltung,
Hochschule und Stadtwerke eng zusammen und berichten regelmaBig iiber den Fortschritt.
"""


def test_a_label_read_across_into_the_text_beside_it_flags_its_value(corrections):
    """In OCR text, lines of running text between a label holding a value and the next label: the
    label's column was read across into the text's rows, and the value on its row is doubtful. A
    value-like line there (another label's value printed above it) is no such sign."""
    got = only_record(SIDEBAR_READ_ACROSS, corrections)
    assert "title" in got.needs_review and "stand between its label" in got.review_notes["title"]
    above = SIDEBAR_READ_ACROSS.replace("Die Biirger berichten, dass die Losung fiir alle", "Musterhausen klug") \
        .replace("Musterhausen klug: die Kinder und Familien.\nWege neu denken Schiiler lernen dort mit grofer\n"
                 "Freude und Ausdauer.\nMOTTO: Zusammen fiir morgen", "zusammen.morgen.gestalten\nMOTTO:")
    got = only_record(above, corrections)
    assert got.title == "Musterhausen klug" and "title" not in got.needs_review
    speck = above.replace("zusammen.morgen.gestalten\nMOTTO:", "|\nMOTTO: Zusammen für morgen")
    assert "title" not in only_record(speck, corrections).needs_review  # a speck's line tells nothing


def test_a_box_run_into_the_texts_rows_flags_its_title_and_motto(corrections):
    """A label read in a line of text ('BUNDESLAND: Viele Geschäfte …') shows the box ran into the
    text's rows: the title's and motto's lines may hold the text's words, so both are flagged."""
    text = ("1. Modellprojekte Smart Cities 2024\n\nGroßstädte\n\nMusterstadt\n\n"
            "BUNDESLAND: Viele Geschäfte mussten schließen, und in manchen\nBayern Straßen stehen Läden leer. Zusammenhalt stärken\n"
            "GROSSENKLASSE: Am Ende geht es darum, dass Menschen gern an\nKleinere Großstadt ihrem Ort leben.\n\nPROJEKTTITEL:\n\nMusterstadt vernetzt: Ausblick Die Erfahrungen\n\n"
            "Ortskerne gestalten der vergangenen Jahre\n\nMOTTO:\nMit Daten für alle\n\n"
            "Die Stadt baut für ihre Bürger eine offene Plattform, die alle Daten der Verwaltung bereitstellt und von\n"
            "der Bürgerschaft gemeinsam weiterentwickelt wird, und berichtet regelmäßig über den Fortschritt.\n"
            "\n\n\n\n2. Übersicht Modellprojekte Smart Cities 2024\n\nModellprojekt Bundesland Kategorie\n\n"
            "Musterstadt Bayern Großstädte\n")
    got = only_record(text, corrections)
    assert got.states == ["Bayern"] and {"title", "motto"} <= set(got.needs_review)
    assert "read in a line of text" in got.review_notes["title"]
    clean = text.replace("BUNDESLAND: Viele Geschäfte mussten schließen, und in manchen\nBayern Straßen stehen Läden leer. "
                         "Zusammenhalt stärken\nGROSSENKLASSE: Am Ende geht es darum, dass Menschen gern an\n"
                         "Kleinere Großstadt ihrem Ort leben.", "BUNDESLAND:\nBayern\nGROSSENKLASSE:\nKleinere Großstadt")
    assert "motto" not in only_record(clean, corrections).needs_review


@pytest.mark.parametrize("text, sure", [("MotrTo: Heute für alle", True), ("MotTrTo:", True), ("MOTIO:", False),
                                        ("Mehr: Heute für alle", False)])
def test_a_label_in_small_capitals_an_ocr_misread_needs_no_flag_for_its_likeness(text, sure):
    """Capitals inside a word no German word has mark small capitals read by an OCR; a label so
    printed a letter or two off is the label surely, and its value is not flagged for the match."""
    from pipeline.records.header import small_caps_label
    assert small_caps_label(text, "Motto") is sure


def test_a_size_label_with_text_beside_it_leaves_its_row_text_when_its_value_stands_above(profile):
    """The size class read from above the labels: the size label's row holds the text beside the
    table ('Größenklasse: früher jeder Ort'), and that row stays text (no word of it is lost)."""
    from pipeline.records.segment import value_reads_as
    from pipeline.records.values_above import values_above
    lines = [l for l in text_to_lines("Musterstadt\nKleine Kleinstadt\nBundesland: Bayern\nGrößenklasse: früher jeder Ort\n"
                                      "Projekttitel: Musterstadt klug\nMotto: Zusammen in morgen\n") if not l.blank]
    reads_as = lambda f, t: value_reads_as(f, t, profile, DEFAULT_RECORDS_SETTINGS)  # noqa: E731
    block = read_labelled_block(lines, 2, known_labels(profile), DEFAULT_RECORDS_SETTINGS.segment.wrapped_max_gap, reads_as)
    moved, at = values_above(block, lines, 2, reads_as)
    assert (at, moved.get("size_class").value) == (1, "Kleine Kleinstadt")
    assert 3 not in moved.line_numbers  # the size label's row, 'früher jeder Ort' in it, stays text


def test_a_sidebar_read_in_two_pieces_with_rows_of_text_between_is_one_header(corrections):
    """An OCR read the sidebar's Land, then two rows of the column beside it, then the size class
    and the rest: one header, the rows between are the description's text."""
    text = "1. Modellprojekte Smart Cities 2023\n\nMittelstädte\n\nHomburg\n\nBUNDESLAND:\nSaarland\n\n" \
           "GRÖSSENKLASSE:\nGrößere Mittelstadt\n\nPROJEKTTITEL:\nHomburg vernetzt\n\nDie Stadt baut ein Netz.\n\n\n\n\n" \
           "Kleinstädte und Landgemeinden\n\nFüssen\n\nBUNDESLAND:\nBayern\n\n" \
           "Für die Beschäftigten bedeutet das weniger Papier und\nmehr Zeit für schwierige Fälle. Erfolgreiche Projekte\n\n" \
           "GRÖSSENKLASSE:\nGrößere Kleinstadt\n\nPROJEKTTITEL:\nFüssen digital\n\nMOTTO:\nAm See\n\n" \
           "beginnen mit einer genauen Beschreibung der Bedürfnisse.\n"
    brochure = extract_brochure(load_source_text(text), corrections, use_overrides=False).brochure
    assert [(p.name, p.states, p.size_class, p.title) for p in brochure.projects] == [
        ("Homburg", ["Saarland"], "Größere Mittelstadt", "Homburg vernetzt"),
        ("Füssen", ["Bayern"], "Größere Kleinstadt", "Füssen digital")]
    assert " ".join(brochure.projects[1].description.split()) == "Für die Beschäftigten bedeutet das weniger Papier und " \
        "mehr Zeit für schwierige Fälle. Erfolgreiche Projekte beginnen mit einer genauen Beschreibung der Bedürfnisse."


def test_a_sidebar_after_the_text_under_a_line_like_a_name_takes_the_name_the_overview_lists(corrections):
    """The line over the sidebar's labels could be a name ('Sommerfest, Bänke am': 'am' joins a
    name's parts), but the overview lists no such project and lists the line at the page's top:
    that is the name, and the text under it the description."""
    para = "Ehrenamtliche Fahrerinnen und Fahrer bringen ältere Menschen zum Arzt, zum Einkaufen oder zu " \
           "Veranstaltungen, und die Gemeinde bezahlt ihnen die Fahrten mit dem eigenen Wagen."
    text = "1. Modellprojekte Smart Cities 2023\n\nKleinstädte und Landgemeinden\n\nSteinheim\n\n" \
           f"{para}\n\neine neue Bühne für das\nSommerfest, Bänke am\n\nBUNDESLAND\n\nNordrhein-Westfalen\n\n" \
           "GRÖSSENKLASSE\n\nLandgemeinde\n\nPROJEKTTITEL\n\nSteinheim verbunden\n\nMOTTO\n\nGemeinsam stark\n\n" \
           "Hafen oder Spielgeräte.\n\n\n\n\n2. Übersicht Modellprojekte 2023\n\nModellprojekt\nSteinheim\n\n" \
           "Bundesland\nNordrhein-Westfalen\n"
    got = extract_brochure(load_source_text(text), corrections, use_overrides=False).brochure.projects
    assert [(p.name, p.title) for p in got] == [("Steinheim", "Steinheim verbunden")]
    assert got[0].description.startswith("Ehrenamtliche Fahrerinnen")
    assert "name" not in got[0].needs_review
