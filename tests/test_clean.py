"""The clean stage on small cases: repairs, text left alone, suggestions, and the ledger."""
import json
from collections import Counter

import pytest

from pipeline.repair.clean import clean_text
from pipeline.repair.fixers import join_hyphenated_words, looks_damaged, normalise_quotes
from pipeline.repair.settings import DEFAULT_SETTINGS
from pipeline.edits import Edit, apply_edits, check_edits, merge_edits

from .conftest import load_cases

REPAIRS = load_cases("repairs.json")
UNCHANGED = load_cases("unchanged.json")
SUGGESTIONS = load_cases("suggestions.json")
KNOWN_FAILURES = load_cases("known_failures.json")


def clean(text, lexicon, corrections):
    return clean_text(text, lexicon, corrections.confusions)


@pytest.mark.parametrize("case", REPAIRS, ids=[c["id"] for c in REPAIRS])
def test_damaged_text_is_repaired(case, lexicon, corrections):
    assert clean(case["input"], lexicon, corrections).text == case["expected"]


@pytest.mark.parametrize("case", UNCHANGED, ids=[c["id"] for c in UNCHANGED])
def test_correct_german_is_left_alone(case, lexicon, corrections):
    result = clean(case["input"], lexicon, corrections)
    assert result.text == case["input"]
    assert not result.damaged


@pytest.mark.parametrize("case", SUGGESTIONS, ids=[c["id"] for c in SUGGESTIONS])
def test_real_word_conflicts_are_suggested_not_applied(case, lexicon, corrections):
    result = clean(case["input"], lexicon, corrections)
    assert case["word"] in result.text.split()
    suggested = [e for e in result.edits if not e.applied and e.word_before == case["word"]]
    assert suggested and suggested[0].word_after == case["suggested"]


@pytest.mark.parametrize(
    "case",
    [pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=c["why"])) for c in KNOWN_FAILURES],
    ids=[c["id"] for c in KNOWN_FAILURES],
)
def test_known_failures(case, lexicon, corrections):
    assert clean(case["input"], lexicon, corrections).text == case["expected"]


@pytest.mark.parametrize("case", REPAIRS + UNCHANGED + SUGGESTIONS, ids=lambda c: c["id"])
def test_ledger_replays_to_the_cleaned_text(case, lexicon, corrections):
    result = clean(case["input"], lexicon, corrections)
    check_edits(result.raw, result.edits)
    assert apply_edits(result.raw, result.edits) == result.text
    for e in result.edits:
        assert result.raw[e.start : e.end] == e.before


def test_the_emitted_ledger_replays_the_input_file_to_the_emitted_cleaned_text(tmp_path):
    """Read independently of the pipeline: the input's bytes, and the two files a reviewer gets."""
    from pipeline.cli import main
    from pipeline.read.load import bundled_path

    assert main(["extract", "-o", str(tmp_path)]) == 0
    raw = bundled_path().read_bytes().decode("utf-8")
    entries = [json.loads(line) for line in (tmp_path / "corrections.jsonl").read_text(encoding="utf-8").splitlines()]
    applied = sorted((e for e in entries if e["applied"]), key=lambda e: e["start"])
    pieces, at = [], 0
    for e in applied:
        assert e["start"] >= at and raw[e["start"] : e["end"]] == e["before"], e["id"]
        pieces += [raw[at : e["start"]], e["after"]]
        at = e["end"]
    assert "".join(pieces) + raw[at:] == (tmp_path / "cleaned.txt").read_text(encoding="utf-8")
    assert len({e["id"] for e in entries}) == len(entries)


def test_every_edit_names_its_rule(automatic_result):
    rules = {e.rule for e in automatic_result.ledger}
    assert all(rules)
    assert {"join_hyphenated_word", "normalise_opening_quote"} <= rules
    assert any(r.startswith("umlaut:") for r in rules)


def test_english_model_ocr_is_recognised(automatic_result):
    assert automatic_result.cleaned.damaged


def test_damage_detection_on_plain_german():
    assert not looks_damaged("Die Bürger können über die Maßnahmen für die Städte abstimmen und wählen.")
    assert looks_damaged("Die Biirger kénnen iiber die Mafinahmen fiir die Stidte abstimmen und wihlen.")


