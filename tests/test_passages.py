"""A reviewer's decisions about stretches of the descriptions: marked in the terminal or on the
page, kept in corrections/overrides/<year>.json keyed to the words, honoured by every rerun."""
import io
import json

import pytest

from pipeline.cli import main
from pipeline.corrections import OverrideFile, Passage
from pipeline.errors import InputError
from pipeline.records.overrides import apply_overrides
from pipeline.records.passages import apply_passages
from pipeline.review.apply import apply_review
from pipeline.review.terminal import parse_passage, review_in_terminal

from .conftest import CASES

MINI = CASES / "brochure_mini" / "input.txt"


def record(id_, description, figures=(), flagged=("description",)):
    return {"id": id_, "name": id_.title(), "description": description, "figure_text": list(figures),
            "needs_review": list(flagged), "review_notes": {"description": "why"}, "overrides": {},
            "source_sha256": "0" * 64}


def passages(*entries):
    return [OverrideFile(edition=2030, passages=[Passage(reviewer="R", **e) for e in entries])]


def test_each_kind_of_passage_applies_and_is_traced():
    a = record("alpha", "Wir bauen eine inte- Foto: Markt grierte Stadt.\n\nDas war Beta, und Beta ist gut.\n\nEnde.",
               figures=["Ein Satz aus der Spalte.", "Logo"])
    b = record("beta", "Beta plant viel.")
    decided, warnings = apply_passages([a, b], passages(
        {"record": "alpha", "action": "figure", "text": "Foto: Markt"},
        {"record": "alpha", "action": "word", "text": "inte- grierte", "value": "integrierte"},
        {"record": "alpha", "action": "move", "text": "Das war Beta, und Beta ist gut.", "to": "beta"},
        {"record": "alpha", "action": "prose", "text": "Ein Satz aus der Spalte.", "after": "integrierte Stadt."},
        {"record": "alpha", "action": "figure", "text": "nicht im Text"}), 2030)
    alpha, beta = decided
    assert alpha["description"] == "Wir bauen eine integrierte Stadt. Ein Satz aus der Spalte.\n\nEnde."
    assert alpha["figure_text"] == ["Logo", "Foto: Markt"]
    assert beta["description"] == "Beta plant viel.\n\nDas war Beta, und Beta ist gut."
    assert alpha["overrides"]["description"]["automatic"] == a["description"]
    assert "moved to beta" in alpha["overrides"]["description"]["reason"]
    assert "moved here from alpha" in beta["overrides"]["description"]["reason"]
    assert len(warnings) == 1 and "not in the description" in warnings[0]
    assert alpha["needs_review"] == ["description"]  # a passage decision alone confirms nothing


def test_a_confirmation_confirms_the_description_as_the_passages_left_it():
    a = record("alpha", "Satz eins. Bild: Logo\n\nSatz zwei.")
    file = OverrideFile(edition=2030, passages=[Passage(record="alpha", action="figure", text="Bild: Logo",
                                                        reviewer="R")],
                        confirmations=[{"record": "alpha", "field": "description", "value": "Satz eins.\n\nSatz zwei.",
                                        "source": "0" * 64, "reviewer": "R"}])
    [out], warnings = apply_overrides([a], [file], 2030)
    assert not warnings and out["needs_review"] == [] and out["description"] == "Satz eins.\n\nSatz zwei."
    assert out["overrides"]["description"]["confirmed"] and "figure text" in out["overrides"]["description"]["reason"]
    # the value the passages changed is confirmed, not the automatic one: the reason says so
    assert "the value after these decisions is right" in out["overrides"]["description"]["reason"]
    assert "the automatic value is right" not in out["overrides"]["description"]["reason"]


def test_figure_text_becomes_the_first_paragraph_before_the_text():
    a = record("alpha", "Erster Absatz.\n\nZweiter Absatz.", figures=["Ein Vorspann"])
    [out], warnings = apply_passages([a], passages(
        {"record": "alpha", "action": "prose", "text": "Ein Vorspann", "before": "Erster Absatz."}), 2030)
    assert not warnings and out["description"] == "Ein Vorspann\n\nErster Absatz.\n\nZweiter Absatz."
    with pytest.raises(ValueError):
        Passage(record="alpha", action="prose", text="x", after="a", before="b", reviewer="R")


