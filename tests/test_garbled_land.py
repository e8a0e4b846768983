"""A labelled header whose Land an OCR garbled past reading, its size class readable, under a name the
overview lists (records/garbled_land.py): its project is found, its Land taken from the overview's row of
the name, else by likeness (and then from the place the name is), always flagged."""
import pytest

from pipeline.records.garbled_land import LIKEST_LAND_NOTE, land_for_name, likest_land, size_class_read
from pipeline.records.labels import LabelledValue
from pipeline.records.placing import with_land_of_place
from pipeline.records.segment import Line, segment_text

TABLE = "Modellprojekt Bundesland Kategorie\n{name} Sachsen-Anhalt Großstädte\nErfurt Thüringen Großstädte\n"
LIST = "Großstädte:\n{name}\nErfurt\n"


def edition(listed: str, overview: str = TABLE) -> str:
    return ("1. Modellprojekte Smart Cities 2021\n\nGroßstädte\n\nHalle (Saale)\n\nBUNDESLAND\nsetchiseatevlit\n\n"
            "GRÖSSENKLASSE\nGroße Großstadt\n\nPROJEKTTITEL\nHalle verbunden\n\n"
            "Die Stadt baut eine offene Datenplattform auf.\n\n\n\n\nErfurt\n\nBUNDESLAND\nThüringen\n\nGRÖSSENKLASSE\n"
            "Kleinere Großstadt\n\nPROJEKTTITEL\nErfurt klug\n\nIn Würzburg übernehmen Anwohner Patenschaften.\n\n\n\n\n"
            "2. Übersicht Modellprojekte Smart Cities 2021\n\n" + overview.format(name=listed))


@pytest.fixture
def profile(corrections):
    return corrections.profile_for(None)[0]


def test_a_garbled_land_under_a_name_a_table_overview_lists_takes_the_rows_land(profile):
    projects = segment_text(edition("Halle (Saale)"), profile).projects
    assert [(b.name, b.size.size_class, b.size.states_text) for b in projects] == [
        ("Halle (Saale)", "Große Großstadt", "Sachsen-Anhalt"), ("Erfurt", "Kleinere Großstadt", "Thüringen")]
    assert "overview's row of the name gives 'Sachsen-Anhalt'" in projects[0].size.land_note
    assert projects[1].size.land_note == ""


def test_a_garbled_land_and_a_lost_size_label_over_the_size_class_under_a_listed_name_make_a_project(profile):
    """'BUNDESLAND' / 'Thitri' / 'mneer' / 'Soa' (the size class's label garbled) / 'Gro&e Grokstadt'
    under a name the overview lists: the size class read at the end of the Land's lines, the Land
    the likest, flagged. The project had been lost."""
    text = ("1. Modellprojekte Smart Cities 2021\n\nGroßstädte\n\nErfurt\n\nBUNDESLAND\nThitri\nmneer\n\nSoa\n\n"
            "Gro&e Grokstadt\n\nPROJEKTTITEL\n.\nErfurt offen: Teilhabe gestalten\n\nMotto\nHeute für die Region\n\n"
            "FÖRDERSUMME\n8,9 Mio. Euro\n\nDie Verwaltung veröffentlicht die Daten zu Verbrauch und Kosten.\n\n\n\n\n"
            "Kassel\n\nBUNDESLAND\nHessen\n\nGRÖSSENKLASSE\nKleinere Großstadt\n\nPROJEKTTITEL\nKassel klug\n\n"
            "In Kassel übernehmen Anwohner Patenschaften.\n\n\n\n\n"
            "2. Übersicht Modellprojekte Smart Cities 2021\n\nGroßstädte:\n\nErfurt\nKassel\n")
    erfurt, kassel = segment_text(text, profile).projects
    assert (erfurt.name, erfurt.size.size_class, kassel.name) == ("Erfurt", "Große Großstadt", "Kassel")
    # the Land's likest to its own lines, not to the size class's words after them
    assert erfurt.size.states_text == "Thüringen" and erfurt.size.land_note.startswith(LIKEST_LAND_NOTE)
    assert "Soa" in erfurt.size.land_note  # the lost label's line, read, stays in the note


def test_a_garbled_land_under_a_listed_name_without_a_land_column_takes_the_likest_land_flagged(profile):
    [halle, _] = segment_text(edition("Halle (Saale)", LIST), profile).projects
    assert halle.size.states_text == "Sachsen-Anhalt" and halle.size.land_note.startswith(LIKEST_LAND_NOTE)


def test_a_garbled_land_under_a_name_no_overview_lists_makes_no_project(profile):
    assert [b.name for b in segment_text(edition("Magdeburg"), profile).projects] == ["Erfurt"]


