"""Evidence from the sentence for or against an umlaut repair (pipeline/repair/*_scorers.py), one scorer at a time."""
import pytest

from pipeline.repair.clean import clean_text
from pipeline.repair.context import Context, in_heading
from pipeline.repair.noun_scorers import (agreement, bare_noun, capitalised_noun, compound_head, coordination,
                                          paired_form, preposition_case, relative_clause_verb, relative_pronoun,
                                          subject_verb)
from pipeline.repair.verb_scorers import counterfactual, modal_infinitive, reported_speech, verb_mood


def weigh(scorer, text, word, repaired, lexicon):
    start = text.index(word)
    evidence = scorer(Context.around(text, start, start + len(word)), word, repaired, lexicon)
    return None if evidence is None else evidence.weight


def test_agreement_of_a_determiner_or_quantifier_with_its_noun(lexicon):
    assert weigh(agreement, "Die hohen Schaden bleiben.", "Schaden", "Schäden", lexicon) > 0
    assert weigh(agreement, "Es gibt viele neue Leitfaden dazu.", "Leitfaden", "Leitfäden", lexicon) > 0
    assert weigh(agreement, "Dem Schaden folgt mehr.", "Schaden", "Schäden", lexicon) < 0
    assert weigh(agreement, "Der Schaden bleibt.", "Schaden", "Schäden", lexicon) is None  # genitive plural fits too
    assert weigh(agreement, "Wir prüfen den Laden.", "Laden", "Läden", lexicon) is None  # 'den' fits both
    assert weigh(agreement, "Schaden entsteht.", "Schaden", "Schäden", lexicon) is None  # no determiner
    assert weigh(agreement, "Ein Schlosser zeigte es.", "Schlosser", "Schlösser", lexicon) < 0  # 'ein': singular
    assert weigh(agreement, "Das ist kein Laden mehr.", "Laden", "Läden", lexicon) < 0
    # a name in -en is no verb used as a noun, though HanTa guesses an infinitive for it
    assert weigh(agreement, "Wir wollen ein lebenswertes Gottingen.", "Gottingen", "Göttingen", lexicon) is None


def test_an_adjective_without_a_determiner_shows_the_case_by_its_strong_ending(lexicon):
    assert weigh(agreement, "Sie vermieten leere Laden.", "Laden", "Läden", lexicon) == 2.0  # 'Lade' far rarer than 'Läden'
    assert weigh(agreement, "Wir sehen großen Schaden.", "Schaden", "Schäden", lexicon) is None  # -en: both fit
    assert weigh(agreement, "Wir bauen Laden.", "Laden", "Läden", lexicon) is None  # 'bauen' takes no adjective's endings
    # a compound participle the word list holds too few forms of: HanTa reads it as an adjective
    assert weigh(agreement, "Wir sehen leerstehende Laden.", "Laden", "Läden", lexicon) > 0
    # capitalised opening a sentence or a heading, an adjective still shows the case; inside one, a name
    assert weigh(agreement, "Das Dorf lebt. Kleine Laden, große Pläne.", "Laden", "Läden", lexicon) > 0
    assert weigh(agreement, "Das Dorf hat Kleine Laden.", "Laden", "Läden", lexicon) is None


def test_a_rare_lemmas_reading_weakens_the_evidence_only_where_it_is_not_much_rarer(lexicon):
    # 'Laden' is also the plural of 'Lade' (3.3 on the Zipf scale as written), 'Läden' 4.0
    assert weigh(agreement, "Damit die Laden offen bleiben.", "Laden", "Läden", lexicon) == 2.0


def test_a_relative_pronoun_takes_its_nouns_gender_and_number(lexicon):
    assert weigh(relative_pronoun, "Sie gründen Dorfladen, die von allen getragen werden.", "Dorfladen", "Dorfläden", lexicon) > 0
    assert weigh(relative_pronoun, "Wir sind in den Dorfladen, in denen man sich trifft.", "Dorfladen", "Dorfläden", lexicon) > 0
    assert weigh(relative_pronoun, "Der Leitfaden, der uns hilft, ist neu.", "Leitfaden", "Leitfäden", lexicon) < 0
    # an article opening a new clause, not a relative pronoun
    assert weigh(relative_pronoun, "Wir kaufen im Laden, die Kinder spielen.", "Laden", "Läden", lexicon) is None


