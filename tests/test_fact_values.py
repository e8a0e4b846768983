"""Facts of a labelled header checked for a fact's shape (records/fact_values.py)."""
import pytest

from pipeline.records.fact_values import checked_facts
from pipeline.records.labels import known_labels, read_labelled_block
from pipeline.records.segment import text_to_lines, value_reads_as
from pipeline.records.settings import DEFAULT_RECORDS_SETTINGS as S


@pytest.fixture
def profile(corrections):
    return corrections.profile_for(None)[0]


def facts_of(text, profile):
    lines = [l for l in text_to_lines(text) if not l.blank]
    block = read_labelled_block(lines, 0, known_labels(profile), S.segment.wrapped_max_gap,
                                lambda f, t: value_reads_as(f, t, profile, S))
    facts, left, doubts = checked_facts(block.values)
    return facts, [l.text for l in lines if l.number in left], doubts


def test_a_facts_value_is_taken_whole_where_it_reads_as_one(profile):
    facts, left, doubts = facts_of("EINWOHNER:\n436.049\nFÖRDERPHASE:\nStrategie- und\nUmsetzungsphase\n", profile)
    assert facts == {"Einwohner": "436.049", "Förderphase": "Strategie- und Umsetzungsphase"}
    assert left == [] and doubts == []


def test_running_text_under_a_facts_label_is_no_fact_and_stays_text_flagged(profile):
    facts, left, doubts = facts_of("EINWOHNER:\n436.049\nWEBSITE:\n\nNürnberg hat dafür ein Innovationslabor gegründet, in\n"
                                   "dem Teams aus verschiedenen Ämtern gemeinsam an\n", profile)
    assert facts == {"Einwohner": "436.049"}
    assert left == ["Nürnberg hat dafür ein Innovationslabor gegründet, in", "dem Teams aus verschiedenen Ämtern gemeinsam an"]
    assert [(d.field, d.flagged) for d in doubts] == [("description", True)]


def test_an_address_read_after_a_paragraph_of_the_text_beside_is_the_labels_value(profile):
    """'WEBSITE:' / a paragraph of the column beside / the address alone: the reading order set the
    text between the label and its value; the address is the fact, the paragraph is no value."""
    text = ("WEBSITE:\n\nViele entscheiden sich\ndanach für eine Ausbildung\nin ihrer Heimatregion.\n\n"
            "www.stadt.de/smart-city\n\nJede Stadt muss ihren\neigenen Weg finden.\n")
    lines = [l for l in text_to_lines(text) if not l.blank]
    block = read_labelled_block(lines, 0, known_labels(profile), S.segment.wrapped_max_gap,
                                lambda f, t: value_reads_as(f, t, profile, S))
    facts, _, doubts = checked_facts(block.values)
    assert facts == {"Website": "www.stadt.de/smart-city"} and doubts == []
    assert not {l.number for l in lines if "Heimatregion" in l.text or "Viele" in l.text} & block.line_numbers
    # two paragraphs of the column beside between them: the address alone after them is still the value
    two = text.replace("Heimatregion.\n\n", "Heimatregion.\n\nWas andere Gemeinden\nübernehmen können.\n\n", 1)
    lines = [l for l in text_to_lines(two) if not l.blank]
    block = read_labelled_block(lines, 0, known_labels(profile), S.segment.wrapped_max_gap,
                                lambda f, t: value_reads_as(f, t, profile, S))
    assert checked_facts(block.values)[0] == {"Website": "www.stadt.de/smart-city"}
    # three columns of the text beside (a sidebar over three narrow columns): 27 lines between, still the value
    column = "".join(f"Zeile {n} der schmalen\nSpalte mit Text\nund noch mehr.\n\n" for n in range(9))
    three = text.replace("Heimatregion.\n\n", "Heimatregion.\n\n" + column, 1)
    lines = [l for l in text_to_lines(three) if not l.blank]
    block = read_labelled_block(lines, 0, known_labels(profile), S.segment.wrapped_max_gap,
                                lambda f, t: value_reads_as(f, t, profile, S))
    assert checked_facts(block.values)[0] == {"Website": "www.stadt.de/smart-city"}
    # an address inside a sentence of the text is the text's, not the label's value
    inside = text.replace("Heimatregion.\n\nwww.stadt.de/smart-city\n", "Heimatregion unter\nwww.stadt.de/smart-city\n")
    lines = [l for l in text_to_lines(inside) if not l.blank]
    block = read_labelled_block(lines, 0, known_labels(profile), S.segment.wrapped_max_gap,
                                lambda f, t: value_reads_as(f, t, profile, S))
    assert checked_facts(block.values)[0] == {}
    # a label for no address ('EINWOHNER:') takes none: its value is no address whatever stands after the text
    other = text.replace("WEBSITE:", "EINWOHNER:")
    lines = [l for l in text_to_lines(other) if not l.blank]
    block = read_labelled_block(lines, 0, known_labels(profile), S.segment.wrapped_max_gap,
                                lambda f, t: value_reads_as(f, t, profile, S))
    assert checked_facts(block.values)[0] == {}


