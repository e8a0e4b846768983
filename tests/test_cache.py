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


def test_keys_do_not_collide_by_concatenation():
    assert cache.key_of("ab", "c") != cache.key_of("a", "bc")