def test_overlapping_edits_keep_the_first_group():
    a = Edit(0, 3, "abc", "x", "first", 1.0)
    b = Edit(2, 4, "cd", "y", "second", 1.0)
    assert merge_edits([a], [b]) == [a]


def test_check_edits_refuses_an_edit_that_does_not_match():
    with pytest.raises(ValueError):
        check_edits("hello", [Edit(0, 2, "xx", "y", "bad", 1.0)])


def test_suspended_hyphen_before_und_is_not_joined():
    assert join_hyphenated_words("Lern-\nund Arbeitsort") == []


def test_a_hyphen_before_a_letter_alone_is_not_joined():
    """'Persönli-' / a logo's 'u Smart City …' (its mark read as a letter) after a break: German
    leaves two letters at least after a word's hyphen, so the letter alone is no word's rest."""
    assert join_hyphenated_words("Vorrang: Persönli-\n\nu Smart City Blieskastel\n") == []
    assert len(join_hyphenated_words("Vorrang: Persönli-\n\nche Angaben\n")) == 1
    assert len(join_hyphenated_words("ein Plan-\nB für alle\n")) == 1  # a compound's capital letter is a part


def test_a_word_cut_before_an_l_read_as_a_capital_i_is_joined_with_its_l(lexicon, corrections):
    """'ausgebil-⏎dete' read 'ausgebi-⏎Idete': joined with an 'l', where that makes a known word
    and the rest as read is none; a compound's capital keeps its hyphen ('Smart-⏎Ideen')."""
    cleaned = clean_text("Eine ausgebi-\nIdete Pflegekraft und neue Smart-\nIdeen.", lexicon, corrections.confusions)
    assert cleaned.text == "Eine ausgebildete Pflegekraft und neue Smart-Ideen."
    assert "join_words_cut_before_a_misread_l" in {e.rule for e in cleaned.edits}


def test_quote_pairs_only():
    assert normalise_quotes("Zahlen, Daten und Fakten") == []
    assert [e.after for e in normalise_quotes("Das „Haus“ und ,,Hof“")] == ["„"]


@pytest.mark.parametrize("name", ["source_de.txt", "source_de_2.txt", "heldout_de.txt", "heldout_de_2.txt"])
def test_undamaged_german_prose_comes_through_unchanged(name, lexicon, corrections):
    """The benchmark's texts (correct German, 5,700 words) are what a PDF text layer gives."""
    from benchmarks.ocr_corpus import SOURCES

    text = (SOURCES[0].parent / name).read_text(encoding="utf-8")
    result = clean(text, lexicon, corrections)
    assert not result.damaged
    assert result.text == text, [e for e in result.edits if e.applied][:5]


DROPS_EVERY_AE = ("Die Stadte planen neue Gebaude. Die Verwaltung erklart die Anderungen. Die Kammerer "
                  "prufen die Antrage, die Gemeinderate zahlen die Beitrage, die Ergebnisse erganzen den "
                  "Haushalt. Es gibt neue Fahrrader, Baume und Spielplatze. Die Burger konnen die Plane einsehen.")


def test_a_document_that_drops_every_umlaut_decides_real_word_conflicts_by_frequency(lexicon, corrections):
    """This OCR left 'a' for every 'ä' it was sure of: so 'Plane' is more likely 'Pläne' (the
    commoner word), while 'zahlen' stays (it is commoner than 'zählen')."""
    cleaned = clean_text(DROPS_EVERY_AE, lexicon, corrections.confusions)
    by_word = {e.word_before: e for e in cleaned.edits}
    assert by_word["Plane"].applied and by_word["Plane"].confidence < 0.6
    assert "die Pläne einsehen" in cleaned.text and "Gemeinderäte zahlen" in cleaned.text


READS_SZ_AS_F = ("Die Mafnahmen fur grofe Strafen und Platze: Die Grofstadt plant Mafnahmen, die Strafen "
                 "und Fufwege gro&er machen. Mafnahmen, Fufganger, Grofstadte und Mafstabe sind Themen, "
                 "wir beschliefen gemeinsam. Die Kreise schliefen neue Vertrage mit grofen Firmen.")


