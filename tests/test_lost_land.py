"""Projects whose header an OCR read apart: a size line whose Land it lost, under a name the overview lists
(records/lost_land.py), and a sidebar header under a section's band, its name over the band."""
import pytest

from pipeline.records.lost_land import size_class_before_lost_land
from pipeline.records.segment import segment_text

OVERVIEW = ("\n\n\n\n\n2. Übersicht Modellprojekte Smart Cities 2021\n\nModellprojekt Bundesland Kategorie\n"
            "Bad Driburg in Kooperation mit Warburg und Steinheim Nordrhein-Westfalen Interkommunale\n")


def edition(name: str) -> str:
    return ("1. Modellprojekte Smart Cities 2021\n\nInterkommunale Kooperationen und Landkreise\n\n"
            f"{name}\n\nInterkommunale Kooperationen/Landkreis -\n\nDer Bus fährt in vielen Dörfern nur zweimal am Tag.\n\n"
            "Nordrhein-Westfalen\n\nDie Kassenführung wird einfacher, weil Beiträge digital eingezogen werden.\n" + OVERVIEW)


@pytest.fixture
def profile(corrections):
    return corrections.profile_for(None)[0]


def test_a_size_line_with_its_land_lost_under_a_listed_name_makes_a_project(profile):
    projects = segment_text(edition("Bad Driburg in Kooperation mit Warburg und\n\nSteinheim"), profile).projects
    assert [(b.name, b.size.size_class, b.size.states_text, b.size.land_apart) for b in projects] == [
        ("Bad Driburg in Kooperation mit Warburg und Steinheim", "Interkommunale Kooperationen/Landkreis",
         "Nordrhein-Westfalen", True)]


def test_a_size_class_whose_separator_wrapped_onto_its_lands_line_makes_a_project(profile, corrections):
    """'Interkommunale Kooperationen/Landkreis' alone, '| Nordrhein-Westfalen' further down (a
    narrow box's size line read apart): the project is found, its Land flagged; a Land without the
    separator is no such line's."""
    def text(land_line):
        return edition("Bad Driburg in Kooperation mit Warburg und Steinheim").replace(
            "Interkommunale Kooperationen/Landkreis -", "Interkommunale Kooperationen/Landkreis").replace(
            "\nNordrhein-Westfalen\n", f"\n{land_line}\n")
    # a bullet no font maps, as pdfminer names it; a bullet an OCR read as '+'
    for land_line in ("| Nordrhein-Westfalen", "(cid:127) Nordrhein-Westfalen", "+ Nordrhein-Westfalen"):
        projects = segment_text(text(land_line), profile).projects
        assert [(b.size.size_class, b.size.states_text, b.size.land_apart) for b in projects] == [
            ("Interkommunale Kooperationen/Landkreis", "Nordrhein-Westfalen", True)]
    assert segment_text(text("Nordrhein-Westfalen"), profile).projects == []
    from pipeline.run import extract_brochure

    from .test_labelled import load_source_text
    record = extract_brochure(load_source_text(text("| Nordrhein-Westfalen")), corrections, use_overrides=False).brochure.projects[0]
    assert "states" in record.needs_review and "name" not in record.needs_review  # its size line is no name's next line
    far = "\n\n".join(f"Die Gemeinde plant den {n}. Schritt des Vorhabens." for n in range(1, 14))
    assert segment_text(text(f"{far}\n\n• Nordrhein-Westfalen"), profile).projects == []  # a list's item, not the box's


def test_a_size_line_with_its_land_lost_under_a_name_no_overview_lists_makes_none(profile):
    assert segment_text(edition("Höxter"), profile).projects == []


@pytest.mark.parametrize("text, found", [("Interkommunale Kooperationen/Landkreis -", True),
                                         ("Kleinere Großstadt ·", True), ("Kleinere Großstadt - Bayern", False),
                                         ("Der Bus fährt -", False)])
def test_a_size_class_and_a_separator_alone_is_a_size_line_without_its_land(profile, text, found):
    assert (size_class_before_lost_land(text, profile, 80) is not None) is found


def banded_edition(listed: str) -> str:
    return ("1. Modellprojekte Smart Cities 2021\n\nGroßstädte\n\nErfurt\n\nBUNDESLAND\nThüringen\nGRÖSSENKLASSE\n"
            "Kleinere Großstadt\nPROJEKTTITEL\nErfurt klug\n\nDie Stadt baut eine offene Datenplattform auf.\n\n\n\n\n"
            "Landkreis Tübingen\n\nIn Würzburg übernehmen Anwohnerinnen und Anwohner Patenschaften für Straßenbäume.\n\n"
            "INTERKOMMUNALE KOOPERATIONEN UND LANDKREISE\n\nBUNDESLAND\nBaden-Württemberg\n\nGRÖSSENKLASSE\n"
            "Interkommunale\nKooperationen/Landkreis\n\nPROJEKTTITEL\nTübingen digital\n\n\n\n\n"
            "2. Übersicht Modellprojekte Smart Cities 2021\n\nModellprojekt Bundesland Kategorie\n"
            f"Erfurt Thüringen Großstädte\n{listed} Baden-Württemberg Interkommunale\n")


def test_a_sidebar_header_under_a_band_takes_the_listed_name_over_the_band(profile):
    """A sidebar read after the text with the section's band between (the OCR .txt of a band design):
    the name the overview lists on the page over the band is the project's, the band its section."""
    projects = segment_text(banded_edition("Landkreis Tübingen"), profile).projects
    assert [(b.name, b.category) for b in projects] == [
        ("Erfurt", "Großstädte"), ("Landkreis Tübingen", "Interkommunale Kooperationen und Landkreise")]
    assert [b.name for b in segment_text(banded_edition("Landkreis Reutlingen"), profile).projects] == ["Erfurt"]
