"""Lines of a sentence that the figure rules took out: running text that stops on a word that
waits for its noun (a preposition, an article: '… wie Sensoren an') cannot go on in a verb ('…
verbessern und …'), so when the running text after the figure text opens on one, the sentence's
words in between are among the pieces taken out: the one clean line of words there that can
follow the word it waits on ('Kreuzungen die Ampelschaltungen') is that sentence's line, not a
label or a caption set into it. Such a line is running text "by grammar" (Unit.why "grammar":
no doubt asks whether it was set into the sentence). Needs the classified pieces of a body (after
interruptions.interruptions_cut; comma_pieces_back before it); produces them with such a line
running text again.
"""
from __future__ import annotations

import re
from dataclasses import replace

from pipeline.language.lexicon import Lexicon
from pipeline.records.draft import Doubt, flag
from pipeline.records.going_on import short_piece
from pipeline.records.pieces import ARTICLES, Page, Unit, has_finite_verb
from pipeline.records.figure_doubts import SUBJECT_JOINERS
from pipeline.records.interruptions import goes_with_determiner
from pipeline.records.prose import (WORD_STOP_WORD, ends_on_an_opener, ends_open, holds_sentence_end, opens_anew,
                                    opens_on_a_noun, stops_inside, stops_on_a_finite_verb, stops_on_an_attributive_adjective,
                                    label_row, verb_after_a_clause, wordmark)
from pipeline.records.settings import RecordsSettings
from pipeline.records.text import letters_share
from pipeline.records.units import text_before, text_so_far_ends

# HanTa's tags of words that go before a noun and wait for it: a preposition, an article, a determiner
WAITS_FOR_A_NOUN = frozenset({"APPR", "APPRART", "ART", "PPOSAT", "PIAT", "PDAT"})
TAKEN_OUT = ("interruption", "evidence", "short")  # what the rules of words and neighbours took out
LISTING_COMMA = re.compile(r"\w, \w")  # 'Verkehr, Energie und Wohnungsbau': a sentence's listing


def waits_for_a_noun(text: str, lexicon: Lexicon) -> bool:
    """Text stopping on a preposition or an article in lower case ('… Sensoren an', '… bei der')."""
    return ends_open(text) and not text.rstrip().endswith("-") \
        and lexicon.tags.best_tag(text.split()[-1]) in WAITS_FOR_A_NOUN


def first_tag_in_lower_case(text: str, lexicon: Lexicon) -> str:
    """HanTa's tag of the text's first word where it is in lower case, else ''."""
    first = (text.split() or [""])[0].rstrip(",;.!?")  # 'haben, betreibt …', 'bereitstellen.': no sign is part of the word
    return (lexicon.tags.best_tag(first) or "") if first.isalpha() and first.islower() else ""


def opens_on_a_verb(text: str, lexicon: Lexicon) -> bool:
    """Text whose first word is a verb in lower case ('verbessern …', 'wird …'): no noun phrase
    opens so."""
    return first_tag_in_lower_case(text, lexicon)[:1] == "V"


def opens_a_clause(text: str, lexicon: Lexicon) -> bool:
    """Text whose first word in lower case opens a clause ('damit andere …', 'dass …'): no noun
    phrase opens so either."""
    return first_tag_in_lower_case(text, lexicon) in CLAUSE_OPENERS


CLAUSE_OPENERS = frozenset({"KOUS", "PROAV"})  # HanTa's tags: 'dass', 'weil', 'wenn'; 'damit', 'dafür'


# 'g Innenstadt', '@ Brakel': a map point's mark an OCR read as a letter or a sign (no German word is one; a dash may
# open a sentence's aside; '§', '€', '%', '&', '+' stand in sentences; 'A 7' names a road)
MARK_LETTER = re.compile(r"(?:[^\W\d_]|[^\w\s–—\-§€%&+])\s(?!\d)")