def test_a_facts_value_ends_where_its_lines_stop_going_on(profile):
    facts, left, doubts = facts_of("WEBSITE:\nwww.luenen.de/smart-city\nMobilität ohne eigenes Auto Wer auf dem\n"
                                   "KONTAKT:\nReferat Smart City\n", profile)
    assert facts == {"Website": "www.luenen.de/smart-city", "Kontakt": "Referat Smart City"}
    assert left == ["Mobilität ohne eigenes Auto Wer auf dem"]
    assert [(d.field, d.flagged) for d in doubts] == [("description", False)]


def test_a_label_opening_a_row_of_text_gives_no_fact_and_its_row_stays_text(profile):
    facts, left, doubts = facts_of("EINWOHNER können Fachärzte aus der Krei-\nsstadt zugeschaltet werden, ohne\n", profile)
    assert facts == {} and left == ["EINWOHNER können Fachärzte aus der Krei-", "sstadt zugeschaltet werden, ohne"]
    assert [(d.field, d.flagged) for d in doubts] == [("description", True)]


@pytest.mark.parametrize("row, value", [("109.243 sstadt zugeschaltet werden, ohne", "109.243"),
                                        ("9,1 Mio. Euro vergangenen Jahren viel", "9,1 Mio. Euro"),
                                        ("www.luenen.de/smart-city den Zustand der Gebäude zu", "www.luenen.de/smart-city"),
                                        ("www .luenen.de/smart-city mitgenommen werden", "www.luenen.de/smart-city"),
                                        ("Landwirte nutzen www.luenen.de/smart-city", "www.luenen.de/smart-city")])
def test_a_value_that_shows_its_end_in_a_row_of_text_under_a_label_opening_one_is_the_fact_flagged(row, value, profile):
    """A box an OCR ran into the text's rows: the label opens a row of the text, its value (a
    figure with its unit, an address: values that show where they end) opens or ends the next."""
    facts, left, doubts = facts_of(f"EINWOHNER können Fachärzte aus der Krei-\n{row}\n", profile)
    assert list(facts.values()) == [value]
    assert left == ["EINWOHNER können Fachärzte aus der Krei-", row]  # the rows stay text
    assert [(d.field, d.flagged) for d in doubts] == [("description", True)]


@pytest.mark.parametrize("row", ["Www.luenen.de/srhavsayfgaben und", "12 Gemeinden arbeiten zusammen", "109.243 Menschen"])
def test_no_value_is_read_from_a_row_of_text_where_it_does_not_show_its_end(row):
    from pipeline.records.label_values import fact_in_row
    assert fact_in_row(row) is None


def values_of(text, profile):
    lines = [l for l in text_to_lines(text) if not l.blank]
    block = read_labelled_block(lines, 0, known_labels(profile), S.segment.wrapped_max_gap,
                                lambda f, t: value_reads_as(f, t, profile, S))
    return {v.field: (v.value, v.unsure) for v in block.values}


