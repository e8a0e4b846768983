"""Reading order of text-layer PDFs: two columns, full-width header lines, paragraphs."""
import pytest

pytest.importorskip("reportlab")

from reportlab.pdfgen import canvas  # noqa: E402

from pipeline.read.load import load_source  # noqa: E402

LEFT = ["Erster Satz der linken Spalte", "geht hier weiter und endet.", "", "Zweiter Absatz links beginnt", "und schließt die Spalte."]
RIGHT = ["Dritter Satz steht rechts oben", "und läuft hier weiter.", "", "Vierter Absatz rechts folgt", "als letzter Text der Seite."]


def draw_two_columns(pdf, top: float, right: float) -> None:
    """LEFT at x 60 and RIGHT at x `right`, from `top` down, a blank line as a line's space."""
    for column, x in ((LEFT, 60), (RIGHT, right)):
        y = top
        for line in column:
            if line:
                pdf.drawString(x, y, line)
            y -= 14


def two_column_pdf(path):
    pdf = canvas.Canvas(str(path), pagesize=(595, 842), invariant=1)
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawString(60, 780, "Musterstadt")
    pdf.setFont("Helvetica", 10)
    pdf.drawString(60, 760, "Kleinere Großstadt · Hessen und eine lange Zeile über beide Spalten hinweg")
    draw_two_columns(pdf, 720, 320)
    pdf.drawString(290, 40, "7")
    pdf.showPage()
    pdf.save()


def test_two_columns_come_out_in_reading_order(tmp_path):
    path = tmp_path / "page.pdf"
    two_column_pdf(path)
    text = load_source(path).text
    order = [text.index(s) for s in ("Musterstadt", "Kleinere Großstadt", "Erster Satz", "Zweiter Absatz",
                                     "Dritter Satz", "Vierter Absatz", "\n7\n")]
    assert order == sorted(order)
    assert "Erster Satz der linken Spalte\ngeht hier weiter und endet." in text
    assert "endet.\n\nZweiter Absatz" in text  # the paragraph break survives


def test_fake_bold_doubled_characters_are_undone_and_recorded(tmp_path, lexicon, corrections):
    from pipeline.repair.clean import clean_text

    path = tmp_path / "bold.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(595, 842), invariant=1)
    pdf.setFont("Helvetica-Bold", 12)
    for dx in (0, 0.3):  # bold faked by printing every glyph twice, a hair apart
        pdf.drawString(60 + dx, 700, "Projekttitel: Grüne Wege")
    pdf.showPage()
    pdf.save()
    source = load_source(path)
    cleaned = clean_text(source.text, lexicon, corrections.confusions)
    assert "Projekttitel: Grüne Wege" in cleaned.text
    assert {e.rule for e in cleaned.edits} == {"undouble_characters"} and len(cleaned.edits) == 3


def test_running_lines_in_the_margins_go_and_page_numbers_are_kept():
    from pipeline.read.page_furniture import strip_page_furniture
    from pipeline.read.pdf_text import PageText

    body = "Kleinere Großstadt · Hessen\n\nText der Seite.\n"  # repeats on every page, but in the body
    header = ["Modellprojekte Smart Cities 2031"]
    pages = [PageText([], "Modellprojekte Smart Cities 2031\n", []), PageText(header, body, ["2"]),
             PageText(header, body, ["3"]),
             PageText(["Modellprojekte Smart Citles 2031"], "Großstädte\n", []),  # OCR variant, no number
             PageText(header, body, ["5"]), PageText(header, body, ["6"])]
    paged = strip_page_furniture(pages)
    assert paged.removed == ["Modellprojekte Smart Cities 2031"]
    assert paged.printed == [1, 2, 3, 4, 5, 6]
    assert paged.pages[0] == "Modellprojekte Smart Cities 2031\n"  # the cover keeps its title
    assert paged.pages[1] == body and paged.pages[3] == "Großstädte\n"


def test_a_lone_margin_number_that_does_not_fit_the_pages_stays():
    from pipeline.read.page_furniture import strip_page_furniture
    from pipeline.read.pdf_text import PageText

    pages = [PageText([], "Text\n", [str(n + 10)]) for n in range(4)] + [PageText(["7"], "Text\n", ["14"])]
    paged = strip_page_furniture(pages)
    assert paged.printed == [10, 11, 12, 13, 14]
    assert paged.pages[4] == "7\n\nText\n"


def same_words_as_pdfplumber(path) -> int:
    """Pages where page_chars_and_images gives other words or images than pdfplumber's own."""
    import pdfplumber
    from pdfplumber.utils import extract_words

    from pipeline.read.pdf_text import SIZE_DIGITS, page_chars_and_images

    def boxes(objects):
        return [(o["x0"], o["x1"], o["top"], o["bottom"]) for o in objects]

    differing = 0
    with pdfplumber.open(path) as ours, pdfplumber.open(path) as theirs:
        for mine, reference in zip(ours.pages, theirs.pages):
            chars, images = page_chars_and_images(mine)
            rounded = [dict(c, size=round(c["size"], SIZE_DIGITS)) for c in reference.chars]  # ours are rounded
            differing += (extract_words(chars, extra_attrs=["size"]) != extract_words(rounded, extra_attrs=["size"])
                          or boxes(images) != boxes(reference.images))
    return differing


@pytest.mark.parametrize("mediabox, rotate", [((0, 0, 595, 842), 0), ((30, 40, 625, 882), 0), ((30, 40, 625, 882), 90)])
def test_characters_are_placed_as_pdfplumber_places_them(tmp_path, mediabox, rotate):
    from .pdf_fixture import pdf_bytes

    path = tmp_path / "page.pdf"
    path.write_bytes(pdf_bytes([["Erste Zeile mit Wörtern", "Zweite Zeile, länger als die erste"]] * 2, mediabox, rotate))
    assert same_words_as_pdfplumber(path) == 0


def test_characters_of_a_generated_edition_are_placed_as_pdfplumber_places_them(tmp_path):
    from benchmarks.layout_family import make_edition

    make_edition(21, tmp_path)
    assert same_words_as_pdfplumber(tmp_path / "brochure.pdf") == 0


def placed(text: str, x0: float, top: float, size: float = 10.0):
    """A line's words at x0, each 5.5 points a letter and 3 points apart, as pdfplumber gives them."""
    from pipeline.read.pdf_text import Word

    words, x = [], x0
    for word in text.split():
        words.append(Word(word, x, x + 5.5 * len(word), top, top + size * 1.16, size))
        x += 5.5 * len(word) + 3
    return words


def body_lines(words) -> list[str]:
    from pipeline.read.pdf_text import words_to_text

    return [line for line in words_to_text(words, 595, 842).body.split("\n") if line]


LEFT_COLUMN = ["eins links zwei drei", "vier links fuenf", "sechs links sieben", "acht links neun zehn",
               "elf links zwoelf"]
