"""The on-disk cache only saves time: a damaged entry is found, removed and made again."""
import pytest

from pipeline import cache


def test_entry_reads_back_what_was_written(tmp_path, monkeypatch):
    monkeypatch.setenv("MPSC_CACHE_DIR", str(tmp_path))
    cache.write_entry("kind", "k1", b"payload")
    assert cache.read_entry("kind", "k1") == b"payload"
    assert cache.read_entry("kind", "other") is None


@pytest.mark.parametrize("damage", [lambda b: b[:-1], lambda b: b"x" + b[1:], lambda b: b"", lambda b: b[:5]])
def test_damaged_entry_is_removed_not_trusted(tmp_path, monkeypatch, damage):
    monkeypatch.setenv("MPSC_CACHE_DIR", str(tmp_path))
    cache.write_entry("kind", "k1", b"payload that matters")
    path = tmp_path / "kind" / "k1"
    path.write_bytes(damage(path.read_bytes()))
    assert cache.read_entry("kind", "k1") is None
    assert not path.exists()


def test_cache_off_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("MPSC_CACHE_DIR", "off")
    cache.write_entry("kind", "k1", b"payload")
    assert cache.read_entry("kind", "k1") is None
    assert not any(tmp_path.iterdir())


def test_word_table_reads_back_the_dict_it_was_made_from(tmp_path, monkeypatch):
    monkeypatch.setenv("MPSC_CACHE_DIR", str(tmp_path))
    numbers = {"Größe": -9.575386047363281, "größe": -12.1, "": 1.0}
    texts = {"Laden": "Lade:ap.;Laden:asm", "Läden": "Laden:np."}
    for table, number in ((numbers, True), (texts, False)):
        made = cache.cached_word_table("t", f"k{number}", lambda: dict(table), number=number)
        kept = cache.cached_word_table("t", f"k{number}", lambda: pytest.fail("made again"), number=number)
        assert isinstance(kept, cache.WordTable) and made == table
        assert dict(kept.items()) == table and len(kept) == len(table)
        assert all(kept.get(k) == v and kept[k] == v and k in kept for k, v in table.items())
        assert kept.get("nie") is None and "nie" not in kept


@pytest.mark.parametrize("damage", [lambda b: b[:-1], lambda b: b[:100]])
def test_damaged_word_table_is_made_again(tmp_path, monkeypatch, damage):
    monkeypatch.setenv("MPSC_CACHE_DIR", str(tmp_path))
    cache.cached_word_table("t", "k", lambda: {"Wort": 2.0}, number=True)
    [path] = (tmp_path / "t").iterdir()
    path.write_bytes(damage(path.read_bytes()))
    made = []
    again = cache.cached_word_table("t", "k", lambda: made.append(1) or {"Wort": 2.0}, number=True)
    assert made and again["Wort"] == 2.0


def test_a_word_table_the_cache_folder_cannot_take_is_the_dict_itself(tmp_path, monkeypatch):
    folder = tmp_path / "ro"
    folder.write_text("a file where the cache folder should be")  # no folder can be made there
    monkeypatch.setenv("MPSC_CACHE_DIR", str(folder))
    table = cache.cached_word_table("t", "k", lambda: {"Wort": 2.0}, number=True)
    assert table == {"Wort": 2.0} and not cache.writable("t")


def test_word_table_marisa_cannot_read_is_made_again(tmp_path, monkeypatch):
    """An entry whose digest holds but whose payload is no trie (written by another marisa)."""
    import hashlib

    monkeypatch.setenv("MPSC_CACHE_DIR", str(tmp_path))
    cache.cached_word_table("t", "k", lambda: {"Wort": 2.0}, number=True)
    [path] = (tmp_path / "t").iterdir()
    junk = b"not a trie at all"
    path.write_bytes(junk + hashlib.sha256(junk).digest())
    assert cache.cached_word_table("t", "k", lambda: {"Wort": 3.0}, number=True)["Wort"] == 3.0
    assert cache.cached_word_table("t", "k", lambda: pytest.fail("made again"), number=True)["Wort"] == 3.0


