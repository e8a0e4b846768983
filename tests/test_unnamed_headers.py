"""A header read whole with no name over it (an OCR read nothing of a name set large): the record
takes the overview's name in its place, flagged; a name from the page before a band that opens
its page is never taken."""
import pytest

from pipeline.records.unnamed_headers import names_for_unnamed_headers
from pipeline.run import extract_brochure

from .test_labelled import load_source_text
from .test_unread_headers import PARA, _corrections

LISTED = ["Heilbronn", "Lübeck", "Erfurt", "Würzburg"]


def page(name: str, land: str, title: str, motto: str, band: bool) -> str:
    """A project page: a running band (or none), the name (or none), a sidebar of labels, the text."""
    return (("Modellprojekte Smart Cities | Großstädte\n\n" if band else "") + f"{name}\n\nBUNDESLAND:\n{land}\n\n"
            f"GRÖSSENKLASSE:\nKleinere Großstadt\n\nPROJEKTTITEL:\n{title}\n\nMOTTO:\n{motto}\n\n{PARA} So heißt es in {land}.\n\n\n\n\n")


def brochure(names: list[str], band: bool = True):
    mottos = ["Offen für alle", "Gemeinsam für die Menschen in\nLübeck", "Heute für alle", "Klug verbunden"]
    lands = ["Baden-Württemberg", "Schleswig-Holstein", "Thüringen", "Bayern"]
    text = "1. Modellprojekte Smart Cities 2023\n\n\n\n\n" + "".join(
        page(name, land, f"{listed} digital", motto, band) for name, listed, land, motto in zip(names, LISTED, lands, mottos))
    text += "2. Übersicht Modellprojekte Smart Cities 2023\n\nGroßstädte:\n" + "\n".join(LISTED) + "\n"
    return extract_brochure(load_source_text(text), _corrections(), use_overrides=False).brochure


@pytest.mark.parametrize("band", [True, False])
def test_a_header_with_no_name_read_takes_the_overviews_name_in_its_place_flagged(band):
    """Two names unread in a row; 'Lübeck' ends the motto on the page before Erfurt's, under the
    band that opens Erfurt's page (or at its top): it is no name over Erfurt's header."""
    got = brochure(["Heilbronn", "", "", "Würzburg"], band).projects
    assert [(p.name, p.states, p.title) for p in got] == [
        ("Heilbronn", ["Baden-Württemberg"], "Heilbronn digital"), ("Lübeck", ["Schleswig-Holstein"], "Lübeck digital"),
        ("Erfurt", ["Thüringen"], "Erfurt digital"), ("Würzburg", ["Bayern"], "Würzburg digital")]
    assert [("name" in p.needs_review) for p in got] == [False, True, True, False]
    assert "overview" in got[1].review_notes["name"]


def test_names_are_given_only_where_the_overviews_gap_holds_as_many():
    listed = ["A-Stadt", "B-Stadt", "C-Stadt", "D-Stadt"]
    assert names_for_unnamed_headers([(1, "A-Stadt"), (9, "D-Stadt")], [4, 6], listed, 85) == {4: "B-Stadt", 6: "C-Stadt"}
    assert names_for_unnamed_headers([(1, "A-Stadt"), (9, "D-Stadt")], [4], listed, 85) == {}  # two names, one header
    assert names_for_unnamed_headers([(1, "A-Stadt"), (5, "C-Stadt")], [3, 7], listed, 85) == {3: "B-Stadt", 7: "D-Stadt"}
    assert names_for_unnamed_headers([(1, "C-Stadt"), (5, "A-Stadt")], [3], listed, 85) == {}  # the order differs
    # a name read past knowing ('Bxsxdt Hanse' for B-Stadt) holds its place in the gap, and is given none
    read = [(1, "A-Stadt"), (3, "Bxsxdt Hanse"), (9, "D-Stadt")]
    assert names_for_unnamed_headers(read, [5], ["A-Stadt", "B-Stadt", "D-Stadt"], 85) == {}
    assert names_for_unnamed_headers(read, [5], listed, 85) == {5: "C-Stadt"}