RIGHT_COLUMN = ["eins rechts zwei", "drei rechts vier fuenf", "sechs rechts sieben", "acht rechts neun",
                "zehn rechts elf"]


def test_columns_whose_baselines_are_shifted_by_half_a_line_are_read_one_after_the_other():
    words = [w for n, line in enumerate(LEFT_COLUMN) for w in placed(line, 50, 200 + 14 * n)]
    words += [w for n, line in enumerate(RIGHT_COLUMN) for w in placed(line, 230, 207 + 14 * n)]
    assert body_lines(words) == LEFT_COLUMN + RIGHT_COLUMN


def justified(text: str, x0: float, x1: float, top: float, size: float = 10.0):
    """A line's words from x0 to x1, 3 points apart, its letters as wide as that takes."""
    from pipeline.read.pdf_text import Word

    letter = (x1 - x0 - 3 * (len(text.split()) - 1)) / len(text.replace(" ", ""))
    words, x = [], x0
    for word in text.split():
        words.append(Word(word, x, x + letter * len(word), top, top + size * 1.16, size))
        x += letter * len(word) + 3
    return words


def test_a_table_over_columns_is_read_row_by_row_though_a_column_edge_nearly_meets_its_values():
    """The table's values start 11 points right of the first column's justified edge, less than the
    font size: no gutter, though no line crosses it; the table's rows cross the real one."""
    rows = [("LAND:", "Hessen"), ("KLASSE:", "Kleinere Mittelstadt"), ("TITEL:", "Stadt digital")]
    words = [w for n, (key, value) in enumerate(rows)
             for w in placed(key, 50, 120 + 21 * n, 12) + placed(value, 212, 120 + 21 * n, 12)]
    left = ["eins links zwei drei vier", "fuenf links sechs sieben", "acht links neun zehn elf", "zwoelf links dreizehn",
            "ende links"]
    words += [w for n, line in enumerate(left[:4]) for w in justified(line, 50, 201, 200 + 16 * n, 12)]
    words += placed(left[4], 50, 200 + 16 * 4, 12)
    words += [w for n, line in enumerate(RIGHT_COLUMN) for w in justified(line, 222, 373, 200 + 16 * n, 12)]
    assert body_lines(words) == [f"{k} {v}" for k, v in rows] + left + RIGHT_COLUMN


def test_a_table_over_columns_is_read_row_by_row_though_one_line_of_a_ragged_column_reaches_near_its_values():
    """The table's values start 7 points right of the first column's longest line, the column's
    other lines end farther left: the x in that narrow corridor is crossed only by the long line's
    free end; the gutter under the table, which the table's rows cross, is the one to cut, and
    the long line stays in its column."""
    rows = [("LAND:", "Hessen"), ("KLASSE:", "Kleinere Mittelstadt"), ("TITEL:", "Stadt digital")]
    words = [w for n, (key, value) in enumerate(rows)
             for w in placed(key, 47, 120 + 21 * n, 10) + placed(value, 207, 120 + 21 * n, 10)]
    left = ["eins links zwei drei", "fuenf links sechs", "acht links neun zehn elf zwoelf", "dreizehn links vier",
            "ende links"]
    ends = [194, 190, 200, 196]
    words += [w for n, line in enumerate(left[:4]) for w in justified(line, 47, ends[n], 200 + 13 * n, 10)]
    words += placed(left[4], 47, 200 + 13 * 4, 10)
    words += [w for n, line in enumerate(RIGHT_COLUMN) for w in justified(line, 219, 370, 200 + 13 * n, 10)]
    assert body_lines(words) == [f"{k} {v}" for k, v in rows] + left + RIGHT_COLUMN


def test_a_sidebar_beside_a_wide_column_is_cut_off_though_its_gutter_lies_past_two_thirds():
    text = ["eins links zwei drei vier fuenf sechs sieben acht neun", "zehn links elf zwoelf dreizehn vierzehn",
            "fuenfzehn links sechzehn siebzehn achtzehn neunzehn"]
    side = ["LAND", "Hessen", "KLASSE"]
    words = [w for n, line in enumerate(text) for w in placed(line, 50, 200 + 14 * n)]
    words += [w for n, line in enumerate(side) for w in placed(line, 392, 200 + 14 * n)]
    assert max(w.x1 for w in words if w.x0 < 390) > 50 + 0.7 * (max(w.x1 for w in words) - 50)
    assert body_lines(words) == text + side


def test_a_last_line_beside_a_sidebar_is_read_before_the_sidebar():
    """A column's one line at the top of the next column, beside a sidebar's labels: no line crosses
    the gutter between them, so the line is read on its own, not glued to the sidebar's first label."""
    left = ["eins links zwei drei", "vier links fuenf", "sechs links sieben acht"]
    side = ["LAND:", "Hessen", "KLASSE:", "Kleinstadt"]
    words = [w for n, line in enumerate(left) for w in placed(line, 50, 200 + 14 * n)]
    words += placed("ende der Spalte.", 230, 200) + [w for n, line in enumerate(side) for w in placed(line, 400, 200 + 14 * n)]
    assert body_lines(words) == left + ["ende der Spalte."] + side


def test_a_column_beside_the_gap_a_picture_leaves_in_the_other_is_read_after_it():
    """The first column runs above and below a picture; the second column's few lines stand beside
    the picture only, so no line has words on both sides of the gutter."""
    above, below = ["eins links zwei drei", "vier links fuenf"], ["sechs links sieben", "acht links neun zehn"]
    right = ["eins rechts zwei", "drei rechts vier", "fuenf rechts sechs"]
    words = [w for n, line in enumerate(above) for w in placed(line, 50, 200 + 14 * n)]
    words += [w for n, line in enumerate(right) for w in placed(line, 230, 260 + 14 * n)]
    words += [w for n, line in enumerate(below) for w in placed(line, 50, 340 + 14 * n)]
    assert body_lines(words) == above + below + right


def test_a_name_in_large_type_is_not_cut_where_its_word_spaces_stand_one_above_the_other():
    """A name over two lines in 28-point type, beside nothing: its word spaces (10 points, wider
    than a gutter in 9-point text) happen to stand one above the other, right of the text column.
    A space in large type is no gutter, so each name line is read whole."""
    from pipeline.read.pdf_text import Word

    name = [[("Stadt", 50, 190), ("im", 200, 233), ("Verbund", 242.7, 437)],
            [("Nachbar", 50, 160), ("und", 169.8, 230.1), ("Zweitort", 239.9, 423.6)]]
    words = [Word(text, x0, x1, 60 + 32 * n, 60 + 32 * n + 32, 28.0) for n, line in enumerate(name)
             for text, x0, x1 in line]
    left = ["eins links zwei drei", "vier links fuenf", "sechs links sieben acht", "neun links zehn"]
    side = ["LAND:", "Hessen", "KLASSE:", "Kleinstadt"]
    words += [w for n, line in enumerate(left) for w in placed(line, 50, 150 + 13 * n, 9)]
    words += [w for n, line in enumerate(side) for w in placed(line, 403, 150 + 13 * n, 9)]
    assert body_lines(words) == ["Stadt im Verbund", "Nachbar und Zweitort"] + left + side


