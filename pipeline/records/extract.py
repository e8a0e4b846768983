"""Extract stage: ProjectBlock -> project record (a dict the models validate), with its doubts.

Needs the Layout's blocks, the Cleaned text (to see which edits touch a value) and the profile.
Produces one dict per block with the fields of projects.json, `needs_review` (the fields the
evidence does not settle) and `review_notes` (why). A value read from "Label: value" on one line
is trusted; a value found elsewhere (next lines, banner text) is taken as the best reading and
always flagged.
"""
from __future__ import annotations

import re
import statistics
from bisect import bisect_left
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from pipeline.repair.clean import Cleaned
from pipeline.records.columns import paragraphs_in_column_order
from pipeline.corrections import Profile
from pipeline.language.lexicon import MIN_PART_ZIPF, UMLAUT_OF, Lexicon, german_states, state_code
from pipeline.read.page_furniture import PAGE_BREAK_BLANKS, PAGE_NUMBER, line_key
from pipeline.records.segment import LISTED_MIN_SCORE, Layout, Line, ProjectBlock, closest_listed, nearest_state

LABEL_MIN_SCORE = 80
CLASS_MIN_MARGIN = 8
CATEGORY_MIN_SCORE = 90
PROSE_MIN_WORDS = 20
OCR_DEBRIS = re.compile(r"[A-Za-zÄÖÜäöüß][&$@§|\\{}\[\]<>]|[&$@§|\\{}\[\]<>][A-Za-zÄÖÜäöüß]|[a-zäöüß]\d|\d[a-zäöüß]")
LOST_UMLAUT_MIN_ZIPF = 3.5  # the umlaut reading must be a common word to be worth a question,
LOST_UMLAUT_MAX_RARER = 1.5  # and not far rarer than the word as read ('Raum' is no 'Räum')
STYLISED = re.compile(r"@|^#")  # handles and hashtags ('Musterst@dt', '#2030digital') are printed so
NAME_CHARS = re.compile(r"^[\w .,'()/&-]+$")
WORDLIKE = re.compile(r"^[(„\"#]?[^\W\d_]{2,}[\w*/.#@-]*[)“\".,;:!?]*$|^\d+[.,]?\d*[.,:;%)]*$|^[-–&]$")
REORDERED_NAME_MIN_SCORE = 95  # the same words as an overview entry, in another order
NAME_VARIANT_MIN_SCORE = 80  # a word of a title this similar to a word of the name is that word
FOREIGN_MIN_MENTIONS = 2
DOUBTFUL_EDIT_CONFIDENCE = 0.6  # a repair below this inside a value puts the value up for review
SENTENCE_MIN_LOWER = 0.25  # share of words in lower case below which a line is no running text
DEBRIS_CHARS = re.compile(r"[|\\\[\]{}~$%=<>^°©®™]")
# Description quality: in any QUALITY_WINDOW words in a row, at least this share must be words
# the lexicon knows (repairs included), numbers or short acronyms. Measured on the layout family
# (text layers: no description below it) and the 2021 OCR (the unreadable ones fall below it).
QUALITY_WINDOW = 12
QUALITY_MIN_SETTLED = 0.7
QUALITY_MIN_ZIPF = 1.0  # rare words count as words: names of places and programmes are rare
TYPOGRAPHY = re.compile(r"^[-–—&*•·=+|/]+$")  # dashes, bullets: neither words nor damage
PUNCTUATION = ".,;:!?()„“”\"'»«‚‘’…"


