"""Places: names matched to GeoNames (pipeline/places.py) and the map output."""
import json

import pytest

from pipeline.records.places import name_to_place


@pytest.fixture(scope="module")
def rules(corrections):
    return corrections.places


@pytest.mark.parametrize("name, lands, place, kind", [
    ("Landkreis Gießen", ["Hessen"], "Gießen", "district seat"),
    ("Cottbus/Chóśebuz", ["Brandenburg"], "Cottbus", "municipality"),
    ("Halle (Saale)", ["Sachsen-Anhalt"], "Halle (Saale)", "municipality"),
    ("Kirchheim b. München", ["Bayern"], "Kirchheim bei München", "municipality"),
    ("Münster", ["Nordrhein-Westfalen"], "Münster", "municipality"),
])
def test_a_name_is_matched_to_its_place_without_doubt(rules, name, lands, place, kind):
    match = name_to_place(name, lands, rules)
    assert match.place["name"] == place and match.place["kind"] == kind and match.doubt is None
    assert match.place["land"] in lands and 47 < match.place["latitude"] < 56


def test_a_cooperation_is_placed_by_its_members(rules):
    match = name_to_place("Grebenhain in Kooperation mit Alsfeld und Lauterbach", ["Hessen"], rules)
    assert match.place["kind"] == "members" and match.place["members"] == ["Grebenhain", "Alsfeld", "Lauterbach"]


@pytest.mark.parametrize("name, lands, doubt", [
    ("Görlitz", ["Bayern"], "is a place in Sachsen, not in Bayern"),
    ("HalRkfurt", [], "no German place"),
    ("Münster", [], "places called 'Münster'"),  # without a Land: the most populous, put up for review
    ("Landkreis Hameln-Pyrmont", ["Niedersachsen"], "matched through 'Hameln'"),
])
def test_a_doubtful_place_says_why(rules, name, lands, doubt):
    assert doubt in name_to_place(name, lands, rules).doubt


def test_the_2021_records_have_places_and_the_doubtful_ones_are_flagged(automatic_result):
    projects = automatic_result.brochure.projects
    placed = [p for p in projects if p.place]
    assert len(placed) >= 25
    for p in projects:
        assert (p.place is None) <= ("place" in p.needs_review)
        assert p.place is None or p.place.land in p.states or "place" in p.needs_review


def test_geojson_has_a_feature_per_project_and_none_is_dropped(tmp_path, capsys):
    from pipeline.cli import main
    from pipeline.read.load import bundled_path

    assert main(["extract", str(bundled_path()), "-o", str(tmp_path), "--format", "geojson"]) == 0
    collection = json.loads((tmp_path / "projects.geojson").read_text(encoding="utf-8"))
    projects = json.loads((tmp_path / "projects.json").read_text(encoding="utf-8"))["projects"]
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == len(projects)
    bochum = next(f for f in collection["features"] if f["id"] == "bochum")
    assert bochum["geometry"]["type"] == "Point" and 7 < bochum["geometry"]["coordinates"][0] < 8
    assert bochum["properties"]["edition_year"] == 2021


@pytest.mark.parametrize("lines, members, qualifier", [
    (["Kommunen aus den Kreisen", "Nordfeld-Südheim", "Auental"], ["Nordfeld-Südheim", "Auental"], "Kommunen aus den Kreisen"),
    (["Gemeinden aus dem Landkreis Nordfeld und Auental"], ["Nordfeld", "Auental"], "Gemeinden aus dem Landkreis"),
    (["Kommunen aus dem Kreis"], [], "Kommunen aus dem Kreis"),
    (["Gemeinde Auental", "Stadt Nordfeld,"], ["Gemeinde Auental", "Stadt Nordfeld"], None),  # no qualifier
])
def test_an_overviews_member_lines_are_read_as_a_list_with_its_qualifier(rules, lines, members, qualifier):
    from pipeline.records.places import members_with_qualifier

    assert members_with_qualifier(lines, rules) == (members, qualifier)


def test_a_damaged_name_is_read_through_the_ocr_confusions(rules, corrections):
    from pipeline.records.places import name_to_place

    match = name_to_place("WeilRkenfels", [], rules, confusions=corrections.confusions)  # 'ß' read as 'lRk'
    assert match.place["name"] == "Weißenfels" and match.repair.spelling == "Weißenfels" and "'lRk' -> 'ß'" in match.doubt
    assert name_to_place("WeilRkenfels", [], rules).place is None  # intact text: no confusions, no repair


def test_an_overview_name_repaired_as_a_place_is_in_the_ledger(tmp_path, corrections):
    from pipeline.corrections import Decision
    from pipeline.edits import apply_edits
    from pipeline.read.load import load_source
    from pipeline.run import extract_brochure

    from .conftest import CASES

    text = (CASES / "brochure_mini" / "input.txt").read_text(encoding="utf-8")
    path = tmp_path / "input.txt"
    overview = text.rindex("Landau in der Pfalz\n")  # the overview's entry, not the record's heading
    path.write_text(text[:overview] + "WeilRkenfels\n" + text[overview:], encoding="utf-8")
    result = extract_brochure(load_source(path), corrections, use_overrides=False)
    [entry] = [e for e in result.brochure.overview if e.place and e.place.name == "Weißenfels"]
    assert entry.name == "Weißenfels" and entry.id == "weissenfels" and {"name", "place"} <= set(entry.needs_review)
    [edit] = [e for e in result.ledger if e.rule.startswith("place:")]
    assert (edit.word_before, edit.word_after, edit.before, edit.after) == ("WeilRkenfels", "Weißenfels", "lRk", "ß")
    assert apply_edits(result.cleaned.raw, result.ledger) == result.cleaned.text and "Weißenfels" in result.cleaned.text
    # a reviewer who rejects the reading keeps the name as read, and no place is claimed for it
    rejecting = corrections.model_copy(update={"decisions": corrections.decisions.model_copy(update={
        "decisions": [Decision(series=edit.series, decision="reject", scope="all", reviewer="Test")]})})
    result = extract_brochure(load_source(path), rejecting, use_overrides=False)
    [entry] = [e for e in result.brochure.overview if e.name == "WeilRkenfels"]
    assert entry.place is None and "place" in entry.needs_review and "rejected" in entry.review_notes["place"]
    [edit] = [e for e in result.ledger if e.rule.startswith("place:")]
    assert not edit.applied and "WeilRkenfels" in result.cleaned.text