def test_a_preposition_fixes_the_case(lexicon):
    assert weigh(preposition_case, "Projekte zum Anfangen und Anfassen.", "Anfangen", "Anfängen", lexicon) < 0
    assert weigh(preposition_case, "Wir sprechen mit den Leitfaden.", "Leitfaden", "Leitfäden", lexicon) > 0
    assert weigh(preposition_case, "Wir lesen die Leitfaden.", "Leitfaden", "Leitfäden", lexicon) is None


def test_a_subject_before_a_finite_auxiliary_agrees_in_number(lexicon):
    assert weigh(subject_verb, "Die Schaden sind groß.", "Schaden", "Schäden", lexicon) > 0
    assert weigh(subject_verb, "Der Leitfaden ist fertig.", "Leitfaden", "Leitfäden", lexicon) < 0
    # after a preposition the noun is no subject ('In den Läden sind Waren')
    assert weigh(subject_verb, "In den Leitfaden sind Fehler.", "Leitfaden", "Leitfäden", lexicon) is None
    # a finite main verb stands second too: plural in -en, singular in -t
    assert weigh(subject_verb, "Das Dorf wählt. Die Rate beraten über das Geld.", "Rate", "Räte", lexicon) > 0
    assert weigh(subject_verb, "Das Dorf wählt. Die Rate steigt im Mai.", "Rate", "Räte", lexicon) < 0
    assert weigh(subject_verb, "Die Rate gebaut.", "Rate", "Räte", lexicon) is None  # a participle is not finite


def test_a_capitalised_word_inside_a_sentence_is_a_noun(lexicon):
    assert weigh(capitalised_noun, "Wenn Schnee und Glatte die Wege sperren.", "Glatte", "Glätte", lexicon) > 0
    assert weigh(capitalised_noun, "Glatte Wege sind gefährlich.", "Glatte", "Glätte", lexicon) is None  # sentence start
    assert weigh(capitalised_noun, "Netzwerke - Starke Kommunen", "Starke", "Stärke", lexicon) is None  # a title's adjective
    assert weigh(capitalised_noun, "die digitale Ko-Kreation", "Ko", "Kö", lexicon) is None
    assert weigh(capitalised_noun, "Wir sehen Schaden am Haus.", "Schaden", "Schäden", lexicon) is None  # a noun as read
    # a noun only as an adjective used as one: its frequency is the adjective's, opening sentences
    assert weigh(capitalised_noun, "Es zählt die Große der Stadt.", "Große", "Größe", lexicon) > 0
    # no word as read, though a compound reading ('Gus|sen') scores it above the rare 'Güssen'
    assert weigh(capitalised_noun, "Kanäle, die bei heftigen Gussen überlaufen.", "Gussen", "Güssen", lexicon) > 0
    assert weigh(capitalised_noun, "Der neue Dorfladen hat offen.", "Dorfladen", "Dorfläden", lexicon) is None  # Dorf|laden
    # a verb used as a noun after a contraction ('ins Stocken'), though German writes 'stocken' rarely
    assert weigh(capitalised_noun, "Dann gerät alles ins Stocken und", "Stocken", "Stöcken", lexicon) is None


def test_a_noun_named_in_both_genders_shares_the_feminines_stem(lexicon):
    assert weigh(paired_form, "Es lernen Schülerinnen und Schiller dort.", "Schiller", "Schüler", lexicon) > 0
    assert weigh(paired_form, "Es helfen Burger und Bürgerinnen mit.", "Burger", "Bürger", lexicon) > 0
    assert weigh(paired_form, "Mit Bürgerinnen und Burgern reden.", "Burgern", "Bürgern", lexicon) > 0
    assert weigh(paired_form, "Es kamen Lehrerinnen und Schiller dazu.", "Schiller", "Schüler", lexicon) is None
    assert weigh(paired_form, "Es kamen Schülerinnen, Schiller dazu.", "Schiller", "Schüler", lexicon) is None


