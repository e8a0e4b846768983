"""Overrides and validation on small records."""
import pytest

from pipeline.corrections import Override, OverrideFile
from pipeline.records.overrides import apply_overrides
from pipeline.validate.records import records_to_projects


def record(**changes):
    base = {"id": "musterstadt", "name": "Musterstadt", "category": "Großstädte", "category_printed": "Großstädte",
            "size_class": "Kleinere Großstadt", "states": ["Hessen"], "state_codes": ["DE-HE"], "title": "Alt", "motto": None, "description": "Text.", "page": None,
            "needs_review": ["title", "motto"], "review_notes": {"title": "label empty", "motto": "no value"}}
    return {**base, **changes}


def overrides(year=2030, rec="musterstadt"):
    return [OverrideFile(edition=year, overrides=[Override(record=rec, field="title", value="Neu", reviewer="A. Prüferin", reason="im Druck geprüft")])]


def test_override_sets_the_value_and_keeps_the_automatic_one():
    [out], warnings = apply_overrides([record()], overrides(), 2030)
    assert out["title"] == "Neu" and warnings == []
    assert out["overrides"]["title"]["automatic"] == "Alt"
    assert out["overrides"]["title"]["automatic_note"] == "label empty"
    assert out["needs_review"] == ["motto"]


def test_override_of_another_edition_is_not_applied():
    [out], _ = apply_overrides([record()], overrides(year=2019), 2030)
    assert out["title"] == "Alt" and "title" in out["needs_review"]


def test_override_for_an_unknown_record_is_reported():
    _, warnings = apply_overrides([record()], overrides(rec="nirgendwo"), 2030)
    assert warnings and "nirgendwo" in warnings[0]


def test_invalid_record_is_rejected_with_its_errors_not_lost():
    projects, rejected = records_to_projects([record(), record(id="atlantis", states=["Atlantis"])])
    assert [p.id for p in projects] == ["musterstadt"]
    [r] = rejected
    assert r.record["id"] == "atlantis"
    assert r.errors[0].field.startswith("states") and "Baden-Württemberg" in r.errors[0].message


def test_state_codes_must_follow_the_states():
    _, rejected = records_to_projects([record(state_codes=["DE-BY"])])
    assert rejected and "state_codes" in rejected[0].errors[0].message


def test_the_schema_lists_the_sixteen_laender_and_their_codes():
    from pipeline.validate.models import Brochure

    project = Brochure.model_json_schema()["$defs"]["Project"]["properties"]
    assert len(project["states"]["items"]["enum"]) == 16 and "Thüringen" in project["states"]["items"]["enum"]
    assert "DE-NW" in project["state_codes"]["items"]["enum"]


def test_an_overridden_name_gives_the_id_and_later_overrides_may_use_it():
    from pipeline.records.ids import with_final_ids

    files = [OverrideFile(edition=2030, overrides=[
        Override(record="gorlitz", field="name", value="Görlitz", reviewer="A. Prüferin", reason="Umlaut verloren"),
        Override(record="goerlitz", field="title", value="Neu", reviewer="A. Prüferin", reason="im Druck geprüft")])]
    [out], warnings = apply_overrides(with_final_ids([record(id="gorlitz", name="Gorlitz")]), files, 2030)
    [final] = with_final_ids([out])
    assert warnings == [] and final["id"] == "goerlitz" and final["title"] == "Neu"


def test_ocr_words_the_repair_could_not_settle_are_flagged(lexicon):
    from pipeline.records.draft import Record
    from pipeline.records.names import doubtful_word_doubts

    fields = {"name": "Cottbus/Chosebuz", "title": "Gesund alter werden", "motto": "Wachsen mit Ma& und Klima_"}
    rec = Record(fields, tuple(doubtful_word_doubts(fields, lexicon)))
    assert rec.needs_review == ["name", "title", "motto"]
    assert "'Chosebuz' is not in the word list" in rec.review_notes["name"]
    assert "'alter' could also be 'älter'" in rec.review_notes["title"]
    assert "'Ma&' looks like unrepaired OCR" in rec.review_notes["motto"]
    assert "'Klima_' looks like unrepaired OCR" in rec.review_notes["motto"]
    # a word behind a single quote an OCR read from a speck ('‘bguite tr Siete') is checked too
    fields = {"name": "Zwönitz", "title": "Zwönitz digital", "motto": "‘bguite tr Siete"}
    assert "'bguite' is not in the word list" in Record(fields, tuple(doubtful_word_doubts(fields, lexicon))).review_notes["motto"]


