"""A small on-disk cache for results that are slow to make and fully determined by a key
(Tesseract's reading of a page image). An entry is its payload followed by the payload's
SHA-256; an entry whose digest does not match (a broken write, a damaged disk) is removed and
made again, never trusted. Entries are written to a temporary name and renamed into place.

The folder is $MPSC_CACHE_DIR, else $XDG_CACHE_HOME/mpsc, else ~/.cache/mpsc;
MPSC_CACHE_DIR=off turns the cache off. A cache that cannot be written is skipped silently:
it only saves time, it never changes a result.

The tables made from other packages' data (wordfreq's German list, the spelling list and its
put-back index, the noun paradigms, the common word ends of compounds, the Länder, GeoNames'
German places) take some nine seconds to make, which every new installation, CI run or batch
worker would pay once: the ones made from the package versions in their manifest are shipped in
`pipeline/data/tables/` (made by `python -m pipeline.records.ship_tables`) and answer a table
asked for under the manifest's key. Another version of a source is made and kept here as before;
a shipped table that cannot be read is made too. MPSC_SHIPPED_TABLES=off makes every table be
made (the tests that compare both do).
"""
from __future__ import annotations

import gc
import hashlib
import json
import os
import tempfile
from collections.abc import Mapping
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

DIGEST_SIZE = 32


def cache_dir() -> Path | None:
    chosen = os.environ.get("MPSC_CACHE_DIR")
    if chosen == "off":
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "mpsc"


def key_of(*parts: bytes | str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


def sources_key(files) -> str:
    """The key of some source files (their names and contents) and of the Python running them:
    answers worked out by this code are kept under it, so a change to the code makes them again."""
    import sys

    files = list(files)
    try:
        sources = [f"{Path(f).name}\n{Path(f).read_text(encoding='utf-8')}" for f in files]
    except OSError:
        # An install without its .py files: a key never made again, so no answer is kept for a
        # code that cannot be told apart from the next version's.
        return key_of("unreadable sources", os.urandom(16))
    if not files:
        return key_of("no sources", os.urandom(16))
    return key_of(sys.version, *sources)


def read_entry(kind: str, key: str) -> bytes | None:
    folder = cache_dir()
    if folder is None:
        return None
    path = folder / kind / key
    try:
        stored = path.read_bytes()
    except OSError:
        return None
    payload, digest = stored[:-DIGEST_SIZE], stored[-DIGEST_SIZE:]
    if len(stored) < DIGEST_SIZE or hashlib.sha256(payload).digest() != digest:
        path.unlink(missing_ok=True)
        return None
    return payload


def write_entry(kind: str, key: str, payload: bytes) -> None:
    folder = cache_dir()
    if folder is None:
        return
    tmp = None
    try:
        (folder / kind).mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".entry.", dir=folder / kind)
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload + hashlib.sha256(payload).digest())
        os.replace(tmp, folder / kind / key)
    except OSError:
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)


def cached_table(kind: str, key: str, make, shape: tuple[type, ...]):
    """A table from the cache, or `make()` kept there: a list whose items are of the types of
    `shape` (dicts, lists, tuples of strings and numbers). Stored with marshal, which opens
    fastest; an entry another Python wrote, or one of another shape (its digest right, its
    content not what this code makes), is made again. A table shipped under `key` (written by
    this marshal version or an older one) is read from the package."""
    import marshal

    note_asked(kind, key, "marshal")
    shipped = shipped_payload(kind, key)
    written_by = shipped_manifest()[kind].get("marshal") if shipped is not None else None
    if isinstance(written_by, int) and written_by <= marshal.version:  # marshal reads its older versions
        try:
            with collector_paused():
                table = marshal.loads(shipped)
        except (EOFError, ValueError, TypeError):
            table = None
        if fits(table, shape):
            return table
    table = read_table(kind, key)
    if not fits(table, shape):
        with collector_paused():
            table = make()
        write_table(kind, key, table)
    return table