def test_a_column_of_values_that_fits_its_column_of_labels_line_for_line_is_sure(profile):
    """A key/value table read column by column: as many value lines in a row as labels, a blank
    line after them, each reading as its field's value; a title wrapped over two lines (or text run
    in) leaves the column unsure."""
    fits = values_of("PROJEKTTITEL:\nMOTTO:\nWEBSITE:\n\nRostock digital: Klimaschutz neu denken\n"
                     "Zusammen in ein lebenswertes Rostock\nwww.rostock.de/smart-city\n\nSo bleibt die Wertschöpfung.\n", profile)
    assert fits["title"] == ("Rostock digital: Klimaschutz neu denken", False)
    assert fits["motto"] == ("Zusammen in ein lebenswertes Rostock", False)
    wraps = values_of("PROJEKTTITEL:\nMOTTO:\nWEBSITE:\n\nRostock digital: Klimaschutz\nneu denken\n"
                      "Zusammen in ein lebenswertes Rostock\nwww.rostock.de/smart-city\n\nSo bleibt die Wertschöpfung.\n", profile)
    assert wraps["title"][1] and wraps["motto"][1]


@pytest.mark.parametrize("value, like", [("Referat Smart City", True), ("9,3 Mio. Euro", True), ("www.x.de", True),
                                         ("Entscheidend sind klare", False), ("Die Gemeinden unterstützen solche", False),
                                         ("Während der Schließungen mussten Lehrkrä-", False)])
def test_a_facts_value_ends_as_a_name_a_figure_or_an_address(value, like):
    from pipeline.records.label_values import fact_value_ends_like_one
    assert fact_value_ends_like_one(value) is like


@pytest.mark.parametrize("value, like", [("11", False), ("; ;", False), ("27.173", True), ("9,3 Mio. Euro", True)])
def test_a_facts_value_holds_a_letter_or_a_figure(value, like):
    from pipeline.records.fact_values import fact_like
    assert fact_like(value) is like


@pytest.mark.parametrize("address", ["www. musterstadt.de/smart-city", "www .musterstadt.de/smart-city",
                                     "www.musterstadt. de/smart-city", "www-.musterstadt.de/smart-city"])
def test_an_address_an_ocr_broke_at_a_dot_is_the_facts_value_whole(address, profile):
    facts, left, doubts = facts_of(f"KONTAKT:\nReferat Smart City\nWEBSITE:\n{address}\n", profile)
    assert facts == {"Kontakt": "Referat Smart City", "Website": "www.musterstadt.de/smart-city"}
    assert left == [] and doubts == []


def test_words_after_an_address_are_not_joined_to_it():
    from pipeline.records.label_values import address_rejoined
    assert address_rejoined("www. musterstadt.de mitgenommen werden") == "www. musterstadt.de mitgenommen werden"
    assert address_rejoined("Amt für Stadtentwicklung") == "Amt für Stadtentwicklung"


@pytest.mark.parametrize("value, flagged", [("74,127", True), ("1.074,127", True), ("74.127", False),
                                            ("8,8 Mio. Euro", False), ("2,5", False), ("Referat Smart City", False)])
def test_a_count_with_a_comma_before_three_digits_is_flagged_as_a_point_misread(value, flagged):
    from pipeline.records.fact_values import misread_point_doubts
    doubts = misread_point_doubts((("Einwohner", value),))
    assert [(d.field, d.flagged) for d in doubts] == ([("description", True)] if flagged else [])
    assert not flagged or "74.127" in doubts[0].note


@pytest.mark.parametrize("value, flagged", [("Niederschlagsdaten 382.395 9", True), ("382.395 Niederschlagsdaten", True),
                                            ("382.395", False), ("1.200 Mio. Euro", False), ("8,8 Mio. Euro", False),
                                            ("Amt für Stadtentwicklung", False)])
def test_a_count_with_words_beside_it_is_flagged(value, flagged):
    from pipeline.records.fact_values import figure_among_words_doubts
    doubts = figure_among_words_doubts((("Einwohner", value),))
    assert [(d.field, d.flagged) for d in doubts] == ([("description", True)] if flagged else [])


@pytest.mark.parametrize("broken", ["www. .musterstadt.de/smart-city", "www. Jmusterstadt.de/smart-city"])
def test_an_address_that_joined_reads_as_none_printed_is_not_joined(broken):
    from pipeline.records.label_values import address_rejoined
    assert address_rejoined(broken) == broken


