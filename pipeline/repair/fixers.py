"""The fixers: raw text -> edits that mend what a PDF or an OCR did to the text's layout.

Each is a pure function of the raw text (those of WORD_LIST_FIXERS also of the word lists and
the thresholds) -> list[Edit] in raw offsets:
  expand_ligatures       ﬁ -> fi, soft hyphens dropped
  undouble_characters    PPrroojjeekkttttiitteell -> Projekttitel (a PDF's fake bold: each glyph twice)
  join_hyphenated_words  Modell-⏎projekte -> Modellprojekte; Smart-City-⏎Strategie keeps its hyphen;
                         Klimaschutz-⏎und keeps the suspended hyphen
  join_words_cut_before_a_misread_l  ausgebi-⏎Idete -> ausgebildete (the rest's 'l' read as 'I')
  join_split_capitals    'V eranderung' -> 'Veranderung', 'W andel' -> 'Wandel' (OCR cut a capital off its word)
  join_split_eszett      'Maf nahme' -> 'Maßnahme', 'gro Se' -> 'große' (OCR read a ß as a gap)
  split_glued_function_words  'furdie' -> 'fur die' (OCR lost the space between two function words)
  normalise_quotes       ,,Wissen“ / ,Wissen* / »Wissen“ -> „Wissen“
and, once the words are repaired, keep_unknown_joins_apart: a line-end join in a line read across
two columns that makes no known word ('Voll-⏎jekte') is left a suggestion.
and looks_damaged: text -> whether it looks like English-model OCR of German.
"""
from __future__ import annotations

import re
import statistics
from dataclasses import replace

from pipeline.edits import Edit
from pipeline.language.lexicon import SUSPENDED_HYPHEN_NEXT, Lexicon
from pipeline.repair.settings import DEFAULT_SETTINGS, RepairSettings
from pipeline.repair.words import HEAD_WORD_WINDOW, UMLAUT_CHARS

LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st", "\u00ad": ""}

# a word cut where its ß stood, the ß read as a space with an 'f' or 'S' beside it or none
LETTER = re.compile(r"[^\W\d_]")
LETTERS = re.compile(r"[^\W\d_]+")
WORD_SIGN = re.compile(r"[\w*]")
SPLIT_ESZETT = re.compile(r"(?=(?<![\w-])([^\W\d_]*[aeiouäöüy])(fS? S?|S? S?)([a-zäöü]+)(?![\w-]))")  # overlapping
QUOTED = re.compile(
    r"(?<![\w,])(?P<open>,,|„|,|~|»)(?=[\w#(])(?P<body>[^\n„“”\"«]{1,160}?(?:\n[^\n„“”\"«]{1,160}?)?)"
    r"(?P<close>\*”|\*®|“|”|\"|®|\*|«)(?![\w])"
)


def expand_ligatures(raw: str) -> list[Edit]:
    return [
        Edit(m.start(), m.end(), m.group(), LIGATURES[m.group()],
             "drop_soft_hyphen" if m.group() == "\u00ad" else "expand_ligature", 1.0)
        for m in re.finditer("[" + "".join(LIGATURES) + "]", raw)
    ]


def undouble_characters(raw: str) -> list[Edit]:
    """A word whose every character comes twice: a PDF that prints bold by drawing each glyph
    twice, read back by the text layer ('GGrrüünnee' -> 'Grüne')."""
    edits = []
    for m in re.finditer(r"\S{4,}", raw):
        token = m.group()
        if len(token) % 2 == 0 and token[0::2] == token[1::2] and sum(c.isalpha() for c in token[0::2]) >= 2:
            edits.append(Edit(m.start(), m.end(), token, token[0::2], "undouble_characters", 0.95))
    return edits