def test_columns_under_a_table_are_read_as_columns_though_an_x_beside_the_name_is_free_above_them():
    """A short name and a table whose labels stand far from their values leave an x free that
    only the body's lines cross, while two of the table's long values cross the body's gutter:
    the body is two columns of running text (narrow gutter, its lines on both sides), so the free
    x lies inside its first column and the body is read column by column."""
    words = placed("Musterstadt", 64, 60, 24)
    rows = [("LAND", "Hessen"), ("TITEL", "Musterstadt gemeinsam neu denken"), ("EINWOHNER", "12.345"),
            ("MOTTO", "Digital und nah fuer alle Generationen")]
    words += [w for n, (key, value) in enumerate(rows) for w in placed(key, 64, 110 + 19 * n) + placed(value, 214, 110 + 19 * n)]
    left = ["eins links zwei drei vier fuenf sechs", "sieben links acht neun zehn elf", "zwoelf links dreizehn vierzehn",
            "fuenfzehn links sechzehn siebzehn", "achtzehn links neunzehn zwanzig"]
    right = ["eins rechts zwei drei vier fuenf", "sechs rechts sieben acht neun", "zehn rechts elf zwoelf dreizehn",
             "vierzehn rechts fuenfzehn", "sechzehn rechts siebzehn achtzehn"]
    words += [w for n, line in enumerate(left) for w in justified(line, 64, 289, 200 + 13 * n)]
    words += [w for n, line in enumerate(right) for w in justified(line, 306, 510, 200 + 13 * n)]
    lines = body_lines(words)
    assert lines[lines.index(left[0]):] == left + right


def test_a_table_of_five_rows_over_columns_is_still_read_row_by_row():
    """Five rows whose values cross the body's gutter: their labels stand far from their values, a
    gap wider than columns of text leave, so the rows are a table over the columns, not columns."""
    rows = [("LAND:", "Hessen und Thueringen zusammen"), ("KLASSE:", "Kleinere Mittelstadt im Verbund"),
            ("TITEL:", "Stadt digital und gemeinsam"), ("MOTTO:", "Heute fuer alle Generationen"),
            ("KONTAKT:", "Amt fuer Stadtentwicklung hier")]
    words = [w for n, (key, value) in enumerate(rows)
             for w in placed(key, 50, 120 + 16 * n, 12) + placed(value, 160, 120 + 16 * n, 12)]
    words += [w for n, line in enumerate(LEFT_COLUMN) for w in justified(line, 50, 201, 220 + 16 * n, 12)]
    words += [w for n, line in enumerate(RIGHT_COLUMN) for w in justified(line, 222, 373, 220 + 16 * n, 12)]
    assert body_lines(words) == [f"{k} {v}" for k, v in rows] + LEFT_COLUMN + RIGHT_COLUMN


def test_a_label_in_small_capitals_beside_a_column_is_one_line():
    """'M' and 'OTTO' in smaller type touch, their tops 1.7 points apart, beside a column whose
    line stands 6 points higher: the label is one line, not 'M' on the column's line and 'OTTO'
    on its own."""
    from pipeline.read.pdf_text import Word

    words = [Word("M", 60.1, 69.1, 213.0, 222.5, 9.5), Word("OTTO", 69.1, 90.5, 214.7, 222.1, 7.4),
             Word("Heute", 60.1, 84.0, 225.7, 235.7, 10.0), Word("gestalten", 86.5, 131.2, 225.7, 235.7, 10.0)]
    column = ["eins rechts zwei drei", "vier rechts fuenf sechs", "sieben rechts acht", "neun rechts zehn"]
    words += [Word(w.text, w.x0, w.x1, w.top, w.top + 10.5, 10.5)  # a text layer's box: the font size high
              for n, line in enumerate(column) for w in placed(line, 227, 207.3 + 15 * n, 10.5)]
    assert body_lines(words)[:2] == ["M OTTO", "Heute gestalten"]


def test_an_ocr_line_whose_first_word_joined_a_higher_line_of_the_column_beside_stays_one_line():
    """Tesseract's boxes hug the ink: 'Mit' lies inside the height of a line of the column beside
    it that begins 6 points higher, 'Daten' half a point lower than 'Mit' no more. Both are one
    line of the sidebar, not 'Mit für alle' then 'Daten'."""
    from pipeline.read.pdf_text import Word, words_to_lines

    words = [Word("Bürgerenergiegenossenschaften", 65.0, 190.0, 265.0, 274.0, None),
             Word("Mit", 400.0, 412.0, 270.7, 277.2, None), Word("Daten", 414.7, 436.0, 271.2, 277.2, None),
             Word("für", 440.2, 451.0, 270.7, 277.2, None), Word("alle", 453.6, 468.0, 270.7, 277.2, None)]
    sidebar = [[w.text for w in sorted(line.words, key=lambda w: w.x0) if w.x0 > 300] for line in words_to_lines(words)]
    assert [texts for texts in sidebar if texts] == [["Mit", "Daten", "für", "alle"]]


def test_a_line_beside_a_big_number_is_not_taken_into_the_numbers_line():
    """A key figure '35 %' in 28-point type stands in the left column; the right column's caption
    starts at its top and the next prose line lies inside its height: that line is a line of its
    own, not words between 'Foto:' and 'Projektteam' of the caption's line."""
    from pipeline.read.pdf_text import Word

    left = ["Viele entscheiden sich danach", "für eine Ausbildung in ihrer", "Heimatregion statt in eine",
            "Großstadt zu ziehen und dort"]
    right = ["Die Kommunen müssen hier klare", "Regeln aufstellen und diese", "regelmäßig überprüfen und",
             "weiter entwickeln im Verbund"]
    words = [w for n, line in enumerate(left) for w in placed(line, 62, 395 + 11.5 * n, 9.0)]
    words += [w for n, line in enumerate(right) for w in placed(line, 306, 395 + 11.5 * n, 9.0)]
    words += [Word("35", 62, 101, 443.0, 471.0, 28.0), Word("%", 111, 139, 443.0, 471.0, 28.0),
              Word("Foto:", 306, 322, 443.6, 450.1, 6.5), Word("Projektteam", 324, 364, 443.6, 450.1, 6.5)]
    words += placed("In Saarbrücken hat ein Datenbeirat", 306, 456.4, 9.0)
    words += placed("aus Bürgern und der Verwaltung", 306, 467.9, 9.0)
    lines = body_lines(words)
    assert "In Saarbrücken hat ein Datenbeirat" in lines
    assert not any("Projektteam" in line and "Saarbrücken" in line for line in lines)


