"""An OCR's small misreadings in a name, title or motto (records/value_doubts.py)."""
from pipeline.records.names import NameReading
from pipeline.records.settings import DEFAULT_RECORDS_SETTINGS as S
from pipeline.records.value_doubts import misread_mark_doubts, name_with_words_lost

LISTED = ("Bienenbüttel in Kooperation mit Suderburg und Ebstorf", "Zwönitz")


def test_a_name_that_lost_words_of_its_overview_entry_takes_the_entry_flagged():
    for read in ("Bienenbüttel in Kooperation Suderburg und Ebstorf", "Bienenbüttel in Kooperation n Suderburg und Ebstorf"):
        reading = name_with_words_lost(NameReading(read), LISTED, S)
        assert reading.name == LISTED[0] and [d.field for d in reading.doubts] == ["name"]
        assert reading.debris == (("n",) if " n " in read else ())  # a speck goes to figure_text, not lost
    assert name_with_words_lost(NameReading("Zwönitz"), LISTED, S) == NameReading("Zwönitz")


def test_a_doubled_dash_and_a_doubled_last_letter_are_flagged(lexicon):
    fields = {"name": "Zwönitz", "title": "Klug verbunden -— eine grüne Stadt", "motto": "Gemeinsam fürr alle"}
    assert [d.field for d in misread_mark_doubts(fields, lexicon)] == ["title", "motto"]
    fields = {"name": "Zwönitz", "title": "Klug verbunden – eine grüne Stadt", "motto": "Denn alle wollen mit"}
    assert misread_mark_doubts(fields, lexicon) == []


def test_a_title_with_a_sentence_inside_is_flagged_and_a_slogans_are_not():
    from pipeline.records.value_doubts import sentence_inside_value_doubts
    fields = {"title": "Dörfern nur zweimal am Tag. Erfurt klug: Zukunft für alle",
              "motto": "Zukunft. Gemeinsam. Gestalten."}
    assert [d.field for d in sentence_inside_value_doubts(fields)] == ["title"]
    assert not sentence_inside_value_doubts({"title": "Görlitz offen: Teilhabe für alle", "motto": "St. Ingbert klug"})
    assert not sentence_inside_value_doubts({"title": "Smart City Potsdam - Innovativ. Grün. Gerecht."})