def line_of_the_sentence(unit: Unit, page: Page, settings: RecordsSettings, opening: bool = False) -> bool:
    """A piece taken out that may be a line of running text: one line no wider than the column,
    clean letters, no caption's label, no logo's words nor row of labels, no mark read as a letter or
    a sign before its words, and (unless it is to be
    a sentence's `opening`) no sentence's opening (a noun or an adjective may go on after a preposition)."""
    text = unit.text
    return unit.kind == "figure" and unit.why in TAKEN_OUT and len(unit.lines) == 1 \
        and len(text) <= settings.text.read_across_share * page.measure \
        and letters_share(text) >= settings.text.clean_min_letters and not page.is_caption(text) \
        and (opening or not opens_anew(text, page.lexicon)) and not wordmark(unit.lines) and not label_row(text) \
        and not MARK_LETTER.match(text)


def may_follow_a_preposition(text: str, lexicon: Lexicon) -> bool:
    """Text whose first word, where it has a capital, is a noun or an attributive adjective
    ('Kreuzungen …', 'Digitale …'): what goes on after a preposition or an article; a participle
    with a capital ('Gefördert vom Bund') opens a label, not a noun phrase."""
    first = (text.split() or [""])[0]
    return not first[:1].isupper() or (lexicon.tags.best_tag(first) or "")[:1] == "N" \
        or lexicon.tags.best_tag(first) == "ADJ(A)"


def sentence_lines_back(units: list[Unit], page: Page, settings: RecordsSettings) -> list[Unit]:
    """Running text that waits for a noun (waits_for_a_noun) or stops on a comma, figure text after
    it, and running text opening on a verb or a clause (opens_on_a_verb, opens_a_clause): the one
    piece between that may be a line of the sentence (line_of_the_sentence, may_follow_a_preposition)
    is running text again ('… besser verstanden,' | 'Konflikte früher erkannt und Lösungen' |
    'gefunden, die …'); where two or more may be, none is
    (figure_doubts and sentence_doubts name what stays)."""
    units = list(units)
    for i, unit in enumerate(units):
        waits = unit.kind == "prose" and waits_for_a_noun(unit.text, page.lexicon)
        if unit.kind != "prose" or not (waits or unit.text.rstrip().endswith(",")):
            continue
        j = next((k for k in range(i + 1, len(units)) if units[k].kind != "figure"), None)
        if j is None or j == i + 1 or units[j].kind != "prose" \
                or not (opens_on_a_verb(units[j].text, page.lexicon) or opens_a_clause(units[j].text, page.lexicon)):
            continue
        # after a comma a clause's words go on: a word alone (a map's place) is no line of them
        lines = [k for k in range(i + 1, j) if line_of_the_sentence(units[k], page, settings)
                 and may_follow_a_preposition(units[k].text, page.lexicon)
                 and (waits or len(units[k].text.split()) >= 2)]
        if len(lines) == 1:
            units[lines[0]] = replace(units[lines[0]], kind="prose", verdict=None, why="grammar")
    return units


def opens_a_relative_clause(text: str, lexicon: Lexicon) -> bool:
    """Text opening in lower case on a clause that follows a comma: a subordinating conjunction
    ('dass …', 'weil …'), or a word that may be a relative pronoun opening a clause that ends on a
    comma right after its finite verb and holds no word with a capital before it ('die nicht mehr
    selbst fahren können, …'): a relative clause puts its verb last. A noun phrase after an article
    holds its noun ('die nicht genutzten Flächen werden …', 'die rund 300 Haushalte profitieren, …')."""
    words = text.split()
    if opens_a_clause(text, lexicon) and first_tag_in_lower_case(text, lexicon) == "KOUS":
        return True
    clause = re.split(r"(?<=,)\s|[.!?;:]", text, maxsplit=1)[0].split()
    if len(clause) < 3 or not clause[-1].endswith(",") or not words[0].islower() \
            or not any(t in ("PRELS", "PRELAT") for t in lexicon.tags.tag_names(words[0])):
        return False
    verb = clause[-1].rstrip(",")
    return verb.isalpha() and (lexicon.tags.best_tag(verb) or "").endswith("(FIN)") \
        and all(w[:1].islower() for w in clause[1:])


