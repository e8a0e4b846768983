"""A sidebar on the left an OCR ran into the rows of the text beside it (records/row_heads.py): its
labels open rows, its Land and size class are the rows' first words; under a name the overview lists
the project is found, the label's row kept."""
import pytest

from pipeline.records.row_heads import size_class_at_heads
from pipeline.records.segment import segment_text

HEADER = ("Brakel in Kooperation mit\nSteinheim und Warburg\n\nBUNDESLAND: Wohnen und Quartiere\n\n"
          "Nordrhein-Westfalen Bezahlbarer Wohnraum ist\nin vielen Städten knapp.\n\nGROSSENKLASSE:\n\n"
          "Interkommunale Wichtig ist, solche Erfa-\n\nKooperationen/Landkreis hrungen offen zu teilen,\n"
          "damit andere Kommunen\n")


def edition(listed: str) -> str:
    return ("1. Modellprojekte Smart Cities 2023\n\nInterkommunale Kooperationen und Landkreise\n\n" + HEADER +
            "\n\n\n\n2. Übersicht Modellprojekte Smart Cities 2023\n\nInterkommunale Kooperationen und Landkreise:\n\n"
            f"{listed}\n")


@pytest.fixture
def profile(corrections):
    return corrections.profile_for(None)[0]


def test_a_left_sidebar_run_into_the_rows_gives_its_land_and_size_class_at_the_rows_heads(profile):
    [block] = segment_text(edition("Brakel in Kooperation mit Steinheim und Warburg"), profile).projects
    assert (block.name, block.size.states_text, block.size.size_class) == (
        "Brakel in Kooperation mit Steinheim und Warburg", "Nordrhein-Westfalen", "Interkommunale Kooperationen/Landkreis")
    assert block.size_line.number not in block.labelled.line_numbers  # the label's row stays text


def test_a_left_sidebar_run_into_the_rows_under_a_name_no_overview_lists_makes_no_project(profile):
    assert segment_text(edition("Landkreis Höxter"), profile).projects == []


def test_a_size_class_over_two_rows_heads_is_read(profile):
    assert size_class_at_heads(["Interkommunale Wichtig ist, solche Erfa-", "Kooperationen/Landkreis hrungen offen"],
                               profile, 80)[1] == "Interkommunale Kooperationen/Landkreis"


def test_a_size_class_label_on_the_last_row_gives_no_size_class_and_no_error(profile):
    """The size class's label is the projects part's last row: no row under it holds a size class."""
    text = edition("Brakel in Kooperation mit Steinheim und Warburg").replace(
        "Interkommunale Wichtig ist, solche Erfa-\n\nKooperationen/Landkreis hrungen offen zu teilen,\ndamit andere Kommunen\n", "")
    assert segment_text(text, profile).projects == []
    assert size_class_at_heads([], profile, 80) is None


GARBLED = HEADER.replace("Nordrhein-Westfalen Bezahlbarer", "Nsw Bezahlbarer").replace(
    "GROSSENKLASSE:\n\nInterkommunale", "GROSSENKLASSE in vielen Städten.\nInterkommunale").replace(
    "in vielen Städten knapp.\n\n", "")


def test_a_land_garbled_at_a_rows_head_under_a_listed_name_takes_the_overviews_land_and_is_flagged(profile):
    """'Nsw Bezahlbarer …': the Land's value read as no Land, the size class's label with the text's words after it."""
    text = edition("Brakel in Kooperation mit Steinheim und Warburg Nordrhein-Westfalen Interkommunale").replace(
        "Übersicht Modellprojekte Smart Cities 2023\n\nInterkommunale Kooperationen und Landkreise:\n\n",
        "Übersicht Modellprojekte Smart Cities 2023\n\nModellprojekt Bundesland Kategorie\n\n").replace(HEADER, GARBLED)
    [block] = segment_text(text, profile).projects
    assert (block.size.states_text, block.size.size_class) == ("Nordrhein-Westfalen", "Interkommunale Kooperationen/Landkreis")
    assert "reads 'Nsw', like no Land" in block.size.land_note


