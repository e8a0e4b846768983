"""Coverage: a project the overview lists but no record matched is warned of and the records
around the gap are flagged; a list of more than the brochure's projects raises nothing."""
from pipeline.records.coverage import with_coverage
from pipeline.records.settings import DEFAULT_RECORDS_SETTINGS


def record(name: str) -> dict:
    return {"name": name, "needs_review": [], "review_notes": {}}


def test_missed_record_is_warned_and_its_neighbours_flagged():
    records = [record("Aachen"), record("Cottbus"), record("Zeitz")]
    out, warnings = with_coverage(records, ["Aachen", "Bonn", "Cottbus", "Dessau", "Zeitz"], DEFAULT_RECORDS_SETTINGS)
    assert any("'Bonn'" in w for w in warnings) and any("'Dessau'" in w for w in warnings)
    assert [r["needs_review"] for r in out] == [["name", "description"]] * 3
    assert records[0]["needs_review"] == []  # the input is not changed


def test_unlisted_name_is_flagged():
    out, warnings = with_coverage([record("Aachen"), record("Bonn"), record("Kreis")], ["Aachen", "Bonn", "Celle"],
                                  DEFAULT_RECORDS_SETTINGS)
    assert out[2]["needs_review"] == ["name"]


def test_two_records_bearing_one_name_are_both_flagged():
    """An OCR lost the middle of one name ('Herrnhut in Kooperation mit [Löbau und] Zittau') and the
    overview's entry that begins so was taken: two records bear one name, and both are flagged,
    with or without an overview to check against."""
    twice = "Herrnhut in Kooperation mit Zittau und Oderwitz"
    for listed in (["Aachen", "Herrnhut in Kooperation mit Löbau und Zittau", twice], []):
        out, _ = with_coverage([record("Aachen"), record(twice), record(twice)], listed, DEFAULT_RECORDS_SETTINGS)
        assert [r["needs_review"] for r in out][0] == [] and all({"name", "description"} <= set(r["needs_review"])
                                                                 for r in out[1:])
        assert "2 records bear this name" in out[2]["review_notes"]["name"]


def test_the_rest_of_an_overviews_heading_set_under_its_names_is_no_name(corrections):
    """An OCR layer read the list's heading in two pieces and set the second under the names
    ('2. Übersicht Modellprojekte Smart' … 'Cities 2023'): no name holds a figure."""
    from pipeline.records.segment import segment_text
    profile = corrections.profile_for(None)[0]
    text = "1. Modellprojekte Smart Cities 2023\n\nGroßstädte\n\n\n\n\n2. Übersicht Modellprojekte Smart\n\n" \
           "Großstädte:\nKassel\nDarmstadt\n\nCities 2023\n"
    assert segment_text(text, profile).listed == ["Kassel", "Darmstadt"]


def test_overview_of_more_than_this_brochure_raises_nothing():
    listed = [f"Ort {i}" for i in range(10)]
    out, warnings = with_coverage([record("Ort 1"), record("Ort 2")], listed, DEFAULT_RECORDS_SETTINGS)
    assert warnings == [] and all(r["needs_review"] == [] for r in out)


def test_a_table_overviews_name_over_two_lines_is_one_name(corrections):
    from pipeline.records.segment import segment_text
    profile = corrections.profile_for(None)[0]
    text = "1. Modellprojekte Smart Cities 2023\n\nGroßstädte\n\n\n\n\n2. Übersicht Modellprojekte 2023\n\n" \
           "Modellprojekt\nAachen\nZittau in Kooperation mit Ebersbach-Neugersdorf und\nOderwitz\n\nBundesland\n" \
           "Nordrhein-Westfalen\nSachsen\n"
    layout = segment_text(text, profile)
    assert layout.listed == ["Aachen", "Zittau in Kooperation mit Ebersbach-Neugersdorf und Oderwitz"]
