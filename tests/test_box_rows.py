"""A header's box an OCR ran into the rows of the text beside it (issue 28, OCR routes): labels
at the rows' ends, values read from the rows' ends, and labels an OCR misread alone on a line."""
import pytest

from pipeline.records.header import labelled_under_size_line
from pipeline.records.labels import known_labels, read_labelled_block
from pipeline.records.segment import text_to_lines, value_reads_as
from pipeline.records.settings import DEFAULT_RECORDS_SETTINGS as S


@pytest.fixture
def profile(corrections):
    return corrections.profile_for(None)[0]


def nonblank(text):
    return [l for l in text_to_lines(text) if not l.blank]


def block_of(text, profile):
    """The labelled block read at the text's first line, with the profile's Länder and size classes."""
    return read_labelled_block(nonblank(text), 0, known_labels(profile), S.segment.wrapped_max_gap,
                               lambda f, t: value_reads_as(f, t, profile, S))


def test_a_title_label_at_a_rows_end_under_a_size_line_is_read_from_the_rows_ends(profile):
    """The title's label ends a text row; its value's lines are the next rows' ends at about the
    label's column (of two words as near, the capitalised one opens a value); a label after a
    speck ('. MOTTO:') and a value alone in a row under it are the box's too. The rows stay text;
    the values are unsure (flagged)."""
    text = ("Dorffeste, Nachbarschaftstreffen und gemeinsame Arbeitseinsätze bleiben PROJEKTTITEL:\n"
            "wichtig. Mitglieder erhalten Nachrichten auf ihr Telefon, wenn sich Termine Fürth gemeinsam: Nachbarschaft\n"
            "ändern. Angehörige, die weit entfernt wohnen, können mit Zustimmung der gestalten\n"
            "Betroffenen über eine gemeinsame Übersicht verfolgen, ob die Versorgung\n"
            ". MOTTO:\nfunktioniert.\nKlug verbunden – morgen\nEINWOHNER:\n183.742\n")
    block = labelled_under_size_line(nonblank(text), profile, S)
    assert block.get("title").value == "Fürth gemeinsam: Nachbarschaft gestalten" and block.get("title").unsure
    assert block.get("motto").value == "Klug verbunden – morgen"
    assert not block.line_numbers & {0, 1, 2, 3, 5}  # the text's rows stay text


def test_a_box_value_ends_where_a_row_end_does_not_go_on_it(profile):
    """After 'Innenstadt gestalten' (a box's line alone: the text beside it had a paragraph's end)
    a row's end in lower case ('nicht') is the text's: the value has ended. A paragraph's last
    line well short of the column is followed by the box's line ('informiert. Quartiere …')."""
    text = ("Plattformen für Nachbarschaftshilfe bringen Menschen PROJEKTTITEL:\n\n"
            "zusammen, die Unterstützung anbieten oder benötigen. Füssen nachhaltig:\nInnenstadt gestalten\n\n"
            "Dennoch zeigt sich, dass Technik allein den Unterricht nicht\n"
            "verbessert. Heute pendeln viele Bewohnerinnen und Bewohner täglich in die größeren Städte\n")
    assert labelled_under_size_line(nonblank(text), profile, S).get("title").value == "Füssen nachhaltig: Innenstadt gestalten"
    text = ("Angriffe auf Rechner der Verwaltung können Dienste PROJEKTTITEL:\n\n"
            "tagelang lahmlegen. Eigentümer werden angeschrieben und Wernigerode klug:\n\n"
            "über Fördermöglichkeiten informiert. Quartiere gestalten\n\nEINWOHNER:\n175.524\n")
    assert labelled_under_size_line(nonblank(text), profile, S).get("title").value == "Wernigerode klug: Quartiere gestalten"


def test_a_title_label_at_the_end_of_prose_with_no_box_beside_the_rows_is_no_header(profile):
    """No row after it has an end at the label's column: the rows are text only, nothing is taken."""
    text = ("Ein mobiles Bürgerbüro fährt so berechnet, dass möglichst PROJEKTTITEL:\n\n"
            "an festen Tagen durch die\nDörfer, sodass Ausweise\nbeantragt, Gebühren bezahlt\n")
    assert labelled_under_size_line(nonblank(text), profile, S) is None


