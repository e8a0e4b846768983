"""End to end on the real 2021 brochure against the hand-checked gold file."""
from pipeline.evaluate import FIELDS, normalise, score_output


def as_json(result):
    return result.brochure.model_dump(mode="json")


def test_automatic_extraction_has_every_record_and_no_silent_error(automatic_result, gold):
    score = score_output(as_json(automatic_result), gold)
    assert score.records_matched == len(gold["projects"]) == 28
    assert score.silent_errors == []


def test_automatic_extraction_gets_every_unambiguous_field_exact(automatic_result, gold):
    output = as_json(automatic_result)["projects"]
    by_name = {normalise(p["name"]): p for p in output}
    for g in gold["projects"]:
        record = by_name[normalise(g["name"])]
        for field in FIELDS:
            if field not in g["ambiguous"]:
                assert normalise(record[field]) == normalise(g[field]), (g["name"], field)
            else:
                assert normalise(record[field]) == normalise(g[field]) or field in record["needs_review"], (g["name"], field)


def test_flags_only_what_is_in_doubt(automatic_result, gold):
    """Every title/motto flag the automatic pass raises is on a field the gold calls ambiguous."""
    output = {normalise(p["name"]): p for p in as_json(automatic_result)["projects"]}
    for g in gold["projects"]:
        flagged = set(output[normalise(g["name"])]["needs_review"]) & set(FIELDS)
        assert flagged <= set(g["ambiguous"]), g["name"]


def test_with_overrides_every_known_gold_value_is_matched(reviewed_result, gold):
    output = {normalise(p["name"]): p for p in as_json(reviewed_result)["projects"]}
    for g in gold["projects"]:
        record = output[normalise(g["name"])]
        for field in FIELDS:
            if g[field] is not None:
                assert normalise(record[field]) == normalise(g[field]), (g["name"], field)
            else:  # flagged, or a reviewer said that no value can be established, and the record shows it
                assert field in record["needs_review"] or (
                    record[field] is None and field in record["overrides"]), (g["name"], field)


def test_overridden_fields_show_the_automatic_value(reviewed_result, automatic_result):
    automatic = {p.id: p for p in automatic_result.brochure.projects}
    overridden = [p for p in reviewed_result.brochure.projects if p.overrides]
    assert overridden
    for p in overridden:
        for field, note in p.overrides.items():
            value = getattr(automatic[p.id], field)
            assert note.automatic == (value.model_dump() if hasattr(value, "model_dump") else value)
            assert field not in p.needs_review


def test_edition_criteria_and_overview(automatic_result):
    b = automatic_result.brochure
    assert (b.edition.year, b.edition.title) == (2021, "Modellprojekte Smart Cities 2021")
    assert normalise(b.edition.leitthema) == normalise("Gemeinsam aus der Krise – Raum für Zukunft")
    assert [c.id for c in b.criteria] == [f"K{i}" for i in range(1, 13)]
    assert len({c.group for c in b.criteria}) == 3
    assert len(b.overview) == 73
    assert sum(1 for e in b.overview if e.members) >= 5


def test_states_categories_and_ids_are_canonical(automatic_result, corrections):
    from pipeline.records.ids import record_id
    from pipeline.language.lexicon import german_states, state_codes_by_name

    b = automatic_result.brochure
    profile, _ = corrections.profile_for(b.edition.year)
    canonical = {profile.canonical(c) for c in corrections.profile.categories}
    for p in b.projects:
        assert set(p.states) <= set(german_states()) and p.state_codes == [state_codes_by_name()[s] for s in p.states]
        assert p.category in canonical and p.category_printed in profile.categories
        assert p.id == record_id(p.name)
    assert max(len(p.states) for p in b.projects) >= 2  # cooperations across Länder keep every Land
    listed = {e.id for e in b.overview}
    assert {p.id for p in b.projects} <= listed  # every record joins its overview entry
    assert {e.category for e in b.overview} <= canonical
