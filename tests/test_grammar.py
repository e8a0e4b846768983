"""Grammar evidence: noun paradigms (pipeline/nouns.py) and how well words read (pipeline/grammar.py)."""
import pytest

from pipeline.language.grammar import disagreements, sequence_logprob, tokens
from pipeline.language.nouns import agrees, readings, readings_of_rows

# two invented rows in german-nouns' CSV shape (a masculine noun whose plural takes an umlaut)
ROWS = [
    {"lemma": "Staden", "genus": "m", "nominativ singular": "Staden", "nominativ plural": "Städen",
     "genitiv singular": "Stadens", "genitiv plural": "Städen", "dativ singular": "Staden",
     "dativ plural": "Städen", "akkusativ singular": "Staden", "akkusativ plural": "Städen"},
    {"lemma": "Blume", "genus": "f", "nominativ singular": "Blume", "nominativ plural 1": "Blumen",
     "dativ singular": "Blume", "dativ plural": "Blumen", "genitiv singular*": "Blume"},
]


def test_forms_carry_case_number_and_gender():
    table = readings_of_rows(ROWS)
    assert set(readings("Staden", table)) == {"nsm", "dsm", "asm"}
    assert set(readings("Städen", table)) == {"np.", "gp.", "dp.", "ap."}
    assert set(readings("Blumen", table)) == {"np.", "dp."} and "gsf" in readings("Blume", table)


def test_a_compound_reads_as_its_head_and_a_short_tail_is_no_head():
    table = readings_of_rows(ROWS)
    assert readings("Gartenstäden", {}) == [] and set(readings("Gartenstäden", table)) == set(readings("Städen", table))
    assert readings("Smablume", table) == readings("Blume", table)
    assert readings("Xblume", table) == []  # the part before the head is too short to be a word


def test_determiners_agree_or_not():
    table = readings_of_rows(ROWS)
    assert agrees("die", readings("Städen", table)) and not agrees("die", readings("Staden", table))
    assert agrees("zum", readings("Staden", table)) and not agrees("zum", readings("Städen", table))
    assert agrees("viele", readings("Städen", table)) and not agrees("viele", readings("Staden", table))
    assert agrees("die", []) is None and agrees("Haus", readings("Staden", table)) is None


def test_disagreements_are_counted_from_the_real_paradigms():
    assert disagreements(tokens("die großen Schaden und viele neue Leitfaden")) == 2
    assert disagreements(tokens("die großen Schäden und viele neue Leitfäden")) == 0
    assert disagreements(tokens("im Herzen des Ruhrgebiets")) == 0 < disagreements(tokens("im Herzen des Klimafolgen"))


def test_an_order_that_reads_as_german_scores_higher():
    good = tokens("Über eine App sehen die Nutzer, wann der Bus kommt.")
    bad = tokens("Über eine App sehen die steht Nutzer, wann der Bus kommt.")
    assert sequence_logprob(good) > sequence_logprob(bad)
    assert sequence_logprob(tokens("Schulen und öffentlichen Gebäuden")) > sequence_logprob(tokens("Schulen öffentlichen und Gebäuden"))


@pytest.mark.slow  # builds the noun table twice in its own folder
def test_a_damaged_noun_table_in_the_cache_is_made_again(tmp_path, monkeypatch):
    from pipeline.language import nouns

    monkeypatch.setenv("MPSC_CACHE_DIR", str(tmp_path))
    nouns.noun_table.cache_clear()
    first = nouns.noun_table()
    [entry] = (tmp_path / "nouns").iterdir()
    entry.write_bytes(entry.read_bytes()[:-40] + b"x" * 40)
    nouns.noun_table.cache_clear()
    assert nouns.noun_table() == first
    nouns.noun_table.cache_clear()


def test_a_compounds_head_is_the_noun_after_a_noun():
    from pipeline.language.nouns import head_of

    table = readings_of_rows(ROWS + [{"lemma": "Dorf", "genus": "n", "nominativ singular": "Dorf"},
                                     {"lemma": "Ostaden", "genus": "m", "nominativ singular": "Ostaden"}])
    assert head_of("Dorfstaden", table) == (4, "Staden")  # 'Dorf|staden', though 'Dor|fstaden' has no head
    assert head_of("Weitostaden", table) == (4, "Ostaden")  # no noun before any head: the longest head


def test_an_attributive_adjective_needs_its_noun_after_it():
    from pipeline.language.grammar import stranded_adjectives

    assert stranded_adjectives(tokens("mit ähnlichen und Herausforderungen")) == 1
    assert stranded_adjectives(tokens("eine florierende entwickelt.")) == 1
    assert stranded_adjectives(tokens("Sie bauen eine florierende.")) == 1
    assert stranded_adjectives(tokens("mit ähnlichen Herausforderungen")) == 0
    assert stranded_adjectives(tokens("für junge und ältere Menschen")) == 0  # two adjectives, one noun
    assert stranded_adjectives(tokens("wo sie am dringendsten gebraucht werden")) == 0  # a superlative after 'am'
    assert stranded_adjectives(tokens("mit den anderen und Partnern")) == 0  # 'anderen' may stand alone
