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
    specked = "Bienenbüttel in Kooperation mit e Suderburg und Ebstorf"  # a speck between the words
    reading = name_with_words_lost(NameReading(specked), LISTED, S)
    assert reading.name == LISTED[0] and reading.debris == ("e",) and [d.field for d in reading.doubts] == ["name"]


def test_a_doubled_dash_and_a_doubled_last_letter_are_flagged(lexicon):
    fields = {"name": "Zwönitz", "title": "Klug verbunden -— eine grüne Stadt", "motto": "Gemeinsam fürr alle"}
    assert [d.field for d in misread_mark_doubts(fields, lexicon)] == ["title", "motto"]
    fields = {"name": "Zwönitz", "title": "Klug verbunden – eine grüne Stadt", "motto": "Denn alle wollen mit"}
    assert misread_mark_doubts(fields, lexicon) == []
    fields = {"name": "Zwönitz", "title": "Zusammen iin die Zukunft", "motto": "Zusammen in die Zukunft"}
    assert [(d.field, "'iin' could be 'in'" in d.note) for d in misread_mark_doubts(fields, lexicon)] == [("title", True)]


def test_a_sign_between_a_words_letters_in_a_title_is_flagged_and_a_gender_star_is_not(lexicon):
    fields = {"name": "Dessau-Roßlau", "title": "Dessau-Ro®lau smart: Ortskerne im Wandel",
              "motto": "Für alle Bürger*innen und Bürger:innen"}
    doubts = misread_mark_doubts(fields, lexicon)
    assert [(d.field, "'Ro®lau'" in d.note) for d in doubts] == [("title", True)]


def test_a_title_with_a_sentence_inside_is_flagged_and_a_slogans_are_not():
    from pipeline.records.value_doubts import sentence_inside_value_doubts
    fields = {"title": "Dörfern nur zweimal am Tag. Erfurt klug: Zukunft für alle",
              "motto": "Zukunft. Gemeinsam. Gestalten."}
    assert [d.field for d in sentence_inside_value_doubts(fields)] == ["title"]
    assert not sentence_inside_value_doubts({"title": "Görlitz offen: Teilhabe für alle", "motto": "St. Ingbert klug"})
    assert not sentence_inside_value_doubts({"title": "Smart City Potsdam - Innovativ. Grün. Gerecht."})


def test_a_word_the_scans_ocr_was_unsure_of_flags_the_value_that_holds_it(corrections):
    """Tesseract's own doubt travels from its TSV to the record: a title holding a word it read
    below UNSURE_CONFIDENCE is flagged; a doubtful word the value does not hold, or one the
    brochure's overview prints alike, is no reason."""
    from pipeline.read.load import Source
    from pipeline.read.pdf_text import tsv_to_words, words_to_text
    from pipeline.run import extract_brochure
    from tests.conftest import CASES

    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    rows = [f"5\t1\t1\t1\t1\t{i}\t{100 + 60 * i}\t400\t50\t20\t{conf}\t{word}"
            for i, (word, conf) in enumerate((("Teilen", 96.5), ("Vale", 31.0), ("Turale", 44.0)))]
    page = words_to_text(tsv_to_words("\n".join([header, *rows]), 0.24), 595, 842)
    assert page.unsure == ((0, "Vale"), (0, "Turale"))

    text = (CASES / "brochure_mini" / "input.txt").read_text(encoding="utf-8")
    line = text.index("Projekttitel: Tiibingen teilt Wissen")

    def title_notes(unsure):
        source = Source("x.pdf", "0" * 64, "pdf-ocr", "pdf", text, False, unsure=unsure)
        projects = extract_brochure(source, corrections).brochure.projects
        return next(p.review_notes.get("title", "") for p in projects if (p.title or "").endswith("teilt Wissen"))

    assert "unsure of 'teilt'" in title_notes(((line, "teilt"),))
    assert "unsure" not in title_notes(((line, "Tübingen"),))  # the overview prints it alike: another reading
    assert "unsure" not in title_notes(((line, "Motto"),)) and "unsure" not in title_notes(())


def test_an_unsure_word_in_a_value_read_from_a_rows_end_is_found_by_the_rows_start():
    """A value read from a row's end (a LabelTail) starts inside its line; Tesseract's doubt is kept
    per line, so the line is looked up by its start."""
    from pipeline.records.line_end_labels import LabelTail
    from pipeline.records.names import unsure_reading_doubts
    from pipeline.repair.clean import Cleaned

    text = "Einleitung\nDer Text geht weiter Vale Turale\n"
    cleaned = Cleaned(text, text, [], list(range(len(text) + 1)), True)
    row = text.index("Der Text")
    tail = LabelTail(1, text.index("Vale"), "Vale Turale")
    doubts = unsure_reading_doubts({"title": [tail]}, {row: ("Vale",)}, cleaned, {"title": "Vale Turale"})
    assert [d.field for d in doubts] == ["title"]


def test_a_title_with_no_motto_label_read_after_it_is_flagged(corrections):
    """No motto label read ('Morro: . . .' is none): the lines after the title's label line are
    taken as the motto, and where the title ends is not known. A motto label printed under its
    value was read: then the title is not in doubt."""
    from pipeline.run import extract_brochure

    from .test_labelled import load_source_text

    def record(after_title: str):
        text = ("1. Modellprojekte Smart Cities 2023\n\nKleinstädte und Landgemeinden\n\nOberstdorf\n"
                "Kleine Kleinstadt · Bayern\n\nProjekttitel: Verwaltung nah am Menschen\n"
                f"{after_title}\n\nDie Gemeinde baut eine neue Verwaltung für alle Bürgerinnen und Bürger.\n")
        return extract_brochure(load_source_text(text), corrections, use_overrides=False).brochure.projects[0]

    unread = record("Oberstdorf smart:\nKlimaschutz für alle\n\nMorro: . . .")
    assert unread.motto == "Oberstdorf smart: Klimaschutz für alle" and "title" in unread.needs_review
    assert "no motto label" in unread.review_notes["title"]
    under = record("\nOberstdorf smart:\nKlimaschutz für alle\n\nMotto:")
    assert under.motto == "Oberstdorf smart: Klimaschutz für alle" and "title" not in under.needs_review
