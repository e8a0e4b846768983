"""Damaged text: the scorers that weigh a verb form by its clause: 'wurde' or 'würde', 'hatte'
or 'hätte', a modal verb.

Needs a word's Context (its clause, the start of its sentence), the word as read and its
repair, and the word lists (HanTa's tags). Produces Evidence for the repair or against it, or
None: verb-mood, reported-speech, counterfactual, modal-infinitive (evidence.py describes each).
"""
from __future__ import annotations

from pipeline.language.lexicon import Lexicon
from pipeline.repair.context import CLAUSE_ENDS, MOOD_PAIRS, MOOD_VERBS, NOUN_WEIGHT, RELATIVE_PRONOUNS, SUBJUNCTIVE_OF
from pipeline.repair.context import Context, Evidence

SAYING_VERBS = ("sagt", "sagte", "sagten", "sagen", "erzählte", "erzählten", "berichtete", "berichteten", "betonte",
                "betonten", "meinte", "meinten", "erklärte", "erklärten", "ergänzte", "warnte", "schrieb", "antwortete")
MODAL_INFINITIVES = ("können", "müssen", "sollen", "dürfen", "wollen")
# Konjunktiv I forms no indicative shares: a clause holding one is reported speech
REPORTING_FORMS = ("sei", "seien", "könne", "müsse", "solle", "wolle", "dürfe", "möge")
REPORT_SUBJECT_WORDS = 3  # words between 'sagte,' and the verb: its subject ('sie', 'die Jugendlichen')
REAL_WORD_ZIPF = 3.0  # as written: a word as read this common is one German writes, not a typo ("konnen" 2.7)


def verb_mood(ctx: Context, read: str, repaired: str, lexicon: Lexicon) -> Evidence | None:
    """'wurde' or 'würde': the clause's last word is a past participle after 'wurde' (passive:
    'wurde gebaut') and an infinitive after 'würde' ('würde helfen'), as HanTa tags it; where
    the verb itself ends the clause (a subordinate clause), the word before it decides ('… gebaut
    wurde', '… verschwinden würde'), if it can only be one of the two."""
    if MOOD_VERBS.get(read.lower()) != repaired.lower():
        return None
    if not ctx.clause and ctx.before and ctx.before[-1].isalpha() and ctx.before[-1].islower() \
            and (not ctx.after or ctx.after[0] in CLAUSE_ENDS):
        before = ctx.before[-1]
        tags = lexicon.tags.tag_names(before)
        infinitive, participle = any(t.endswith("(INF)") for t in tags), any(t.endswith("(PP)") for t in tags)
        if infinitive and not participle:
            return Evidence("verb-mood", NOUN_WEIGHT, f"the clause ends in the infinitive '{before}' and '{repaired}'")
        if participle and not infinitive:
            return Evidence("verb-mood", -NOUN_WEIGHT, f"the clause ends in the participle '{before}' and '{read}'")
        return None
    if not ctx.clause or "zu" in ctx.clause[-2:-1]:
        return None  # an infinitive with 'zu' ('um … zu helfen') says nothing of the mood
    tag = lexicon.tags.best_tag(ctx.clause[-1])
    if tag is None:
        return None
    if tag.endswith("(INF)"):
        return Evidence("verb-mood", NOUN_WEIGHT, f"the clause ends in the infinitive '{ctx.clause[-1]}': '{repaired}'")
    if tag.endswith("(PP)"):
        return Evidence("verb-mood", -NOUN_WEIGHT, f"the clause ends in the participle '{ctx.clause[-1]}': '{read}'")
    return None


