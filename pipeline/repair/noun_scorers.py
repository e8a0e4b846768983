"""Damaged text: the scorers that weigh a noun by the words around it.

Needs a word's Context, the word as read and its repair, and the word lists (noun paradigms from
german-nouns, nouns.py, loaded only when a damaged text has a word these scorers are asked
about; HanTa's tags). Produces Evidence for the repair or against it, or None: agreement,
preposition-case, subject-verb, relative-pronoun, relative-clause, capitalised-noun,
compound-head, paired-form, coordination, bare-noun (evidence.py describes each).
"""
from __future__ import annotations

from pipeline.language.grammar import ATTRIBUTIVE
from pipeline.language.lexicon import ADJECTIVE_ENDINGS, MIN_PART_ZIPF, Lexicon
from pipeline.language.nouns import (DETERMINERS, MAX_ADJECTIVES, STRONG_ADJECTIVE_ENDINGS, fits, head_of,
                                     lemma_readings, of_nouns, sense_readings)
from pipeline.repair.context import NOUN_WEIGHT, PAIR_JOINERS, RELATIVE_PRONOUNS, SENTENCE_ENDS, Context, Evidence

PERSONAL_PRONOUNS = ("wir", "ihr", "sie", "man", "er", "es", "ich", "du")
GENITIVE_RELATIVES = ("deren", "dessen")  # 'deren Öfen': the noun after them opens a relative clause
LIST_JOINERS = (",", *PAIR_JOINERS)  # what joins the nouns of a list
FEMININE_PLURAL = "innen"
MIN_PAIR_STEM = 3
CASE_OF_PREPOSITION = {
    **dict.fromkeys(("mit", "von", "bei", "aus", "nach", "seit", "zu", "gegenüber", "außer"), "d"),
    **dict.fromkeys(("durch", "für", "gegen", "ohne", "um"), "a"),
}
# the prepositions: those that fix one case, and those that take a dative or an accusative
PREPOSITIONS = (*CASE_OF_PREPOSITION, "in", "an", "auf", "über", "unter", "vor", "hinter", "neben", "zwischen")
CONTRACTIONS = ("zum", "zur", "im", "am", "vom", "beim", "ins")
SINGULAR_VERBS = ("ist", "war", "hat", "hatte", "wird", "wurde", "kann", "muss", "soll")
PLURAL_VERBS = ("sind", "waren", "haben", "hatten", "werden", "wurden", "können", "müssen", "sollen")

INFINITIVE_MIN_ZIPF = 3.0
CAPITALISED_MIN_LENGTH = 4
LEMMA_RARER = 1.0  # Zipf: a lemma this much rarer than the form's commonest is not read
RARE_LEMMA_GAP = 0.5  # Zipf: where the word that fits is this much commoner than such a lemma, it weighs in full
HEAD_WEIGHT = 1.0  # a head form rarer by a whole Zipf point: weaker
HEAD_MIN_GAP = 1.0  # Zipf, as written
HEAD_DECIDES_GAP = 1.5  # a head form some 30 times commoner decides alone


def noun_readings(word: str, lexicon: Lexicon, rare_lemmas: bool = False) -> list[str]:
    """A capitalised word's readings as a noun, from the lemmas it is a form of that are not far
    rarer than its commonest (LEMMA_RARER: 'Laden' is the plural of 'Lade' too, which German
    rarely writes), or from all with `rare_lemmas`. A word in -en whose small form is a common
    word may also be a nominalised infinitive, neuter singular ('das Nutzen', 'zum Anfangen'),
    which no noun list holds."""
    lemmas = sense_readings(word)
    if len(lemmas) > 1 and not rare_lemmas:
        zipfs = [lexicon.spelled(lemma) for lemma, _ in lemmas]
        lemmas = [l for l, z in zip(lemmas, zipfs) if z >= max(zipfs) - LEMMA_RARER]
    found = sorted({r for _, rs in lemmas for r in rs})
    if nominalised_infinitive(word, lexicon):
        found = found + ["nsn", "asn", "dsn"]
    return found