def test_wurde_goes_with_a_participle_and_wuerde_with_an_infinitive(lexicon):
    assert weigh(verb_mood, "Die Stadt wurde gern mehr Menschen helfen.", "wurde", "würde", lexicon) > 0
    assert weigh(verb_mood, "Die Brücke wurde im Mai gebaut, danach gesperrt.", "wurde", "würde", lexicon) < 0
    assert weigh(verb_mood, "Es wurde viel getan um allen zu helfen.", "wurde", "würde", lexicon) is None  # 'zu'
    assert weigh(verb_mood, "Sie wurde Bürgermeisterin.", "wurde", "würde", lexicon) is None


def test_a_clause_ending_in_wurde_is_decided_by_the_verb_before_it(lexicon):
    assert weigh(verb_mood, "Er fürchtete, dass es verschwinden wurde.", "wurde", "würde", lexicon) > 0
    assert weigh(verb_mood, "Die Halle, die im Mai gebaut wurde, steht.", "wurde", "würde", lexicon) < 0
    assert weigh(verb_mood, "Was man so erhalten wurde, blieb.", "wurde", "würde", lexicon) is None  # 'erhalten': both


def test_a_relative_clause_ending_in_a_plural_verb_makes_its_subject_plural(lexicon):
    assert weigh(relative_clause_verb, "Zeit für Falle, die eine Untersuchung vor Ort brauchen.", "Falle", "Fälle",
                 lexicon) > 0
    assert weigh(relative_clause_verb, "eine Bäckerei, deren Ofen rund um die Uhr laufen.", "Ofen", "Öfen", lexicon) > 0
    assert weigh(relative_clause_verb, "eine Bäckerei, deren Ofen rund um die Uhr läuft.", "Ofen", "Öfen", lexicon) is None
    # another word may be the plural subject: 'die' is then the object
    assert weigh(relative_clause_verb, "Zeit für Falle, die die Kinder brauchen.", "Falle", "Fälle", lexicon) is None
    assert weigh(relative_clause_verb, "Es gibt Laden, die wir besuchen.", "Laden", "Läden", lexicon) is None


def test_reported_speech_takes_the_subjunctive(lexicon):
    assert weigh(reported_speech, "Die Gärtner sagen, sie hatten mehr Zeit.", "hatten", "hätten", lexicon) > 0
    assert weigh(reported_speech, "Er sagte, die Jugendlichen hatten nie erlebt, dass", "hatten", "hätten", lexicon) > 0
    assert weigh(reported_speech, "Sie meint, das sei gut und man konnte mehr tun.", "konnte", "könnte", lexicon) > 0
    # right after the comma the verb is the main clause's: 'Wie er sagte, hatte die Stadt …'
    # a Konjunktiv I form earlier in the sentence makes the clauses after it reported, not those before it
    assert weigh(reported_speech, "Früher sei über Netze lange gestritten worden, heute lagen Zahlen vor.", "lagen",
                 "lägen", lexicon) > 0
    assert weigh(reported_speech, "Im Herbst gaben sie zu, dass die Fläche zu klein sei.", "gaben", "gäben",
                 lexicon) is None
    assert weigh(reported_speech, "Wie er sagte, hatte die Stadt viel vor.", "hatte", "hätte", lexicon) is None
    assert weigh(reported_speech, "Die Stadt hatte viel vor.", "hatte", "hätte", lexicon) is None
    assert weigh(reported_speech, "Sie sagte, sie hatte Zeit.", "Zeit", "Zeät", lexicon) is None  # no such pair


def test_a_clause_ending_in_a_modals_infinitive_is_what_could_have_been(lexicon):
    assert weigh(counterfactual, "Ohne das Amt hatte er alles selbst tragen müssen.", "hatte", "hätte", lexicon) > 0
    assert weigh(counterfactual, "Das Bad, das sonst hatte geschlossen werden müssen, bleibt.", "hatte", "hätte",
                 lexicon) > 0
    assert weigh(counterfactual, "Viele Fragen hatten sich im Gespräch klären lassen.", "hatten", "hätten", lexicon) > 0
    # a clause that says what would be otherwise
    assert weigh(counterfactual, "Es kamen Leute, die sich sonst nie gemeldet hatten.", "hatten", "hätten", lexicon) > 0
    assert weigh(counterfactual, "Wir danken allen, ohne die das nicht möglich waren.", "waren", "wären", lexicon) > 0
    assert weigh(counterfactual, "Sonst kam sie gern, doch sie hatte keine Zeit.", "hatte", "hätte", lexicon) is None
    assert weigh(counterfactual, "Die Stadt hatte ein Gutachten erstellen lassen.", "hatte", "hätte", lexicon) is None
    assert weigh(counterfactual, "Sie hatte keine Zeit, es zu tun.", "hatte", "hätte", lexicon) is None
    assert weigh(counterfactual, "Er hatte das Geld gebraucht.", "hatte", "hätte", lexicon) is None
    assert weigh(counterfactual, "Sie hatte vor, mehr tun zu können.", "hatte", "hätte", lexicon) is None  # a clause of its own


