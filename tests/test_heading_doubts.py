"""A heading an earlier project under it contradicted (records/heading_doubts.py): a later project whose
size class was not read surely has only that heading for its section, which is then flagged."""
from types import SimpleNamespace

from pipeline.records.heading_doubts import contradicted_headings


def block(category, size_class, sure=True):
    return SimpleNamespace(category=category, size=SimpleNamespace(size_class=size_class), sure=sure)


def test_a_heading_contradicted_by_a_sure_size_class_before_is_doubted_for_the_projects_after(corrections):
    profile = corrections.profile_for(None)[0]
    blocks = [block("Großstädte", "Kleinere Großstadt"), block("Großstädte", "Größere Mittelstadt"),
              block("Großstädte", "Kleinere Großstadt", sure=False),
              block("Interkommunale Kooperationen und Landkreise", "Interkommunale Kooperationen/Landkreis")]
    assert contradicted_headings(blocks, profile, lambda b: b.sure) == {2}
    # a size class of another section read unsurely contradicts nothing
    unsure = [block("Großstädte", "Größere Mittelstadt", sure=False), block("Großstädte", "Kleinere Großstadt")]
    assert contradicted_headings(unsure, profile, lambda b: b.sure) == set()


def test_a_project_under_a_contradicted_heading_has_its_section_flagged_in_its_record(corrections, tmp_path):
    """'Lünen' (Größere Mittelstadt, read surely) under 'Großstädte', then 'Hagen' whose size class was
    printed past reading: its section is only the heading's, so the record flags its category."""
    from pipeline.read.load import load_source
    from pipeline.run import extract_brochure
    text = ("1. Modellprojekte Smart Cities 2021\n\nGroßstädte\n\nLünen\n\nBUNDESLAND\nNordrhein-Westfalen\n\n"
            "GRÖSSENKLASSE\nGrößere Mittelstadt\n\nPROJEKTTITEL\nLünen klug\n\n"
            "Die Stadt baut eine offene Datenplattform auf.\n\n\n\n\nHagen\n\nBUNDESLAND\nNordrhein-Westfalen\n\n"
            "GRÖSSENKLASSE\nKlxnrx Grxzstxdt\n\nPROJEKTTITEL\nHagen verbunden\n\n"
            "In Hagen übernehmen Anwohner Patenschaften für Bäume.\n\n\n\n\n"
            "2. Übersicht Modellprojekte Smart Cities 2021\n\nGroßstädte:\nLünen\nHagen\n")
    path = tmp_path / "brochure.txt"
    path.write_text(text, encoding="utf-8")
    lunen, hagen = extract_brochure(load_source(path), corrections, use_overrides=False).brochure.projects
    assert "category" in hagen.needs_review and "a heading was missed" in hagen.review_notes["category"]
    assert "a heading was missed" not in lunen.review_notes.get("category", "")
