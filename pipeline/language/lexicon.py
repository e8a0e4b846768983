"""German word knowledge for the OCR repair: how common a word is, with compounds.

Frequencies come from wordfreq's large German list (Zipf scale: 7 = very common, 1 = rare,
0 = unknown). The 16 Länder from ISO 3166-2:DE and the reviewer's lexicon additions count as
common words. German compounds that the list lacks are scored by their two parts.

wordfreq folds case and ß (Maße and Masse are one entry). Where spelling matters, the exact
form is looked up in spaCy's German lexeme probabilities (spacy-lookups-data, a million forms as
written: 'überfüllt' against 'Überfüllt', 'Größe' against 'Große').
"""
from __future__ import annotations

import gzip
import json
import math
import re
from functools import lru_cache, wraps
from pathlib import Path

import marisa_trie
import spacy_lookups_data

from pipeline.cache import KeptTable, cached_table, cached_word_set, cached_word_table, key_of, version_of
from pipeline.language.tags import WordTags

KNOWN_NAME_ZIPF = 4.0
# A compound scores as its weakest part less this. Measured on wordfreq itself: for 2,471 listed
# words of 12+ letters, the listed frequency lies a median 1.05 below (weakest part - 0.5).
COMPOUND_PENALTY = 1.5
MIN_PART = 3
MAX_COMPOUND_LETTERS = 64  # German's long compounds have some 40 letters
MAX_KEPT = 400_000  # estimates kept across runs (a few MB)
LINKING = ("s", "es", "n", "en")
ADJECTIVE_ENDINGS = ("en", "er", "es", "em", "e")
ADJECTIVE_FORM_MIN_ZIPF = 2.5
COMPOUND_CHECK_BELOW = 3.0
MIN_PART_ZIPF = 2.5


@lru_cache(maxsize=1)
def wordfreq_german() -> dict[str, float]:
    """Word -> frequency (not Zipf: converting 600,000 entries up front costs half a second),
    kept in the cache folder as a trie (cache.cached_word_table)."""
    def from_wordfreq() -> dict[str, float]:
        import wordfreq  # 0.1 s to import: only to make the table

        table = wordfreq.get_frequency_dict("de", wordlist="large")
        # wordfreq keeps the list and the dict for the process's life (lru_cache): 100 MB that a
        # run answered from the trie no longer needs
        wordfreq.get_frequency_dict.cache_clear()
        wordfreq.get_frequency_list.cache_clear()
        return table

    return cached_word_table("wordfreq", wordfreq_key(), from_wordfreq, number=True)


def wordfreq_key() -> str:
    return key_of("wordfreq-de-large", version_of("wordfreq"))


@lru_cache(maxsize=1)
def common_word_ends():
    """Every word wordfreq lists at MIN_PART_ZIPF or more, spelt backwards (a marisa Trie): the
    parts a compound may end in, all found by one look-up of the compound spelt backwards (the
    compound estimate would otherwise look up every cut of every word it is asked)."""
    def backwards() -> list[str]:
        return [word[::-1] for word, freq in wordfreq_german().items() if math.log10(freq) + 9 >= MIN_PART_ZIPF]

    return cached_word_set("word-ends", key_of("word-ends", wordfreq_key(), str(MIN_PART_ZIPF)), backwards)


@lru_cache(maxsize=1)
def german_stop_words() -> frozenset[str]:
    """spaCy's German stop words (articles, pronouns, prepositions, conjunctions, auxiliaries,
    the commonest adverbs), read from spaCy's file of them (spacy/lang/de/stop_words.py: one set,
    no imports). Imported through spaCy, the set would import all of spaCy: 0.7 s of a run."""
    import importlib.util

    spacy_dir = Path(importlib.util.find_spec("spacy").origin).parent  # finds spaCy, imports none of it
    spec = importlib.util.spec_from_file_location("_spacy_de_stop_words", spacy_dir / "lang" / "de" / "stop_words.py")
    if spec is None or not Path(spec.origin).is_file():
        from spacy.lang.de.stop_words import STOP_WORDS  # spaCy laid out otherwise

        return frozenset(STOP_WORDS)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return frozenset(module.STOP_WORDS)


@lru_cache(maxsize=1)
def spelling_log_probs() -> dict[str, float]:
    """Form as written -> natural log of its probability. Loaded on first use: only the repair of
    damaged text asks (spelling_tables)."""
    return spelling_tables()[0]


