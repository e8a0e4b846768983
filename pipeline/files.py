"""Atomic file writes: every file is written to a temporary name first, then renamed into place,
so a reader never sees a half-written file and a failure leaves the old files as they were."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_files_atomically(folder: Path, files: dict[str, str | bytes], owned: frozenset[str] = frozenset(),
                           owned_folders: frozenset[str] = frozenset()) -> None:
    """All files are written to temporary names first; only then are they renamed into place.
    A name may lie in a subfolder ('evidence/a.png'); bytes are written as they are, text as
    UTF-8. Files named in `owned`, and files in `owned_folders`, that this run did not write are
    removed afterwards: a folder never holds a CSV of an earlier run beside a new JSON. Other
    files in the folder are left alone."""
    folder.mkdir(parents=True, exist_ok=True)
    staged = []
    try:
        for name, content in files.items():
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
            if isinstance(content, bytes):
                with os.fdopen(fd, "wb") as fh:
                    fh.write(content)
            else:
                with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                    fh.write(content)
            os.chmod(tmp, 0o666 & ~current_umask())
            staged.append((tmp, target))
        for tmp, final in staged:
            os.replace(tmp, final)
        for name in sorted(owned - files.keys()):
            (folder / name).unlink(missing_ok=True)
        for sub in owned_folders:
            for stale in (folder / sub).glob("*.png") if (folder / sub).is_dir() else ():
                if f"{sub}/{stale.name}" not in files:
                    stale.unlink(missing_ok=True)
    finally:
        for tmp, _ in staged:
            if os.path.exists(tmp):
                os.unlink(tmp)