@pytest.mark.parametrize("label, read", [("Morro:", True), ("MOTTE:", True), ("Mehr:", False), ("Foto:", False),
                                         ("Morro: Heute", False)])
def test_a_word_and_a_colon_alone_in_a_block_like_a_label_not_yet_had_is_that_label(label, read, profile):
    """'Morro:' (small capitals whose 'T' an OCR read as 'r') after the title's value is the
    motto's label, read by its likeness (fuzzy: flagged); a word less like one, a short word or a
    word with text after it is not, and goes on the title's value as before."""
    text = f"PROJEKTTITEL:\nEberswalde smart:\nDaseinsvorsorge gestalten\n\n{label}\nHeute für alle Generationen\n"
    block = block_of(text, profile)
    motto = block.get("motto")
    assert (motto is not None and motto.value == "Heute für alle Generationen" and motto.fuzzy) == read
    assert block.get("title").value.startswith("Eberswalde smart: Daseinsvorsorge gestalten")


@pytest.mark.parametrize("label, read", [("MorrTo:", True), ("Mitte", False)])
def test_a_word_and_a_colon_in_a_column_of_labels_over_one_more_like_a_label_is_that_label(label, read, profile):
    """A key/value header an OCR read as its labels, then its values: 'MorrTo:' (small capitals
    misread) stands between 'PROJEKTTITEL:' and 'EINWOHNER:', all with a colon; it is the motto's
    label, and the values below go to their labels in order. A word without a colon is no label."""
    text = (f"BUNDESLAND:\nGRÖSSENKLASSE:\nPROJEKTTITEL:\n{label}\nEINWOHNER:\n\nBayern\n"
            "Interkommunale Kooperationen/Landkreis\nFürstenfeldbruck offen: Quartiere neu denken\n"
            "Digital und nah: die Region\n45.414\n")
    block = block_of(text, profile)
    motto = block.get("motto")
    assert (motto is not None and motto.value == "Digital und nah: die Region" and motto.fuzzy) == read


def test_a_speck_after_an_overview_entry_is_no_word_of_the_name():
    """'… und Oderwitz =' in the overview is the name read, not a longer name the reading cut."""
    from pipeline.records.names import entries_with_part, name_words
    assert name_words("Zittau in Kooperation mit Herrnhut und Oderwitz =")[-1] == "oderwitz"
    assert entries_with_part("Zittau in Kooperation mit Herrnhut und Oderwitz",
                             ("Zittau in Kooperation mit Herrnhut und Oderwitz =",)) == []
    assert entries_with_part("Landkreis", ("Landkreis Tübingen",)) == ["Landkreis Tübingen"]


@pytest.mark.parametrize("title, motto, flagged", [
    ("Die Software steht unter einer", "Heute für alle", ["title"]),
    ("Haushalte können ihre", "einschalten.", ["title", "motto"]),
    ("Rheine gemeinsam: Region im Wandel", "Übertragen und an örtliche", ["motto"]),
    ("Rheine gemeinsam: Region im Wandel", "meer.zukunft.seen.", []),
    ("Füssen nachhaltig: Innenstadt gestalten", "Klug verbunden – eine grüne Stadt", []),
    ("Steinheim klug: Region für alle", "- Gemeinsam für starke Nachbarschaften", ["motto"]),
    ("0 Lauf an der Pegnitz smart: Nachbarschaft", "Gemeinsam für morgen toy 360 -", ["title", "motto"]),
    ("Märkisch-Oderland —", "5G für alle", ["title"]),
    ("Görlitz gemeinsam: Daseinsvorsorge gestalten", "gewonnenen Erfahrungen", ["motto"]),
    ("stadt.land.smart", "nextlevel #KlimaStadt #MitmachStadt", []),
    ("digital vernetzt", "mit Herz", []),
    ("Im Herbst feiert die Gemeinde ihr", "Wer heute die Grundlagen legt, schafft", ["title", "motto"]),
    ("Region für alle", "Wer mitmacht gewinnt", []),
])
def test_a_title_or_motto_that_stops_short_is_flagged(title, motto, flagged, corrections):
    """A line of the text beside a sidebar read as the value stops on a word that goes on, or is a
    sentence's end in lower case; a slogan with stops inside it and a whole value are no such line."""
    from pipeline.language.lexicon import Lexicon
    from pipeline.records.value_doubts import unfinished_value_doubts
    doubts = unfinished_value_doubts({"title": title, "motto": motto}, Lexicon(corrections.lexicon.words))
    assert [d.field for d in doubts] == flagged


