"""Make the word-list tables shipped with the package (pipeline/cache.py) again, from the
installed packages, into pipeline/data/tables/ with their manifest:

    python -m pipeline.language.ship_tables

Run it after changing how a table is made, or to ship tables of newer source packages (a test
compares the shipped tables with what this code makes).
"""
from __future__ import annotations

import json
import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

from pipeline import cache
import pipeline.language.lexicon as lexicon
import pipeline.language.nouns as nouns


def build_tables(folder: Path) -> dict:
    """Build every table into `folder` (table files and the manifest) from the installed
    packages, with an empty cache and no shipped table -> the manifest."""
    with tempfile.TemporaryDirectory() as scratch, environment(MPSC_CACHE_DIR=scratch, MPSC_SHIPPED_TABLES="off"):
        made = made_tables()
        folder.mkdir(parents=True, exist_ok=True)
        entries = {}
        for kind, key in made.items():
            payload = cache.read_entry(kind, cache.key_of(key, "marisa-trie", cache.version_of("marisa-trie")))
            if payload is None:
                raise SystemExit(f"the {kind} table was not kept in the cache folder")
            (folder / f"{kind}.marisa").write_bytes(payload)
            entries[kind] = {"key": key, "file": f"{kind}.marisa", "size": len(payload), "made_with": made_with()}
    (folder / cache.SHIPPED_MANIFEST).write_text(json.dumps(entries, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return entries


@contextmanager
def environment(**settings: str):
    """The process's environment with `settings` inside the block, as it was after it."""
    before = {name: os.environ.get(name) for name in settings}
    os.environ.update(settings)
    cache.shipped_manifest.cache_clear()
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        cache.shipped_manifest.cache_clear()


def made_with() -> dict[str, str]:
    """The versions of the packages the tables are made from (for a reader of the manifest; the
    keys decide)."""
    return {package: cache.version_of(package) for package in ("wordfreq", "spacy-lookups-data", "german-nouns", "marisa-trie")}


def made_tables() -> dict[str, str]:
    """Make every table once -> kind -> the key it was made under."""
    asked: dict[str, str] = {}
    with cache.asked_tables(asked):
        lexicon.wordfreq_german.cache_clear()
        lexicon.spelling_tables.cache_clear()
        lexicon.common_word_ends.cache_clear()
        nouns.noun_table.cache_clear()
        lexicon.wordfreq_german()
        lexicon.spelling_tables()
        lexicon.common_word_ends()
        nouns.noun_table()
    for made in (lexicon.wordfreq_german, lexicon.spelling_tables, lexicon.common_word_ends, nouns.noun_table):
        made.cache_clear()  # tables of a scratch folder: a later ask finds them where a run does
    return asked


def main() -> None:
    folder = cache.shipped_tables_dir()
    entries = build_tables(folder)
    total = sum(entry["size"] for entry in entries.values())
    print(f"{len(entries)} tables, {total / 2**20:.1f} MiB, in {folder}", file=sys.stderr)


if __name__ == "__main__":
    main()
