"""A record's body: running text apart from figure text and page furniture (the pieces and what
each is: pieces.py), the description's lines as printed (for the column order), its quality, and
paragraphs that belong to another project."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from pipeline.language.lexicon import SUSPENDED_HYPHEN_NEXT, Lexicon
from pipeline.read.page_furniture import PAGE_NUMBER, line_key
from pipeline.records.counted_lists import counted_lists
from pipeline.records.list_items import COUNTS
from pipeline.records.draft import Doubt, Record, flag, note
from pipeline.records.figure_doubts import (article_headings_out, figure_like_doubts, label_rows_out, map_points_out,
                                            number_words_out, repeated_first_line_doubts, repeated_lines_out)
from pipeline.records.glued_captions import box_lines_apart, captions_cut
from pipeline.records.interruptions import disagreeing_lines_out, interruptions_cut, set_into_open_sentences
from pipeline.records.lead import lead_paragraphs_kept
from pipeline.records.prose import ends_open, list_mark, opens_sentence_anew, stops_on_an_attributive_adjective
from pipeline.records.pieces import (Page, classify_units, figure_blocks, has_finite_verb, opening_checked, pieces_of,
                                     sentences_joined, undecided_doubts)
from pipeline.records.segment import Line
from pipeline.records.units import LONE_NUMBER, Unit
from pipeline.records.sentence_doubts import (arrows_at_line_starts_doubts, colon_then_clause_doubts,
                                              head_line_set_between_doubts, last_sentence, line_set_between_doubts,
                                              marks_inside_doubts, numbers_in_line_doubts, opening_line_doubts,
                                              piece_between_a_sentences_parts_doubts,
                                              reopened_line_doubts, reopened_sentence_doubts, rival_openings_doubts)
from pipeline.records.sentence_lines import (comma_pieces_back, lines_through_a_stop_back, sentence_lines_back,
                                             sentence_starts_back, subjects_back, taken_lines_doubts)
from pipeline.records.sentence_starts import (broken_words_back, comma_ends_back, lines_with_signs_back, listings_back,
                                             lower_case_starts, sentence_ends_back, sentence_rests_back)
from pipeline.records.settings import DEFAULT_RECORDS_SETTINGS, RecordsSettings
from pipeline.records.text import join_lines, name_key, paragraphs
from pipeline.repair.clean import Cleaned

TYPOGRAPHY = re.compile(r"^[-–—&*•·=+|/]+$")  # dashes, bullets: neither words nor damage
ITEM_NUMBER = re.compile(r"[A-Z]\d{1,2}")  # 'A1', 'B3': an item's mark, neither a word nor damage
PUNCTUATION = ".,;:!?()„“”\"'»«‚‘’…"


def body_paragraphs(lines: list[Line], page: Page, running: frozenset[str] = frozenset(),
                    styled: frozenset[int] = frozenset(), settings: RecordsSettings = DEFAULT_RECORDS_SETTINGS,
                    larger: frozenset[int] = frozenset(), figure_numbers: frozenset[int] = frozenset()
                    ) -> tuple[list[list[Line]], list[list[Line]], list[str], list[Doubt]]:
    """Body lines -> (paragraphs of running text, figure text, page furniture taken out, doubts).
    Page numbers and running headers an OCR text kept (keys in `running`) are furniture: the
    caller lists the headers with the removed running lines. Nothing else is dropped: a paragraph
    set in another size (`styled`: line numbers; text layers only) other than a lead paragraph
    (`larger` type, lead.py), figure debris, a banner
    repeating the title or motto, lines that are no column's text (prose.py), a short piece
    standing between a sentence and its continuation, and a short line that neither ends a
    sentence, nor heads running text, nor goes on in the next paragraph (a caption, a callout) is
    figure text; so is what stands before the first running text. The items of a list the text
    introduces ('… wie folgt:') are running text. A sentence that a column break, a page break or
    a figure cut in two is joined again. Rows of capitalised words at the edges of running text
    (an icon row's labels) and the words under a big number are figure text (figure_doubts.py). A
    caption an OCR glued to a line of running text is cut from it (glued_captions.py); pieces of a
    sentence a figure rule took out are running text again where the text around them needs them
    (sentence_lines.py, sentence_starts.py). What the evidence does not decide is flagged, with
    the stretch named. A lone number that is a figure's (`figure_numbers`: its line numbers) is
    furniture here too, as the caller keeps such numbers, but the steps see it where it stands:
    the line under it is the number's label."""
    units, furniture, numbers = [], [], []
    for para in paragraphs(box_lines_apart(captions_cut(lines, page))):
        text = join_lines(para)
        if PAGE_NUMBER.match(text) or (len(para) == 1 and line_key(text) in running):
            furniture.append(text)
            if para[0].number in figure_numbers and PAGE_NUMBER.match(text):
                numbers.append(Unit(para, "figure", False, LONE_NUMBER))
        elif len(para) == 2 and any(line_key(l.text) in running for l in para) \
                and all(PAGE_NUMBER.match(l.text.strip()) or line_key(l.text) in running for l in para):
            furniture += [l.text.strip() for l in para]  # a footer and the page number under it, no blank line between
        else:
            units += pieces_of(para, page, settings)
    units, lead_doubts = lead_paragraphs_kept(classify_units(units, page, styled, settings), larger, page, settings)
    units = sorted(units + numbers, key=lambda u: u.lines[0].number)
    units = label_rows_out(number_words_out(units, page, settings))
    units = map_points_out(repeated_lines_out(units, page), page, settings)
    units, count_doubts = counted_lists(units, page, settings)
    units = interruptions_cut(comma_pieces_back(units, page, settings), page, settings)
    units = disagreeing_lines_out(set_into_open_sentences(units, page, settings), page, settings)
    units = sentence_starts_back(sentence_lines_back(units, page, settings), page, settings)
    units = lines_through_a_stop_back(units, page, settings)
    units = subjects_back(units, page, settings)
    units = lines_with_signs_back(broken_words_back(units, page, settings), page, settings)
    units = sentence_ends_back(units, page, settings)
    units = comma_ends_back(units, page, settings)
    units, doubts = opening_checked(units, page, settings)
    units, start_doubts = lower_case_starts(units, page, settings)
    units = listings_back(units, page, settings)  # after the rules above: a line they took back may open a listing
    units, heading_doubts = article_headings_out(units, page)
    units, rest_doubts = sentence_rests_back(units, page)
    doubts = lead_doubts + count_doubts + doubts + start_doubts + heading_doubts + rest_doubts
    units = [u for u in units if u.why != LONE_NUMBER]  # the caller keeps them
    kept, joins = sentences_joined(units, page, settings)
    doubts += [join_doubt(a, b, page.lexicon) for a, b in joins]
    doubts += undecided_doubts(units, page.lexicon, settings)
    doubts += figure_like_doubts(units, page, settings) + repeated_first_line_doubts(units, page)
    doubts += reopened_sentence_doubts(units, page, settings) + numbers_in_line_doubts(units, page)
    doubts += reopened_line_doubts(units, page, settings)
    doubts += line_set_between_doubts(units, page) + head_line_set_between_doubts(units, page, settings)
    doubts += rival_openings_doubts(units, page)
    doubts += piece_between_a_sentences_parts_doubts(units, page, " ".join(d.note for d in doubts))
    doubts += marks_inside_doubts(units) + colon_then_clause_doubts(units, page)
    doubts += arrows_at_line_starts_doubts(units)
    doubts += opening_line_doubts(units, page.lexicon)
    doubts += taken_lines_doubts(units, page, settings)
    return kept, figure_blocks(units), furniture, doubts


def join_doubt(before: str, after: str, lexicon: Lexicon) -> Doubt:
    """A sentence cut by figure text and joined again: a note; a flag where the words at the join
    cannot follow each other ('… neue Flächen am' + 'und Fußgänger …': an article or a preposition
    goes on in its noun's words, never in a conjunction nor a finite verb), so the figure covered
    words of the sentence or the join is wrong. Words with a sign at the join are not judged."""
    said = f"a sentence cut by figure text was joined again ('…{before[-30:]}' + '{after[:30]}…')"
    last, first = (before.split() or [""])[-1], (after.split() or [""])[0]
    tag = (lexicon.tags.best_tag(first) or "") if first.isalpha() else ""
    opens_a_phrase = last.isalpha() and lexicon.tags.best_tag(last) in NOUN_PHRASE_OPENERS
    if opens_a_phrase and (tag == "KON" or tag.endswith("(FIN)")):
        return flag("description", f"{said}, but '{last}' cannot go on in '{first}': words may be lost at the join")
    return note("description", said)


# HanTa's tags of words that open a noun phrase and go on in it: articles, prepositions, possessives
# (not 'alle', 'diese': they stand for a noun as well, 'Wir alle' | 'haben …')
NOUN_PHRASE_OPENERS = frozenset({"ART", "APPR", "APPRART", "PPOSAT"})
NUMBER_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*%?|\d+-\w+")
LONE_LETTER = re.compile(r"[^\W\d_]")
LETTER_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]*)*")