def test_a_paragraph_break_is_made_and_a_split_sentence_joined():
    a = record("alpha", "Erster Satz. Zweiter Absatz beginnt hier.\n\nund geht hier weiter.")
    [out], warnings = apply_passages([a], passages(
        {"record": "alpha", "action": "break", "text": "Zweiter Absatz"},
        {"record": "alpha", "action": "join", "text": "und geht hier"},
        {"record": "alpha", "action": "join", "text": "Erster Satz."}), 2030)
    assert out["description"] == "Erster Satz.\n\nZweiter Absatz beginnt hier. und geht hier weiter."
    assert len(warnings) == 1 and "no paragraph starts" in warnings[0]


@pytest.mark.parametrize("line,problem", [("x Text", "a command"), ("m Text", "needs"), ("f Text >> y", "no '>>'")])
def test_a_passage_command_that_says_too_little_is_refused(line, problem):
    entry, said = parse_passage(line, "alpha")
    assert entry is None and problem in said


def test_passages_marked_in_the_terminal_change_the_next_extraction(workspace):
    corrections, out = workspace
    projects = json.loads((out / "projects.json").read_text(encoding="utf-8"))["projects"]
    first, second = projects[0], projects[1]
    paragraphs = first["description"].split("\n\n")
    stretch = " ".join(paragraphs[0].split()[:4])
    before = "s\n" * len([f for f in first["needs_review"] if f != "description"])  # its other fields come first
    answers = (before + f"e\nf {stretch}\nf words that are not there\nm {paragraphs[-1]} >> {second['id']}\n.\ns\n"
               + "s\n" * 200)
    shown = io.StringIO()
    review_in_terminal(out, corrections, "Test Reviewer", io.StringIO(answers), shown, every_description=True)
    assert "is not in its description" in shown.getvalue()  # refused, asked again
    year = json.loads((out / "projects.json").read_text(encoding="utf-8"))["edition"]["year"]
    kept = json.loads((corrections / "overrides" / f"{year}.json").read_text(encoding="utf-8"))["passages"]
    assert [(p["action"], p["record"]) for p in kept[-2:]] == [("figure", first["id"]), ("move", first["id"])]
    assert all(p["reviewer"] == "Test Reviewer" for p in kept[-2:])
    assert main(["extract", str(MINI), "-o", str(out), "--corrections", str(corrections)]) == 0
    after = {p["id"]: p for p in json.loads((out / "projects.json").read_text(encoding="utf-8"))["projects"]}
    assert stretch not in after[first["id"]]["description"] and stretch in after[first["id"]]["figure_text"]
    assert after[second["id"]]["description"].endswith(paragraphs[-1])
    assert after[first["id"]]["overrides"]["description"]["reviewer"] == "Test Reviewer"


def test_a_saved_review_with_a_passage_not_in_the_output_writes_nothing(workspace, tmp_path):
    corrections, out = workspace
    output = json.loads((out / "projects.json").read_text(encoding="utf-8"))
    overrides = corrections / "overrides" / f"{output['edition']['year']}.json"
    before = overrides.read_text(encoding="utf-8") if overrides.exists() else None
    review = {"mpsc_review": 1, "edition": output["edition"]["year"], "source_sha256": output["source"]["sha256"],
              "reviewer": "R", "passages": [{"record": output["projects"][0]["id"], "action": "figure",
                                              "text": "Wörter, die es dort nicht gibt"}]}
    saved = tmp_path / "review.json"
    saved.write_text(json.dumps(review), encoding="utf-8")
    with pytest.raises(InputError, match="not in its description"):
        apply_review(out, saved, corrections, None)
    assert (overrides.read_text(encoding="utf-8") if overrides.exists() else None) == before


def test_a_place_is_confirmed_after_it_is_found():
    from pipeline.corrections import Confirmation
    from pipeline.records.overrides import apply_place_confirmations

    place = {"geonameid": 1, "name": "Ort", "latitude": 50.0, "longitude": 10.0, "land": "Bayern",
             "kind": "district seat", "members": None}
    a = {**record("alpha", "Text.", flagged=("place",)), "place": place, "review_notes": {"place": "why"}}
    file = OverrideFile(edition=2030, confirmations=[Confirmation(record="alpha", field="place", value=place,
                                                                  source="0" * 64, reviewer="R")])
    [out], warnings = apply_place_confirmations([a], [file], 2030)
    assert not warnings and out["needs_review"] == [] and out["overrides"]["place"]["confirmed"]
    moved = {**a, "place": {**place, "latitude": 51.0}}
    [out], warnings = apply_place_confirmations([moved], [file], 2030)
    assert out["needs_review"] == ["place"] and "changed" in warnings[0]
