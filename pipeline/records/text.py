"""Small tests and joins of the text a record is read from: paragraphs of lines, their words,
whether a piece reads like running text, a value or figure debris."""
from __future__ import annotations

import re

from pipeline.records.name_wrap import ABBREVIATION, CLAUSE_AFTER_COMMA, SENTENCE_END_INSIDE
from pipeline.records.segment import Line
from pipeline.records.settings import RecordsSettings

WORDLIKE = re.compile(r"^[(„\"#]?[^\W\d_]{2,}(?:[\w*/.#@-]|:(?=\w))*[)“\".,;:!?]*$|^\d+[.,]?\d*[.,:;%)]*$|^[-–&]$")
DEBRIS_CHARS = re.compile(r"[|\\\[\]{}~$%=<>^°©®™]")


def letters_share(text: str) -> float:
    chars = [c for c in text if not c.isspace()]
    return sum(c.isalpha() for c in chars) / len(chars) if chars else 0.0


def looks_like_value(text: str, settings: RecordsSettings) -> bool:
    """A title or motto candidate: mostly letters, at least two real words, no figure debris."""
    s = settings.text
    words = re.findall(r"[^\W\d_]{3,}", text)
    return (letters_share(text) >= s.value_min_letters and len(words) >= s.value_min_words
            and not DEBRIS_CHARS.search(text) and wordlike_share(text) >= s.wordlike_min_share)


def displaced_value(text: str, settings: RecordsSettings) -> bool:
    """A value found away from its label needs more evidence than one on the label's line:
    three words at least (dots join words in slogans like 'offen.klug.verbunden')."""
    words = re.findall(r"[^\W\d_]{2,}", text)
    return looks_like_value(text, settings) and len(words) >= settings.text.displaced_min_words


def name_key(name: str, generic: frozenset[str] = frozenset()) -> str:
    """The most distinctive word of a name, used to spot its text in another project's pages: its
    longest word that is no `generic` word of names ('Landkreis', 'Kooperation': any text may
    say 'der Landkreis')."""
    words = re.findall(r"[^\W\d_][\w-]+", name)
    return max([w for w in words if w not in generic] or words or [name], key=len)


def paragraphs(lines: list[Line]) -> list[list[Line]]:
    groups, current = [], []
    for line in lines:
        if line.blank:
            if current:
                groups.append(current)
            current = []
        else:
            current.append(line)
    if current:
        groups.append(current)
    return groups


SPACES = re.compile(r"\s+")


def join_lines(lines: list[Line]) -> str:
    return SPACES.sub(" ", " ".join(l.text.strip() for l in lines)).strip()


def is_prose(para: list[Line], settings: RecordsSettings) -> bool:
    text = join_lines(para)
    return len(text.split()) >= settings.text.prose_min_words and letters_share(text) >= settings.text.prose_min_letters


LISTING_REST_MIN_WORDS = 5  # a sentence's words besides its listed names; a box of keywords has fewer


def sentence_like(text: str, settings: RecordsSettings) -> bool:
    """German running text has articles, verbs and prepositions in lower case between its nouns;
    labels of a diagram or a poster ('Digitale Plattform Intelligente Quartiere') have few. The
    capitalised names a sentence lists with commas ('aus Nordrhein-Westfalen, Bayern, Sachsen und
    …') are one of its noun phrases: they do not count where the sentence has words enough besides
    (LISTING_REST_MIN_WORDS; a box of keywords, 'Mobilität, Energie, … und Verwaltung', has not)."""
    words = re.findall(r"[^\W\d_]{2,}", text)
    unlisted = [w for token in text.split() if not (token.endswith(",") and token[:1].isupper())
                for w in re.findall(r"[^\W\d_]{2,}", token)]
    words = unlisted if len(unlisted) >= LISTING_REST_MIN_WORDS else words
    return bool(words) and sum(w[0].islower() for w in words) / len(words) >= settings.text.sentence_min_lower


def wordlike_share(text: str) -> float:
    """Share of tokens that look like words (figure debris is full of stray letters and symbols)."""
    tokens = text.split()
    return sum(1 for t in tokens if WORDLIKE.match(t)) / len(tokens) if tokens else 0.0


VALUE_MAX_WORDS = 12  # a title or motto is shorter: a longer value ran into the text beside it
CLAUSE_MIN_WORDS = 8  # a shorter value lists words ('Smarter, nachhaltiger Tourismus', '…: fürsorglich, menschlich, bunt')
# (no 'aus', 'auf', 'nach', 'durch', 'über': a separable verb's particle ends a slogan: 'Wir packen aus')
VALUE_END_CONNECTOR = re.compile(r"(?:,|\b(?:und|oder|sowie|mit|in|an|am|bei|ohne|gegen|vom|beim|"
                                 r"der|die|das|den|dem|des|für|ein|eine|einen|einem|einer|eines|kein|keine|keinen|"
                                 r"keiner|zur|zum|im|von|wie|dass))$")