def nominalised_infinitive(word: str, lexicon: Lexicon) -> bool:
    """A capitalised word in -en whose small form is a common word as written, or a common word
    HanTa reads as an infinitive first ('ins Stocken'), may be a verb used as a noun."""
    if not (word[:1].isupper() and word.endswith("en")):
        return False
    small = word.lower()
    # HanTa guesses an infinitive for an unknown word in -en ('gottingen'): the word list must know it
    return lexicon.spelled(small) >= INFINITIVE_MIN_ZIPF or (
        lexicon.direct(small) >= INFINITIVE_MIN_ZIPF and lexicon.tags.best_tag(small) == "VV(INF)")


def agreement(ctx: Context, read: str, repaired: str, lexicon: Lexicon) -> Evidence | None:
    determiner, _ = ctx.determiner()
    if determiner is None:
        return strong_adjective(ctx, read, repaired, lexicon)
    if determiner in CONTRACTIONS:
        return None
    return decided_by("agreement", f"'{determiner}'", DETERMINERS[determiner], read, repaired, lexicon)


def strong_adjective(ctx: Context, read: str, repaired: str, lexicon: Lexicon) -> Evidence | None:
    """No determiner: an inflected adjective before the noun takes the strong endings, which
    show case and number as a determiner's do ('leere Laden' cannot be masculine singular)."""
    adjective = adjective_before(ctx)
    if adjective is None:
        return None
    ending = next((e for e in ADJECTIVE_ENDINGS if adjective.endswith(e)), None)  # the longest first
    if ending is None or not inflected_adjective(adjective, lexicon):
        return None
    return decided_by("agreement", f"'{adjective}'", STRONG_ADJECTIVE_ENDINGS[ending], read, repaired, lexicon)


def adjective_before(ctx: Context) -> str | None:
    """The word before, lower-cased, where it may be an adjective before its noun: written small,
    or capitalised opening a sentence or a heading ('Leere Laden prägen …')."""
    word = ctx.before[-1] if ctx.before else ""
    opens = len(ctx.before) < 2 or ctx.before[-2] in SENTENCE_ENDS
    return word.lower() if word.isalpha() and (word.islower() or opens and word[1:].islower()) else None


def inflected_adjective(word: str, lexicon: Lexicon) -> bool:
    """An adjective form with an ending: its stem takes every ending in the word list ('leere'),
    or, for a compound or a participle the list holds too few forms of ('leerstehende'), HanTa
    reads it as an attributive adjective."""
    if lexicon.adjective_stem(word) is not None:
        return True
    return lexicon.tags.best_tag(word) == ATTRIBUTIVE


def preposition_case(ctx: Context, read: str, repaired: str, lexicon: Lexicon) -> Evidence | None:
    determiner, previous = ctx.determiner()
    if determiner in CONTRACTIONS:
        return decided_by("preposition-case", f"'{determiner}'", DETERMINERS[determiner], read, repaired, lexicon)
    case = CASE_OF_PREPOSITION.get(previous or "")
    if determiner is None or case is None:
        return None
    allowed = tuple(r for r in DETERMINERS[determiner] if r[0] == case)
    if not allowed or len(allowed) == len(DETERMINERS[determiner]):
        return None  # the preposition adds nothing to what the determiner says
    return decided_by("preposition-case", f"'{previous} {determiner}'", allowed, read, repaired, lexicon)


def subject_verb(ctx: Context, read: str, repaired: str, lexicon: Lexicon) -> Evidence | None:
    """A noun phrase that opens a sentence, right before a finite auxiliary, is its subject. So
    is one before a verb HanTa reads as finite (the verb stands second in a German main clause):
    plural in -en ('Die Räte beraten'), singular in -t ('Die Rate steigt')."""
    verb = ctx.after[0] if ctx.after else ""
    determiner, previous = ctx.determiner()
    opener = previous if determiner else (ctx.before[-1] if ctx.before else None)
    if opener not in SENTENCE_ENDS:
        return None
    if verb.lower() in SINGULAR_VERBS:
        allowed = ("ns.",)
    elif verb.lower() in PLURAL_VERBS:
        allowed = ("np.",)
    elif verb.isalpha() and verb.islower() and verb.endswith(("en", "t")) and finite(verb, lexicon, best_only=False):
        allowed = ("np.",) if verb.endswith("en") else ("ns.",)
    else:
        return None
    return decided_by("subject-verb", f"'{verb.lower()}'", allowed, read, repaired, lexicon)


