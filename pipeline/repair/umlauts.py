"""Umlaut repair: the words of a text -> edits that give them back the umlauts and ß an
English-model OCR lost (fiir -> für, GroRstadt -> Großstadt, kénnen -> können).

Needs the text as viewed (raw text with line-end hyphens joined) and its map to raw offsets, the
word lists (Lexicon), the confusion table, whether the text looks damaged, and the thresholds.
Produces Edits in raw offsets, each naming the evidence that decided it in its reason.

Every word is first judged by the word lists (word_lists.best_repair; a letter the OCR left out,
dropped.py: 'Straen' -> 'Straßen'). Real-word conflicts (fordern/fördern) are recorded as
suggestions and not applied, unless a later step decides them: in damaged text the steps of
DAMAGED_TEXT_STEPS weigh every verdict in turn, each seeing what the ones before decided:
  stranded-adjective  syntax.py          an adjective where no noun can follow ('zu starken.' -> 'zu stärken.')
  sentence            sentence.py        the sentence's scorers (evidence.py: 'agreement', 'verb-mood' …)
  case-in-sentence    syntax.py          a repaired first umlaut's case ('der öffentliche Nahverkehr')
  compound-heads      compound_heads.py  a repair that makes no compound of nouns
  reading-rates       document.py        which misreading this document's OCR makes ('Héfen': 'Häfen')
  document            document.py        a repaired word of the same stem ('family'), or this OCR losing
                                         that letter so often that the repair is likelier ('document-rate':
                                         Plane -> Pläne, schliefen -> schließen)
Case and ß are judged as written (spaCy's German spelling list).
"""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.corrections import ConfusionTable
from pipeline.edits import Edit
from pipeline.language.lexicon import Lexicon
from pipeline.repair.compound_heads import with_compound_heads
from pipeline.repair.document import weighed_in_document, with_reading_rates
from pipeline.repair.kept_verdicts import KeptVerdicts
from pipeline.repair.sentence import weighed_in_context
from pipeline.repair.settings import DEFAULT_SETTINGS, RepairSettings
from pipeline.repair.syntax import with_case_in_sentence, with_stranded_adjectives
from pipeline.repair.verdict import Verdict
from pipeline.repair.word_lists import best_repair
from pipeline.repair.words import sentence_start, word_parts


@dataclass(frozen=True)
class StepInput:
    """What every step of DAMAGED_TEXT_STEPS reads beside the (word, verdict) pairs: the text as
    viewed, the word lists, the confusion table, the thresholds, and a word's listed readings,
    kept for the two steps that ask for them (sentence, reading-rates)."""

    view: str
    lexicon: Lexicon
    confusions: ConfusionTable
    settings: RepairSettings
    readings_kept: dict[str, dict]


# Damaged text: each step turns the (word, verdict) pairs into new ones, in this order.
DAMAGED_TEXT_STEPS = {
    "stranded-adjective": lambda found, s: with_stranded_adjectives(s.view, found, s.lexicon, s.confusions, s.settings),
    "sentence": lambda found, s: weighed_in_context(s.view, found, s.lexicon, s.confusions, s.settings, s.readings_kept),
    "case-in-sentence": lambda found, s: with_case_in_sentence(s.view, found, s.lexicon, s.confusions),
    "compound-heads": lambda found, s: with_compound_heads(found, s.lexicon, s.confusions, s.settings),
    "reading-rates": lambda found, s: with_reading_rates(found, s.lexicon, s.confusions, s.settings, s.readings_kept),
    "document": lambda found, s: weighed_in_document(s.view, found, s.lexicon, s.settings),
}


def repair_umlauts(
    raw: str,
    view: str,
    view_origin: list[int],
    lexicon: Lexicon,
    confusions: ConfusionTable,
    damaged: bool,
    settings: RepairSettings = DEFAULT_SETTINGS,
) -> list[Edit]:
    """Words of `view` (raw text with line-end hyphens joined) -> edits in raw offsets.

    Each word's repair is decided in one order, each step with its evidence named in the edit's
    reason: the word lists (best_repair: 'unknown-word', 'more-frequent', or a suggestion,
    'real-word-conflict'); then, in damaged text, where real words stand both ways (Burger/Bürger),
    the steps of DAMAGED_TEXT_STEPS: an adjective form where no noun can follow ('syntax'), the
    sentence's scorers (evidence.py: 'agreement', 'verb-mood' …), a compound's head
    ('compound-head'), and the document itself (weighed_in_document: 'family', 'document-rate').
    What no step decides stays a suggestion for the reviewer."""
    decided: dict[tuple[str, bool], Verdict | None] = {}
    kept = KeptVerdicts(lexicon, confusions, settings)

    def verdict(token: str, pos: int) -> Verdict | None:
        key = (token, sentence_start(view, pos))
        if key not in decided:
            decided[key] = kept.verdict(token, damaged, key[1],
                                        lambda: best_repair(token, lexicon, confusions, damaged, settings, key[1]))
        return decided[key]

    found = list(word_parts(view, verdict))
    if damaged:
        read = StepInput(view, lexicon, confusions, settings, readings_kept=kept.readings())
        for step in DAMAGED_TEXT_STEPS.values():
            found = step(found, read)
    edits = []
    for m, v in found:
        token = m.group()
        for pos, rule in v.subs:
            vs, ve = m.start() + pos, m.start() + pos + len(rule.find)
            rs, re_ = view_origin[vs], view_origin[ve - 1] + 1
            if raw[rs:re_] != view[vs:ve]:
                continue  # the damaged letters straddle a joined line break
            edits.append(Edit(rs, re_, raw[rs:re_], rule.replace, f"umlaut:{rule.id}", v.confidence,
                              v.applied, token, v.candidate, reason=v.reason or v.ground))
    return edits
