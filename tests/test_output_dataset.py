"""output/ holds the reviewed 2021 dataset; it must be exactly what a fresh run produces."""
from pipeline.cli import output_dir_for
from pipeline.emit import result_to_files
from pipeline.load import BUNDLED_NAME

from .conftest import REPO


def test_committed_dataset_equals_a_fresh_run(reviewed_result, bundled_source):
    folder = REPO / output_dir_for(BUNDLED_NAME)
    fresh = result_to_files(reviewed_result, bundled_source)
    committed = {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir() if not p.name.startswith(".")}
    assert sorted(committed) == sorted(fresh)
    for name, content in fresh.items():
        assert committed[name] == content, f"{folder / name} is stale: run `mpsc extract` and commit the result"