def finite(verb: str, lexicon: Lexicon, best_only: bool) -> bool:
    """HanTa reads the word as a finite verb: as its best reading (`best_only`: a clause's last
    word 'helfen' may be an infinitive after a modal), or among its readings (the verb standing
    second in a main clause is finite)."""
    tags = [lexicon.tags.best_tag(verb) or ""] if best_only else lexicon.tags.tag_names(verb)
    return any(tag.endswith("(FIN)") for tag in tags)


def relative_pronoun(ctx: Context, read: str, repaired: str, lexicon: Lexicon) -> Evidence | None:
    """A noun followed by a comma and a relative pronoun (after a preposition, 'in denen'): the
    pronoun takes the noun's gender and number, its case is its own clause's. A pronoun followed
    by a capitalised word may be an article opening a new clause ('…, die Kinder spielen'): only
    one followed by a small word is read as relative."""
    after = [w.lower() for w in ctx.after]
    if len(after) < 3 or after[0] != ",":
        return None
    pronoun, following = (after[1], after[2]) if after[1] in RELATIVE_PRONOUNS else (after[2], None)
    if pronoun not in RELATIVE_PRONOUNS or (following is None and after[1] not in PREPOSITIONS):
        return None
    if following is not None and not (ctx.after[2].islower() and ctx.after[2].isalpha()):
        return None
    return decided_by("relative-pronoun", f"', {pronoun}'", RELATIVE_PRONOUNS[pronoun], read, repaired, lexicon)


def relative_clause_verb(ctx: Context, read: str, repaired: str, lexicon: Lexicon) -> Evidence | None:
    """A relative clause whose subject is its pronoun: the verb ending it has the noun's number.
    After ', die' ('Fälle, die eine Untersuchung brauchen') the pronoun is the subject when the
    verb is plural and nothing else in the clause can be a plural subject (no other noun with a
    plural reading, no personal pronoun): the noun is plural. A noun right after 'deren' or
    'dessen' ('deren Öfen rund um die Uhr laufen') is its clause's subject on the same terms."""
    if ctx.relative[:1] == ("die",):
        words, opener = ctx.relative[1:], "', die"
    elif ctx.before[-1:] and ctx.before[-1].lower() in GENITIVE_RELATIVES:
        words, opener = ctx.clause, f"'{ctx.before[-1]}"
    else:
        return None
    verb = words[-1] if words else ""
    if len(words) < 2 or not (verb.isalpha() and verb.islower() and verb.endswith("en")
                              and finite(verb, lexicon, best_only=True)):
        return None
    others = words[:-1]
    if any(w.lower() in PERSONAL_PRONOUNS for w in others) or any(
            w[:1].isupper() and any(r[1] == "p" for r in noun_readings(w, lexicon)) for w in others):
        return None  # another word may be the plural subject ('die die Kinder brauchen')
    return decided_by("relative-clause", f"{opener} … {words[-1]}'", (".p.",), read, repaired, lexicon)


def capitalised_noun(ctx: Context, read: str, repaired: str, lexicon: Lexicon) -> Evidence | None:
    """German writes nouns with a capital: a capitalised word inside a sentence (after a word,
    not a dash or a quote that may open a title) that is no noun ('Schnee und Glatte') nor a
    compound of nouns, whose repair is one ('Glätte'; 'Gussen' -> 'Güssen', though a compound
    reading makes 'Gussen' look commoner), was a noun that lost its dots. Not before another
    capitalised word (an adjective in a title: 'Starke Kommunen') or a hyphen (a compound's
    part: 'Ko-Kreation')."""
    if len(read) < CAPITALISED_MIN_LENGTH or not read[:1].isupper() or not ctx.before or not ctx.before[-1].isalpha():
        return None
    if ctx.after and (ctx.after[0][:1].isupper() or ctx.after[0] == "-"):
        return None
    if not lemma_readings(repaired) or nominalised_adjective(repaired, lexicon):
        return None  # no noun repaired
    if nominalised_adjective(read, lexicon):
        return Evidence("capitalised-noun", NOUN_WEIGHT, f"'{read}' is capitalised inside a sentence but an "
                        f"adjective's form, no noun of its own; '{repaired}' is one")
    if noun_readings(read, lexicon) or of_nouns(read):
        return None  # a noun as read, or a compound of nouns no list holds
    return Evidence("capitalised-noun", NOUN_WEIGHT,
                    f"'{read}' is capitalised inside a sentence but no noun; '{repaired}' is one")