def token_settled(token: str, lexicon: Lexicon, settings: RecordsSettings) -> bool | None:
    """A word the lexicon knows (each part of a hyphenated one), a number or a short acronym:
    True; a word nobody knows, a lone letter or OCR debris ('kxnstr', 'e', '0o', '¥'): False;
    a dash, a bullet or an item's mark ('A1'): None (not counted)."""
    word = token.strip(PUNCTUATION)
    if not word or TYPOGRAPHY.match(word) or ITEM_NUMBER.fullmatch(word):
        return None
    if NUMBER_TOKEN.fullmatch(word):
        return True
    if LONE_LETTER.fullmatch(word) and not token.endswith("."):
        return False  # a lone letter is no German word ('u.', 'v.' abbreviate with a stop)
    if LETTER_WORD.fullmatch(word):
        f = settings.fields
        return all(lexicon.zipf(part) >= f.quality_min_zipf or (part.isupper() and len(part) <= f.acronym_max_chars)
                   for part in word.split("-") if part)
    return False


def description_quality(text: str, lexicon: Lexicon,
                        settings: RecordsSettings = DEFAULT_RECORDS_SETTINGS) -> tuple[float, str]:
    """-> (the lowest share of settled words in any `quality_window` words in a row, those words).
    Damage is local (a paragraph, a figure's text), so a window finds what a mean would hide."""
    window = settings.fields.quality_window
    judged = [(t, settled) for t in text.split() if (settled := token_settled(t, lexicon, settings)) is not None]
    tokens, flags = [t for t, _ in judged], [bool(settled) for _, settled in judged]
    if len(flags) <= window:
        return (sum(flags) / len(flags) if flags else 1.0), " ".join(tokens)
    shares = [sum(flags[i : i + window]) / window for i in range(len(flags) - window + 1)]
    worst = min(range(len(shares)), key=shares.__getitem__)
    return shares[worst], " ".join(tokens[worst : worst + window])


