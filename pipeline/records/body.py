"""A record's body: running text apart from figure text and page furniture, the description's
lines as printed (for the column order), its quality, and paragraphs that belong to another project."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from pipeline.language.lexicon import Lexicon
from pipeline.read.page_furniture import PAGE_NUMBER, line_key
from pipeline.records.draft import Doubt, Record, flag, note
from pipeline.records.segment import Line
from pipeline.records.settings import DEFAULT_RECORDS_SETTINGS, RecordsSettings
from pipeline.records.text import is_prose, join_lines, letters_share, name_key, paragraphs, sentence_like, wordlike_share
from pipeline.repair.clean import Cleaned

TYPOGRAPHY = re.compile(r"^[-–—&*•·=+|/]+$")  # dashes, bullets: neither words nor damage
PUNCTUATION = ".,;:!?()„“”\"'»«‚‘’…"


def body_paragraphs(lines: list[Line], running: frozenset[str] = frozenset(), styled: frozenset[int] = frozenset(),
                    settings: RecordsSettings = DEFAULT_RECORDS_SETTINGS
                    ) -> tuple[list[list[Line]], list[list[Line]], list[str]]:
    """Body lines -> (paragraphs of running text, figure text, page furniture taken out). Page
    numbers (the record's `page` tells them) and running headers an OCR text kept (keys in
    `running`) are furniture: the caller lists the headers with the removed running lines.
    Nothing else is dropped: a paragraph set in another size (`styled`:
    line numbers; text layers only), figure debris, and a short line that neither ends a sentence,
    nor heads running text, nor goes on in the next paragraph (a caption, a banner, a callout)
    is figure text. A paragraph that a page or column break cut in two (it goes on in lower
    case) is joined again."""
    t = settings.text
    paras = paragraphs(lines)
    kept: list[list[Line]] = []
    figures: list[list[Line]] = []
    furniture: list[str] = []
    for i, para in enumerate(paras):
        text = join_lines(para)
        words = text.split()
        if PAGE_NUMBER.match(text) or (len(para) == 1 and line_key(text) in running):
            furniture.append(text)
            continue
        following = join_lines(paras[i + 1]) if i + 1 < len(paras) else ""
        ends_sentence = text[-1] in ".!?:" and letters_share(text) >= t.clean_min_letters
        if all(l.number in styled for l in para) or letters_share(text) < t.prose_min_letters or text.isupper() \
                or wordlike_share(text) < t.wordlike_min_share:
            figures.append(para)
        elif kept and text[0].islower() and letters_share(text) >= t.clean_min_letters \
                and (len(words) >= t.continuation_min_words or ends_sentence):
            kept[-1] = kept[-1] + para
        elif sentence_like(text, settings) and (len(words) >= t.paragraph_min_words
                                                or (len(words) >= t.sentence_min_words and ends_sentence)):
            kept.append(para)
        elif sentence_like(text, settings) and following[:1].islower() \
                and len(following.split()) >= t.continuation_min_words:
            kept.append(para)  # a sentence the layout broke: it goes on in the next paragraph
        elif t.subheading_min_words <= len(words) <= t.subheading_max_words \
                and letters_share(text) >= t.subheading_min_letters and text[0].isupper() and i + 1 < len(paras) \
                and is_prose(paras[i + 1], settings):
            kept.append(para)  # a sub-heading over running text
        else:
            figures.append(para)
    return kept, figures, furniture


def token_settled(token: str, lexicon: Lexicon, settings: RecordsSettings) -> bool | None:
    """A word the lexicon knows (each part of a hyphenated one), a number or a short acronym:
    True; a word nobody knows, a lone letter or OCR debris ('kxnstr', 'e', '0o', '¥'): False;
    a dash or a bullet: None (not counted)."""
    word = token.strip(PUNCTUATION)
    if not word or TYPOGRAPHY.match(word):
        return None
    if re.fullmatch(r"\d+(?:[.,:]\d+)*%?|\d+-\w+", word):
        return True
    if re.fullmatch(r"[^\W\d_]", word) and not token.endswith("."):
        return False  # a lone letter is no German word ('u.', 'v.' abbreviate with a stop)
    if re.fullmatch(r"[^\W\d_]+(?:-[^\W\d_]*)*", word):
        f = settings.fields
        return all(lexicon.zipf(part) >= f.quality_min_zipf or (part.isupper() and len(part) <= f.acronym_max_chars)
                   for part in word.split("-") if part)
    return False


def description_quality(text: str, lexicon: Lexicon,
                        settings: RecordsSettings = DEFAULT_RECORDS_SETTINGS) -> tuple[float, str]:
    """-> (the lowest share of settled words in any `quality_window` words in a row, those words).
    Damage is local (a paragraph, a figure's text), so a window finds what a mean would hide."""
    window = settings.fields.quality_window
    tokens = [t for t in text.split() if token_settled(t, lexicon, settings) is not None]
    flags = [bool(token_settled(t, lexicon, settings)) for t in tokens]
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


def move_foreign_paragraphs(records: list[Record], settings: RecordsSettings = DEFAULT_RECORDS_SETTINGS) -> list[Record]:
    """Paragraphs that speak of another project by name, and never of their own, were put on the
    wrong pages by the layout: the records with each such paragraph moved to the project it
    names, noted on both."""
    keys = [name_key(r.fields["name"]) for r in records]
    descriptions, moves = [], []  # moves: (from, to, paragraph), as indexes into records
    for i, record in enumerate(records):
        kept = []
        for para in record.fields["description"].split("\n\n"):
            own = mentions(para, keys[i])
            others = [j for j in range(len(records))
                      if j != i and mentions(para, keys[j]) >= settings.fields.foreign_min_mentions]
            if own == 0 and len(others) == 1:
                moves.append((i, others[0], para))
            else:
                kept.append(para)
        descriptions.append("\n\n".join(kept))
    doubts: list[list[Doubt]] = [[] for _ in records]
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
    no mention of Halle, 'Halles' is)."""
    return len(re.findall(rf"\b{re.escape(key)}s?\b", text))