def test_a_name_is_checked_against_a_table_overviews_names(corrections, tmp_path):
    """A table overview gives no overview entries, but its names: a name the reading lost the
    umlauts of ('Gorlitz') takes the table's spelling, flagged, as it does an entry's."""
    from pipeline.read.load import load_source
    from pipeline.run import extract_brochure
    text = ("1. Modellprojekte Smart Cities 2021\n\nGroßstädte\n\nGorlitz\n\nKleinere Großstadt · Sachsen\n\n"
            "Projekttitel: Vernetzt in der Stadt\n\nMotto: Gemeinsam für alle\n\n"
            "Die Stadt will ihre Daten offen teilen und die Bürgerinnen und Bürger an allen Entscheidungen "
            "beteiligen. Dafür werden neue digitale Werkzeuge entwickelt.\n\n\n\n\n"
            "2. Übersicht Modellprojekte Smart Cities 2021\n\nModellprojekt Bundesland Kategorie\n\n"
            "Görlitz Sachsen Großstädte\n\nStralsund Mecklenburg-Vorpommern Mittelstädte\n")
    path = tmp_path / "brochure.txt"
    path.write_text(text, encoding="utf-8")
    projects = extract_brochure(load_source(path), corrections, use_overrides=False).brochure.projects
    assert [(p.name, "name" in p.needs_review) for p in projects] == [("Görlitz", True)]


def test_a_table_overview_read_by_rows_then_by_columns_gives_every_name_and_land(corrections):
    """An OCR read the table's first rows one by one, then the rest column by column: the names'
    run ('Schöneck' / … / 'Schotten in Kooperation mit Grebenhain' / 'und Alsfeld'), then as many
    Länder. Every name is listed (no cell's second line goes on a row's name), each with its Land."""
    from pipeline.records.garbled_land import overview_lands
    from pipeline.records.segment import text_to_lines
    text, layout, profile = overview_layout(
        "Modellprojekt Bundesland Kategorie\nBremerhaven Bremen Großstädte\nHomburg Saarland Mittelstädte\n\n"
        "Schöneck\nVogelsbergkreis\n\nSchotten in Kooperation mit Grebenhain\nund Alsfeld\n\n"
        "Hessen\nHessen\n\nHessen\n\nKleinstädte und\nLandgemeinden\n", corrections)
    names = ["Bremerhaven", "Homburg", "Schöneck", "Vogelsbergkreis", "Schotten in Kooperation mit Grebenhain und Alsfeld"]
    assert layout.listed == names
    lands = ["Bremen", "Saarland", "Hessen", "Hessen", "Hessen"]
    assert overview_lands(text_to_lines(text), layout.parts, profile) == list(zip(names, lands))


def overview_layout(overview: str, corrections):
    """An edition of no project pages and the overview given -> (its text, its layout, the profile)."""
    from pipeline.records.segment import segment_text
    profile = corrections.profile_for(None)[0]
    text = "1. Modellprojekte Smart Cities 2023\n\nGroßstädte\n\n\n\n\n2. Übersicht Modellprojekte 2023\n\n" + overview
    return text, segment_text(text, profile), profile


def test_a_table_overviews_section_column_read_over_late_lander_lists_no_section(corrections):
    """A table read column by column whose section column ('Mittelstädte' / 'Kleinstädte und' /
    'Landgemeinden') stands over the Länder of its last rows read late: the section's cells are no
    run of names, however many Länder follow them."""
    from pipeline.records.segment import segment_text
    profile = corrections.profile_for(None)[0]
    text = ("1. Modellprojekte Smart Cities 2023\n\nGroßstädte\n\n\n\n\n2. Übersicht Modellprojekte Smart Cities 2023\n\n"
            "Modellprojekt\nGöttingen\nNeumünster\n\nLandkreis Tübingen\n\nBundesland\nNiedersachsen\n"
            "Schleswig-Holstein\n\nKategorie\nGroßstädte\nMittelstädte\nKleinstädte und\nLandgemeinden\n\n"
            "Baden-Württemberg Interkommunale\n\nNiedersachsen\n\nKooperationen und\nLandkreise\n")
    assert segment_text(text, profile).listed == ["Göttingen", "Neumünster", "Landkreis Tübingen"]


