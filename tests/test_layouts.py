"""Layouts nobody here designed: a few seeds of the random layout family (benchmarks/layout_family.py)
as text-layer PDFs, and the reading and segmenting rules they exercise, one by one. The benchmark
(python -m benchmarks.layouts 50) runs many more seeds; these seeds are not among its own."""
import re
from collections import Counter

import pytest

from pipeline.corrections import Profile
from pipeline.evaluate import pair_records, score_output
from pipeline.language.lexicon import Lexicon
from pipeline.records.body import Page, body_paragraphs
from pipeline.read.load import load_source
from pipeline.read.pdf_text import Word, words_to_text
from pipeline.run import extract_brochure
from pipeline.read.page_furniture import line_key
from pipeline.records.segment import find_projects, segment_text, text_to_lines
from pipeline.records.size_lines import nearest_state, parse_size_line

pytest.importorskip("reportlab")

from benchmarks.layout_family import make_edition  # noqa: E402
from benchmarks.layouts import conserved_share  # noqa: E402

SEEDS = [7, 21, 42, 77]


@pytest.fixture(scope="module", params=SEEDS, ids=[f"seed-{s}" for s in SEEDS])
def edition(request, tmp_path_factory, corrections):
    folder = tmp_path_factory.mktemp(f"layout-{request.param}")
    truth = make_edition(request.param, folder)
    brochure = extract_brochure(load_source(folder / "brochure.pdf"), corrections, use_overrides=False).brochure
    return truth, brochure.model_dump(mode="json")


def test_every_record_is_found_and_nothing_is_silently_wrong(edition):
    truth, brochure = edition
    score = score_output(brochure, truth)
    assert score.silent_errors == []
    assert score.records_matched == score.records_out == len(truth["projects"])
    assert score.description_wer <= 0.02


def test_every_word_on_a_project_page_comes_out_somewhere(edition):
    truth, brochure = edition
    found, total, lost = conserved_share(truth, brochure)
    assert found == total, f"lost: {lost[:10]}"


def test_figure_text_stays_out_of_descriptions(edition):
    truth, brochure = edition
    pairs = pair_records(brochure["projects"], truth["projects"])
    for gi, project in enumerate(truth["projects"]):
        record = brochure["projects"][pairs[gi]]
        for figure in project["figure_text"]:
            assert figure not in record["description"]


def words_of(lines: list[tuple[float, float, str]], size: float = 10) -> list[Word]:
    """(x, top, text) lines -> words, each word 6 points a letter wide."""
    words = []
    for x, top, text in lines:
        for token in text.split():
            words.append(Word(token, x, x + 6 * len(token), top, top + size, size))
            x += 6 * len(token) + 3
    return words


def test_columns_whose_lines_do_not_share_baselines_read_column_by_column():
    # the right column's paragraph gap shifts its lines half a line against the left column's
    left = [(50, 100 + 12 * i, f"links {i} Zeile") for i in range(8)]
    right = [(320, 106 + 12 * i + (6 if i >= 3 else 0), f"rechts {i} Zeile") for i in range(8)]
    body = words_to_text(words_of(left + right), 595, 842).body
    paragraphs = body.strip().split("\n\n")
    assert paragraphs[0] == "\n".join(f"links {i} Zeile" for i in range(8))  # one paragraph, not eight
    assert "\n".join(paragraphs[1:]) == "\n".join(f"rechts {i} Zeile" for i in range(8))


def test_three_columns_are_three_blocks():
    lines = [(x, 100 + 12 * i, f"{name} {i}") for name, x in (("eins", 50), ("zwei", 230), ("drei", 410))
             for i in range(5)]
    body = words_to_text(words_of(lines), 595, 842).body
    assert [p.split("\n")[0] for p in body.strip().split("\n\n")] == ["eins 0", "zwei 0", "drei 0"]


def test_a_line_in_another_size_is_marked_and_set_apart():
    words = words_of([(50, 100 + 12 * i, f"Text der Spalte {i}") for i in range(4)])
    words += words_of([(50, 150, "Foto: Stadtverwaltung")], size=8)
    text = words_to_text(words, 595, 842)
    lines = text.body.split("\n")
    assert [lines[n] for n in text.styled] == ["Foto: Stadtverwaltung"]
    assert lines[lines.index("Foto: Stadtverwaltung") - 1] == ""


