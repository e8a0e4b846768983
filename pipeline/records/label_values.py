"""What a label's value and a label as printed look like: a title's or motto's line, a fact's
value, a value's next line, a label set apart from prose.

Needs nothing but the text; used by labels.py to tell a labelled block's values from the text
around it. Produces yes or no, one named question each.
"""
from __future__ import annotations

import re

SENTENCE_PIECE = re.compile(r"[a-zäöüß]{3}[.,](?:\s|$)")  # 'dabei,' 'vermeiden.': a sentence's (not 'Mio. Euro')
TITLE_LINE_MAX_WORDS = 12  # a line of a title or motto (a value wraps) holds at most so many words
# a sentence's verb ('Geplant sind dabei fünf Maßnahmen:' under a figure's 'Einwohner' is no fact's value)
FINITE_AUXILIARY = re.compile(r"\b(?:ist|sind|war|waren|wird|werden|wurde|wurden|hat|haben|kann|können|soll|sollen)\b")
FACT_VALUE_MAX_WORDS = 6  # a fact's value is this short ('Strategie- und Umsetzungsphase', 'Amt für Stadtentwicklung')
FACT_INLINE_MAX_WORDS = 5  # a fact's value after its label without a colon ('Einwohner 12.000') is this short
WEB = r"(?:https?://|www\.)\S+"
ADDRESS = re.compile(WEB + r"|[\w.+-]+@[\w-]+\.[\w.]+")  # a web or mail address: in lower case, no prose
GROUPED = r"\d{1,3}(?:\.\d{3})+"  # '382.395': a count grouped in thousands
MILLIONS = r"\d+(?:,\d+)?\s+Mio\."  # '9,1 Mio.': a sum
CONNECTOR_END = re.compile(r"(?:[:,–-]|\b(?:und|mit|in|an|am|der|die|das|für|ein|eine|zur|zum|im|von))$")


def value_looks_like(field_name: str, text: str) -> bool:
    """Whether a line may be a title's, a motto's or a fact's value, or a Land's or size class's
    (those are checked elsewhere: here anything short goes)."""
    return fact_value_like(text) if field_name == "fact" else title_value_like(text)


def title_value_like(value: str) -> bool:
    """A title's or motto's line, not a line of running text: begun in capitals (or a slogan
    without spaces), short, no sentence in it, mostly letters."""
    letters = sum(c.isalpha() for c in value) / max(1, len(value.replace(" ", "")))
    return (not value[:1].islower() or " " not in value) and len(value.split()) <= TITLE_LINE_MAX_WORDS \
        and not SENTENCE_PIECE.search(value) and letters >= 0.6


def fact_value_like(value: str) -> bool:
    """A fact's value ('187.382', 'Strategie- und Umsetzungsphase', '2,1 Mio. Euro', a web
    address), not a line of running text: short, not begun in lower case (but for one token, a
    web address), no sentence in it, no auxiliary verb, not ending in a colon (a list's
    introduction)."""
    value = address_rejoined(value)  # 'www. stadt.de': an address as printed, no sentence's end in it
    words = value.split()
    return len(words) <= FACT_VALUE_MAX_WORDS and (not value[:1].islower() or len(words) == 1) \
        and not SENTENCE_PIECE.search(value) and not value.rstrip().endswith(":") and not FINITE_AUXILIARY.search(value)


ADDRESS_BREAK = re.compile(r"\s*([./@])\s*")  # 'www. stadt.de', 'www .stadt.de': an OCR's space at an address's dot


def address_rejoined(value: str) -> str:
    """A fact's value that is a web or mail address an OCR broke with spaces at its dots or
    slashes ('www. stadt.de/smart-city', 'www .stadt.de'), or with a speck before its first dot
    ('www-.stadt.de') -> the address whole, where it reads as
    one printed (lower case, no dot twice: 'www. Jstadt.de' is misread); any other value as it is
    (words after an address are no part of it: that stays as read)."""
    joined = WWW_SIGNS.sub("www.", ADDRESS_BREAK.sub(r"\1", value.strip()))
    # joined, it must read as an address is printed: in lower case, no dot read twice ('www. .stadt')
    sure = ADDRESS.fullmatch(joined) and joined == joined.lower() and ".." not in joined
    return joined if joined != value.strip() and sure else value


WWW_SIGNS = re.compile(r"^www[-,'`·]+\.")  # 'www-.stadt.de': a speck an OCR read before the dot; no address has it


WEB_ADDRESS = re.compile(WEB)  # in lower case: one with capitals is misread
ROW_HEAD_FIGURE = re.compile(rf"({GROUPED}|{MILLIONS}\s+Euro)\s")  # '27.173 ', '9,1 Mio. Euro '


