"""A record's name, title and motto checked: against the brochure's overview of all projects,
against each other, and (in OCR text) word by word against the lexicon and the repair's doubts."""
from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from pipeline.language.lexicon import MIN_PART_ZIPF, UMLAUT_OF, WITHOUT_UMLAUTS, Lexicon
from pipeline.records.draft import Doubt, flag, note, notes_of
from pipeline.records.name_wrap import debris_after_listed
from pipeline.records.segment import Line, closest_listed
from pipeline.records.settings import DEFAULT_RECORDS_SETTINGS, RecordsSettings
from pipeline.repair.clean import Cleaned

OCR_DEBRIS = re.compile(r"[A-Za-zÄÖÜäöüß][&$@§|\\{}\[\]<>]|[&$@§|\\{}\[\]<>][A-Za-zÄÖÜäöüß]|[a-zäöüß]\d|\d[a-zäöüß]|^_|_$")
STYLISED = re.compile(r"@|^#")  # handles and hashtags ('Musterst@dt', '#2030digital') are printed so
NAME_CHARS = re.compile(r"^[\w .,'()/&-]+$")


@dataclass(frozen=True)
class NameReading:
    """A name as the check against the overview leaves it, and the doubts about it."""

    name: str
    doubts: tuple[Doubt, ...] = ()
    as_listed: str | None = None  # the overview's spelling, where it differs from the name
    read_as: str | None = None  # the name as read, where the overview's spelling was taken for it
    debris: tuple[str, ...] = ()  # text taken off the name: it goes to figure_text


def name_line_doubts(name: str) -> list[Doubt]:
    """A name as read with characters no name has, or a number."""
    doubts = []
    if not NAME_CHARS.match(name):
        doubts.append(flag("name", f"unexpected characters in the name line '{name}'"))
    if re.search(r"\d", name):
        doubts.append(flag("name", f"a number in the name '{name}' (a page number read into it?)"))
    return doubts


def uncertain_edit_doubts(value_lines: dict[str, list[Line]], cleaned: Cleaned, fields: dict | None = None) -> list[Doubt]:
    """A value (field -> the lines it was read from) that holds an OCR repair the tool did not
    dare to make (or made with low confidence); not where the value as output (`fields`) holds
    the repair's word and not the word as read: other evidence settled it (a name the overview
    spells with its umlauts, 'Mucke' -> 'Mücke')."""
    doubts = []
    for field_name, lines in value_lines.items():
        words = set(re.findall(r"\w+", (fields or {}).get(field_name) or ""))
        for line in lines:
            lo, hi = cleaned.raw_offset(line.start), cleaned.raw_offset(line.start + len(line.text))
            doubtful = [e for e in cleaned.edits if lo <= e.start < hi and e.rule.startswith("umlaut:") and e.doubtful
                        and not (e.word_after in words and e.word_before not in words)]
            for e in doubtful:
                verb = "left unrepaired" if not e.applied else "repaired with low confidence"
                doubts.append(flag(field_name, f"'{e.word_before}' could be '{e.word_after}' ({verb})"))
    return doubts


def unsure_reading_doubts(value_lines: dict[str, list[Line]], unsure: dict[int, tuple[str, ...]],
                          cleaned: Cleaned, fields: dict, listed: tuple[str, ...] = ()) -> list[Doubt]:
    """A name, title or motto (field -> the lines it was read from) holding a word the OCR that
    read the scan was unsure of (`unsure`: raw offset of a line -> such words on it). Its
    misreadings are often real words ('Vale Turale'), so only its own doubt tells them. A word the
    brochure's overview (`listed`) prints alike is vouched for by that other reading."""
    vouched = {w.casefold() for entry in listed for w in re.findall(r"\w+", entry)}
    doubts = []
    for field_name, lines in value_lines.items():
        value = {w.casefold() for w in re.findall(r"\w+", fields.get(field_name) or "")}
        # a value read from a row's end (a LabelTail) starts inside its line: look the line up by its start
        words = [w for line in lines for w in unsure.get(cleaned.raw_offset(cleaned.text.rfind("\n", 0, line.start) + 1), ())]
        # the word as the value holds it: the repair may have mended it, the overview replaced it
        held = list(dict.fromkeys(w for w in words
                                  if any(part.casefold() in value for part in re.findall(r"\w+", w))
                                  and not all(part.casefold() in vouched for part in re.findall(r"\w+", w))))
        if held:
            doubts.append(flag(field_name, f"the OCR was unsure of {', '.join(repr(w) for w in held)}: "
                                           "check the value against the page"))
    return doubts


