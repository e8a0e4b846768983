"""Damaged text: the sentence's scorers weighed on the words the word lists left undecided.

Needs the text as viewed, the (word, verdict) pairs found so far, the word lists, the confusion
table, the thresholds and the listed readings kept per word. Produces the pairs with the
sentence's evidence (evidence.py) weighed (weighed_in_context): a repair the scorers support is
applied with the strongest scorer's name as its ground, one they oppose only suggested
('opposed-by-context'), and a non-word may take another of its readings (other_reading).
"""
from __future__ import annotations

from dataclasses import replace

from pipeline.corrections import ConfusionTable
from pipeline.language.candidates import plain_vowel_rules
from pipeline.language.lexicon import Lexicon
from pipeline.language.nouns import lemma_readings
from pipeline.repair.context import MOOD_PAIRS, Context
from pipeline.repair.evidence import evidence_for, judged_here
from pipeline.repair.settings import RepairSettings
from pipeline.repair.verb_scorers import MODAL_INFINITIVES
from pipeline.repair.verdict import Verdict
from pipeline.repair.word_lists import listed_readings
from pipeline.repair.words import TOKEN, _Shifted


def weighed_in_context(view: str, found: list, lexicon: Lexicon, confusions: ConfusionTable,
                       settings: RepairSettings, readings_kept: dict[str, dict]) -> list:
    """`found` (word, verdict) pairs, with the sentence's evidence (evidence.py) weighed where the
    word list left two real words: a repair the scorers support by CONTEXT_DECIDES or more is
    applied (its ground the scorer, its reason theirs); one they oppose as much is only
    suggested; a capitalised word after a determiner or preposition that the word list found
    no repair for is tried with its dots restored ('die Schaden' -> 'Schäden'); a word as read
    that is no word may take another of its readings (other_reading). Only words the scorers can
    judge are looked at, so the noun paradigms load only for them."""
    by_start = {m.start(): (m, v) for m, v in found}
    plain_rules = plain_vowel_rules(confusions)
    sure = {m.group(): v.candidate for m, v in found if v.sure}
    for m in TOKEN.finditer(view):
        token = m.group()
        known = by_start.get(m.start())
        if known is not None and known[1].ground == "unknown-word":
            # the word as read is no word, but the sentence may choose among its readings
            other = other_reading(view, m, known[1], sure, lexicon, confusions, settings, readings_kept)
            if other is not None:
                by_start[m.start()] = (m, other)
            continue
        modal = known is not None and known[1].candidate.lower() in MODAL_INFINITIVES  # 'missen' -> 'müssen'
        if not (token[:1].isupper() or token.lower() in MOOD_PAIRS or modal):
            continue
        # a plain vowel whose dots may be lost: inside the word, or a capital one opening it ('Ofen')
        losable = [i for i, c in enumerate(token) if c in plain_rules and (i or c.isupper())]
        if known is None and not losable:
            continue  # no repair found, and no such vowel ('Schiller': 'il' for 'ü' was found)
        ctx = Context.around(view, m.start(), m.end(), repaired=sure)
        if not (modal or judged_here(ctx, token, lexicon)):
            continue
        candidates = [known[1].candidate] if known is not None else [
            candidate for i in losable
            if lexicon.zipf(candidate := token[:i] + plain_rules[token[i]].replace + token[i + 1:]) >= settings.min_candidate_zipf
            or lexicon.zipf(token) == 0]
        best = None
        for candidate in candidates:
            evidence = evidence_for(ctx, token, candidate, lexicon)
            total = sum(e.weight for e in evidence)
            if evidence and (best is None or abs(total) > abs(best[1])):
                best = (candidate, total, evidence)
        if best is None:
            continue
        candidate, total, evidence = best
        strongest, reason, confidence = summed_up(evidence, settings)
        if total >= settings.context_decides and known is not None and known[1].applied:
            by_start[m.start()] = (m, replace(known[1], reason=f"{known[1].reason or known[1].ground}; {reason}"))  # agrees
        elif total >= settings.context_decides:
            i = next(i for i, (a, b) in enumerate(zip(token, candidate)) if a != b)
            subs = known[1].subs if known is not None else ((i, plain_rules[token[i]]),)
            by_start[m.start()] = (m, Verdict(candidate, subs, confidence, True,
                                              lexicon.zipf(candidate) - lexicon.zipf(token), strongest.scorer, reason))
        elif total <= -settings.context_decides and known is not None:
            by_start[m.start()] = (m, replace(known[1], applied=False, ground="opposed-by-context",
                                              confidence=min(known[1].confidence, round(1 - settings.context_confidence, 2)),
                                              reason=reason))
    return [by_start[start] for start in sorted(by_start)]


def other_reading(view: str, m, v: Verdict, sure: dict[str, str], lexicon: Lexicon, confusions: ConfusionTable,
                  settings: RepairSettings, kept: dict[str, dict]) -> Verdict | None:
    """A word as read that is no word ('Gro&e'), repaired to the commonest of its readings
    ('Große'): another listed reading of it, capitalised alike, that the sentence's scorers
    support by context_decides or more ('unterschiedlicher Gro&e': 'Größe', which the strong
    adjective allows and the nominalised 'Große' does not) replaces it; None where none does."""
    chosen = v.candidate
    if not (chosen[:1].isupper() and chosen.isalpha()) or isinstance(m, _Shifted) or not lemma_readings(chosen):
        return None  # the scorers weigh nouns: a repair that is none has no rival they could prefer
    ctx = Context.around(view, m.start(), m.end(), repaired=sure)
    if not judged_here(ctx, chosen, lexicon):
        return None
    others = listed_readings(m.group(), lexicon, confusions, settings, kept)
    best = None
    for word, ways in others.items():
        if word == chosen or not word[:1].isupper():
            continue
        subs = min(ways, key=len)  # the fewest misreadings that make it
        evidence = evidence_for(ctx, chosen, word, lexicon)
        total = sum(e.weight for e in evidence)
        if total >= settings.context_decides and (best is None or total > best[1]):
            best = (word, total, evidence, subs)
    if best is None:
        return None
    word, _, evidence, subs = best
    strongest, reason, confidence = summed_up(evidence, settings)
    return Verdict(word, subs, confidence, True, lexicon.zipf(word) - lexicon.zipf(m.group()), strongest.scorer,
                   f"unknown-word; {reason}")


def summed_up(evidence: list, settings: RepairSettings) -> tuple:
    """The sentence's evidence on a repair -> the scorer that weighed most (the verdict's
    ground), the reason a reviewer reads (that scorer's name, then every scorer's reason), and
    the confidence: lower where the evidence holds only by setting a rare lemma aside."""
    strongest = max(evidence, key=lambda e: abs(e.weight))
    reason = f"{strongest.scorer}: " + "; ".join(e.reason for e in evidence)
    confidence = settings.context_confidence if all(e.sure for e in evidence) else settings.rare_lemma_confidence
    return strongest, reason, confidence
