"""A record's body read as running text and figure text: the golden cases of tests/cases/bodies
(written for these tests), read as the OCR text route reads them."""
import json

import pytest

from pipeline.records.body import Page, body_paragraphs
from pipeline.records.columns import paragraphs_in_column_order
from pipeline.records.segment import text_to_lines
from pipeline.records.settings import DEFAULT_RECORDS_SETTINGS
from pipeline.records.text import join_lines
from pipeline.repair.list_marks import mark_list_items

from .conftest import CASES

BODIES = sorted((CASES / "bodies").glob("*.json"))


def body_case(path):
    """A golden case as a test parameter; one with a `known_failure` is expected to fail (strict)."""
    why = json.loads(path.read_text(encoding="utf-8")).get("known_failure")
    return pytest.param(path, marks=pytest.mark.xfail(strict=True, reason=why)) if why else path


@pytest.mark.parametrize("path", [body_case(p) for p in BODIES], ids=[p.stem for p in BODIES])
def test_a_body_reads_as_a_careful_editor_would(path, lexicon):
    case = json.loads(path.read_text(encoding="utf-8"))
    page = Page(lexicon, case["measure"], (case["title"], case["motto"]), tuple(case.get("captions", ())),
                name=case.get("name", ""), joined=tuple(map(tuple, case.get("joined", ()))))
    kept, figures, furniture, doubts = body_paragraphs(text_to_lines(case["body"]), page)
    description, _ = paragraphs_in_column_order([[l.text for l in p] for p in kept], case["measure"], lexicon)
    assert description == case["description"], case["about"]
    assert [join_lines(f) for f in figures] == case["figure_text"], case["about"]
    said = " ".join(d.note for d in doubts)
    assert all(n in said for n in case["notes"]), said
    # conservation: every word of the body comes out in the description or the figure text
    out = " ".join([*description, *case["figure_text"], *furniture])
    assert sorted(out.split()) == sorted(words_joined(case["body"].split(), out.split()))


def words_joined(words, out):
    """The body's words with each word broken at a line's end ('inte-') and its rest ('grierten')
    as the one word the output joined them into, wherever the rest stands."""
    words = list(words)
    for word in [w for w in words if w.endswith("-") and len(w) > 1 and w not in out]:
        whole = next((o for o in out if o.startswith(word[:-1]) and o[len(word) - 1 :] in words), None)
        if whole is not None:
            words.remove(word)
            words.remove(whole[len(word) - 1 :])
            words.append(whole)
    return words


def test_a_line_with_a_listing_comma_taken_out_is_flagged(lexicon):
    """Where the sentence opens with an adverb ('Dort werden'), not with a preposition's phrase
    (sentence_lines.lacks_its_subject), no rule here puts the line back: the sentence's line that
    went to figure_text is flagged, named."""
    path = CASES / "bodies" / "line-with-a-listing-comma-taken-out-flagged.json"
    case = json.loads(path.read_text(encoding="utf-8"))
    page = Page(lexicon, case["measure"], (case["title"], case["motto"]))
    body = case["body"].replace("Im Rathaus werden", "Dort werden")
    kept, figures, furniture, doubts = body_paragraphs(text_to_lines(body), page)
    assert [join_lines(f) for f in figures] == ["Anträge für Wohnen, Gewerbe und Verkehr"]
    assert any("'Anträge für Wohnen, Gewerbe und Verkehr', set between the parts of a sentence" in d.note
               and d.flagged for d in doubts)


def test_bullets_read_as_letters_become_list_marks_only_in_a_run():
    text = "Wir planen:\n\nB Umsetzung der Projekte\n\nB Zentrales Dashboard\n\nP Parkhaus am Bahnhof ist neu.\n"
    edits = mark_list_items(text)
    assert [(e.before, e.after) for e in edits] == [("B", "•"), ("B", "•")]
    assert all(e.rule == "list_mark" and e.reason for e in edits)


def test_an_items_number_read_as_a_letter_is_written_back_only_next_to_its_list():
    from pipeline.repair.list_marks import item_numbers_read_as_letters
    text = "Das Projekt hat drei Ziele:\nAl lebendige Ortskerne\nB3 Bildung und Teilhabe\n\nOl und Gas nimmt ab.\n"
    edits = item_numbers_read_as_letters(text)
    assert [(e.word_before, e.word_after, e.rule) for e in edits] == [("Al", "A1", "item_number")]
    assert item_numbers_read_as_letters("Al lebendige Ortskerne\nF3 Bildung und Teilhabe\n") == []  # no neighbour
    assert item_numbers_read_as_letters("Ol und Gas nimmt ab.\n\nDas Netz\nist alt.\nP2 Strom\n") == []  # not the next
    assert item_numbers_read_as_letters("Al lebendige Ortskerne\n" + "und mehr\n" * 3 + "B3 Bildung\n") == []


def test_a_function_word_with_a_capital_opens_a_sentence_and_a_noun_may_go_on_with_one(lexicon):
    from pipeline.records.prose import holds_sentence_end, opens_sentence
    assert opens_sentence("Das Motto beschreibt die Region.", lexicon)
    assert opens_sentence("Wir wollen wachsen.", lexicon)
    assert not opens_sentence("Plattform für alle.", lexicon)  # a noun: may go on with a sentence
    assert not opens_sentence("Zeit für neue Wege.", lexicon)  # a noun among spaCy's stop words
    assert not opens_sentence("DIE WEITE SO NAH", lexicon)
    assert holds_sentence_end("Wir wollen wachsen. Die Region")
    assert holds_sentence_end("in vier Feldern:")
    assert not holds_sentence_end("Austausch mit Partnern aus dem Wissens: nach 2026 in die")
    assert not holds_sentence_end("geführt 5 . Smart Regions")


def test_a_line_standing_alone_twice_in_a_body_is_figure_text_but_a_sentences_line_is_not(lexicon):
    from pipeline.records.figure_doubts import repeated_lines_out
    from pipeline.records.pieces import Unit
    lines = text_to_lines("Gefördert vom Bund\nDie Stadt plant viel.\nGefordert vom Bund\n"
                          "Vorhaben führt zum gewünschten\nVorhaben führt zum gewünschten\nMobilität im Wandel\n")
    units = [Unit([lines[0]], "heading"), Unit([lines[1]], "prose", True), Unit([lines[2]], "prose"),
             Unit([lines[3]], "prose", True), Unit([lines[4]], "prose", True), Unit([lines[5]], "heading")]
    out = repeated_lines_out(units, Page(lexicon, 46))
    # an OCR's 'Gefordert' is the same line; a line with a finite verb is a repeated sentence's; one heading stays
    assert [(u.kind, u.why) for u in out] == [("figure", "repeated"), ("prose", ""), ("figure", "repeated"),
                                              ("prose", ""), ("prose", ""), ("heading", "")]


def test_numbers_with_their_words_kept_in_running_text_are_flagged(lexicon):
    from pipeline.records.pieces import Unit
    from pipeline.records.sentence_doubts import numbers_in_line_doubts
    page = Page(lexicon, 46)
    figure_like = Unit(text_to_lines("5 Jahre 24.000\nLaufzeit Einwohnerinnen und\nEinwohner"), "prose")
    sentence = Unit(text_to_lines("Von 2019 bis 2023 wuchs die Stadt um 4.000\nEinwohner."), "prose")
    doubts = numbers_in_line_doubts([figure_like, sentence], page)
    assert [d.flagged for d in doubts] == [True] and "5 Jahre 24.000" in doubts[0].note


def test_a_key_figure_read_at_a_lines_edge_is_flagged_and_a_counted_noun_on_the_next_line_is_not(lexicon):
    """A key figure an OCR read into a line of the column beside it: at the line's start before a
    speck ('80 X können.'), at its end after a finite verb with the sentence going on in lower case
    ('… öffnen 48' / 'sich für …'). A sentence's own count whose noun opens the next line ('… zählt
    12' / 'Ortsteile'), and a year, are not flagged."""
    from pipeline.records.pieces import Unit
    from pipeline.records.sentence_doubts import numbers_in_line_doubts
    page = Page(lexicon, 46)
    start = Unit(text_to_lines("verknüpft werden\n80 X können. Sie ermöglichen es, Abwärme\naus Betrieben zu nutzen."), "prose")
    end = Unit(text_to_lines("Museen, Theater und Bibliotheken öffnen 48\nsich für neue Formen der Vermittlung."), "prose")
    counted = Unit(text_to_lines("Die Gemeinde am See zählt 12\nOrtsteile, die alle beteiligt werden."), "prose")
    year = Unit(text_to_lines("Das Netz für alle Haushalte entsteht 2025\nund wird danach erweitert."), "prose")
    # two numbers alone after a sentence's stop: key figures read into the line's end ('… warnen. 12 80 %')
    row = Unit(text_to_lines("Die Kommunen müssen sich vorbereiten und die\nBevölkerung rechtzeitig warnen. 12 80 %\n"
                             "Das Beispiel zeigt es."), "prose")
    opening = Unit(text_to_lines("Die Bevölkerung wird gewarnt. 12 Gemeinden\nmachen mit."), "prose")
    grouped = Unit(text_to_lines("Im Kreis leben heute rund. 12 000\nMenschen."), "prose")  # a count grouped by a space
    abbreviated = Unit(text_to_lines("Die Wege zeigt die Karte, siehe Abb. 3 4\nim Anhang."), "prose")
    doubts = numbers_in_line_doubts([start, end, counted, year, row, opening, grouped, abbreviated], page)
    assert [d.note.split("'")[1] for d in doubts] == ["80 X können. Sie ermöglichen es, Abwärme",
                                                       "Museen, Theater und Bibliotheken öffnen 48",
                                                       "Bevölkerung rechtzeitig warnen. 12 80 %"]


def test_a_charts_axis_read_into_a_line_after_a_function_word_is_flagged(lexicon):
    """Years in a row inside a line ('… das die 2019 2020 2021 2022 2023 Grundversorgung'): a
    chart's axis, though its first number follows a function word; a sentence's span of years
    ('von 2019 bis 2023') and a listing with commas are not flagged."""
    from pipeline.records.pieces import Unit
    from pipeline.records.sentence_doubts import numbers_in_line_doubts
    page = Page(lexicon, 46)
    axis = Unit(text_to_lines("ein Programm aufgelegt, das die\n2019 2020 2021 2022 2023 Grundversorgung sichern\nsoll."), "prose")
    span = Unit(text_to_lines("Von 2019 bis 2023 wuchs die Stadt, in den Jahren\n2019, 2020 und 2021 am stärksten."), "prose")
    doubts = numbers_in_line_doubts([axis, span], page)
    assert [d.note.split("'")[1] for d in doubts] == ["2019 2020 2021 2022 2023 Grundversorgung sichern"]


