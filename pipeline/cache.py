"""A small on-disk cache for results that are slow to make and fully determined by a key
(Tesseract's reading of a page image). An entry is its payload followed by the payload's
SHA-256; an entry whose digest does not match (a broken write, a damaged disk) is removed and
made again, never trusted. Entries are written to a temporary name and renamed into place.

The folder is $MPSC_CACHE_DIR, else $XDG_CACHE_HOME/mpsc, else ~/.cache/mpsc;
MPSC_CACHE_DIR=off turns the cache off. A cache that cannot be written is skipped silently:
it only saves time, it never changes a result.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
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


def cached_table(kind: str, key: str, make):
    """A table (dicts, lists, strings, numbers) from the cache, or `make()` kept there. Stored
    with marshal, which opens fastest; an entry another Python wrote is made again."""
    table = read_table(kind, key)
    if table is None:
        table = make()
        write_table(kind, key, table)
    return table


def read_table(kind: str, key: str):
    import marshal

    stored = read_entry(kind, key)
    if stored is not None:
        try:
            return marshal.loads(stored)
        except (EOFError, ValueError, TypeError):
            pass  # written by another Python: made again
    return None


def write_table(kind: str, key: str, table) -> None:
    import marshal

    write_entry(kind, key, marshal.dumps(table))