def test_a_paragraphs_last_line_over_a_maps_labels_stays_with_its_paragraph():
    """An OCR layer (no type sizes): a column's paragraph ends in a one-word line, and under it a
    map's place names stand in rows of labels, two of which (and a diagram's two words over the
    column) leave a gutter inside the column free. The last line is read with its paragraph, not
    after a blank line as the first of the map's labels."""
    from pipeline.read.pdf_text import Word, words_to_text

    def ocr(text, x0, x1, top):
        return [Word(w.text, w.x0, w.x1, w.top, w.top + 9.0) for w in justified(text, x0, x1, top)]

    left = ["Viele Kommunen richten deshalb urbane", "Plattformen ein, auf denen sie Daten",
            "über Verkehr und Umwelt sammeln. So", "entstehen Wohnungen, ohne dass neue",
            "Flächen am Stadtrand versiegelt werden", "müssen. Die Verwaltung zeigt die Daten zu",
            "Verbrauch, Nutzung und Kosten in klarer", "Form, damit sich alle ein Urteil bilden"]
    right = ["Modellprojekte dokumentieren deshalb ihre", "Ergebnisse und veröffentlichen Programme",
             "unter freien Lizenzen und treffen sich", "regelmäßig zum Austausch am Nachmittag",
             "und die Schüler nutzen die Räume für", "Hausaufgaben und Gruppenarbeiten hier"]
    words = ocr("Messen", 67, 89, 229.3) + ocr("— Steuern", 208, 254, 229.3)
    words += [w for n, line in enumerate(left) for w in ocr(line, 64, 255, 268.3 + 12.5 * n)]
    words += ocr("können.", 64, 90, 368.3)
    words += [w for n, line in enumerate(right) for w in ocr(line, 287, 519, 273.5 + 12.5 * n)]
    words += ocr("= Hafen", 110, 132, 411.7) + ocr("@ Herrnhut", 68, 100, 427.1) + ocr("= Zittau", 162, 184, 427.1)
    words += ocr("@ Rathaus", 93, 121, 443.2) + ocr("@ Altstadt", 171, 200, 460.9)
    body = words_to_text(words, 595, 842).body.split("\n")
    assert body[body.index("Form, damit sich alle ein Urteil bilden") + 1] == "können."


def test_an_ocr_layers_fitted_sizes_set_a_caption_apart_from_the_running_text():
    """An OCR layer tells no printed size, but its maker fitted each line's size to its box: the
    body's lines come out at 10 or 11 points, a caption under them at 7. The caption is styled
    and a paragraph of its own; the body's lines are neither, though their sizes differ by one."""
    from pipeline.read.pdf_text import Word, words_to_text

    body = ["Die Kommune setzt auf offene Daten", "und eine digitale Verwaltung für",
            "alle Menschen in der Region und", "ihre Betriebe vor Ort im Land."]
    words = [Word(w.text, w.x0, w.x1, w.top, w.top + 9.0, None, 10.0 + n % 2)
             for n, line in enumerate(body) for w in placed(line, 60, 200 + 13 * n)]
    # a layer's words are stretched to their boxes: a caption's letters are as narrow as its type
    words += [Word(w.text, 60 + (w.x0 - 60) * 0.7, 60 + (w.x1 - 60) * 0.7, w.top, w.top + 6.0, None, 7.0)
              for w in placed("Workshop mit Bürgerinnen und Bürgern", 60, 252)]
    page = words_to_text(words, 595, 842)
    lines = page.body.rstrip("\n").split("\n")
    assert lines == [*body, "", "Workshop mit Bürgerinnen und Bürgern"]
    assert page.styled == {5}
    # a 9-point body with a caption fitted at 7: two points apart, as 10 and 7 are three
    words = [Word(w.text, w.x0, w.x1, w.top, w.top + 8.0, None, 9.0)
             for n, line in enumerate(body) for w in placed(line, 60, 200 + 12 * n)]
    words += [Word(w.text, 60 + (w.x0 - 60) * 0.7, 60 + (w.x1 - 60) * 0.7, w.top, w.top + 6.0, None, 7.0)
              for w in placed("Workshop mit Bürgerinnen und Bürgern", 60, 248)]
    page = words_to_text(words, 595, 842)
    assert page.styled == {len(body) + 1}


def test_a_last_line_under_a_single_line_stays_with_it_over_a_diagrams_labels():
    """Text layer, one column: a key figure cuts a sentence, one line of it stands under the
    figure and its last line ('gezeigt.') under that, then a diagram's labels; a map's place
    names further down leave a gutter free inside the column. The last line is read with the line
    above it, not with the diagram's labels."""
    from pipeline.read.pdf_text import words_to_text

    above = ["Viele Kommunen richten deshalb", "Plattformen ein, auf denen sie",
             "Daten sammeln. Vereine stellen sich", "vor, und in der Kirche wird eine"]
    below = ["Eine Genossenschaft, in der sich", "zweihundert Haushalte zusammen",
             "haben, betreibt das Netz vor Ort.", "Für Radfahrende wurden die Wege"]
    words = [w for n, line in enumerate(above) for w in placed(line, 52, 134 + 13.5 * n, 10.5)]
    words += placed("17.000", 52, 226.9, 20.0) + placed("Einwohnerinnen und Einwohner", 52, 248.5, 7.5)
    words += placed("Ausstellung über die Geschichte", 52, 276.6, 10.5) + placed("gezeigt.", 52, 290.1, 10.5)
    words += [w for n, label in enumerate(["Idee", "Werkstatt", "Prototyp", "Betrieb"])
              for w in placed(label, 55, 325.8 + 37.5 * n, 6.5)]
    words += [w for n, line in enumerate(below) for w in placed(line, 52, 473.9 + 13.5 * n, 10.5)]
    words += placed("Oderwitz", 214, 607, 6.5) + placed("Hafen", 249, 614, 6.5)
    words += placed("Herrnhut", 105, 625, 6.5) + placed("Projektgebiet", 56, 697, 6.5)
    words += [w for n, line in enumerate(below) for w in placed(line, 52, 710 + 13.5 * n, 10.5)]
    lines = words_to_text(words, 595, 842).body.split("\n")
    assert lines[lines.index("Ausstellung über die Geschichte") + 1] == "gezeigt."


def test_a_lead_paragraph_in_larger_type_is_one_paragraph_set_apart_as_larger():
    """A lead paragraph over the columns in type 1.4 times the body's, its lines spaced in
    proportion (17 points against the body's 12): one paragraph, not a paragraph per line, and
    its lines are known as set larger than the text; the body's are not."""
    from pipeline.read.pdf_text import words_to_text

    lead = ["Die Stadt erneuert ihre Mitte und baut", "dafür neue Wege und Plätze für alle."]
    body = ["Die Kommune setzt auf offene Daten", "und eine digitale Verwaltung für",
            "alle Menschen in der Region und", "ihre Betriebe vor Ort im Land."]
    words = [w for n, line in enumerate(lead) for w in placed(line, 60, 200 + 17 * n, 14.0)]
    words += [w for n, line in enumerate(body) for w in placed(line, 60, 250 + 12 * n)]
    page = words_to_text(words, 595, 842)
    assert page.body.rstrip("\n").split("\n") == [*lead, "", *body]
    assert page.larger == page.styled == {0, 1}


