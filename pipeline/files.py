"""Writing files so that a reader never sees half of a change.

- `write_files_atomically`: each file goes to a temporary name first, then is renamed into place.
- `replace_folder`: an output folder replaced as a whole: the new one is written beside it and
  the two are swapped in one step, so a kill at any moment leaves the old folder or the new one.
- `write_files_together`: several files (a review's overrides and decisions) replaced as one,
  through a journal that a later run completes (`finish_pending_writes`).
Temporary names hold '.mpsc-'; those an output folder's replacement left are removed by the
next replacement of that folder.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import errno
import hashlib
import json
import os
import re
import shutil
import stat
import tempfile
from pathlib import Path

from pipeline.errors import CorrectionsError

STAGED_PREFIX = ".mpsc-new-"  # a folder being written beside its final place
RETIRED_PREFIX = ".mpsc-old-"  # the folder it replaced, until it is removed
JOURNAL = ".mpsc-pending.json"  # files to be written together, written first
RENAMES = ".mpsc-renames.json"  # a file-by-file replacement's renames, listed before they are made
RENAME_EXCHANGE = 2  # renameat2(2) flag: swap two paths in one step (Linux)
AT_FDCWD = -100
TEMPORARY_MARK = ".mpsc-tmp-"
# a temporary file of write_files_atomically that a kill left ('.projects.json.mpsc-tmp-ab12cd_3')
TEMPORARY = re.compile(r"\..+\.mpsc-tmp-[a-z0-9_]{8}")
# what the journal may name: the files a review writes, nothing outside the folder
JOURNALED = re.compile(r"decisions\.json|lexicon\.json|overrides/\d{4}\.json")


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_files_atomically(folder: Path, files: dict[str, str | bytes], owned: frozenset[str] = frozenset(),
                           owned_folders: frozenset[str] = frozenset(), journaled: bool = False) -> None:
    """All files are written to temporary names first; only then are they renamed into place.
    A name may lie in a subfolder ('evidence/a.png'); bytes are written as they are, text as
    UTF-8. Files named in `owned`, and files in `owned_folders`, that this run did not write are
    removed afterwards. Other files in the folder are left alone. A failure (a full disk) leaves
    no temporary file. `journaled`: the renames and removals are listed in a journal first, so
    that a kill among them is completed by `finish_renames` (the next replace_folder there)."""
    folder.mkdir(parents=True, exist_ok=True)
    staged = []
    try:
        for name, content in files.items():
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}{TEMPORARY_MARK}", dir=target.parent)
            staged.append((tmp, target))
            write_content(fd, content)
            os.chmod(tmp, 0o666 & ~current_umask())
        unwritten = unwritten_owned(folder, files, owned, owned_folders)
        if journaled:
            plan = {"renames": [[os.path.relpath(tmp, folder), final.relative_to(folder).as_posix()]
                                for tmp, final in staged], "remove": unwritten}
            write_files_atomically(folder, {RENAMES: json.dumps(plan, ensure_ascii=False)})
        for tmp, final in staged:
            os.replace(tmp, final)
        for name in unwritten:
            (folder / name).unlink(missing_ok=True)
        if journaled:
            (folder / RENAMES).unlink()
    finally:
        for tmp, _ in staged:
            if os.path.exists(tmp):
                os.unlink(tmp)


def finish_renames(folder: Path) -> None:
    """Complete the renames and removals a journaled write listed and a kill cut short."""
    journal = folder / RENAMES
    try:
        plan = json.loads(journal.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return  # none, or one a kill cut short while it was written: the change had not begun
    for tmp, final in plan.get("renames", []):
        if (folder / tmp).exists() and TEMPORARY.fullmatch(Path(tmp).name) and not Path(final).is_absolute() \
                and ".." not in Path(final).parts:
            os.replace(folder / tmp, folder / final)
    for name in plan.get("remove", []):
        if not Path(name).is_absolute() and ".." not in Path(name).parts:
            (folder / name).unlink(missing_ok=True)
    journal.unlink()


def write_content(fd: int, content: str | bytes) -> None:
    if isinstance(content, bytes):
        with os.fdopen(fd, "wb") as fh:
            fh.write(content)
    else:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(content)


def unwritten_owned(folder: Path, files: dict, owned: frozenset[str], owned_folders: frozenset[str]) -> list[str]:
    """The files the tool owns in `folder` that this write does not make: to be removed."""
    names = [name for name in sorted(owned - files.keys()) if (folder / name).exists()]
    for sub in sorted(owned_folders):
        for stale in sorted((folder / sub).glob("*.png")) if (folder / sub).is_dir() else ():
            if f"{sub}/{stale.name}" not in files:
                names.append(f"{sub}/{stale.name}")
    return names


def replace_folder(folder: Path, files: dict[str, str | bytes], owned: frozenset[str] = frozenset(),
                   owned_folders: frozenset[str] = frozenset(), mark: str = "projects.json") -> None:
    """The output folder `folder` replaced as a whole by `files`. The new folder is written beside
    it (with the files and folders the tool does not own carried over, and the old folder's
    modes), then the two are swapped in one rename; a kill leaves either the old folder or the new
    one, and the next run removes what a killed one left beside it. A folder the tool did not make
    (without its `mark`, projects.json: the current folder, a project's own), a symlink, a mount
    point, or a place where no folder can be made beside it is written file by file instead: each
    file whole, the renames listed in a journal first, so the next run completes a write a kill cut
    short (new files, never a mix once it is done)."""
    folder = folder.absolute()
    folder.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(folder)
    if folder.exists() and not swappable(folder, mark):
        write_files_atomically(folder, files, owned, owned_folders, journaled=True)
        return
    try:
        staged = Path(tempfile.mkdtemp(prefix=f"{STAGED_PREFIX}{folder_tag(folder)}-", dir=folder.parent))
    except OSError:  # the parent takes no new folder: file by file
        write_files_atomically(folder, files, owned, owned_folders, journaled=True)
        return
    try:
        if folder.is_dir():
            carry_over(folder, staged, files, owned, owned_folders)
            os.chmod(staged, stat.S_IMODE(folder.stat().st_mode))
        else:
            os.chmod(staged, 0o777 & ~current_umask())
        write_files_atomically(staged, files)
        if folder.is_dir():
            retired = swap_folders(staged, folder)
            shutil.rmtree(retired, ignore_errors=True)
        else:
            os.rename(staged, folder)
    finally:
        if staged.exists():
            shutil.rmtree(staged, ignore_errors=True)


def swappable(folder: Path, mark: str) -> bool:
    """A folder this tool made (it holds the file `mark`), not a symlink, not a mount point."""
    return (folder.is_dir() and not folder.is_symlink() and not os.path.ismount(folder)
            and (folder / mark).is_file())


def folder_tag(folder: Path) -> str:
    """A name for the folder's temporary siblings that no other folder's shares ('report' and
    'report-2022' in one batch must not take each other's)."""
    return hashlib.sha1(os.fsencode(folder.name)).hexdigest()[:16]


def carry_over(old: Path, new: Path, files: dict, owned: frozenset[str], owned_folders: frozenset[str]) -> None:
    """What of the old folder this run neither writes nor owns (a reviewer's notes, a saved
    review, folders, links) goes into the new one: files hard-linked where the file system
    allows, folders with their modes, symlinks as links."""
    for path in sorted(old.rglob("*")):
        name = path.relative_to(old).as_posix()
        top = name.split("/")[0]
        owned_picture = top in owned_folders and path.suffix == ".png"
        if name in files or name in owned or owned_picture or TEMPORARY.fullmatch(path.name):
            continue
        target = new / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.is_symlink():
            os.symlink(os.readlink(path), target)
        elif path.is_dir():
            target.mkdir(exist_ok=True)
            os.chmod(target, stat.S_IMODE(path.stat().st_mode))
        elif path.is_file():
            try:
                os.link(path, target)
            except OSError:
                shutil.copy2(path, target)


def swap_folders(new: Path, folder: Path) -> Path:
    """Put `new` where `folder` is; -> where the old folder now lies (to be removed)."""
    if exchange_paths(new, folder):
        return new  # the old folder now has the staged name
    retired = folder.parent / f"{RETIRED_PREFIX}{folder_tag(folder)}"
    os.rename(folder, retired)  # no atomic swap here: a kill between the renames is repaired next run
    os.rename(new, folder)
    return retired


def exchange_paths(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 with RENAME_EXCHANGE); False where the system
    has no such call; any other failure is raised."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    try:
        renameat2 = ctypes.CDLL(libc_name, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    failure = ctypes.get_errno()
    if failure in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False  # this file system or kernel cannot exchange
    raise OSError(failure, os.strerror(failure), str(b))


def remove_leftovers(folder: Path) -> None:
    """What a killed run left beside `folder`: a half-written new folder is removed; an old one
    whose swap was cut short is put back where the folder is missing, else removed; inside it,
    temporary files of a write a kill cut short."""
    retired = folder.parent / f"{RETIRED_PREFIX}{folder_tag(folder)}"
    if retired.is_dir():
        if folder.exists():
            shutil.rmtree(retired, ignore_errors=True)
        else:
            os.rename(retired, folder)
    for staged in folder.parent.glob(f"{STAGED_PREFIX}{folder_tag(folder)}-*"):
        shutil.rmtree(staged, ignore_errors=True)
    if folder.is_dir():
        finish_renames(folder)
        for stale in folder.rglob(f"*{TEMPORARY_MARK}*"):
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
    """Complete a change `write_files_together` began and a kill cut short. -> whether there was
    one. A journal that names any other file than a review writes (decisions.json, lexicon.json,
    overrides/<year>.json), or is no journal, is refused, not followed."""
    journal = folder / JOURNAL
    if not journal.is_file():
        return False
    try:
        files = json.loads(journal.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError):
        files = None
    if not isinstance(files, dict) or not all(isinstance(n, str) and JOURNALED.fullmatch(n) and isinstance(c, str)
                                              for n, c in files.items()):
        raise CorrectionsError(f"{journal}: not a journal of `mpsc review` (it names other files, or is "
                               "damaged); look at it, then remove it")
    for name, content in files.items():
        target = folder / name
        write_files_atomically(target.parent, {target.name: content})
    journal.unlink()
    return True