def test_a_size_class_is_read_from_its_rows_end_where_the_column_cut_it(profile):
    label = Line(3, 0, "beteiligen. In Fürth messen Schüler GRÖSSENKLASSE")
    row = Line(4, 60, "die Luftqualität an ihren Schulwegen und Große Großstadt")
    value = LabelledValue("size_class", "Größenklasse", label, (label, Line(4, 100, "Großstadt")), "")
    assert size_class_read(value, {4: row}, profile, 80) == ("Große Großstadt", "Große Großstadt", 100.0)


def test_the_likest_land_is_read_from_a_rows_last_words():
    assert likest_land("frühzeitig setchiseatevlit") == "Sachsen-Anhalt"


def test_a_land_taken_by_likeness_gives_way_to_the_land_of_the_place_the_name_is(corrections):
    *_, note = land_for_name(("Größere Mittelstadt", "Größere Mittelstadt", 100.0, "asi asatilan"), "Rheine", [], 90)
    record = {"name": "Rheine", "states": ["Saarland"], "state_codes": ["DE-SL"], "needs_review": ["states"],
              "review_notes": {"states": note}}
    placed = with_land_of_place(record, corrections.places)
    assert placed["states"] == ["Nordrhein-Westfalen"] and placed["state_codes"] == ["DE-NW"]
    assert "Nordrhein-Westfalen" in placed["review_notes"]["states"]
    overview_land = {**record, "review_notes": {"states": "the overview's row of the name gives 'Saarland'"}}
    assert with_land_of_place(overview_land, corrections.places) == overview_land


def overview_lines(rows: str):
    from pipeline.records.segment import find_parts, text_to_lines
    from pipeline.records.settings import DEFAULT_RECORDS_SETTINGS
    text = ("1. Modellprojekte Smart Cities 2021\n\nGroßstädte\n\n\n\n\n2. Übersicht Modellprojekte Smart Cities 2021\n\n"
            + rows)
    lines = text_to_lines(text)
    return lines, find_parts(lines, profile_of(), DEFAULT_RECORDS_SETTINGS)


def profile_of():
    from pipeline.corrections import default_corrections_dir, load_corrections
    return load_corrections(default_corrections_dir()).profile_for(None)[0]


def test_a_table_overviews_name_whose_end_opens_the_next_row_in_lower_case_is_one_name():
    """Rows: a name's first row with no Land, its end on the next row ('und Warburg'), then the row of
    its Land; columns one after the other: the name column's line and its end under it."""
    from pipeline.records.overview_rows import table_overview_names, table_row_names
    lines, parts = overview_lines("Modellprojekt Bundesland Kategorie\nWernigerode Sachsen-Anhalt Kleinstädte und\n"
                                  "Landgemeinden\n\nBrakel in Kooperation mit Steinheim\nund Warburg\n\n"
                                  "Nordrhein-Westfal&mterkommunale\nKooperationen und\nLandkreise\n")
    assert table_row_names(lines, parts, profile_of()) == ["Wernigerode", "Brakel in Kooperation mit Steinheim und Warburg"]
    lines, parts = overview_lines("Modellprojekt\nWernigerode\n\nBrakel in Kooperation mit Steinheim\nund Warburg\n\n"
                                  "Bundesland\n\nKategorie\n\nSachsen-Anhalt Kleinstädte\n")
    assert table_overview_names(lines, parts, profile_of()) == [
        "Wernigerode", "Brakel in Kooperation mit Steinheim und Warburg"]


def test_a_table_overviews_name_column_line_ending_in_lower_case_goes_on_in_the_next():
    """The name column read as a column: '… und Lauf ander' (an OCR's 'an der') ends in a word in
    lower case, which no name does; the next line 'Pegnitz' is its end, not a name of its own."""
    from pipeline.records.overview_rows import table_overview_names
    lines, parts = overview_lines("Modellprojekt\nWeimar\nAltdorf in Kooperation mit Röthenbach und Lauf ander\n"
                                  "Pegnitz\nSchöneck\n\nBundesland\n\nThüringen\nBayern\nHessen\n")
    assert table_overview_names(lines, parts, profile_of()) == [
        "Weimar", "Altdorf in Kooperation mit Röthenbach und Lauf ander Pegnitz", "Schöneck"]
    lines, parts = overview_lines("Modellprojekt\nWeimar ee\nKassel\n\nBundesland\n\nThüringen\nHessen\n")
    assert table_overview_names(lines, parts, profile_of()) == ["Weimar ee", "Kassel"]  # a speck, no connector


