"""An output folder is replaced as a whole: a kill at any write leaves the old folder or the new
one, and the next run removes what the killed one left (issue 26, point 12); the environment's
errors are one line with exit 2 (point 14)."""
import errno
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.files import remove_leftovers, replace_folder

OLD = {"projects.json": "old", "cleaned.txt": "old", "review.html": "old", "evidence/a.png": "old"}
NEW = {"projects.json": "new", "cleaned.txt": "new", "evidence/b.png": "new"}
MINE = {"notes.txt": "a reviewer's notes"}  # not the tool's: kept through every replacement
OWNED = frozenset({"projects.json", "cleaned.txt", "review.html"})

CHILD = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    import pipeline.files as files
    kill_at, calls = int(sys.argv[2]), [0]
    def killed_at_call(fn):
        def call(*args, **kwargs):
            calls[0] += 1
            if calls[0] == kill_at:
                os._exit(9)  # no clean-up runs, as with SIGKILL
            return fn(*args, **kwargs)
        return call
    for name in ("replace", "rename", "link", "unlink", "rmdir", "mkdir", "chmod"):
        setattr(os, name, killed_at_call(getattr(os, name)))
    files.write_content = killed_at_call(files.write_content)
    if sys.argv[3] == "no-exchange":
        files.exchange_paths = lambda a, b: False
    else:
        files.exchange_paths = killed_at_call(files.exchange_paths)
    new = {"projects.json": "new", "cleaned.txt": "new", "evidence/b.png": "new"}
    mark = "not-there.json" if sys.argv[3] == "file-by-file" else "projects.json"  # a folder it did not make
    files.replace_folder(Path(sys.argv[1]), new, owned=frozenset({"projects.json", "cleaned.txt", "review.html"}),
                         owned_folders=frozenset({"evidence"}), mark=mark)