def nominalised_adjective(word: str, lexicon: Lexicon) -> bool:
    """A noun only as an adjective used as one ('die Große', 'der Großer' of the noun list): every
    lemma it is a form of is an inflected adjective written small. Its frequency as written is
    mostly the adjective's, opening a sentence ('Große Flächen')."""
    lemmas = lemma_readings(word)
    return bool(lemmas) and all(lexicon.adjective_stem(lemma.lower()) is not None for lemma, _ in lemmas)


def compound_head(ctx: Context, read: str, repaired: str, lexicon: Lexicon) -> Evidence | None:
    """Both forms rare in the word list: the one whose lemma it holds ('Bürgerräte' of
    'Bürgerrat'); else the one that is a compound of nouns (a noun, then a noun form) where the
    other is none; else, both unknown to it, their heads (the longest noun each ends in) as
    written decide, when one is a noun form and clearly commoner."""
    if not read[:1].isupper():
        return None
    listed = [lexicon.direct(w.lower()) for w in (read, repaired)]
    if max(listed) < MIN_PART_ZIPF:  # both rare at most: 'Kitaplätzen' is listed, barely
        # the word list holds one's lemma ('Bürgerrat'), not the other's: the surest sign of the two
        known = [compound_lemma_known(w, lexicon) for w in (read, repaired)]
        if known[0] != known[1]:
            lemma, other = (repaired, read) if known[1] else (read, repaired)
            return Evidence("compound-head", NOUN_WEIGHT if known[1] else -NOUN_WEIGHT,
                            f"'{lemma}' is a form of a compound the word list holds, '{other}' is none")
        read_nouns, repaired_nouns = of_nouns(read), of_nouns(repaired)
        if read_nouns != repaired_nouns:  # 'Kita|plätzen' is a noun and a noun form, 'Kitaplatzen' no such pair
            nouns, other = (repaired, read) if repaired_nouns else (read, repaired)
            return Evidence("compound-head", NOUN_WEIGHT if repaired_nouns else -NOUN_WEIGHT,
                            f"'{nouns}' is a compound of nouns, '{other}' is none")
    if any(listed):
        return None
    heads = [head_of(w) for w in (read, repaired)]
    if None in heads or heads[0][0] != heads[1][0]:
        return None
    (_, read_head), (_, repaired_head) = heads
    gap = lexicon.spelled(repaired_head) - lexicon.spelled(read_head)
    if abs(gap) < HEAD_MIN_GAP:
        return None
    better, worse = (repaired_head, read_head) if gap > 0 else (read_head, repaired_head)
    weight = NOUN_WEIGHT if abs(gap) >= HEAD_DECIDES_GAP else HEAD_WEIGHT
    return Evidence("compound-head", weight if gap > 0 else -weight,
                    f"its head '{better}' is a far commoner form than '{worse}'")


def compound_lemma_known(word: str, lexicon: Lexicon) -> bool:
    """Whether the word list holds a compound's lemma: the part before its head and the head's
    lemma ('Bürger|räte' -> 'Bürgerrat'), or the word itself. An old dative singular in -e
    ('dem Rate') is no lemma's form German writes today."""
    head = head_of(word)
    if head is None:
        return False
    lemmas = [lemma for lemma, readings in lemma_readings(word) if not all(old_dative(word, r) for r in readings)]
    return any(lexicon.direct((word[: head[0]] + lemma.lower()).lower()) > 0 for lemma in lemmas) \
        or lexicon.direct(word.lower()) > 0


def old_dative(word: str, reading: str) -> bool:
    """A dative singular in -e ('dem Schmetterlinge', 'dem Rate'), which the noun list holds and
    German no longer writes."""
    return reading[:2] == "ds" and word.endswith("e")