@dataclass
class Record:
    fields: dict
    needs_review: list[str] = field(default_factory=list)
    review_notes: dict[str, str] = field(default_factory=dict)
    used_lines: set[int] = field(default_factory=set)
    value_lines: dict[str, list[Line]] = field(default_factory=dict)  # where title/motto were read
    name_as_listed: str | None = None  # the overview's spelling, where it differs from the name
    debris: list[str] = field(default_factory=list)  # text taken out of a value: it goes to figure_text
    furniture: list[str] = field(default_factory=list)  # running headers an OCR text kept on the record's pages

    def flag(self, name: str, note: str) -> None:
        if name not in self.needs_review:
            self.needs_review.append(name)
        self.note(name, note)

    def note(self, name: str, note: str) -> None:
        """A note for the reviewer that does not put the field up for review; earlier notes stay."""
        self.review_notes[name] = f"{self.review_notes[name]}; {note}" if name in self.review_notes else note


# ---------------------------------------------------------------- small text predicates

def letters_share(text: str) -> float:
    chars = [c for c in text if not c.isspace()]
    return sum(c.isalpha() for c in chars) / len(chars) if chars else 0.0


def looks_like_value(text: str) -> bool:
    """A title or motto candidate: mostly letters, at least two real words, no figure debris."""
    words = re.findall(r"[^\W\d_]{3,}", text)
    return (letters_share(text) >= 0.6 and len(words) >= 2 and not DEBRIS_CHARS.search(text)
            and wordlike_share(text) >= 0.7)


def displaced_value(text: str) -> bool:
    """A value found away from its label needs more evidence than one on the label's line:
    three words at least (dots join words in slogans like 'offen.klug.verbunden')."""
    return looks_like_value(text) and len(re.findall(r"[^\W\d_]{2,}", text)) >= 3


def record_id(name: str) -> str:
    """'Musterau (Oberpfalz)' -> 'musterau-oberpfalz', 'Lübbenau' -> 'luebbenau' (stable across runs
    and editions)."""
    folded = name.lower().translate(str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}))
    folded = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def name_key(name: str) -> str:
    """The most distinctive word of a name, used to spot its text in another project's pages."""
    return max(re.findall(r"[^\W\d_][\w-]+", name) or [name], key=len)


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


def join_lines(lines: list[Line]) -> str:
    return re.sub(r"\s+", " ", " ".join(l.text.strip() for l in lines)).strip()


def is_prose(para: list[Line]) -> bool:
    text = join_lines(para)
    return len(text.split()) >= PROSE_MIN_WORDS and letters_share(text) >= 0.7


# ---------------------------------------------------------------- states (spaCy rules)

@lru_cache(maxsize=1)
def state_matcher():
    import spacy  # imported here: it costs a second at start-up and only this matcher needs it
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("de")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for state in german_states():
        matcher.add(state, [nlp.make_doc(state)])
    return nlp, matcher


def text_to_states(text: str) -> tuple[list[str], list[str]]:
    """'Baden-Württemberg, Hessen, Rheinland-Pfalz' -> (states, notes on fuzzy matches). A list
    of exact names (most lines) needs no matcher; spaCy is imported for the others only."""
    exact = exact_states(text)
    if exact is not None:
        return exact, []
    nlp, matcher = state_matcher()
    doc = nlp.make_doc(text)
    found, covered = [], set()
    for match_id, start, end in sorted(matcher(doc), key=lambda m: m[1]):
        found.append(nlp.vocab.strings[match_id])
        covered.update(range(start, end))
    rest = " ".join(t.text for i, t in enumerate(doc) if i not in covered)
    notes = []
    for piece in re.split(r"[,;/]|\bund\b", rest):
        piece = piece.strip(" .-·")
        if len(piece) < 4:
            continue
        hit = nearest_state(piece)
        if hit:
            found.append(hit[0])
            notes.append(f"'{piece}' read as {hit[0]} ({hit[1]:.0f} % similar)")
        else:
            notes.append(f"'{piece}' is no Land")
    return list(dict.fromkeys(found)), notes


def exact_states(text: str) -> list[str] | None:
    """The Länder of a line that lists nothing but their exact names (any case), else None."""
    by_name = {name.casefold(): name for name in german_states()}
    pieces = [" ".join(p.split()).strip(" .-·") for p in re.split(r"[,;/]|\bund\b", text)]
    names = [by_name.get(p.casefold()) for p in pieces if p]
    return list(dict.fromkeys(names)) if names and None not in names else None