@pytest.mark.parametrize("value, like", [
    ("187.382", True), ("Strategie- und Umsetzungsphase", True), ("2,1 Mio. Euro", True), ("Amt für Stadtentwicklung", True),
    ("Geplant sind dabei fünf Maßnahmen:", False), ("Die Stadt wird", False), ("Maßnahmen:", False),
])
def test_a_line_with_a_sentences_verb_or_a_lists_colon_is_no_facts_value(value, like):
    """Under a figure's 'Einwohner' (the second line of 'Einwohnerinnen und' / 'Einwohner') the
    text's 'Geplant sind dabei fünf Maßnahmen:' is no value of the fact label it looks like."""
    from pipeline.records.label_values import fact_value_like
    assert fact_value_like(value) is like


def test_a_values_line_of_one_word_in_lower_case_waits_for_the_noun_on_the_next_line():
    """A motto wrapped one word to a line in a narrow sidebar ('Zusammen in ein' / 'lebenswertes' /
    'Saarbrücken'): the adjective alone on its line waits for its noun, which goes on the value; a
    capitalised word under a capitalised one does not."""
    from pipeline.records.label_values import continues

    assert continues("lebenswertes", "Saarbrücken") and continues("Zusammen in ein lebenswertes", "Saarbrücken")
    assert not continues("Gemeinsam", "Stadt")


def test_a_fact_not_in_the_shape_its_labels_values_have_is_flagged(corrections):
    from pipeline.records.fact_values import unshaped_fact_doubts
    shapes = corrections.profile.fact_shapes
    facts = (("Einwohner", "Wirtschaftsförderung"), ("Fördersumme", "4,2 Mio. Euro"), ("Website", "www.stadt.de/smart"),
             ("Kontakt", "Referat Smart City"))
    doubts = unshaped_fact_doubts(facts, shapes)
    assert [d.flagged for d in doubts] == [True] and "'Einwohner' reads 'Wirtschaftsförderung'" in doubts[0].note
    right = (("Einwohner", "158.355; 12.000"), ("Fördersumme", "850.000 Euro"), ("Website", "www. stadt.de"),
             ("Einwohner", "158355"), ("Fördersumme", "rund 4,2 Mio. Euro"), ("Fördersumme", "4,2 Millionen Euro"))
    assert unshaped_fact_doubts(right, shapes) == []
    flagged_already = (("Einwohner", "74,127"), ("Einwohner", "Niederschlagsdaten 382.395 9"))
    assert unshaped_fact_doubts(flagged_already, shapes) == []  # the doubts for those name them once


def test_a_fact_shape_for_no_fact_label_is_refused(corrections):
    import pydantic
    from pipeline.corrections import Profile
    data = corrections.profile.model_dump()
    data["fact_shapes"] = {"Einwohnerzahl": "count"}  # a typo would switch the check off
    with pytest.raises(pydantic.ValidationError, match="fact_shapes names no label"):
        Profile.model_validate(data)


@pytest.mark.parametrize("name, address, flagged", [
    ("Rheine", "www.theine.de/smart-city", True), ("Landkreis Südwestpfalz", "www.suedwesipfalz.de/smart-city", True),
    ("Landkreis Südwestpfalz", "www.suedwestpfalz.de/smart-city", False), ("Kreis Höxter", "www.kreis-hoexter.de", False),
    ("Bad Bevensen in Kooperation mit Ebstorf", "www.badbevensen.de/smart-city", False),
    ("Rheine", "www.stadt-muenster.de", False)])
def test_an_address_spelling_the_projects_name_otherwise_is_flagged(name, address, flagged):
    """'www.theine.de' for 'Rheine': an address's name like the project's, written as addresses
    write names (umlauts as two letters, words run together, hyphens), but not it: an OCR misread
    one of them. An address naming something else is no spelling of it."""
    from pipeline.records.fact_values import address_spelling_doubts
    assert bool(address_spelling_doubts((("Website", address),), name)) is flagged


def test_a_sums_currency_a_narrow_box_wrapped_is_part_of_the_value(profile):
    """'FÖRDERSUMME' / '6,9 Mio.' / 'Euro': the sidebar wrapped the sum's unit onto a line of its
    own; it goes on the sum (a word alone after a value ending in a stop would not)."""
    facts, _, doubts = facts_of("EINWOHNER\n498.037\n\nFÖRDERSUMME\n6,9 Mio.\nEuro\n\nIn Tübingen werden Dächer "
                                "von Schulen mit Solaranlagen ausgestattet.\n", profile)
    assert facts == {"Einwohner": "498.037", "Fördersumme": "6,9 Mio. Euro"}