def paired_form(ctx: Context, read: str, repaired: str, lexicon: Lexicon) -> Evidence | None:
    """German names a group of people in both genders with one stem: the word right after
    'Schülerinnen und' (or right before 'und Schülerinnen') is the masculine of that stem, as
    the word list reads it ('Schüler', or with a case ending, 'Bürgern'), not a word that lost
    the stem's umlaut ('Schiller')."""
    for joiner, partner in ((ctx.before[-1:], ctx.before[-2:-1]), (ctx.after[:1], ctx.after[1:2])):
        if not (joiner and partner and joiner[0] in PAIR_JOINERS and partner[0].endswith(FEMININE_PLURAL)):
            continue
        stem = partner[0].removesuffix(FEMININE_PLURAL)
        if len(stem) < MIN_PAIR_STEM:
            continue
        fits_read, fits_repaired = (w in (stem, stem + "n") for w in (read, repaired))
        if fits_read != fits_repaired:
            fitting = repaired if fits_repaired else read
            return Evidence("paired-form", NOUN_WEIGHT if fits_repaired else -NOUN_WEIGHT,
                            f"'{partner[0]} {joiner[0]}' names both genders: '{fitting}'")
    return None


def coordination(ctx: Context, read: str, repaired: str, lexicon: Lexicon) -> Evidence | None:
    """A noun joined by a comma, 'und' or 'oder' to a capitalised word that can only be a plural
    ('Busse, Bahnen, Fahren', 'Museen, Garten und Werkstätten') is a plural too, and in the
    partner's case ('aus Abwasser, Flüssen': 'Flüssen' is dative, 'Abwässer' is not): German
    lists nouns of one number, and a singular count noun without an article is rare, but in a
    heading ('Handel und Innenstädte'). A partner that can only be a singular ('Abwasser, Abfall
    und Tourismus') says the list mixes numbers: no evidence; nor does a verb used as a noun
    ('Planen und Bauen')."""
    if ctx.heading:
        return None
    partners = []
    before, after = without_adjectives(ctx.before[::-1], lexicon), without_adjectives(ctx.after[1:], lexicon)
    if len(before) >= 2 and before[0] in LIST_JOINERS:
        partners.append((before[1], f"'{before[1]} {before[0]}'"))
    if ctx.after[:1] and ctx.after[0] in LIST_JOINERS and after:
        partners.append((after[0], f"'{ctx.after[0]} {after[0]}'"))
    plural = None
    for partner, governor in partners:
        if not (partner[:1].isupper() and partner.isalpha()) or partner in (read, repaired):
            continue
        readings = noun_readings(partner, lexicon)
        numbers = {r[1] for r in readings if not old_dative(partner, r)}
        if numbers == {"s"}:
            return None
        if numbers == {"p"} and plural is None:
            plural = (governor, tuple(r for r in readings if r[1] == "p"))
    if plural is None:
        return None
    return decided_by("coordination", f"the plural {plural[0]}", plural[1], read, repaired, lexicon)


def without_adjectives(words: tuple[str, ...], lexicon: Lexicon) -> tuple[str, ...]:
    """Words from a noun outwards, its adjectives (up to MAX_ADJECTIVES small inflected adjectives)
    left out: 'Verwaltungen, eigene' read back from 'Rate' in 'eigene Verwaltungen, eigene Rate'."""
    skipped = 0
    while skipped < MAX_ADJECTIVES and len(words) > skipped and words[skipped].islower() \
            and words[skipped].endswith(ADJECTIVE_ENDINGS) and inflected_adjective(words[skipped], lexicon):
        skipped += 1
    return words[skipped:]


def bare_noun(ctx: Context, read: str, repaired: str, lexicon: Lexicon) -> Evidence | None:
    """After a preposition a noun phrase without an article ('für schwierige Falle') is a plural
    or a mass noun: German gives a singular count noun an article. Where the word as read can only
    be a singular and its repair only a plural, the plural; but not where the word as read is the
    same noun's singular ('für Handel', 'aus Abwasser'), which a mass noun may be."""
    if ctx.heading or ctx.determiner()[0] is not None:
        return None
    before = without_adjectives(ctx.before[::-1], lexicon)
    if not before or before[0].lower() not in PREPOSITIONS:
        return None
    read_numbers = {r[1] for r in noun_readings(read, lexicon)}
    repaired_numbers = {r[1] for r in noun_readings(repaired, lexicon)}
    if read_numbers != {"s"} or repaired_numbers != {"p"}:
        return None
    plural_of = {lemma for lemma, _ in lemma_readings(repaired)}
    if any(lemma in plural_of and any(r.startswith("ns") for r in readings) for lemma, readings in lemma_readings(read)):
        return None
    return Evidence("bare-noun", NOUN_WEIGHT, f"'{before[0]}' and no article: the plural '{repaired}', not '{read}'")