PROFILE = Profile(categories=["Großstädte", "Kleinstädte"], size_classes=["Kleinere Großstadt", "Landgemeinde"],
                  labels={"title": "Projekttitel", "motto": "Motto"}, size_state_separators="·",
                  parts={"criteria": "Kriterien", "projects": "Projekte", "overview": "Übersicht"},
                  criterion_id_pattern="^K(\\d)$", edition_title_pattern="Projekte (?P<year>\\d{4})",
                  leitthema_label="Leitthema")


def test_a_name_over_two_lines_is_joined_by_the_brochures_list():
    text = "Kleinstädte\n\n\n\n\nAltdorf im Tal in Verbindung mit Ober-\nmoos\n\nLandgemeinde · Bayern\n\nText.\n"
    lines = text_to_lines(text)
    joined = find_projects(lines, PROFILE, listed=["Altdorf im Tal in Verbindung mit Ober- moos"])
    assert joined[0].name == "Altdorf im Tal in Verbindung mit Ober- moos"
    alone = find_projects(lines, PROFILE)  # no list: 'moos' goes on in lower case
    assert alone[0].name == joined[0].name


def test_a_name_line_over_a_name_is_not_joined_without_evidence():
    text = "Kleinstädte\n\n\n\n\nEin Satz endet hier.\nAltdorf\n\nLandgemeinde · Bayern\n\nText.\n"
    assert find_projects(text_to_lines(text), PROFILE)[0].name == "Altdorf"


def test_an_unknown_lone_heading_does_not_replace_the_section():
    text = ("Großstädte\n\n\n\n\nNordstadt\n\nKleinere Großstadt · Hessen\n\nText über Nordstadt.\n\n\n\n\n"
            "Mobilität.\n\n\n\n\nSüdstadt\n\nKleinere Großstadt · Hessen\n\nText.\n")
    blocks = find_projects(text_to_lines(text), PROFILE)
    assert [b.category for b in blocks] == ["Großstädte", "Großstädte"]
    assert blocks[1].doubtful_heading == "Mobilität."
    assert any("Mobilität." in l.text for l in blocks[0].lines)  # still part of the text before it


def test_page_furniture_between_name_and_size_line_is_no_name_and_a_repeated_size_line_no_furniture():
    header = "Projekte 2021 | Staffel 3"
    pages = [f"{header}\n\n{town}\n\n{n}\n\nKleinere Großstadt · Hessen\n\nText über {town}.\n"
             for n, town in [(11, "Nordstadt"), (12, "Südstadt"), (13, "Weststadt")]]
    text = "Großstädte\n\n\n\n\n" + "\n\n\n\n".join(pages)
    layout = segment_text(text, PROFILE)
    assert [b.name for b in layout.projects] == ["Nordstadt", "Südstadt", "Weststadt"]
    assert line_key(header) in layout.running


def test_an_ocr_damaged_land_is_read_as_the_nearest_one_only_when_no_other_is_near():
    assert nearest_state("Bayem") == ("Bayern", pytest.approx(72.7, abs=0.1))
    assert nearest_state("Thürmgen")[0] == "Thüringen"
    assert nearest_state("Baden") is None  # near no Land closely enough
    assert nearest_state("Sachsen-Anh")[0] == "Sachsen-Anhalt"
    assert parse_size_line("Kleinere Großstadt Bayem", PROFILE).states_text == "Bayem"


PAGE = Page(Lexicon(), 0.0)  # no measure: the evidence of lines does not count


def test_no_paragraph_is_dropped_from_the_body():
    text = ("Ein Absatz mit genug Wörtern, damit er ohne Zweifel laufender Text ist.\n\n"
            "Das gilt auch hier.\n\nFoto: Marktplatz am Abend\n\nSMART CITY\n\nund ein Satz, der weitergeht.\n")
    kept, figures, _, _ = body_paragraphs([l for l in text_to_lines(text)], PAGE)
    out = Counter(w for para in kept + figures for l in para for w in l.text.split())
    assert out == Counter(text.split())
    assert [" ".join(l.text for l in p) for p in figures] == ["Foto: Marktplatz am Abend", "SMART CITY"]