def test_a_column_of_values_that_names_the_project_goes_before_a_box_of_keywords(profile):
    """A table's labels read before the text, their values after it; a box of keywords between
    looks like values too, but only the column whose first value names the project is taken
    (in OCR text: header.names_project, by a word of the name no section or size class has)."""
    from pipeline.records.header import names_project
    text = ("PROJEKTTITEL\nMotto\n\nFÖRDERPHASE Strategiephase\n\n"
            "Über eine App sehen die Mitglieder, wann der Strom günstig ist, und können ihre Geräte laufen lassen.\n\n"
            "Schwerpunkte\nMobilität und Energie\nBildung und Beteiligung\n\n"
            "Die Kommunen nutzen digitale Werkzeuge, um Flächen zu finden und Bauvorhaben transparent zu machen.\n\n"
            "Görlitz offen: Quartiere für alle\n\nGemeinsam für ein lebenswertes Görlitz\n\nSommerfest am Hafen.\n")
    lines = nonblank(text)
    assert labelled_under_size_line(lines, profile, S).get("title").value == "Schwerpunkte"  # without: the first run
    block = labelled_under_size_line(lines, profile, S, names_project("Landkreis Görlitz", profile))
    assert (block.get("title").value, block.get("motto").value) == ("Görlitz offen: Quartiere für alle",
                                                                     "Gemeinsam für ein lebenswertes Görlitz")
    assert not names_project("Landkreis Tübingen", profile)("Interkommunale Kooperationen und Landkreise")


def test_a_title_label_an_ocr_read_as_a_piece_ends_the_size_class_before_it(profile):
    """'ro' for 'PROJEKTTITEL:': the size class's value ran on into the title's lines, so no size
    class was read and the record was lost. The size class ends before the piece; the lines after
    it are the title, read by no label (fuzzy and unsure: flagged)."""
    text = ("BUNDESLAND:\nBremen\n\nGRÖSSENKLASSE:\nGroße Großstadt\n\nro\nBremerhaven klug:\nKlimaschutz für alle\n\n"
            "MoTTo:\nDigital und nah: morgen\n")
    block = block_of(text, profile)
    assert block.get("size_class").value == "Große Großstadt"
    title = block.get("title")
    assert title.value == "Bremerhaven klug: Klimaschutz für alle" and title.fuzzy and title.unsure


def test_a_box_value_goes_on_at_the_column_not_after_a_sentences_end_that_does_not_go_on_it(profile):
    """'das Auto angewiesen. Tagsüber ist im Wandel': the row's end at the label's column ('im
    Wandel') goes on the title, the words after the sentence's end do not; rows with no box line
    after it end the value ('annimmt und ältere Menschen' is the text's)."""
    text = ("Mobilität ohne eigenes Auto Wer PROJEKTTITEL\n"
            "auf dem Land lebt, ist häufig auf Lübeck smart: Daseinsvorsorge\n"
            "das Auto angewiesen. Tagsüber ist im Wandel\n\n"
            "eine Mitarbeiterin vor Ort, die\nFragen beantwortet, Pakete\nannimmt und ältere Menschen\n\n"
            "MOTTO\nHeute für eine grüne Stadt\n")
    block = labelled_under_size_line(nonblank(text), profile, S)
    assert block.get("title").value == "Lübeck smart: Daseinsvorsorge im Wandel"
    assert block.get("motto").value == "Heute für eine grüne Stadt"