def test_a_table_overviews_name_cell_wrapped_after_bad_is_one_name_where_the_lands_count_so():
    """The name column read as a column holds one line more than the Land column has rows: the
    line ending in 'Bad' goes on in 'Bevensen', where it is the one line ending so; 'Landkreis Hof'
    stays a name wherever it stands."""
    from pipeline.records.overview_rows import table_overview_names
    lines, parts = overview_lines("Modellprojekt\nWeimar\nBienenbüttel in Kooperation mit Uelzen und Bad\nBevensen\n"
                                  "Landkreis Hof\nSchöneck\n\nBundesland\nThüringen\nNiedersachsen\nBayern\nHessen\n\n"
                                  "Kategorie\nMittelstädte\n")
    assert table_overview_names(lines, parts, profile_of()) == [
        "Weimar", "Bienenbüttel in Kooperation mit Uelzen und Bad Bevensen", "Landkreis Hof", "Schöneck"]
    # 'Landkreis Hof' before the cut line: two lines end so, one name too many; the cooperation's goes on
    lines, parts = overview_lines("Modellprojekt\nLandkreis Hof\nWeimar\nBienenbüttel in Kooperation mit Uelzen und Bad\n"
                                  "Bevensen\n\nBundesland\nBayern\nThüringen\nNiedersachsen\n\nKategorie\nGroßstädte\n")
    assert table_overview_names(lines, parts, profile_of()) == [
        "Landkreis Hof", "Weimar", "Bienenbüttel in Kooperation mit Uelzen und Bad Bevensen"]
    # a cooperation's partners an OCR glued ('Altdorfund'), its last partner on the next line alone
    lines, parts = overview_lines("Modellprojekt\nBremerhaven\nSchöneck\nLauf an der Pegnitz in Kooperation mit Altdorfund\n"
                                  "Schwarzenbruck\n\nBundesland\nBremen\nHessen\nBayern\n\nKategorie\nGroßstädte\n")
    assert table_overview_names(lines, parts, profile_of())[-1] == \
        "Lauf an der Pegnitz in Kooperation mit Altdorfund Schwarzenbruck"


def test_a_table_overviews_name_cell_wrapped_after_bad_is_one_name_where_the_projects_pages_print_it_so():
    """The Land column could not be counted (the category column read into it), so the count asks
    no join: 'Uelzen in Kooperation mit Bad' / 'Bevensen und Ebstorf' are one name where a
    project's heading prints them as one, over two lines; 'Landkreis Hof', cut-looking, before a
    name the pages print apart from it, stays."""
    from pipeline.records.overview_rows import overview_names
    from pipeline.records.segment import find_parts, text_to_lines
    from pipeline.records.settings import DEFAULT_RECORDS_SETTINGS
    pages = ("1. Modellprojekte Smart Cities 2023\n\nGroßstädte\n\nLandkreis Hof\n\nText.\n\n\n\n\nKassel\n\nText.\n\n\n\n\n"
             "Uelzen in Kooperation mit Bad Bevensen und\nEbstorf\n\nText.\n\n\n\n\n")
    table = ("2. Übersicht Modellprojekte Smart Cities 2023\n\nModellprojekt\nLandkreis Hof\nKassel\n\n"
             "Uelzen in Kooperation mit Bad\nBevensen und Ebstorf\n\nBundesland\nBayern\n\nKategorie\nGroßstädte\n\n"
             "Hessen Großstädte\n")
    lines = text_to_lines(pages + table)
    parts = find_parts(lines, profile_of(), DEFAULT_RECORDS_SETTINGS)
    assert overview_names(lines, parts, profile_of(), []) == [
        "Landkreis Hof", "Kassel", "Uelzen in Kooperation mit Bad Bevensen und Ebstorf"]
    lines = text_to_lines(pages.replace("Bad Bevensen und\nEbstorf", "Bad\n\nText.") + table)
    assert overview_names(lines, find_parts(lines, profile_of(), DEFAULT_RECORDS_SETTINGS), profile_of(), [])[-2:] == [
        "Uelzen in Kooperation mit Bad", "Bevensen und Ebstorf"]


def test_a_table_overviews_name_alone_over_its_sections_second_line_and_then_its_land_is_a_name():
    """'Kreis Héxter' / 'Landkreise' (its row's section cell's second line) / 'Nordrhein-Westfalen …'."""
    from pipeline.records.overview_rows import table_row_names
    lines, parts = overview_lines("Modellprojekt Bundesland Kategorie\nHünfeld Hessen Kleinstädte und Landgemeinden\n\n"
                                  "Kreis Héxter\n\nLandkreise\n\nNordrhein-Westfalen Interkommunale Kooperationen und\n"
                                  "Landkreise\n")
    assert table_row_names(lines, parts, profile_of()) == ["Hünfeld", "Kreis Héxter"]