def name_against_overview(name: str, listed: tuple[str, ...], settings: RecordsSettings,
                          lexicon: Lexicon | None = None) -> NameReading:
    """The name as read, checked against the brochure's own overview of all projects. The
    overview's spelling is taken, with the reading in the note, where the difference is what OCR
    does to a name: the name's lines out of order, specks after it (flagged), umlauts lost
    ('Gorlitz' is less similar to 'Görlitz' than listed_min_score; noted only: the letters are the
    overview's). Otherwise a name the overview
    lacks, or spells otherwise, is flagged; where the words it spells otherwise are far commoner
    than the name's as read (listed_reading_wins: 'Schwarzenbruck' for 'Schwarzenbruct'), the
    overview's is taken, flagged. The record's id follows its final name (ids.py)."""
    entry, score = closest_listed(name, listed)
    entry = next((e for e in listed if umlauts_lost(name, e)), entry)
    wholes = entries_with_part(name, listed)
    # another entry holds the name's words with words lost inside ('… mit [Löbau und] Zittau'): the name is either
    wholes += [e for e in listed if e not in wholes and len(name_words(e)) > len(name_words(name))
               and is_subsequence(name_words(name), name_words(e))] if wholes else []
    if len(wholes) == 1:
        return NameReading(" ".join(wholes[0].split()), (flag(
            "name", f"read '{name}'; the brochure's overview prints '{wholes[0]}', which was taken (the reading "
                    "left part of the name's lines off)"),))
    if wholes:
        return NameReading(name, (flag("name", f"read '{name}': the brochure's overview prints longer names that "
                                               "begin or end so or hold its words "
                                               f"({', '.join(repr(w) for w in wholes)})"),))
    if umlauts_lost(name, entry):  # noted, not flagged: the overview's letters are the name's, an OCR added none
        return NameReading(" ".join(entry.split()), (note(
            "name", f"read '{name}'; the brochure's overview prints it with its umlauts, '{entry}', "
                    "which was taken (OCR loses umlauts, it does not add them)"),))
    if score >= settings.segment.listed_min_score:
        if words_spelt_otherwise(name, entry):
            if lexicon is not None and listed_reading_wins(name, entry, lexicon):
                return NameReading(" ".join(entry.split()), (flag(
                    "name", f"read '{name}'; the brochure's overview prints '{entry}', a reading no OCR sign or "
                            "unknown word mars: the overview's was taken"),), read_as=name)
            return NameReading(name, (flag("name", f"the brochure's overview prints it '{entry}'"),), as_listed=entry)
        return NameReading(name)
    reordered, words_score = closest_listed(name, listed, fuzz.token_sort_ratio)
    debris = debris_after_listed(name, listed, settings)
    if words_score >= settings.fields.reordered_name_min_score:
        return NameReading(" ".join(reordered.split()), (flag(
            "name", f"read '{name}': its lines came out of order; the brochure's overview prints "
                    f"'{reordered}', which was taken"),))
    if debris:
        listed_name, rest = debris
        return NameReading(listed_name, (flag(
            "name", f"read '{name}'; the brochure's overview prints '{listed_name}', which was taken "
                    f"('{rest}' looks like OCR debris and went to figure_text)"),), debris=(rest,))
    return NameReading(name, (flag("name", "the brochure's overview of all projects has no such name"),))


def entries_with_part(name: str, listed: tuple[str, ...]) -> list[str]:
    """The overview's entries whose words begin or end with all of the name's words, more of them
    ('Landkreis' / 'Landkreis Tübingen', 'Driburg und Brakel' / '… mit Bad Driburg und Brakel');
    none where the overview prints the name itself."""
    ours = name_words(name)
    if not ours or any(name_words(e) == ours for e in listed):
        return []  # an entry with a speck after it ('… und Oderwitz =') is the name itself
    return [e for e in listed if len(name_words(e)) > len(ours)
            and (name_words(e)[:len(ours)] == ours or name_words(e)[-len(ours):] == ours)]