def test_a_band_of_the_projects_own_section_inside_its_page_ends_no_project(corrections, tmp_path):
    """A project under no section heading whose page holds its section's band ('GROSSSTÄDTE', read
    by the OCR between the labels and their values): the band is the section of its size class, so
    the project goes on past it and its title and motto are found there."""
    from pipeline.read.load import load_source
    from pipeline.run import extract_brochure
    text = ("1. Modellprojekte Smart Cities 2021\n\nKassel\n\nGroße Großstadt · Hessen\n\nPROJEKTTITEL\nMOTTO\n\n"
            "Die Gemeinden unterstützen solche Vorhaben, indem sie Funknetze ausbauen und Daten über Gewässer "
            "bereitstellen. Ein Beispiel ist der digitale Dorfladen.\n\nGROSSSTÄDTE\n\n"
            "Kassel verbunden: Innenstadt gestalten\nZusammen in die Menschen in Kassel\n\n"
            "Solche Projekte stärken das Verständnis zwischen den Nachbarn und zeigen, dass Europa im Alltag "
            "gelebt wird.\n")
    path = tmp_path / "brochure.txt"
    path.write_text(text, encoding="utf-8")
    [project] = extract_brochure(load_source(path), corrections, use_overrides=False).brochure.projects
    assert (project.title, project.motto) == ("Kassel verbunden: Innenstadt gestalten", "Zusammen in die Menschen in Kassel")
    assert "Solche Projekte" in project.description


def test_a_text_row_that_opens_with_a_labels_word_still_ends_in_the_boxs_label(profile):
    """'Land und Stadt arbeiten …' opens with the word of a label (Land) but is the text's row: the
    label at its end, under the box's column, is the box's, and its value is read."""
    rows = [("Die Kommune plant viele neue Wege für alle Menschen.", "BUNDESLAND:"),
            ("Die Betriebe vor Ort im Land sind ebenfalls dabei.", "Bayern"),
            ("Land und Stadt arbeiten dabei eng zusammen, so dass", "GRÖSSENKLASSE:"),
            ("alle etwas davon haben und niemand zurückbleibt.", "Mittelstadt")]
    text = "".join(f"{a:<52} {b}\n" for a, b in rows)
    block = block_of(text, profile)
    assert block.get("states").value == "Bayern"
    assert block.get("size_class").value == "Mittelstadt"


def test_a_title_box_value_begins_at_the_projects_name_when_the_labels_row_misplaced_the_column(profile):
    """The title's label row holds a word more than the column ('… Vermittlung. PROJEKTTITEL'), so
    the label stands right of the value's column: the row's word that names the project ('Schöneck')
    begins the value (the row's end at the label's column, 'Teilhabe', does not name it), and the
    next rows' ends are read at its column."""
    from pipeline.records.header import names_project
    text = ("Gleichzeitig müssen die Vermittlung. PROJEKTTITEL\n"
            "Kommunen ihre Klimaziele Schöneck smart: Teilhabe\n"
            "erreichen, den öffentlichen für alle\n\n"
            "Raum gerecht verteilen und MOTTO\n\n"
            "den Zusammenhalt in den Gemeinsam für starke\n"
            "Quartieren stärken. Kultur Nachbarschaften\n")
    block = labelled_under_size_line(nonblank(text), profile, S, names_project("Schöneck", profile))
    assert block.get("title").value == "Schöneck smart: Teilhabe für alle"
    assert block.get("motto").value == "Gemeinsam für starke Nachbarschaften"
    without = labelled_under_size_line(nonblank(text), profile, S)
    assert without.get("title").value != "Schöneck smart: Teilhabe für alle"


def test_a_lands_value_an_ocrs_row_placed_well_left_of_its_labels_column_is_read(profile):
    """'In den Quartieren selbst geht es BUNDESLAND:' / 'um mehr als Gebaude. Baden-Wirttemberg': the
    Land starts twelve characters left of the label (a proportional font's row); it reads as a Land,
    so up to twice the tolerance from the column it is the value."""
    text = ("In den Quartieren selbst geht es BUNDESLAND:\n\num mehr als Gebaude. Baden-Württemberg\n\n"
            "Energie aus der Region GROSSENKLASSE:\nInterkommunale Kooperationen/Landkreis\n")
    block = block_of(text, profile)
    assert block is not None and block.get("states").value == "Baden-Württemberg"