def test_a_word_no_list_holds_a_letter_off_a_common_one_is_flagged(lexicon):
    """'Nachbarschatt' is in no word list, though a compound estimate ('Nachbar' + 'schatt') gives it
    a frequency: a common word a letter off ('Nachbarschaft') asks whether an OCR misread it.
    Compounds a letter off no common word ('Klimaquartier') are not asked about."""
    from pipeline.records.names import doubtful_word_doubts

    fields = {"name": "Fürstenfeldbruck", "title": "Fürstenfeldbruck: Nachbarschatt für alle", "motto": "Ein Klimaquartier"}
    doubts = doubtful_word_doubts(fields, lexicon)
    assert [(d.field, "'Nachbarschaft'" in d.note) for d in doubts] == [("title", True)]


def test_a_word_far_rarer_than_itself_with_a_letter_doubled_is_flagged(lexicon):
    """'für ale': an OCR read the doubled letter of 'alle' once; 'ale' is a word, but a far rarer one."""
    from pipeline.records.value_doubts import misread_mark_doubts

    fields = {"name": "Lauf an der Pegnitz", "title": "Lauf smart: Nachbarschaft für ale", "motto": "Offen für alle"}
    assert [(d.field, "'alle'" in d.note) for d in misread_mark_doubts(fields, lexicon)] == [("title", True)]


def test_a_title_repeating_a_word_the_name_leaves_in_doubt_is_flagged_too(lexicon):
    """An overview an OCR read alike ('Landkreis Stdwesipfalz' twice) vouches for no garbled word:
    the name's unknown word is questioned, and so is the motto that repeats it."""
    from pipeline.records.draft import flag
    from pipeline.records.names import doubtful_word_doubts

    fields = {"name": "Landkreis Stdwesipfalz", "title": "Digital und nah", "motto": "Mit Daten für Stdwesipfalz"}
    doubts = doubtful_word_doubts(fields, lexicon, ("Landkreis Stdwesipfalz",))
    assert [d.field for d in doubts] == ["name", "motto"]
    earlier = (flag("name", "the OCR was unsure of 'Stdwesipfalz'"),)  # the name's word questioned already
    assert [d.field for d in doubtful_word_doubts(fields, lexicon, ("Landkreis Stdwesipfalz",), earlier)] == ["motto"]


def test_two_words_an_ocr_ran_together_are_flagged_and_compounds_are_not(lexicon):
    """'füralle' scores as a compound of 'für' and 'alle', but a closed-class word ends no compound."""
    from pipeline.records.names import doubtful_word_doubts

    fields = {"name": "Musterstadt", "title": "Heute füralle Generationen", "motto": "Bürgerverein und Umwelt"}
    assert [(d.field, "'für alle'" in d.note) for d in doubtful_word_doubts(fields, lexicon)] == [("title", True)]


def test_an_adjective_before_its_noun_is_not_asked_about_an_umlaut_no_adjective_has(lexicon):
    """'starke Nachbarschaften': 'stärke' is a verb and cannot stand before a noun, so 'starke' is
    not flagged; 'alter' before no noun and 'schone' (no adjective) still are."""
    from pipeline.records.names import doubtful_word_doubts

    fields = {"name": "Zwönitz", "title": "Gemeinsam für starke Nachbarschaften", "motto": "Gesund alter werden"}
    assert [d.field for d in doubtful_word_doubts(fields, lexicon)] == ["motto"]
    assert [d.field for d in doubtful_word_doubts({**fields, "motto": "Eine schone Stadt"}, lexicon)] == ["motto"]


def test_common_words_and_stylised_titles_are_not_flagged(lexicon):
    from pipeline.records.names import doubtful_word_doubts

    fields = {"name": "Landkreis Musterhausen", "title": "Musterst@dt – Raum für Zukunft", "motto": "#2030digital@// STADT_NEXT"}
    assert doubtful_word_doubts(fields, lexicon) == []