def comma_pieces_back(units: list[Unit], page: Page, settings: RecordsSettings) -> list[Unit]:
    """Running text opening on a clause that follows a comma (opens_a_relative_clause) after running
    text that stops on none, and on no function word: the one piece taken out before it, after the
    last running text that ended a sentence, that may be a line of running text and stops on a
    comma ('Für ältere Bewohnerinnen und Bewohner,' | 'Der neue Marktplatz in Göttingen am Abend' |
    'die nicht mehr selbst fahren können, …') is the sentence's, running text again, where what
    stands between it and the clause is one line at most with no verb and no stop (a caption; the
    piece is then set into the sentence, and interruptions.py judges it)."""
    units = list(units)
    for j, unit in enumerate(units):
        if unit.kind != "prose" or not opens_a_relative_clause(unit.text, page.lexicon):
            continue
        i = next((k for k in range(j - 1, -1, -1) if units[k].kind != "figure"), None)
        if i is None or units[i].text.rstrip().endswith(",") or ends_open(units[i].text):
            continue
        start = next((k for k in range(i, -1, -1) if units[k].kind != "figure" and not stops_inside(units[k].text)), -1)
        commas = [k for k in range(start + 1, j) if units[k].text.rstrip().endswith(",")
                  and line_of_the_sentence(units[k], page, settings, opening=True) and len(units[k].text.split()) >= 2]
        if len(commas) != 1:
            continue
        between = [u for u in units[commas[0] + 1 : j] if u.kind != "figure"]
        if len(between) <= 1 and all(len(u.lines) == 1 and not has_finite_verb(u.text, page.lexicon)
                                     and not holds_sentence_end(u.text) for u in between):
            units[commas[0]] = replace(units[commas[0]], kind="prose", verdict=None, why="grammar")
    return units


def lines_through_a_stop_back(units: list[Unit], page: Page, settings: RecordsSettings) -> list[Unit]:
    """Running text stopping inside a sentence ('… alt und für schwere'), then one piece taken out
    that may be a line of running text (line_of_the_sentence) and that ends a sentence inside it
    and opens the next (WORD_STOP_WORD), stopping inside it ('Fahrzeuge längst gesperrt.
    Ehrenamtliche'), then running text that opens no sentence anew: that piece is the line
    between, running text again. A label or a caption ends no sentence inside a line to open
    another; after a word broken at the line's end, the line must open in lower case (its rest)."""
    units = list(units)
    for i in range(len(units) - 2):
        before, piece, after = units[i : i + 3]
        broken = before.text.rstrip().endswith("-")
        if before.kind == "prose" and stops_inside(before.text) and after.kind == "prose" \
                and line_of_the_sentence(piece, page, settings, opening=True) and WORD_STOP_WORD.search(piece.text) \
                and stops_inside(piece.text) and (piece.text[:1].islower() or not broken) \
                and may_follow_a_preposition(piece.text, page.lexicon) and not opens_anew(after.text, page.lexicon):
            units[i + 1] = replace(piece, kind="prose", verdict=None, why="grammar")
    return units