def test_a_document_that_reads_sz_as_f_decides_ss_conflicts_by_its_rate(lexicon, corrections):
    """The rate works for any confusion, not only lost umlaut dots: this OCR read most ß as 'f',
    so 'schliefen' (a real word, the past of schlafen) is the commoner 'schließen' here."""
    cleaned = clean_text(READS_SZ_AS_F, lexicon, corrections.confusions)
    by_word = {e.word_before: e for e in cleaned.edits}
    assert by_word["schliefen"].applied and by_word["schliefen"].rule == "umlaut:f>ß"
    assert "Die Kreise schließen neue Verträge" in cleaned.text


def test_at_a_sentence_start_words_are_compared_as_written(lexicon, corrections):
    """'erhält' is commoner than 'Erhalt', but a verb seldom opens a German sentence: written
    with a capital, 'Erhalt' is the commoner word, even in a document that drops every 'ä'."""
    cleaned = clean_text(DROPS_EVERY_AE + " Erhalt der Natur ist wichtig.", lexicon, corrections.confusions)
    assert "Pläne einsehen. Erhalt der Natur" in cleaned.text


def test_without_enough_evidence_a_real_word_conflict_stays_a_suggestion(lexicon, corrections):
    cleaned = clean_text("Die Burger konnen Plane einsehen.", lexicon, corrections.confusions)
    assert "konnen Plane einsehen" in cleaned.text or "können Plane einsehen" in cleaned.text
    assert [e.applied for e in cleaned.edits if e.word_before == "Plane"] == [False]


def test_a_reading_that_needs_a_far_rarer_lemma_is_repaired_with_low_confidence(lexicon, corrections):
    """'die Plane' fits only as the tarpaulin, 'Plane', a lemma a whole Zipf point rarer than
    'Pläne': applied, but with the confidence of a decision that set a rare lemma aside."""
    cleaned = clean_text("Die Burger konnen die Plane einsehen.", lexicon, corrections.confusions)
    [edit] = [e for e in cleaned.edits if e.word_before == "Plane"]
    assert "die Pläne einsehen" in cleaned.text and edit.applied and edit.confidence < 0.6
    assert "rarer 'Plane'" in edit.reason


@pytest.mark.parametrize("damaged, expected", [
    ("Viele Gebaude sind alter als die Strafen der Stadt.", "Viele Gebäude sind älter als"),
    ("Diese Projekte starken das Vertrauen der Burger.", "Diese Projekte stärken das Vertrauen"),
    ("Wir wollen die Quartiere starken. Die Burger helfen.", "die Quartiere stärken. Die"),
    ("Die starken Partner der Burger sind hier.", "Die starken Partner"),  # a noun follows: an adjective
    ("Die Burger warten lange auf die Gebaude.", "warten lange auf"),  # -e forms are adverbs too
    ("Sie zahlen die Gebuhren fur die Burger.", "Sie zahlen die"),  # no adjective: a verb as read
    ("Die Bevolkerung wird alter, und die Burger bleiben.", "wird älter, und"),  # a clause opens after the comma
    ("Alle Burger mussen klaren, wer die Daten besitzt.", "müssen klären, wer"),
    ("Es gibt alter, grofe Gebaude der Burger.", "Es gibt alter, große"),  # an adjective after it: its noun may follow
])
def test_an_adjective_where_no_noun_can_follow_lost_its_umlaut(damaged, expected, lexicon, corrections):
    cleaned = clean_text(damaged, lexicon, corrections.confusions)
    assert cleaned.damaged and expected in cleaned.text


def test_an_adjective_before_its_noun_keeps_its_reading_despite_a_family_word(lexicon, corrections):
    """'erhöhen' was repaired for sure, and 'höher' shares its stem; but 'hoher' before a noun is
    an adjective where it belongs, so only the 'hoher.' that no noun follows is repaired."""
    cleaned = clean_text("Wir erhohen die Mittel fiir die Stadt. Es entsteht ein hoher Druck auf die Mieten. "
                         "Die Kosten sind hoher.", lexicon, corrections.confusions)
    assert "ein hoher Druck" in cleaned.text and "sind höher." in cleaned.text
    assert [e.applied for e in cleaned.edits if e.word_before == "hoher"] == [False, True]


