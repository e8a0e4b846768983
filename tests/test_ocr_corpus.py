"""OCR repair measured on real English-model Tesseract output of German text (tests/cases/ocr_corpus,
made by benchmarks/ocr_corpus.py from benchmarks/corpus/source_de_2.txt). The benchmark runs the
larger corpus; this keeps a floor under the figures."""
import pytest

from benchmarks.ocr_corpus import Setting, build_corpus, tools_missing
from benchmarks.ocr_repair import corpus_documents
from pipeline.repair.clean import clean_text
from pipeline.evaluate import score_text, text_to_words, word_error_rate

from .conftest import CASES

DOCS = corpus_documents(CASES / "ocr_corpus")


@pytest.mark.parametrize("doc", DOCS, ids=[d[0] for d in DOCS])
def test_repair_quality_on_tesseract_output(doc, lexicon, corrections):
    _, truth, ocr = doc
    repaired = clean_text(ocr, lexicon, corrections.confusions).text
    score = score_text(truth, ocr, repaired)
    raw_wer = word_error_rate(text_to_words(truth), text_to_words(ocr))
    assert score.damaged == 0
    assert score.wer <= raw_wer / 5
    assert score.umlaut_recall >= 0.93


@pytest.mark.slow  # Tesseract reads a generated page
@pytest.mark.skipif(bool(tools_missing()), reason=f"needs {', '.join(tools_missing())}")
def test_corpus_generator_makes_english_ocr_of_german(tmp_path):
    build_corpus(tmp_path, [Setting("Helvetica", 10, 150)], max_pages=1)
    ocr = (tmp_path / "helvetica-10-150" / "page-01.ocr.txt").read_text(encoding="utf-8")
    truth = (tmp_path / "helvetica-10-150" / "page-01.truth.txt").read_text(encoding="utf-8")
    assert len(text_to_words(ocr)) > 0.8 * len(text_to_words(truth))
    umlauts = sum(truth.count(c) for c in "äöüß")
    assert umlauts and sum(ocr.count(c) for c in "äöüß") < umlauts / 2  # the English model loses them