@lru_cache(maxsize=1)
def spelling_tables() -> tuple[dict[str, float], dict[str, str]]:
    """The spelling list (form -> log probability) and its put-back index (put_back_index), each
    a trie shipped with the package or kept in the cache folder (cache.cached_word_table; keyed by
    spelling_key), which opens in milliseconds. Where the spelling list is made, its
    forms stream from the file into the trie and the put-back index is noted on the way: the
    JSON is read once, and its million forms never stand in one dict (150 MB)."""
    noted: dict[str, tuple[str, float]] = {}
    streamed = []  # [True] once every form went by

    def noting():
        for form, log_prob in spelling_entries():
            note_put_back(noted, form, log_prob)
            yield form, log_prob
        streamed.append(True)

    spelling = cached_word_table("spelling", spelling_key(), noting, number=True)
    index = cached_word_table("put-back", key_of("put-back", spelling_key(), PUT_BACK_FORMAT),
                              lambda: best_forms(noted) if streamed else put_back_of(spelling_entries()),
                              number=False)
    return spelling, index


SPELLING_BLOCK = 1 << 20  # bytes of the spelling list's JSON parsed at a time


def spelling_entries():
    """spaCy's German spelling list as (form, log probability), in its file's order (the commonest
    first). The file is one JSON object written a form a line (json.dump of a dict: each form
    once); it is parsed a block of lines at a time. A file laid out otherwise (a line break that
    does not follow a form) is parsed whole."""
    with gzip.open(spelling_source(), "rb") as f:
        text = f.read()
    start, end = text.find(b"{") + 1, text.rfind(b"}")
    if not 0 < start <= end or text.count(b"\n") != text.count(b",\n") + 2:
        yield from json.loads(text).items()
        return
    while start < end:
        cut = text.find(b",\n", min(start + SPELLING_BLOCK, end), end)
        cut = end if cut == -1 else cut
        yield from json.loads(b"{" + text[start:cut] + b"}").items()
        start = cut + 1


def spelling_source() -> Path:
    return Path(spacy_lookups_data.get_file("de_lexeme_prob.json.gz"))


def spelling_key() -> str:
    """What the spelling list and the tables made from it depend on: the package's version and
    the file's name and size (no path or time: the tables shipped with mpsc match any
    installation of that version, cache.py)."""
    source = spelling_source()
    return key_of(source.name, str(source.stat().st_size), spacy_lookups_data.__version__)


PUT_BACK_FORMAT = "one of äöüß left out, at most one other umlaut plain"  # part of the index's cache key
UMLAUT_OF = {"a": "ä", "o": "ö", "u": "ü", "A": "Ä", "O": "Ö", "U": "Ü"}
PLAIN_OF = {umlaut: plain for plain, umlaut in UMLAUT_OF.items()}
HAS_UMLAUT = re.compile("[äöüßÄÖÜ]")  # a form put_back_readings may find a letter to leave out in
# the two ways German text is written without umlauts and ß: plain vowels (how an English OCR
# and fuzzy matching see them) and the transliteration (how ids and addresses spell them)
WITHOUT_UMLAUTS = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
TRANSLITERATED = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
# words after which a line-end hyphen stays: the first part of a pair ('Verkehrs- und Umweltplanung')
SUSPENDED_HYPHEN_NEXT = frozenset({"und", "oder", "bzw", "sowie", "bis", "als", "noch"})
# what joins the Länder of a cooperation on a size line ('Bayern, Hessen', 'Bayern und Hessen')
LAENDER_JOINERS = re.compile(r"[,;/]|\bund\b")


@lru_cache(maxsize=1)
def put_back_index() -> dict[str, str]:
    """A form as the OCR reads it when it left out one umlaut or ß (and lost at most one other
    umlaut's dots) -> the commonest form as written that reads so ('Straen' -> 'Straßen',
    'knnen' -> 'können', 'regelmaig' -> 'regelmäßig'). Built once from the spelling list
    (put_back_of) and kept in the cache folder as a trie (spelling_tables)."""
    return spelling_tables()[1]


def put_back_of(entries) -> dict[str, str]:
    """The spelling list's (form, log probability) in its file's order -> the put-back index: of
    forms alike in probability, the first."""
    best: dict[str, tuple[str, float]] = {}
    for form, log_prob in entries:
        note_put_back(best, form, log_prob)
    return best_forms(best)