def quality_doubts(description: str, lexicon: Lexicon, settings: RecordsSettings) -> list[Doubt]:
    """A description with a stretch of words nobody knows (description_quality) may be
    unreadable OCR."""
    quality, worst = description_quality(description, lexicon, settings)
    window = settings.fields.quality_window
    if quality >= settings.fields.quality_min_settled:
        return []
    return [flag("description", f"quality {quality:.2f}: in '{worst}' only {round(quality * window)} of "
                                f"{window} words are known words or numbers; the text may be unreadable OCR")]


def stray_marks_doubts(description: str, settings: RecordsSettings) -> list[Doubt]:
    """A description whose sentences hold stray_marks_min marks or more that no word is (a lone
    small letter, a bar, a run of dashes, a number with an inch sign: 'Überwei- Sensoren', 'in dem l
    Teams', '|| LÜBECK DIGITAL'): an OCR read the figure beside the column into its lines, which
    a window of words (quality_doubts) misses where the marks stand apart. A mark opening a
    paragraph (an item's), a unit's letter after a number ('24 h') and a word's part before 'und',
    'wie' … (WORD_PART_JOINERS: 'Bus- und Bahnverkehr') do not count."""
    marks = []
    for para in description.split("\n\n"):
        tokens = para.split()
        marks += [t for k, t in enumerate(tokens[1:], 1)
                  if (STRAY_MARK.fullmatch(t) and not (t.isalpha() and NUMBER.fullmatch(tokens[k - 1])))  # '24 h'
                  or (BROKEN_WORD.fullmatch(t) and k + 1 < len(tokens)
                      and tokens[k + 1].strip(".,") not in WORD_PART_JOINERS)]
    if len(marks) < settings.fields.stray_marks_min:
        return []
    return [flag("description", f"{len(marks)} marks inside its sentences that no word is ({' '.join(marks[:8])}): "
                                "figure text beside the column may be read into the lines")]