def test_a_page_whose_lead_has_most_characters_is_read_at_the_brochures_running_size():
    """A project page holds a long lead paragraph in 13-point type over a short column in the
    brochure's 10 points: by its own characters the lead would be the page's running text and the
    column set apart. Read at the whole text layer's size, the lead is set larger and the column
    is running text; a page in the running size is read as before."""
    from pipeline.read.pdf_text import pages_at_brochure_size, words_to_text

    text = ["Die Kommune setzt auf offene Daten", "und eine digitale Verwaltung für",
            "alle Menschen in der Region und", "ihre Betriebe vor Ort im Land."]
    lead = ["Die Stadt erneuert ihre Mitte und baut dafür neue Wege,", "Plätze und Häuser für alle, die hier leben.",
            "Sie beginnt damit im kommenden Jahr in der Altstadt."]
    other = [w for n in range(3) for k, line in enumerate(text) for w in placed(line, 60, 200 + 60 * n + 12 * k)]
    first = [w for n, line in enumerate(lead) for w in placed(line, 60, 200 + 16 * n, 13.0)]
    first += [w for n, line in enumerate(text[:2]) for w in placed(line, 60, 260 + 12 * n)]
    pages = [words_to_text(other, 595, 842), words_to_text(first, 595, 842)]
    assert pages[1].styled == {4, 5}  # by its own characters, the column is set apart
    read = pages_at_brochure_size(pages)
    assert read[0] == pages[0]
    assert read[1].larger == read[1].styled == {0, 1, 2}
    assert read[1].body.rstrip("\n").split("\n") == [*lead, "", *text[:2]]
    # a page in 11 points with a line in the layer's 10 (a caption) keeps its own running size
    own = [w for n in range(3) for k, line in enumerate(text) for w in placed(line, 60, 200 + 60 * n + 13 * k, 11.0)]
    own += placed("Foto: Stadtverwaltung", 60, 400)
    other_page = words_to_text(own, 595, 842)
    assert pages_at_brochure_size([*pages, other_page])[2] == other_page


def test_an_ocr_layers_last_line_among_map_labels_is_read_at_the_layers_running_size():
    """An OCR layer: a sentence's last line stands alone on a page among map labels fitted at 7
    points, which hold most of its characters. By the page's own sizes the line would be set apart
    (a caption); read at the size most of the layer's characters were fitted to, it is running text
    and the labels stay set apart."""
    from pipeline.read.pdf_text import Word, pages_at_brochure_size, words_to_text

    def fitted(text, x0, top, size):  # letters as wide as their type, as a layer stretches its words
        return [Word(w.text, x0 + (w.x0 - x0) * size / 10, x0 + (w.x1 - x0) * size / 10, w.top, w.top + size * 0.9, None,
                     size) for w in placed(text, x0, top, size)]

    text = ["Die Kommune setzt auf offene Daten", "und eine digitale Verwaltung für",
            "alle Menschen in der Region und", "ihre Betriebe vor Ort im Land."]
    full = [w for n in range(3) for k, line in enumerate(text) for w in fitted(line, 60, 200 + 60 * n + 12 * k, 10.0)]
    labels = ["Röthenbach", "Schwarzenbruck Campus", "Marktplatz Altdorf", "Karte: Projektgebiet", "Hersbruck Bahnhof"]
    last = fitted("dieser Zeit fährt eine zusätzliche Fähre.", 60, 120, 10.0)
    last += [w for n, line in enumerate(labels) for w in fitted(line, 300, 300 + 40 * n, 7.0)]
    pages = [words_to_text(full, 595, 842), words_to_text(last, 595, 842)]
    assert 0 in pages[1].styled  # by its own characters, the page's running text is the labels'
    read = pages_at_brochure_size(pages)
    assert read[0] == pages[0]
    assert read[1].body.split("\n")[0] == "dieser Zeit fährt eine zusätzliche Fähre."
    assert 0 not in read[1].styled and read[1].styled  # the labels stay set apart


def test_a_line_in_somewhat_larger_type_under_a_paragraph_is_not_drawn_into_it():
    """An OCR layer's fitted sizes: a banner fitted at 12 points stands 17 points under a
    paragraph fitted at 10, spaced 12: farther than a paragraph's lines stand, so a paragraph of
    its own, though lines of a paragraph in larger type stand farther apart in proportion."""
    from pipeline.read.pdf_text import Word, words_to_text

    body = ["Die Kommune setzt auf offene Daten", "und eine digitale Verwaltung für",
            "alle Menschen in der Region und", "ihre Betriebe vor Ort im Land."]
    words = [Word(w.text, w.x0, w.x1, w.top, w.top + 9.0, None, 10.0)
             for n, line in enumerate(body) for w in placed(line, 60, 200 + 12 * n)]
    words += [Word(w.text, w.x0, w.x1, w.top, w.top + 11.0, None, 12.0)
              for w in placed("„Gemeinsam für eine lebenswerte Stadt“", 60, 253)]
    lines = words_to_text(words, 595, 842).body.rstrip("\n").split("\n")
    assert lines == [*body, "", "„Gemeinsam für eine lebenswerte Stadt“"]


def ruled_table_pdf(path, rows, wrapped: bool = False):
    """A key/value table between hairlines (labels left, values at the right column's start) over
    two columns of text whose gutter the rows' gap between label and value spans."""
    pdf = canvas.Canvas(str(path), pagesize=(595, 842), invariant=1)
    pdf.setFont("Helvetica", 10)
    pdf.setLineWidth(0.5)
    y = 760
    pdf.line(60, y + 14, 535, y + 14)
    for label, value in rows:
        pdf.drawString(60, y, label)
        pdf.drawString(330, y, value)
        if wrapped:
            y -= 12
            pdf.drawString(330, y, "und weiter")
        pdf.line(60, y - 6, 535, y - 6)
        y -= 22
    draw_two_columns(pdf, 640, 330)
    pdf.showPage()
    pdf.save()


TABLE = [("FÖRDERPHASE:", "Umsetzungsphase"), ("KONTAKT:", "Referat Smart City"), ("WEBSITE:", "www.musterstadt.de")]


def test_a_ruled_tables_rows_are_read_across_the_columns_gutter(tmp_path):
    path = tmp_path / "ruled.pdf"
    ruled_table_pdf(path, TABLE)
    text = load_source(path).text
    assert all(f"{label} {value}" in text for label, value in TABLE), text
    assert text.index("WEBSITE:") < text.index("Erster Satz") < text.index("Dritter Satz")