def is_subsequence(short: list[str], long: list[str]) -> bool:
    """['a', 'c'] in ['a', 'b', 'c']: every word of `short`, in its order, among `long`'s."""
    rest = iter(long)
    return all(word in rest for word in short)


def name_words(name: str) -> list[str]:
    """A name's words in lower case, without the specks an OCR read beside it ('=', '.')."""
    return [w for w in name.casefold().split() if any(c.isalnum() for c in w)]


def umlauts_lost(name: str, listed: str) -> bool:
    """'Bienenbuttel' / 'Bienenbüttel': the same but for umlauts (or ß) only the list has."""
    fold = WITHOUT_UMLAUTS
    ours, theirs = " ".join(name.split()).lower(), " ".join(listed.split()).lower()
    return ours != theirs and ours.translate(fold) == theirs.translate(fold) and ours == ours.translate(fold)


def other_spelling_in_values_doubts(fields: dict, settings: RecordsSettings = DEFAULT_RECORDS_SETTINGS) -> list[Doubt]:
    """The project's own title or motto names the place in another spelling ('Neumutnster' /
    'Neumünster'): one of the two is misread, so the name is put up for review. A word derived
    from the name ('Musterauer') or a stylised one cut short ('Musterl@nd') is no other spelling."""
    least = settings.fields.checked_word_min_chars
    values = " ".join(fields.get(f) or "" for f in ("title", "motto"))
    theirs = {w for w in re.findall(r"[^\W\d_]+", values) if len(w) >= least}
    doubts = []
    for word in (w for w in re.findall(r"[^\W\d_]+", fields["name"]) if len(w) >= least):
        near = [w for w in theirs if fuzz.ratio(w.lower(), word.lower()) >= settings.fields.name_variant_min_score
                and not (w.lower().startswith(word.lower()) or word.lower().startswith(w.lower()))]
        if near and word.lower() not in {w.lower() for w in theirs}:
            doubts.append(flag("name", f"'{word}' is spelt '{sorted(near)[0]}' in the title or motto"))
        for field_name in ("title", "motto"):
            spelt = sorted(set(re.findall(r"[^\W\d_]+", fields.get(field_name) or "")) & set(near))
            if spelt:
                doubts.append(flag(field_name, f"'{spelt[0]}' is spelt '{word}' in the name"))
    return doubts


def listed_reading_wins(read: str, listed: str, lexicon: Lexicon) -> bool:
    """Of a name read over its header and as the overview prints it, two OCR readings of one name:
    the overview's wins where the reading holds a sign inside a word that no name has and the
    overview's does not ('Dessau-Ro®Glau'), or where every word only the reading has is unknown
    (below MIN_PART_ZIPF) and each word only the overview has is LISTED_WINS_MARGIN commoner
    ('Görlitz' / 'Gorlit', 'Mühlhausen' / 'Muhihausen'). A reading that is a known word keeps
    its place ('Ulm' against an overview's 'Um'), as does one with umlauts the overview lost."""
    if umlauts_lost(listed, read):
        return False
    if SIGN_INSIDE_A_WORD.search(read) and not SIGN_INSIDE_A_WORD.search(listed):
        return True
    ours = set(re.findall(r"[^\W\d_]+", read)) - set(re.findall(r"[^\W\d_]+", listed))
    theirs = set(re.findall(r"[^\W\d_]+", listed)) - set(re.findall(r"[^\W\d_]+", read))
    if not (ours and theirs):
        return False
    worst_read = max(lexicon.zipf(w) for w in ours)
    return worst_read < MIN_PART_ZIPF and min(lexicon.zipf(w) for w in theirs) >= worst_read + LISTED_WINS_MARGIN


# '®', '@', '|' between two letters: no name is printed so (dashes, quotes and '+' stand between words)
SIGN_INSIDE_A_WORD = re.compile(r"(?<=[^\W\d_])[^\w\s\-–—().,'’‘/&„“”\"+:]+(?=[^\W\d_])")
LISTED_WINS_MARGIN = 1.5  # 'Gorlit' 1.1 / 'Görlitz' 3.6 are far apart; 'Mucke' 3.0 / 'Mücke' 3.4 are not


