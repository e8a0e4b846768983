"""Is a piece of a record's body running text or figure text? The evidence of its words and of
its lines, for text without coordinates (an OCR text) as for a PDF's.

Running text is set to the column's measure: every line but a paragraph's last runs nearly to the
column's edge, since a line breaks only where the next word does not fit. A line that stops well
short while the next word would have fitted ends a paragraph, or is no line of the column at all
(a caption, a label, a box). German prose holds function words (articles, prepositions,
conjunctions: spaCy's German stop words) between its nouns, words the lexicon knows, and ends its
sentences with a stop; the labels of a diagram hold nouns, capitals and signs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.language.lexicon import Lexicon, german_stop_words
from pipeline.read.words import UNMAPPED_GLYPH
from pipeline.records.settings import RecordsSettings
from pipeline.records.text import JOINING_OPENINGS, WORDLIKE

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
SENTENCE_INSIDE = re.compile(r"\w[.!?][“”\"»]? +[A-ZÄÖÜ]")  # a sentence ends, another starts
# the same where a word in lower case ends it (no abbreviation's stop: 'Dr.', 'St.', 'z. B.', '12.')
WORD_STOP_WORD = re.compile(r"[a-zäöüß]{3,}[.!?] +[A-ZÄÖÜ]")
# a bullet: as a glyph no font maps (UNMAPPED_GLYPH); '¢': an English model's reading of one
# a German model reads a bullet as '«' with a second sign glued on or a space away ('«e', '«+', '—-', '« \\'), or as '°';
# an English one as a sign and '«' ('*«', '¢«')
LIST_MARK = re.compile(r"^(?:[•¢\-–—*+·»«>■▪●◆➢➤✓°](?:[e+«-]|\s?\\)?|" + UNMAPPED_GLYPH + r"|\(?[A-Z]?\d{1,2}[.):]?|[a-z][.)])"
                       r"\s*(?<=[\s\\])(?=\S)")


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """German function words: spaCy's German stop words (articles, pronouns, prepositions,
    conjunctions, auxiliaries and the commonest adverbs)."""
    return german_stop_words()


@dataclass(frozen=True)
class Evidence:
    """What the words and lines of a piece say about it."""

    words: int  # tokens of letters
    known: float  # share of them the lexicon knows
    function: float  # share of them that are function words
    debris: float  # share of all tokens that look like no word (signs, lone letters)
    sentence: bool  # it ends a sentence
    short_lines: bool  # two lines or more, each stopping well short of the measure: no column text
    full_lines: bool  # its lines but the last run to the measure (one line: the line is that long)


def piece_evidence(lines: list[str], measure: float, lexicon: Lexicon, settings: RecordsSettings) -> Evidence:
    """The lines of a piece and the column's measure (usual line length in characters) -> Evidence."""
    t = settings.text
    text = " ".join(l.strip() for l in lines).strip()
    words = WORD.findall(text)
    tokens = text.split()
    known = sum(known_word(w, lexicon, settings) for w in words)
    function = sum(w.lower() in function_words() for w in words)
    debris = sum(not WORDLIKE.match(tok) and not LIST_MARK.match(tok + " x") for tok in tokens)
    lengths = [len(l.strip()) for l in lines if l.strip()]
    body = lengths[:-1] if len(lengths) > 1 else lengths
    return Evidence(
        words=len(words),
        known=known / len(words) if words else 0.0,
        function=function / len(words) if words else 0.0,
        debris=debris / len(tokens) if tokens else 1.0,
        sentence=bool(text) and text.rstrip("“”\"')»«")[-1:] in (".", "!", "?"),
        short_lines=measure > 0 and len(lengths) >= 2 and max(lengths) < t.short_line_share * measure,
        full_lines=measure > 0 and bool(body) and min(body) >= t.full_line_share * measure,
    )


