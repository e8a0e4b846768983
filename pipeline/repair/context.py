"""Damaged text: the words around one word, as the sentence's scorers read them.

Needs the text as viewed and a word's place in it. Produces its Context (the words before and
after it, its clause, a relative clause after it, whether it stands in a heading, the start of
its sentence), the Evidence a scorer returns, and the tables of signs and verbs every scorer
reads (CLAUSE_ENDS, SENTENCE_ENDS, RELATIVE_PRONOUNS, MOOD_PAIRS).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.language.nouns import DETERMINERS, determiner_before

CONTEXT_WORD = re.compile(r"[^\W\d_]+|[.!?;:,()\-–—„“”\"»«*]")
BEFORE_WORDS, AFTER_WORDS = 4, 3
CLAUSE_REACH = 160  # characters looked ahead for the end of a clause
SENTENCE_REACH = 300  # characters looked back for the start of a sentence
CLAUSE_ENDS = (".", "!", "?", ":", ";", ",", "(", ")", "„", "“", "”", "\"", "»", "«", "–", "—")
SENTENCE_ENDS = (".", "!", "?", ":", ";")

MOOD_VERBS = {"wurde": "würde", "wurden": "würden"}
# a past indicative and its subjunctive (Konjunktiv II), told apart by reported speech
SUBJUNCTIVE_OF = {"hatte": "hätte", "hatten": "hätten", "waren": "wären", "konnte": "könnte", "konnten": "könnten",
                  "mochte": "möchte", "mochten": "möchten", "durfte": "dürfte", "durften": "dürften",
                  "musste": "müsste", "mussten": "müssten", "lagen": "lägen", "kamen": "kämen", "gaben": "gäben",
                  "brauchten": "bräuchten", "wussten": "wüssten", "fanden": "fänden"}
MOOD_PAIRS = {**SUBJUNCTIVE_OF, **MOOD_VERBS}  # every past form whose subjunctive a sentence may call for

# the gender and number a relative pronoun stands for (its case is its clause's)
RELATIVE_PRONOUNS = {"der": (".sm", ".sf"), "die": (".sf", ".p."), "das": (".sn",), "dem": (".sm", ".sn"),
                     "den": (".sm",), "denen": (".p.",), "dessen": (".sm", ".sn"), "deren": (".sf", ".p.")}

NOUN_WEIGHT = 2.0  # a paradigm that excludes one reading: strong evidence


@dataclass(frozen=True)
class Evidence:
    scorer: str
    weight: float  # > 0: for the repair; < 0: for the word as read
    reason: str
    sure: bool = True  # False: it holds only when a rare lemma's forms are set aside (and weighs half)


@dataclass(frozen=True)
class Context:
    """The words before (nearest last) and after one word of a sentence, punctuation included,
    the words after it up to the clause's end (`clause`), and of a relative clause right after
    it (', die … brauchen'), its words from the pronoun to its end (`relative`)."""

    before: tuple[str, ...]
    after: tuple[str, ...]
    clause: tuple[str, ...] = ()
    relative: tuple[str, ...] = ()
    heading: bool = False  # the word stands in a heading: a line of its own, or one run into the text
    opening: tuple[str, ...] = ()  # the words of its sentence before it
    leading: tuple[str, ...] = ()  # the words of its own clause before it ('In vielen Orten sichern')

    @classmethod
    def around(cls, text: str, start: int, end: int, reach: int = 60,
               repaired: dict[str, str] | None = None) -> "Context":
        """The context of text[start:end]; the text's start counts as a sentence end ('.'). The
        words around are read as `repaired` maps them (the repairs the word lists were sure of)."""
        repaired = repaired or {}
        before = [repaired.get(w, w) for w in CONTEXT_WORD.findall(text[max(0, start - reach) : start])]
        if start <= reach and len(before) < BEFORE_WORDS:
            before = ["."] + before
        after = [repaired.get(w, w) for w in CONTEXT_WORD.findall(text[end : end + CLAUSE_REACH])]
        clause = []
        for word in after:
            if word in CLAUSE_ENDS:
                break
            clause.append(word)
        relative = []
        if after[:1] == [","] and len(after) > 1 and after[1] in RELATIVE_PRONOUNS:
            for word in after[1:]:
                if word in CLAUSE_ENDS:
                    break
                relative.append(word)
        return cls(tuple(before[-BEFORE_WORDS:]), tuple(after[:AFTER_WORDS]), tuple(clause), tuple(relative),
                   in_heading(text, start, end) or in_run_in_heading(text[start:end], before, after),
                   # only the mood scorers read the sentence's start: looked up for their words alone
                   sentence_before(text, start, repaired) if text[start:end].lower() in MOOD_PAIRS else (),
                   # only verb-subject reads the clause's start, after a word that may be its verb
                   clause_before(text, start, repaired) if before and before[-1].isalpha() and before[-1].islower()
                   else ())

    def determiner(self) -> tuple[str | None, str | None]:
        """The determiner this word's noun phrase starts with, and the word before it."""
        return determiner_before(self.before)