def test_a_compound_adjective_before_its_noun_keeps_its_reading(lexicon, corrections):
    """'grenznähe' is listed as a little commoner than 'grenznahe'; before 'Region' it is the adjective."""
    cleaned = clean_text("Als grenznahe Region planen wir fiir alle neue Wege.", lexicon, corrections.confusions)
    assert "Als grenznahe Region planen wir für alle" in cleaned.text
    assert [e.applied for e in cleaned.edits if e.word_before == "grenznahe"] == [False]


def test_a_family_word_must_begin_with_the_stem(lexicon, corrections):
    """'Bürgerinnen' makes 'Burger' 'Bürger'; 'gewährleistet' does not make 'Wahrung' 'Währung'."""
    cleaned = clean_text("Die Burgerinnen und Burger sind gewahrleistet dabei. Die Wahrung der Rechte ist wichtig.",
                         lexicon, corrections.confusions)
    assert "Die Bürgerinnen und Bürger sind gewährleistet" in cleaned.text
    assert "Die Wahrung der Rechte" in cleaned.text


def test_a_participle_is_of_the_family_of_its_stem_without_ge():
    from pipeline.repair.document import in_family

    assert in_family("gefördert", Counter({"förderung": 1}), 4)  # Förd-
    assert not in_family("gefördert", Counter({"gefahr": 1}), 4)
    assert in_family("Bürger", Counter({"bürgerinnen": 1}), 4) and not in_family("Währung", Counter({"gewährleistet": 1}), 4)


def test_a_family_word_restores_lost_dots_only(lexicon, corrections):
    """'müssen' in the document is evidence for 'u' -> 'ü', not for reading 'misst' as 'müsst'."""
    cleaned = clean_text("Wir miissen das Wasser sparen. Die Station misst den Pegel.", lexicon, corrections.confusions)
    assert "Wir müssen das Wasser sparen. Die Station misst den Pegel." == cleaned.text


def test_a_family_word_restores_a_eszett(lexicon, corrections):
    """A ß has no plain twin: a surely repaired 'Straßenraum' makes the document's 'Strafen' 'Straßen'."""
    text = "Der Strafenraum wird fiir alle neu geplant. In den Strafen fahren weniger Autos."
    assert "In den Straßen fahren" in clean_text(text, lexicon, corrections.confusions).text
    alone = "Der Platz wird fiir alle neu geplant. In den Strafen fahren weniger Autos."
    assert "In den Strafen fahren" in clean_text(alone, lexicon, corrections.confusions).text


def test_intact_text_does_without_the_spelling_list(lexicon, corrections, monkeypatch):
    """Loading the spelling list costs 1.5 s, the noun paradigms more; a PDF text layer has its
    case right and needs neither."""
    import pipeline.language.lexicon
    import pipeline.language.nouns

    def refuse():
        raise AssertionError("a word list of the damaged text's repair was loaded for intact text")

    monkeypatch.setattr(pipeline.language.lexicon, "spelling_log_probs", refuse)
    monkeypatch.setattr(pipeline.language.nouns, "noun_table", refuse)
    cleaned = clean_text("Die Bürger planen längere Offnungszeiten für die Ämter der Städte.",
                         lexicon, corrections.confusions)
    assert not cleaned.damaged and "längere Öffnungszeiten für" in cleaned.text


def test_a_verb_form_of_an_umlaut_lemma_is_not_repaired_by_its_family(lexicon, corrections):
    """'durften' is a form of 'dürfen' (HanTa's lemma): the document's surely repaired 'dürfen'
    says nothing of its dots, unlike 'Förderung' of 'fordern'."""
    damaged = "Die Kinder durfen spielen. Sie durften es selbst umsetzen. Die Burger fiir die Stadt kénnen Losungen fiir alle finden."
    assert clean_text(damaged, lexicon, corrections.confusions).text.startswith(
        "Die Kinder dürfen spielen. Sie durften es selbst umsetzen.")


def test_of_compounds_alike_the_one_with_the_commoner_head_is_chosen(lexicon, corrections):
    """'Seefihre': 'i' is read for 'ä' and for 'ü'. Scored by their weaker part 'See|führe' even
    leads (the verb form 'führe' is a common tail); as nouns German writes 'Fähre' far more
    often, and the ledger says why."""
    cleaned = clean_text("Die Burger fahren mit der Seefihre fiir wenig Geld.", lexicon, corrections.confusions)
    [edit] = [e for e in cleaned.edits if e.word_before == "Seefihre"]
    assert edit.word_after == "Seefähre" and "head 'Fähre'" in edit.reason