def reported_speech(ctx: Context, read: str, repaired: str, lexicon: Lexicon) -> Evidence | None:
    """'hatte' or 'hätte', 'wurde' or 'würde': reported speech takes the subjunctive. A clause
    whose subject follows a verb of saying and a comma ('sagte, sie hätte', 'sagen, die Gärtner
    hätten'), or a clause holding a Konjunktiv I form no indicative shares ('sei', 'könne'), is
    reported, and so is every clause after one in its sentence ('Früher sei … gestritten
    worden, heute lägen Zahlen vor'; not one before: 'gaben sie zu, dass … sei'). Right after
    the comma ('Wie er sagte, hatte die Stadt …') the verb is the main clause's: no evidence."""
    if MOOD_PAIRS.get(read.lower()) != repaired.lower():
        return None
    before = list(ctx.before)
    subject = 0
    while before and before[-1].isalpha() and subject < REPORT_SUBJECT_WORDS:
        before.pop()
        subject += 1
    if subject and len(before) >= 2 and before[-1] == "," and before[-2].lower() in SAYING_VERBS:
        return Evidence("reported-speech", NOUN_WEIGHT, f"reported speech after '{before[-2]}, …': '{repaired}'")
    form = next((w for w in (*ctx.opening, *ctx.before, *ctx.clause) if w.lower() in REPORTING_FORMS), None)
    if form is not None:
        return Evidence("reported-speech", NOUN_WEIGHT, f"reported speech ('{form}' nearby): '{repaired}'")
    return None


def counterfactual(ctx: Context, read: str, repaired: str, lexicon: Lexicon) -> Evidence | None:
    """'hatte' or 'hätte': a clause that ends in an infinitive and a modal's infinitive ('hätte
    … abtippen müssen', 'hätte geschlossen werden müssen') is, but rarely, a past perfect; German
    writes it far more often as what could have been. So does 'sich … lassen', which says what
    can be done ('hätten sich klären lassen'); 'lassen' alone has a thing done ('hatte das
    Gutachten erstellen lassen'). A past form with a subjunctive twin in a clause that says what
    would be otherwise ('die sich sonst nie begegnet wären', 'ohne die … nicht möglich wären')
    is the subjunctive."""
    if SUBJUNCTIVE_OF.get(read.lower()) != repaired.lower():
        return None
    own = clause_so_far(ctx.opening)
    if "sonst" in own or own[:1] == ("ohne",) and own[1:2] and own[1].lower() in RELATIVE_PRONOUNS:
        cue = "sonst" if "sonst" in own else f"ohne {own[1]}"
        return Evidence("counterfactual", NOUN_WEIGHT, f"the clause says what would be otherwise ('{cue}'): '{repaired}'")
    if read.lower() not in ("hatte", "hatten"):
        return None
    words = ctx.clause
    if len(words) < 2 or not (words[-1].lower() in MODAL_INFINITIVES or words[-1] == "lassen" and "sich" in words):
        return None
    verb = words[-2]
    if not (verb.isalpha() and verb.islower() and verb.endswith(("en", "rn", "ln"))) or "zu" in words[-3:-2]:
        return None
    return Evidence("counterfactual", NOUN_WEIGHT, f"the clause ends in '{verb} {words[-1]}': '{repaired}'")


def clause_so_far(opening: tuple[str, ...]) -> tuple[str, ...]:
    """The words of a sentence before a word -> those of the word's own clause (after the last
    sign that ends a clause)."""
    cut = max((i for i, w in enumerate(opening) if w in CLAUSE_ENDS), default=-1)
    return opening[cut + 1 :]


def modal_infinitive(ctx: Context, read: str, repaired: str, lexicon: Lexicon) -> Evidence | None:
    """A modal verb governs an infinitive: right before it at a clause's end ('fahren müssen'),
    or later in its clause ('Sie müssen lernen'). A repair to a modal with neither ('die Planung
    nicht mehr missen, weil', '… missen wollen') would stand alone, which German seldom lets a
    modal do: the word as read stays."""
    if repaired.lower() not in MODAL_INFINITIVES or lexicon.spelled(read) < REAL_WORD_ZIPF:
        return None  # OCR noise ('miissen') is no word that could stand instead

    def verb_form(word: str, forms: tuple[str, ...]) -> bool:
        return word.isalpha() and any(t.startswith(("VV", "VA")) and t.endswith(forms)
                                      for t in lexicon.tags.tag_names(word))

    if ctx.before and (ctx.before[-1] == "zu" or verb_form(ctx.before[-1], ("(INF)", "(PP)"))):
        return None
    if any(verb_form(w, ("(INF)",)) for w in ctx.clause):
        return None
    return Evidence("modal-infinitive", -NOUN_WEIGHT, f"'{repaired}' would govern no infinitive here: '{read}'")