def known_word(word: str, lexicon: Lexicon, settings: RecordsSettings) -> bool:
    """A word the lexicon knows; a short one in capitals (an acronym); one in capitals whose
    ordinary spelling it knows ('INNOVATIONS'); a hyphenated one whose parts it knows."""
    least = settings.fields.quality_min_zipf
    if "-" in word:
        return all(known_word(part, lexicon, settings) for part in word.split("-") if part)
    if word.isupper():
        return len(word) <= settings.fields.acronym_max_chars or lexicon.zipf(word.capitalize()) >= least \
            or lexicon.zipf(word.lower()) >= least
    return lexicon.zipf(word) >= least


def reads_as_prose(ev: Evidence, settings: RecordsSettings) -> bool | None:
    """True: running text; False: figure text (labels, captions, debris); None: the evidence
    does not decide."""
    t = settings.text
    if ev.words == 0 or ev.debris > t.debris_max_share or ev.known < t.figure_max_known:
        return False
    if ev.short_lines and not ev.sentence:
        return False
    if ev.function < t.label_max_function and not ev.sentence and ev.words <= t.label_max_words:
        return False
    if ev.known >= t.prose_min_known and ev.function >= t.prose_min_function and (ev.sentence or ev.full_lines):
        return True
    return None


def ends_early(line: str, next_line: str, measure: float, settings: RecordsSettings) -> bool:
    """A line that stops although the next line's first word would have fitted on it: the end of
    a paragraph, or no line of the running text (a hyphen at its end says it goes on; so does a
    joiner in lower case opening the next line under a line of words: no paragraph opens so, an
    item's line may follow a short one: '• ein Portal für Bürger' | 'und Betriebe der Stadt'; a
    lone number or label over it is a figure's: '2021' | 'und Bürgern der Stadt …')."""
    line, following = line.rstrip(), next_line.strip()
    if not line or not following or line.endswith("-") or measure <= 0:
        return False
    if following.split()[0] in JOINING_OPENINGS and len(line.split()) >= 2 and line.split()[-1].isalpha():
        return False
    return len(line) + 1 + len(following.split()[0]) < settings.text.early_end_share * measure


def stops_short_on_a_function_word(line: str, following: str, measure: float, settings: RecordsSettings) -> bool:
    """One line that stops on a function word ('… mit der') although the first word of the text
    after it would have fitted on it, over text that opens with a capital: no line of a sentence
    going on there, since a sentence's line runs on to the measure while its next word fits (a
    slogan 'Gemeinsam digital – mit der', a caption over the text)."""
    return ends_open(line) and not line.rstrip().endswith("-") and following.strip()[:1].isupper() \
        and ends_early(line, following, measure, settings)


def opens_anew(text: str, lexicon: Lexicon) -> bool:
    """Text that opens a sentence: a function word with a capital (opens_sentence) or an adjective
    with one ('Regelmäßige Sicherungen …'); text stopping on a function word cannot go on in it."""
    first = (text.split() or [""])[0]
    return opens_sentence(text, lexicon) or (first.isalpha() and first[:1].isupper()
                                             and lexicon.tags.best_tag(first) == "ADJ(A)")


def labels_only(text: str) -> bool:
    """Words and no function word among them ('Messen', 'Idee Werkstatt Prototyp'): labels, no
    item of a list ('Energie und Klima')."""
    words = WORD.findall(text)
    return bool(words) and not any(w.lower() in function_words() for w in words)


def stops_on_an_attributive_adjective(text: str, lexicon: Lexicon, any_case: bool = False) -> bool:
    """Text that stops on an adjective that goes before a noun, in lower case ('… einer genauen')
    or, `any_case`, with a capital too ('… Quartiere Bezahlbarer'): its noun is still to come."""
    last = (text.split() or [""])[-1]
    return last.isalpha() and (any_case or last.islower()) and lexicon.tags.best_tag(last) == "ADJ(A)"