def words_spelt_otherwise(name: str, listed: str) -> set[str]:
    """Words of `name` (in lower case) that the overview's `listed` spells otherwise: not there
    as words, nor as part of one of its words or containing one ('Kreis' / 'Landkreis' is a
    choice of words, 'Bienenbuttel' / 'Bienenbüttel' a misreading), unless it is the start of
    one cut short ('Kooper.' / 'Kooperation', 'Schwarze' / 'Schwarzenbruck': a line's end the
    OCR lost)."""
    theirs = {w.lower() for w in re.findall(r"\w+", listed)}
    ours = {w.lower() for w in re.findall(r"\w+", name)}
    return {w for w in ours - theirs if not any(w in t or t in w for t in theirs)
            or any(t.startswith(w) and len(t) - len(w) >= CUT_MIN_CHARS for t in theirs)}


CUT_MIN_CHARS = 3  # a word this much shorter than the overview's word it starts is cut short, not another form


def listed_spelling_in_values_doubts(fields: dict, as_listed: str | None, read_as: str | None = None) -> list[Doubt]:
    """A title or motto that repeats a word of the name which the brochure's overview spells
    otherwise (`as_listed`: 'Greiß wald' / 'Greifswald') carries the same doubt as the name; so
    does one that spells a word as the name was read where the overview's spelling was taken for
    it (`read_as`: 'Dessau-Roglau' / 'Dessau-Roßlau'): the same misreading, in the value."""
    if not as_listed and not read_as:
        return []
    differing = words_spelt_otherwise(read_as or fields["name"], fields["name"] if read_as else as_listed)
    doubts = []
    for field_name in ("title", "motto"):
        words = {w.lower() for w in re.findall(r"\w+", fields.get(field_name) or "")}
        for word in sorted(differing & words):
            doubts.append(flag(field_name, f"'{word}' is spelt as the name was read ('{read_as}'), for which the "
                                           f"overview's '{fields['name']}' was taken" if read_as else
                                           f"'{word}' is spelt as in the name, which the overview prints '{as_listed}'"))
    return doubts


# closed-class words, which end no compound: 'füralle' or 'undalle' is two words an OCR ran together
NO_COMPOUND_TAIL = frozenset(
    "alle allen aller alles und oder aber sondern die der das den dem des ein eine einen einem einer eines "
    "kein keine keinen sich wir ihr sie uns euch ihnen ihre ihren unser unsere dass wenn weil als wie auch "
    "nicht noch schon sehr für mit von zum zur beim vom ins auf aus bei nach über unter durch gegen ohne".split())
TAILS_LONGEST_FIRST = tuple(sorted(NO_COMPOUND_TAIL, key=len, reverse=True))


def run_together(word: str, lexicon: Lexicon) -> str | None:
    """A word no list has whole, made of a word and a closed-class word after it ('füralle',
    'Stadtfür') -> the two words; else None."""
    if lexicon.direct(word.casefold()) > 0:
        return None
    for tail in TAILS_LONGEST_FIRST:
        head = word[: -len(tail)]
        if word.casefold().endswith(tail) and len(head) >= 2 and lexicon.direct(head.casefold()) >= MIN_PART_ZIPF:
            return f"{head} {word[-len(tail):]}"
    return None