def join_hyphenated_words(raw: str) -> list[Edit]:
    """Line-end hyphens: join lower-case continuations, keep compounds and suspended hyphens."""
    edits = []
    for m in re.finditer(r"(?<=[^\W_])(-)([ \t]*\n(?:[ \t]*\n)?[ \t]*)(?=([^\W\d_][^\W_]*))", raw):
        following = m.group(3)
        head_word = re.search(r"[\w*]+$", raw[max(0, m.start() - HEAD_WORD_WINDOW) : m.start()])
        if following.lower() in SUSPENDED_HYPHEN_NEXT or (len(following) == 1 and following.islower()):
            continue  # a word's syllable after its hyphen has two letters at least: a small letter alone is a speck's
        if "\n\n" in m.group(2).replace(" ", "") and not following[0].islower():
            continue  # a paragraph ending in a dash, not a word cut by a page or column break
        if following[0].isupper() or (head_word and head_word.group().isupper()):
            edits.append(Edit(m.end(1), m.end(), m.group(2), "", "join_hyphenated_compound", 0.9))
        else:
            edits.append(Edit(m.start(), m.end(), m.group(), "", "join_hyphenated_word", 0.9))
    return edits


def keep_unknown_joins_apart(raw: str, edits: list[Edit], lexicon: Lexicon,
                             settings: RepairSettings = DEFAULT_SETTINGS) -> list[Edit]:
    """`edits` (sorted, the word repairs made), with each join of a line-end hyphen left a
    suggestion where its line was read across two columns (read_across: far longer than the
    text's usual line) and its word, repaired, no word list knows, nor as a compound of listed
    parts, nor one letter away from one (near_known_word): such a line's hyphen ends a word of the
    right column, which goes on in the middle of the next line ('Voll-⏎jekte': 'Modellpro-' went
    on in the other column). The pieces stay apart, the join is for a reviewer to accept. In a
    line of the usual width the pieces are one word the OCR damaged ('Multimobilititsange-⏎bot'):
    joined."""
    usual = usual_line_length(raw)
    out = []
    for e in edits:
        if e.rule == "join_hyphenated_word" and e.applied \
                and read_across(raw[raw.rfind("\n", 0, e.start) + 1 : e.start + 1], usual, settings):
            word = joined_word(raw, e, edits)
            if word is not None and lexicon.zipf(word) == 0 and not near_known_word(word, lexicon) \
                    and not of_listed_parts(word, lexicon, settings):
                e = replace(e, applied=False, confidence=settings.unknown_join_confidence, word_before=word,
                            word_after=word, reason=f"unknown-join: '{word}' is no known word or compound, in a "
                                                    "line read across two columns")
        out.append(e)
    return out


def usual_line_length(raw: str, settings: RepairSettings = DEFAULT_SETTINGS) -> float:
    """The median length of the text's lines with `read_across_min_words` words or more (the
    measure the records stage splits lines read across by)."""
    lengths = [len(l.strip()) for l in raw.split("\n") if len(l.split()) >= settings.read_across_min_words]
    return statistics.median(lengths) if lengths else 0.0


def read_across(line: str, usual: float, settings: RepairSettings = DEFAULT_SETTINGS) -> bool:
    """Far longer than the text's usual line: two columns read as one."""
    return len(line.split()) >= settings.read_across_min_words \
        and len(line.strip()) > max(settings.read_across_min_chars, settings.read_across_factor * usual)


def of_listed_parts(word: str, lexicon: Lexicon, settings: RepairSettings) -> bool:
    """The word cut in two listed words of three letters or more ('Hallen|belegungen', a
    linking 's' allowed): a new compound of listed parts, which the compound estimate, asking
    more of each part, may not know."""
    low = word.lower()
    return any(lexicon.direct(low[cut:]) >= settings.listed_word_zipf
               and any(len(h) >= 3 and lexicon.direct(h) >= settings.listed_word_zipf
                       for h in (low[:cut], low[:cut].removesuffix("s")))
               for cut in range(3, len(low) - 2))


def near_known_word(word: str, lexicon: Lexicon) -> bool:
    """One letter changed or put in makes a listed word: the OCR damaged one word
    ('Sportverelne'), whose pieces belong together."""
    letters = "abcdefghijklmnopqrstuvwxyzäöüß"
    low = word.lower()
    return any(lexicon.direct(low[:i] + c + low[i + skip :]) > 0
               for skip in (1, 0) for i in range(len(low) + 1 - skip) for c in letters
               if skip == 0 or c != low[i])