def test_every_word_of_the_2021_project_pages_comes_out_somewhere(automatic_result):
    """The OCR text route conserves text too: each word of a project's lines (cleaned) is in one of
    the record's fields or figure_text, or is page furniture (a page number, a running header)."""
    from pipeline.corrections import default_corrections_dir, load_corrections
    from pipeline.records.segment import segment_text

    cleaned = automatic_result.cleaned
    profile, _ = load_corrections(default_corrections_dir()).profile_for(automatic_result.brochure.edition.year)
    layout = segment_text(cleaned.text, profile)
    projects = automatic_result.brochure.projects
    for block, project in zip(layout.projects, projects):
        moved_to = [p.description for p in projects if f"about {p.name} was moved" in project.review_notes.get("description", "")]
        values = [project.name, project.size_class, block.size.states_text, project.title or "", project.motto or "",
                  project.description, *project.figure_text, *moved_to]
        bag = Counter(w for v in values for w in v.split())
        missing = []
        label = "|".join(re.escape(l) for l in profile.labels.values())
        labels = {line.number for line in block.lines if re.match(rf"^\s*(?:{label})\s*:", line.text)}
        for line in block.lines[1:]:
            if line.number == block.size_line.number or re.fullmatch(r"\s*\d{1,3}\s*", line.text):
                continue
            for word in line.text.split():
                if re.fullmatch(rf"(?:{label})\s*:", word):
                    continue  # a label is structure, not content
                if bag[word] > 0:
                    bag[word] -= 1
                elif line.number not in labels and line.text.strip() not in {"", "\f"} \
                        and re.sub(r"\s+", " ", line.text).strip() not in layout_running_text(layout):
                    missing.append(word)
        # columns read across and put in order join their hyphenations anew ('Entwicklungsherausforderun-'
        # 'gen'): such words are not in the output as they were, but every letter of them is
        leftover = Counter("".join(w * n for w, n in bag.items() if n > 0).replace("-", ""))
        lost = Counter("".join(missing).replace("-", "")) - leftover
        assert not lost, f"{project.id}: {missing} came out nowhere"


def layout_running_text(layout) -> str:
    from pipeline.read.page_furniture import line_key

    return "\n".join(l.text.strip() for l in layout.lines if line_key(l.text) in layout.running)


def test_a_name_the_overview_spells_otherwise_is_told_apart_from_a_choice_of_words():
    from pipeline.records.names import words_spelt_otherwise

    assert words_spelt_otherwise("Bienenbuttel", "Bienenbüttel") == {"bienenbuttel"}
    assert words_spelt_otherwise("Landkreis Vorpommern-Greiß wald", "Kreis Vorpommern-Greifswald") == {"greiß"}
    assert words_spelt_otherwise("Landkreis Vorpommern-Greifswald", "Kreis Vorpommern-Greifswald") == set()
    assert words_spelt_otherwise("Landkreis Tübingen", "landkreis tübingen") == set()
    # a word cut short at a line's end is no choice of words
    assert words_spelt_otherwise("Löbau in Kooper. mit Herrnhut", "Löbau in Kooperation mit Herrnhut") == {"kooper"}
    assert words_spelt_otherwise("Hersbruck mit Schwarze und Lauf", "Hersbruck mit Schwarzenbruck und Lauf") == {"schwarze"}


def test_overview_legend_words_come_from_the_profile():
    text = "1. Übersicht\n\nGroßstädte:\nNordstadt\nMehr finden Sie unter www.example.de\n"
    with_words = PROFILE.model_copy(update={"not_in_overview_names": ["unter", "www"]})
    assert [e["name"] for e in segment_text(text, with_words).overview] == ["Nordstadt"]
    assert len(segment_text(text, PROFILE).overview) == 2  # nothing is built in: the profile decides


def test_a_page_number_under_an_overview_is_no_entry():
    text = "1. Übersicht\n\nGroßstädte:\nNordstadt\nSüdheim\n\n8\n"
    assert [e["name"] for e in segment_text(text, PROFILE).overview] == ["Nordstadt", "Südheim"]


def test_a_name_that_lost_its_umlauts_takes_the_overviews_spelling_only_then():
    from pipeline.records.names import umlauts_lost

    assert umlauts_lost("Bienenbuttel", "Bienenbüttel") and umlauts_lost("Grossraschen", "Großräschen")
    assert not umlauts_lost("Bienenbüttel", "Bienenbüttel")  # nothing lost
    assert not umlauts_lost("Landkreis Gorlitz", "Görlitz")  # more than umlauts differ
    assert not umlauts_lost("Müllheim", "Mullheim")  # OCR does not add umlauts: the list is no better