def verb_after_a_clause(text: str, lexicon: Lexicon) -> bool:
    """Text stopping on a finite verb right after a comma ('Wer heute die Grundlagen legt,
    schafft'): a clause opened the sentence, and its main clause waits for the rest."""
    last = re.search(r",\s+([a-zäöüß]{2,})$", text.strip())
    return last is not None and any(tag.endswith("(FIN)") for tag in lexicon.tags.tag_names(last.group(1)))


def may_open_a_later_sentence(text: str, before: str | None, following: str, measure: float, lexicon: Lexicon,
                              settings: RecordsSettings) -> bool:
    """A piece without a finite verb whose sentence may go on after figure text: the running text
    before it ended its sentence, so text going on later goes on from this piece
    ('Quartiersmanagerinnen und Quartiersmanager' | figure | 'sammeln Wünsche …'; 'Lernen und
    Arbeiten im Ort Im ehemaligen' | figure | 'Gasthof ist …'); not a line stopping on a function
    word short of the next text's first word (a slogan: stops_short_on_a_function_word), nor one
    with a colon (a label's: 'Foto: Marktplatz am Abend'). A piece that ends on a sentence's opener
    ('Neue Wege für kleine Gemeinden Nicht': ends_on_an_opener) opens that sentence whatever stands
    before it. A piece opening on a participle with a capital ('Gefördert vom Bund') is a label's."""
    ended = before is None or not stops_inside(before) or ends_on_an_opener(text, lexicon)
    return ended and ":" not in text and not stops_short_on_a_function_word(text, following, measure, settings) \
        and not opens_on_a_participle(text, lexicon)


POINT_SIGN = re.compile(r"[@®©™=•*■▪●◆¢]")  # a map point's sign as an OCR reads it ('@', '®', '=')


def marked_points(text: str) -> bool:
    """A line of places each after a sign, two or more signs that are no words ('mw Hersbruck @
    Lauf an der Pegnitz ® Altstadt'): a map's points read as one line, no sentence."""
    tokens = text.split()
    signs = [k for k, t in enumerate(tokens) if POINT_SIGN.fullmatch(t)]
    return len(signs) >= 2 and all(k + 1 < len(tokens) and tokens[k + 1][:1].isupper() for k in signs)


LISTING_JOINER_END = re.compile(r"\w, [^,]+ (?:und|oder|sowie)$")  # 'In Bad Säckingen, Schöppingen und'


def awaits_last_item(text: str) -> bool:
    """Text listing with a comma and stopping on the joiner before the list's last item ('In Bad
    Säckingen, Schöppingen und'): the item, a name or a noun with a capital, opens the text it
    goes on in."""
    return bool(LISTING_JOINER_END.search(text.rstrip()))


def opens_on_a_participle(text: str, lexicon: Lexicon) -> bool:
    """Text opening on a past participle with a capital ('Gefördert vom Bund', 'Erstellt von …'):
    without a finite verb after it, a label's words (a funding line, a credit), no sub-heading."""
    first = (text.split() or [""])[0]
    return first[:1].isupper() and lexicon.tags.best_tag(first) == "VV(PP)"


def names_no_action(text: str, lexicon: Lexicon) -> bool:
    """Text with no verb in lower case ('Bildung und Teilhabe', 'Verwaltung und Stadtwerke'): it
    can name a field, as an item does; a slogan has its verb ('Gemeinsam gestalten')."""
    return not any((lexicon.tags.best_tag(w) or "")[:1] == "V" for w in re.findall(r"\b[a-zäöüß]{2,}\b", text))


WORDMARK_WORD = re.compile(r"[A-ZÄÖÜ]{5,}|[a-zäöüß]+[A-ZÄÖÜ][^\W\d_]*")  # 'TÜBINGEN', 'smarT', 'smART'
WORDMARK_MAX_WORDS = 5
PUNCTUATION_MARKS = ".,;:!?()\"'"


def set_like_a_logo(word: str) -> bool:
    """A word in capitals ('TÜBINGEN') or with a capital inside ('smarT'): a logo's lettering."""
    return bool(WORDMARK_WORD.fullmatch(word.strip(PUNCTUATION_MARKS)))