def decided_by(scorer: str, governor: str, allowed: tuple[str, ...], read: str, repaired: str,
               lexicon: Lexicon) -> Evidence | None:
    """Evidence when exactly one of the two words fits what `governor` allows; not sure when
    a rare lemma's forms, set aside, would have let the other fit too."""
    if not (read[:1].isupper() and repaired[:1].isupper()):
        return None
    fits_read = fits(allowed, noun_readings(read, lexicon))
    fits_repaired = fits(allowed, noun_readings(repaired, lexicon))
    if fits_read is None or fits_repaired is None or fits_read == fits_repaired:
        return None
    fitting, other = (repaired, read) if fits_repaired else (read, repaired)
    rare = [lemma for lemma, readings in lemma_readings(other) if fits(allowed, readings)]
    sure = not rare
    # the other word fits only as a form of a rare lemma ('Laden' as the plural of 'Lade'): that
    # weakens the evidence where the lemma is not clearly rarer than the word that fits ('Läden')
    strong = sure or all(lexicon.spelled(fitting) - lexicon.spelled(lemma) >= RARE_LEMMA_GAP for lemma in rare)
    weight = NOUN_WEIGHT if strong else NOUN_WEIGHT / 2
    rare = "" if sure else f" (unless it is a form of the rarer '{rare[0]}')"
    if fits_repaired:
        return Evidence(scorer, weight, f"{governor} goes with '{repaired}', not with '{read}'{rare}", sure)
    return Evidence(scorer, -weight, f"{governor} goes with '{read}', not with '{repaired}'{rare}", sure)


def verb_subject(ctx: Context, read: str, repaired: str, lexicon: Lexicon) -> Evidence | None:
    """A main clause that opens with a prepositional phrase or an adverb has its finite verb
    second and its subject right after it ('Auf dem Land sichern Dorfläden die Versorgung', 'Über
    die App können Schäden … gemeldet werden', 'Dabei entsteht Schaden'): a noun without an
    article right after that verb takes its number. Not one of a pair ('sind Laden und Post
    geschlossen'), nor where the clause opens with a noun phrase, its subject ('Die Gemeinden
    können Schaden abwenden')."""
    if ctx.heading or ctx.determiner()[0] is not None or ctx.after[:1] and ctx.after[0] in LIST_JOINERS:
        return None
    verb = verb_after_adverbial(ctx, lexicon)
    if verb is None:
        return None
    allowed = ("np.",) if verb in PLURAL_VERBS or verb not in SINGULAR_VERBS and verb.endswith("n") else ("ns.",)
    return decided_by("verb-subject", f"the verb '{verb}' before its subject", allowed, read, repaired, lexicon)


def verb_after_adverbial(ctx: Context, lexicon: Lexicon) -> str | None:
    """The finite verb right before the word, standing second in a main clause that opens with a
    prepositional phrase ('In vielen Orten sichern') or an adverb ('Dabei entsteht'), or None."""
    lead = ctx.leading[:-1]
    if not ctx.before or not lead or not lead[0].isalpha():
        return None
    verb = ctx.before[-1]
    if not (verb.isalpha() and verb.islower()):
        return None
    first = lead[0].lower()
    if not (first in PREPOSITIONS or first in CONTRACTIONS
            or len(lead) == 1 and (lexicon.tags.best_tag(first) or "").startswith("ADV")):
        return None
    if verb in SINGULAR_VERBS + PLURAL_VERBS:
        return verb
    if verb.endswith(("en", "rn", "ln", "t")) and finite(verb, lexicon, best_only=False):
        return verb
    return None