# a lone small letter (German has no word of one letter; a capital may be one: 'Phase A'), a bar, a run of
# dashes, a number with an inch sign ('7"')
STRAY_MARK = re.compile(r"[a-zäöüß]|[|¦]+|[-—–=]{2,}|\d+\"")
BROKEN_WORD = re.compile(r"[^\W\d_]{2,}-")  # inside a line, with its rest elsewhere ('Überwei- Sensoren sungen')
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")  # a unit's letter after it is a word ('24 h', '500 t')
# a word's part before these is no broken word ('Orts- wie Kreisstraßen'); the cleaner's joins leave out 'wie'
# and 'statt' ('so-' / 'wie' is 'sowie')
WORD_PART_JOINERS = SUSPENDED_HYPHEN_NEXT | {"wie", "statt"}


def description_paragraphs(description: str) -> list[str]:
    """A description -> its paragraphs, stripped, blank ones left out."""
    return [p.strip() for p in description.split("\n\n") if p.strip()]


def cut_sentence_doubts(description: str) -> list[Doubt]:
    """A paragraph of the description that stops on a function word ('… und kurze Wege zu') or on a
    comma ('… kein Selbstzweck,'; not a list item), before a paragraph that is no list item or at
    the description's end: no printed paragraph ends so, so the sentence's rest stands elsewhere
    (read as figure text, in another paragraph, or on a page read in another order), or the
    reading split it; flagged, the first such place named."""
    paras = description_paragraphs(description)
    for n, para in enumerate(paras):
        after = paras[n + 1] if n + 1 < len(paras) else None
        cut = ends_open(para) or (para.endswith(",") and list_mark(para) is None)  # an item may end on a comma
        if cut and not para.endswith("-") and (after is None or list_mark(after) is None):
            where = f"before '{after[:30]}…'" if after is not None else "at the description's end"
            return [flag("description", f"a paragraph stops inside a sentence ('…{para[-40:]}') {where}: its "
                                        "rest may stand elsewhere or be in figure_text")]
    return []


def stopless_tail_doubts(description: str, lexicon: Lexicon) -> list[Doubt]:
    """A paragraph that ends, after its last sentence's stop, on a few words with a finite verb and
    no stop, waiting for no next word ('… erreichen auch jüngere Menschen. Hier entsteht Zukunft';
    not '… In der Innenstadt entsteht ein'), or on a capitalised word or two alone ('… warnen.
    Rückmeldung'), before a paragraph that does not go on from it in
    lower case: running text ends its sentences with a stop, so a slogan or a picture's words were
    read into the paragraph's last line; flagged, the words named."""
    paras = description_paragraphs(description)
    for n, para in enumerate(paras):
        after = paras[n + 1] if n + 1 < len(paras) else ""
        *sentences, tail = re.split(r"(?<=[.!?])\s+", para)  # not after a colon: a label and its item
        # or a label's noun or two alone ('… rechtzeitig warnen. Rückmeldung'): no sentence is so short
        label = len(tail.split()) <= STOPLESS_LABEL_MAX_WORDS and all(w[:1].isupper() and w.isalpha() for w in tail.split())
        if sentences and tail[-1:].isalnum() and len(tail.split()) <= STOPLESS_TAIL_MAX_WORDS \
                and not re.search(r"[.!?:;,]", tail) and (has_finite_verb(tail, lexicon) or label) \
                and not after[:1].islower() and not ends_open(tail) \
                and not stops_on_an_attributive_adjective(tail, lexicon):
            return [flag("description", f"a paragraph ends on words with no stop after its last sentence ('{tail}'): "
                                        "a slogan or a picture's words may be read into its last line")]
    return []


STOPLESS_TAIL_MAX_WORDS = 5  # a sentence's start cut by a page would go on in the next paragraph
STOPLESS_LABEL_MAX_WORDS = 2  # capitalised words with no verb after the last stop: a figure's label


