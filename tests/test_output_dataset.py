"""output/ holds the reviewed 2021 dataset; it must be exactly what a fresh run produces."""
from pipeline.cli import output_dir_for
import json

from pipeline.emit.files import extra_format_files, result_to_files
from pipeline.read.load import BUNDLED_NAME

from .conftest import REPO


def test_committed_dataset_equals_a_fresh_run(reviewed_result, bundled_source):
    folder = REPO / output_dir_for(BUNDLED_NAME)
    fresh = {**result_to_files(reviewed_result, bundled_source), **extra_format_files(reviewed_result.brochure, "geojson")}
    committed = {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir() if not p.name.startswith(".")}
    assert sorted(committed) == sorted(fresh)
    for name, content in fresh.items():
        assert committed[name] == content, f"{folder / name} is stale: run `mpsc extract` and commit the result"


def test_the_committed_map_layer_is_valid_geojson_with_every_project():
    folder = REPO / output_dir_for(BUNDLED_NAME)
    layer = json.loads((folder / "projects.geojson").read_text(encoding="utf-8"))
    projects = json.loads((folder / "projects.json").read_text(encoding="utf-8"))["projects"]
    assert layer["type"] == "FeatureCollection" and [f["id"] for f in layer["features"]] == [p["id"] for p in projects]
    for feature in layer["features"]:
        assert feature["type"] == "Feature" and isinstance(feature["properties"], dict)
        if feature["geometry"] is None:  # no place: the record says why, or a reviewer confirmed there is none
            record = next(p for p in projects if p["id"] == feature["id"])
            assert "place" in record["needs_review"] or record["overrides"]["place"]["confirmed"]
            continue
        longitude, latitude = feature["geometry"]["coordinates"]
        assert feature["geometry"]["type"] == "Point" and 5.8 < longitude < 15.1 and 47.2 < latitude < 55.1