# ---------------------------------------------------------------- header: labels and values

def match_label(text: str, profile: Profile) -> tuple[str, str] | None:
    """'Projekttitel: X' -> ('title', 'X'); None if the line does not start with a label."""
    m = re.match(r"^\s*([^\W\d_]+)\s*[:;.]\s*(.*)$", text)
    if not m:
        return None
    for field_name, label in profile.labels.items():
        if fuzz.ratio(m.group(1).lower(), label.lower()) >= LABEL_MIN_SCORE:
            return field_name, m.group(2).strip()
    return None


def split_run_in_label(value: str, profile: Profile) -> tuple[str, str | None]:
    """'X Motto: Y' on the title line -> ('X', 'Y')."""
    label = re.escape(profile.labels["motto"])
    m = re.search(rf"\s{label}\s*:\s*", value, flags=re.I)
    return (value[: m.start()].strip(), value[m.end():].strip() or None) if m else (value, None)


def header_to_fields(block: ProjectBlock, profile: Profile, record: Record) -> int:
    """Fill title and motto; return the number of the line after the last label (the body's start)."""
    values: dict[str, str | None] = {}
    label_order: list[str] = []
    loose: list[list[Line]] = []  # runs of value-like lines in the header zone, in order
    last_label = block.size_line.number
    after = [l for l in block.lines if l.number > block.size_line.number]
    for para in paragraphs(after):
        if is_prose(para) and not any(match_label(l.text, profile) for l in para):
            break
        chunk: list[Line] = []
        for line in para:
            if "title" in values and "motto" in values:
                break
            label = match_label(line.text, profile)
            if label is None:
                if looks_like_value(line.text) or (chunk and len(line.text.split()) <= 3 and letters_share(line.text) >= 0.8):
                    chunk.append(line)
                elif chunk:
                    loose.append(chunk)
                    chunk = []
                continue
            if chunk:
                loose.append(chunk)
                chunk = []
            field_name, value = label
            record.used_lines.add(line.number)
            label_order.append(field_name)
            last_label = line.number
            if field_name == "title" and value:
                value, motto = split_run_in_label(value, profile)
                if motto:
                    values["motto"] = motto
                    record.value_lines["motto"] = [line]
            if value:
                values[field_name] = value
                record.value_lines[field_name] = [line]
        if chunk:
            loose.append(chunk)
        if "title" in values and "motto" in values:
            break
    body_start = last_label + 1
    for field_name in ("title", "motto"):
        if field_name not in label_order:
            record.flag(field_name, f"no '{profile.labels[field_name]}:' label in the header")
    empty = [f for f in ("title", "motto") if f not in values]
    for chunk in loose:
        text = join_lines(chunk)
        if not empty or not displaced_value(text):
            continue
        target = empty.pop(0)
        values[target] = text
        record.used_lines.update(l.number for l in chunk)
        record.value_lines[target] = chunk
        record.flag(target, "label empty; value taken from the text near the header")
    for field_name in empty:
        banner = body_banner(block, record, body_start, [v for v in values.values() if v])
        if banner is not None:
            values[field_name] = join_lines([banner])
            record.used_lines.add(banner.number)
            record.value_lines[field_name] = [banner]
            record.flag(field_name, "label empty; value taken from banner text in the project's pages")
        else:
            values[field_name] = None
            record.flag(field_name, "label empty and no value found")
    record.fields["title"] = values.get("title")
    record.fields["motto"] = values.get("motto")
    return body_start