SENTENCE_FIRST = re.compile(r"^(.+?[.!?])(?:\s|$)")


def verbless_sentence_rest_doubts(description: str, lexicon: Lexicon) -> list[Doubt]:
    """A paragraph opening, with a capital, on a sentence of two words or more without a finite
    verb or a number ('Lösung für alle Kommunen.'), after a paragraph that stops without a
    sentence's end (a closing quote or bracket after the stop ends one too), is no list item and no
    sub-heading (HEADING_MAX_WORDS words at most without a verb): the rest of the sentence before,
    with figure text read between them or taken into it; flagged, the first such place named."""
    paras = description_paragraphs(description)
    for before, para in zip(paras, paras[1:]):
        if before.rstrip(CLOSING_MARKS)[-1:] in ".!?:" or list_mark(before) is not None or list_mark(para) is not None \
                or (len(before.split()) <= HEADING_MAX_WORDS and not has_finite_verb(before, lexicon)):
            continue
        first = SENTENCE_FIRST.match(para)
        sentence = first.group(1) if first and para[:1].isupper() else ""
        if len(sentence.split()) >= 2 and not re.search(r"\d", sentence) and not has_finite_verb(sentence, lexicon):
            return [flag("description", f"'{sentence[:50]}' has no verb and opens a paragraph after one that stops "
                                        f"inside a sentence ('…{before[-40:]}'): the sentence's rest? Figure text may "
                                        "stand between them or have been taken into it")]
    return []


CLOSING_MARKS = "\"“”»«')]"
HEADING_MAX_WORDS = 5  # a sub-heading standing as a paragraph: a few words and no verb


def unended_paragraph_doubts(description: str, lexicon: Lexicon) -> list[Doubt]:
    """A paragraph of running text whose last sentence (a finite verb; a comma, or more than
    HEADING_MAX_WORDS words after a sentence of the paragraph; no item) stops on a word with no stop (not a function word:
    cut_sentence_doubts'; not an address), before a paragraph that opens a sentence anew with a
    function word ('… in denen Seniorinnen und Senioren' | 'Im Vordergrund stehen …'): the
    sentence's rest stands elsewhere or was lost; flagged, the first such place named."""
    paras = description_paragraphs(description)
    for para, after in zip(paras, paras[1:]):
        tail = last_sentence(para)  # after a colon too: a label's item ('…-RAUM: Kompetenzen fördern')
        # a sub-heading may hold a verb ('Was die Stadt mit den Daten vorhat'): a clause after a comma, or words
        # after a sentence of the paragraph, are a sentence's; one stopping on a function word is
        # cut_sentence_doubts'; an address may end one
        sentence = "," in tail or (tail != para and len(tail.split()) > HEADING_MAX_WORDS)
        if para[-1:].isalnum() and sentence and list_mark(para) is None and not ends_open(para) \
                and not ADDRESS_END.search(para) and opens_sentence_anew(after, lexicon) and has_finite_verb(tail, lexicon):
            return [flag("description", f"a paragraph stops with no sentence's end ('…{para[-40:]}') before one "
                                        f"that opens anew ('{after[:30]}…'): its rest may stand elsewhere or be lost")]
    return []


LIST_BULLETS = tuple("•*¢«·■▪●◆➢➤✓°+>")  # an item's bullet as printed or as an OCR read it
ADDRESS_END = re.compile(r"(?:www\.|https?://|@)\S+$")  # '… finden Sie unter www.stadt.de': a sentence may end so


def list_without_introduction_doubts(description: str) -> list[Doubt]:
    """A list's first item, marked by a bullet, right after a paragraph that ends its sentence with
    a stop (not an item) and says nothing of a list: a list is introduced ('… drei Maßnahmen:', '…
    welche', '… setzt auf drei Handlungsfelder.', '… folgende Ziele.'), so its introduction may be
    lost (a figure over it) or read elsewhere; flagged, the item named. A dash or a number opens
    other things than items ('– so der Bürgermeister.')."""
    paras = description_paragraphs(description)
    for before, para in zip(paras, paras[1:]):
        last = re.split(r"(?<=[.!?])\s+", before)[-1].lower()
        counts = any(w.strip(".,:;!?") in COUNTS or w.startswith("folgend") for w in last.split())
        if (list_mark(para) or "")[:1] in LIST_BULLETS and list_mark(before) is None and not counts \
                and before.rstrip(CLOSING_MARKS)[-1:] in ".!?":
            return [flag("description", f"the list opening with '{para[:40]}' follows a paragraph that ends its "
                                        f"sentence ('…{before[-30:]}'): its introduction may be lost or read elsewhere")]
    return []