def test_a_ruled_table_with_a_row_of_two_lines_is_read_by_its_columns(tmp_path):
    path = tmp_path / "wrapped.pdf"
    ruled_table_pdf(path, TABLE, wrapped=True)
    text = load_source(path).text
    assert "FÖRDERPHASE: Umsetzungsphase" not in text  # all rows alike, by the columns' reading
    assert text.index("FÖRDERPHASE:") < text.index("WEBSITE:") < text.index("Erster Satz") < text.index("Umsetzungsphase")


@pytest.mark.parametrize("apart", [4, -20])
def test_a_sidebars_long_address_run_up_to_the_next_column_is_cut_from_that_columns_line(apart):
    """A sidebar's web address wider than the sidebar ends a few points before the text column's
    edge: its row crosses the gutter by that one word and is read as the sidebar's line and the
    column's, each in its place, not as one line across; so where it is printed on into the column."""
    side = ["KONTAKT", "Referat Smart City", "WEBSITE", "www.musterstadt-am-see.de/smart-city"]
    text = ["eins rechts zwei drei", "vier rechts fuenf sechs", "sieben rechts acht", "neun rechts zehn elf",
            "zwoelf rechts dreizehn", "vierzehn rechts am Ende"]
    words = [w for n, line in enumerate(side) for w in placed(line, 50, 200 + 14 * n)]
    edge = max(w.x1 for w in words) + apart  # 4 points before the column (no gutter's width), or 20 into it
    words += [w for n, line in enumerate(text) for w in placed(line, edge, 186 + 14 * n)]
    assert body_lines(words) == side + text


def test_a_paragraphs_line_next_to_a_row_two_columns_leave_apart_is_not_cut():
    """A paragraph across the page, then two columns: the paragraph's last line crosses the gutter
    with a word whose next word begins where the right column's words begin in the row below. It
    is no sidebar's row (the row above it crosses the gutter too): it stays one line."""
    para = ["Erste Zeile eines Absatzes quer ueber die ganze Seite", "zweite Zeile desselben Absatzes ueber die Seite",
            "dritte Zeile Wortungetuem darin und weiter"]
    words = [w for n, line in enumerate(para) for w in placed(line, 50, 200 + 14 * n)]
    edge = next(w for w in words if w.text == "darin").x0
    left, right = ["eins links zwei", "drei links vier", "fuenf links"], ["eins rechts", "zwei rechts", "drei rechts"]
    words += [w for n, line in enumerate(left) for w in placed(line, 50, 242 + 14 * n)]
    words += [w for n, line in enumerate(right) for w in placed(line, edge, 242 + 14 * n)]
    assert body_lines(words) == para + left + right


def test_a_sidebars_address_ending_just_short_of_the_next_column_parts_its_row():
    """'www.….de/smart-city' ends 3 points left of the gutter, 9 points before the text column's edge:
    too near to leave a gutter's free space, so its row crossed the gutter and was read as one line
    with the text beside. Where the rows above and below show both columns' edges, it is two."""
    from pipeline.read.overflow import overflow_parts
    from pipeline.read.pdf_text import Word

    def word(text, x0, x1, top):
        return Word(text, x0, x1, top, top + 9.5, 9.5)

    above = [word("WEBSITE:", 67, 116, 259.5), word("und", 227, 246, 254.0)]
    row = [word("www.stadt.de/smart-city", 67, 218, 270.8), word("Patenschaften", 227, 296, 267.1)]
    below = [word("Stadtwerke", 67, 120, 284.0), word("Straßenbäume", 227, 298, 280.7)]
    assert overflow_parts(row, [above, below], 221.0) is None
    left, right = overflow_parts(row, [above, below], 221.0, reach=4.75)
    assert [w.text for w in left] == ["www.stadt.de/smart-city"] and [w.text for w in right] == ["Patenschaften"]


@pytest.mark.parametrize("below_size, whole", [(11.0, True), (7.0, False)])
def test_a_long_word_at_a_columns_edge_run_into_a_sidebars_space_keeps_its_row_in_the_column(below_size, whole):
    """'Bürgerenergiegenossenschaften', the right column's first word on its row, runs 18 points
    over the gutter before the sidebar, which ended above; nothing stands beyond it. Its row
    crossed the gutter and cut the columns in two bands: the left column's lines after it were
    read after the right column's. Where the rows above and below begin where the row does, in its
    type, the row is the columns' whole; over a figure's labels in smaller type it stays a row of its own."""
    from pipeline.read.overflow import overflow_parts
    from pipeline.read.pdf_text import Word

    def word(text, x0, x1, top, size=11.0):
        return Word(text, x0, x1, top, top + size, size)

    above = [word("damit", 59.8, 91.8, 473.0), word("Wind", 167.5, 196.5, 473.0)]
    row = [word("und", 59.8, 81.0, 488.0), word("warten", 169.8, 209.0, 488.0),
           word("Bürgerenergiegenossenschaften", 226.2, 407.5, 488.0)]
    below = [word("muss.", 59.8, 92.1, 503.0, below_size), word("ermöglichen", 226.2, 295.9, 503.0, below_size)]
    parts = overflow_parts(row, [above, below], 389.0)
    assert (parts is not None and parts[1] == () and len(parts[0]) == 3) == whole
    assert overflow_parts(row[1:], [above, below], 389.0) is None  # begins at no column's edge


def test_an_ocr_word_taken_into_a_line_of_another_column_by_its_top_goes_on_its_own_line():
    """Tesseract's boxes follow the ink: 'Übergang' (its umlaut's dots) starts 2 points under the
    sidebar's 'MOTTO', 1 point over its own line; read by tops it joined 'MOTTO' and was set
    above its line. It stands a word space from 'breiter' and 'entstehen,', level with them."""
    from pipeline.read.pdf_text import Word, words_to_lines

    words = [Word("MOTTO", 53.0, 90.0, 247.2, 253.0), Word("Übergang", 424.0, 467.0, 249.4, 260.6),
             Word("soll", 360.0, 380.0, 250.6, 258.2), Word("breiter", 393.0, 421.0, 250.6, 258.2),
             Word("entstehen,", 471.0, 514.0, 250.6, 259.9)]
    assert [line.text for line in words_to_lines(words)] == ["MOTTO", "soll breiter Übergang entstehen,"]


def test_two_ocr_words_that_each_joined_a_line_of_another_column_both_go_to_their_own():
    """A line of two words that both belong to another line: the second is looked at after the
    first left, alone (it once raised on a line with no other word to measure against)."""
    from pipeline.read.pdf_text import Word
    from pipeline.read.words import TextLine, strays_moved

    taken = [Word("Äste", 300.0, 320.0, 249.4, 260.6), Word("Übergang", 424.0, 467.0, 249.4, 260.6)]
    line = [Word("soll", 270.0, 297.0, 250.6, 258.2), Word("breiter", 393.0, 421.0, 250.6, 258.2)]
    assert [TextLine(tuple(l)).text for l in strays_moved([taken, line])] == ["soll Äste breiter Übergang"]