def test_an_english_models_bullet_is_a_list_mark_and_a_logos_line_is_no_running_text():
    from pipeline.records.prose import list_mark, wordmark
    assert list_mark("¢ lebendige Ortskerne") == "¢"
    assert wordmark(text_to_lines("Wy smart city SEESTADT")) and wordmark(text_to_lines("smART CITY SEESTADT"))
    assert not wordmark(text_to_lines("Die Stadt und die KfW fördern"))  # a function word: running text
    assert not wordmark(text_to_lines("Bildung und Teilhabe"))


def test_a_count_before_the_colon_says_how_many_items_follow():
    from pipeline.records.counted_lists import count_of
    assert count_of("Geplant sind dabei vier Maßnahmen".split()[-4:]) == 4
    assert count_of(["Zukunftsaufgabe", "4"]) is None  # a figure numbers a heading
    assert count_of(["zwei", "oder", "drei"]) is None  # two counts: none said


def test_past_a_counted_lists_last_items_rest_a_caption_is_figure_text(lexicon):
    # the last item goes on in a paragraph of its own ('D1 … mit der' | 'Hochschule'), as an OCR
    # that sets each line apart gives it: the rest is passed over, the caption after it judged
    body = ("Die Stadt hat einen Plan für die nächsten Jahre\nbeschlossen. Die Strategie umfasst vier Bausteine:\n\n"
            "A1 lebendige Ortskerne\n\nB1 eine digitale Verwaltung\n\nC1 Wohnen im Quartier\n\n"
            "D1 neue Wege der Zusammenarbeit mit der\n\nHochschule\n\nSensoren im Quartier\n")
    kept, figures, _, doubts = body_paragraphs(text_to_lines(body), Page(lexicon, 46, ("Stadt am See", "Offen")))
    assert [join_lines(f) for f in figures] == ["Sensoren im Quartier"]
    assert "Hochschule" in " ".join(join_lines(p) for p in kept)
    assert any("follows a list whose count is met" in d.note for d in doubts)


def test_a_line_standing_apart_between_a_sentences_parts_stopping_short_is_flagged(lexicon):
    # a slogan at a page's top between a sentence's parts, stopping on a function word: the words
    # cannot tell it from the sentence's line, so it is kept and named; the same line inside the
    # paragraph is no doubt
    apart = ("Die Überschüsse fließen in einen Fonds, aus dem die Stadt\nkleine Projekte fördert: Bänke am Hafen oder\n\n"
             "Gemeinsam digital – mit der\n\nSpielgeräte für den Kindergarten. Das Geld\nreicht für viele Jahre.\n")
    page = Page(lexicon, 46, ("Stadt am See", "Offen"))
    _, _, _, doubts = body_paragraphs(text_to_lines(apart), page)
    assert any("'Gemeinsam digital – mit der' stands apart" in d.note and d.flagged for d in doubts)
    _, _, _, doubts = body_paragraphs(text_to_lines(apart.replace("\n\n", "\n", 2)), page)
    assert not any("stands apart" in d.note for d in doubts)


def test_a_slogan_closing_its_phrase_after_a_preposition_over_the_body_is_figure_text(lexicon):
    # 'für alle' waits for no word: the slogan does not open the running text under it
    head = "Gemeinsam digital – für alle\n\nWohnen und Quartiere Bezahlbarer Wohnraum ist\nin vielen Städten knapp.\n"
    kept, figures, _, doubts = body_paragraphs(text_to_lines(head), Page(lexicon, 38, ("Stadt am See", "Offen")))
    assert join_lines(kept[0]).startswith("Wohnen und Quartiere")
    assert [join_lines(f) for f in figures] == ["Gemeinsam digital – für alle"]


def test_a_list_mark_between_a_lines_words_is_flagged(lexicon):
    # a list's items read across with the running text beside them; a gender star is no mark
    across = ("Im Vordergrund stehen vier Ziele:\n\n* Beteiligung der Bürgerschaft\n"
              "Felder und zeigen, wo Schädlinge auftreten oder * Gesundheit und Pflege\n"
              "Pflanzen unter Trockenheit leiden. Neue Wege für * Wohnen im Quartier\n")
    page = Page(lexicon, 46, ("Stadt am See", "Offen"))
    _, _, _, doubts = body_paragraphs(text_to_lines(across), page)
    assert any("holds a list's mark between its words" in d.note and d.flagged for d in doubts)
    german = across.replace(" * ", " « ")  # a German model reads the bullet as a guillemet
    _, _, _, doubts = body_paragraphs(text_to_lines(german), page)
    assert any("holds a list's mark between its words" in d.note for d in doubts)
    for clean in ("Die Bürger*innen der Stadt und alle Gäste\nkönnen die neuen Angebote nutzen.\n",
                  "Die Stadt lädt alle Bürger * innen zu einem\nAbend im Rathaus ein.\n"):  # a star an OCR spaced
        _, _, _, doubts = body_paragraphs(text_to_lines(clean), page)
        assert not any("list's mark" in d.note for d in doubts)


def test_a_caption_of_the_columns_length_opening_a_paragraph_under_figure_text_is_flagged(lexicon):
    # under a chart's numbers, a line of a noun phrase as long as the column's lines, over a line
    # opening with a capital: a caption glued to the paragraph, or its first line; named
    body = ("Die Stadt hat einen Plan für die nächsten Jahre\nbeschlossen und setzt ihn jetzt um.\n\n2022\n\n"
            "Workshop mit Bürgerinnen und Bürgern\nVerwaltung im Wandel Viele Behördengänge\n"
            "lassen sich inzwischen online erledigen. Über\ngesicherte Verbindungen können Fachärzte aus\n"
            "der Kreisstadt zugeschaltet werden.\n")
    page = Page(lexicon, 44, ("Stadt am See", "Offen"))
    _, _, _, doubts = body_paragraphs(text_to_lines(body), page)
    assert any("'Workshop mit Bürgerinnen und Bürgern' stands over running text" in d.note for d in doubts)
    for line in ("Viele Menschen arbeiten gern mit Bürgern", "Mulden, Gründächer und unterirdische"):
        # a verb, or a line waiting for its noun: a sentence's line
        _, _, _, doubts = body_paragraphs(text_to_lines(body.replace("Workshop mit Bürgerinnen und Bürgern", line)),
                                          page)
        assert not any("stands over running text" in d.note for d in doubts), line
    # a line opening with a function word is a sentence's first part, however it goes on
    opening = ("Die Stadt hat einen Plan für die nächsten Jahre\nbeschlossen und setzt ihn jetzt um.\n\n2022\n\n"
               "Seit dem Beginn der Förderung im Sommer 2021\nProjekte der Stadt sind schon angelaufen und werden "
               "von vielen\ngenutzt, die dort wohnen.\n")
    _, _, _, doubts = body_paragraphs(text_to_lines(opening), page)
    assert not any("stands over running text" in d.note for d in doubts)


def test_a_caption_glued_over_a_clause_after_a_comma_is_flagged(lexicon):
    # after a comma a list of nouns may go on, but not into a line opening on a finite verb
    body = ("Die Verwaltung ist digital geworden. Deshalb\nüberprüfen die Ämter ihre Prozesse,\n\n"
            "Workshop mit Bürgerinnen und Bürgern\nvereinfachen Schritte und schaffen doppelte\n"
            "Prüfungen ab. So werden die Wege kürzer.\n")
    page = Page(lexicon, 45, ("Stadt am See", "Offen"))
    _, _, _, doubts = body_paragraphs(text_to_lines(body), page)
    assert any("'Workshop mit Bürgerinnen und Bürgern' stands between the parts of a sentence" in d.note
               for d in doubts)
    nouns = body.replace("vereinfachen Schritte und schaffen doppelte", "Abläufe und Regeln und schaffen doppelte")
    _, _, _, doubts = body_paragraphs(text_to_lines(nouns), page)
    assert not any("stands between the parts of a sentence" in d.note for d in doubts)


def test_an_items_rest_by_a_credit_is_no_words_over_a_picture(lexicon):
    body = ("Die Stadt hat im vergangenen Jahr einen Plan für\ndie nächsten zehn Jahre beschlossen. Wir setzen\n"
            "auf zwei Schwerpunkte:\n\n• ein gemeinsames Datenportal für Verwaltung und\n\n© Seestadt Marketing\n\n"
            "Stadtwerke\n\n• offene Daten als Gemeingut\n\nDie Umsetzung beginnt im kommenden Jahr mit\n"
            "einem ersten Versuch in der Innenstadt.\n")
    page = Page(lexicon, 46, ("Stadt am See", "Offen für Neues"), ("©",))
    kept, figures, _, doubts = body_paragraphs(text_to_lines(body), page)
    assert any("Stadtwerke" in join_lines(p) for p in kept)
    assert [join_lines(f) for f in figures] == ["© Seestadt Marketing"]
    assert not [d.note for d in doubts if "Stadtwerke" in d.note]


LEAD_BODY = ("Die Stadt erneuert ihre Mitte. Sie baut dafür neue Wege und Plätze für alle.\n\n"
             "Die Zukunft beginnt im Quartier\n\n"
             "Die Umsetzung beginnt im kommenden Jahr mit\neinem ersten Versuch in der Innenstadt.\n")


def body_set_apart(lexicon, body: str, starts: tuple[str, ...], larger: bool = True):
    """A body whose lines opening with `starts` a text layer set in another size (`larger`: larger
    than the text) -> (kept, figure text, doubts)."""
    lines = text_to_lines(body)
    apart = frozenset(l.number for l in lines if l.text.startswith(starts))
    kept, figures, _, doubts = body_paragraphs(lines, Page(lexicon, 46, ("Stadt am See", "Offen für Neues")),
                                               styled=apart, larger=apart if larger else frozenset())
    return kept, figures, doubts