def joined_word(raw: str, join: Edit, edits: list[Edit]) -> str | None:
    """The word a line-end join makes, with the applied repairs inside it made; None where it
    holds other signs than letters ('Biirger*innen' is judged as the letters before the '*')."""
    start = join.start
    while start > 0 and LETTER.match(raw, start - 1):
        start -= 1
    right = LETTERS.match(raw, join.end)
    # the two signs before the word, as a search of the whole text up to it read them: a word sign
    # right before it, or before a line break right before it ('…Stadt⏎Voll-⏎jekte' is not judged)
    if start == join.start or right is None or WORD_SIGN.match(raw, right.end()) \
            or re.search(r"[\w*]$", raw[max(0, start - 2) : start]):
        return None
    end = right.end()
    text, last = [], start
    for e in edits:
        if e is join or not e.applied or e.end <= start or e.start >= end:
            continue
        if e.start < start or e.end > end:
            return None
        text += [raw[last : e.start], e.after]
        last = e.end
    text.append(raw[last:end])
    word = "".join(text).replace(join.before, "")
    return word if word.isalpha() else None


def join_words_cut_before_a_misread_l(raw: str, lexicon: Lexicon, settings: RepairSettings = DEFAULT_SETTINGS) -> list[Edit]:
    """'ausgebi-⏎Idete' -> 'ausgebildete': a word cut at a line's end whose rest opens on an 'l'
    the OCR read as 'I' (a compound's capital to join_hyphenated_words). Joined with the 'l', the
    pieces make a word the lists know; the rest as read is none."""
    edits = []
    for m in re.finditer(r"(?<![\w-])([^\W\d_]*[a-zäöüß])(-[ \t]*\n[ \t]*I)([a-zäöüß]+)(?![^\W\d_])", raw):
        whole = m.group(1) + "l" + m.group(3)
        if lexicon.zipf(whole) >= settings.split_whole_min_zipf and lexicon.zipf("I" + m.group(3)) == 0:
            edits.append(Edit(m.start(2), m.end(2), m.group(2), "l", "join_words_cut_before_a_misread_l", 0.8))
    return edits


def join_split_capitals(raw: str, lexicon: Lexicon, settings: RepairSettings = DEFAULT_SETTINGS) -> list[Edit]:
    """'V eranderung' -> 'Veranderung': OCR cut a capital off its word, and the rest is no word
    of its own; or 'W andel' -> 'Wandel', 'V erfahren' -> 'Verfahren': the whole is a word that
    is written with a capital more often than without (a noun or name), so the lone letter
    was its first one ('B ist' stays: 'bist' is the commoner spelling)."""
    edits = []
    for m in re.finditer(r"(?<![\w.])([A-ZÄÖÜ])( )([a-zäöüé]{3,})", raw):
        whole = m.group(1) + m.group(3)
        if lexicon.direct(m.group(3)) < settings.split_rest_max_zipf:
            edits.append(Edit(m.start(2), m.end(2), " ", "", "join_split_capital", 0.8))
        elif lexicon.direct(whole) >= settings.split_whole_min_zipf and lexicon.spelled(whole) > lexicon.spelled(whole.lower()):
            edits.append(Edit(m.start(2), m.end(2), " ", "", "join_split_capital_noun", 0.7))
    return edits


def join_split_eszett(raw: str, lexicon: Lexicon, settings: RepairSettings = DEFAULT_SETTINGS) -> list[Edit]:
    """'gro en' -> 'großen', 'flief Sen' -> 'fließen', 'aufS erhalb' -> 'außerhalb': the OCR read
    a ß as a gap, with or without an 'f' or 'S' beside it. Joined, the two pieces must make a word
    German writes far more often than either piece."""
    edits = []
    for m in SPLIT_ESZETT.finditer(raw):
        left, gap, right = m.group(1), m.group(2), m.group(3)
        first, second = (left + gap + right).split(" ")
        as_read = min(lexicon.spelled(first), lexicon.spelled(second))  # two words only if both are words
        if lexicon.spelled(left + "ß" + right) >= max(settings.split_whole_min_zipf, as_read + settings.split_eszett_margin):
            edits.append(Edit(m.start(2), m.end(2), gap, "ß", "join_split_eszett", 0.8))
    return edits