def test_description_quality_finds_a_garbled_stretch_that_a_mean_would_hide(lexicon):
    from pipeline.records.body import description_quality
    from pipeline.records.settings import DEFAULT_RECORDS_SETTINGS

    least = DEFAULT_RECORDS_SETTINGS.fields.quality_min_settled

    clean = ("Die Stadt baut ein offenes Datenportal auf, das Verwaltung, Wirtschaft und Bürgerschaft verbindet. "
             "Gemeinsam mit den Stadtwerken entstehen Sensoren für Luftqualität, Verkehr und Energie. ") * 3
    garbled = "Linz kst in wirsschaftlicher, Kuttureler, geselischafbicher und akologischer Hinsicht e 0o bapniccn. "
    assert description_quality(clean, lexicon)[0] >= least
    score, worst = description_quality(clean + garbled + clean, lexicon)
    assert score < least and "geselischafbicher" in worst
    bullets = "- smart arbeiten - smart mobil sein - smarte Infrastruktur nutzen - " * 3
    assert description_quality(bullets, lexicon)[0] >= least  # dashes are no damage
    items = "A2 lebendige Ortskerne B1 Gesundheit und Pflege C3 Wohnen im Quartier D2 Energie und Klima "
    assert description_quality(items, lexicon)[0] >= least  # nor are the marks of a list's items


def test_a_moved_paragraph_keeps_earlier_notes_and_names_are_whole_words():
    from pipeline.records.body import mentions, move_foreign_paragraphs
    from pipeline.records.draft import Record, flag

    halle = Record({"name": "Halle", "description": "Halle baut. Halle plant."}, (flag("description", "an earlier note"),))
    nord = Record({"name": "Nordstadt", "description": "Nordstadt baut.\n\nIn Nordstadt und Nordstadts Mitte entsteht ein Hallenbad."})
    halle, nord = move_foreign_paragraphs([halle, nord])
    assert "an earlier note" in halle.review_notes["description"]
    assert "Hallenbad" in nord.fields["description"]  # 'Hallenbad' names no Halle: nothing moved there
    assert mentions("Hallenbad und Halles Mitte", "Halle") == 1
    other = Record({"name": "Südstadt", "description": "Südstadt plant.\n\nNordstadt baut in Nordstadt."})
    nord2 = Record({"name": "Nordstadt", "description": "Nordstadt baut."}, (flag("description", "flagged before"),))
    other, nord2 = move_foreign_paragraphs([other, nord2])
    assert nord2.fields["description"].endswith("Nordstadt baut in Nordstadt.")
    assert "flagged before" in nord2.review_notes["description"] and "was appended" in nord2.review_notes["description"]
    assert "moved to that project" in other.review_notes["description"] and "description" not in other.needs_review


def test_a_paragraph_saying_der_landkreis_is_no_paragraph_about_a_landkreis_of_the_edition(corrections):
    """'Landkreis Musterau' is spotted by 'Musterau', not by its longest word: another district's
    paragraph that says 'der Landkreis' twice stays where it is."""
    from pipeline.records.body import move_foreign_paragraphs
    from pipeline.records.draft import Record

    musterau = Record({"name": "Landkreis Musterau", "description": "Musterau baut."})
    para = "Der Landkreis prüft, wie Busse fahren. Deshalb dokumentiert der Landkreis die Ergebnisse."
    nordkreis = Record({"name": "Landkreis Nordheide-Kirchwald", "description": f"Nordheide-Kirchwald plant.\n\n{para}"})
    musterau, nordkreis = move_foreign_paragraphs([musterau, nordkreis], generic=corrections.places.generic_words)
    assert nordkreis.fields["description"].endswith(para) and musterau.fields["description"] == "Musterau baut."


def test_a_name_spelt_otherwise_in_its_own_title_is_flagged_but_not_a_derived_word():
    from pipeline.records.names import other_spelling_in_values_doubts

    doubt, in_title = other_spelling_in_values_doubts({"name": "Neumutnster", "title": "Neumünster klug: Innenstadt neu denken",
                                                       "motto": None})
    assert doubt.field == "name" and doubt.flagged and "'Neumünster'" in doubt.note
    assert in_title.field == "title" and "'Neumutnster'" in in_title.note  # one of the two is misread: both are asked
    for name, title in [("Landkreis Musterau", "Musterauer Land digital"), ("Musterland", "Musterl@nd smart"),
                        ("Neumünster", "Neumünster klug")]:
        assert other_spelling_in_values_doubts({"name": name, "title": title, "motto": None}) == [], name


def test_a_record_with_no_description_is_flagged():
    from pipeline.records.body import empty_description_doubts

    [doubt] = empty_description_doubts(" \n", ["Manche Anwendungen werden kaum genutzt."])
    assert doubt.field == "description" and doubt.flagged and "5 words went to figure_text" in doubt.note
    assert empty_description_doubts("", []) and not empty_description_doubts("Die Stadt baut.", ["Logo"])


