"""An installed mpsc (a wheel, outside the repository) finds its bundled text and corrections."""
import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from .conftest import REPO

IGNORED = shutil.ignore_patterns(".git", ".venv", "build", "*.egg-info", "output", "__pycache__", ".pytest_cache")


@pytest.mark.slow  # builds a wheel and a venv
def test_wheel_installs_and_runs_outside_the_repository(tmp_path, monkeypatch):
    monkeypatch.delenv("PYTHONPATH", raising=False)  # a checkout on the path would be imported instead of the wheel
    source = tmp_path / "src"
    shutil.copytree(REPO, source, ignore=IGNORED)
    run = lambda *args, **kw: subprocess.run(args, capture_output=True, text=True, **kw)  # noqa: E731
    built = run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(tmp_path / "whl"),
                str(source))
    assert built.returncode == 0, built.stderr[-2000:]
    venv = tmp_path / "venv"
    assert run(sys.executable, "-m", "venv", "--without-pip", str(venv)).returncode == 0
    python = venv / "bin" / "python"
    [wheel] = (tmp_path / "whl").glob("mpsc-*.whl")
    installed = run(sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", str(wheel))
    assert installed.returncode == 0, installed.stderr[-2000:]
    # the dependencies come from this test's environment, the package only from the wheel
    site = Path(run(str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").stdout.strip())
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    where = tmp_path / "elsewhere"
    where.mkdir()
    located = run(str(python), "-c", "import pipeline, pipeline.corrections as c, pipeline.cache as s; "
                                     "print(pipeline.__file__); print(c.default_corrections_dir()); print(sorted(s.shipped_manifest()))",
                  cwd=where, env={**os.environ, "MPSC_SHIPPED_TABLES": "on"})
    assert str(site) in located.stdout and "default_corrections" in located.stdout, located.stdout + located.stderr
    assert "'wordfreq'" in located.stdout, "the word-list tables should be in the wheel"
    shipped = run(str(python), "-c", "import pipeline.cache as c; print(all(c.shipped_payload(k, e['key']) is not None "
                                     "for k, e in c.shipped_manifest().items()))", cwd=where, env={**os.environ, "MPSC_SHIPPED_TABLES": "on"})
    assert shipped.stdout.strip() == "True", "every shipped table's file should be in the wheel, its digest the manifest's"
    extracted = run(str(venv / "bin" / "mpsc"), "extract", "-o", "out", cwd=where)
    assert extracted.returncode == 0, extracted.stderr
    data = json.loads((where / "out" / "projects.json").read_text(encoding="utf-8"))
    assert len(data["projects"]) == 28
    assert any(p["overrides"] for p in data["projects"])  # the shipped reviewer overrides were found
    assert run(str(venv / "bin" / "mpsc"), "--version", cwd=where).stdout.startswith("mpsc 0.")


def test_a_project_folders_corrections_override_the_shipped_ones(tmp_path, monkeypatch):
    from pipeline.corrections import default_corrections_dir, packaged_corrections_dir

    monkeypatch.chdir(tmp_path)
    assert default_corrections_dir() == packaged_corrections_dir()
    shutil.copytree(packaged_corrections_dir(), tmp_path / "corrections")
    assert default_corrections_dir() == tmp_path / "corrections"
