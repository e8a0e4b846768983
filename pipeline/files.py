"""Writing files so that a reader never sees half of a change.

- `write_files_atomically`: each file goes to a temporary name first, then is renamed into place.
- `replace_folder`: an output folder replaced as a whole: the new one is written beside it and
  the two are swapped in one step, so a kill at any moment leaves the old folder or the new one.
- `write_files_together`: several files (a review's overrides and decisions) replaced as one,
  through a journal that a later run completes (`finish_pending_writes`).
Temporary names start with '.mpsc-' or '.<name>.' and are removed by the next write there.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import json
import os
import re
import shutil
import tempfile
from pathlib import Path

STAGED_PREFIX = ".mpsc-new-"  # a folder being written beside its final place
RETIRED_PREFIX = ".mpsc-old-"  # the folder it replaced, until it is removed
JOURNAL = ".mpsc-pending.json"  # files to be written together, written first
RENAME_EXCHANGE = 2  # renameat2(2) flag: swap two paths in one step (Linux)
AT_FDCWD = -100
# a temporary file of write_files_atomically that a kill left ('.projects.json.ab12cd_3')
TEMPORARY = re.compile(r"\.[^/]+\.(?:json|jsonl|txt|html|diff|csv|geojson|png)\.[a-z0-9_]{8}")


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_files_atomically(folder: Path, files: dict[str, str | bytes], owned: frozenset[str] = frozenset(),
                           owned_folders: frozenset[str] = frozenset()) -> None:
    """All files are written to temporary names first; only then are they renamed into place.
    A name may lie in a subfolder ('evidence/a.png'); bytes are written as they are, text as
    UTF-8. Files named in `owned`, and files in `owned_folders`, that this run did not write are
    removed afterwards. Other files in the folder are left alone. A failure (a full disk) leaves
    no temporary file."""
    folder.mkdir(parents=True, exist_ok=True)
    staged = []
    try:
        for name, content in files.items():
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
            staged.append((tmp, target))
            write_content(fd, content)
            os.chmod(tmp, 0o666 & ~current_umask())
        for tmp, final in staged:
            os.replace(tmp, final)
        remove_unwritten(folder, files, owned, owned_folders)
    finally:
        for tmp, _ in staged:
            if os.path.exists(tmp):
                os.unlink(tmp)


def write_content(fd: int, content: str | bytes) -> None:
    if isinstance(content, bytes):
        with os.fdopen(fd, "wb") as fh:
            fh.write(content)
    else:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(content)


def remove_unwritten(folder: Path, files: dict, owned: frozenset[str], owned_folders: frozenset[str]) -> None:
    for name in sorted(owned - files.keys()):
        (folder / name).unlink(missing_ok=True)
    for sub in owned_folders:
        for stale in (folder / sub).glob("*.png") if (folder / sub).is_dir() else ():
            if f"{sub}/{stale.name}" not in files:
                stale.unlink(missing_ok=True)


def replace_folder(folder: Path, files: dict[str, str | bytes], owned: frozenset[str] = frozenset(),
                   owned_folders: frozenset[str] = frozenset()) -> None:
    """The output folder `folder` replaced as a whole by `files`. The new folder is written beside
    it (with the files the tool does not own carried over), then the two are swapped in one
    rename; a kill leaves either the old folder or the new one, and the next run removes what a
    killed one left beside it."""
    folder = folder.absolute()
    folder.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(folder)
    staged = Path(tempfile.mkdtemp(prefix=f"{STAGED_PREFIX}{folder.name}-", dir=folder.parent))
    try:
        if folder.is_dir():
            carry_over(folder, staged, files, owned, owned_folders)
        write_files_atomically(staged, files)
        os.chmod(staged, 0o777 & ~current_umask())
        if folder.is_dir():
            retired = swap_folders(staged, folder)
            shutil.rmtree(retired, ignore_errors=True)
        else:
            os.rename(staged, folder)
    finally:
        if staged.exists():
            shutil.rmtree(staged, ignore_errors=True)


def carry_over(old: Path, new: Path, files: dict, owned: frozenset[str], owned_folders: frozenset[str]) -> None:
    """Files of the old folder that this run neither writes nor owns (a reviewer's notes, a
    saved review) go into the new one, hard-linked where the file system allows."""
    for path in old.rglob("*"):
        name = path.relative_to(old).as_posix()
        top = name.split("/")[0]
        owned_picture = top in owned_folders and path.suffix == ".png"
        if not path.is_file() or name in files or name in owned or owned_picture or TEMPORARY.fullmatch(path.name):
            continue
        target = new / name
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(path, target)
        except OSError:
            shutil.copy2(path, target)


def swap_folders(new: Path, folder: Path) -> Path:
    """Put `new` where `folder` is; -> where the old folder now lies (to be removed)."""
    if exchange_paths(new, folder):
        return new  # the old folder now has the staged name
    retired = folder.parent / f"{RETIRED_PREFIX}{folder.name}"
    os.rename(folder, retired)  # no atomic swap here: a kill between the renames is repaired next run
    os.rename(new, folder)
    return retired


def exchange_paths(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 with RENAME_EXCHANGE); False where the system
    cannot."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    try:
        renameat2 = ctypes.CDLL(libc_name, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    done = renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE)
    return done == 0


def remove_leftovers(folder: Path) -> None:
    """What a killed run left beside `folder`: a half-written new folder is removed; an old one
    whose swap was cut short is put back where the folder is missing, else removed."""
    retired = folder.parent / f"{RETIRED_PREFIX}{folder.name}"
    if retired.is_dir():
        if folder.exists():
            shutil.rmtree(retired, ignore_errors=True)
        else:
            os.rename(retired, folder)
    for staged in folder.parent.glob(f"{STAGED_PREFIX}{folder.name}-*"):
        shutil.rmtree(staged, ignore_errors=True)
    if folder.is_dir():
        for stale in folder.rglob(".*"):
            if stale.is_file() and TEMPORARY.fullmatch(stale.name):
                stale.unlink(missing_ok=True)


def write_files_together(folder: Path, files: dict[str, str]) -> None:
    """Several text files under `folder` (names relative to it) replaced as one change: all new
    contents go into a journal first (one atomic write: the change is then decided), then each
    file is replaced, then the journal is removed. A kill before the journal leaves every file
    as it was; after it, `finish_pending_writes` completes the change."""
    write_files_atomically(folder, {JOURNAL: json.dumps(files, ensure_ascii=False)})
    finish_pending_writes(folder)


def finish_pending_writes(folder: Path) -> bool:
    """Complete a change `write_files_together` began and a kill cut short. -> whether there was one."""
    journal = folder / JOURNAL
    if not journal.is_file():
        return False
    files = json.loads(journal.read_text(encoding="utf-8"))
    for name, content in files.items():
        target = folder / name
        write_files_atomically(target.parent, {target.name: content})
    journal.unlink()
    return True