def test_name_debris_after_an_overview_entry_is_taken_off():
    from pipeline.records.names import debris_after_listed

    assert debris_after_listed("Göttingen ee e", ("Göttingen", "Gotha")) == ("Göttingen", "ee e")
    assert debris_after_listed("Göttingen Land", ("Göttingen",)) is None  # a word, not debris
    assert debris_after_listed("Gothaer Land", ("Gotha",)) is None


def test_a_name_whose_lines_an_ocr_layer_gave_out_of_order_is_found_by_its_words():
    text = "Kleinstädte\n\n\n\n\nGrebenhain in Kooperation\nLauterbach\nmit Alsfeld und\n\nLandgemeinde · Hessen\n\nText.\n"
    [block] = find_projects(text_to_lines(text), PROFILE, listed=["Grebenhain in Kooperation mit Alsfeld und Lauterbach"])
    assert len(block.name_lines) == 3


def test_running_headers_an_ocr_text_kept_are_taken_out_but_said():
    from pipeline.read.load import Source
    from pipeline.records.draft import Record
    from pipeline.records.extract import removed_lines

    header = "Projekte 2030 | Staffel 3"
    text = f"Ein Satz über die Stadt, der weitergeht.\n\n{header}\n\n12\n\nund hier endet.\n"
    kept, figures, furniture, _ = body_paragraphs(text_to_lines(text), PAGE, running=frozenset({line_key(header)}))
    assert furniture == [header, "12"] and not figures
    record = Record({}, furniture=(header,))
    source = Source("x.txt", "0" * 64, "text", "utf-8", text, True, removed_lines=("Kopfzeile",))
    assert removed_lines(source, [record, record]) == ["Kopfzeile", header]


def test_the_overviews_reading_of_a_name_wins_where_its_words_are_known_and_the_readings_are_not(lexicon):
    """A name read over its header and in the overview, two OCR readings of one place's name: the
    overview's is taken where the reading holds a sign no name has, or where the words only the
    overview has are far commoner; two readings alike in commonness ('Mucke' / 'Mücke') are left
    as read (flagged by the caller)."""
    from pipeline.records.names import listed_reading_wins, name_against_overview
    from pipeline.records.settings import DEFAULT_RECORDS_SETTINGS

    assert listed_reading_wins("Dessau-Ro®Glau", "Dessau-Roßlau", lexicon)
    assert listed_reading_wins("Muhihausen", "Mühlhausen", lexicon) and listed_reading_wins("Gorlit", "Görlitz", lexicon)
    assert not listed_reading_wins("Görlitz", "Gorlit", lexicon)
    assert not listed_reading_wins("Grebenhain mit Mucke", "Grebenhain mit Mücke", lexicon)
    # a reading that is a known word, or with a dash, a quote or a bar between words, keeps its place
    for read, overview in [("Ulm", "Um"), ("Herten", "Herzen"), ("Amt Süderbrarup – Kappeln", "Amt Suderbrarup - Kappein"),
                           ("Landkreis Gifhorn |", "Landkreis Gifhom"), ("Zukunftsregion „Eifel“", "Zukunftsregion Eitel")]:
        assert not listed_reading_wins(read, overview, lexicon), read
    listed = ("Hersbruck in Kooperation mit Lauf an der Pegnitz und Schwarzenbruck",)
    reading = name_against_overview("Hersbruck in Kooperation mit Lauf an der Pegnitz und Schwarzenbruct", listed,
                                    DEFAULT_RECORDS_SETTINGS, lexicon)
    assert reading.name == listed[0] and "the overview's was taken" in reading.doubts[0].note
    # a title spelling the name as it was read holds the same misreading: flagged; the overview's spelling is not
    from pipeline.records.names import listed_spelling_in_values_doubts
    fields = {"name": reading.name, "title": "Schwarzenbruct klug: Daten für alle", "motto": "Schwarzenbruck verbunden"}
    assert [d.field for d in listed_spelling_in_values_doubts(fields, reading.as_listed, reading.read_as)] == ["title"]
