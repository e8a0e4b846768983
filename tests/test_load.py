"""The load stage: text encodings and the PDF text layer."""
import pytest

from pipeline.errors import InputError
from pipeline.load import PAGE_BREAK, load_source

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


def test_pdf_without_text_layer_is_refused_with_what_to_install(tmp_path):
    path = write(tmp_path, "scan.pdf", pdf_bytes([[]]))
    with pytest.raises(InputError, match="tesseract-ocr-deu"):
        load_source(path)