@contextmanager
def collector_paused():
    """Python's cyclic garbage collector paused while a table is made: the table holds no cycles,
    and a collection every 700 new dicts or sets would walk the growing table again and again
    (the noun paradigms took twice as long)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def fits(table, shape: tuple[type, ...]) -> bool:
    return (isinstance(table, list) and len(table) == len(shape)
            and all(isinstance(item, kind) for item, kind in zip(table, shape)))


class KeptTable:
    """Results a run works out one at a time (the estimate of a word, its tags), kept across runs
    in the cache folder: read on first use under `key()`, written back by keep() when the run
    added some, the newest `limit` of them."""

    def __init__(self, kind: str, key, limit: int):
        self.kind, self.key, self.limit = kind, key, limit
        self.table: dict | None = None
        self.known = 0  # how many came from the cache folder
        self._stored_as = ""

    def load(self) -> dict:
        if self.table is None:
            self._stored_as = self.key()
            kept = read_table(self.kind, self._stored_as)
            self.table = kept if isinstance(kept, dict) else {}  # an entry of another shape is made again
            self.known = len(self.table)
        return self.table

    def get(self, key: str, make):
        table = self.load()
        found = table.get(key)
        if found is None:
            found = table[key] = make()
        return found

    def keep(self) -> None:
        if self.table is None or len(self.table) == self.known:
            return
        table = self.table if len(self.table) <= self.limit else dict(list(self.table.items())[-self.limit:])
        write_table(self.kind, self._stored_as, table)
        self.known = len(self.table)


def cached_word_table(kind: str, key: str, make, number: bool):
    """A read-only table word -> number (`number`) or word -> text, from `make()` (a dict, or
    the (word, value) pairs of one, each word once), kept in the cache folder as a marisa trie: a
    million words open in milliseconds and take a few MB, where the dict takes half a second and
    150 MB. The trie is checked like every entry (a broken one is made again); without a cache
    folder a dict is used. A table just made is answered from its trie too, so its words are let
    go at once (a first run would otherwise hold every word list as a dict: 800 MB)."""
    import marisa_trie

    note_asked(kind, key, "marisa")
    empty = (lambda: marisa_trie.RecordTrie("<d")) if number else marisa_trie.BytesTrie
    found = kept_trie(kind, key, lambda payload: WordTable.from_bytes(empty(), payload, number))
    if found is not None:
        return found
    if not writable(kind):
        return made_dict(make)  # a trie that cannot be kept is not worth the second it takes to build
    with collector_paused():
        made = make()
        pairs = made.items() if isinstance(made, Mapping) else made
        trie = (marisa_trie.RecordTrie("<d", ((k, (v,)) for k, v in pairs)) if number
                else marisa_trie.BytesTrie((k, v.encode("utf-8")) for k, v in pairs))
    write_entry(kind, trie_key(key), trie.tobytes())
    return WordTable(trie, number)


def cached_word_set(kind: str, key: str, make):
    """A read-only set of words (a marisa Trie, which also finds every word a text starts with:
    `prefixes`) from `make()` (the words, each once), kept in the cache folder like a word table;
    without a cache folder it is built for the run."""
    import marisa_trie

    note_asked(kind, key, "marisa")
    found = kept_trie(kind, key, lambda payload: marisa_trie.Trie().frombytes(payload))
    if found is not None:
        return found
    with collector_paused():
        trie = marisa_trie.Trie(make())
    if writable(kind):
        write_entry(kind, trie_key(key), trie.tobytes())
    return trie


def kept_trie(kind: str, key: str, load):
    """The trie of `kind` shipped under `key`, else kept in the cache folder under it, read by
    `load(payload)`; None where neither is, or neither can be read."""
    for read in (lambda: shipped_payload(kind, key), lambda: read_entry(kind, trie_key(key))):
        payload = read()
        if payload is not None:
            try:
                return load(payload)
            except Exception:  # a payload marisa cannot read (its digest matched): made again
                pass
    return None


def trie_key(key: str) -> str:
    """The key a trie is kept under in the cache folder: marisa-trie's version too (a shipped
    trie is checked by its digest and by marisa reading it)."""
    return key_of(key, "marisa-trie", version_of("marisa-trie"))


_asking: list[dict[str, tuple[str, str]]] = []  # the tables asked while asked_tables() records them


@contextmanager
def asked_tables(into: dict[str, tuple[str, str]]):
    """Record kind -> (key, how it is stored: "marisa" or "marshal") of every table asked for
    inside the block into `into` (the maker of the shipped tables learns their keys so)."""
    _asking.append(into)
    try:
        yield into
    finally:
        _asking.remove(into)


def note_asked(kind: str, key: str, stored_as: str) -> None:
    for record in _asking:
        record[kind] = (key, stored_as)


def made_dict(make) -> dict:
    with collector_paused():
        made = make()
        return made if isinstance(made, Mapping) else dict(made)


def writable(kind: str) -> bool:
    """Whether the cache folder takes an entry of this kind (it exists or can be made, and a file
    can be written there)."""
    folder = cache_dir()
    if folder is None:
        return False
    try:
        (folder / kind).mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder / kind):
            return True
    except OSError:
        return False


class WordTable(Mapping):
    """The dict interface the stages use (get, in, [], len, items, ==) over a marisa trie."""

    def __init__(self, trie, number: bool):
        self._trie = trie
        self._number = number

    @classmethod
    def from_bytes(cls, empty_trie, payload: bytes, number: bool) -> "WordTable":
        return cls(empty_trie.frombytes(payload), number)

    def get(self, word: str, default=None):
        found = self._trie.get(word)
        if not found:
            return default
        return found[0][0] if self._number else found[0].decode("utf-8")

    def __getitem__(self, word: str):
        found = self.get(word)
        if found is None:
            raise KeyError(word)
        return found

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word in self._trie

    def __iter__(self):
        return self._trie.iterkeys()

    def __len__(self) -> int:
        return len(self._trie)

    def items(self):
        for word, value in self._trie.iteritems():  # items() would make the list of a million first
            yield word, value[0] if self._number else value.decode("utf-8")


def version_of(package: str) -> str:
    from importlib.metadata import version

    return version(package)


def read_table(kind: str, key: str):
    import marshal

    stored = read_entry(kind, key)
    if stored is not None:
        try:
            with collector_paused():
                return marshal.loads(stored)
        except (EOFError, ValueError, TypeError):
            pass  # written by another Python: made again
    return None


def write_table(kind: str, key: str, table) -> None:
    import marshal

    write_entry(kind, key, marshal.dumps(table))


SHIPPED_MANIFEST = "manifest.json"


def shipped_tables_dir() -> Path:
    return Path(__file__).resolve().parent / "data" / "tables"


@lru_cache(maxsize=1)
def shipped_manifest() -> dict:
    """kind -> {"key", "file", "size", "sha256", "made_with", and "marshal" for a marshal table}
    of every shipped table; empty when none is shipped or they are turned off."""
    if os.environ.get("MPSC_SHIPPED_TABLES") == "off":
        return {}
    try:
        entries = json.loads((shipped_tables_dir() / SHIPPED_MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return entries if isinstance(entries, dict) else {}


def shipped_payload(kind: str, key: str) -> bytes | None:
    """The bytes of the shipped table of `kind` when it was made under `key` and its digest is
    the manifest's (a damaged file is never trusted: a trie reads most damage without an
    error), else None."""
    entry = shipped_manifest().get(kind)
    if not isinstance(entry, dict) or entry.get("key") != key:
        return None
    try:
        payload = (shipped_tables_dir() / str(entry.get("file"))).read_bytes()
    except OSError:
        return None
    return payload if hashlib.sha256(payload).hexdigest() == entry.get("sha256") else None