def test_a_paragraph_in_another_type_size_that_reads_as_running_text_is_flagged(lexicon):
    """A text layer sets a lead paragraph in larger type: set apart by its size, it goes to
    figure_text, and, reading as running text, it is flagged; a short slogan in large type is not."""
    kept, figures, doubts = body_set_apart(lexicon, LEAD_BODY, ("Die Stadt", "Die Zukunft"), larger=False)
    assert [join_lines(f) for f in figures][:1] == ["Die Stadt erneuert ihre Mitte. Sie baut dafür neue Wege und Plätze für alle."]
    said = [d.note for d in doubts if d.flagged]
    assert any("Die Stadt erneuert ihre Mitte" in n and "reads like running text" in n for n in said)
    assert not any("Die Zukunft beginnt" in n for n in said)


def test_a_lead_paragraph_in_larger_type_opening_the_body_is_running_text(lexicon):
    """The same body as a text layer with the first paragraph and the slogan set larger than the
    text: the paragraph opening the body, a sentence with a finite verb, is the description's lead
    paragraph, unflagged; the slogan after it stays figure text; the same paragraph in larger type
    after running text (a pull quote) stays figure text, flagged."""
    kept, figures, doubts = body_set_apart(lexicon, LEAD_BODY, ("Die Stadt", "Die Zukunft"))
    assert join_lines(kept[0]) == "Die Stadt erneuert ihre Mitte. Sie baut dafür neue Wege und Plätze für alle."
    assert [join_lines(f) for f in figures] == ["Die Zukunft beginnt im Quartier"]
    assert not [d.note for d in doubts if d.flagged and "Die Stadt" in d.note]

    quoted = ("Die Umsetzung beginnt im kommenden Jahr mit\neinem ersten Versuch in der Innenstadt.\n\n"
              "Die Stadt erneuert ihre Mitte. Sie baut dafür neue Wege und Plätze für alle.\n")
    kept, figures, doubts = body_set_apart(lexicon, quoted, ("Die Stadt",))
    assert [join_lines(f) for f in figures] == ["Die Stadt erneuert ihre Mitte. Sie baut dafür neue Wege und Plätze für alle."]
    assert any("Die Stadt" in d.note for d in doubts if d.flagged)


def test_a_short_sentence_in_larger_type_opening_the_body_is_kept_as_its_lead_and_flagged(lexicon):
    """A sentence shorter than a paragraph set larger over the text may be a lead or a slogan:
    kept in the description, flagged; a heading in larger type (no sentence) stays figure text."""
    text = "\n\nDie Umsetzung beginnt im kommenden Jahr mit\neinem ersten Versuch in der Innenstadt.\n"
    kept, figures, doubts = body_set_apart(lexicon, "Über Grenzen hinweg wird zusammengearbeitet." + text, ("Über",))
    assert join_lines(kept[0]) == "Über Grenzen hinweg wird zusammengearbeitet."
    assert any("Über Grenzen" in d.note and "lead" in d.note for d in doubts if d.flagged)

    kept, figures, _ = body_set_apart(lexicon, "Daten für alle" + text, ("Daten",))
    assert [join_lines(f) for f in figures] == ["Daten für alle"]


@pytest.mark.parametrize("pieces, back", [(["Maßna-"], ["Maßna-"]), (["Maßna-", "Verkehrswege-"], [])])
def test_a_broken_words_start_set_apart_goes_back_only_where_one_piece_can_be_it(lexicon, pieces, back):
    """Running text opening on a word's rest ('hmen') after pieces a figure rule took out: the one
    piece ending on the word's start is the sentence's line again; of two that could be, neither."""
    from pipeline.records.pieces import Unit
    from pipeline.records.sentence_starts import broken_words_back

    lines = text_to_lines("\n".join(["Die Stadt entscheidet über die", *pieces, "hmen für den Klimaschutz."]))
    units = [Unit([lines[0]], "prose"), *(Unit([l], "figure", None, "short") for l in lines[1:-1]),
             Unit([lines[-1]], "prose")]
    out = broken_words_back(units, Page(lexicon, 46), DEFAULT_RECORDS_SETTINGS)
    assert [u.text for u in out[1:-1] if u.kind == "prose"] == back


def test_a_caption_after_a_finite_verb_is_no_sentences_middle_where_the_middle_follows(lexicon):
    """'… Eine Pflegerin misst' | caption | 'vor Ort den Blutdruck …': the text after the caption
    holds the sentence's middle (it opens on no verb's rest), so the caption taken out is not
    flagged as the sentence's line; over 'eingereicht …' it is (the golden case
    caption-after-a-finite-verb-taken-out-flagged)."""
    body = ("Die Versorgung auf dem Land wird besser. Eine\nausgebildete Pflegerin misst\n\n"
            "Workshop mit Bürgerinnen und Bürgern\n\nvor Ort den Blutdruck und spricht mit den\n"
            "Menschen über ihre Sorgen.\n")
    kept, figures, furniture, doubts = body_paragraphs(text_to_lines(body), Page(lexicon, 46, ("", "")))
    assert [join_lines(f) for f in figures] == ["Workshop mit Bürgerinnen und Bürgern"]
    assert not any("set between the parts of a sentence" in d.note for d in doubts)


def test_a_last_piece_stopping_open_with_nothing_after_it_is_no_broken_sentence(lexicon):
    """'Karte der Wege in der Stadt und' at the body's end, no verb: no next piece goes on with it
    (an empty next piece ends no sentence: pieces.unit_kind), so it is figure text."""
    body = "Die Stadt baut eine offene Datenplattform auf und lädt alle Menschen ein.\n\nKarte der Wege in der Stadt und\n"
    kept, figures, furniture, doubts = body_paragraphs(text_to_lines(body), Page(lexicon, 46, ("", "")))
    assert [join_lines(f) for f in figures] == ["Karte der Wege in der Stadt und"]


def test_subjects_set_apart_after_an_adverb_after_the_verb_are_named_where_two_may_be_it(lexicon):
    """'… Im Rathaus und im Netz können auch' | two noun phrases | 'eingereicht …': subjects_back
    takes neither back, so each is flagged as maybe the sentence's line (taken_lines_doubts)."""
    body = ("Die Gemeinde fragt ihre Bürgerinnen und Bürger\nnach ihrer Meinung. Im Rathaus und im Netz können auch\n\n"
            "Ideen für die Gestaltung des Marktes online\n\nPläne für den Umbau der alten Halle\n\n"
            "eingereicht und besprochen werden. Danach\nentscheidet der Rat über die Vorschläge.\n")
    kept, figures, furniture, doubts = body_paragraphs(text_to_lines(body), Page(lexicon, 46, ("", "")))
    assert len(figures) == 2
    assert all(any(f"'{join_lines(f)}', set between the parts of a sentence" in d.note and d.flagged for d in doubts)
               for f in figures)


def test_a_line_taken_out_after_a_conjunction_before_a_verb_is_flagged_as_maybe_the_sentences(lexicon):
    """'… Funknetze ausbauen und' | 'Daten über Gewässer und Schutzgebiete' | labels |
    'bereitstellen. …': the verb after the conjunction wants its object, which the line taken out
    may be; flagged with the line named."""
    body = ("Die Gemeinden unterstützen solche Vorhaben,\nindem sie Funknetze ausbauen und\n\n"
            "Daten über Gewässer und Schutzgebiete\n\nBildung Mobilität Teilhabe Energie\n\n"
            "bereitstellen. So wird die Natur geschont, und die\nEinheimischen werden entlastet.\n")
    kept, figures, furniture, doubts = body_paragraphs(text_to_lines(body), Page(lexicon, 46, ("", "")))
    assert any("'Daten über Gewässer und Schutzgebiete', set between the parts of a sentence" in d.note and d.flagged
               for d in doubts)


def test_lines_of_running_text_in_figure_text_are_flagged(lexicon):
    """A chart's numbers an OCR read into one paragraph with the sentence going on under the chart
    ('2020 2021 2022' / 'kleine Gemeinden und Dörfer können …', three lines): the figure text holds
    running text, flagged; a chart's own lines and a caption are not."""
    from pipeline.records.figure_doubts import figure_like_doubts
    from pipeline.records.pieces import Unit
    page = Page(lexicon, 50)
    chart = Unit(text_to_lines("30% 24% 20%\n2020 2021 2022 2023\nkleine Gemeinden und Dörfer können durch neue\n"
                               "Angebote gewinnen, weil Wege dort länger und\nEinrichtungen seltener sind. Aus den "
                               "Ergebnissen lässt"), "figure")
    doubts = figure_like_doubts([chart], page, DEFAULT_RECORDS_SETTINGS)
    assert [d.flagged for d in doubts] == [True] and "kleine Gemeinden" in doubts[0].note
    own = Unit(text_to_lines("Abbildung 2: Anteil der Haushalte mit Glasfaser\n30% 24% 20%\n2020 2021 2022 2023"), "figure")
    assert figure_like_doubts([own], page, DEFAULT_RECORDS_SETTINGS) == []


def test_a_captions_label_inside_running_text_is_flagged(lexicon):
    """'… müssen. Abbildung 7: Anteil der Haushalte …': a caption an OCR read into a line of the
    column beside it; flagged with the label named. A word of a label without its colon is prose."""
    from pipeline.records.figure_doubts import figure_like_doubts
    from pipeline.records.pieces import Unit
    page = Page(lexicon, 50, captions=("Abbildung", "Quelle", "©"))
    glued = Unit(text_to_lines("Die Wege müssen sicher sein. Abbildung 7: Anteil der Haushalte\nmit Glasfaser und mehr."),
                 "prose")
    doubts = figure_like_doubts([glued], page, DEFAULT_RECORDS_SETTINGS)
    assert [d.flagged for d in doubts] == [True] and "'Abbildung 7: Anteil der" in doubts[0].note
    plain = Unit(text_to_lines("Die Abbildung der Wege zeigt die Quelle des Flusses."), "prose")
    assert figure_like_doubts([plain], page, DEFAULT_RECORDS_SETTINGS) == []
    # a caption between a word's halves, glued to the first by its line-end hyphen
    broken = Unit(text_to_lines("Den Umbau planten Händler, Kultu-Abbildung 4: Nutzung der Bürger-App\nrschaffende und Anwohner."),
                  "prose")
    assert "'Abbildung 4: Nutzung der" in figure_like_doubts([broken], page, DEFAULT_RECORDS_SETTINGS)[0].note
    compound = Unit(text_to_lines("Die Energie-Quelle: Wind und Sonne aus der Region."), "prose")
    assert figure_like_doubts([compound], page, DEFAULT_RECORDS_SETTINGS) == []