def body_banner(block: ProjectBlock, record: Record, body_start: int, taken: list[str]) -> Line | None:
    """A stand-alone line in the body that reads like a slogan (the value a label lost)."""
    lines = [l for l in block.lines if l.number >= body_start and l.number not in record.used_lines]
    singles = [p[0] for p in paragraphs(lines) if len(p) == 1 and looks_like_value(p[0].text)
               and not any(fuzz.partial_ratio(p[0].text, t) >= 90 for t in taken)]
    singles = [l for l in singles if 3 <= len(l.text.split()) <= 14 and not l.text.strip().isupper()
               and not l.text.rstrip().endswith(("-", ","))]
    if not singles:
        return None
    key = name_key(record.fields["name"]).lower()
    with_name = [l for l in singles if key in l.text.lower()]
    return (with_name or singles)[0]


# ---------------------------------------------------------------- the record

@dataclass(frozen=True)
class Document:
    """What the record extraction needs to know about the whole text."""

    pages: Pages
    lexicon: Lexicon
    ocr: bool  # OCR output (a scan, English-model OCR): unsettled words in values are flagged
    usual_line: float  # median length of the project pages' lines with three words or more
    running: frozenset[str]  # keys of lines repeated on many pages: running headers an OCR text kept
    styled: frozenset[int] = frozenset()  # raw offsets of lines a text layer sets in another size
    listed: tuple[str, ...] = ()  # the names in the brochure's own overview of all projects
    positions: bool = False  # the text came with word positions (a PDF): its columns are in order


def document_facts(layout: Layout, pages: Pages, lexicon: Lexicon, ocr: bool,
                   styled: frozenset[int] = frozenset(), positions: bool = False) -> Document:
    lengths = [len(l.text) for b in layout.projects for l in b.lines if len(l.text.split()) >= 3]
    return Document(pages, lexicon, ocr, statistics.median(lengths) if lengths else 0.0, layout.running, styled,
                    tuple(e["name"] for e in layout.overview), positions)


def block_to_record(block: ProjectBlock, cleaned: Cleaned, profile: Profile, doc: Document) -> Record:
    name = block.name
    record = Record({"id": record_id(name), "name": name})
    record.used_lines.update({*(l.number for l in block.name_lines), block.size_line.number})
    if not NAME_CHARS.match(name):
        record.flag("name", f"unexpected characters in the name line '{name}'")
    if re.search(r"\d", name):
        record.flag("name", f"a number in the name '{name}' (a page number read into it?)")
    if doc.listed:
        check_name_against_overview(record, doc.listed)
    record.fields["category"] = profile.canonical(block.category)
    record.fields["category_printed"] = block.category
    if block.doubtful_heading is not None:
        record.flag("category", f"'{block.doubtful_heading}' stands alone like a section heading but is no section "
                                "of the profile; the section before it was kept")
    if block.category is None or block.category_score < CATEGORY_MIN_SCORE:
        record.flag("category", "no clear section heading before this project")
    size = block.size
    record.fields["size_class"] = size.size_class
    ranked = process.extract(size.size_text, profile.size_classes, scorer=fuzz.ratio, limit=2)
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < CLASS_MIN_MARGIN:
        record.flag("size_class", f"'{size.size_text}' is close to both {ranked[0][0]} and {ranked[1][0]}")
    states, notes = text_to_states(size.states_text)
    record.fields["states"] = states
    record.fields["state_codes"] = [state_code(s) for s in states]
    if notes:
        record.flag("states", "; ".join(notes))
    header_to_fields(block, profile, record)
    record.fields["page"] = page_of(block, doc.pages)
    # lines of the header zone that no field took (a value's second line) stay text, never vanish
    body = [l for l in block.lines if l.number > block.size_line.number and l.number not in record.used_lines]
    styled = frozenset(l.number for l in body if cleaned.raw_offset(l.start) in doc.styled)
    kept, figures, furniture = body_paragraphs(body, doc.running, styled)
    record.furniture += [t for t in furniture if not PAGE_NUMBER.match(t)]
    if doc.positions:  # a PDF: its words came in column order already
        record.fields["description"] = "\n\n".join(join_lines(p) for p in kept)
    else:
        texts, notes = paragraphs_in_column_order([visual_lines(cleaned, p) for p in kept], doc.usual_line, doc.lexicon)
        record.fields["description"] = "\n\n".join(texts)
        for note, sure in notes:
            (record.note if sure else record.flag)("description", note)
    record.fields["figure_text"] = record.debris + [join_lines(p) for p in figures]
    quality, worst = description_quality(record.fields["description"], doc.lexicon)
    if quality < QUALITY_MIN_SETTLED:
        record.flag("description", f"quality {quality:.2f}: in '{worst}' only {round(quality * QUALITY_WINDOW)} of "
                                   f"{QUALITY_WINDOW} words are known words or numbers; the text may be unreadable OCR")
    flag_uncertain_edits(record, block, cleaned)
    flag_name_words_listed_otherwise(record)
    flag_name_spelt_otherwise_in_values(record)
    if doc.ocr:
        flag_doubtful_words(record, doc.lexicon, doc.listed)
    return record