def test_a_table_overview_read_by_columns_then_by_rows_gives_every_name(corrections):
    """An OCR read the table's first rows column by column and its longer rows one by one after
    the names' column: those rows' names are listed too; a column name's second line is none."""
    _, layout, _ = overview_layout(
        "Modellprojekt\nErfurt\nHersbruck in Kooperation mit Lauf und\nRöthenbach\n\nBundesland\nThüringen\nBayern\n"
        "Sachsen\nSteinheim in Kooperation mit Nieheim und Nordrhein-Westfalen Interkommunale\n\nBad Driburg\n\n"
        "Landkreis Fürstenfeldbruck\n\nBayern\n\nKategorie\nGroßstädte\n\nBundesinstitut für Bau-, Stadt- und Raumforschung\n",
        corrections)
    assert layout.listed == ["Erfurt", "Hersbruck in Kooperation mit Lauf und Röthenbach",
                                             "Steinheim in Kooperation mit Nieheim und Bad Driburg",
                                             "Landkreis Fürstenfeldbruck"]


def test_a_footer_on_every_page_is_no_entry_of_the_overview_it_ends(corrections):
    """The overview's page ends, as every page does, with the publisher's footer: no project is
    listed by it (it made the last record's neighbours flagged for a record never found)."""
    from pipeline.records.segment import segment_text
    profile = corrections.profile_for(None)[0]
    footer = "Bundesamt für Beispiele und Muster"
    page = "{name}\nGroße Großstadt · Hessen\n\nProjekttitel: {name} digital\n\nMotto: Gemeinsam\n\n" \
           "Die Stadt baut ein Netz für alle Menschen in ihren Quartieren.\n\n" + footer
    pages = [page.format(name=name) for name in ("Kassel", "Darmstadt", "Offenbach", "Hanau")]
    text = "1. Modellprojekte Smart Cities 2023\n\nGroßstädte\n\n" + "\n\n\n\n\n".join(pages) + \
           "\n\n\n\n\n2. Übersicht Modellprojekte 2023\n\nGroßstädte:\n\nKassel\n\nDarmstadt\n\nOffenbach\n\nHanau\n\n" + footer + "\n"
    layout = segment_text(text, profile)
    assert len(layout.projects) == 4
    assert layout.listed == ["Kassel", "Darmstadt", "Offenbach", "Hanau"]


def test_a_name_cut_inside_a_word_takes_the_listed_name_and_is_flagged():
    """'… Ebersbach-Neuger': the OCR lost the heading's end at the picture's edge."""
    from pipeline.records.coverage import with_names_by_position
    listed = ["Aachen", "Löbau in Kooperation mit Zittau und Ebersbach-Neugersdorf"]
    out = with_names_by_position([record("Aachen"), record("Löbau in Kooperation mit Zittau und Ebersbach-Neuger")],
                                 listed, DEFAULT_RECORDS_SETTINGS)
    assert out[1]["name"] == listed[1] and out[1]["needs_review"] == ["name"]
    # a name whose last word is whole is not cut ('Zittau' of 'Zittau-Ost', 'Zittau' of 'Zittau Ost')
    from pipeline.records.coverage import cut_from
    assert not cut_from("Löbau und Zittau", "Löbau und Zittau-Ost") and not cut_from("Löbau und Zittau", "Löbau und Zittau Ost")
    assert cut_from("Löbau und Zitt", "Löbau und Zittau")


def test_an_overview_entry_cut_at_its_cells_end_keeps_the_name_read():
    """'… mit Ebstorfund': a table's cell over two lines whose second line the OCR lost, 'und' glued on."""
    from pipeline.records.coverage import with_names_by_position
    from pipeline.records.name_wrap import listed_as
    name = "Bad Bevensen in Kooperation mit Ebstorf und Bienenbüttel"
    listed = ["Aachen", "Bad Bevensen in Kooperation mit Ebstorfund", "Zeitz"]
    out = with_names_by_position([record("Aachen"), record(name), record("Zeitz")], listed, DEFAULT_RECORDS_SETTINGS)
    assert out[1]["name"] == name
    assert listed_as(name, listed, DEFAULT_RECORDS_SETTINGS.segment.listed_min_score)
    assert not listed_as("Bad Bevensen", listed, DEFAULT_RECORDS_SETTINGS.segment.listed_min_score)