def test_a_caption_over_a_subject_filling_a_line_before_its_verb_is_flagged(lexicon):
    """'Der neue Marktplatz am Abend' over 'Pendlerströme, Abwasser, Abfall und Tourismus' /
    'betreffen ganze Regionen.': the sentence's subject fills a line and its verb opens the next,
    so the verbless line over them is no part of it (a caption glued to its paragraph), flagged."""
    from pipeline.records.figure_doubts import figure_like_doubts
    from pipeline.records.pieces import Unit
    page = Page(lexicon, 46)
    before = Unit(text_to_lines("Nachmittags nutzen Schülerinnen und Schüler die\nRäume für Hausaufgaben."), "prose")
    glued = Unit(text_to_lines("Der neue Marktplatz in der Stadt am Abend\nPendlerströme, Abwasser, Abfall und Tourismus\n"
                               "betreffen ganze Regionen. Gemeinsam mit dem\nLandkreis haben sie ein Programm aufgelegt."),
                 "prose")
    doubts = figure_like_doubts([before, glued], page, DEFAULT_RECORDS_SETTINGS)
    assert [d.flagged for d in doubts] == [True] and "Der neue Marktplatz" in doubts[0].note


def test_running_text_with_a_diagrams_short_lines_under_it_keeps_its_lines(lexicon):
    """An OCR read a diagram beside the column into the text's lines ('… Orten Idee') and its boxes
    under them, no blank line between: the lines that run to the measure stay running text."""
    body = ("Für Radfahrende wurden die Wege zwischen den Orten Idee\n"
            "verbreitert und beleuchtet; an der Fähre stehen abschließbare J\n"
            "Boxen für Fahrräder bereit. Die Region rund um Füssen ist\nWerkstatt\nL\nPrototyp\nL\nBetrieb\n")
    kept, figures, _, _ = body_paragraphs(text_to_lines(body), Page(lexicon, 56))
    assert "Boxen für Fahrräder bereit." in " ".join(join_lines(p) for p in kept)
    assert any("Prototyp" in join_lines(f) for f in figures)


def test_a_caption_over_running_text_is_judged_apart_from_it(lexicon):
    body = ("Grafik: Stadt Fürstenfeldbruck Idee\nAllgäu informiert deshalb in Echtzeit über freie Parkplätze J\n"
            "und die Auslastung der Wanderwege.\nWerkstatt\nL\nPrototyp\nL\nBetrieb\n")
    kept, figures, _, _ = body_paragraphs(text_to_lines(body), Page(lexicon, 50, (), ("Grafik", "Foto")))
    assert "Auslastung der Wanderwege." in " ".join(join_lines(p) for p in kept)
    assert any(join_lines(f).startswith("Grafik:") for f in figures)


def test_a_line_alone_put_with_the_figure_that_opens_a_clause_after_a_comma_is_flagged(lexicon):
    from pipeline.records.figure_doubts import figure_like_doubts
    from pipeline.records.pieces import Unit
    page = Page(lexicon, 56)
    clause = Unit(text_to_lines("Kalender, um Übungszeiten, Hallenbelegungen und Feste"), "figure", True, why="short")
    caption = Unit(text_to_lines("Der neue Marktplatz in Zwönitz am Abend"), "figure", True, why="short")
    notes = [d.note for d in figure_like_doubts([clause, caption], page, DEFAULT_RECORDS_SETTINGS)]
    assert len(notes) == 1 and "Kalender, um" in notes[0]


def test_a_caption_glued_after_a_line_of_running_text_is_cut_from_it(lexicon):
    from pipeline.records.glued_captions import caption_after_text
    page = Page(lexicon, 56, (), ("Quelle", "Foto"))
    line = "geldscht. So bleibt die Grundversorgung im Ort erhalten, Quelle: eigene Darstellung"
    assert line[caption_after_text(line, page):] == "Quelle: eigene Darstellung"
    # a sentence after the label is no credit; nor is a label with fewer words before it
    assert caption_after_text("Die Stadt plant neu, Quelle: die Stadt hat viele Daten gesammelt.", page) is None
    assert caption_after_text("Grafik Quelle: eigene Darstellung", page) is None


def test_specks_before_a_lines_words_stand_apart_from_them():
    from pipeline.records.glued_captions import words_after_specks
    line = ". _ . Die Kommune setzt auf drei Schwerpunkte:"
    assert line[words_after_specks(line):] == "Die Kommune setzt auf drei Schwerpunkte:"
    assert words_after_specks(". Die Kommune setzt") is None and words_after_specks(". _ . und so") is None


def test_a_list_introduction_followed_by_a_sentences_rest_is_flagged(lexicon):
    from pipeline.records.pieces import Unit
    from pipeline.records.sentence_doubts import colon_then_clause_doubts
    page = Page(lexicon, 56)
    mixed = Unit(text_to_lines("Die Kommune setzt auf drei Schwerpunkte:\nder Bedarf an Pflege wächst. Digitale"), "prose")
    items = Unit(text_to_lines("Die Kommune setzt auf drei Schwerpunkte:\nmehr Grün, weniger Lärm und sichere Wege"), "prose")
    assert len(colon_then_clause_doubts([mixed, items], page)) == 1


def test_a_maps_marked_place_after_a_sentences_end_is_figure_text(lexicon):
    body = ("Dennoch zeigt sich, dass Technik allein den Unterricht nicht verbessert. = Grebenhain\n"
            "Ehrenamtliche Fahrerinnen und Fahrer übernehmen zusätzliche Fahrten am Abend.\n")
    kept, figures, _, _ = body_paragraphs(text_to_lines(body), Page(lexicon, 70))
    assert "Grebenhain" not in " ".join(join_lines(p) for p in kept)
    assert [join_lines(f) for f in figures] == ["= Grebenhain"]
    # a marked item opening its own line is a list's, not cut from anything
    from pipeline.records.glued_captions import marked_label_after_sentence
    assert marked_label_after_sentence("• Grebenhain") is None


def test_an_exclamation_of_a_word_or_two_by_a_caption_is_flagged(lexicon):
    from pipeline.records.figure_doubts import figure_like_doubts
    from pipeline.records.pieces import Unit
    page = Page(lexicon, 56, (), ("Foto",))
    callout = Unit(text_to_lines("Mitmachen!"), "prose", True)
    caption = Unit(text_to_lines("Foto: Stadt Marburg"), "figure", False, why="caption")
    sentence = Unit(text_to_lines("Alle können mitmachen!"), "prose", True)
    notes = [d.note for d in figure_like_doubts([callout, caption, sentence], page, DEFAULT_RECORDS_SETTINGS)]
    assert len(notes) == 1 and "'Mitmachen!'" in notes[0]


def test_a_word_alone_between_a_sentences_parts_is_flagged(lexicon):
    from pipeline.records.figure_doubts import figure_like_doubts
    from pipeline.records.pieces import Unit
    page = Page(lexicon, 56)
    before = Unit(text_to_lines("Die Modellprojekte haben bewiesen, dass"), "prose", True)
    word = Unit(text_to_lines("Verwaltung"), "heading")
    after = Unit(text_to_lines("Veränderung möglich ist, wenn alle mitziehen."), "prose", True)
    notes = [d.note for d in figure_like_doubts([before, word, after], page, DEFAULT_RECORDS_SETTINGS)]
    assert any("'Verwaltung' stands between the parts of a sentence" in n for n in notes)
    ended = Unit(text_to_lines("Die Modellprojekte haben es bewiesen."), "prose", True)
    assert not figure_like_doubts([ended, word, after], page, DEFAULT_RECORDS_SETTINGS)


def test_a_subjects_first_line_taken_out_between_figures_is_running_text_again(lexicon):
    """'Regelmäßige Sicherungen, geschulte' between a chart's numbers, after a sentence's end and
    before 'Beschäftigte und klare Zuständigkeiten verringern …': a subject's start, not a label."""
    from pipeline.records.pieces import Unit
    from pipeline.records.sentence_lines import sentence_starts_back
    page = Page(lexicon, 46)
    units = [Unit(text_to_lines("Die Ämter schaffen doppelte Prüfungen ab."), "prose", True),
             Unit(text_to_lines("2.400 3"), "figure", False, why="evidence"),
             Unit(text_to_lines("Regelmäßige Sicherungen, geschulte"), "figure", False, why="evidence"),
             Unit(text_to_lines("28 %"), "figure", False, why="evidence"),
             Unit(text_to_lines("Beschäftigte und klare Zuständigkeiten\nverringern das Risiko."), "prose", True)]
    assert sentence_starts_back(units, page, DEFAULT_RECORDS_SETTINGS)[2].kind == "prose"
    # after text that stops inside its sentence the line is no sentence's start
    units[0] = Unit(text_to_lines("Die Ämter schaffen doppelte Prüfungen und"), "prose", True)
    assert sentence_starts_back(units, page, DEFAULT_RECORDS_SETTINGS)[2].kind == "figure"


def test_a_footer_with_its_page_number_under_it_is_furniture(lexicon):
    body = ("Die Beispiele aus Hessen und Bayern zeigen\n\nBundesinstitut für Bau-, Stadt- und Raumforschung\n8\n\n"
            "die Vielfalt der Ansätze.\n")
    running = frozenset({"bundesinstitut für bau-, stadt- und raumforschung"})
    kept, figures, furniture, _ = body_paragraphs(text_to_lines(body), Page(lexicon, 46), running)
    assert furniture == ["Bundesinstitut für Bau-, Stadt- und Raumforschung", "8"]
    assert not any("Bundesinstitut" in join_lines(f) for f in figures)


def test_names_a_sentence_lists_with_commas_do_not_make_it_a_row_of_labels():
    from pipeline.records.text import sentence_like
    listing = ("Schlussbemerkung Die Beispiele aus Nordrhein-Westfalen, Bayern, Sachsen, Niedersachsen, Hessen, "
               "Rheinland-Pfalz, Schleswig-Holstein und Thüringen zeigen")
    assert sentence_like(listing, DEFAULT_RECORDS_SETTINGS)
    assert not sentence_like("Digitale Plattform Intelligente Quartiere", DEFAULT_RECORDS_SETTINGS)
    assert not sentence_like("Handel, Wohnen, Mobilität", DEFAULT_RECORDS_SETTINGS)