def test_word_tags_read_back_from_the_cache_as_they_were_made(tmp_path, monkeypatch):
    """HanTa gives some log-probabilities as numpy floats: kept, they must come back as numbers."""
    from pipeline.language.tags import WordTags

    monkeypatch.setenv("MPSC_CACHE_DIR", str(tmp_path))
    words = ["Oberzentrum", "Klimafolgen", "gebaut", "die"]
    first_run = WordTags()
    made = [first_run.word_tags(w, False) for w in words] + [first_run.best_tag(w) for w in words]
    first_run.keep()
    next_run = WordTags()
    kept = [next_run.word_tags(w, False) for w in words] + [next_run.best_tag(w) for w in words]
    assert kept == made and next_run.known == 2 * len(words)
    assert all(type(logp) is float for tags in kept[: len(words)] for _, logp in tags)
    assert next_run.best_tag("gebaut").endswith("(PP)")


def test_keys_do_not_collide_by_concatenation():
    assert cache.key_of("ab", "c") != cache.key_of("a", "bc")


@pytest.mark.slow  # builds the word lists in its own folder, twice, and once without a cache
def test_extraction_gives_the_same_bytes_with_a_cold_a_warm_a_damaged_and_no_cache(tmp_path):
    """Word lists, estimates and tags are kept in the cache: they must never change a result.
    The damaged run finds every entry cut short. The runs build the word lists (no shipped
    table) but the last, which reads the shipped ones with an empty cache folder."""
    import os
    import subprocess
    import sys

    from .conftest import CASES

    mini = CASES / "brochure_mini" / "input.txt"
    outputs = {}
    runs = (("cold", tmp_path / "c"), ("warm", tmp_path / "c"), ("damaged", tmp_path / "c"), ("off", "off"),
            ("shipped", tmp_path / "s"))
    for run, folder in runs:
        if run == "damaged":
            for entry in (tmp_path / "c").glob("*/*"):
                entry.write_bytes(entry.read_bytes()[:1000])
        tables = {"MPSC_SHIPPED_TABLES": "on" if run == "shipped" else "off"}
        done = subprocess.run([sys.executable, "-m", "pipeline.cli", "extract", str(mini), "-o", str(tmp_path / run)],
                              capture_output=True, text=True, env={**os.environ, "MPSC_CACHE_DIR": str(folder), **tables})
        assert done.returncode == 0, done.stderr
        outputs[run] = {f: (tmp_path / run / f).read_bytes() for f in ("projects.json", "cleaned.txt", "corrections.jsonl")}
        if run == "cold":
            assert list((tmp_path / "c" / "spelling").iterdir()), "the damaged text should have used the spelling list"
            for kind in ("verdicts", "laender"):
                assert list((tmp_path / "c" / kind).iterdir()), f"{kind} should have been kept"
        if run == "shipped":
            assert not (tmp_path / "s" / "spelling").exists(), "the shipped spelling list should have been read"
    assert outputs["cold"] == outputs["warm"] == outputs["damaged"] == outputs["off"] == outputs["shipped"]


def test_a_table_of_another_shape_is_made_again_not_an_error_on_every_run(tmp_path, monkeypatch):
    """An entry whose digest is right but whose content is not what this code makes (another
    version wrote it, someone edited it) is made again once, then read."""
    monkeypatch.setenv("MPSC_CACHE_DIR", str(tmp_path))
    cache.write_table("places", "k", {"not": "a list"})
    made = []

    def make():
        made.append(1)
        return [[("Ort", 1.0)], {"ort": [0]}]

    assert cache.cached_table("places", "k", make, (list, dict)) == make()
    assert cache.cached_table("places", "k", lambda: pytest.fail("made again"), (list, dict))[1] == {"ort": [0]}
    assert len(made) == 2  # once by the run, once above to compare


