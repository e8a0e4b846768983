"""Small misreadings of an OCR in a name, title or motto that no other check sees: a name that
is an overview's entry with words lost ('Bienenbüttel in Kooperation Suderburg und Ebstorf'), a
dash read twice ('Klug verbunden -— eine grüne Stadt'), a word with its last letter read twice
('fürr').

Needs the record's fields (name, title, motto), the overview's names and the lexicon. Produces
the name the overview gives (flagged) and doubts; it changes no title or motto.
"""
from __future__ import annotations

import re

from pipeline.language.lexicon import Lexicon, german_stop_words
from pipeline.records.draft import Doubt, flag
from pipeline.records.name_wrap import closest_listed
from pipeline.records.names import NameReading, is_subsequence, name_words
from pipeline.records.settings import RecordsSettings

DOUBLED_DASH = re.compile(r"[-–—]\s*[-–—]")
# words that never end a title or motto: an article, a possessive, a preposition or a conjunction
# that goes on (the shorter ones text.VALUE_END_CONNECTOR tells already)
UNFINISHED_END = re.compile(r"\b(?:einer|eines|einem|einen|ihre|ihrer|ihren|ihrem|seine|seiner|seinen|unsere|unserer|"
                            r"auf|zu|bei|nach|über|unter|vor|aus|durch|um|sich|dessen|deren|denen|ob|wenn|weil|"
                            r"sodass|damit|aber|sowie)$")
# a sign no word holds between its letters (a gender star or colon, 'Bürger*innen', 'Bürger:innen', is one)
SIGN_INSIDE_WORD = re.compile(r"[^\W\d_]+[®©¢£§¥|{}\[\]~^°$\\<>=][^\W\d_]+")
DOUBLED_MIN_RARER = 3.0  # 'fürr' (1.6) is this much rarer than 'für' (6.9) on the Zipf scale; 'denn'/'den' is not


def name_with_words_lost(reading: NameReading, listed: tuple[str, ...], settings: RecordsSettings) -> NameReading:
    """A name the overview check let pass (no doubt) that is the closest listed entry with words
    left out and specks read in ('… Kooperation Suderburg …', '… Kooperation n Suderburg …' for
    '… Kooperation mit Suderburg …': an OCR loses a short word) -> the entry, flagged, the specks
    its debris (to figure_text), and so is the entry with specks read between its words
    ('Landkreis e Fürstenfeldbruck'); any other reading as it is."""
    if reading.doubts or not listed:
        return reading
    entry, score = closest_listed(reading.name, listed)
    if score < settings.segment.listed_min_score:
        return reading
    theirs = name_words(entry)  # an entry's specks ('… und Oderwitz =') are no words the reading lost
    ours = [w for w in reading.name.casefold().split()
            if w in theirs or len(w) > settings.fields.speck_max_chars]
    specks = tuple(w for w in reading.name.split() if w.casefold() not in theirs
                   and len(w) <= settings.fields.speck_max_chars)  # kept, as the overview check keeps its debris
    if ours == theirs and specks:  # 'Landkreis e Fürstenfeldbruck': a speck read between the name's words
        return NameReading(" ".join(entry.split()), (flag(
            "name", f"read '{reading.name}'; the brochure's overview prints '{entry}', which was taken "
                    f"({', '.join(repr(w) for w in specks)} looks like OCR debris and went to figure_text)"),),
            debris=reading.debris + specks)
    if ours == theirs or len(ours) >= len(theirs) or not is_subsequence(ours, theirs):
        return reading
    return NameReading(" ".join(entry.split()), (flag(
        "name", f"read '{reading.name}'; the brochure's overview prints '{entry}', which was taken (the reading "
                "lost words of it)"),), debris=reading.debris + specks)


