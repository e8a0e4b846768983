"""The command line: outputs, determinism, batches, and bad input (one line on stderr, exit 2,
nothing written)."""
import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.cli import EXIT_INTERNAL, main

from .conftest import CASES

MINI = CASES / "brochure_mini" / "input.txt"


def run(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_extract_writes_its_outputs(tmp_path, capsys):
    code, out, err = run(["extract", str(MINI), "-o", str(tmp_path / "out")], capsys)
    assert code == 0, err
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert files == ["cleaned.txt", "corrections.diff", "corrections.jsonl", "projects.json", "review.html"]
    data = json.loads((tmp_path / "out" / "projects.json").read_text(encoding="utf-8"))
    assert data["schema_version"] == "3" and data["source"]["kind"] == "text"
    assert len(data["projects"]) == 4
    ledger = [json.loads(l) for l in (tmp_path / "out" / "corrections.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {"id", "rule", "start", "end", "before", "after", "confidence", "context", "record"} <= set(ledger[0])
    assert any(e["record"] == "tuebingen" for e in ledger)


def test_same_input_gives_byte_identical_output_whatever_the_hash_seed(tmp_path):
    """Separate processes with different string hashing: no output may depend on set or dict order."""
    import os

    for seed, name in (("1", "a"), ("2", "b")):
        proc = subprocess.run([sys.executable, "-m", "pipeline.cli", "extract", str(MINI), "-o", str(tmp_path / name),
                               "--format", "csv", "--format", "jsonl", "--jobs", "1"],
                              capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": seed})
        assert proc.returncode == 0, proc.stderr
    files = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert files == sorted(p.name for p in (tmp_path / "b").iterdir()) and "projects.csv" in files
    for file in files:
        assert (tmp_path / "a" / file).read_bytes() == (tmp_path / "b" / file).read_bytes(), file


def test_default_output_folder_is_named_after_the_input(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run(["extract", str(MINI)], capsys)[0] == 0
    assert (tmp_path / "output" / "input" / "projects.json").exists()


def bad(tmp_path, name, content: bytes):
    path = tmp_path / name
    path.write_bytes(content)
    return path


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda t: t / "missing.txt", "no such file"),
        (lambda t: bad(t, "empty.txt", b""), "empty"),
        (lambda t: bad(t, "blank.txt", b"  \n\n "), "empty"),
        (lambda t: bad(t, "image.txt", bytes(range(256)) * 20), "binary"),
        (lambda t: bad(t, "prose.txt", "Ein Text über Städte, aber ohne ein einziges Modellprojekt.\n".encode()), "no model project"),
        (lambda t: bad(t, "mojibake.txt", "Die BÃ¼rger der GroÃŸstadt".encode()), "garbled"),
        (lambda t: bad(t, "fake.pdf", b"%PDF-1.4\nnot really a pdf"), "PDF"),
        (lambda t: t, "no .pdf or .txt file"),
    ],
    ids=["missing", "empty", "blank", "binary", "no-project", "mojibake", "broken-pdf", "empty-folder"],
)
def test_bad_input_fails_cleanly(tmp_path, capsys, make, message):
    out = tmp_path / "out"
    code, _, err = run(["extract", str(make(tmp_path)), "-o", str(out)], capsys)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("mpsc: error:") and message in lines[0]
    assert not out.exists()


def test_latin1_text_is_read_correctly(tmp_path, capsys):
    text = MINI.read_text(encoding="utf-8")
    path = bad(tmp_path, "latin1.txt", text.encode("cp1252"))
    assert run(["extract", str(path), "-o", str(tmp_path / "out")], capsys)[0] == 0
    data = json.loads((tmp_path / "out" / "projects.json").read_text(encoding="utf-8"))
    assert data["source"]["encoding"] == "cp1252"
    assert data["edition"]["leitthema"] == "Wasser und Wärme - Stadt für alle"
    raw = (tmp_path / "out" / "raw.txt").read_text(encoding="utf-8")
    assert raw == text  # the ledger's offsets refer to raw.txt, not to the cp1252 bytes


def test_output_folder_that_is_a_file_is_refused(tmp_path, capsys):
    target = bad(tmp_path, "taken", b"keep me")
    code, _, err = run(["extract", str(MINI), "-o", str(target)], capsys)
    assert code == 2 and "not a directory" in err
    assert target.read_bytes() == b"keep me"


def test_no_temporary_files_are_left_behind(tmp_path, capsys):
    run(["extract", str(MINI), "-o", str(tmp_path)], capsys)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_schema_command_prints_the_json_schema(capsys):
    code, out, _ = run(["schema"], capsys)
    schema = json.loads(out)
    assert code == 0 and {"projects", "criteria", "overview", "rejected", "edition", "source"} <= set(schema["properties"])


def test_console_script_reports_bad_input_in_one_line_with_exit_2(tmp_path):
    script = Path(sys.executable).parent / "mpsc"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "pipeline.cli"]
    proc = subprocess.run(command + ["extract", str(tmp_path / "nope.txt")], capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [f"mpsc: error: {tmp_path / 'nope.txt'}: no such file"]
    assert not (tmp_path / "output").exists()


def test_batch_reports_a_bad_file_and_extracts_the_others(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    text = MINI.read_text(encoding="utf-8")
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "b.txt").write_text(text.replace("Tiibingen", "Tubingen"), encoding="utf-8")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 nothing")
    (folder / "notes.md").write_text("not an input", encoding="utf-8")
    out = tmp_path / "out"
    code, stdout, err = run(["extract", str(folder), "-o", str(out), "--jobs", "2"], capsys)
    assert code == 2 and "1 of 3 inputs" in err
    assert sorted(p.name for p in out.iterdir()) == ["a", "b", "summary.csv"]
    rows = list(csv.DictReader((out / "summary.csv").open(encoding="utf-8")))
    assert [(r["input"].rsplit("/", 1)[-1], r["status"]) for r in rows] == \
        [("a.txt", "ok"), ("b.txt", "ok"), ("broken.pdf", "error")]
    assert "not a readable PDF" in rows[2]["error"] and "broken.pdf" in stdout
    for name in ("a", "b"):
        assert json.loads((out / name / "projects.json").read_text(encoding="utf-8"))["projects"]


def test_batch_of_files_gives_the_same_output_as_single_runs(tmp_path, capsys):
    single = tmp_path / "single"
    assert run(["extract", str(MINI), "-o", str(single), "--jobs", "1"], capsys)[0] == 0
    copy = tmp_path / "copy.txt"
    copy.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    assert run(["extract", str(MINI), str(copy), "-o", str(out), "--jobs", "1"], capsys)[0] == 0
    for name in ("projects.json", "cleaned.txt", "corrections.jsonl"):
        assert (out / "copy" / name).read_text(encoding="utf-8").replace(str(copy), "X") == \
            (single / name).read_text(encoding="utf-8").replace(str(MINI), "X")


def test_inputs_with_one_name_get_separate_folders(tmp_path):
    from pipeline.batch import output_folders

    folders = output_folders([Path("a.pdf"), Path("x/a.txt"), Path("y/a.txt"), Path("b.ocr.txt")], tmp_path)
    assert [f.name for f in folders] == ["a-pdf", "a-txt", "a-txt-2", "b"]


def test_jobs_must_be_positive(capsys):
    with pytest.raises(SystemExit):
        main(["extract", "--jobs", "0"])


def test_a_rerun_removes_the_files_it_owns_and_did_not_write(tmp_path, capsys):
    out = tmp_path / "out"
    assert run(["extract", str(MINI), "-o", str(out), "--format", "csv", "--format", "jsonl"], capsys)[0] == 0
    (out / "my-notes.txt").write_text("mine", encoding="utf-8")
    assert run(["extract", str(MINI), "-o", str(out)], capsys)[0] == 0
    names = sorted(p.name for p in out.iterdir())
    assert "projects.csv" not in names and "projects.jsonl" not in names
    assert (out / "my-notes.txt").read_text(encoding="utf-8") == "mine"


def test_a_bug_in_one_input_of_a_batch_is_an_internal_error_row_and_the_batch_goes_on(tmp_path, capsys, monkeypatch):
    import pipeline.run as run_module

    real = run_module.extract_brochure

    def buggy(source, *args, **kwargs):
        if source.path.endswith("b.txt"):
            raise ZeroDivisionError("a bug")
        return real(source, *args, **kwargs)

    monkeypatch.setattr(run_module, "extract_brochure", buggy)
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    code, _, err = run(["extract", str(folder), "-o", str(tmp_path / "out"), "--jobs", "1"], capsys)
    rows = list(csv.DictReader((tmp_path / "out" / "summary.csv").open(encoding="utf-8")))
    assert [r["status"] for r in rows] == ["ok", "internal error", "ok"] and code != 0
    assert "ZeroDivisionError" in rows[1]["error"] and "--debug" in rows[1]["error"]
    with pytest.raises(ZeroDivisionError):
        main(["--debug", "extract", str(folder / "b.txt"), "-o", str(tmp_path / "debug")])
    code, _, err = run(["extract", str(folder / "b.txt"), "-o", str(tmp_path / "single")], capsys)
    assert code == EXIT_INTERNAL and "internal error: ZeroDivisionError" in err


def test_a_bug_while_reading_a_pdf_is_not_blamed_on_the_file(tmp_path, monkeypatch):
    import pipeline.read.load as load
    from .pdf_fixture import pdf_bytes

    path = tmp_path / "ok.pdf"
    path.write_bytes(pdf_bytes([["Modellprojekte Smart Cities 2030"]]))

    def buggy(*args):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(load, "page_to_text", buggy)
    with pytest.raises(ZeroDivisionError):
        load.load_source(path)


def test_version(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0 and capsys.readouterr().out.startswith("mpsc ")


def test_a_batch_loads_each_word_list_once_per_process(tmp_path, capsys, monkeypatch):
    """A pool's worker runs its files in one process: the word lists are opened for its first
    file only (here the batch runs in this process, --jobs 1)."""
    from pipeline import cache
    from pipeline.language import lexicon, nouns

    opened = []

    def counted(kind, key, make, number):
        opened.append(kind)
        return cache.cached_word_table(kind, key, make, number)

    for function in (lexicon.wordfreq_german, lexicon.spelling_log_probs, lexicon.spelling_tables,
                     lexicon.put_back_index, nouns.noun_table):
        function.cache_clear()
    monkeypatch.setattr(lexicon, "cached_word_table", counted)
    monkeypatch.setattr(nouns, "cached_word_table", counted)
    copies = []
    for n in range(3):
        copies.append(tmp_path / f"copy{n}.txt")
        copies[-1].write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    assert run(["extract", *map(str, copies), "-o", str(tmp_path / "out"), "--jobs", "1"], capsys)[0] == 0
    assert sorted(opened) == sorted(set(opened)) and {"wordfreq", "spelling"} <= set(opened)


def test_the_refusal_says_what_was_looked_for_and_found(tmp_path, capsys):
    text = "Modellprojekte Smart Cities 2023\n\n1. Modellprojekte Smart Cities 2023\n\nGroßstädte\n\nKoblenz\n" \
           "GROSSE GROSSSTADT\nProjekttitel: Koblenz klug\n\nDie Stadt baut eine Plattform.\n"
    (tmp_path / "in.txt").write_text(text, encoding="utf-8")
    assert main(["extract", str(tmp_path / "in.txt"), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "looked for a 'size class · Land' line" in err and "Bundesland/Land" in err and "Größenklasse" in err
    assert "1 section headings" in err and "1 lines naming a size class, 0 of them" in err and "Projekttitel ×1" in err