def test_a_list_introduced_under_a_charts_numbers_stays_in_the_text_flagged(lexicon):
    """'Schwerpunkte:' under a chart's years and lone letters, then items an English model marked
    '*«' and '+': the list the text introduces, kept with its introduction; the place is flagged."""
    body = ("Die Stadt misst den Verbrauch.\n\n72%\ny\nC a C\n2020 2021 2022 2023\nSchwerpunkte:\n\n"
            "*« Wohnen im Quartier\n\n+ Bildung und Teilhabe\n• Gesundheit und Pflege\n\n"
            "Für Notfälle gibt es weiterhin den Rettungsdienst, dessen Fahrzeuge eine Karte haben.\n")
    kept, figures, _, doubts = body_paragraphs(text_to_lines(body), Page(lexicon, 47))
    text = " ".join(join_lines(p) for p in kept)
    assert "Schwerpunkte:" in text and "Wohnen im Quartier" in text and "Bildung und Teilhabe" in text
    assert not any("Schwerpunkte" in join_lines(f) for f in figures)
    assert any("'Schwerpunkte:' under figure text introduces" in d.note for d in doubts)
    # a map's legend: marked names alone are no text's list
    legend = body.replace("*« Wohnen im Quartier", "• Bahnhof").replace("+ Bildung und Teilhabe", "• Rathaus")
    kept, _, _, _ = body_paragraphs(text_to_lines(legend), Page(lexicon, 47))
    assert "Bahnhof" not in " ".join(join_lines(p) for p in kept)


def test_the_one_line_under_a_big_number_is_its_label_however_narrow_the_column(lexicon):
    from pipeline.records.figure_doubts import number_words_out
    from pipeline.records.pieces import Unit
    page = Page(lexicon, 38)
    units = [Unit(text_to_lines("der Haushalte nötig. Viele Kommunen"), "prose", True),
             Unit(text_to_lines("35 %"), "figure", False, why="evidence"),
             Unit(text_to_lines("weniger Verkehr Fördermittel"), "prose", True),
             Unit(text_to_lines("richten deshalb urbane Datenplattformen ein."), "prose", True)]
    assert [u.kind for u in number_words_out(units, page, DEFAULT_RECORDS_SETTINGS)] == ["prose", "figure", "figure", "prose"]
    units[2] = Unit(text_to_lines("weniger Verkehr, mehr Raum für alle"), "prose", True)  # a listing's comma: text
    assert number_words_out(units, page, DEFAULT_RECORDS_SETTINGS)[2].kind == "prose"


def test_the_records_name_with_a_word_or_two_and_no_sentence_is_a_logos_words(lexicon):
    from pipeline.records.pieces import names_wordmark
    page = Page(lexicon, 46, name="Bad Berleburg")
    assert names_wordmark("WF digitales Bad Berleburg", page)
    assert not names_wordmark("Bad Berleburg setzt auf Daten.", page)
    assert not names_wordmark("In Bad Berleburg", page) and not names_wordmark("Bad Berleburg", page)
    assert not names_wordmark("Hofladen Gemüse", Page(lexicon, 46, name="Hof"))  # the name as whole words only
    assert names_wordmark("WB smart City Bad Berleburg", page)  # an icon read as two capitals does not count
    assert names_wordmark("Wi smart City Bad Berleburg", page)  # nor one read as a capital and a small letter
    assert not names_wordmark("Im smart City Bad Berleburg", page)  # a function word is no icon
    assert names_wordmark("Smart City Bad Berleburg 2030", page)  # a strategy's year is no word of it
    assert not names_wordmark("Bad Berleburg 2030", page)
    assert not names_wordmark("Digitale Bildung für Bad Berleburg", page)


def test_guards_numbers_marks_keywords_and_labels_inside_a_sentence(lexicon):
    """What the rules above must leave alone: a chart's axis of numbers (no footer with it) is no
    page furniture; a German model's item mark is no speck; a box of keywords with 'und' is no
    sentence; 'Karte:' inside a sentence opens no caption; a sentence's rest under a number is no label."""
    from pipeline.records.figure_doubts import number_words_out
    from pipeline.records.glued_captions import caption_after_text, words_after_specks
    from pipeline.records.pieces import Unit
    from pipeline.records.text import sentence_like
    page = Page(lexicon, 46, (), ("Karte", "Quelle"))
    _, figures, furniture, _ = body_paragraphs(text_to_lines("Die Werte sind gut.\n\n25\n50\n75\n100\n\nDie Werte steigen.\n"),
                                               page, frozenset({"bundesinstitut für bau-, stadt- und raumforschung"}))
    assert furniture == [] and [join_lines(f) for f in figures] == ["25 50 75 100"]
    assert words_after_specks("« \\ Wohnen im Quartier und mehr") is None
    assert not sentence_like("Mobilität, Energie, Wohnen, Bildung, Gesundheit, Kultur, Tourismus, Handel und Verwaltung",
                             DEFAULT_RECORDS_SETTINGS)
    assert caption_after_text("Ein wichtiges Werkzeug dafür ist die neue digitale Karte: Bürgerinnen und", page) is None
    units = [Unit(text_to_lines("Der Anteil liegt im Landkreis inzwischen bei über"), "prose", True),
             Unit(text_to_lines("80 %"), "figure", False, why="evidence"),
             Unit(text_to_lines("der Haushalte im ländlichen Raum des Kreises"), "prose", True)]
    assert number_words_out(units, Page(lexicon, 38), DEFAULT_RECORDS_SETTINGS)[2].kind == "prose"


def test_a_numbered_caption_glued_after_any_words_is_cut(lexicon):
    from pipeline.records.glued_captions import caption_after_text
    page = Page(lexicon, 56, (), ("Abbildung", "Karte"))
    line = "Hallenbad und rund zweihundert Haushalte versorgen. Sie ist Abbildung 8: Entwicklung der Fahrgastzahlen"
    assert line[caption_after_text(line, page):] == "Abbildung 8: Entwicklung der Fahrgastzahlen"


def test_a_caption_glued_after_a_line_goes_to_figure_text_and_the_sentence_stays(lexicon):
    page = Page(lexicon, 60, (), ("Quelle", "Foto"))
    body = ("Persönliche Angaben werden nach einer festgelegten Frist gelöscht.\n"
            "So bleibt die Grundversorgung im Ort erhalten, Quelle: eigene Darstellung\n"
            "obwohl sich ein herkömmlicher Laden nicht mehr lohnen würde.\n")
    kept, figures, _, _ = body_paragraphs(text_to_lines(body), page)
    assert [join_lines(f) for f in figures] == ["Quelle: eigene Darstellung"]
    assert "im Ort erhalten, obwohl sich" in " ".join(join_lines(p) for p in kept)


def test_the_line_under_a_figures_lone_number_is_its_label_and_under_a_page_number_a_heading(lexicon):
    """A lone number is furniture either way (the caller keeps a figure's); where it is a figure's,
    the short line under it is the number's label, figure text; under a page number it heads the text."""
    body = ("Übungen mit Feuerwehr, Hilfsorganisationen und Schulen\nsorgen dafür, dass im Ernstfall alle wissen, was zu "
            "tun ist.\n\n12\n\nSensoren im Quartier\n\nIm Mittelpunkt steht ein Dorfladen, der rund um die Uhr\n"
            "geöffnet hat. Am Ende geht es\ndarum, dass Menschen gern an ihrem Ort leben.\n")
    lines = text_to_lines(body)
    number = next(l.number for l in lines if l.text == "12")
    page = Page(lexicon, 55, ("Stadt am See", "Offen für Neues"))
    kept, figures, furniture, _ = body_paragraphs(lines, page, figure_numbers=frozenset({number}))
    assert [join_lines(f) for f in figures] == ["Sensoren im Quartier"] and furniture == ["12"]
    kept, figures, furniture, _ = body_paragraphs(lines, page)
    assert figures == [] and any(join_lines(p) == "Sensoren im Quartier" for p in kept)


def test_a_line_ending_in_a_colon_over_a_sentences_rest_in_lower_case_stays_one_paragraph(lexicon):
    """A list's first item stands apart from its introduction; a sentence going on in lower case
    after a colon does not."""
    body = ("Die Gemeinde braucht für diesen Umbau vor allem eines:\ndie Menschen vor Ort\n")
    page = Page(lexicon, 55, ("Stadt am See", "Offen für Neues"))
    kept, figures, _, _ = body_paragraphs(text_to_lines(body), page)
    assert [join_lines(p) for p in kept] == ["Die Gemeinde braucht für diesen Umbau vor allem eines: die Menschen vor Ort"]


def test_a_banners_words_after_a_bar_at_a_rows_end_are_figure_text(lexicon):
    """'… beteiligen sich || MODELLPROJEKT SM,': a box's edge and a banner's capitals ending a row of
    running text are cut from it, and the sentence goes on in the next row; a logo's line in
    capitals on both sides of a bar stays one piece."""
    body = ("So entstehen Wohnungen, ohne dass neue Flächen am\nStadtrand versiegelt werden. Schulen beteiligen "
            "sich || MODELLPROJEKT SM,\n\nan den Zahlungen und verbinden so Unterricht und\npraktischen Naturschutz.\n")
    page = Page(lexicon, 50, ("Stadt am See", "Offen für Neues"))
    kept, figures, _, _ = body_paragraphs(text_to_lines(body), page)
    assert [join_lines(f) for f in figures] == ["|| MODELLPROJEKT SM,"]
    assert "beteiligen sich an den Zahlungen" in " ".join(join_lines(p) for p in kept)
    from pipeline.records.glued_captions import banner_after_bar
    assert banner_after_bar(") RESILIENTE STADT KEMPTEN | DIGITALISIERUNG ALS ENABLER") is None


def test_a_line_far_past_the_measure_is_no_paragraphs_full_line(lexicon):
    """'MÄRKISCH-ODERLAND hat ein Datenbeirat DIGITAL aus Bürgerinnen': a logo's words read across
    into a line of the text, far longer than the column's: not taken as a paragraph's line."""
    from pipeline.records.pieces import full_line
    from pipeline.records.units import Unit
    page = Page(lexicon, 35, ("Stadt am See", "Offen für Neues"))
    line = text_to_lines("MÄRKISCH-ODERLAND hat ein Datenbeirat DIGITAL aus Bürgerinnen")
    assert not full_line(Unit(line, "prose", True), page, DEFAULT_RECORDS_SETTINGS)
    line = text_to_lines("Eine große Wärmepumpe soll künftig mehr")
    assert full_line(Unit(line, "prose", True), page, DEFAULT_RECORDS_SETTINGS)