def unfinished_value_doubts(fields: dict, lexicon: Lexicon) -> list[Doubt]:
    """A title or motto that ends in a word that goes on ('Die Software steht unter einer', 'Haushalte
    können ihre') or in an adjective before its noun, in lower case ('Übertragen und an örtliche'),
    or is one or two words in lower case ending a sentence ('einschalten.'): a line of the text
    beside the label read as the value (an OCR ran a sidebar's rows into the text's); or begins
    with a lone mark or digit ('- Gemeinsam für …', '0 Lauf …': a speck read as a dash or a
    figure), or ends with a lone mark ('Märkisch-Oderland —': the value's words after it lost); or
    begins in lower case on an inflected adjective with no article ('gewonnenen Erfahrungen', a
    line of the text beside; a slogan's 'digital vernetzt' or 'stadt.land.smart' is none)."""
    doubts = []
    for field_name in ("title", "motto"):
        value = (fields.get(field_name) or "").strip()
        words = value.split()
        last_tag = lexicon.tags.best_tag(words[-1]) if words and words[-1].isalpha() and words[-1].islower() else None
        if len(words) > 1 and (UNFINISHED_END.search(value) or last_tag in ("ADJ(A)", "PPOSAT", "ART")):
            doubts.append(flag(field_name, f"it ends in '{words[-1]}', a word that goes on: a line of the text beside "
                                           "the label may have been read as the value"))
        elif len(words) > 1 and (not any(c.isalnum() for c in words[0]) or re.fullmatch(r"\d", words[0])):
            doubts.append(flag(field_name, f"it begins with the lone mark '{words[0]}' (a speck an OCR read as one, or "
                                           "a line of text beside it)"))
        elif len(words) > 2 and "," in " ".join(words[:-1]) and last_tag == "VV(FIN)":
            doubts.append(flag(field_name, f"it ends in the verb '{words[-1]}' after a clause and a comma: a sentence of the "
                                           "text beside the label may have been read as the value"))
        elif len(words) > 1 and words[0].isalpha() and words[0].islower() and lexicon.tags.best_tag(words[0]) == "ADJ(A)":
            doubts.append(flag(field_name, f"it begins in lower case on an inflected adjective ('{words[0]}') with no "
                                           "article before it: a line of the text beside the label may have been read as the value"))
        elif len(words) > 1 and not any(c.isalnum() for c in words[-1]):
            doubts.append(flag(field_name, f"it ends with the lone mark '{words[-1]}' (a line's break, a speck an OCR "
                                           "read as one, or words of the value lost)"))
        elif words and len(words) <= 2 and value[:1].islower() and re.fullmatch(r"[^\W\d_]+\.", words[-1]) \
                and value.count(".") == 1:  # no slogan ('meer.zukunft.seen.')
            doubts.append(flag(field_name, "a sentence's end in lower case: a line of the text beside the label may "
                                           "have been read as the value"))
    return doubts


def letter_lost(stub: str) -> bool:
    """A word of one or two small letters that is a German function word with one letter more
    ('ur': 'für', 'nur', 'zur'): an OCR lost a letter of it."""
    return any(f"{stub[:i]}{c}{stub[i:]}" in german_stop_words() for i in range(len(stub) + 1) for c in LETTERS)


LETTERS = "abcdefghijklmnopqrstuvwxyzäöüß"


def odd_word_doubts(fields: dict, lexicon: Lexicon) -> list[Doubt]:
    """A title or motto with letters but no word of three ('OJ': a speck or a box's edge read as
    the value), or holding a word in lower case that is only a noun's form ('Mobilität seen': no
    German title prints a noun so; a slogan's words joined by stops, 'meer.zukunft.seen.', stand
    as one token and are not asked about), or two short words in capitals or more among words in
    small letters that are no function words and not the name's ('Zwönitz OTE klug: ESET Region für
    all NS'), or a word of one or two small letters that is a function word with a letter lost
    ('Innenstadt ur alle': letter_lost), or a lone digit after an article for one ('für eine 5
    grüne Stadt': a speck), or that ends
    on a count with a thousands' dot after capitals ('Heute für morgen LIANCLS NINE S 253.628': a
    fact's label and value read into it): a word an OCR misread, flagged."""
    doubts = []
    for field_name in ("title", "motto"):
        value = fields.get(field_name) or ""
        if re.search(r"[^\W\d_]", value) and not re.search(r"[^\W\d_]{3}", value):
            doubts.append(flag(field_name, f"'{value.strip()}' has no word of three letters: a speck or a box's edge an "
                                           "OCR read may stand for the value"))
            continue
        words = [t.strip(".,;:!?()„“”\"'") for t in value.split()]
        nouns = [w for w in words
                 if w.isalpha() and w.islower() and w not in german_stop_words() and lexicon.tags.best_tag(w) == "NN"]
        named = {w.casefold() for w in re.findall(r"\w+", fields.get("name") or "")}
        # a function word that lost a letter ('ur' for 'für'; 'by', 'to', 'x' lose none); an abbreviation has its dot
        stubs = [w for t, w in zip(value.split(), words) if w.isalpha() and w.islower() and len(w) <= STUB_MAX_CHARS
                 and "." not in t and w not in german_stop_words() and w not in named and letter_lost(w)]
        # a lone digit after an article for one ('für eine 5 grüne Stadt'; not 'Wir sind 4 starke …'): a speck
        stubs += [w for a, w, b in zip(words, words[1:], words[2:])
                  if len(w) == 1 and w.isdigit() and a.lower() in ONE_ARTICLES and b.islower()]
        specks = [w for w in re.findall(r"\b[A-ZÄÖÜ]{2,5}\b", value)
                  if w.lower() not in german_stop_words() and w.casefold() not in (fields.get("name") or "").casefold()]
        if nouns:
            doubts.append(flag(field_name, f"'{nouns[0]}' is a noun's form in lower case: a word an OCR may have misread"))
        elif stubs:
            doubts.append(flag(field_name, f"'{stubs[0]}' is no German word: an OCR may have lost a letter of it "
                                           "or read a speck ('ur' for 'für', '5' between words)"))
        elif FACT_FIGURE_END.search(value) and not value.isupper():
            doubts.append(flag(field_name, f"'{value.strip()[-30:]}' ends on a figure like a fact's value "
                                           "(inhabitants, a sum): a box's label and value may be read into it"))
        elif len(specks) >= CAPITAL_SPECKS_MIN and not value.isupper():
            doubts.append(flag(field_name, f"{', '.join(repr(w) for w in specks)}: short words in capitals among words in "
                                           "small letters, as an OCR reads specks or a box's edge"))
    return doubts


