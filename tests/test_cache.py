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


def test_extraction_gives_the_same_bytes_with_a_cold_a_warm_a_damaged_and_no_cache(tmp_path):
    """The spelling list is kept in the cache (lexicon.py): it must never change a result."""
    import os
    import subprocess
    import sys

    from .conftest import CASES

    mini = CASES / "brochure_mini" / "input.txt"
    outputs = {}
    for run, folder in (("cold", tmp_path / "c"), ("warm", tmp_path / "c"), ("damaged", tmp_path / "c"), ("off", "off")):
        if run == "damaged":
            for entry in (tmp_path / "c" / "spelling").iterdir():
                entry.write_bytes(entry.read_bytes()[:1000])
        done = subprocess.run([sys.executable, "-m", "pipeline.cli", "extract", str(mini), "-o", str(tmp_path / run)],
                              capture_output=True, text=True, env={**os.environ, "MPSC_CACHE_DIR": str(folder)})
        assert done.returncode == 0, done.stderr
        outputs[run] = {f: (tmp_path / run / f).read_bytes() for f in ("projects.json", "cleaned.txt", "corrections.jsonl")}
        if run == "cold":
            assert list((tmp_path / "c" / "spelling").iterdir()), "the damaged text should have used the spelling list"
    assert outputs["cold"] == outputs["warm"] == outputs["damaged"] == outputs["off"]