def test_a_caption_with_a_word_of_its_next_line_read_before_its_number_is_a_caption(lexicon):
    page = Page(lexicon, 46, captions=("Abbildung", "Foto"))
    assert page.is_caption("Abbildung Glasfaser 7: Anteil der Haushalte mit")
    assert page.is_caption("Abbildung 7: Anteil der Haushalte mit") and page.is_caption("Foto: Stadt")
    assert not page.is_caption("Abbildung der Stadt 7: Anteil") and not page.is_caption("Foto zeigt 3 Häuser")


def test_a_column_of_lone_words_after_text_stopping_open_is_a_diagrams_labels():
    """After an item stopping on a function word ('… stammen von') and a chart's years, a piece of
    one capitalised word to a line ('Sensoren' / 'Datenplattform' / 'Dashboard') is a diagram's
    labels: a sentence's nouns would be joined by commas or 'und'. Such words in one line, or a
    column of two, stay where the sentence may go on."""
    from pipeline.records.figure_doubts import label_rows_out
    from pipeline.records.units import Unit

    item = Unit(text_to_lines("—- Mobilität und Verkehr\nFrische Lebensmittel stammen von"), "item", True)
    years = Unit(text_to_lines("2020 2021 2022 2023"), "figure", False, "evidence")
    rest = Unit(text_to_lines("Höfen aus der Umgebung. Für Betriebe lohnt es sich."), "prose", True)
    for text, kind in [("Sensoren\nDatenplattform\nDashboard", "figure"), ("Sensoren und Dashboards", "item"),
                       ("Sensoren\nDashboards", "item")]:
        units = [item, years, Unit(text_to_lines(text), "item", None), rest]
        assert [u.kind for u in label_rows_out(units)] == ["item", "figure", kind, "prose"], text


def test_marks_no_word_is_inside_a_descriptions_sentences_are_flagged():
    """An OCR that read a figure beside the column into its lines leaves marks no word is: a lone
    small letter, bars, dashes, a word broken inside a line. Four or more are flagged; a capital
    alone ('Phase A'), a word's part before 'und' ('Bus- und Bahnverkehr') and an item's mark are
    words or marks of the text."""
    from pipeline.records.body import stray_marks_doubts

    read_across = ("Sie sprechen mit ihren Enkeln und Überwei- Sensoren sungen selbst. Ein Labor, in dem l Teams "
                   "arbeiten. Gemeindeschwestern besuchen ältere | Menschen und —— messen den Blutdruck.")
    assert stray_marks_doubts(read_across, DEFAULT_RECORDS_SETTINGS)[0].flagged
    text = ("In Phase A und Phase B werden Bus- und Bahnverkehr verknüpft, Orts- wie Kreisstraßen, Schul- statt "
            "Elterntaxis.\n\n• Mobilität\n\n- Energie und Klima\n\nDer Weg ist 5 km lang, 24 h offen, trägt 500 t. "
            "Der Typ B ist l für alle.")
    assert stray_marks_doubts(text, DEFAULT_RECORDS_SETTINGS) == []
    # each exemption alone holds enough marks to cross the threshold
    assert stray_marks_doubts("Der Hof ist 24 h offen und trägt 500 t und misst 3 m und fasst 2 l Wasser.",
                              DEFAULT_RECORDS_SETTINGS) == []
    assert stray_marks_doubts("Es gibt Orts- wie Kreis-, Schul- statt Eltern-, Rad- wie Fußwege, Bus- statt Autofahrten.",
                              DEFAULT_RECORDS_SETTINGS) == []


def test_a_map_point_naming_a_place_is_the_maps_however_narrow_the_column_came_out(lexicon):
    """'m Lauf an der Pegnitz' next to a point read as 'm@ Hersbruck', in a column whose measure
    came out narrow (the line is not short by it): the words after the mark name a place, so the
    line is the map's; a line with a clause after a sign is not."""
    from pipeline.records.figure_doubts import map_points_out
    from pipeline.records.units import Unit

    page = Page(lexicon, 24)
    point = Unit(text_to_lines("m@ Hersbruck"), "figure", False, "evidence")
    text = Unit(text_to_lines("In Völklingen werden Warnungen verbreitet."), "prose", True)
    for line, kind in [("m Lauf an der Pegnitz", "figure"), ('" Klimaschutz und Smart City im Alltag integrieren', "prose")]:
        units = [point, Unit(text_to_lines(line), "prose", None), text]
        assert [u.kind for u in map_points_out(units, page, DEFAULT_RECORDS_SETTINGS)] == ["figure", kind, "prose"], line


def test_two_map_points_in_one_row_an_ocr_broke_over_two_lines_are_the_maps(lexicon):
    """'• Weil am Rhein' / '"Hafen ™ Rathaus': a row of a map's points (marks read as a bullet, a
    quote and a trade mark sign) broken over two lines into one piece of running text, next to a
    marked point taken as figure text: an item holds no mark inside, so the piece is the map's."""
    from pipeline.records.figure_doubts import map_points_out
    from pipeline.records.units import Unit

    page = Page(lexicon, 44)
    point = Unit(text_to_lines("• Neuhof Süd"), "figure", False, "evidence")
    row = Unit([l for l in text_to_lines('• Weil am Rhein\n"Hafen ™ Rathaus') if not l.blank], "prose", None)
    text = Unit(text_to_lines("Windräder prägen vielerorts das Landschaftsbild."), "prose", True)
    assert [u.kind for u in map_points_out([point, row, text], page, DEFAULT_RECORDS_SETTINGS)] == ["figure", "figure", "prose"]


def test_a_logos_words_are_found_with_the_names_hyphen_read_as_a_space_and_an_icon_as_a_letter(lexicon):
    from pipeline.records.pieces import names_wordmark
    page = Page(lexicon, 46, name="Dessau-Roßlau")
    assert names_wordmark("Smart City Dessau Roßlau", page) and names_wordmark("u Smart City Dessau-Roßlau", page)
    assert not names_wordmark("Dessau Roßlau setzt auf Daten.", page)


def test_a_logos_line_naming_the_record_inside_a_paragraph_is_a_piece_of_its_own(lexicon):
    """An OCR set a logo's words ('u Smart City Potsdam') between two lines of a paragraph, no
    blank line around them: the line is a piece of its own, and reads as the logo's."""
    from pipeline.records.pieces import classify_units, pieces_of

    page = Page(lexicon, 58, name="Potsdam")
    para = text_to_lines("Der Tourismus profitiert ebenfalls von guten Daten. In Bad\nu Smart City Potsdam\n"
                         "Säckingen haben sich Vereine und Betriebe zusammengetan.")
    units = classify_units(pieces_of(para, page, DEFAULT_RECORDS_SETTINGS), page, frozenset(), DEFAULT_RECORDS_SETTINGS)
    assert [(u.kind, u.text) for u in units if u.kind == "figure"] == [("figure", "u Smart City Potsdam")]
    # the record's name and a word in a line of the sentence, which goes on in lower case: the text's
    page = Page(lexicon, 40, name="Potsdam")
    para = text_to_lines("Die Stadt will bis zum Jahr 2030 ganz\nPotsdam klimaneutral\nmachen und dafür Wärme aus dem "
                         "Fluss nutzen.")
    units = classify_units(pieces_of(para, page, DEFAULT_RECORDS_SETTINGS), page, frozenset(), DEFAULT_RECORDS_SETTINGS)
    assert [u.kind for u in units] == ["prose"]
    # a logo's words over a line going on in lower case, or the name with a word in lower case, stay text
    for para in ["Der Tourismus profitiert ebenfalls von guten Daten. In Bad\nu Smart City Potsdam\nsäckingen haben "
                 "sich Vereine und Betriebe zusammengetan.", "Der Tourismus profitiert ebenfalls von guten Daten. In Bad\n"
                 "Potsdam digital\nSäckingen haben sich Vereine und Betriebe zusammengetan."]:
        page = Page(lexicon, 58, name="Potsdam")
        units = pieces_of(text_to_lines(para), page, DEFAULT_RECORDS_SETTINGS)
        assert len(units) == 1, para


def test_a_noun_awaited_by_a_determiner_needs_the_text_after_it_to_open_on_no_word_before_a_noun(lexicon):
    """'… ihrer' | 'Größe und ihren Herausforderungen' | 'passt.': the determiner's noun. Where the
    text after opens on an adjective, a number or a quantifier ('neuen', 'zwei', 'beiden'), or is
    not known, the determiner may wait for that: no noun awaited."""
    from pipeline.records.interruptions import noun_awaited

    before = "Jede Gemeinde muss ihren Weg finden, der zu ihren Stärken, ihrer"
    assert noun_awaited(before, "Größe und ihren Herausforderungen", lexicon, "passt. Das Beispiel")
    for after in ["neuen Quartiere", "zwei Quartiere", "beiden Orte", "ältere, neue", ""]:
        assert not noun_awaited("… verbindet die", "Stadtteile und Quartiere im Überblick", lexicon, after), after


def test_a_sentence_opened_inside_a_line_needs_a_word_in_lower_case_after_its_opener(lexicon):
    from pipeline.records.prose import opens_a_sentence_within

    assert opens_a_sentence_within("Bildung und Kompetenzen Damit alle Menschen", lexicon)
    assert opens_a_sentence_within("Lernen und Arbeiten im Ort Im", lexicon)
    assert opens_a_sentence_within("Projekt Wir bauen Zukunft im Ort Im", lexicon)
    assert not opens_a_sentence_within("Blick auf das Rathaus Am Markt", lexicon)
    assert not opens_a_sentence_within("Haltestelle Zum Hafen", lexicon)


def test_a_line_after_a_determiner_is_set_into_the_sentence_unless_the_text_after_it_settles_its_noun(lexicon):
    """'… verbindet die' | 'Stadtteile und Quartiere im Überblick': set into the sentence (a caption)
    where the text after opens on an adjective the determiner may wait for ('neuen …'); the
    sentence's own line where the text after goes on without one ('verbinden.')."""
    from pipeline.records.figure_doubts import set_into_sentence
    from pipeline.records.units import Unit

    page = Page(lexicon, 46)
    before = Unit(text_to_lines("Eine neue Buslinie fährt im Takt von zehn Minuten und verbindet ab dem Sommer die"),
                  "prose", True)
    line = Unit(text_to_lines("Stadtteile und Quartiere der Kernstadt im Überblick"), "prose", None)
    assert set_into_sentence(line, before, page, "neuen Quartiere am Hafen mit der Altstadt.")
    assert not set_into_sentence(line, before, page, "mit der Altstadt.")