FACT_FIGURE_END = re.compile(r"\b[A-ZÄÖÜ]{2,}(?:\s+[A-ZÄÖÜ]+)*\s+\d{1,3}(?:\.\d{3})+\s*$")  # '… LIANCLS NINE S 253.628'
ONE_ARTICLES = frozenset({"ein", "eine", "einer", "einem", "einen", "eines"})
STUB_MAX_CHARS = 2  # German's words of one or two small letters are function words ('zu', 'im'); others are stubs
CAPITAL_SPECKS_MIN = 2  # one such word is an abbreviation ('Hybride ILE …'); two or more among small letters are specks


# a sentence of four words or more ends inside and two words go on after it ('Dörfern nur zweimal am Tag. Erfurt
# klug: …'); a slogan's one-word sentences ('Smart City Potsdam - Innovativ. Grün. Gerecht.') do not
SENTENCE_INSIDE_VALUE = re.compile(r"(?:[^\s.!?]+\s+){3,}[^\W\d_]{3,}\.\s+[A-ZÄÖÜ][^\s.!?]*\s+[^\s.!?]+")


def sentence_inside_value_doubts(fields: dict) -> list[Doubt]:
    """A title or motto with a sentence's end inside it ('Dörfern nur zweimal am Tag. Erfurt klug:
    …'): a line of the text beside the label read into it."""
    return [flag(field_name, "a sentence ends inside it: a line of the text beside the label may have been read "
                             "into the value")
            for field_name in ("title", "motto") if SENTENCE_INSIDE_VALUE.search(fields.get(field_name) or "")]


def misread_mark_doubts(fields: dict, lexicon: Lexicon) -> list[Doubt]:
    """A title or motto holding two dashes in a row, and a name, title or motto holding a word
    with a letter doubled that is far rarer than the word without it ('fürr' / 'für', 'iin' /
    'in'), and a title or motto holding a word far rarer than itself with a letter doubled ('ale' /
    'alle'), and a title or motto with a sign between a word's letters ('Dessau-Ro®lau'): an
    OCR's doubling, its reading of a double letter once or of a letter it does not know, flagged
    (the text is left as read)."""
    doubts = []
    for field_name in ("name", "title", "motto"):
        value = fields.get(field_name) or ""
        if field_name != "name" and DOUBLED_DASH.search(value):
            doubts.append(flag(field_name, f"'{DOUBLED_DASH.search(value).group()}': a dash an OCR may have read twice"))
        if field_name != "name" and (inside := SIGN_INSIDE_WORD.search(value)):
            doubts.append(flag(field_name, f"'{inside.group()}': a sign between a word's letters, as an OCR reads a "
                                           "letter it does not know ('Ro®lau' for 'Roßlau')"))
        for word in re.findall(r"[^\W\d_]{3,}", value):
            single = next((word[:k] + word[k + 1:] for k in range(len(word) - 1, 0, -1) if word[k] == word[k - 1]
                           and lexicon.zipf(word[:k] + word[k + 1:]) - lexicon.zipf(word) >= DOUBLED_MIN_RARER), None)
            if single:
                doubts.append(flag(field_name, f"'{word}' could be '{single}' (an OCR may have read a letter twice)"))
            elif field_name != "name" and (double := letter_doubled(word, lexicon)):
                doubts.append(flag(field_name, f"'{word}' could be '{double}' (an OCR may have read a doubled letter once)"))
    return doubts


SINGLE_MIN_RARER = 2.0  # 'ale' (3.3) is this much rarer than 'alle' (6.2) on the Zipf scale
DOUBLED_MIN_ZIPF = 4.0  # and the word with the letter doubled is a common one, not a rare word a letter away


def letter_doubled(word: str, lexicon: Lexicon) -> str | None:
    """'ale' -> 'alle': the word with one of its letters doubled, where that is a common word
    SINGLE_MIN_RARER commoner than the word as read; else None."""
    best = max((word[:k] + word[k - 1] + word[k:] for k in range(1, len(word) + 1)), key=lexicon.zipf)
    common = lexicon.zipf(best)
    return best if common >= DOUBLED_MIN_ZIPF and common - lexicon.zipf(word) >= SINGLE_MIN_RARER else None


def lost_name_words_doubts(fields: dict, read_name: str) -> list[Doubt]:
    """A title or motto that is just the words of the record's name its reading lost ('Landkreis'
    read over a sidebar, the overview's 'Landkreis Tübingen' taken, 'Tübingen' under the title's
    label): the name's second line was read as the value, and the value stands elsewhere."""
    lost = [w for w in fields["name"].split() if w not in read_name.split()]
    return [flag(f, f"'{fields[f]}' is the part of the name '{fields['name']}' its reading lost (read "
                    f"'{read_name}'): the name's line may have been read as the value")
            for f in ("title", "motto") if lost and fields.get(f) and fields[f].split() == lost]