def test_a_garbled_land_and_a_lost_size_class_under_a_listed_name_take_their_sections_likest_flagged(profile):
    text = edition("Halle (Saale)").replace("GRÖSSENKLASSE\nGroße Großstadt\n", "GRÖSSENKLASSE\n")
    halle = segment_text(text, profile).projects[0]
    assert halle.name == "Halle (Saale)" and halle.size.size_class in ("Große Großstadt", "Kleinere Großstadt")
    assert halle.size.score < 80 and halle.size.states_text == "Sachsen-Anhalt"


def test_a_row_like_a_sections_name_over_a_section_row_is_no_name_alone():
    """'Groftstadte' (the section column's cell, garbled) over 'Mittelstädte' and a row with a Land."""
    from pipeline.records.overview_rows import row_names
    rows = ["Baden-Wurttemberg Großstädte", "Brandenburg", "Groftstadte", "Mittelstädte", "Sachsen-Anhalt Mittelstädte"]
    assert "Groftstadte" not in row_names(rows, profile_of())


def test_a_name_cut_after_the_first_word_of_a_place_goes_on_in_the_row_under_it():
    """'Steinheim in Kooperation mit Bad' / 'Driburg und Nieheim' / 'Nordrhein-Westfalen …': the
    name's first row ends on a place's first word, not on a connector; the row under it ends it."""
    from pipeline.records.overview_rows import row_names
    rows = ["Beelitz Brandenburg Kleinstädte und", "Landgemeinden", "Steinheim in Kooperation mit Bad",
            "Driburg und Nieheim", "Nordrhein-Westfaldmterkommunale", "Kooperationen und", "Landkreise"]
    assert row_names(rows, profile_of()) == ["Beelitz", "Steinheim in Kooperation mit Bad Driburg und Nieheim"]


def test_a_size_class_taken_from_nothing_is_told_so_once(profile):
    from pipeline.records.extract import size_class_doubts, unreadable_size_doubts
    from pipeline.records.size_lines import SizeLine
    from pipeline.records.settings import DEFAULT_RECORDS_SETTINGS
    size = SizeLine("", "Kleine Kleinstadt", 0.0, "Hessen")
    assert size_class_doubts(size, profile, DEFAULT_RECORDS_SETTINGS) == []
    [doubt] = unreadable_size_doubts(size, DEFAULT_RECORDS_SETTINGS)
    assert "nothing was read" in doubt.note


def test_a_land_taken_from_nothing_is_told_unknown_not_likest_and_gives_way_to_the_places(corrections):
    *_, land, note = land_for_name(("Größere Mittelstadt", "Größere Mittelstadt", 100.0, ""), "Rheine", [], 90)
    assert land == "Baden-Württemberg" and "unknown" in note and LIKEST_LAND_NOTE not in note
    record = {"name": "Rheine", "states": [land], "state_codes": ["DE-BW"], "needs_review": ["states"],
              "review_notes": {"states": note}}
    assert with_land_of_place(record, corrections.places)["states"] == ["Nordrhein-Westfalen"]


def test_a_table_overviews_row_with_two_spaces_in_its_name_still_gives_its_land():
    from pipeline.records.garbled_land import overview_lands
    lines, parts = overview_lines("Modellprojekt Bundesland Kategorie\nHalle  (Saale) Sachsen-Anhalt Großstädte\n"
                                  "Erfurt Thüringen Großstädte\n")
    assert overview_lands(lines, parts, profile_of()) == [("Halle (Saale)", "Sachsen-Anhalt"), ("Erfurt", "Thüringen")]


def test_a_table_overview_read_column_by_column_gives_each_name_the_land_at_its_place():
    """A PDF's overview cells read as columns: the names first, then each row's Land and section;
    where the rows opening with a Land are as many as the names, they pair in order."""
    from pipeline.records.garbled_land import overview_column_lands, overview_lands
    lines, parts = overview_lines("Modellprojekt\nErfurt\nBremerhaven\n\nLandkreis Fürstenfeldbruck\n\nBundesland Kategorie\n\n"
                                  "Thüringen Großstädte\n\nBremen Großstädte\n\nBayern Interkommunale Kooperationen\nund Landkreise\n")
    listed = ["Erfurt", "Bremerhaven", "Landkreis Fürstenfeldbruck"]
    assert overview_lands(lines, parts, profile_of()) == []
    assert overview_column_lands(lines, parts, profile_of(), listed) == [
        ("Erfurt", "Thüringen"), ("Bremerhaven", "Bremen"), ("Landkreis Fürstenfeldbruck", "Bayern")]
    assert overview_column_lands(lines, parts, profile_of(), listed[:2]) == []  # counts differ: no pairing
