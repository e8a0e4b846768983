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