def token_settled(token: str, lexicon: Lexicon) -> bool | None:
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
        return all(lexicon.zipf(part) >= QUALITY_MIN_ZIPF or (part.isupper() and len(part) <= 6)
                   for part in word.split("-") if part)
    return False


def description_quality(text: str, lexicon: Lexicon) -> tuple[float, str]:
    """-> (the lowest share of settled words in any QUALITY_WINDOW words in a row, those words).
    Damage is local (a paragraph, a figure's text), so a window finds what a mean would hide."""
    tokens = [t for t in text.split() if token_settled(t, lexicon) is not None]
    flags = [bool(token_settled(t, lexicon)) for t in tokens]
    if len(flags) <= QUALITY_WINDOW:
        return (sum(flags) / len(flags) if flags else 1.0), " ".join(tokens)
    shares = [sum(flags[i : i + QUALITY_WINDOW]) / QUALITY_WINDOW for i in range(len(flags) - QUALITY_WINDOW + 1)]
    worst = min(range(len(shares)), key=shares.__getitem__)
    return shares[worst], " ".join(tokens[worst : worst + QUALITY_WINDOW])


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


def move_foreign_paragraphs(records: list[Record]) -> None:
    """Paragraphs that speak of another project by name, and never of their own, were put on the
    wrong pages by the layout: move them to the project they name and note it on both."""
    keys = {id(r): name_key(r.fields["name"]) for r in records}
    moves = []
    for record in records:
        kept = []
        for para in record.fields["description"].split("\n\n"):
            own = mentions(para, keys[id(record)])
            others = [r for r in records if r is not record and mentions(para, keys[id(r)]) >= FOREIGN_MIN_MENTIONS]
            if own == 0 and len(others) == 1:
                moves.append((record, others[0], para))
            else:
                kept.append(para)
        record.fields["description"] = "\n\n".join(kept)
    for source, target, para in moves:
        target.fields["description"] = "\n\n".join(p for p in (target.fields["description"], para) if p)
        source.note("description", f"a paragraph about {target.fields['name']} was moved to that project ('{para[:40]}…')")
        target.flag("description", f"a paragraph found in the pages of {source.fields['name']} was appended; check its place")


def mentions(text: str, key: str) -> int:
    """How often `text` names `key` as a word of its own (a genitive 's' allowed: 'Hallenbad' is
    no mention of Halle, 'Halles' is)."""
    return len(re.findall(rf"\b{re.escape(key)}s?\b", text))


def flag_uncertain_edits(record: Record, block: ProjectBlock, cleaned: Cleaned) -> None:
    """A value that holds an OCR repair the tool did not dare to make (or made with low confidence)."""
    for field_name, lines in {"name": list(block.name_lines), **record.value_lines}.items():
        for line in lines:
            lo, hi = cleaned.raw_offset(line.start), cleaned.raw_offset(line.start + len(line.text))
            doubtful = [e for e in cleaned.edits if lo <= e.start < hi and e.rule.startswith("umlaut:")
                        and (not e.applied or e.confidence < DOUBTFUL_EDIT_CONFIDENCE)]
            for e in doubtful:
                verb = "left unrepaired" if not e.applied else "repaired with low confidence"
                record.flag(field_name, f"'{e.word_before}' could be '{e.word_after}' ({verb})")