def test_a_slogan_ending_for_all_is_no_line_stopping_on_its_nouns_determiner(lexicon):
    """'Gemeinsam digital - für alle' before text opening on a plural noun: 'alle' stands alone
    there (for everyone), so the slogan is no sentence's line stopping on an article."""
    from pipeline.records.sentence_lines import opener_goes_on

    assert not opener_goes_on("Gemeinsam digital - für alle", "Daten als Gemeingut Städte erzeugen", lexicon)
    assert opener_goes_on("Wissenschaft und Verwaltung Leitlinien für den", "Umgang mit Daten erarbeitet.", lexicon)


@pytest.mark.parametrize("text, number", [("17.000", True), ("80 %", True), ("1,2 Mio. €", True), ("5 Jahre 17.000", True),
                                          ("18 Monate", True), ("2025", False), ("5 Jahre lang", False)])
def test_a_key_figure_is_a_big_number_with_its_unit_or_a_row_of_them(text, number):
    """A duration ('5 Jahre') is a key figure as a sum or a share is; a bare year heads a paragraph."""
    from pipeline.records.figure_doubts import a_number
    assert a_number(text) == number


def test_a_diagrams_arrows_read_at_the_starts_of_lines_are_flagged(lexicon):
    """Two lines of a paragraph open on a sign alone ('1 Die Kommunen …', 'l liefert …'): a
    diagram's arrows read into the column, its labels among the words; one such line is a speck."""
    from pipeline.records.pieces import Unit
    from pipeline.records.sentence_doubts import arrows_at_line_starts_doubts
    arrows = Unit(text_to_lines("1 Die Kommunen nutzen digitale Werkzeuge, um Flächen\nDatenplattform zu finden und "
                                "Bauvorhaben transparent zu machen.\nl liefert Brötchen mit Lastenrädern aus."), "prose")
    speck = Unit(text_to_lines("Die Stadt baut ein Netz aus Sensoren auf,\nl das den Verkehr misst."), "prose")
    assert [d.flagged for d in arrows_at_line_starts_doubts([arrows])] == [True]
    assert arrows_at_line_starts_doubts([speck]) == []


def test_a_sentence_cut_by_a_blank_line_under_a_line_a_hyphen_join_made_long_is_one_paragraph(lexicon):
    """The guard against joining where lines read across two columns meet measures a line as
    printed: a line the cleaner made of two (a word broken at its end joined) is no line read
    across."""
    body = ("Die Vereine sammeln Wünsche und Beschwerden, bringen Nachbarn zusammen und vermitteln\n"
            "zwischen Verwaltung und Bürgerschaft.\n\nFür den Klimaschutz setzt die Gemeinde auf\n\n"
            "Wärme aus dem Fluss. Virtuelle Rundgänge\nermöglichen einen Blick hinter die Kulissen.\n")
    joined = [join_lines(p) for p in body_paragraphs(text_to_lines(body), Page(lexicon, 46, joined=((0, 45),)))[0]]
    assert joined[-1].startswith("Für den Klimaschutz setzt die Gemeinde auf Wärme aus dem Fluss."), joined
    apart = [join_lines(p) for p in body_paragraphs(text_to_lines(body), Page(lexicon, 46))[0]]
    assert apart[-1].startswith("Wärme aus dem Fluss."), apart  # a line read across: the column reading decides


def test_a_paragraph_stopping_inside_a_sentence_is_flagged_unless_a_list_follows():
    from pipeline.records.body import cut_sentence_doubts
    cut = cut_sentence_doubts("Die Gemeinde setzt auf kurze Wege zu\n\nGeschäften und Ärzten machen ein Viertel lebenswert.")
    assert len(cut) == 1 and cut[0].flagged and "kurze Wege zu" in cut[0].note
    assert cut_sentence_doubts("Wir setzen Maßnahmen um, welche\n\n• die Ortskerne beleben") == []
    assert cut_sentence_doubts("Der Text endet mit dem")[0].flagged  # at the description's end
    assert cut_sentence_doubts("Ein Satz endet.\n\nEin zweiter auch.") == []
    assert cut_sentence_doubts("Sie ist kein Selbstzweck,\n\nJetzt mitmachen sondern ein Werkzeug.")[0].flagged
    assert cut_sentence_doubts("• Daten und Wissen,\n\n• Bildung") == []  # items may end on a comma


def test_a_sentence_start_printed_twice_and_taken_out_as_repeated_is_named_when_its_rest_goes_on(lexicon):
    """A text that holds a sentence twice, each time its first line set apart by a figure: the line
    taken out as printed twice (a logo's, as it reads) may be the start the lower-case rest lacks;
    it is named in a flag, not taken back (a logo's line comes twice as well)."""
    body = ("Auch der Schutz der digitalen Infrastruktur\n\n5 Jahre\n\nLaufzeit\n\n"
            "gewinnt an Bedeutung. Die Stadt hat sich viel vorgenommen und\nbeginnt mit einer Werkstatt.\n\n"
            "Die Plattform für Fahrten wurde kaum genutzt.\n\nAuch der Schutz der digitalen Infrastruktur\n\n"
            "Grafik: Stadt am Fluss\n\ngewinnt an Bedeutung. Nicht alles ist gelungen.\n")
    kept, figures, _, doubts = body_paragraphs(text_to_lines(body), Page(lexicon, 46, captions=("Grafik",)))
    said = [d.note for d in doubts if d.flagged]
    assert any("its start may be in figure_text ('Auch der Schutz" in n for n in said), said


def test_an_opening_line_stopping_on_an_adjective_before_its_noun_is_not_flagged_as_a_heading(lexicon):
    from pipeline.records.sentence_doubts import opening_line_doubts
    from pipeline.records.pieces import Unit
    first = Unit(text_to_lines("Regelmäßige Sicherungen, geschulte"), "prose", True)
    rest = Unit(text_to_lines("Beschäftigte und klare Zuständigkeiten verringern das Risiko."), "prose", True)
    assert opening_line_doubts([first, rest], lexicon) == []
    heading = Unit(text_to_lines("Die Zukunft beginnt im Quartier"), "prose", True)
    assert opening_line_doubts([heading, rest], lexicon)[0].flagged


def test_a_join_across_figure_text_whose_words_cannot_follow_each_other_is_flagged(lexicon):
    from pipeline.records.body import join_doubt
    lost = join_doubt("ohne dass neue Flächen am", "und Fußgänger soll ein Übergang entstehen.", lexicon)
    assert lost.flagged and "'am' cannot go on in 'und'" in lost.note
    assert not join_doubt("wie Sensoren an Kreuzungen die", "Ampelschaltungen verbessern.", lexicon).flagged
    assert not join_doubt("Vorschläge können auf einer", "Plattform eingereicht werden.", lexicon).flagged


@pytest.mark.parametrize("description, flagged", [
    ("Es gibt nicht die eine richtige Fördermittel Sensoren im Quartier\n\nLösung für alle Kommunen. Frisches Gemüse "
     "kommt aus der Umgebung.", True),
    ("Es gibt nicht die eine richtige\n\nLösung für alle Kommunen gibt es nicht.", False),  # a verb: a sentence of its own
    ("Das Projekt endet.\n\nNeue Wege für kleine Gemeinden.", False),  # after a sentence's end: a heading may stand so
    ("Die Zahl der Nutzer\n\nRund 1.200 Menschen im Jahr 2023.", False),  # a number: a key figure's line
    ("Digitale Bürgerdienste\n\nMehr Service für alle Bürgerinnen und Bürger.", False),  # a sub-heading: no verb
    ("Sie sagt: „Das läuft gut.“\n\nEin guter Anfang.", False),  # the quote closes after its stop
    ("MODELLPROJEKT SMART • Handel CITIES und Gewerbe\n\nGemeinde ihr Stadtfest.", True),  # no heading: too long
])
def test_a_verbless_sentence_opening_a_paragraph_after_one_stopping_inside_a_sentence_is_flagged(description, flagged, lexicon):
    """'… die eine richtige' + figure labels taken for its noun, then 'Lösung für alle Kommunen.'
    alone: the sentence's rest, without a verb, opens the next paragraph."""
    from pipeline.records.body import verbless_sentence_rest_doubts
    doubts = verbless_sentence_rest_doubts(description, lexicon)
    assert bool(doubts) == flagged and all(d.flagged for d in doubts)


def test_a_records_verbless_sentence_rest_flags_its_description(corrections):
    """The rule reaches a record: its description flagged, the sentence named."""
    from pipeline.run import extract_brochure
    from .test_labelled import load_source_text
    text = ("1. Modellprojekte Smart Cities 2023\n\nGroßstädte\n\nKoblenz\nGroße Großstadt · Rheinland-Pfalz\n\n"
            "Projekttitel: Koblenz klug\nMotto: Heute für morgen\n\n"
            "Viele Bürgerinnen und Bürger nutzen die neue Plattform der Stadt seit dem Frühjahr. Es gibt nicht die eine\n"
            "richtige\n\nLösung für alle Kommunen. Die Stadt lernt von anderen.\n")
    got = extract_brochure(load_source_text(text), corrections, use_overrides=False).brochure.projects[0]
    assert "Lösung für alle Kommunen." in got.review_notes.get("description", "")


def test_a_paragraph_going_on_after_a_column_break_is_not_flagged_as_a_caption(lexicon):
    """Running text stopping on an article at a column's end ('… eng mit der') and the paragraph
    going on in full lines after a blank line: its first line breaks where its next word would not
    fit, or ends on a function word, so no caption glued over it is suspected."""
    page = Page(lexicon, 40, ("Leben im Quartier", "Zusammen wohnen"))
    for body in ("Die Gemeinde arbeitet dabei eng mit der\n\nHochschule und den Stadtwerken am Markt\n"
                 "gemeinsam an einer Plattform. Die Daten sind offen.\n",
                 "Die Gemeinde arbeitet dabei eng mit der\n\nHochschule und den Stadtwerken an der\n"
                 "gemeinsamen Plattform. Die Daten sind offen.\n"):
        doubts = body_paragraphs(text_to_lines(body), page)[3]
        assert not any("opens a paragraph between" in d.note for d in doubts), body
    glued = "Die Gemeinde arbeitet dabei eng mit der\n\nSprechstunde am Markt\nHochschule und den Stadtwerken.\n"
    assert any("opens a paragraph between" in d.note for d in body_paragraphs(text_to_lines(glued), page)[3])