def test_ocr_words_stacked_over_each_other_are_two_lines_however_near_their_tops():
    """Tesseract boxed a sidebar's second line ('Nachbarschaft gestalten') with the text's line
    beside it, its top 2 points under the first line's ('Mühlhausen klug:'): by tops one line,
    'Mühlhausen Nachbarschaft klug: gestalten'. Words that share most of their width stand over
    each other, so they are two lines, and the run is put on no line it would stand over."""
    from pipeline.read.pdf_text import Word, words_to_lines

    words = [Word("Mühlhausen", 54.4, 101.6, 192.3, 201.3, fitted=9.0), Word("klug:", 109.1, 126.2, 192.3, 201.3, fitted=9.0),
             Word("Nachbarschaft", 54.4, 110.2, 194.6, 209.6, fitted=15.0),
             Word("gestalten", 117.7, 150.8, 194.6, 209.6, fitted=15.0), Word("online", 217.1, 250.1, 194.6, 209.6, fitted=15.0)]
    assert [line.text for line in words_to_lines(words)] == ["Mühlhausen klug:", "Nachbarschaft gestalten online"]
    # a speck an OCR read over a word ('on' over 'möglichst') is no line of its own: the line stays whole
    line = [Word("Statt", 54.4, 75.0, 300.0, 309.0, fitted=9.0), Word("möglichst", 80.0, 118.0, 300.0, 309.0, fitted=9.0),
            Word("on", 100.0, 110.0, 301.0, 309.0, fitted=9.0), Word("schnell", 122.0, 150.0, 300.2, 309.0, fitted=9.0)]
    assert [l.text for l in words_to_lines(line)] == ["Statt möglichst on schnell"]


def test_a_sidebars_words_that_joined_a_line_of_the_text_beside_go_back_to_their_own_as_a_run():
    """Tesseract's boxes: the sidebar's 'Mit Daten für die' is one printed line, but 'für die' lies
    4 points under the text's line 'ihren Zweck erfüllt.' and within its height, so by tops it
    joined that line, and 'Mit Daten' made a line of its own read after it ('für die' / 'Mit Daten'
    / 'Menschen …'). The two words stand a word space apart, far from the text's words, a word
    space after 'Daten' and level with it: the run goes back to its line."""
    from pipeline.read.pdf_text import Word, words_to_lines

    words = [Word("ihren", 214.8, 241.0, 182.16, 189.84), Word("Zweck", 245.0, 277.7, 182.16, 189.84),
             Word("erfüllt.", 281.3, 314.2, 182.16, 189.84), Word("für", 117.4, 131.0, 186.24, 193.44),
             Word("die", 134.6, 148.3, 186.24, 193.44), Word("Mit", 66.0, 82.1, 186.48, 193.44),
             Word("Daten", 85.7, 114.0, 186.48, 193.44)]
    assert sorted(line.text for line in words_to_lines(words)) == ["Mit Daten für die", "ihren Zweck erfüllt."]



def test_a_charts_labels_reaching_into_the_gutter_do_not_move_the_cut_into_a_column():
    """A bar chart's labels in small type stand in rows above two columns of text, one label
    reaching into the columns' gutter; a diagram's labels, also small, stand in the columns. The
    chart's rows crossing the gutter are no element over the columns (which would make an x inside
    the right column, crossed by its text in two runs, look better): the columns are read one
    after the other, no line glued across them."""
    words = placed("Projekttitel: eins zwei drei vier fuenf sechs sieben", 52.7, 121.5, 12)
    words += placed("Motto: acht neun zehn elf zwoelf dreizehn", 52.7, 144.1, 12)
    words += placed("15 %", 301.5, 225.7, 8) + placed("71 %", 56.7, 233.9, 8) + placed("31 %", 423.9, 239.5, 8)
    words += placed("82 %", 179.1, 247.6, 8)
    words += [w for x, year in zip((56.7, 179.1, 301.5, 423.9), ("2020", "2021", "2022", "2023"))
              for w in placed(year, x, 291.4, 8)]
    left = [f"links {n} eins zwei drei vier fuenf sechs" for n in range(9)]
    right = [f"rechts {n} eins zwei drei vier fuenf sechs" for n in range(19)]
    left_tops = [322.8 + 14.1 * n for n in range(3)] + [449.2 + 14.1 * n for n in range(4)] + [730.2, 744.4]
    right_tops = [322.8 + 14.1 * n for n in range(6)] + [561.9 + 14.1 * n for n in range(13)]
    words += [w for line, top in zip(left, left_tops) for w in justified(line, 52.7, 312.5, top, 11)]
    words += [w for line, top in zip(right, right_tops) for w in justified(line, 329.3, 560.0, top, 11)]
    words += [w for label, top in (("Daten erfassen", 439.5), ("Auswerten", 481.5), ("Handeln", 523.5))
              for w in placed(label, 332.3, top, 8)]
    words += [w for label, top in (("Idee", 565.8), ("Werkstatt", 607.8), ("Prototyp", 649.8), ("Betrieb", 691.8))
              for w in placed(label, 55.7, top, 8)]
    lines = body_lines(words)
    assert [line for line in lines if line.startswith("links")] == left
    assert [line for line in lines if line.startswith("rechts")] == right
    assert lines.index(left[-1]) < lines.index(right[0]) or lines.index(right[-1]) < lines.index(left[0])


@pytest.mark.parametrize("size, right, cut", [(20.0, 10.5, False), (10.5, 10.5, True), (10.5, 13.65, True)])
def test_a_columns_line_beside_key_figures_is_no_overflow_into_them(size, right, cut):
    """A column's line whose last word begins where a big number of the key figures under it
    begins ('rung gezielt erfolgen kann.' over '48   5 Jahre'), with a gutter found between the
    figures: the figures are no column the line runs into, so the line stays whole; a row in the
    line's own type there would show a column's edge, and so does one in smaller type than the
    line's right part (a lead paragraph's last word in larger type beside the body's lines)."""
    from pipeline.read.overflow import overflow_parts
    from pipeline.read.pdf_text import Word

    def word(text, x0, x1, top, size):
        return Word(text, x0, x1, top, top + size, size)

    above = [word("Foto:", 304.6, 326.0, 582.6, 8.0), word("Projektteam", 328.0, 376.0, 582.6, 8.0)]
    row = [word(w, x0, x1, 598.1, 10.5) for w, x0, x1 in
           (("rung", 304.6, 328.0), ("gezielt", 331.0, 363.0), ("erfolgen", 366.0, 417.0))]
    row.append(word("kann.", 420.0, 449.5, 598.1, right))
    below = [word("48", 304.6, 327.0, 641.8, size), word("5", 420.0, 431.0, 641.8, size),
             word("Jahre", 436.0, 500.9, 641.8, size)]
    parts = overflow_parts(row, [above, below], 381.0)
    assert (parts is not None) == cut