def wordmark(lines: list) -> bool:
    """One short line with a word set in capitals or with a capital inside ('smart city TÜBINGEN',
    'smART CITY LÜNEN') and no function word: a logo's words, no line of running text."""
    words = lines[0].text.split() if len(lines) == 1 else []
    return 0 < len(words) <= WORDMARK_MAX_WORDS and not any(w.lower() in function_words() for w in words) \
        and any(set_like_a_logo(w) for w in words)


def stops_inside(text: str) -> bool:
    """Running text that stops inside a sentence: no stop, colon or semicolon at its end."""
    return bool(text) and text.rstrip("“”\"'»«)")[-1:] not in (".", "!", "?", ":", ";")


def list_mark(text: str) -> str | None:
    """The mark an item of a list starts with ('•', '–', 'A1', '3.', 'b)'), None for none."""
    m = LIST_MARK.match(text.strip())
    return m.group().strip() if m else None


def unmarked(text: str) -> str:
    """Text without the list mark it starts with ('• lebendige Ortskerne' -> 'lebendige Ortskerne'):
    a mark is neither a word nor debris."""
    return LIST_MARK.sub("", text.strip(), count=1) or text


def ends_open(text: str) -> bool:
    """Text that cannot end a sentence: it stops on a word broken at the line's end ('veröffentli-'),
    on a function word in lower case ('… messen die', '… und'; not one that closes a phrase after a
    preposition: '… für alle', '… von morgen'), or on one with a capital that opens the sentence
    after a stop ('… aussahen. Die')."""
    text = text.rstrip()
    if text.endswith("-") and not text.endswith(" -"):
        return True
    words = text.split()
    last = words[-1] if words else ""
    if len(words) >= 2 and words[-2][-1:] in ".!?" and last[:1].isupper() and last[1:].islower():
        last = last.lower()  # a sentence's first word
    if last in CLOSING_AFTER_A_PREPOSITION and len(words) >= 2 and words[-2].lower() in CLOSING_PREPOSITIONS:
        return False  # 'Zukunft für alle', 'die Stadt von morgen': a phrase that ends so
    return len(last) >= 2 and last.islower() and last.isalpha() and last in function_words()


# stop words (function_words) that, after a preposition, close a phrase ('für alle', 'von heute')
CLOSING_AFTER_A_PREPOSITION = frozenset({"alle", "heute", "morgen", "gestern"})
CLOSING_PREPOSITIONS = frozenset({"für", "von", "ab", "bis", "seit"})


SENTENCE_OPENERS = frozenset({"ART", "PDS", "PDAT", "PPER", "PPOSAT", "PIS", "PIAT", "APPR", "APPRART", "KON", "KOUS",
                              "PROAV", "ADV", "PWAV", "PWS", "PTKNEG"})  # HanTa's tags of words that open a sentence


def ends_on_an_opener(text: str, lexicon: Lexicon) -> bool:
    """Text that stops on a function word with a capital that opens a sentence, after other words
    ('Lernen und Arbeiten im Ort Im'): a heading an OCR read into one line with its paragraph's
    first word, whose sentence goes on after."""
    words = text.split()
    return len(words) >= 2 and opens_sentence(words[-1], lexicon)


def opens_a_sentence_within(text: str, lexicon: Lexicon) -> bool:
    """Text in which, after words that end no sentence, a function word with a capital opens a
    sentence that holds neither an end nor a finite verb yet: as its last word ('Lernen und
    Arbeiten im Ort Im'), or before a word in lower case ('Bildung und Kompetenzen Damit alle
    Menschen'; not a place's 'Am Markt', 'Zum Hafen'): a heading an OCR read into one line with
    its paragraph's first words; the sentence goes on after."""
    words = text.split()
    for k in range(1, len(words)):
        if words[k - 1][-1:] in ".:!?" or not opens_sentence(words[k], lexicon) \
                or (k + 1 < len(words) and not words[k + 1][:1].islower()):
            continue
        rest = " ".join(words[k:])
        if not holds_sentence_end(rest) and not has_finite_verb(rest, lexicon):
            return True
    return False