def sentence_before(text: str, start: int, repaired: dict[str, str]) -> tuple[str, ...]:
    """The words of the sentence before `start` (within SENTENCE_REACH characters), punctuation
    inside the sentence kept."""
    before = CONTEXT_WORD.findall(text[max(0, start - SENTENCE_REACH) : start])
    cut = max((i for i, w in enumerate(before) if w in SENTENCE_ENDS), default=-1)
    return tuple(repaired.get(w, w) for w in before[cut + 1 :])


def clause_before(text: str, start: int, repaired: dict[str, str]) -> tuple[str, ...]:
    """The words of the clause before `start` (after the last sign that ends a clause, within
    CLAUSE_REACH characters); () where the clause may start further back."""
    before = CONTEXT_WORD.findall(text[max(0, start - CLAUSE_REACH) : start])
    cut = max((i for i, w in enumerate(before) if w in CLAUSE_ENDS), default=None)
    if cut is None and start > CLAUSE_REACH:
        return ()
    return tuple(repaired.get(w, w) for w in before[(cut if cut is not None else -1) + 1 :])


PAIR_JOINERS = ("und", "oder", "bzw", "sowie")  # what joins two nouns (a list's last two, a heading's)
RUN_IN_HEADING_WORDS = 5


def in_run_in_heading(word: str, before: list[str], after: list[str]) -> bool:
    """Whether a capitalised word stands in a heading run into the text (set so, or joined by the
    OCR): from a sentence's end to a capitalised determiner that opens the next sentence, a few
    capitalised words and joiners ('gelöscht. Handel und Innenstädte Die Innenstädte haben'). A
    capitalised determiner inside a sentence is none, so these words form no sentence of their
    own: a heading, which leaves out articles."""
    head = []
    for token in reversed(before):
        if token in SENTENCE_ENDS:
            break
        head.append(token)
    else:
        return False  # no sentence's start within reach
    for k, token in enumerate(after):
        if token[:1].isupper() and token.lower() in DETERMINERS:
            words = [*head, word, *after[:k]]
            return len(words) <= RUN_IN_HEADING_WORDS and \
                all(w.isalpha() and w[:1].isupper() or w in PAIR_JOINERS for w in words)
    return False


def in_heading(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands in a line of its own, between blank lines (or the text's
    start), that ends in no sentence sign: a heading, which leaves out articles ('Handel und
    Innenstädte')."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    previous_start = text.rfind("\n", 0, max(0, line_start - 1)) + 1
    next_end = text.find("\n", line_end + 1)
    opens = line_start == 0 or not text[previous_start : line_start - 1].strip()
    closes = line_end == len(text) or not text[line_end + 1 : len(text) if next_end < 0 else next_end].strip()
    line = text[line_start:line_end].strip()
    return opens and closes and bool(line) and line[-1] not in SENTENCE_ENDS + (",",)