def test_a_size_class_on_rows_of_its_own_under_a_label_at_a_rows_end_is_read(profile):
    """The box's size class stands on two rows of its own (the text beside them had ended): each
    row alone reads as no value, the two together do; a short row of the text that reads as none
    ('Energie und Klimaschutz') is no value."""
    text = ("Gerade kleine Gemeinden und Dörfer können BUNDESLAND\n\ndurch neue Angebote gewinnen, weil Wege Niedersachsen\n\n"
            "dort länger und Einrichtungen seltener sind. GROSSENKLASSE\nInterkommunale\n\nKooperationen/Landkreis\n"
            "Energie und Klimaschutz\n\nDie Kommunen tragen eine besondere Verantwortung. PROJEKTTITEL\n")
    block = block_of(text, profile)
    assert block.get("states").value == "Niedersachsen"
    assert block.get("size_class").value == "Interkommunale Kooperationen/Landkreis"
    alone = text.replace("Interkommunale\n\nKooperationen/Landkreis\n", "")
    block = block_of(alone, profile)
    assert block is None or block.get("size_class") is None or not block.get("size_class").value


def test_a_size_label_garbled_at_a_rows_end_still_lets_the_size_class_after_it_be_read(profile):
    """'… zugängliche GROTSEN Ser': the size class's label an OCR garbled past reading, at a row's
    end under the Land; the size class on rows of its own after it is still the box's, and the
    garbled label no line of the Land's."""
    text = ("Die Bürgerinnen und Bürger BUNDESLAND\nerwarten schnelle, verlässli- Niedersachsen\n"
            "che und leicht zugängliche GROTSEN Ser\nDienstleistungen.\n\nInterkommunale\n\nKooperationen/Landkreis\n"
            "Die Nachfrage ist so groß,\n\ndass zusätzliche Termine PROJEKTTITEL\n")
    values = {v.field: v.value for v in block_of(text, profile).values}
    assert (values["states"], values["size_class"]) == ("Niedersachsen", "Interkommunale Kooperationen/Landkreis")


def test_a_tables_label_misread_in_plain_letters_is_read_by_the_value_after_it(profile):
    """'Gréenklasse Interkommunale Kooperationen/Landkreis': a table's label an OCR misread, neither
    in capitals nor with a colon, is the size class's label because what follows reads as one; the
    same word before a value that reads as none stays text."""
    text = ("Bundesland\nSachsen\nGréenklasse Interkommunale Kooperationen/Landkreis\n"
            "Projekttitel Görlitz offen: Wärmewende gestalten\nMotto Gemeinsam für die Menschen in Görlitz\n")
    block = block_of(text, profile)
    assert block.get("size_class").value == "Interkommunale Kooperationen/Landkreis"
    other = text.replace("Gréenklasse Interkommunale Kooperationen/Landkreis", "Gréenklasse wurde gestern vorgestellt")
    block = block_of(other, profile)
    assert block.get("size_class") is None


def test_a_web_address_an_ocr_broke_at_its_dot_looks_like_a_facts_value():
    from pipeline.records.label_values import value_looks_like
    assert value_looks_like("fact", "www. goerlitz.de/smart-city")
    assert not value_looks_like("fact", "www. Das ist ein Satz.")


@pytest.mark.parametrize("title, motto, flagged", [
    ("OJ", "Heute für alle", ["title"]),
    ("Brakel klug: Mobilität seen", "Gemeinsam für die Region", ["title"]),
    ("stadt.land.smart", "meer.zukunft.seen.", []),
    ("Brakel klug: Mobilität gestalten", "Quartiere neu denken", []),
    ("Zwönitz OTE klug: ESET Region für all NS", "Gemeinsam in der ILE digital werden UND analog bleiben", ["title"]),
    ("HUB in die Zukunft", "SMART CITY ULM", []),
    ("Nieheim smart: Innenstadt ur alle", "Digital und nah: die Region", ["title"]),
    ("Die co-kreative Stadt", "Wir sind so weit", []),
    ("Rheine klug: Klima gestalten", "Heute für eine 5 grüne Stadt", ["motto"]),
    ("2 Städte, 1 Ziel", "5G für alle", []),
    ("Fürth gemeinsam: Region im Wandel", "Heute für morgen LIANCLS NINE S 253.628", ["motto"]),
    ("Die 1.000 Ideen", "Heute für morgen", []),
    ("Kiel smart by nature", "Heimat to go", []),
    ("Neumarkt i. d. OPf. digital", "Wir sind 4 starke Gemeinden", []),
])
def test_a_title_or_motto_with_a_word_no_title_prints_is_flagged(title, motto, flagged, corrections):
    """No word of three letters, a noun's form in lower case standing alone, or a word of two small
    letters that is no function word ('ur' for 'für'; 'co-kreative' is one word): a misread word."""
    from pipeline.language.lexicon import Lexicon
    from pipeline.records.value_doubts import odd_word_doubts
    doubts = odd_word_doubts({"title": title, "motto": motto}, Lexicon(corrections.lexicon.words))
    assert [d.field for d in doubts] == flagged