def test_a_compound_of_nouns_goes_one_umlaut_further_where_its_head_is_far_commoner(lexicon, corrections):
    """'Riickzugsflachen': 'ii' for 'ü' gives 'Rückzugs|flachen', a compound of nouns with a rare
    head ('Flache'); one more umlaut gives 'Rückzugs|flächen', whose head German writes far more
    often: the heads decide between the two readings."""
    cleaned = clean_text("Die Stadt plant Riickzugsflachen fiir die Burger.", lexicon, corrections.confusions)
    assert "plant Rückzugsflächen für" in cleaned.text
    assert any("head 'Flächen'" in e.reason and e.word_after == "Rückzugsflächen" for e in cleaned.edits)


@pytest.mark.parametrize("text, stranded", [
    ("die Gewässer schönen.", True),
    ("Ressourcen schönen und Beteiligung erleichtern", True),  # 'und' and a noun: the adjective has none
    ("die schönen und neuen Häuser", False),  # 'und' and an adjective may lead on to its noun
    ("die schönen Gärten", False),
    ("die Gewässer schönen, die im Tal liegen", True),  # a relative clause opens after the comma
    ("zu pflegen, schönen aber das Bild", True),  # an article after 'aber' opens a phrase of its own
    ("die schönen, aber teuren Häuser", False),  # an adjective after 'aber' may lead on to its noun
    ("Die Stadt wird älter, und", False),  # no inflected adjective
])
def test_an_adjective_without_a_noun_after_it(text, stranded, lexicon):
    """What keeps a document-level repair from making a verb an adjective where no noun can follow
    ('die Gewässer schonen.' is not 'schönen'), and makes 'zu starken.' 'stärken'."""
    from pipeline.repair.syntax import adjective_without_noun

    word = next(w for w in ("schönen", "älter") if w in text)
    end = text.index(word) + len(word)
    assert adjective_without_noun(text, end, word, lexicon) is stranded


@pytest.mark.parametrize("damaged, expected", [
    ("Die Straen der Stadt sind voll.", "Die Straßen der"),  # a ß left out after a vowel
    ("Wir knnen das ber die Burger regeln.", "Wir können das über die"),  # an umlaut left out ('knnen' is in word lists)
    ("Sie kommen regelmaig fiir die Burger.", "Sie kommen regelmäßig für"),  # and a plain vowel that lost its dots
    ("Die Grostadten wachsen fiir die Burger.", "Die Großstädten wachsen"),  # over a compound reading 'Gro|städten'
    ("Die Quartiersstraen sind fiir die Burger da.", "Die Quartiersstraßen sind"),  # a compound by its head
    ("Die Wasserscho- und Burger fiir alle.", "Die Wasserscho- und"),  # the head's last letter: a cut word
    ("Die Medienzentren fiir die Burger sind offen.", "Die Medienzentren für"),  # not a letter of the compound's first part
    ("Die Berater fiir die Burger sind da.", "Die Berater für"),  # a capital first letter is not put after an umlaut
])
def test_a_letter_the_ocr_dropped_is_put_back(damaged, expected, lexicon, corrections):
    cleaned = clean_text(damaged, lexicon, corrections.confusions)
    assert cleaned.damaged and expected in cleaned.text
    put_back = [e for e in cleaned.edits if e.rule.startswith("umlaut:dropped:")]
    assert all(e.reason.startswith("dropped-letter") for e in put_back)
    assert apply_edits(damaged, [e for e in cleaned.edits if e.applied]) == cleaned.text


@pytest.mark.parametrize("raw, joined", [
    ("die gro en Häuser", "die großen Häuser"),  # the ß read as a space
    ("Das Wasser flief Sen ab.", "Das Wasser fließen ab."),  # as 'f S'
    ("aufS erhalb der Stadt", "außerhalb der Stadt"),
    ("Die Fu gänger warten.", "Die Fußgänger warten."),
    ("Sie sehen es so en bloc.", "Sie sehen es so en bloc."),  # two words as read: 'soßen' is none
    ("Wie er sagt, da es geht.", "Wie er sagt, da es geht."),
])
def test_a_word_cut_where_its_eszett_stood_is_joined(raw, joined, lexicon):
    from pipeline.repair.fixers import join_split_eszett

    edits = join_split_eszett(raw, lexicon)
    assert apply_edits(raw, edits) == joined
    assert all(e.rule == "join_split_eszett" for e in edits)