# A preposition or conjunction (as an English model reads it too: 'fur', 'uber') and an article
# or pronoun after it: two words that an OCR read as one lost the space between ('furdie').
GLUED_FIRST = ("für", "fur", "fiir", "über", "uber", "iiber", "in", "im", "mit", "von", "vom", "zu", "zum", "zur",
               "und", "an", "am", "auf", "aus", "bei", "nach", "durch", "um", "vor", "gegen", "ohne")
GLUED_SECOND = ("die", "der", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "alle", "allen")


def split_glued_function_words(raw: str, lexicon: Lexicon, settings: RepairSettings = DEFAULT_SETTINGS) -> list[Edit]:
    """'furdie' -> 'fur die', 'ausder' -> 'aus der', 'inder' -> 'in der': a word in lower case made
    of a preposition or a conjunction and an article or a pronoun, which German writes so, in
    lower case, seldom or never ('indem', 'zudem', 'beidem', 'ander' are written often and stay):
    an OCR lost the space between. Each edit names the word and its split, so that a reviewer's
    decision on one split is no decision on another."""
    edits = []
    for m in re.finditer(r"(?<![\w-])[a-zäöüß]{4,}(?![\w-])", raw):
        word = m.group()
        cuts = [k for k in range(2, len(word) - 1) if word[:k] in GLUED_FIRST and word[k:] in GLUED_SECOND]
        if len(cuts) != 1 or lexicon.direct(word) >= settings.glued_common_zipf:
            continue  # 'indem', 'beiden': common words; the spelling list (slow to load) is asked of rare ones only
        if lexicon.direct(word) < settings.glued_max_zipf or lexicon.spelled(word) < settings.glued_max_zipf:
            at, split = m.start() + cuts[0], f"{word[:cuts[0]]} {word[cuts[0]:]}"
            edits.append(Edit(at, at, "", " ", "split_glued_function_words", 0.8, word_before=word, word_after=split))
    return edits


def normalise_quotes(raw: str) -> list[Edit]:
    """OCR'd German quotes („ … “) read as ,, , ~ » and “ ” " * ® -> „ … “."""
    edits = []
    for m in QUOTED.finditer(raw):
        if m.group("open") == "»" and m.group("close") == "«":
            continue  # guillemets are a correct German style
        if m.group("open") != "„":
            edits.append(Edit(m.start("open"), m.end("open"), m.group("open"), "„", "normalise_opening_quote", 0.9))
        if m.group("close") != "“":
            edits.append(Edit(m.start("close"), m.end("close"), m.group("close"), "“", "normalise_closing_quote", 0.8))
    return edits


def looks_damaged(text: str, settings: RepairSettings = DEFAULT_SETTINGS) -> bool:
    """True when long words almost never carry an umlaut or ß (German prose: about 8 %)."""
    words = re.findall(r"[^\W\d_]{3,}", text)
    if not words:
        return True
    share = sum(1 for w in words if UMLAUT_CHARS & set(w)) / len(words)
    return share < settings.damaged_below_umlaut_share


# The layout's fixers, in the order their edits win where two overlap (merge_edits): a word cut
# before a misread 'l' (over the compound's join the raw text alone would make), those that read
# the raw text alone, then those that ask the word lists. The umlaut repair reads the text they
# make; the quotes are mended apart (normalise_quotes, in clean_text).
FIRST_WORD_LIST_FIXERS = (join_words_cut_before_a_misread_l,)
RAW_TEXT_FIXERS = (expand_ligatures, undouble_characters, join_hyphenated_words)
WORD_LIST_FIXERS = (join_split_capitals, join_split_eszett, split_glued_function_words)
