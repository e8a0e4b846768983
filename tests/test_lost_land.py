"""A size line whose Land an OCR lost, under a name the overview lists (records/lost_land.py)."""
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


def test_a_size_line_with_its_land_lost_under_a_name_no_overview_lists_makes_none(profile):
    assert segment_text(edition("Höxter"), profile).projects == []


@pytest.mark.parametrize("text, found", [("Interkommunale Kooperationen/Landkreis -", True),
                                         ("Kleinere Großstadt ·", True), ("Kleinere Großstadt - Bayern", False),
                                         ("Der Bus fährt -", False)])
def test_a_size_class_and_a_separator_alone_is_a_size_line_without_its_land(profile, text, found):
    assert (size_class_before_lost_land(text, profile, 80) is not None) is found