def check_name_against_overview(record: Record, listed: tuple[str, ...]) -> None:
    """The name as read, checked against the brochure's own overview of all projects. The
    overview's spelling is taken, flagged and with the reading in the note, where the difference
    is what OCR does to a name: the name's lines out of order, specks after it, umlauts lost
    ('Gorlitz' is less similar to 'Görlitz' than LISTED_MIN_SCORE). Otherwise a name the overview
    lacks, or spells otherwise, is flagged. The record's id follows its final name (run.py)."""
    name = record.fields["name"]
    entry, score = closest_listed(name, listed)
    entry = next((e for e in listed if umlauts_lost(name, e)), entry)
    if umlauts_lost(name, entry):
        record.fields["name"] = " ".join(entry.split())
        record.flag("name", f"read '{name}'; the brochure's overview prints it with its umlauts, '{entry}', "
                            "which was taken (OCR loses umlauts, it does not add them)")
        return
    if score >= LISTED_MIN_SCORE:
        if words_spelt_otherwise(name, entry):
            record.flag("name", f"the brochure's overview prints it '{entry}'")
            record.name_as_listed = entry
        return
    reordered, words_score = closest_listed(name, listed, fuzz.token_sort_ratio)
    debris = debris_after_listed(name, listed)
    if words_score >= REORDERED_NAME_MIN_SCORE:
        record.fields["name"] = " ".join(reordered.split())
        record.flag("name", f"read '{name}': its lines came out of order; the brochure's overview prints "
                            f"'{reordered}', which was taken")
    elif debris:
        record.fields["name"], rest = debris
        record.debris.append(rest)
        record.flag("name", f"read '{name}'; the brochure's overview prints '{debris[0]}', which was taken "
                            f"('{rest}' looks like OCR debris and went to figure_text)")
    else:
        record.flag("name", "the brochure's overview of all projects has no such name")


def debris_after_listed(name: str, listed: tuple[str, ...]) -> tuple[str, str] | None:
    """'Göttingen ee e' -> ('Göttingen', 'ee e'): an entry of the overview followed by nothing but
    pieces of one or two letters (specks a scan's OCR read as letters)."""
    for entry in sorted(listed, key=len, reverse=True):
        rest = name[len(entry):] if name.lower().startswith(entry.lower()) else None
        if rest and rest[:1].isspace() and all(len(t) <= 2 for t in rest.split()):
            return entry, rest.strip()
    return None


def umlauts_lost(name: str, listed: str) -> bool:
    """'Bienenbuttel' / 'Bienenbüttel': the same but for umlauts (or ß) only the list has."""
    fold = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
    ours, theirs = " ".join(name.split()).lower(), " ".join(listed.split()).lower()
    return ours != theirs and ours.translate(fold) == theirs.translate(fold) and ours == ours.translate(fold)


def flag_name_spelt_otherwise_in_values(record: Record) -> None:
    """The project's own title or motto names the place in another spelling ('Neumutnster' /
    'Neumünster'): one of the two is misread, so the name is put up for review. A word derived
    from the name ('Musterauer') or a stylised one cut short ('Musterl@nd') is no other spelling."""
    values = " ".join(record.fields.get(f) or "" for f in ("title", "motto"))
    theirs = set(re.findall(r"[^\W\d_]{4,}", values))
    for word in re.findall(r"[^\W\d_]{4,}", record.fields["name"]):
        near = [w for w in theirs if fuzz.ratio(w.lower(), word.lower()) >= NAME_VARIANT_MIN_SCORE
                and not (w.lower().startswith(word.lower()) or word.lower().startswith(w.lower()))]
        if near and word.lower() not in {w.lower() for w in theirs}:
            record.flag("name", f"'{word}' is spelt '{sorted(near)[0]}' in the title or motto")