# a comma and a word that opens a clause no slogan has ('Lehrkräfte berichten, dass …')
CLAUSE_OPENED = re.compile(r",\s*(?:dass|weil|obwohl|sodass)\b")  # (no 'ob', 'wenn': 'Smart für alle, ob jung oder alt')
# a value's first sentence, of a sentence's words, stops on a word in lower case (no abbreviation)
# and a word follows ('Die nächsten Schritte sind bereits geplant. Auch'; not a slogan's 'Digital
# und nah. Heute', 'Hier wird Zukunft gemacht. Gemeinsam.' or 'Stadt bzw. Land')
FIRST_SENTENCE_STOP = re.compile(r"^[^.!?]*?(?:\S+\s+){4,}(?!" + ABBREVIATION + r")[a-zäöüß]{2,}\.\s+\S")
# words of two letters in lower case a title may end in: German, English ('to go', 'level up'), units
TWO_LETTER_WORDS = frozenset("ab am an da du eh er es im in ja je ob oh so um wo zu "
                             "at by go is it me my no of on or to up us we cm ha kg km kw mm mw qm".split())
# a finite auxiliary or modal verb at the end of a clause that no subordinating word opens stands
# in second place: its subject and the rest follow ('Auch über Staatsgrenzen hinweg wird')
VERB_SECOND_END = re.compile(r"\b(?:wird|werden|wurde|wurden|ist|sind|war|waren|hat|haben|hatte|hatten|kann|können|"
                             r"konnte|soll|sollen|sollte|muss|müssen|darf|dürfen|will|wollen)$")
SUBORDINATOR = re.compile(r"\b(?:was|wie|wo|wer|wen|wem|wohin|woher|dass|ob|wenn|weil|damit|als)\b|"
                          r",\s*(?:\w+\s+)?(?:der|die|das|dem|den|denen|deren|dessen)\b", re.IGNORECASE)


JOINING_OPENINGS = ("und", "oder", "sowie", "sondern")  # no title or motto opens on a joiner in lower case


def value_running_text_reason(value: str, settings: RecordsSettings) -> str | None:
    """Why a title or motto read from its label's line reads as running text (an OCR read the
    label's column across into the text beside it), or None: too long, a sentence's middle
    (a lower-case start, three words or more, mostly lower case: no slogan like
    'stadt.land.smart'), cut after a connector or a colon or after a verb in second place, a clause
    after a comma (in eight words or more), a sentence that ends
    inside it on a word in lower case (a verb), or words of hardly letters."""
    words = value.split()
    real = re.findall(r"[^\W\d_]{2,}", value)
    if not re.search(r"[^\W_]", value):
        return "it holds no letter or digit"
    if len(words) > VALUE_MAX_WORDS:
        return f"{len(words)} words"
    if value[:1].islower() and len(words) >= 3 and sum(w[0].islower() for w in real) / len(real) >= 0.5:
        return "it begins in lower case, inside a sentence"
    if len(words) > 1 and words[0] in JOINING_OPENINGS:
        return f"it begins with '{words[0]}': the line before it is lost (a heading's or a name's second line?)"
    if len(words) > 1 and VALUE_END_CONNECTOR.search(value.strip()):
        return "it ends in a word that goes on"
    if re.search(r"[^\W\d_]-$", value.strip()):
        return f"it ends in '{words[-1]}', a word broken at a line's end"
    if len(words) >= 3 and VERB_SECOND_END.search(value.strip()) and not SUBORDINATOR.search(value):
        return f"it stops on its verb '{words[-1]}': the sentence goes on after it"
    marks = [w for w in words[1:] if re.fullmatch(r"[^\w–—&+/-]+", w)]
    if marks:
        return f"it holds the lone mark '{marks[0]}' (a speck an OCR read as one?)"
    if len(words) > 1 and len(words[-1]) == 1 and words[-1].isalpha():
        return f"it ends in the lone letter '{words[-1]}' (a speck an OCR read as one?)"
    if len(words) > 1 and len(words[-1]) == 2 and words[-1].isalpha() and words[-1].islower() \
            and words[-1] not in TWO_LETTER_WORDS:
        return f"it ends in '{words[-1]}', no word: what is left of a word an OCR lost?"
    if value.rstrip().endswith(":"):
        return "it ends in a colon: what follows it stands elsewhere"
    if (len(words) >= CLAUSE_MIN_WORDS and CLAUSE_AFTER_COMMA.search(value)) or CLAUSE_OPENED.search(value):
        return "a clause follows a comma"
    if SENTENCE_END_INSIDE.search(value) or FIRST_SENTENCE_STOP.search(value):
        return "a sentence ends inside it"
    if len(words) > 1 and letters_share(value) < settings.text.value_min_letters:  # a number alone may be a title
        return "it is hardly letters"
    return None
