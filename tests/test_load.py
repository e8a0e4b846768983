"""The load stage: text encodings and the PDF text layer."""
import pytest

from pipeline.errors import InputError
from pipeline.read.load import PAGE_BREAK, load_source

from .pdf_fixture import pdf_bytes


def write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_utf8_text_is_the_raw_text(tmp_path):
    source = load_source(write(tmp_path, "a.txt", "Größere Mittelstadt · Thüringen\n".encode()))
    assert source.text == "Größere Mittelstadt · Thüringen\n"
    assert source.encoding == "utf-8" and source.file_text_equals_raw


def test_windows_line_ends_are_normalised_and_raw_is_kept(tmp_path):
    source = load_source(write(tmp_path, "a.txt", b"eins\r\nzwei\r\n"))
    assert source.text == "eins\nzwei\n" and not source.file_text_equals_raw


def test_cp1252_is_decoded(tmp_path):
    source = load_source(write(tmp_path, "a.txt", "Für „alle“ Bürger".encode("cp1252")))
    assert source.text == "Für „alle“ Bürger" and source.encoding == "cp1252"


def test_pdf_text_layer_is_read_page_by_page(tmp_path):
    path = write(tmp_path, "b.pdf", pdf_bytes([["Modellprojekte Smart Cities 2030", "Für alle Städte"], ["Seite zwei"]]))
    source = load_source(path)
    assert source.kind == "pdf"
    first, second = source.text.split(PAGE_BREAK)
    assert "Für alle Städte" in first and second.strip() == "Seite zwei"


def test_blank_pdf_is_refused(tmp_path):
    path = write(tmp_path, "blank.pdf", pdf_bytes([[]]))
    with pytest.raises(InputError, match="no text"):
        load_source(path)


def test_scan_without_tesseract_says_what_to_install(tmp_path, monkeypatch):
    import pipeline.read.load as load

    monkeypatch.setattr(load.shutil, "which", lambda name: None)
    with pytest.raises(InputError, match="apt-get install tesseract-ocr tesseract-ocr-deu"):
        load_source(write(tmp_path, "scan.pdf", pdf_bytes([[]])))


def scanned_pdf(tmp_path, lines):
    """Text rendered to a PDF, rasterised, and put back into a PDF as an image only."""
    reportlab = pytest.importorskip("reportlab")  # noqa: F841
    import pdfplumber
    from reportlab.pdfgen import canvas

    text_pdf = write(tmp_path, "text.pdf", pdf_bytes([lines]))
    with pdfplumber.open(text_pdf) as pdf:
        pdf.pages[0].to_image(resolution=200).original.save(tmp_path / "page.png")
    scan = tmp_path / "scan.pdf"
    page = canvas.Canvas(str(scan), pagesize=(595, 842), invariant=1)
    page.drawImage(str(tmp_path / "page.png"), 0, 0, width=595, height=842)
    page.showPage()
    page.save()
    return scan


@pytest.mark.slow  # Tesseract reads a generated scan
@pytest.mark.skipif(__import__("pipeline.read.load", fromlist=["x"]).tesseract_missing() is not None,
                    reason="needs tesseract-ocr with tesseract-ocr-deu")
def test_scanned_pdf_goes_through_german_ocr(tmp_path):
    scan = scanned_pdf(tmp_path, ["Kleinere Großstadt · Thüringen", "Projekttitel: Grüne Straßen für alle"])
    source = load_source(scan)
    assert source.kind == "pdf-ocr"
    assert "Großstadt" in source.text and "Grüne Straßen für alle" in source.text


@pytest.mark.slow  # Tesseract reads a generated scan
@pytest.mark.skipif(__import__("pipeline.read.load", fromlist=["x"]).tesseract_missing() is not None,
                    reason="needs tesseract-ocr with tesseract-ocr-deu")
def test_scan_reads_the_same_cold_warm_damaged_and_uncached(tmp_path, monkeypatch):
    import pipeline.read.load as load

    scan = scanned_pdf(tmp_path, ["Kleinere Großstadt · Thüringen", "Projekttitel: Grüne Straßen für alle"])
    monkeypatch.setenv("MPSC_CACHE_DIR", str(tmp_path / "cache"))
    cold = load_source(scan)
    entries = list((tmp_path / "cache" / "tesseract").iterdir())
    assert len(entries) == 1
    real_run = load.subprocess.run

    def no_ocr(args, **kwargs):
        assert not (args[0] == "tesseract" and args[1].endswith(".png")), "Tesseract read a cached page again"
        return real_run(args, **kwargs)

    monkeypatch.setattr(load.subprocess, "run", no_ocr)
    warm = load_source(scan)
    monkeypatch.setattr(load.subprocess, "run", real_run)
    entries[0].write_bytes(entries[0].read_bytes()[:-3] + b"bad")
    rebuilt = load_source(scan)
    monkeypatch.setenv("MPSC_CACHE_DIR", "off")
    uncached = load_source(scan)
    assert cold.text == warm.text == rebuilt.text == uncached.text
    assert "Grüne Straßen" in cold.text


def test_file_named_pdf_that_is_no_pdf_is_refused(tmp_path):
    with pytest.raises(InputError, match="not a PDF"):
        load_source(write(tmp_path, "brochure.pdf", "Großstädte\n".encode()))


def test_encrypted_pdf_is_refused(tmp_path):
    pytest.importorskip("reportlab")
    from reportlab.pdfgen import canvas

    path = tmp_path / "locked.pdf"
    pdf = canvas.Canvas(str(path), encrypt="secret")
    pdf.drawString(60, 700, "Geheim")
    pdf.showPage()
    pdf.save()
    with pytest.raises(InputError, match="encrypted|not a readable PDF"):
        load_source(path)


def test_pdf_with_zero_pages_is_refused(tmp_path):
    with pytest.raises(InputError, match="no pages|not a readable PDF"):
        load_source(write(tmp_path, "empty.pdf", pdf_bytes([])))


@pytest.mark.parametrize("encoding", ["mac_roman", "cp850", "cp1252"])
def test_single_byte_german_is_read_in_its_own_encoding(tmp_path, encoding):
    from pipeline.read.load import bundled_path

    text = bundled_path().read_text(encoding="utf-8")
    text = "".join(c for c in text if c.encode(encoding, errors="ignore"))  # what the encoding can hold
    source = load_source(write(tmp_path, "brochure.txt", text.encode(encoding)))
    assert source.text == text and source.encoding == encoding


def test_text_whose_umlauts_no_encoding_explains_is_read_with_a_warning(tmp_path):
    source = load_source(write(tmp_path, "odd.txt", "Nur ASCII hier, und ein Zeichen: \x8f\x9d\x81 Ende".encode("latin-1")))
    assert source.warnings and "check the umlauts" in source.warnings[0]