def fact_in_row(text: str) -> str | None:
    """A row with a fact's value run into the words of the text beside its box, of which one
    begins in lower case (an OCR ran the box into the text's rows) -> that value; else None. The
    value is one that shows where it ends: a web address at the row's head or end ('www.stadt.de/
    smart-city den Zustand der', 'Landwirte nutzen www.stadt.de'; address_rejoined: 'www .stadt.de'
    is one), or a figure with its unit at the row's head ('9,1 Mio. Euro vergangenen Jahren')."""
    tokens = text.split()
    figure = ROW_HEAD_FIGURE.match(text.strip() + " ")
    if figure and any(t[:1].islower() for t in text.strip()[figure.end():].split()):
        return figure.group(1)
    for k in (1, 2):
        for piece, others in ((tokens[:k], tokens[k:]), (tokens[-k:], tokens[:-k])):
            address = address_rejoined(" ".join(piece))
            if others and WEB_ADDRESS.fullmatch(address) and any(t[:1].islower() for t in others):
                return address
    return None


def column_fits(lines: list, fields: list[str]) -> bool:
    """Whether the lines right after a column of labels (`lines`, with .number and .text: the next
    non-blank ones, one more than `fields` where there is one) are its values one to one: as many
    lines in a row as labels, a blank line after them, each reading as its field's value (a title's,
    a motto's, a fact's; a Land and a size class are checked where they are read). A value that
    wraps, or text run in, makes more lines: the column is then unsure."""
    run = lines[:len(fields)]
    if len(run) < len(fields) or any(b.number - a.number != 1 for a, b in zip(run, run[1:])):
        return False
    if len(lines) > len(fields) and lines[len(fields)].number - run[-1].number == 1:
        return False
    return all(value_looks_like(f, l.text.strip()) for f, l in zip(fields, run) if f in ("title", "motto", "fact"))


def fact_value_ends_like_one(value: str) -> bool:
    """A fact's value ends as a name, a figure or an address does ('… Smart City', '9,3 Mio. Euro',
    'www.….de'), not as a piece of a sentence does: on a word in lower case ('Entscheidend sind
    klare', 'Die Gemeinden unterstützen solche') or a word broken at the line's end ('Lehrkrä-')."""
    words = value.split()
    if not words:
        return False
    last = words[-1]
    return len(words) == 1 or not (last.endswith("-") or (last.isalpha() and last.islower()))


SUM_END = re.compile(r"(?:\d|\b(?:Mio|Mrd|Tsd)\.)$")  # '6,9 Mio.', '250.000': a sum waiting for its currency
CURRENCIES = ("Euro", "€", "EUR")


def continues(upper: str, lower: str) -> bool:
    """A value's next line: the line before ends in a connector, the next begins in lower case, it
    is one capitalised word under a line that ends in a word in lower case, or it is a currency
    under a sum ('6,9 Mio.' / 'Euro': a narrow box wrapped the unit)."""
    upper, lower = upper.strip(), lower.strip()
    if SUM_END.search(upper) and lower in CURRENCIES:
        return True
    # '… eine grüne' / 'Stadt': a line ending in a word in lower case, then one noun alone, ends the phrase
    noun_after = len(lower.split()) == 1 and lower[:1].isupper() and lower.replace("-", "").isalpha() \
        and bool(re.search(r"(?:^|\s)[a-zäöüß]+$", upper))
    return bool(CONNECTOR_END.search(upper)) or lower[:1].islower() or noun_after


def last_word_wrapped(upper: str, lower: str, ends_box: bool) -> bool:
    """A value of one word whose next word a narrow box wrapped onto the line under it, the box's
    last (`ends_box`: nothing right under it; 'Stabsstelle' / 'Digitalisierung'): one word each,
    with a capital, no stop."""
    words, lower_words = upper.split(), lower.split()
    return ends_box and len(words) == 1 and len(lower_words) == 1 and words[0][:1].isupper() \
        and lower_words[0][:1].isupper() and words[0].isalpha() and lower_words[0].replace("-", "").isalpha()


BOX_LINE_MIN_LETTERS = 6  # a value's next line of one word in lower case is this long ('gestalten', not 'ihre')


def goes_on_in_box(upper: str, lower: str) -> bool:
    """A title's or motto's next line in a box an OCR ran into the text beside it: as `continues`,
    but a line begun in lower case is two words or one long word; a short word in lower case
    ('ihre', 'nicht') ends a line of the text beside the box more often than it goes on a value."""
    if CONNECTOR_END.search(upper.strip()) or not lower.strip()[:1].islower():
        return continues(upper, lower)
    words = lower.split()
    return len(words) > 1 or len(words[0].strip(".,;:")) >= BOX_LINE_MIN_LETTERS


BOX_LINE_ALONE_MAX_WORDS = 4  # a value's next line standing alone in a row is this short (no line of prose)


def box_line_alone(upper: str, text: str) -> bool:
    """A row as short as the text's that is a box's line alone: right under its label (`upper`
    empty) a title's or motto's first line (title_value_like), else a short line that goes on
    `upper` (goes_on_in_box) with no sentence in it."""
    if not upper:
        return title_value_like(text)
    return goes_on_in_box(upper, text) and len(text.split()) <= BOX_LINE_ALONE_MAX_WORDS \
        and not SENTENCE_PIECE.search(text + " ")