def holds_sentence_end(text: str) -> bool:
    """Text that ends a sentence: a stop or a colon at its end, or a stop before a capital inside."""
    return text.rstrip("“”\"')»«")[-1:] in (".", "!", "?", ":") or bool(SENTENCE_INSIDE.search(text))


POLITE_FORMS = frozenset({"sie", "ihnen", "ihr", "ihre", "ihren", "ihrem", "ihrer", "ihres"})  # 'Sie' mid-sentence


def opens_sentence_anew(text: str, lexicon: Lexicon) -> bool:
    """opens_sentence, where the word cannot stand inside one with its capital: the polite forms
    ('… und bittet' | 'Sie um Ideen …') can."""
    first = text.split()[0] if text.split() else ""
    return opens_sentence(text, lexicon) and first.lower() not in POLITE_FORMS


def opens_sentence(text: str, lexicon: Lexicon) -> bool:
    """Text whose first word is a function word with a capital ('Das', 'Wir', 'Mit'): in German it
    opens a sentence and cannot go on with one (a noun with a capital can)."""
    first = text.split()[0] if text.split() else ""
    return first[:1].isupper() and first[1:].islower() and first.isalpha() and first.lower() in function_words() \
        and lexicon.tags.best_tag(first) in SENTENCE_OPENERS


def word_completed(before: str, after: str, lexicon: Lexicon, settings: RecordsSettings) -> bool:
    """Text that ends in a word broken at the line's end ('veröffentli-') and text whose first word
    completes it in lower case into a known word ('chen'): the two go on from each other."""
    tail = re.match(r"[a-zäöüß]+", after)
    return before.endswith("-") and not before.endswith(" -") and bool(tail) and bool(before.split()) \
        and lexicon.zipf(before.split()[-1].rstrip("-") + tail.group()) >= settings.fields.quality_min_zipf


def stops_on_a_finite_verb(text: str, lexicon: Lexicon) -> bool:
    """Text that stops on a finite verb in lower case with no sign after it ('… in Thüringen können'):
    a sentence whose middle (its subject or object, a noun phrase) may come next."""
    last = (text.split() or [""])[-1]
    return last.isalpha() and last.islower() and has_finite_verb(last, lexicon)


def opens_on_a_noun(text: str, lexicon: Lexicon) -> bool:
    """Text whose first word is a noun or a name with its capital ('Menschen beim Einkauf …',
    'Beschäftigte und klare …')."""
    first = (text.split() or [""])[0].rstrip(",;:.")
    return first[:1].isupper() and (lexicon.tags.best_tag(first) or "")[:1] == "N"


def has_finite_verb(text: str, lexicon: Lexicon) -> bool:
    """A word in lower case that HanTa knows as a finite verb ('bietet', 'wollen'); words in
    capitals are left out, since HanTa reads many nouns as verbs too ('Quartiere')."""
    return any(any(tag.endswith("(FIN)") for tag in lexicon.tags.tag_names(word))
               for word in dict.fromkeys(re.findall(r"\b[a-zäöüß]{2,}\b", text)))


LABEL_WORD = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜa-zäöüß]+)*")
LABEL_ROW_MIN_WORDS = 3  # a line of this many capitalised words and nothing else reads like a row of labels


def label_row(line: str) -> bool:
    """A line of three or more capitalised words and nothing else: no function word, no sign, no
    number ('Wohnen Handel Teilhabe Mobilität'). Running text's lines hold function words."""
    words = line.split()
    return len(words) >= LABEL_ROW_MIN_WORDS \
        and all(LABEL_WORD.fullmatch(w) and w.lower() not in function_words() for w in words)
