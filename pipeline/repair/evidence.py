"""Damaged text: evidence from the sentence for or against an umlaut repair, by scorer.

A word list cannot decide between two real words ('Schaden' and 'Schäden', 'Anfangen' and
'Anfängen'); the words around them often can. Each scorer looks at the words before and after
one word (its Context, context.py), the word as read and its repair, and returns Evidence (for
the repair when its weight is positive, for the word as read when negative, with a reason a
reviewer can read) or None when it has nothing to say:

  agreement         a determiner or quantifier and its noun ('die Schaden': 'die' goes with a
                    feminine or a plural noun, 'Schaden' is masculine singular; 'viele Leitfaden')
  preposition-case  a preposition fixes the case ('mit den Laden': dative, so plural 'Läden';
                    'zum Anfangen': dative singular, not the plural 'Anfängen')
  subject-verb      a noun right before a finite auxiliary of clear number ('die Schäden sind')
  relative-clause   the subject of a relative clause ending in a plural verb ('Fälle, die eine
                    Untersuchung brauchen', 'deren Öfen … laufen')
  capitalised-noun  a capitalised word inside a sentence that is no noun, whose repair is one
                    ('Schnee und Glatte': 'Glätte')
  relative-pronoun  a relative pronoun agrees with its noun in gender and number ('Dorfladen, die
                    von …': 'die' stands for a feminine or a plural noun, so 'Dorfläden')
  verb-mood         'wurde' before a participle, 'würde' before an infinitive at the clause's
                    end ('würde helfen', 'wurde gebaut'), as HanTa tags them
  reported-speech   reported speech takes the subjunctive ('sagte, sie hätte', a clause with 'sei')
  counterfactual    a clause ending in an infinitive and a modal's ('hätte … abtippen müssen')
  compound-head     a compound no list holds reads as its head ('Experimentierraume': 'Raume'
                    is a rare dative, 'Räume' the plural), or by its lemma ('Bürgerräte' of the
                    listed 'Bürgerrat')
  paired-form       a noun named in both genders shares its stem with the feminine beside it
                    ('Schülerinnen und Schiller': 'Schüler')
  modal-infinitive  a modal verb governs an infinitive ('nicht mehr missen wollen' is no 'müssen')
  bare-noun         after a preposition, a noun without an article is a plural or a mass noun
                    ('für schwierige Falle': 'Fälle')
  coordination      a noun in a list of plurals is a plural ('Museen, Garten und Werkstätten':
                    'Gärten')
  verb-subject      a noun without an article right after the finite verb of a clause that opens
                    with an adverbial is its subject, of the verb's number ('In vielen Orten
                    sichern Dorfladen': 'Dorfläden')

Needs a word's Context, the word as read, its repair and the word lists. Produces what every
scorer says (evidence_for), whether any can judge the word at all (judged_here), and the
scorers' names (SCORER_NAMES), which a verdict decided by the sentence carries as its ground.
The noun scorers are in noun_scorers.py, the verb scorers in verb_scorers.py.
"""
from __future__ import annotations

from pipeline.language.lexicon import ADJECTIVE_ENDINGS, Lexicon
from pipeline.repair.context import MOOD_PAIRS, RELATIVE_PRONOUNS, SENTENCE_ENDS, Context, Evidence
from pipeline.repair.noun_scorers import (GENITIVE_RELATIVES, LIST_JOINERS, PLURAL_VERBS, PREPOSITIONS, SINGULAR_VERBS,
                                          adjective_before, agreement, bare_noun, capitalised_noun, compound_head,
                                          coordination, inflected_adjective, noun_readings, paired_form,
                                          preposition_case, relative_clause_verb, relative_pronoun, subject_verb,
                                          verb_after_adverbial, verb_subject)
from pipeline.repair.verb_scorers import counterfactual, modal_infinitive, reported_speech, verb_mood


# each scorer by the name its Evidence carries (a ledger reason starts with it)
SCORERS = {"agreement": agreement, "preposition-case": preposition_case, "subject-verb": subject_verb,
           "relative-pronoun": relative_pronoun, "relative-clause": relative_clause_verb,
           "capitalised-noun": capitalised_noun, "verb-mood": verb_mood, "reported-speech": reported_speech,
           "counterfactual": counterfactual, "compound-head": compound_head, "paired-form": paired_form,
           "coordination": coordination, "modal-infinitive": modal_infinitive, "bare-noun": bare_noun,
           "verb-subject": verb_subject}
SCORER_NAMES = tuple(SCORERS)


def evidence_for(ctx: Context, read: str, repaired: str, lexicon: Lexicon) -> list[Evidence]:
    """What every scorer says about repairing `read` to `repaired` in this context."""
    return [e for scorer in SCORERS.values() if (e := scorer(ctx, read, repaired, lexicon)) is not None]


def judged_here(ctx: Context, word: str, lexicon: Lexicon) -> bool:
    """Whether a scorer can judge the word here: after a determiner (or a contraction) or an
    inflected adjective, opening a sentence before a finite auxiliary, before a relative clause or
    after 'deren' opening one, a capitalised word inside a sentence that is no noun, or a word the
    word list does not know (a compound's head may)."""
    if ctx.determiner()[0] is not None or lexicon.direct(word.lower()) == 0 or word.lower() in MOOD_PAIRS:
        return True
    adjective = adjective_before(ctx) or ""
    if adjective.endswith(ADJECTIVE_ENDINGS) and inflected_adjective(adjective, lexicon):
        return True
    if ctx.after and ctx.after[0].lower() in SINGULAR_VERBS + PLURAL_VERBS:
        return True
    if ctx.determiner()[0] is None and verb_after_adverbial(ctx, lexicon) is not None:
        return True
    if ctx.before and ctx.before[-1].lower() in GENITIVE_RELATIVES:
        return True
    if ctx.before[-1:] and ctx.before[-1] in LIST_JOINERS or ctx.after[:1] and ctx.after[0] in LIST_JOINERS:
        return True
    if ctx.after[:1] == (",",) and len(ctx.after) > 1 and ctx.after[1].lower() in (*RELATIVE_PRONOUNS, *PREPOSITIONS):
        return True
    return bool(ctx.before) and ctx.before[-1] not in SENTENCE_ENDS and not noun_readings(word, lexicon)