def note_put_back(best: dict[str, tuple[str, float]], form: str, log_prob: float) -> None:
    """Note `form` in `best` (a reading -> the likeliest form so far and its log probability)
    under every reading put_back_readings gives it; of forms alike, the one noted first stays.
    Only a form with an umlaut or ß is read letter by letter (a seventh of them)."""
    if not form.isascii() and HAS_UMLAUT.search(form):  # isascii: the million plain forms at C speed
        for read in put_back_readings(form):
            if read not in best or log_prob > best[read][1]:
                best[read] = (form, log_prob)


def best_forms(best: dict[str, tuple[str, float]]) -> dict[str, str]:
    return {read: form for read, (form, _) in best.items()}


def put_back_readings(form: str):
    """How the OCR may read `form` with one of its umlauts or ß left out, and at most one other
    umlaut without its dots. A capital first letter left out leaves no word that would be read as
    this one ('ber' is read for 'über', not for 'Über')."""
    for found in HAS_UMLAUT.finditer(form):
        i = found.start()
        if found.group() in "ÄÖÜ" and not i:
            continue
        left_out = form[:i] + form[i + 1 :]
        if not left_out:
            continue
        yield left_out
        for j, other in enumerate(left_out):
            if other in PLAIN_OF:
                yield left_out[:j] + PLAIN_OF[other] + left_out[j + 1 :]


@lru_cache(maxsize=1)
def state_codes_by_name() -> dict[str, str]:
    """Name of each of the 16 Länder -> its ISO 3166-2 code ('Nordrhein-Westfalen' -> 'DE-NW'),
    kept in the cache folder: pycountry takes 0.07 s to import and read its 5,000 subdivisions."""
    def from_pycountry() -> list:
        import pycountry

        return [{s.name: s.code for s in pycountry.subdivisions.get(country_code="DE")}]

    return cached_table("laender", key_of("laender-de", version_of("pycountry")), from_pycountry, (dict,))[0]


def german_states() -> list[str]:
    """Canonical names of the 16 Länder (ISO 3166-2:DE), sorted."""
    return sorted(state_codes_by_name())


def state_code(name: str) -> str:
    return state_codes_by_name()[name]


@lru_cache(maxsize=1)
def code_and_list_stamp() -> str:
    """The word list's version, the Python that marshals the estimates and this module's source."""
    import sys

    return f"{version_of('wordfreq')}\n{sys.version}\n{Path(__file__).read_text(encoding='utf-8')}"