def sized_page(name: str, land: str, title: str, motto: str, name_over_band: bool) -> str:
    """A project page: a section's band in capitals, the name under it (or over it, or none) and a
    'size class · Land' line, then the labelled title and motto and the text."""
    named = f"{name}\n\n" if name else ""
    return ((named if name_over_band else "") + "GROSSSTÄDTE\n\n" + ("" if name_over_band else named)
            + f"Kleinere Großstadt · {land}\n\nProjekttitel: {title}\nMotto: {motto}\n\n{PARA} So heißt es in {land}.\n\n\n\n\n")


@pytest.mark.parametrize("name_over_band", [False, True])
def test_a_size_line_under_a_band_takes_the_name_over_the_band_or_the_overviews_in_its_place(name_over_band):
    """A 'size class · Land' line right under a section's band: the name printed over the band is
    the project's; where none was read ('Lübeck'), the overview's name in its place, flagged."""
    lands = ["Baden-Württemberg", "Schleswig-Holstein", "Thüringen", "Bayern"]
    names = ["Heilbronn", "", "Erfurt", "Würzburg"]
    text = "1. Modellprojekte Smart Cities 2023\n\n\n\n\n" + "".join(
        sized_page(name, land, f"{listed} digital", "Offen für alle", name_over_band)
        for name, listed, land in zip(names, LISTED, lands))
    text += "2. Übersicht Modellprojekte Smart Cities 2023\n\nGroßstädte:\n" + "\n".join(LISTED) + "\n"
    got = extract_brochure(load_source_text(text), _corrections(), use_overrides=False).brochure.projects
    assert [(p.name, p.states, p.title, p.category) for p in got] == [
        (listed, [land], f"{listed} digital", "Großstädte") for listed, land in zip(LISTED, lands)]
    assert [("name" in p.needs_review) for p in got] == [False, True, False, False]



def test_a_running_line_over_one_header_is_its_name_only_where_the_overview_names_it():
    """A running line that stands right over one header is the project's name repeated on its
    continuation page, where the overview names it; the edition's running title over a header
    whose name was not read is furniture."""
    from pipeline.corrections import load_corrections, default_corrections_dir
    from pipeline.records.segment import text_to_lines, without_furniture
    from pipeline.records.settings import DEFAULT_RECORDS_SETTINGS
    from pipeline.read.page_furniture import line_key

    profile = load_corrections(default_corrections_dir()).profile
    for running_line, kept in [("Modellprojekte Smart Cities 2023", False), ("Lübeck", True)]:
        lines = [l for l in text_to_lines(f"{running_line}\nBUNDESLAND:\nBayern\nHeilbronn\nBUNDESLAND:\nThüringen\n")]
        got = without_furniture(lines, frozenset({line_key(running_line)}), profile, DEFAULT_RECORDS_SETTINGS, LISTED)
        assert (got[0].text == running_line) is kept, running_line


def test_a_line_with_a_word_in_lower_case_that_no_name_has_is_no_name():
    """A column's last line over a sidebar read after the text ('Wege dort länger und') ends on a
    word that joins a name's parts, but holds words in lower case no name holds ('dort', 'länger'):
    a name's small words are particles ('an der', 'ob der', 'in Kooperation mit')."""
    from pipeline.records.name_wrap import name_like
    from pipeline.records.settings import DEFAULT_RECORDS_SETTINGS

    assert not name_like("Wege dort länger und", DEFAULT_RECORDS_SETTINGS)
    for name in ["Lauf an der Pegnitz in Kooperation mit Altdorf und", "Rothenburg ob der Tauber", "Frankfurt am Main"]:
        assert name_like(name, DEFAULT_RECORDS_SETTINGS), name