def test_a_box_whose_first_labels_row_holds_a_line_of_another_column_is_read_at_its_labels_column(profile):
    """'Fällt ein Wert aus dem üblichen weitergegeben werden. BUNDESLAND:': a second column's one
    line ran into the first label's row and moved the label right; the labels at the ends of the
    rows after it stand together at the box's column, so the Land and size class are read there."""
    text = ("Fällt ein Wert aus dem Uublichen weitergegeben werden. BUNDESLAND:\n"
            "Bereich, meldet sich die Arztin Sachsen\n"
            "noch am selben Tag. In Tubi- GROSSENKLASSE:\n"
            "ngen werden Dacher von Interkommunale\n"
            "Schulen und Turnhallen mit Kooperationen/Landkreis\n"
            "Solaranlagen ausgestattet,\n"
            "Werkstatten das Ufer, heute MOTTO:\n"
            "bestimmen Radwege, Cafés Gemeinsam fir die Menschen\n")
    values = {v.field: v.value for v in block_of(text, profile).values}
    assert (values["states"], values["size_class"]) == ("Sachsen", "Interkommunale Kooperationen/Landkreis")


def test_a_size_class_split_between_a_short_rows_head_and_the_next_rows_end_is_read(profile):
    """'. Interkommunale' (a row of its own, a speck before it) / 'bestellten Waren liefert.
    Kooperationen/Landkreis': the size class's first line stands alone, its second at the end of
    the next row after its sentence's stop, the label garbled past reading ('CROSSE SLOGET')."""
    text = ("Für ältere Bewohnerinnen und Bewohner, die BUNDESLAND\n"
            "nicht mehr selbst fahren können, gibt es einen Baden-Württemberg\n"
            "Bringdienst, der zweimal pro Woche die CROSSE SLOGET\n\n. Interkommunale\n"
            "bestellten Waren liefert. Kooperationen/Landkreis\n\nPROJEKTTITEL\n")
    values = {v.field: v.value for v in block_of(text, profile).values}
    assert values.get("size_class", "").endswith("Interkommunale Kooperationen/Landkreis")


@pytest.mark.parametrize("head, tail_row", [
    (". . Interkommunale", "steht ein Dorfladen, der rund um die Uhr Kooperationen/Landkreis"),
    ("ve Interkommunale", "Händlern, Kulturschaffenden und Anwohnern Kooperationen/Landkreis"),
])
def test_a_size_class_after_a_land_with_no_label_after_it_is_read(head, tail_row, profile):
    """A box run into the text's rows whose labels after the Land an OCR garbled past reading
    (the size class's 'CHUOSSENTELASSE' set left of the labels' column, the title's 'PROT'): the
    size class's first line alone after specks ('. .', 've'), its second at the next row's end
    with no sentence's stop before it, is read as the size class after the Land."""
    text = ("Digitale Werkzeuge können dabei helfen, BUNDESLAND\n"
            "ersetzen aber nicht das Engagement der Mecklenburg-Vorpommern\n"
            "Stadt hat den Umbau gemeinsam CHUOSSENTELASSE\n\n"
            f"{head}\n{tail_row}\n"
            "geöffnet hat. Während der Schließungen PROT\n"
            "mussten Lehrkräfte innerhalb weniger Tage Vorpommern-Greifswald\n")
    values = {v.field: v.value for v in block_of(text, profile).values}
    assert values.get("states") == "Mecklenburg-Vorpommern"
    assert values.get("size_class", "").endswith("Interkommunale Kooperationen/Landkreis")