def sentence_starts_back(units: list[Unit], page: Page, settings: RecordsSettings) -> list[Unit]:
    """A piece taken out that may be a line of running text (line_of_the_sentence), with a finite
    verb and stopping on an attributive adjective in lower case ('Gemeindeschwestern besuchen
    ältere') or on a finite verb after a clause ('Wer heute … legt, schafft'), before running text (figure text between passed over) that opens no sentence
    ('Menschen zu Hause, …'): the start of that sentence, running text again. No label has a
    finite verb, and none waits for its noun. Without a verb, a line listing with a comma after a
    sentence's end ('Regelmäßige Sicherungen, geschulte') is the start of a subject the text after
    it goes on with its noun ('Beschäftigte und klare Zuständigkeiten verringern …'). A heading
    read with its paragraph's first word, a determiner, whose noun opens the text after the figure
    (opener_goes_on: 'Zusammenarbeit über Grenzen Viele' | 'Aufgaben …') is running text too; so is
    a line listing nouns after a sentence's end whose list the text after goes on with a joiner
    (listing_goes_on: 'Pendlerströme, Abwasser, Abfall' | 'und Tourismus betreffen …'), where a
    picture's short words (short_words_between) stand between the two, those figure text."""
    units = list(units)
    for i, unit in enumerate(units):
        if not line_of_the_sentence(unit, page, settings, opening=True) or unit.text[:1].islower():
            continue
        j = next((k for k in range(i + 1, len(units)) if units[k].kind != "figure"), None)
        if j is not None and units[j].kind == "prose" and opener_goes_on(unit.text, units[j].text, page.lexicon):
            units[i] = replace(unit, kind="prose", verdict=None, why="grammar")
            continue
        if j is not None and units[j].kind == "prose" and listing_goes_on(unit.text, units[j].text, page.lexicon) \
                and text_so_far_ends(units[:i], ".!?:"):
            units[i] = replace(unit, kind="prose", verdict=None, why="grammar")
            continue
        rest_at = None if j is None else next((m for m in range(j + 1, len(units)) if units[m].kind != "figure"), None)
        if rest_at is not None and units[rest_at].kind == "prose" and text_so_far_ends(units[:i], ".!?:") \
                and short_words_between(units[j], page, settings) \
                and listing_goes_on(unit.text, units[rest_at].text, page.lexicon):
            # a picture's words between the listing and its last item ('… Köln, Bad Tölz' | 'Die Stadt von morgen' |
            # 'und Königs Wusterhausen haben …'): they took the listing's place as the sentence's start
            units[i] = replace(unit, kind="prose", verdict=None, why="grammar")
            units[j] = replace(units[j], kind="figure", verdict=False, why="short")
            continue
        if not (stops_on_an_attributive_adjective(unit.text, page.lexicon) or verb_after_a_clause(unit.text, page.lexicon)):
            continue
        if j is None or units[j].kind != "prose" or opens_anew(units[j].text, page.lexicon):
            continue
        # no verb yet: a subject of listed nouns ('Regelmäßige Sicherungen, geschulte' / 'Beschäftigte und …
        # verringern'), where the text before ended a sentence and the adjective's noun opens the text after
        if has_finite_verb(unit.text, page.lexicon) or LISTING_COMMA.search(unit.text) \
                and opens_on_a_noun(units[j].text, page.lexicon) \
                and text_so_far_ends(units[:i], ".!?:"):
            units[i] = replace(unit, kind="prose", verdict=None, why="grammar")
    return units


def short_words_between(unit: Unit, page: Page, settings: RecordsSettings) -> bool:
    """Running text's words that are one short piece (going_on.short_piece) listing nothing,
    waiting for no next word and with no finite verb ('Die Stadt von morgen'): a picture's or a
    banner's words as well as a sentence's start; beside a listing that goes on after it, they are
    the picture's."""
    text = unit.text.strip()
    return unit.kind == "prose" and short_piece(unit.lines, page, settings) and not re.search(r"[,:;]", text) \
        and not ends_open(text) and not has_finite_verb(text, page.lexicon)