@pytest.mark.parametrize("ocr", [False, True])
def test_a_line_over_a_figures_labels_is_no_overflow_into_them(ocr):
    """A line of running text standing alone between two figures ('Die Gemeinden unterstützen
    solche'), over an icon row's small labels ('Bildung  Kultur  Handel'), one of which begins where
    the line's third word does, with a gutter found between the labels: the labels are no column
    the line runs into, so it stays whole (it had been read as two lines, both taken for the
    figure's). Sizes a text layer tells or an OCR layer fitted its words to tell the labels apart."""
    from pipeline.read.overflow import overflow_parts
    from pipeline.read.pdf_text import Word

    def word(text, x0, x1, top, size):
        return Word(text, x0, x1, top, top + size, None, size) if ocr else Word(text, x0, x1, top, top + size, size)

    above = [word("Sparen", 55.0, 80.0, 455.0, 6.0)]
    row = [word(w, x0, x1, 477.0, 9.0) for w, x0, x1 in
           (("Die", 52.3, 69.4), ("Gemeinden", 72.6, 130.3), ("unterstützen", 133.5, 198.3), ("solche", 201.5, 233.8))]
    below = [word("Bildung", 52.3, 77.9, 522.2, 6.0), word("Kultur", 130.9, 151.9, 522.2, 6.0),
             word("Handel", 209.5, 233.3, 522.2, 6.0)]
    assert overflow_parts(row, [above, below], 99.4) is None


def ocr_placed(text: str, x0: float, top: float, fitted: float, space: float):
    """An OCR layer's line: words without a font size, fitted to `fitted` points, `space` apart."""
    from pipeline.read.pdf_text import Word

    words, x = [], x0
    for word in text.split():
        width = 0.55 * fitted * len(word)
        words.append(Word(word, x, x + width, top, top + fitted, None, fitted))
        x += width + space
    return words


def test_an_ocr_layers_name_in_large_type_is_not_cut_by_the_gutter_of_a_table_under_it():
    """A name over the page in type far larger than the running text (24 against 9, as the OCR
    layer fitted them) has word spaces as wide as the gutter between a table's labels and values
    under it, and one of them lies over that gutter: the name is one line, read whole."""
    words = ocr_placed("Lobau in Kooperation mit", 46, 100, 24, 18) + ocr_placed("Zittau und Herrnhut", 46, 129, 23, 17)
    for k, (label, value) in enumerate([("BUNDESLAND", "Sachsen"), ("KLASSE", "Landkreis"),
                                        ("TITEL", "Löbau verbunden: Innenstadt im Wandel"),
                                        ("MOTTO", "Zusammen in die Menschen in Löbau")]):
        words += ocr_placed(label, 46, 183 + 20 * k, 9, 4) + ocr_placed(value, 135, 183 + 20 * k, 9, 4)
    for k in range(8):
        words += ocr_placed("Drohnen fliegen über die Felder und zeigen wo Schädlinge sind", 46, 280 + 13 * k, 9, 4)
    lines = body_lines(words)
    assert lines[:2] == ["Lobau in Kooperation mit", "Zittau und Herrnhut"], lines[:6]


def test_an_ocr_layers_line_of_text_beside_a_big_number_is_not_drawn_into_its_line():
    """A big number in an OCR layer (fitted to 28 points), the column's line beside it (10) lies
    inside its height: the sizes the layer fitted tell the two apart, as a text layer's do."""
    from pipeline.read.pdf_text import Word, words_to_lines

    words = [Word("80", 50.0, 90.0, 472.0, 512.0, None, 28.0), Word("%", 92.0, 110.0, 472.0, 512.0, None, 28.0),
             Word("Solche", 288.2, 313.1, 490.3, 500.3, None, 10.0),
             Word("Projekte", 320.6, 352.6, 490.3, 500.3, None, 10.0),
             Word("stärken", 360.2, 387.3, 490.3, 500.3, None, 10.0)]
    assert [line.text for line in words_to_lines(words)] == ["80 %", "Solche Projekte stärken"]


def test_a_words_characters_set_in_sizes_a_hair_apart_are_one_word(tmp_path):
    """A PDF that sets each character in a size of its own, equal but for far decimals (as an OCR
    layer does): words are grouped by size, so a word read as 'F' 'a' 'm' … unless the sizes are
    rounded."""
    import pdfplumber
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from pipeline.read.pdf_text import page_to_text

    path = tmp_path / "hair.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(595, 842), invariant=1)
    x = 60.0
    for k, char in enumerate("Familien und ältere Menschen"):
        size = 10.0001 + 0.0003 * (k % 3)
        pdf.setFont("Helvetica", size)
        pdf.drawString(x, 700, char)
        x += stringWidth(char, "Helvetica", size)
    pdf.showPage()
    pdf.save()
    with pdfplumber.open(str(path)) as opened:
        assert "Familien und ältere Menschen" in page_to_text(opened.pages[0]).body


def test_an_ocr_layers_line_fitted_to_large_type_with_letters_of_the_running_texts_width_is_running_text():
    """Tesseract drew one box over two columns' lines at different heights and fitted its words to
    12 points among lines at 9 ('verschlüsselt an die Praxis.'): their letters are as wide as the
    running text's, so the line is running text, not another size's. A caption fitted to 7 points
    with letters that narrow, and a lead line fitted to 12 with letters that wide, stay apart."""
    from pipeline.read.pdf_text import Word, words_to_text

    def line(text, top, fitted, letters):
        words, x = [], 50.0
        for word in text.split():
            width = 0.5 * letters * len(word)
            words.append(Word(word, x, x + width, top, top + fitted, None, fitted))
            x += width + 3
        return words

    body = ["die Verwaltung plant neue Wege", "und sammelt dazu Wünsche ein", "bevor sie handelt und baut",
            "damit alle mitreden können hier"]
    words = [w for k, text in enumerate(body) for w in line(text, 100 + 13 * k, 9, 9)]
    words += line("verschlüsselt an die Praxis hier", 152, 12, 9)
    words += line("sodass die Ärztin früh hilft", 165, 9, 9)
    words += line("ein kleiner Text unter dem Bild", 190, 7, 7)
    words += line("eine größere Einleitung steht oben", 210, 12, 12)
    words += line("die Einleitung geht so weiter hier", 224, 12, 11)  # a lead's line of narrower letters
    words += line("ein Logo in breiter Schrift hier", 240, 7, 9)  # a caption's wide sans-serif letters
    page = words_to_text(words, 595, 842)
    lines = page.body.split("\n")
    styled = {lines[k] for k in page.styled}
    assert "verschlüsselt an die Praxis hier" not in styled
    assert {"ein kleiner Text unter dem Bild", "eine größere Einleitung steht oben",
            "die Einleitung geht so weiter hier", "ein Logo in breiter Schrift hier"} <= styled