class Lexicon:
    """Zipf frequency of lower-cased German words, compounds included, and what a run works out
    from German words: HanTa's tags of each word asked (`tags`) and the answers of functions
    remembered for this lexicon (remembered_per_lexicon). Made once per run and handed down to
    the stages; what it learnt goes with it."""

    def __init__(self, additions: list[str] = ()):
        self._base = wordfreq_german()
        self._extra: dict[str, float] = {}
        for phrase in [*german_states(), *additions]:
            for word in phrase.replace("-", " ").split():
                self._extra[word.casefold()] = KNOWN_NAME_ZIPF
        self._additions = sorted(self._extra)
        self._extra_ends = marisa_trie.Trie(word[::-1] for word, zipf in self._extra.items() if zipf >= MIN_PART_ZIPF)
        self._common_ends = None  # common_word_ends(), on the first compound asked
        self._estimates = KeptTable("zipf", self.estimates_key, MAX_KEPT)  # zipf() of every word asked
        self._direct: dict[str, float] = {}  # the compound estimate asks for the same parts again and again
        self._compounds: dict[tuple[str, int], float] = {}
        self.tags = WordTags()  # HanTa's tags of every word asked in this run
        self._remembered: dict = {}  # function -> its answers for this lexicon (remembered_per_lexicon)
        self._kept_answers: dict[tuple[str, str], KeptTable] = {}  # kept_answers() by kind and key

    def direct(self, word: str) -> float:
        # wordfreq keys are case-folded, which turns ß into ss; the additions are kept the same way
        found = self._direct.get(word)
        if found is None:
            key = word.casefold()
            freq = self._base.get(key)
            found = self._direct[word] = max(math.log10(freq) + 9 if freq else 0.0, self._extra.get(key, 0.0))
        return found

    def spelled(self, word: str) -> float:
        """Zipf of `word` exactly as written (case and ß count), 0 when the form is unknown."""
        log_prob = spelling_log_probs().get(word)
        return log_prob / math.log(10) + 9 if log_prob is not None else 0.0

    def zipf(self, word: str) -> float:
        """Frequency of `word` (lower case); a compound scores as its weaker part, less a penalty."""
        word = word.lower()
        estimates = self._estimates.load()
        if word not in estimates:
            direct = self.direct(word)
            compound = self._compound_zipf(word, depth=2) if direct < COMPOUND_CHECK_BELOW else 0.0
            estimates[word] = max(direct, compound)
        return estimates[word]

    def estimates_key(self) -> str:
        """What zipf() depends on: the word list, the additions, this module's rules."""
        return key_of("zipf", code_and_list_stamp(), "\n".join(self._additions))

    def keep_estimates(self) -> None:
        """Keep the words this run estimated in the cache folder (a compound estimate tries every
        cut of a word: a document's 50,000 repair candidates cost a second), up to MAX_KEPT, and
        the answers of kept_answers()."""
        self._estimates.keep()
        for table in self._kept_answers.values():
            table.keep()

    def kept_answers(self, kind: str, key: str, limit: int) -> KeptTable:
        """A table of answers a later stage works out word by word with this lexicon (the repair's
        verdict on a word), read from the cache folder under `key` (which must name everything
        the answers depend on) and written back with the estimates (keep_estimates)."""
        table = self._kept_answers.get((kind, key))
        if table is None:
            table = self._kept_answers[(kind, key)] = KeptTable(kind, lambda: key, limit)
        return table

    def adjective_stem(self, word: str) -> str | None:
        """'starken' -> 'stark' when the word is an inflected adjective form: the stem takes every
        adjective ending (starke, starken, starker, starkes, starkem are all words). Nouns and
        verbs ('zahlen': no 'zahles', 'zahlem') do not."""
        for ending in ADJECTIVE_ENDINGS:
            stem = word[: -len(ending)]
            if word.endswith(ending) and len(stem) >= 2 and all(
                    self.direct(stem + e) >= ADJECTIVE_FORM_MIN_ZIPF for e in ADJECTIVE_ENDINGS):
                return stem
        return None

    def _compound_zipf(self, word: str, depth: int) -> float:
        known = self._compounds.get((word, depth))
        if known is None:
            known = self._compounds[(word, depth)] = self._compound_estimate(word, depth)
        return known

    def _compound_estimate(self, word: str, depth: int) -> float:
        best = 0.0
        if len(word) > MAX_COMPOUND_LETTERS:
            return best  # no word: every cut of it would be tried, at every depth
        for cut in self._cuts_before_common_parts(word):
            tail = self.direct(word[cut:])
            head = word[:cut]
            heads = [head] + [head[: -len(l)] for l in LINKING if head.endswith(l) and len(head) - len(l) >= MIN_PART]
            for h in heads:
                if h.endswith("e") and self.adjective_stem(h):
                    continue  # an adjective enters a compound bare (warm|wasser), never as 'warme|'
                z = self.direct(h)
                if z < MIN_PART_ZIPF and depth > 1:
                    z = max(z, self._compound_zipf(h, depth - 1))
                if z >= MIN_PART_ZIPF:
                    best = max(best, min(z, tail) - COMPOUND_PENALTY)
        return best

    def _cuts_before_common_parts(self, word: str) -> list[int]:
        """The cuts of `word` (MIN_PART letters or more either side) whose second part scores
        MIN_PART_ZIPF or more by direct(). A part is looked up case-folded, as direct() does; ß
        folds to two letters, so there a part's length is counted in folded letters."""
        if self._common_ends is None:
            self._common_ends = common_word_ends()
        folded = word.casefold()
        backwards = folded[::-1]
        ends = [len(end) for end in self._common_ends.prefixes(backwards)]
        if self._extra_ends:
            ends += [len(end) for end in self._extra_ends.prefixes(backwards)]
        if len(folded) == len(word):
            return list({len(word) - n for n in ends if MIN_PART <= n <= len(word) - MIN_PART})
        cuts, length = [], 0
        for cut in range(len(word) - 1, MIN_PART - 1, -1):
            length += len(word[cut].casefold())
            if length in ends and len(word) - cut >= MIN_PART:
                cuts.append(cut)
        return cuts


def remembered_per_lexicon(function):
    """`function(*args, lexicon)` -> the same function, its answers kept in a table that the
    lexicon owns: asked again in the run, it answers at once, and no answer outlives its
    lexicon (an lru_cache keyed on the lexicon would keep both)."""
    @wraps(function)
    def remembering(*args):
        remembered = args[-1]._remembered
        try:
            return remembered[function][args[:-1]]
        except KeyError:  # asked for the first time (a try is cheapest when the answer is known)
            answers = remembered.get(function)
            if answers is None:
                answers = remembered[function] = {}
            answer = answers[args[:-1]] = function(*args)
            return answer

    return remembering