def empty_description_doubts(description: str, figure_text: list[str]) -> list[Doubt]:
    """A record with no description: its pages' text was all read as something else (or there was
    none), which a brochure never prints."""
    if description.strip():
        return []
    went = f": {sum(len(t.split()) for t in figure_text)} words went to figure_text" if figure_text else ""
    return [flag("description", f"no text was read as the description{went}")]


def visual_lines(cleaned: Cleaned, para: list[Line]) -> list[str]:
    """The cleaned text of a paragraph, line by line as the raw text had its lines: a hyphenated
    line end the cleaner joined is cut again, and keeps its hyphen, so that the lines can be put
    in another order and joined anew (columns.py)."""
    out = []
    for line in para:  # line by line: what lies between two lines of a paragraph (a page number) is not its text
        lo, hi = cleaned.raw_offset(line.start), cleaned.raw_offset(line.start + len(line.text))
        pos = lo
        for raw_line in cleaned.raw[lo:hi].split("\n"):
            a, b = pos, pos + len(raw_line)
            pos = b + 1
            text = cleaned.text[bisect_left(cleaned.origin, a) : bisect_left(cleaned.origin, b)].replace("\n", " ")
            if raw_line.rstrip().endswith("-") and not text.rstrip().endswith("-"):
                text = text.rstrip() + "-"
            if text.strip():
                out.append(text)
    return out


def move_foreign_paragraphs(records: list[Record], settings: RecordsSettings = DEFAULT_RECORDS_SETTINGS,
                            generic: frozenset[str] = frozenset()) -> list[Record]:
    """Paragraphs that speak of another project by name, and never of their own, were put on the
    wrong pages by the layout: the records with each such paragraph moved to the project it
    names, noted on both. A name is spotted by its most distinctive word, none of the `generic`
    words of names."""
    keys = [name_key(r.fields["name"], generic) for r in records]
    descriptions, moves = [], []  # moves: (from, to, paragraph), as indexes into records
    doubts: list[list[Doubt]] = [[] for _ in records]
    for i, record in enumerate(records):
        kept = []
        for para in record.fields["description"].split("\n\n"):
            own = mentions(para, keys[i])
            counts = {j: mentions(para, keys[j]) for j in range(len(records)) if j != i}
            others = [j for j, n in counts.items() if n >= settings.fields.foreign_min_mentions]
            named = [j for j, n in counts.items() if n]
            if own == 0 and len(others) == 1:
                moves.append((i, others[0], para))
                continue
            if own == 0 and len(named) == 1 and len(para.split()) < settings.text.prose_min_words:
                doubts[i].append(flag("description", f"'{para[:60]}' names {records[named[0]].fields['name']} and "
                                                     "not this project: it may belong there"))
            kept.append(para)
        descriptions.append("\n\n".join(kept))
    for source, target, para in moves:
        descriptions[target] = "\n\n".join(p for p in (descriptions[target], para) if p)
        doubts[source].append(note("description", f"a paragraph about {records[target].fields['name']} was moved "
                                                  f"to that project ('{para[:40]}…')"))
        doubts[target].append(flag("description", f"a paragraph found in the pages of {records[source].fields['name']} "
                                                  "was appended; check its place"))
    return [replace(r, fields={**r.fields, "description": d}).with_doubts(*extra)
            for r, d, extra in zip(records, descriptions, doubts)]


def mentions(text: str, key: str) -> int:
    """How often `text` names `key` as a word of its own (a genitive 's' allowed: 'Hallenbad' is
    no mention of Halle, 'Halles' is), or as the first part of a name in capitals inside
    ('MünsterZukunft')."""
    return len(re.findall(rf"\b{re.escape(key)}(?:s?\b|(?=[A-ZÄÖÜ]))", text))
