"""Benchmark: German OCR repair on a corpus made by benchmarks/ocr_corpus.py.

    python -m benchmarks.ocr_repair [CORPUS_DIR]

Without CORPUS_DIR it builds the large corpus in a temporary folder first (needs reportlab,
pdftoppm and tesseract). Prints, per setting and overall: word error rate of the raw OCR and
after repair, recall of words with ä/ö/ü/ß, and the damage rate (words the OCR had right that
the repair broke), for mpsc and for two spellcheckers run word by word.
"""
from __future__ import annotations

import re
import sys
from functools import lru_cache
import tempfile
import time
from pathlib import Path

from pipeline.repair.clean import clean_text
from pipeline.corrections import default_corrections_dir, load_corrections
from pipeline.edits import apply_edits
from pipeline.evaluate import TextScore, score_text, word_error_rate, text_to_words

from .ocr_corpus import LARGE, build_corpus, tools_missing

WORD = re.compile(r"[^\W\d_]+")
LONG_WORD = 10


def corpus_documents(corpus: Path) -> list[tuple[str, str, str]]:
    """(setting name, truth, ocr) per setting folder; pages are joined into one document."""
    docs = []
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
        truths = sorted(folder.glob("page-*.truth.txt"))
        truth = "\n\n".join(p.read_text(encoding="utf-8") for p in truths)
        ocr = "\n\n".join(p.with_name(p.name.replace(".truth.", ".ocr.")).read_text(encoding="utf-8") for p in truths)
        docs.append((folder.name, truth, ocr))
    return docs


def mpsc_repair():
    from pipeline.language.lexicon import Lexicon

    corrections = load_corrections(default_corrections_dir())
    lexicon = Lexicon(corrections.lexicon.words)
    return lambda text: clean_text(text, lexicon, corrections.confusions).text


def pyspellchecker_repair():
    from spellchecker import SpellChecker

    checker = SpellChecker(language="de")

    @lru_cache(maxsize=None)
    def fix(word: str) -> str:
        if checker.known([word.lower()]):
            return word
        # edit distance 2 on long German words takes minutes per word; 1 is what stays usable
        checker.distance = 2 if len(word) <= LONG_WORD else 1
        best = checker.correction(word.lower())
        return match_case(word, best) if best else word

    return lambda text: WORD.sub(lambda m: fix(m.group()), text)


def symspell_repair(dictionary_words: int = 200_000):
    from symspellpy import SymSpell, Verbosity
    from wordfreq import top_n_list, word_frequency

    sym = SymSpell(max_dictionary_edit_distance=2)
    for word in top_n_list("de", dictionary_words):
        if WORD.fullmatch(word):
            sym.create_dictionary_entry(word, max(1, int(word_frequency(word, "de") * 1e9)))

    @lru_cache(maxsize=None)
    def fix(word: str) -> str:
        suggestions = sym.lookup(word.lower(), Verbosity.TOP, max_edit_distance=2)
        return match_case(word, suggestions[0].term) if suggestions else word

    return lambda text: WORD.sub(lambda m: fix(m.group()), text)


def match_case(original: str, fixed: str) -> str:
    if original.isupper() and len(original) > 1:
        return fixed.upper()
    return fixed[:1].upper() + fixed[1:] if original[:1].isupper() else fixed


def total(scores: list[TextScore]) -> TextScore:
    words = sum(s.words for s in scores)
    umlauts = sum(s.umlaut_words for s in scores)
    return TextScore(
        words=words,
        wer=sum(s.wer * s.words for s in scores) / max(1, words),
        umlaut_words=umlauts,
        umlaut_recall=sum(s.umlaut_recall * s.umlaut_words for s in scores) / max(1, umlauts),
        damaged=sum(s.damaged for s in scores),
        correct_before=sum(s.correct_before for s in scores),
    )


def main() -> None:
    if len(sys.argv) > 1:
        corpus = Path(sys.argv[1])
    else:
        missing = tools_missing()
        if missing:
            raise SystemExit(f"missing: {', '.join(missing)}")
        corpus = Path(tempfile.mkdtemp(prefix="mpsc-corpus-"))
        print(f"building the corpus in {corpus} …", flush=True)
        build_corpus(corpus, LARGE)
    docs = corpus_documents(corpus)
    tools = {"mpsc": mpsc_repair(), "pyspellchecker": pyspellchecker_repair(), "symspellpy": symspell_repair()}
    print(f"{'setting':24} {'tool':15} {'words':>6} {'WER raw':>8} {'WER out':>8} {'umlaut rec':>10} {'damage':>8} {'sec':>6}")
    overall: dict[str, list[TextScore]] = {name: [] for name in tools}
    raw_wers = []
    for setting, truth, ocr in docs:
        raw_wer = word_error_rate(text_to_words(truth), text_to_words(ocr))
        raw_wers.append((raw_wer, len(text_to_words(truth))))
        for name, repair in tools.items():
            start = time.perf_counter()
            score = score_text(truth, ocr, repair(ocr))
            overall[name].append(score)
            print(f"{setting:24} {name:15} {score.words:6d} {raw_wer:8.4f} {score.wer:8.4f} {score.umlaut_recall:10.4f} "
                  f"{score.damage_rate:8.4%} {time.perf_counter() - start:6.1f}")
    raw_total = sum(w * n for w, n in raw_wers) / max(1, sum(n for _, n in raw_wers))
    print()
    for name, scores in overall.items():
        s = total(scores)
        print(f"{'ALL':24} {name:15} {s.words:6d} {raw_total:8.4f} {s.wer:8.4f} {s.umlaut_recall:10.4f} "
              f"{s.damage_rate:8.4%} ({s.damaged} of {s.correct_before} correct words broken)")


if __name__ == "__main__":
    main()