def test_kept_estimates_of_another_shape_are_dropped(tmp_path, monkeypatch):
    monkeypatch.setenv("MPSC_CACHE_DIR", str(tmp_path))
    cache.write_table("zipf", "k", ["a", "list"])
    kept = cache.KeptTable("zipf", lambda: "k", 10)
    assert kept.get("wort", lambda: 3.0) == 3.0 and kept.known == 0


DAMAGED_WORDS = ["fiir", "GroRstadt", "Straen", "kénnen", "Burger", "MiinsterZukunft", "regelmaig", "Mafinahmen",
                 "Quartiersstraen", "Stadt", "zu", "Ol"]


def test_kept_verdicts_read_back_as_they_were_made(corrections):
    """A verdict from the cache folder is the one best_repair gives, its confusion rules the
    table's own objects; one never asked is made (the session's cache folder; thresholds of
    their own make the key this test's alone)."""
    from pipeline.language.lexicon import Lexicon
    from pipeline.repair.kept_verdicts import KeptVerdicts
    from pipeline.repair.settings import RepairSettings
    from pipeline.repair.word_lists import best_repair

    settings, confusions = RepairSettings(max_word_length=63), corrections.confusions

    def verdicts(lexicon, make):
        kept = KeptVerdicts(lexicon, confusions, settings)
        return [kept.verdict(w, True, start, lambda: make(w, lexicon, start)) for w in DAMAGED_WORDS
                for start in (True, False)]

    first_run = Lexicon(corrections.lexicon.words)
    made = verdicts(first_run, lambda w, lexicon, start: best_repair(w, lexicon, confusions, True, settings, start))
    assert sum(v is not None for v in made) >= 6, "the words should have repairs to keep"
    first_run.keep_estimates()
    kept = verdicts(Lexicon(corrections.lexicon.words), lambda *_: pytest.fail("made again"))
    assert kept == made
    rules = {id(r) for r in confusions.rules}
    assert all(id(rule) in rules for v in kept if v for _, rule in v.subs if hasattr(rule, "evidence"))


def test_kept_readings_read_back_as_they_were_made(corrections):
    """A word's listed readings from the cache folder: the same words in the same order, the same
    ways, the table's own rules."""
    from pipeline.language.lexicon import Lexicon
    from pipeline.repair.kept_verdicts import KeptVerdicts
    from pipeline.repair.settings import RepairSettings
    from pipeline.repair.word_lists import listed_readings

    settings, confusions = RepairSettings(max_word_length=62), corrections.confusions
    first_run = Lexicon(corrections.lexicon.words)
    kept = KeptVerdicts(first_run, confusions, settings).readings()
    made = [listed_readings(w, first_run, confusions, settings, kept) for w in DAMAGED_WORDS]
    assert sum(bool(r) for r in made) >= 4, "the words should have readings to keep"
    first_run.keep_estimates()
    next_run = Lexicon(corrections.lexicon.words)
    again = KeptVerdicts(next_run, confusions, settings).readings()
    assert all(w in again for w in DAMAGED_WORDS)
    kept_readings = [listed_readings(w, next_run, confusions, settings, again) for w in DAMAGED_WORDS]
    assert [list(r.items()) for r in kept_readings] == [list(r.items()) for r in made]
    rules = {id(r) for r in confusions.rules}
    assert all(id(rule) in rules for r in kept_readings for ways in r.values() for way in ways for _, rule in way)


def test_kept_verdicts_depend_on_the_confusions_and_the_thresholds(corrections, lexicon):
    from pipeline.language.lexicon import Lexicon
    from pipeline.repair.kept_verdicts import verdicts_key
    from pipeline.repair.settings import DEFAULT_SETTINGS, RepairSettings

    confusions = corrections.confusions
    fewer = confusions.model_copy(update={"rules": confusions.rules[1:]})
    key = verdicts_key(lexicon, confusions, DEFAULT_SETTINGS)
    assert key == verdicts_key(lexicon, confusions, RepairSettings())
    assert key != verdicts_key(lexicon, fewer, DEFAULT_SETTINGS)
    assert key != verdicts_key(lexicon, confusions, RepairSettings(max_substitutions=1))
    assert key != verdicts_key(Lexicon([*corrections.lexicon.words, "Neuwort"]), confusions, DEFAULT_SETTINGS)


