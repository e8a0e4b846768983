"""`mpsc eval`: the comparison rules of the gold files (normalisation, ambiguous fields, silent errors)."""
import json

from pipeline.cli import main
from pipeline.evaluate import normalise, score_output

GOLD = {"projects": [
    {"name": "Musterstadt", "category": "Großstädte", "size_class": "Kleinere Großstadt", "states": ["Hessen"],
     "title": "Alte Wege – Neue Plätze", "motto": None, "ambiguous": ["motto"]},
    {"name": "Beispielheim", "category": "Mittelstädte", "size_class": "Größere Mittelstadt", "states": ["Bayern", "Hessen"],
     "title": "„Smart“ gemeinsam", "motto": "Digital.Gemeinsam", "ambiguous": []},
]}


def output(**changes):
    projects = [
        {"id": "musterstadt", "name": "Musterstadt", "category": "Großstädte", "size_class": "Kleinere Großstadt", "states": ["Hessen"],
         "title": "Alte Wege - Neue  Plätze", "motto": "irgendwas", "needs_review": ["motto"]},
        {"id": "beispielheim", "name": "Beispielheim", "category": "Mittelstädte", "size_class": "Größere Mittelstadt", "states": ["Hessen", "Bayern"],
         "title": '"Smart" gemeinsam', "motto": "Digital.Gemeinsam", "needs_review": []},
    ]
    projects[1].update(changes)
    return {"schema_version": "2", "source": {}, "projects": projects}


def test_normalisation_ignores_dashes_quotes_spaces_and_list_order():
    assert normalise("Alte Wege – Neue Plätze") == normalise("Alte Wege-Neue  Plätze")
    assert normalise("„Smart“") == normalise('"Smart"')
    assert normalise(["Hessen", "Bayern"]) == normalise(["Bayern", "Hessen"])


def test_flagged_ambiguous_field_counts_as_right():
    score = score_output(output(), GOLD)
    assert score.field_accuracy == 1.0 and score.silent_errors == [] and score.flagged_wrong == 1


def test_wrong_unflagged_value_is_a_silent_error():
    score = score_output(output(title="Falsch"), GOLD)
    assert [(e["record"], e["field"]) for e in score.silent_errors] == [("Beispielheim", "title")]


def test_wrong_flagged_unambiguous_value_is_wrong_but_not_silent():
    score = score_output(output(title="Falsch", needs_review=["title"]), GOLD)
    assert score.silent_errors == [] and score.fields["title"] == [1, 2]


def test_eval_command_prints_json(tmp_path, capsys):
    (tmp_path / "out.json").write_text(json.dumps(output()), encoding="utf-8")
    (tmp_path / "gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    assert main(["eval", str(tmp_path / "out.json"), str(tmp_path / "gold.json"), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["field_accuracy"] == 1.0 and figures["records_matched"] == 2


def test_eval_refuses_a_file_that_is_not_json(tmp_path, capsys):
    (tmp_path / "out.json").write_text("nope", encoding="utf-8")
    assert main(["eval", str(tmp_path / "out.json"), str(tmp_path / "out.json")]) == 2


def test_text_summary_shows_flagged_wrong_values_apart(tmp_path, capsys):
    (tmp_path / "out.json").write_text(json.dumps(output()), encoding="utf-8")
    (tmp_path / "gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    assert main(["eval", str(tmp_path / "out.json"), str(tmp_path / "gold.json")]) == 0
    motto = next(l for l in capsys.readouterr().out.splitlines() if l.startswith("motto"))
    assert "(1 as the gold has it, 1 differ where the gold calls the field ambiguous and are flagged)" in motto
    # one truth: the text, the JSON and field_accuracy count the same
    assert main(["eval", str(tmp_path / "out.json"), str(tmp_path / "gold.json"), "--json"]) == 0
    right, total = json.loads(capsys.readouterr().out)["fields"]["motto"]
    assert motto.startswith(f"motto       {right}/{total} right")


def test_a_name_whose_lines_came_out_of_order_is_paired_by_its_words():
    from pipeline.evaluate import pair_records

    gold = [{"name": "Grebenhain in Kooperation mit Alsfeld und Lauterbach"}, {"name": "Marburg"}]
    out = [{"name": "Marburg"}, {"name": "Lauterbach mit Alsfeld und"}]
    assert pair_records(out, gold) == {0: 1, 1: 0}


def test_a_gold_record_whose_own_is_missing_does_not_take_anothers_that_shares_its_words():
    """'Bad Driburg in Kooperation mit Warburg und Steinheim' was not found; the output's 'Löbau in
    Kooperation mit Herrnhut und Oderwitz' shares 'in Kooperation mit … und' with it and comes
    first in gold order, yet it pairs with its own gold record, not with Bad Driburg's."""
    from pipeline.evaluate import pair_records

    gold = [{"name": "Bad Driburg in Kooperation mit Warburg und Steinheim"},
            {"name": "Löbau in Kooperation mit Herrnhut und Oderwitz"}]
    out = [{"name": "Löbau in Kooperation mit Herrnhut und Oderwitz"}]
    assert pair_records(out, gold) == {1: 0}