def opener_goes_on(text: str, after: str, lexicon: Lexicon) -> bool:
    """A heading an OCR read into one line with its paragraph's first word, a determiner with a
    capital ('Zusammenarbeit über Grenzen Viele', 'Gesundheit und Pflege Die'), or a sentence's
    line stopping on an article ('Wissenschaft und Verwaltung Leitlinien für den'; not 'für alle',
    a slogan's end), and text
    after it whose first word goes with that determiner (interruptions.goes_with_determiner: a noun
    that agrees, 'Aufgaben lassen sich …', 'Umgang mit …'; an adjective, 'ältere Menschen …'). The
    sentence goes on after the figure between. So does a heading read with its paragraph's
    determiner and the adjective after it ('Gesundheit auf dem Land Die ärztliche' | 'Versorgung
    ist …'), where the text after opens on a noun that agrees with the determiner."""
    words = text.split() or [""]
    first_after = (after.split() or [""])[0]
    if len(words) >= 3 and stops_on_an_attributive_adjective(text, lexicon) \
            and ends_on_an_opener(" ".join(words[:-1]), lexicon):
        return first_after[:1].isupper() and goes_with_determiner(words[-2], first_after, lexicon)
    return (ends_on_an_opener(text, lexicon) or words[-1] in ARTICLES) \
        and goes_with_determiner(words[-1], first_after, lexicon)


def listing_goes_on(text: str, after: str, lexicon: Lexicon) -> bool:
    """A line listing nouns with commas, with a capital and no verb, stopping on a word
    ('Pendlerströme, Abwasser, Abfall'), and text after it going on in lower case with a joiner
    before a noun ('und Tourismus betreffen …'): the start of the sentence's subject, whose last
    item the text after adds (a label's words never go on so)."""
    words = after.split()
    return bool(LISTING_COMMA.search(text)) and text[:1].isupper() and text.rstrip()[-1:].isalpha() \
        and not has_finite_verb(text, lexicon) and len(words) > 1 and words[0] in SUBJECT_JOINERS \
        and opens_on_a_noun(" ".join(words[1:]), lexicon)


AFTER_THE_VERB = frozenset({"PRF", "ADV", "PTKNEG"})  # 'sich', 'auch', 'nicht': no noun phrase


def lacks_its_subject(text: str, lexicon: Lexicon) -> bool:
    """Running text whose last sentence opens with a preposition and stops on its finite verb, a
    reflexive or an adverb after it at most ('In drei Orten haben sich', '… in Thüringen können'):
    the preposition's phrase stands before the verb, so the sentence's subject is still to come."""
    words = re.split(r"(?<=[.!?:;])\s+", text.strip())[-1].split()
    if len(words) < 3 or lexicon.tags.best_tag(words[0]) not in ("APPR", "APPRART"):
        return False
    verb = next((k for k, w in enumerate(words) if k and w.isalpha() and w.islower() and has_finite_verb(w, lexicon)),
                None)
    return verb is not None and all(w.isalpha() and w.islower() and lexicon.tags.best_tag(w) in AFTER_THE_VERB
                                    for w in words[verb + 1 :])


def subjects_back(units: list[Unit], page: Page, settings: RecordsSettings) -> list[Unit]:
    """Running text that lacks its subject (lacks_its_subject), figure text after it, and running
    text opening on the rest of its verb in lower case ('zusammengetan, um …', 'eingereicht und …'):
    the one piece between that may be a line of the sentence and can be a noun phrase (a noun or an
    adjective first: 'Bürgermeisterinnen, Vereine und Betriebe') is the sentence's subject, running
    text again; where two or more may be, none is (taken_lines_doubts names them)."""
    units = list(units)
    for i, unit in enumerate(units):
        if unit.kind != "prose" or not lacks_its_subject(unit.text, page.lexicon):
            continue
        j = next((k for k in range(i + 1, len(units)) if units[k].kind != "figure"), None)
        if j is None or j == i + 1 or units[j].kind != "prose" \
                or not opens_on_a_verb(units[j].text.replace(",", " "), page.lexicon):
            continue
        lines = [k for k in range(i + 1, j) if line_of_the_sentence(units[k], page, settings)
                 and units[k].text[:1].isupper() and may_follow_a_preposition(units[k].text, page.lexicon)]
        if len(lines) == 1:
            units[lines[0]] = replace(units[lines[0]], kind="prose", verdict=None, why="grammar")
    return units


