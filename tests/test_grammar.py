"""Grammar evidence: noun paradigms (pipeline/nouns.py) and how well words read (pipeline/grammar.py)."""
import pytest

from pipeline.language.grammar import disagreements, sequence_logprob, tokens
from pipeline.language.nouns import agrees, readings, readings_of_rows
from pipeline.language.tags import WordTags

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
    tags = WordTags()
    good = tokens("Über eine App sehen die Nutzer, wann der Bus kommt.")
    bad = tokens("Über eine App sehen die steht Nutzer, wann der Bus kommt.")
    assert sequence_logprob(good, tags) > sequence_logprob(bad, tags)
    assert sequence_logprob(tokens("Schulen und öffentlichen Gebäuden"), tags) \
        > sequence_logprob(tokens("Schulen öffentlichen und Gebäuden"), tags)


@pytest.mark.slow  # builds the noun table twice in its own folder
def test_a_damaged_noun_table_in_the_cache_is_made_again(tmp_path, monkeypatch):
    from pipeline import cache
    from pipeline.language import nouns

    monkeypatch.setenv("MPSC_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("MPSC_SHIPPED_TABLES", "off")  # the table made and kept in this folder, not the shipped one
    cache.shipped_manifest.cache_clear()
    try:
        made = nouns.noun_table.__wrapped__  # past the process's table: each call reads this folder
        first = made()
        [entry] = (tmp_path / "nouns").iterdir()
        entry.write_bytes(entry.read_bytes()[:-40] + b"x" * 40)
        assert made() == first
    finally:
        cache.shipped_manifest.cache_clear()


def test_a_compounds_head_is_the_noun_after_a_noun():
    from pipeline.language.nouns import head_of

    table = readings_of_rows(ROWS + [{"lemma": "Dorf", "genus": "n", "nominativ singular": "Dorf"},
                                     {"lemma": "Ostaden", "genus": "m", "nominativ singular": "Ostaden"}])
    assert head_of("Dorfstaden", table) == (4, "Staden")  # 'Dorf|staden', though 'Dor|fstaden' has no head
    assert head_of("Weitostaden", table) == (4, "Ostaden")  # no noun before any head: the longest head


def test_an_attributive_adjective_needs_its_noun_after_it():
    from pipeline.language.grammar import stranded_adjectives

    tags = WordTags()
    assert stranded_adjectives(tokens("mit ähnlichen und Herausforderungen"), tags) == 1
    assert stranded_adjectives(tokens("eine florierende entwickelt."), tags) == 1
    assert stranded_adjectives(tokens("Sie bauen eine florierende."), tags) == 1
    assert stranded_adjectives(tokens("mit ähnlichen Herausforderungen"), tags) == 0
    assert stranded_adjectives(tokens("für junge und ältere Menschen"), tags) == 0  # two adjectives, one noun
    assert stranded_adjectives(tokens("wo sie am dringendsten gebraucht werden"), tags) == 0  # a superlative after 'am'
    assert stranded_adjectives(tokens("mit den anderen und Partnern"), tags) == 0  # 'anderen' may stand alone


def test_the_determiners_hold_the_inflected_der_and_ein_words_and_cannot_be_extended():
    from pipeline.language.nouns import BASE_DETERMINERS, DETERMINERS, with_der_and_ein_words

    assert DETERMINERS["dieses"] == ("nsn", "asn", "gsm", "gsn") and DETERMINERS["keinem"] == ("dsm", "dsn")
    assert "jede" in DETERMINERS and all(r[1] == "s" for r in DETERMINERS["jede"])  # 'jed-' has no plural
    assert all(DETERMINERS[word] == allowed for word, allowed in BASE_DETERMINERS.items())
    assert "dieses" not in BASE_DETERMINERS and dict(with_der_and_ein_words({"dieses": ("nsn",)}))["dieses"] == ("nsn",)
    with pytest.raises(TypeError):
        DETERMINERS["foo"] = ("nsm",)


def test_what_a_run_learns_about_words_is_owned_by_its_lexicon():
    from pipeline.language.lexicon import Lexicon, remembered_per_lexicon

    asked = []

    @remembered_per_lexicon
    def first_letter(word, lexicon):
        asked.append(word)
        return word[:1] or None

    one, other = Lexicon(), Lexicon()
    assert one.tags is not other.tags and one.tags.best_tag("gebaut").endswith("(PP)")
    assert [first_letter(w, one) for w in ("Bus", "Bus", "")] == ["B", "B", None] and asked == ["Bus", ""]
    assert first_letter("", one) is None and asked == ["Bus", ""]  # None is an answer, remembered too
    assert first_letter("Bus", other) == "B" and asked == ["Bus", "", "Bus"]  # another lexicon, asked again
