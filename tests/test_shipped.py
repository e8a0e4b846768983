"""The word-list tables shipped with the package answer a first run; any other version of a
source is built, and a shipped table that cannot be read is built too."""
import hashlib
import json
import marshal

import marisa_trie
import pytest

from pipeline import cache
from pipeline.records import ship_tables


@pytest.fixture
def shipped_folder(tmp_path, monkeypatch):
    """A shipped-tables folder of one's own, made under key 'k': a number table 't', a word set
    'ends' and a marshal table 'm' (written by this marshal version)."""
    folder = tmp_path / "tables"
    folder.mkdir()
    payloads = {"t.marisa": marisa_trie.RecordTrie("<d", [("Wort", (2.0,))]).tobytes(),
                "ends.marisa": marisa_trie.Trie(["dnats", "tfnukuz"]).tobytes(),
                "m.marshal": marshal.dumps([{"Bayern": "DE-BY"}])}
    listed = {}
    for name, payload in payloads.items():
        (folder / name).write_bytes(payload)
        listed[name.split(".")[0]] = {"key": "k", "file": name, "size": len(payload), "marshal": marshal.version,
                                      "sha256": hashlib.sha256(payload).hexdigest()}
    (folder / cache.SHIPPED_MANIFEST).write_text(json.dumps(listed))
    monkeypatch.setattr(cache, "shipped_tables_dir", lambda: folder)
    monkeypatch.setenv("MPSC_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("MPSC_SHIPPED_TABLES", raising=False)
    cache.shipped_manifest.cache_clear()
    yield folder
    cache.shipped_manifest.cache_clear()


def test_a_shipped_table_answers_its_own_key_and_nothing_is_built(shipped_folder, tmp_path):
    table = cache.cached_word_table("t", "k", lambda: pytest.fail("built although shipped"), number=True)
    assert table["Wort"] == 2.0 and len(table) == 1
    assert not (tmp_path / "cache" / "t").exists()


def test_a_table_of_another_key_is_built_and_kept(shipped_folder, tmp_path):
    table = cache.cached_word_table("t", "another version", lambda: {"Wort": 3.0}, number=True)
    assert table["Wort"] == 3.0
    assert list((tmp_path / "cache" / "t").iterdir())


@pytest.mark.parametrize("damage", [lambda b: b"x" * len(b), lambda b: b[:-1], lambda b: b[:-9] + bytes([b[-9] ^ 1]) + b[-8:]])
def test_a_shipped_table_damaged_is_built_not_read(shipped_folder, damage):
    """A byte changed where marisa reads it without an error too: the digest decides."""
    path = shipped_folder / "t.marisa"
    path.write_bytes(damage(path.read_bytes()))
    assert cache.cached_word_table("t", "k", lambda: {"Wort": 3.0}, number=True)["Wort"] == 3.0


def test_shipped_tables_off_builds_every_table(shipped_folder, monkeypatch):
    monkeypatch.setenv("MPSC_SHIPPED_TABLES", "off")
    cache.shipped_manifest.cache_clear()
    assert cache.cached_word_table("t", "k", lambda: {"Wort": 3.0}, number=True)["Wort"] == 3.0


def test_a_shipped_word_set_answers_its_key(shipped_folder):
    ends = cache.cached_word_set("ends", "k", lambda: pytest.fail("built although shipped"))
    assert ends.prefixes("dnatsttim") == ["dnats"]
    assert "tfnukuz" in cache.cached_word_set("ends", "other", lambda: ["tfnukuz"])


def test_a_shipped_marshal_table_is_read_only_where_this_marshal_wrote_it(shipped_folder):
    assert cache.cached_table("m", "k", lambda: pytest.fail("built although shipped"), (dict,)) == [{"Bayern": "DE-BY"}]
    listed = json.loads((shipped_folder / cache.SHIPPED_MANIFEST).read_text())
    listed["m"]["marshal"] = marshal.version + 1
    (shipped_folder / cache.SHIPPED_MANIFEST).write_text(json.dumps(listed))
    cache.shipped_manifest.cache_clear()
    assert cache.cached_table("m", "k", lambda: [{"Bayern": "made"}], (dict,)) == [{"Bayern": "made"}]


@pytest.mark.slow  # builds every table (some eight seconds)
def test_the_shipped_tables_are_what_this_code_builds_from_the_installed_packages(tmp_path, monkeypatch):
    """A change to how a table is made that keeps its key would leave the shipped table stale:
    make them again with `python -m pipeline.records.ship_tables`."""
    monkeypatch.setenv("MPSC_CACHE_DIR", str(tmp_path / "unused"))
    listed = json.loads((cache.shipped_tables_dir() / cache.SHIPPED_MANIFEST).read_text(encoding="utf-8"))
    try:
        built = ship_tables.build_tables(tmp_path / "built")
    finally:
        cache.shipped_manifest.cache_clear()
    assert sorted(built) == sorted(listed), "a table is asked for that is not shipped, or the reverse"
    stale = [kind for kind in listed if listed[kind]["key"] != built[kind]["key"]]
    sources = {package: version for package, version in ship_tables.made_with().items() if package != "python"}
    moved_on = [kind for kind in stale if {p: listed[kind]["made_with"].get(p) for p in sources} != sources]
    assert stale == moved_on, f"{sorted(set(stale) - set(moved_on))}: made another way from the same packages; ship them again"
    if stale:
        pytest.skip(f"the installed packages are other versions than the shipped tables' ({', '.join(stale)})")
    for kind, entry in listed.items():
        made, kept = ((folder / entry["file"]).read_bytes() for folder in (tmp_path / "built", cache.shipped_tables_dir()))
        if entry["file"].endswith(".marshal"):  # marshal's bytes vary with its references, not its content
            made, kept = marshal.loads(made), marshal.loads(kept)
        assert made == kept, kind