@pytest.mark.parametrize("raw, split", [
    ("Heute furdie Menschen", "Heute fur die Menschen"),  # the umlaut repair makes 'für' of 'fur' after
    ("Wege ausder Stadt zuden Dörfern", "Wege aus der Stadt zu den Dörfern"),
    ("Er kam, indem er lief; dadurch zudem", "Er kam, indem er lief; dadurch zudem"),  # words of their own
    ("Die Inder wohnen inder Stadt", "Die Inder wohnen in der Stadt"),  # 'Inder' is a noun, 'inder' no word
    ("ander Leute und beidem", "ander Leute und beidem"),  # written so often enough
])
def test_two_function_words_an_ocr_read_as_one_are_split(raw, split, lexicon):
    from pipeline.repair.fixers import split_glued_function_words

    edits = split_glued_function_words(raw, lexicon)
    assert apply_edits(raw, edits) == split
    assert all(e.rule == "split_glued_function_words" and " " in e.word_after for e in edits)


@pytest.mark.parametrize("damaged, expected", [
    ("Der Weg ist lang und der Offentliche Nahverkehr fahrt fiir die Burger selten.", "der öffentliche Nahverkehr"),
    ("Es gab auf diese Weise neun Ubergaben fiir die Burger.", "neun Übergaben für"),
    ("Es braucht die Ubernehmende Kommune fiir die Burger.", "die übernehmende Kommune"),  # its noun follows
    ("Die Offentlichkeit wird fiir die Burger informiert.", "Die Öffentlichkeit wird"),  # a sentence's start
    ("Die Tur lasst sich mit dem Telefon Offnen fiir die Burger.", "dem Telefon öffnen für"),  # a verb after a noun
    ("Beim Offnen hilft es fiir die Burger.", "Beim Öffnen hilft"),  # a verb as a noun after a preposition
])
def test_the_case_of_a_repaired_first_umlaut_follows_the_words_around(damaged, expected, lexicon, corrections):
    cleaned = clean_text(damaged, lexicon, corrections.confusions)
    assert cleaned.damaged and expected in cleaned.text


def test_how_the_ocr_reads_a_word_with_a_letter_left_out():
    from pipeline.language.lexicon import put_back_readings

    assert set(put_back_readings("regelmäßig")) == {"regelmßig", "regelmäig", "regelmaig"}
    assert "ber" in set(put_back_readings("über")) and not set(put_back_readings("Über"))  # a capital stays
    assert not set(put_back_readings("Stadt"))


def test_a_non_words_repair_is_weighed_by_how_this_ocr_misreads(lexicon, corrections):
    """'é' is read for 'ö' all through this document ('kénnen', 'Lésungen' …), 'a' for 'ä':
    'Héfen' is 'Höfen', though 'Häfen' is the commoner word."""
    ocr = " ".join(["Wir kénnen Lésungen fiir die Dérfer finden und mégliche Férderung nutzen.",
                    "Die Stadte planen Gebaude fiir andere Stadte."] * 4)  # 'a' read for 'ä', never 'é'

    cleaned = clean_text(ocr + " Die Waren kommen von Héfen aus der Umgebung.", lexicon, corrections.confusions)
    assert "von Höfen aus" in cleaned.text
    edit = next(e for e in cleaned.edits if e.word_before == "Héfen")
    assert "likelier than 'Häfen'" in edit.reason
    alone = clean_text("Die Waren kommen von Héfen aus der Umgebung fiir alle.", lexicon, corrections.confusions)
    assert "von Häfen aus" in alone.text  # no evidence of how this OCR reads: the word lists decide


def test_a_letter_put_back_needs_no_rule_the_confusion_table_lacks(lexicon):
    """A reviewer's table without 'a' -> 'ä' cannot give 'regelmaig' its second umlaut: no repair,
    and no error; the letter alone is still put back ('Straen')."""
    from pipeline.repair.dropped import dropped_letter_verdict
    from pipeline.corrections import ConfusionTable

    table = ConfusionTable(rules=[{"find": "ii", "replace": "ü", "evidence": "a test"}])
    assert dropped_letter_verdict("regelmaig", 0.0, lexicon, table, DEFAULT_SETTINGS) is None
    assert dropped_letter_verdict("Straen", 0.0, lexicon, table, DEFAULT_SETTINGS).candidate == "Straßen"