def test_a_land_garbled_at_a_rows_head_under_a_name_no_overview_lists_makes_no_project(profile):
    assert segment_text(edition("Landkreis Höxter").replace(HEADER, GARBLED), profile).projects == []


def test_a_size_class_under_a_garbled_label_and_the_labels_further_down_the_rows_are_read(profile):
    """'Cle tks Vereine …': the size class's label garbled, its value opening the next row as
    printed; the title's label some rows down gives the title (flagged: the rows run into it)."""
    header = ("Straubing\n\nBUNDESLAND: Verwaltung nah am Menschen\nBayern Kleine Rathäuser können nicht\n"
              "; alle Leistungen selbst anbieten.\nCle tks Vereine stellen sich vor,\n"
              "Größere Mittelstadt Musikgruppen spielen auf dem\n\nMarktplatz, und in der Kirche\n\n"
              "PROJEKTTITEL:\nStraubing gemeinsam:\nKlimaschutz gestalten\n\nMehr Text über die Stadt und ihre Leute.\n")
    text = edition("Straubing").replace(HEADER, header).replace(
        "Interkommunale Kooperationen und Landkreise\n\n", "Mittelstädte\n\n", 1)
    [block] = segment_text(text, profile).projects
    assert (block.size.states_text, block.size.size_class) == ("Bayern", "Größere Mittelstadt")
    assert "no size class's label was read" in block.size.size_note  # extract.py flags the size class
    title = block.labelled.get("title")
    assert (title.value, title.unsure) == ("Straubing gemeinsam: Klimaschutz gestalten", True)


def test_a_size_class_label_past_the_title_rows_is_read_where_the_land_was(profile):
    """The Land read at a row's head, the size class's label stands further down, past the title's
    label and rows of the text: the size class is still read there."""
    far = HEADER.replace("GROSSENKLASSE:\n\n", "Mehr Text steht hier.\nAuch dieser Satz ist Text.\n"
                         "PROJEKTTITEL alle ein eigenes Urteil\nBrakel nachhaltig: können.\nQuartiere im Wandel\n\n"
                         "GROSSENKLASSE\n\n")
    text = edition("Brakel in Kooperation mit Steinheim und Warburg").replace(HEADER, far)
    [block] = segment_text(text, profile).projects
    assert (block.size.states_text, block.size.size_class) == ("Nordrhein-Westfalen", "Interkommunale Kooperationen/Landkreis")


def test_facts_further_down_the_rows_are_read_though_the_block_holds_one(profile):
    """The block read at the Land's row holds one fact ('Einwohner'); the rows further down hold
    the title and another fact ('Website'): that fact is read too, a fact already had is not."""
    from pipeline.records.labels import LabelledBlock, LabelledValue, known_labels
    from pipeline.records.row_heads import with_labels_below
    from pipeline.records.segment import text_to_lines
    lines = [l for l in text_to_lines("BUNDESLAND: Text\nBayern Text\nEINWOHNER:\n12.000\nText\nWEBSITE:\n"
                                      "www.x.de\n") if not l.blank]
    had = LabelledValue("fact", "Einwohner", lines[2], (lines[3],), "")
    block = LabelledBlock((LabelledValue("states", "Bundesland", lines[0], (), "Text"), had))
    below = LabelledBlock((LabelledValue("fact", "Website", lines[5], (lines[6],), ""),
                           LabelledValue("fact", "Einwohner", lines[5], (lines[6],), "")))
    merged = with_labels_below(block, lines, 0, known_labels(profile), lambda k: below)
    assert [(v.field, v.label, v.value) for v in merged.values if v.field == "fact"] == [
        ("fact", "Einwohner", "12.000"), ("fact", "Website", "www.x.de")]