def test_a_compound_no_list_holds_reads_as_its_head(lexicon):
    assert weigh(compound_head, "Neue Experimentierraume entstehen.", "Experimentierraume", "Experimentierräume", lexicon) > 0
    assert weigh(compound_head, "Wir fahren.", "Wir", "Wür", lexicon) is None
    # a noun and a noun form ('Zelt|plätzen', listed but rare) where the word as read is no such pair
    assert weigh(compound_head, "Es gibt freie Zeltplatzen im Ort.", "Zeltplatzen", "Zeltplätzen", lexicon) == 2.0
    assert weigh(compound_head, "Sie lesen Hohenkarten.", "Hohenkarten", "Höhenkarten", lexicon) == 2.0
    assert weigh(compound_head, "Neue Feuchtesensoren messen.", "Feuchtesensoren", "Feuchtesensören", lexicon) == -2.0
    # a rare compound whose lemma the word list holds ('Bürgerrat'), against one whose lemma it does
    # not ('Bürgerrate'; 'dem Rate' is an old dative of 'Rat' German no longer writes)
    assert weigh(compound_head, "Sie bilden Bürgerrate.", "Bürgerrate", "Bürgerräte", lexicon) == 2.0
    assert weigh(compound_head, "Sie nutzen Zahlgeräte.", "Zahlgeräte", "Zählgeräte", lexicon) == 2.0


@pytest.mark.parametrize("read, repaired, why", [
    ("Die Schaden sind hoch.", "Die Schäden sind hoch.", "agreement"),
    ("Es gibt viele Leitfaden.", "Es gibt viele Leitfäden.", "agreement"),
    ("Projekte zum Anfangen.", "Projekte zum Anfangen.", None),
    ("Es gibt Dorfladen, die allen offen stehen.", "Es gibt Dorfläden, die allen offen stehen.", "relative-pronoun"),
    ("Es gibt leere Laden am Markt.", "Es gibt leere Läden am Markt.", "agreement"),
    ("Es gilt K6 und Ko-Kreation.", "Es gilt K6 und Ko-Kreation.", None),
    ("Sie rechnen mit den Zahlerstanden.", "Sie rechnen mit den Zählerständen.", "more-frequent; of compounds alike"),
    ("Die Leute sagen, sie hatten mehr Zeit.", "Die Leute sagen, sie hätten mehr Zeit.", "reported-speech"),
    ("Wie er sagte, hatte die Stadt viel vor.", "Wie er sagte, hatte die Stadt viel vor.", None),
    # a capital opening the word may have lost its dots too ('Ofen')
    ("Eine Firma, deren Ofen rund um die Uhr laufen.", "Eine Firma, deren Öfen rund um die Uhr laufen.",
     "relative-clause"),
    # the feminine beside it is read as the word lists repaired it ('Schiilerinnen')
    ("Es lernen Schiilerinnen und Schiller dort.", "Es lernen Schülerinnen und Schüler dort.", "unknown-word"),
    # the partner read as the word lists repaired it ('Werkstatten')
    ("Es gibt Museen, Garten und Werkstatten.", "Es gibt Museen, Gärten und Werkstätten.", "coordination"),
    # a word as read that is no word: the sentence chooses among its readings ('Große' or 'Größe')
    ("Wegen ihrer Grofe ist es schwer.", "Wegen ihrer Größe ist es schwer.", "unknown-word; agreement"),
])
def test_the_clean_stage_applies_what_the_sentence_decides_and_says_why(read, repaired, why, lexicon, corrections):
    damaged = read + " Die Burger fiir die Stadt kénnen Losungen fiir alle finden."  # English-model OCR: no umlauts
    cleaned = clean_text(damaged, lexicon, corrections.confusions)
    assert cleaned.text.startswith(repaired)
    first = [e for e in cleaned.edits if e.start < len(read)]
    if why:
        assert first and first[0].applied and first[0].reason.startswith(why)
    else:
        assert all(not e.applied for e in first)