def test_a_title_or_motto_a_reviewer_set_aside_stays_the_pages_figure_text():
    """The automatic motto a reviewer removed, or a title replaced by other words, was the page's
    text: it goes to figure_text. A misreading mended ('Newe' for 'Neue') does not."""
    files = [OverrideFile(edition=2030, overrides=[
        Override(record="musterstadt", field="motto", value=None, reviewer="A. Prüferin", reason="Bildtext"),
        Override(record="musterstadt", field="title", value="Neue Räume für alle", reviewer="A. Prüferin", reason="Druck")])]
    rec = record(title="Newe Räume für alle", motto="Lausitzer Woche der digitalen Wirtschaft", figure_text=["Logo"])
    [out], _ = apply_overrides([rec], files, 2030)
    assert out["figure_text"] == ["Logo", "Lausitzer Woche der digitalen Wirtschaft"] and out["motto"] is None


@pytest.mark.parametrize("title, flagged", [
    ("Dennoch bleibt der persönliche Kontakt wichtig: Bürgerbüros", True),
    ("Deshalb wird die Stadt ihre Daten öffnen", True),
    ("Hier entsteht Zukunft", False),
    ("Zusammen wachsen: Stadt und Land im Dialog", False),
    ("Beelitz klug: Daseinsvorsorge im Wandel", False),
])
def test_a_title_opening_on_an_adverb_and_its_verb_reads_as_running_text(title, flagged, lexicon):
    """A line of the text beside the label read as the title: an adverb and a finite verb open it, a
    sentence's start; a short slogan so made, and titles without a finite verb second, are none."""
    from pipeline.records.extract import running_text_value_doubts
    from pipeline.records.settings import DEFAULT_RECORDS_SETTINGS
    fields = {"title": title, "motto": "Gemeinsam für morgen"}
    assert bool(running_text_value_doubts(fields, DEFAULT_RECORDS_SETTINGS, lexicon)) == flagged


def test_sections_a_pdfs_running_headers_name_are_printed_sections(corrections):
    """A design naming its sections only in running headers, which a PDF's reading takes out: the
    sections they name count as printed, so a record under no heading takes its size class's
    section noted, not flagged (category_doubts)."""
    from pipeline.records.extract import printed_sections
    from pipeline.records.segment import segment_text
    from pipeline.records.settings import DEFAULT_RECORDS_SETTINGS
    profile = corrections.profile_for(None)[0]
    text = "1. Modellprojekte Smart Cities 2023\n\nMalchow\n\nLandgemeinde · Mecklenburg-Vorpommern\n\n" \
           "Projekttitel: Malchow klug\nMotto: Heute\n\nText.\n"
    layout = segment_text(text, profile, DEFAULT_RECORDS_SETTINGS)
    removed = ("Modellprojekte Smart Cities | Kleinstädte und Landgemeinden", "Bundesinstitut für Bau-, Stadt- und Raumforschung")
    assert "Kleinstädte und Landgemeinden" in printed_sections(layout, removed, profile, DEFAULT_RECORDS_SETTINGS)
    assert "Kleinstädte und Landgemeinden" not in printed_sections(layout, removed[1:], profile, DEFAULT_RECORDS_SETTINGS)


def test_a_repair_left_undone_in_a_value_settled_otherwise_is_not_asked_about():
    """'Mucke' could be 'Mücke' (a suggestion the repair did not dare to apply) on the name's line;
    where the name as output holds 'Mücke' (the overview's spelling taken) the question is
    settled; where it holds 'Mucke' it stays."""
    from types import SimpleNamespace
    from pipeline.records.names import uncertain_edit_doubts
    from pipeline.records.segment import Line
    edit = SimpleNamespace(start=14, rule="umlaut:u>ü", doubtful=True, applied=False, word_before="Mucke",
                           word_after="Mücke")
    cleaned = SimpleNamespace(raw_offset=lambda offset: offset, edits=[edit])
    lines = {"name": [Line(0, 0, "Lauterbach mit Mucke")]}
    assert uncertain_edit_doubts(lines, cleaned, {"name": "Lauterbach mit Mücke"}) == []
    assert [d.field for d in uncertain_edit_doubts(lines, cleaned, {"name": "Lauterbach mit Mucke"})] == ["name"]
