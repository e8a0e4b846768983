"""Lone numbers in a text without pages: page numbers where they count pages together, a figure's
number otherwise (records/page_numbers.py)."""
from pipeline.records.page_numbers import figure_numbers, page_number_lines
from pipeline.records.segment import text_to_lines


def page_of_text(words: int) -> list[str]:
    return [f"Zeile {n} eines Absatzes über die Stadt und ihre Menschen" for n in range(words)]


def test_lone_numbers_that_count_pages_are_page_numbers_and_a_figures_number_is_kept():
    """'11' and '12' stand 40 lines apart (a page's worth): page numbers. '48' over 'Ladepunkte'
    counts no pages with them and stays, as figure text; so does a '3' whose neighbour '11' lies
    on the wrong side (numbers grow with the pages)."""
    text = [*page_of_text(20), "", "3", "", *page_of_text(20), "", "11", "", *page_of_text(18), "", "48", "",
            "Ladepunkte", "", *page_of_text(20), "", "12", "", *page_of_text(5)]
    lines = text_to_lines("\n".join(text))
    counted = page_number_lines(lines)
    assert sorted(lines[n].text for n in counted) == ["11", "12"]
    assert figure_numbers(lines, counted) == ["3", "48"]


def test_numbers_too_close_for_a_page_or_too_many_pages_apart_count_no_pages():
    """'2' and '3' two lines apart cannot be on two pages; '8' is five pages on from '3', 150
    lines away: no page numbers, all kept."""
    text = ["2", "", "3", "", *page_of_text(150), "", "8"]
    lines = text_to_lines("\n".join(text))
    assert page_number_lines(lines) == frozenset()
    assert figure_numbers(lines, frozenset()) == ["2", "3", "8"]