def words_spelt_otherwise(name: str, listed: str) -> set[str]:
    """Words of `name` (in lower case) that the overview's `listed` spells otherwise: not there
    as words, nor as part of one of its words or containing one ('Kreis' / 'Landkreis' is a
    choice of words, 'Bienenbuttel' / 'Bienenbüttel' a misreading)."""
    theirs = {w.lower() for w in re.findall(r"\w+", listed)}
    ours = {w.lower() for w in re.findall(r"\w+", name)}
    return {w for w in ours - theirs if not any(w in t or t in w for t in theirs)}


def flag_name_words_listed_otherwise(record: Record) -> None:
    """A title or motto that repeats a word of the name which the brochure's overview spells
    otherwise ('Greiß wald' / 'Greifswald') carries the same doubt as the name."""
    if not record.name_as_listed:
        return
    differing = words_spelt_otherwise(record.fields["name"], record.name_as_listed)
    for field_name in ("title", "motto"):
        words = {w.lower() for w in re.findall(r"\w+", record.fields.get(field_name) or "")}
        for word in sorted(differing & words):
            record.flag(field_name, f"'{word}' is spelt as in the name, which the overview prints '{record.name_as_listed}'")


def flag_doubtful_words(record: Record, lexicon: Lexicon, listed: tuple[str, ...] = ()) -> None:
    """In OCR text, a name, title or motto whose words the repair could not settle: leftover OCR
    symbols ('Ma&'), a word that is also a word with an umlaut the OCR may have lost ('alter' /
    'älter'), and a word the word list does not know ('Chosebuz'), unless a title or motto takes
    it from the project's name or the brochure's list of projects."""
    names = {w.casefold() for n in (record.fields["name"], *listed) for w in re.findall(r"\w+", n)}
    for field_name in ("name", "title", "motto"):
        for token in re.split(r"[\s/–-]+", record.fields.get(field_name) or ""):
            word = token.strip(".,;:!?()„“”\"'»«-")
            if OCR_DEBRIS.search(word) and not STYLISED.search(word):
                record.flag(field_name, f"'{word}' looks like unrepaired OCR")
                continue
            if not word.isalpha() or f"'{word}'" in record.review_notes.get(field_name, ""):
                continue  # no word, or already questioned by the repair itself
            zipf = lexicon.zipf(word)
            # a common word with an umlaut not far rarer than the word as read, or any word with
            # an umlaut that is commoner than it ('Sudwestfalen' / 'Südwestfalen')
            lost = [v for v in umlaut_variants(word)
                    if (lexicon.zipf(v) >= LOST_UMLAUT_MIN_ZIPF and lexicon.zipf(v) >= zipf - LOST_UMLAUT_MAX_RARER)
                    or lexicon.zipf(v) >= max(zipf, MIN_PART_ZIPF)]
            if lost:
                record.flag(field_name, f"'{word}' could also be '{lost[0]}' (OCR often loses umlauts)")
            elif len(word) >= 4 and zipf == 0 and (field_name == "name" or word.casefold() not in names):
                record.flag(field_name, f"'{word}' is not in the word list; check its spelling")


def umlaut_variants(word: str) -> list[str]:
    """'alter' -> ['älter']: the word with one vowel given the umlaut an OCR may have dropped."""
    return [word[:i] + UMLAUT_OF[c] + word[i + 1:] for i, c in enumerate(word) if c in UMLAUT_OF]


def sentence_like(text: str) -> bool:
    """German running text has articles, verbs and prepositions in lower case between its nouns;
    labels of a diagram or a poster ('Digitale Plattform Intelligente Quartiere') have few."""
    words = re.findall(r"[^\W\d_]{2,}", text)
    return bool(words) and sum(w[0].islower() for w in words) / len(words) >= SENTENCE_MIN_LOWER


def wordlike_share(text: str) -> float:
    """Share of tokens that look like words (figure debris is full of stray letters and symbols)."""
    tokens = text.split()
    return sum(1 for t in tokens if WORDLIKE.match(t)) / len(tokens) if tokens else 0.0