VERB_JOINERS = frozenset({"und", "oder", "sowie"})  # a verb joined to another: its object may stand between


def taken_lines_doubts(units: list[Unit], page: Page, settings: RecordsSettings) -> list[Doubt]:
    """A piece taken out as set into a sentence (an "interruption") after text that stops on a
    function word, though it reads as running text and lists with a comma ('… Dort werden' |
    'Daten über Verkehr, Energie und Wohnungsbau' | 'gebündelt, …'), or after text that stops on a
    finite verb (or on an adverb or a reflexive after it, lacking its subject: lacks_its_subject)
    over text opening on the rest of the verb, where the sentence's middle is still to come, a
    piece that can be that middle (a noun or an adjective first: '… Die Bürger können' |
    'Vorschläge für die Gestaltung' | 'eingereicht, …'), and so after text that stops on a
    conjunction before a verb ('… ausbauen und' | 'Daten über Gewässer und Schutzgebiete' |
    'bereitstellen.'): it may be the sentence's own line, which no grammar here decides; flagged,
    with the stretch named. So is a line set in another size (styled_line_of_the_sentence)."""
    doubts = []
    for i, unit in enumerate(units):
        if unit.kind != "figure" or unit.why not in ("style", "interruption"):
            continue
        before = text_before(units[:i])
        after = next((u for u in units[i + 1 :] if u.kind != "figure"), None)
        if styled_line_of_the_sentence(unit, before, after, page, settings):
            doubts.append(flag("description", f"figure_text holds '{unit.text[:80]}', set in another size between the "
                                              f"parts of a sentence ('…{before.text[-30:]}' | '{after.text[:30]}…'): "
                                              "it may be the sentence's line"))
            continue
        if unit.why != "interruption" or not line_of_the_sentence(unit, page, settings) \
                or before is None or before.kind != "prose":
            continue
        # the middle is still to come where the text after opens on the rest of the verb ('eingereicht, …')
        # so it is after a conjunction before a verb ('… ausbauen und' | 'Daten über Gewässer …' | 'bereitstellen.')
        middle_wanted = (stops_on_a_finite_verb(before.text, page.lexicon)
                         or lacks_its_subject(before.text, page.lexicon)
                         or (before.text.split() or [""])[-1] in VERB_JOINERS) \
            and after is not None and opens_on_a_verb(after.text.replace(",", " "), page.lexicon)
        if (unit.verdict is True and LISTING_COMMA.search(unit.text) and ends_open(before.text)) \
                or (middle_wanted and may_follow_a_preposition(unit.text, page.lexicon)):
            doubts.append(flag("description", f"figure_text holds '{unit.text[:80]}', set between the parts of a "
                                              f"sentence ('…{before.text[-30:]}'): it may be the sentence's line"))
    return doubts


def styled_line_of_the_sentence(unit: Unit, before: Unit | None, after: Unit | None, page: Page,
                                settings: RecordsSettings) -> bool:
    """One line taken out for its size ("style": an OCR layer's fitted sizes may misjudge a line of
    the text) that reads as a sentence's line, with a finite verb, stopping on a function word,
    between running text that stops on one and running text going on in lower case ('… Im
    Südwesten von' | 'Baden-Württemberg arbeiten mehrere Gemeinden an' | 'einer gemeinsamen …')."""
    return unit.kind == "figure" and unit.why == "style" and len(unit.lines) == 1 and before is not None \
        and after is not None and before.kind == "prose" and after.kind == "prose" and ends_open(before.text) \
        and not before.text.endswith("-") and ends_open(unit.text) and after.text[:1].islower() \
        and len(unit.text) <= settings.text.read_across_share * page.measure \
        and has_finite_verb(unit.text, page.lexicon)