def test_a_table_of_contents_lists_the_names_where_no_overview_does(corrections):
    """'Inhalt' / '1. Modellprojekte …' / sections and names / '2. Übersicht …': where the overview
    gives no names (a table an OCR garbled), the contents' names are the list records are checked against."""
    from pipeline.records.segment import segment_text
    profile = corrections.profile_for(None)[0]
    text = ("Inhalt\n\n1. Modellprojekte Smart Cities 2023\n\nGroßstädte\nOsnabrück\nMönchengladbach .... 7\n\n"
            "Mittelstädte\nStraubing\n\n2. Übersicht Modellprojekte Smart Cities 2023\n\n\n\n"
            "1. Modellprojekte Smart Cities 2023\n\nGroßstädte\n\nOsnabrück\n\nKleinere Großstadt · Niedersachsen\n\n"
            "Text über Osnabrück.\nMehr Text.\nNoch mehr Text.\nUnd mehr.\n\n\n\n"
            "2. Übersicht Modellprojekte Smart Cities 2023\n\nOMAAN DOM KR KR W\n")
    layout = segment_text(text, profile)
    assert layout.listed == ["Osnabrück", "Mönchengladbach", "Straubing"]
    assert [b.name for b in layout.projects] == ["Osnabrück"]


def test_a_name_the_overview_prints_misread_is_kept_as_read_and_matched():
    """'LuUneburg' in the overview, 'Lüneburg' over the header (repaired): one name read two ways."""
    from pipeline.records.coverage import listed_to_records, with_names_by_position
    listed = ["Aachen", "LuUneburg", "Zeitz"]
    records = [record("Aachen"), record("Lüneburg"), record("Zeitz")]
    assert listed_to_records(records, listed, DEFAULT_RECORDS_SETTINGS) == {0: 0, 1: 1, 2: 2}
    out, warnings = with_coverage(with_names_by_position(records, listed, DEFAULT_RECORDS_SETTINGS), listed,
                                  DEFAULT_RECORDS_SETTINGS)
    assert [r["name"] for r in out] == ["Aachen", "Lüneburg", "Zeitz"] and warnings == []
    assert out[1]["needs_review"] == ["name"]  # the overview's other reading is named
    # a running header read as the name is no reading of the listed one: the overview's name is taken
    out = with_names_by_position([record("Aachen"), record("Modellprojekte Smart Cities"), record("Zeitz")],
                                 ["Aachen", "Lüneburg", "Zeitz"], DEFAULT_RECORDS_SETTINGS)
    assert out[1]["name"] == "Lüneburg"


def test_a_name_read_without_its_umlauts_takes_the_overviews_and_is_flagged():
    from pipeline.records.coverage import with_names_by_position
    out = with_names_by_position([record("Aachen"), record("Gorlitz"), record("Zeitz")], ["Aachen", "Görlitz", "Zeitz"],
                                 DEFAULT_RECORDS_SETTINGS)
    assert out[1]["name"] == "Görlitz" and out[1]["needs_review"] == ["name"]


def test_a_name_misread_where_the_overviews_reading_is_a_known_place_takes_the_overviews(lexicon):
    """'Muhihausen' over the header, 'Mühlhausen' in the overview: one name read two ways, and only
    the overview's words are in the word lists, so its reading is taken, flagged. Without the word
    lists both readings stand as they are, the name flagged."""
    from pipeline.records.coverage import with_names_by_position
    records, listed = [record("Aachen"), record("Muhihausen"), record("Zeitz")], ["Aachen", "Mühlhausen", "Zeitz"]
    out = with_names_by_position(records, listed, DEFAULT_RECORDS_SETTINGS, lexicon)
    assert out[1]["name"] == "Mühlhausen" and "the overview's was taken" in out[1]["review_notes"]["name"]
    out = with_names_by_position(records, listed, DEFAULT_RECORDS_SETTINGS)
    assert out[1]["name"] == "Muhihausen" and out[1]["needs_review"] == ["name"]