def test_every_scorer_name_is_one_the_clean_stage_knows():
    """A verdict whose ground is a scorer's name is left as the sentence decided it (document.py)."""
    import inspect
    import re

    from pipeline.repair import evidence, noun_scorers, verb_scorers

    source = inspect.getsource(noun_scorers) + inspect.getsource(verb_scorers)
    used = set(re.findall(r'(?:Evidence|decided_by)\("([a-z-]+)"', source))
    assert used == set(evidence.SCORER_NAMES) and len(evidence.SCORERS) == len(evidence.SCORER_NAMES)


def test_a_capitalised_word_of_two_letters_is_repaired_only_to_a_common_word(lexicon, corrections):
    damaged = "Wir heizen mit Ol und Gas. Die Burger fiir die Stadt kénnen Losungen fiir alle finden."
    assert clean_text(damaged, lexicon, corrections.confusions).text.startswith("Wir heizen mit Öl und Gas.")


def test_a_compound_of_nouns_is_told_from_one_whose_head_is_no_noun():
    from pipeline.language.nouns import head_of, of_nouns

    assert of_nouns("Zählerständen") and of_nouns("Zukunftsplan") and of_nouns("Dorfladen")
    assert not of_nouns("Zählerstanden")  # 'Zähler|st|anden': 'st' joins no compound
    assert not of_nouns("Experimentierraume")  # 'Experimentier' is no noun
    assert head_of("Experimentierraume") == (13, "Raume")  # its head still decides (compound_head)


def test_a_noun_in_a_list_of_plurals_is_a_plural_in_their_case(lexicon):
    assert weigh(coordination, "Es gibt Museen, Garten und Werkstätten.", "Garten", "Gärten", lexicon) > 0
    assert weigh(coordination, "Er nennt Busse, Bahnen, Fahren und Räder.", "Fahren", "Fähren", lexicon) > 0
    assert weigh(coordination, "Leer stehen Wohnungen und Laden.", "Laden", "Läden", lexicon) > 0
    # the nouns' own adjectives left out; 'oder' is no adjective, though it ends like one
    assert weigh(coordination, "Sie haben eigene Ämter, eigene Rate und Regeln.", "Rate", "Räte", lexicon) > 0
    assert weigh(coordination, "Es liegt in Apotheken oder Dorfladen.", "Dorfladen", "Dorfläden", lexicon) > 0
    # 'Schmetterlinge' is also an old dative singular, which German no longer writes
    assert weigh(coordination, "Man zählt Vogel, Schmetterlinge und Bienen.", "Vogel", "Vögel", lexicon) > 0
    # the partner's case: 'Flüssen' is dative, 'Abwässer' is not
    assert weigh(coordination, "Wärme aus Abwasser, Flüssen und Seen.", "Abwasser", "Abwässer", lexicon) is None
    # a partner that can only be singular: the list mixes numbers
    assert weigh(coordination, "Es geht um Ströme, Abwasser, Abfall und Verkehr.", "Abwasser", "Abwässer", lexicon) is None
    # a singular partner alone, a verb used as a noun, no partner: nothing said
    assert weigh(coordination, "Sie haben Haus und Garten.", "Garten", "Gärten", lexicon) is None
    assert weigh(coordination, "Sie lernen Fahren und Parken.", "Fahren", "Fähren", lexicon) is None
    assert weigh(coordination, "Im Garten wächst es.", "Garten", "Gärten", lexicon) is None