def test_a_caption_glued_over_a_paragraph_is_flagged_where_the_next_word_fits_a_long_line(lexicon):
    """The next word would have fitted on the caption's line only past the column's usual (median)
    line, 38 here: a ragged column's lines run further (column_width_share), so it is still flagged."""
    page = Page(lexicon, 38, ("Leben im Quartier", "Zusammen wohnen"))
    glued = ("Die Schule erhält einen Anbau mit hellen\nRäumen, einer Küche und einem Garten, in\n\n"
             "Gespräche mit Anwohnern und Vereinen\ndem Kinder Gemüse pflanzen und Blüten\nbeobachten können.\n")
    assert any("opens a paragraph between" in d.note for d in body_paragraphs(text_to_lines(glued), page)[3])


@pytest.mark.parametrize("description, flagged", [
    ("Die Anschlagbretter erreichen auch jüngere Menschen. Hier entsteht Zukunft\n\nViele Gebäude sind alt.", True),
    ("Die Anschlagbretter erreichen auch jüngere Menschen. Handel und Innenstädte\n\nDie Läden schließen.", False),
    ("Die Anschlagbretter erreichen auch jüngere Menschen. Dort entsteht\n\nein neuer Treffpunkt.", False),
    ("Die Anschlagbretter erreichen auch jüngere Menschen. Hier entsteht Zukunft.", False),
    ("Die Anschlagbretter erreichen viel. In der Innenstadt entsteht ein\n\nTreffpunkt für alle.", False),
    ("Wie erreicht man alle? Hier entsteht Zukunft\n\nViele Gebäude sind alt.", True),
    ("Die Stadt muss die Bevölkerung rechtzeitig warnen. Rückmeldung\n\nViele Gebäude sind alt.", True),
    ("Die Stadt muss die Bevölkerung rechtzeitig warnen. Handel und Gewerbe\n\nViele Gebäude sind alt.", False),
])
def test_a_paragraph_ending_on_a_clause_with_no_stop_is_flagged(description, flagged, lexicon):
    """A few words with a finite verb and no stop after a paragraph's last sentence, not going on
    in the next paragraph: a slogan read into the last line; so is a capitalised noun alone (a
    figure's label). A heading's words (no verb, in lower case too) and a sentence going on in
    lower case are no such thing."""
    from pipeline.records.body import stopless_tail_doubts
    assert bool(stopless_tail_doubts(description, lexicon)) == flagged


def test_a_line_taken_out_for_its_size_between_a_sentences_parts_is_flagged(lexicon):
    """An OCR layer fitted one line of the text to another size: taken out for it, though it reads
    as the sentence's line between two parts that wait for it; figure text, flagged and named."""
    page = Page(lexicon, 46, ("Dorf mit Zukunft", "Gemeinsam vernetzt"))
    body = ("Gründächer und Mulden helfen dabei, Überschwemmungen zu\nvermeiden. Im Norden von\n\n"
            "Schleswig-Holstein arbeiten mehrere Dörfer an\n\neiner gemeinsamen Plattform für Ausflugsziele.\n")
    lines = text_to_lines(body)
    styled = frozenset(l.number for l in lines if l.text.startswith("Schleswig"))
    kept, figures, _, doubts = body_paragraphs(lines, page, styled=styled)
    assert [join_lines(f) for f in figures] == ["Schleswig-Holstein arbeiten mehrere Dörfer an"]
    assert any("set in another size between the parts of a sentence" in d.note and d.flagged for d in doubts)


def test_a_caption_opening_anew_after_a_comma_over_the_sentences_rest_is_flagged(lexicon):
    """'… in Brandenburg,' | 'Die alte Mühle im Winter' / 'Sachsen und Thüringen nutzen …': after a
    comma no line opens with a capital article; the line may be a caption glued over the rest."""
    page = Page(lexicon, 44, ("Dorf mit Zukunft", "Gemeinsam vernetzt"))
    body = ("Die Stadt hat einen Plan für die nächsten\nJahre beschlossen. Der Landkreis dokumentiert\n"
            "die Ergebnisse in einem Leitfaden, den andere\nKommunen in Brandenburg,\n\n"
            "Die alte Mühle im Winter am Abend\nSachsen und Thüringen nutzen können. Die\nNachfrage ist groß.\n")
    doubts = body_paragraphs(text_to_lines(body), page)[3]
    assert any("'Die alte Mühle im Winter am Abend' opens a paragraph between" in d.note for d in doubts)


def test_no_rival_openings_after_a_list_item(lexicon):
    """A bulleted list, then a paragraph whose first line is its sentence's subject ('Die
    Bürgerinnen und Bürger der Gemeinde' / 'können künftig …'): an item is no sentence's start, so
    nothing rivals the line; no flag."""
    page = Page(lexicon, 46, ("Dorf mit Zukunft", "Gemeinsam vernetzt"))
    body = ("Die Gemeinde setzt auf diese Schwerpunkte:\n\n• Mobilität und Verkehr\n\n• Wohnen im Quartier\n\n"
            "Die Bürgerinnen und Bürger der Gemeinde\nkönnen künftig ihre Anliegen rund um die Uhr\nmelden.\n")
    doubts = body_paragraphs(text_to_lines(body), page)[3]
    assert not any("both stop before a verb" in d.note for d in doubts)


def test_a_row_of_capitalised_words_a_sentence_goes_on_from_stays_its_line(lexicon):
    """'… Grundlage ist die' | 'Smart City Strategie Digitale Region Talheim' / 'mit ihren Maßnahmen,
    …': a row of capitalised words the next line goes on from in lower case is the sentence's noun
    phrase, no icon row: it stays in the text."""
    page = Page(lexicon, 46, ("Dorf mit Zukunft", "Gemeinsam vernetzt"))
    body = ("Die Stadt hat einen Plan beschlossen. Seine\nGrundlage ist die\n\n"
            "Smart City Strategie Digitale Region Talheim\nmit ihren Maßnahmen, die bis zum Jahr 2030\n"
            "umgesetzt werden sollen.\n")
    kept, figures = body_paragraphs(text_to_lines(body), page)[:2]
    assert "Smart City Strategie Digitale Region Talheim" in " ".join(join_lines(p) for p in kept)


def test_a_credit_with_a_place_after_a_comma_stays_whole(lexicon):
    """'Foto: Amt Planung, Rheinsberg' after text waiting for a noun ('… ein Konzept für die'): a
    place after the comma opens no clause, so the credit is no noun and its sentence; it stays one."""
    page = Page(lexicon, 46, ("Dorf mit Zukunft", "Gemeinsam vernetzt"), ("Foto",))
    body = ("Die Stadt hat einen Plan beschlossen und erarbeitet\nnun ein Konzept für die\n\n"
            "Foto: Amt Planung, Rheinsberg\n\nInnenstadt, die bis zum Jahr 2030 umgebaut wird.\n")
    figures = body_paragraphs(text_to_lines(body), page)[1]
    assert [join_lines(f) for f in figures] == ["Foto: Amt Planung, Rheinsberg"]



@pytest.mark.parametrize("description, flagged", [
    ("Die Daten werden nach einer Frist gelöscht.\n\n• lebendige Ortskerne\n\n• Handel und Gewerbe", True),
    ("Geplant sind dabei zwei Maßnahmen:\n\n• lebendige Ortskerne\n\n• Handel und Gewerbe", False),
    ("Wir setzen Maßnahmen um, welche\n\n• die Ortskerne beleben\n\n• den Handel stärken", False),
    ("Handlungsfelder\n\n• lebendige Ortskerne", False),
    ("Die Stadt wächst.\n\n2. Phase der Umsetzung beginnt im Mai.", False),
    ("• lebendige Ortskerne.\n\n• Handel und Gewerbe", False),
    ("Die Stadt setzt auf drei Handlungsfelder.\n\n• Mobilität\n\n• Energie", False),
    ("Die Stadt verfolgt folgende Ziele.\n\n• Mobilität\n\n• Energie", False),
    ("Das sei ein guter Anfang.\n\n– so der Bürgermeister.", False),
])
def test_a_list_after_a_paragraph_that_ends_its_sentence_is_flagged(description, flagged):
    """A list is introduced (a colon, or a clause its items end): one right after a sentence's
    stop lost its introduction (a figure printed over it) or had it read elsewhere."""
    from pipeline.records.body import list_without_introduction_doubts
    assert bool(list_without_introduction_doubts(description)) == flagged


@pytest.mark.parametrize("description, flagged", [
    ("Dort bieten Studierende Kurse an, in denen Seniorinnen und Senioren\n\nIm Vordergrund stehen drei Ziele:", True),
    ("Dort bieten Studierende Kurse an, in denen Seniorinnen und Senioren üben.\n\nIm Vordergrund stehen drei Ziele:", False),
    ("LERN- & INNOVATIONS-RAUM: Kompetenzen & Innovationen fördern\n\nDas Zusammenspiel dieser Aufgaben zählt.", False),
    ("Schule und Ausbildung\n\nDie Schulen haben viel gelernt.", False),
    ("Dort bieten Studierende Kurse an, in denen Seniorinnen und Senioren\n\nTablets kennenlernen.", False),
    ("Mehr Informationen zu den Kursen finden Sie unter www.musterstadt.de\n\nIm Jahr 2022 beginnt der Bau.", False),
    ("Was die Stadt mit den Daten ihrer Bürger vorhat\n\nDie Daten bleiben in der Stadt.", False),
    ("Dort bieten Studierende Kurse an, in denen Seniorinnen und\n\nIm Vordergrund stehen drei Ziele:", False),
    ("Dort bieten Studierende Kurse an, in denen Seniorinnen und Senioren\n\nSie können sich im Rathaus anmelden.", False),
])
def test_a_paragraph_stopping_with_no_stop_before_a_new_sentence_is_flagged(description, flagged, lexicon):
    """A sentence cut off with no stop, and the next paragraph opening anew on a function word
    with a capital: the rest is elsewhere or lost. A heading, a label's item and a paragraph the
    next goes on from are no such thing."""
    from pipeline.records.body import unended_paragraph_doubts
    assert bool(unended_paragraph_doubts(description, lexicon)) == flagged
