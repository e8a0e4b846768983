"""A project before any section heading takes the section of its size class (extract.category_doubts)."""
from dataclasses import replace

import pytest

from pipeline.records.extract import category_doubts
from pipeline.records.segment import segment_text
from pipeline.records.settings import DEFAULT_RECORDS_SETTINGS as S

TEXT = ("1. Modellprojekte Smart Cities 2021\n\nFürth\n\nGroße Großstadt · Bayern\n\nProjekttitel: Fürth digital\n\n"
        "Die Stadt baut eine offene Datenplattform auf.\n")


@pytest.fixture
def block(corrections):
    return segment_text(TEXT, corrections.profile_for(None)[0]).projects[0]


def test_the_section_of_a_sure_size_class_that_the_brochure_prints_is_noted_not_flagged(block):
    assert block.category is None
    doubts = category_doubts(block, S, "Großstädte", ("Großstädte", "Mittelstädte"), sure_size=True)
    assert [(d.field, d.flagged) for d in doubts] == [("category", False)]
    garbled = replace(block, doubtful_heading="Grofggstadte")  # the heading an OCR garbled, like the section
    assert not any(d.flagged for d in category_doubts(garbled, S, "Großstädte", ("Großstädte",), sure_size=True))


@pytest.mark.parametrize("printed, sure, heading", [(("Mittelstädte",), True, None), (("Großstädte",), False, None),
                                                    (("Großstädte",), True, "Mittelstädte im Blick")])
def test_a_section_the_brochure_does_not_print_or_an_unsure_size_class_stays_flagged(block, printed, sure, heading):
    doubts = category_doubts(replace(block, doubtful_heading=heading), S, "Großstädte", printed, sure_size=sure)
    assert any(d.flagged for d in doubts)