def test_a_heading_leaves_out_articles_so_a_list_in_it_says_nothing(lexicon):
    text = "Mehr dazu.\n\nHandel und Innenstädte\n\nDie Innenstädte leiden."
    start = text.index("Handel")
    assert in_heading(text, start, start + 6)
    assert weigh(coordination, text, "Handel", "Händel", lexicon) is None
    assert not in_heading("Wir sehen Handel und Innenstädte.", 10, 16)
    assert weigh(coordination, "Wir sehen Garten, Innenstädte und Plätze.", "Garten", "Gärten", lexicon) > 0


def test_a_heading_run_into_the_text_leaves_out_articles_too(lexicon):
    text = "Die Frist endet. Handel\nund Innenstädte Die Innenstädte leiden."
    assert Context.around(text, text.index("Handel"), text.index("Handel") + 6).heading
    assert weigh(coordination, text, "Handel", "Händel", lexicon) is None
    # a capitalised determiner after a sentence's own words, or after a sentence's end, is no heading's end
    for sentence in ("Die Frist endet. Wir sehen Handel und Innenstädte Die Innenstädte leiden.",
                     "Die Frist endet. Handel und Innenstädte leiden. Die Innenstädte leiden."):
        assert not Context.around(sentence, sentence.index("Handel"), sentence.index("Handel") + 6).heading


def test_a_modal_verb_governs_an_infinitive(lexicon):
    # 'müssen' with no infinitive before it at the clause's end, nor after it in the clause
    assert weigh(modal_infinitive, "Sie würden es nicht mehr missen wollen.", "missen", "müssen", lexicon) < 0
    assert weigh(modal_infinitive, "Sie möchte die Karte nicht mehr missen, weil sie hilft.", "missen", "müssen",
                 lexicon) < 0
    assert weigh(modal_infinitive, "Wann sie die Reben bewässern missen.", "missen", "müssen", lexicon) is None
    assert weigh(modal_infinitive, "Viele Fahrten missen abgelehnt werden.", "missen", "müssen", lexicon) is None
    assert weigh(modal_infinitive, "Ohne ein Amt aufsuchen zu missen, geht es.", "missen", "müssen", lexicon) is None
    # OCR noise that web text knows as a typo is no word that could stand instead
    assert weigh(modal_infinitive, "Sie würden es nicht mehr konnen wollen.", "konnen", "können", lexicon) is None


def test_after_a_preposition_a_noun_without_an_article_is_a_plural_or_a_mass_noun(lexicon):
    assert weigh(bare_noun, "Es bleibt mehr Zeit für schwierige Falle.", "Falle", "Fälle", lexicon) > 0
    assert weigh(bare_noun, "Es bleibt mehr Zeit für die Falle.", "Falle", "Fälle", lexicon) is None  # an article
    assert weigh(bare_noun, "Schwierige Falle gibt es.", "Falle", "Fälle", lexicon) is None  # no preposition
    # the same noun's singular may be a mass noun, which stands without an article
    assert weigh(bare_noun, "Sie ist ein Zentrum für Handel und Kultur.", "Handel", "Händel", lexicon) is None
    assert weigh(bare_noun, "Sie gewinnen Wärme aus Abwasser.", "Abwasser", "Abwässer", lexicon) is None


def test_a_compounds_cuts_are_found_by_its_common_word_ends_as_by_every_cut():
    """The compound estimate finds the cuts whose second part is a common word by one look-up of
    the word spelt backwards; it must find exactly the cuts the look-up of every cut finds,
    ß (two letters folded) and a reviewer's additions ('Quxelberg', no list's word) included."""
    from pipeline.language.lexicon import MIN_PART, MIN_PART_ZIPF, Lexicon

    lexicon = Lexicon(["Quxelberg"])
    listed = [word for word, _ in zip(lexicon._base, range(200_000))][::97]
    words = listed + [a + b for a, b in zip(listed, reversed(listed))] + [
        "stadtquxelberg", "straßenbahnhaltestelle", "fußgängerzone", "großstadtquartier", "maßnahmenplan",
        "verkehrsmaßnahmen", "gemeindestraßen", "stadtstraße", "abc", ""]
    for word in words:
        every_cut = [cut for cut in range(MIN_PART, len(word) - MIN_PART + 1) if lexicon.direct(word[cut:]) >= MIN_PART_ZIPF]
        assert sorted(lexicon._cuts_before_common_parts(word)) == every_cut, word