def test_a_forewords_lines_after_the_contents_are_no_names(corrections):
    from pipeline.records.segment import segment_text
    profile = corrections.profile_for(None)[0]
    text = ("Inhalt\n\n1. Modellprojekte Smart Cities 2023\n\nGroßstädte\nOsnabrück\n\n\n\nVorwort\n\n"
            "Liebe Leserinnen und Leser,\ndie Modellprojekte zeigen, wie\nStädte sich wandeln.\n\n\n\n"
            "1. Modellprojekte Smart Cities 2023\n\nGroßstädte\n\nOsnabrück\n\nKleinere Großstadt · Niedersachsen\n\n"
            "Text über Osnabrück.\nMehr Text.\nNoch mehr Text.\nUnd mehr.\nUnd noch mehr Text hier.\n")
    assert segment_text(text, profile).listed == ["Osnabrück"]


def test_a_name_an_ocr_lost_middle_words_of_takes_the_overviews_name_at_its_place():
    """'Herrnhut in Kooperation mit Zittau' read for '… mit Löbau und Zittau': it begins one entry
    ('… mit Zittau und Oderwitz') and holds the words of another with some lost, so the name
    check keeps it, flagged, naming both; the overview's order then gives it the one at its place
    (the other is the next record's name)."""
    from pipeline.records.coverage import with_names_by_position
    from pipeline.records.names import name_against_overview
    listed = ("Aachen", "Herrnhut in Kooperation mit Löbau und Zittau", "Herrnhut in Kooperation mit Zittau und Oderwitz")
    reading = name_against_overview("Herrnhut in Kooperation mit Zittau", listed, DEFAULT_RECORDS_SETTINGS)
    assert reading.name == "Herrnhut in Kooperation mit Zittau" and "hold its words" in reading.doubts[0].note
    out = with_names_by_position([record("Aachen"), record(reading.name), record(listed[2])], list(listed),
                                 DEFAULT_RECORDS_SETTINGS)
    assert [r["name"] for r in out] == list(listed) and out[1]["needs_review"] == ["name"]


def test_a_title_spelling_the_name_as_it_was_read_is_flagged_where_the_overviews_is_taken(lexicon):
    """'Dessau-Roglau' over the header and in the title, 'Dessau-Roßlau' in the overview: the
    overview's is taken for the name, and the title, which holds the same misreading, is flagged;
    a title spelling the name as the overview does is not."""
    from pipeline.records.coverage import with_names_by_position
    listed = ["Aachen", "Dessau-Roßlau", "Zeitz"]
    for title, flagged in (("Dessau-Roglau gemeinsam: Innenstadt im Wandel", True),
                           ("Dessau-Roßlau gemeinsam: Innenstadt im Wandel", False)):
        misread = {**record("Dessau-Roglau"), "title": title, "motto": "Zusammen in die Region"}
        out = with_names_by_position([record("Aachen"), misread, record("Zeitz")], listed, DEFAULT_RECORDS_SETTINGS,
                                     lexicon)
        assert out[1]["name"] == "Dessau-Roßlau"
        assert ("title" in out[1]["needs_review"]) == flagged, title


def test_a_name_an_ocr_read_without_its_umlauts_takes_the_overviews_noted_not_flagged():
    """'Gorlitz' read, 'Görlitz' listed: an OCR loses umlauts and adds none, so the overview's
    letters are the name's; taken, with the reading in a note, and no review asked for."""
    from pipeline.records.names import name_against_overview
    reading = name_against_overview("Gorlitz", ("Aachen", "Görlitz"), DEFAULT_RECORDS_SETTINGS)
    assert reading.name == "Görlitz"
    assert [(d.field, d.flagged, "read 'Gorlitz'" in d.note) for d in reading.doubts] == [("name", False, True)]