def label_marked(text: str, rest: str) -> bool:
    """A label printed as one: alone on its line, with a colon or in capitals (not prose that
    opens with the label's word, 'Land Die ärztliche Versorgung …')."""
    text = text.strip()
    head = text[: len(text) - len(rest)] if rest else text
    letters = [c for c in head if c.isalpha()]
    return not rest or ":" in head or sum(c.isupper() for c in letters) > len(letters) / 2


def label_stands_apart(text: str, rest: str, fuzzy: bool) -> bool:
    """A label, not prose that opens with the label's word: it has a colon, is printed in capitals
    or stands alone, or what follows is short and does not go on in lower case ('Einwohner
    12.000', not 'Einwohner und Gäste kommen …') or is a web or mail address ('Website www.…', or
    'Website www. stadt.de' as an OCR broke it: address_rejoined)."""
    if fuzzy or label_marked(text, rest):
        return True
    return ADDRESS.fullmatch(address_rejoined(rest.strip())) is not None or (
        len(rest.split()) <= FACT_INLINE_MAX_WORDS and not rest[:1].islower() and not rest.endswith((".", ",")))


GARBLED_LABEL_MAX_WORDS = 2  # 'WARY EST,': a label in capitals an OCR garbled past reading is this short
GARBLED_LABEL_MIN_LETTERS = 4


def label_set_apart(field_name: str, text: str, rest: str, fuzzy: bool) -> bool:
    """A label read at a line's start is one, not prose that opens with its word: a fact's stands
    apart (label_stands_apart); a Land's or size class's is marked as a label or what follows does
    not begin in lower case, as no Land and no size class does ('Land lebt, ist häufig …')."""
    if field_name == "fact":
        return label_stands_apart(text, rest, fuzzy)
    return field_name not in ("states", "size_class") or not rest[:1].islower() or label_marked(text, rest)


def garbled_label_like(text: str) -> bool:
    """A line printed as a label that reads as no word ('WARY EST,' for 'PROJEKTTITEL'): one or two
    tokens, mostly capitals, no digit, a few letters; the caller knows it is no known label."""
    tokens = text.split()
    letters = [c for c in text if c.isalpha()]
    return 0 < len(tokens) <= GARBLED_LABEL_MAX_WORDS and len(letters) >= GARBLED_LABEL_MIN_LETTERS \
        and not re.search(r"\d", text) and sum(c.isupper() for c in letters) > len(letters) / 2


FACT_FIGURE = re.compile(rf"^{GROUPED}$|^{MILLIONS}")  # '27.173', '9,2 Mio. Euro': a fact's figure
LOST_LABEL_MAX_TOKENS = 2  # 'RIN WOTINER|', 'RTA', 'aap': a fact's label an OCR garbled is this short


def lost_fact_at(texts: list[str]) -> int | None:
    """Where a title's or motto's lines (`texts`, stripped) run into a fact whose label an OCR
    garbled: a short line with no digit, then a line that is a fact's figure alone, after the
    value's first line ('Digital und nah: morgen' / 'RTA' / '221.063') -> that short line's index;
    else None."""
    return next((k for k in range(1, len(texts) - 1) if FACT_FIGURE.search(texts[k + 1])
                 and 0 < len(texts[k].split()) <= LOST_LABEL_MAX_TOKENS and not re.search(r"\d", texts[k])), None)


LOST_LABEL_MAX_CHARS = 3  # a label an OCR lost but for a piece ('ro', 'P.'): no word of a value


def lost_label_over_title(lines: list) -> bool:
    """Lines (with .text): a piece too short to be a word, or a label's capitals garbled ('WARY
    EST,'), then lines whose first looks like a title's."""
    return len(lines) > 1 and (len(lines[0].text.strip()) <= LOST_LABEL_MAX_CHARS or garbled_label_like(lines[0].text)) \
        and title_value_like(lines[1].text.strip())


def small_capitals_once(text: str) -> str:
    """A label in small capitals as an OCR reads them, a capital then the same letter in lower
    case ('MOoTTOo:', 'MoTTOo:') -> each letter once ('MOTTO:', 'MoTTO:')."""
    return "".join(c for k, c in enumerate(text)
                   if not (k and c.islower() and text[k - 1].isupper() and text[k - 1].lower() == c))


STRAY_MAX_WORDS = 6  # a stray line is a name's piece: this short


def stray_like(text: str) -> bool:
    """A line that may be a piece of a name: short, no digits, no sentence's end."""
    text = text.strip()
    return bool(text) and len(text.split()) <= STRAY_MAX_WORDS and not re.search(r"\d", text) \
        and not text.endswith((".", ",", ";")) and not SENTENCE_PIECE.search(text)