def body_paragraphs(lines: list[Line], running: frozenset[str] = frozenset(), styled: frozenset[int] = frozenset()
                    ) -> tuple[list[list[Line]], list[list[Line]], list[str]]:
    """Body lines -> (paragraphs of running text, figure text, page furniture taken out). Page
    numbers (the record's `page` tells them) and running headers an OCR text kept (keys in
    `running`) are furniture: the caller lists the headers with the removed running lines.
    Nothing else is dropped: a paragraph set in another size (`styled`:
    line numbers; text layers only), figure debris, and a short line that neither ends a sentence,
    nor heads running text, nor goes on in the next paragraph (a caption, a banner, a callout)
    is figure text. A paragraph that a page or column break cut in two (it goes on in lower
    case) is joined again."""
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
        ends_sentence = text[-1] in ".!?:" and letters_share(text) >= 0.8
        if all(l.number in styled for l in para) or letters_share(text) < 0.7 or text.isupper() \
                or wordlike_share(text) < 0.7:
            figures.append(para)
        elif kept and text[0].islower() and letters_share(text) >= 0.8 and (len(words) >= 3 or ends_sentence):
            kept[-1] = kept[-1] + para
        elif sentence_like(text) and (len(words) >= 8 or (len(words) >= 2 and ends_sentence)):
            kept.append(para)
        elif sentence_like(text) and following[:1].islower() and len(following.split()) >= 3:
            kept.append(para)  # a sentence the layout broke: it goes on in the next paragraph
        elif 2 <= len(words) <= 8 and letters_share(text) >= 0.85 and text[0].isupper() and i + 1 < len(paras) \
                and is_prose(paras[i + 1]):
            kept.append(para)  # a sub-heading over running text
        else:
            figures.append(para)
    return kept, figures, furniture


# ---------------------------------------------------------------- pages

@dataclass(frozen=True)
class Pages:
    """Where the text shows printed page numbers; `breaks[n]` counts page breaks before line n."""

    breaks: dict[int, int]
    numbers: dict[int, int]  # line number -> printed page number (confirmed ones only)
    printed: tuple[int | None, ...] = ()  # PDF routes: printed number per page break count


def lines_to_pages(lines: list[Line], printed: tuple[int | None, ...] = ()) -> Pages:
    """Lone numbers are page numbers or figure debris. One is trusted when another lone number
    differs from it by exactly the number of page breaks (runs of blank lines) between them.
    A PDF route knows its pages: each form feed is a page break, `printed` their numbers."""
    if printed:
        breaks, count = {}, 0
        for line in lines:
            count += line.text.count("\f")
            breaks[line.number] = count
        return Pages(breaks, {}, printed)
    breaks, blank_run, candidates = {}, 0, []
    count = 0
    for line in lines:
        if line.blank or "\f" in line.text:
            blank_run += 1
        else:
            if blank_run >= PAGE_BREAK_BLANKS:
                count += 1
            blank_run = 0
            m = PAGE_NUMBER.match(line.text)
            if m and int(m.group(1)) > 0:
                candidates.append((line.number, int(m.group(1))))
        breaks[line.number] = count
    numbers = {
        n: v for n, v in candidates
        if any(n2 != n and abs(v2 - v) == 1 and v2 - v == breaks[n2] - breaks[n] for n2, v2 in candidates)
    }
    return Pages(breaks, numbers)


def page_of(block: ProjectBlock, pages: Pages) -> int | None:
    """The printed page of the project's header, where a confirmed page number in its pages shows it."""
    if pages.printed:
        index = pages.breaks[block.name_line.number]
        return pages.printed[index] if index < len(pages.printed) else None
    for line in block.lines:
        if line.number in pages.numbers:
            return pages.numbers[line.number] - pages.breaks[line.number] + pages.breaks[block.name_line.number]
    return None