def test_kept_column_splits_read_back_as_they_were_made(corrections):
    """A run split in an earlier run comes from the cache folder as split_run made it, None
    included (the session's cache folder; settings of their own make the key this test's alone)."""
    from dataclasses import replace

    from pipeline.language.lexicon import Lexicon
    from pipeline.records.column_splits import kept_split
    from pipeline.records.columns import split_run_afresh
    from pipeline.records.settings import DEFAULT_RECORDS_SETTINGS

    settings = replace(DEFAULT_RECORDS_SETTINGS, columns=replace(DEFAULT_RECORDS_SETTINGS.columns, sure_margin=0.2501))
    runs = [(["Die Stadt plant neue Wege für die Verkehrs- morgen fahren die Busse nach Bedarf und",
              "wende und baut dafür ein Netz aus Ladesäulen, die Haltestellen werden digital."], [], 0.0),
            (["Die Stadt plant neue Wege für den Die Busse fahren bald auch sonntags und",
              "Verkehr und baut dafür ein großes abends."], ["Netz aus Ladesäulen am Markt."], 30.5),
            (["Ein"], [], 0.0)]

    def splits(lexicon, make):
        return [kept_split(lines, below, seen, lexicon, settings, lambda: make(lines, lexicon, below, seen))
                for lines, below, seen in runs]

    first_run = Lexicon(corrections.lexicon.words)
    made = splits(first_run, lambda *args: split_run_afresh(*args, settings))
    assert made[0] is not None and made[0].left and made[-1] is None
    first_run.keep_estimates()
    assert splits(Lexicon(corrections.lexicon.words), lambda *_: pytest.fail("split again")) == made


def test_the_laender_kept_are_pycountrys(tmp_path, monkeypatch):
    import pycountry

    from pipeline.language import lexicon

    monkeypatch.setenv("MPSC_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("MPSC_SHIPPED_TABLES", "off")
    cache.shipped_manifest.cache_clear()
    lexicon.state_codes_by_name.cache_clear()
    try:
        made = lexicon.state_codes_by_name()  # from pycountry, then kept
        lexicon.state_codes_by_name.cache_clear()
        kept = lexicon.state_codes_by_name()  # from the cache folder
    finally:
        lexicon.state_codes_by_name.cache_clear()
        cache.shipped_manifest.cache_clear()
    assert made == kept == {s.name: s.code for s in pycountry.subdivisions.get(country_code="DE")}
    assert len(kept) == 16 and list((tmp_path / "laender").iterdir())


def test_code_that_cannot_be_read_keeps_no_answer_for_another_run(tmp_path):
    source = tmp_path / "stage.py"
    source.write_text("x = 1\n", encoding="utf-8")
    assert cache.sources_key([source]) == cache.sources_key([source])
    missing = [tmp_path / "compiled_only.py"]
    assert cache.sources_key(missing) != cache.sources_key(missing)
    assert cache.sources_key([]) != cache.sources_key([])


def test_answers_kept_by_identity_are_asked_once_per_text_and_object():
    from pipeline.memo import kept_by_identity

    asked = []

    @kept_by_identity
    def labelled(text, table):
        asked.append(text)
        return table.get(text)

    first, equal = {"Motto": 1}, {"Motto": 2}
    assert labelled("Motto", first) == 1 and labelled("Motto", first) == 1
    assert labelled("Motto", equal) == 2  # another table, though alike: its own answer
    assert labelled("Mot" + "to", first) == 1  # strings by value
    assert asked == ["Motto", "Motto"]