""")


def state(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(folder.rglob("*")) if p.is_file()}


def make_old(folder: Path) -> None:
    for name, text in {**OLD, **MINE}.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")


@pytest.mark.parametrize("swap", ["exchange", "no-exchange", "file-by-file"])
def test_a_kill_at_any_write_leaves_the_old_folder_or_the_new_one(tmp_path, swap):
    repo = Path(__file__).resolve().parent.parent
    whole_old, whole_new = {**OLD, **MINE}, {**NEW, **MINE}
    seen = set()
    for kill_at in range(1, 200):
        root = tmp_path / f"run-{kill_at}"
        folder = root / "out"
        make_old(folder)
        done = subprocess.run([sys.executable, "-c", CHILD, str(folder), str(kill_at), swap],
                              env={**os.environ, "PYTHONPATH": str(repo)}, capture_output=True, text=True)
        assert done.returncode in (0, 9), done.stderr
        if swap == "exchange":
            assert state(folder) in (whole_old, whole_new), kill_at  # never a mix, never missing
        remove_leftovers(folder)  # what the next run does first
        assert state(folder) in (whole_old, whole_new), kill_at
        assert sorted(p.name for p in root.iterdir()) == ["out"], kill_at  # nothing left beside it
        assert not [p for p in folder.rglob(".*")], kill_at  # no temporary file inside
        seen.add("new" if state(folder) == whole_new else "old")
        if done.returncode == 0:
            break
    assert seen == {"old", "new"} and done.returncode == 0


def test_a_full_disk_is_one_line_and_leaves_no_temporary_file(tmp_path, capsys, monkeypatch):
    import pipeline.files as files

    def full(fd, content):
        os.close(fd)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files, "write_content", full)
    out = tmp_path / "out"
    make_old(out)
    assert main(["extract", str(Path(__file__).parent / "cases" / "brochure_mini" / "input.txt"), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "No space left on device" in err and "internal error" not in err
    assert state(out) == {**OLD, **MINE}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_folder_that_cannot_be_written_is_one_line(tmp_path, capsys, monkeypatch):
    import pipeline.files as files

    def refused(fd, content):
        os.close(fd)
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path / "out"))

    monkeypatch.setattr(files, "write_content", refused)
    assert main(["extract", str(Path(__file__).parent / "cases" / "brochure_mini" / "input.txt"),
                 "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Permission denied" in err


def test_a_batch_whose_summary_cannot_be_written_still_prints_its_table(tmp_path, capsys, monkeypatch):
    import pipeline.files as files

    real = files.write_files_atomically

    def summary_refused(folder, written, *args, **kwargs):
        if "summary.csv" in written:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(folder, written, *args, **kwargs)

    monkeypatch.setattr(files, "write_files_atomically", summary_refused)
    mini = Path(__file__).parent / "cases" / "brochure_mini" / "input.txt"
    second = tmp_path / "second.txt"
    second.write_text(mini.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["extract", str(mini), str(second), "-o", str(tmp_path / "out"), "--jobs", "1"]) == 2
    captured = capsys.readouterr()
    assert "2 of 2 inputs extracted" in captured.out and "No space left on device" in captured.err


def test_memory_running_out_is_one_line_with_exit_2(tmp_path, capsys, monkeypatch):
    import pipeline.run as run

    def no_memory(*args, **kwargs):
        raise MemoryError()

    monkeypatch.setattr(run, "extract_brochure", no_memory)
    mini = Path(__file__).parent / "cases" / "brochure_mini" / "input.txt"
    assert main(["extract", str(mini), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "out of memory" in err and "internal error" not in err
    assert not (tmp_path / "out").exists()


def test_replace_folder_keeps_files_that_are_not_the_tools(tmp_path):
    folder = tmp_path / "out"
    make_old(folder)
    replace_folder(folder, NEW, owned=OWNED, owned_folders=frozenset({"evidence"}))
    assert state(folder) == {**NEW, **MINE}


def test_a_folder_the_tool_did_not_make_is_written_file_by_file(tmp_path):
    """`-o .` in a project folder: its files and folders stay where they are, with their modes."""
    folder = tmp_path / "project"
    (folder / ".git" / "refs").mkdir(parents=True)
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    (folder / ".projects.json.20240101").write_text("a dated backup", encoding="utf-8")
    os.chmod(folder, 0o700)
    inode = folder.stat().st_ino
    replace_folder(folder, NEW, owned=OWNED, owned_folders=frozenset({"evidence"}))
    assert folder.stat().st_ino == inode and (folder.stat().st_mode & 0o777) == 0o700
    assert (folder / ".git" / "refs").is_dir() and (folder / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (folder / ".projects.json.20240101").exists() and (folder / "projects.json").read_text() == "new"


def test_a_replaced_folder_keeps_its_modes_empty_folders_and_links(tmp_path):
    folder = tmp_path / "out"
    make_old(folder)
    (folder / "empty").mkdir()
    (folder / "link").symlink_to("notes.txt")
    os.chmod(folder, 0o700)
    replace_folder(folder, NEW, owned=OWNED, owned_folders=frozenset({"evidence"}))
    assert (folder.stat().st_mode & 0o777) == 0o700 and (folder / "empty").is_dir()
    assert (folder / "link").is_symlink() and os.readlink(folder / "link") == "notes.txt"


def test_folders_of_like_names_in_one_batch_leave_each_other_alone(tmp_path):
    """The leftovers of 'report' are not those of 'report-2022' (a parallel batch writes both)."""
    import pipeline.files as files

    other = tmp_path / "report-2022"
    make_old(other)
    staged = tmp_path / f"{files.STAGED_PREFIX}{files.folder_tag(other)}-x"
    staged.mkdir()  # 'report-2022' being written by another process
    replace_folder(tmp_path / "report", NEW, owned=OWNED)
    assert staged.is_dir() and state(other) == {**OLD, **MINE}


def test_a_worker_that_dies_costs_its_input_a_row_not_the_batch(tmp_path, capsys, monkeypatch):
    import pipeline.run as run

    real = run.extract_brochure

    def dies_on_one(source, *args, **kwargs):
        if Path(source.path).name == "dies.txt":
            os._exit(9)  # killed, as by the out-of-memory killer
        return real(source, *args, **kwargs)

    monkeypatch.setattr(run, "extract_brochure", dies_on_one)  # worker processes are forked with it
    mini = Path(__file__).parent / "cases" / "brochure_mini" / "input.txt"
    for name in ("dies.txt", "lives.txt"):
        (tmp_path / name).write_text(mini.read_text(encoding="utf-8"), encoding="utf-8")
    code = main(["extract", str(tmp_path / "dies.txt"), str(tmp_path / "lives.txt"), "-o", str(tmp_path / "out"),
                 "--jobs", "2"])
    out = capsys.readouterr().out
    assert code == 2 and "1 of 2 inputs extracted" in out and "process reading it died" in out
    assert (tmp_path / "out" / "summary.csv").exists() and (tmp_path / "out" / "lives" / "projects.json").exists()