def test_a_near_tie_of_the_word_lists_is_no_ground_for_the_document_rate(lexicon, corrections):
    """However often this OCR drops the dots of 'ä', 'zahlt' (4.3) against 'zählt' (4.7) is a coin
    toss: it stays a suggestion; 'Plane' against the far commoner 'Pläne' does not."""
    cleaned = clean_text(DROPS_EVERY_AE + " Wer weniger fahrt, zahlt weniger.", lexicon, corrections.confusions)
    by_word = {e.word_before: e for e in cleaned.edits}
    assert by_word["Plane"].applied
    assert not by_word["zahlt"].applied and "zahlt weniger" in cleaned.text


def test_a_family_word_says_nothing_where_the_plain_stem_is_the_documents_too(lexicon, corrections):
    """A surely repaired 'Zählerstände' makes 'zahlt' 'zählt', unless the document also has a word
    of the plain stem the word lists left alone ('Zahl'): then it speaks of both."""
    counting = "Die Zahlerstande werden fiir alle gelesen. Wer weniger Strom braucht, zahlt weniger."
    assert "braucht, zählt weniger" in clean_text(counting, lexicon, corrections.confusions).text
    both = counting + " Die Zahl der Kunden steigt."
    assert "braucht, zahlt weniger" in clean_text(both, lexicon, corrections.confusions).text


def test_a_real_word_stays_where_this_ocr_seldom_misreads_the_letters_shape_so(lexicon, corrections):
    """'dämmen' is commoner than 'dimmen', but this OCR read every 'ä' it was sure of as 'a', never
    as 'i': 'dimmen' stays, a suggestion that says why. With no rates to go by, the word lists decide."""
    tail = " Die Leuchten dimmen sich in der Nacht."
    cleaned = clean_text(DROPS_EVERY_AE + tail, lexicon, corrections.confusions)
    edit = next(e for e in cleaned.edits if e.word_before == "dimmen")
    assert not edit.applied and "seldom reads 'ä' as 'i'" in edit.reason
    assert "Leuchten dimmen sich" in cleaned.text
    alone = clean_text("Die Burger fiir die Stadt." + tail, lexicon, corrections.confusions)
    assert "Leuchten dämmen sich" in alone.text


COLUMN_LINES = ("Die Stadt hat ihre Ziele für die nächsten Jahre\n"
                "in einem offenen Verfahren gemeinsam bestimmt.\n"
                "Dabei halfen viele Menschen aus den Vierteln\n")


def test_a_join_that_makes_no_known_word_in_a_line_read_across_stays_apart_as_a_suggestion(lexicon, corrections):
    """Two columns read across: 'Volks-' went on in the other column, in the middle of the next
    line; joined with the line's start it would make 'Volksjekte', which nothing knows."""
    text = COLUMN_LINES + ("Zuerst beginnt die Planung der Modellpro- Dafür sorgen die Netzwerke der Volks-\n"
                           "jekte im Mai des Jahres. quarzigen Dinge und die Vereine der Fahr-\nbahnen.\n")
    result = clean(text, lexicon, corrections)
    assert "Fahrbahnen" in result.text and "Volks-\njekte" in result.text
    kept = [e for e in result.edits if e.rule == "join_hyphenated_word" and not e.applied]
    assert len(kept) == 1 and kept[0].uncertain and kept[0].reason.startswith("unknown-join")


def test_a_join_that_makes_no_known_word_in_a_line_of_the_usual_width_is_made(lexicon, corrections):
    """In a line as wide as the text's others the pieces are one word the OCR damaged: joined."""
    text = COLUMN_LINES + "der Stadt mit ihren Ideen für die Quartiersentwi-\ncklungskonzpete und Pläne.\n"
    result = clean(text, lexicon, corrections)
    assert "Quartiersentwicklungskonzpete" in result.text
    assert all(e.applied for e in result.edits if e.rule == "join_hyphenated_word")