def doubtful_word_doubts(fields: dict, lexicon: Lexicon, listed: tuple[str, ...] = (), earlier: tuple[Doubt, ...] = (),
                         settings: RecordsSettings = DEFAULT_RECORDS_SETTINGS) -> list[Doubt]:
    """In OCR text, a name, title or motto whose words the repair could not settle: leftover OCR
    symbols ('Ma&'), a word that is also a word with an umlaut the OCR may have lost ('alter' /
    'älter'), and a word the word list does not know ('Chosebuz'), unless a title or motto takes
    it from the project's name or the brochure's list of projects, and the name's own reading of
    it is not in doubt (an overview an OCR read alike vouches for no garbled word). A word an `earlier` doubt
    names already is not asked about again."""
    f = settings.fields
    names = {w.casefold() for n in (fields["name"], *listed) for w in re.findall(r"\w+", n)}
    doubts: list[Doubt] = []
    unknown_in_name: set[str] = set()
    for field_name in ("name", "title", "motto"):
        tokens = re.split(r"[\s/–-]+", fields.get(field_name) or "")
        for token, following in zip(tokens, [*tokens[1:], ""]):
            word = token.strip(".,;:!?()„“”‚‘’\"'»«‹›-")
            if OCR_DEBRIS.search(word) and not STYLISED.search(word):
                doubts.append(flag(field_name, f"'{word}' looks like unrepaired OCR"))
                continue
            if not word.isalpha():
                continue
            if f"'{word}'" in notes_of([*earlier, *doubts]).get(field_name, ""):
                if field_name == "name" and lexicon.zipf(word) == 0:
                    unknown_in_name.add(word.casefold())  # questioned already, and still in doubt for the values
                continue  # already questioned by the repair itself
            run = run_together(word, lexicon) if field_name == "name" or word.casefold() not in names else None
            if run:
                doubts.append(flag(field_name, f"'{word}' may be '{run}' run together (an OCR lost the space)"))
                continue
            zipf = lexicon.zipf(word)
            # a common word with an umlaut not far rarer than the word as read, or any word with
            # an umlaut that is commoner than it ('Sudwestfalen' / 'Südwestfalen')
            lost = [v for v in umlaut_variants(word)
                    if (lexicon.zipf(v) >= f.lost_umlaut_min_zipf and lexicon.zipf(v) >= zipf - f.lost_umlaut_max_rarer)
                    or lexicon.zipf(v) >= max(zipf, MIN_PART_ZIPF)]
            if lost and before_its_noun(word, following, lost, lexicon):
                continue  # 'starke Nachbarschaften': 'stärke' (a verb) cannot stand there
            if lost:
                doubts.append(flag(field_name, f"'{word}' could also be '{lost[0]}' (OCR often loses umlauts)"))
            elif len(word) >= f.checked_word_min_chars and zipf == 0 \
                    and (field_name == "name" or word.casefold() not in names or word.casefold() in unknown_in_name):
                doubts.append(flag(field_name, f"'{word}' is not in the word list; check its spelling"))
                if field_name == "name":
                    unknown_in_name.add(word.casefold())
            elif field_name != "name" and len(word) >= f.checked_word_min_chars and word.casefold() not in names \
                    and lexicon.direct(word) == 0 and (near := common_word_a_letter_off(word, lexicon)):
                doubts.append(flag(field_name, f"'{word}' is in no word list (at most a compound of rarer parts), "
                                               f"but '{near}', a letter off, is common: an OCR's misreading?"))
    return doubts


NEAR_WORD_MIN_ZIPF = 3.5  # a word a letter off a word as read is worth a question when this common
NEAR_WORD_MARGIN = 2.0  # and this much commoner than the word as read is estimated
LETTERS = "abcdefghijklmnopqrstuvwxyzäöüß"


def common_word_a_letter_off(word: str, lexicon: Lexicon) -> str | None:
    """'Nachbarschatt' -> 'Nachbarschaft': the commonest listed word that one letter other than the
    first makes of `word`, where it is NEAR_WORD_MIN_ZIPF common and NEAR_WORD_MARGIN commoner than
    the word as read (a compound's estimate: 'Nachbar' + 'schatt'); None for none."""
    found = [(lexicon.direct(v), v) for i in range(1, len(word)) for c in LETTERS if c != word[i].lower()
             for v in [word[:i] + (c.upper() if word[i].isupper() else c) + word[i + 1:]]]
    best = max(found, default=(0.0, ""))
    return best[1] if best[0] >= max(NEAR_WORD_MIN_ZIPF, lexicon.zipf(word) + NEAR_WORD_MARGIN) else None


def before_its_noun(word: str, following: str, variants: list[str], lexicon: Lexicon) -> bool:
    """A word in lower case that is an adjective before a noun ('starke' before 'Nachbarschaften')
    where none of its umlaut `variants` can be one ('stärke' is a verb): the word as read fits
    there, the variants do not."""
    return word.islower() and following[:1].isupper() and lexicon.tags.best_tag(word) == "ADJ(A)" \
        and all(lexicon.tags.best_tag(v) != "ADJ(A)" for v in variants)


def umlaut_variants(word: str) -> list[str]:
    """'alter' -> ['älter']: the word with one vowel given the umlaut an OCR may have dropped."""
    return [word[:i] + UMLAUT_OF[c] + word[i + 1:] for i, c in enumerate(word) if c in UMLAUT_OF]
