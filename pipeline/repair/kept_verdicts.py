"""The word lists' verdict on each word (word_lists.best_repair), kept across runs.

Needs the run's Lexicon (which owns the kept table and writes it with what else the run learnt),
the confusion table and the thresholds. Produces KeptVerdicts: best_repair's answer for a word,
and a word's listed readings (KeptReadings), from the cache folder where a run with the same
code, word lists, additions, confusion table and thresholds worked them out before, else worked
out now. Both look at the word alone (whether it opens a sentence, whether the text is
damaged): the answer is the same in every text, so a rerun, or a new edition sharing most
words, skips a third of the repair.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pipeline.cache import key_of, sources_key
from pipeline.corrections import ConfusionRule, ConfusionTable
from pipeline.language.knowledge import knowledge_key
from pipeline.language.lexicon import Lexicon
from pipeline.repair.dropped import DroppedLetter
from pipeline.repair.settings import RepairSettings
from pipeline.repair.verdict import Verdict

MAX_KEPT = 200_000  # words whose verdicts are kept across runs (a few MB)
NO_VERDICT = ()  # a word the lists leave as read (the kept table's None means "not asked yet")


@lru_cache(maxsize=1)
def repair_code_key() -> str:
    """The source of the repair stage and of the corrections' models: best_repair's code beside
    the language stage's (knowledge_key)."""
    here = Path(__file__).resolve().parent
    return sources_key([*sorted(here.glob("*.py")), here.parent / "corrections.py"])


def verdicts_key(lexicon: Lexicon, confusions: ConfusionTable, settings: RepairSettings) -> str:
    """What best_repair depends on beside the word: the code and the word lists (knowledge_key,
    repair_code_key), the confusion table and the thresholds."""
    return key_of("verdicts", knowledge_key(lexicon), repair_code_key(), confusions.model_dump_json(), repr(settings))


class KeptVerdicts:
    """best_repair's verdicts by word, read from and written to the cache folder through the
    lexicon (Lexicon.kept_answers)."""

    def __init__(self, lexicon: Lexicon, confusions: ConfusionTable, settings: RepairSettings):
        self._table = lexicon.kept_answers("verdicts", verdicts_key(lexicon, confusions, settings), MAX_KEPT)
        self._rules = confusions.rules
        self._index = {id(rule): number for number, rule in enumerate(confusions.rules)}

    def verdict(self, token: str, damaged: bool, at_sentence_start: bool, make) -> Verdict | None:
        """The kept verdict of `token`, else `make()`'s, kept where it can be written down."""
        table, key = self._table.load(), f"{int(damaged)}{int(at_sentence_start)}{token}"
        row = table.get(key)
        if row is not None:
            return verdict_of_row(row, self._rules)
        made = make()
        row = row_of_verdict(made, self._index)
        if row is not None:
            table[key] = row
        return made

    def readings(self) -> "KeptReadings":
        """The table of a word's listed readings (word_lists.listed_readings) for one document,
        backed by the same kept table."""
        return KeptReadings(self._table.load(), self._rules, self._index)


class KeptReadings:
    """word_lists.listed_readings' answers by word: `in`, [] and []= as the dict it asks for,
    read from and written to the kept table (under 'r' and the word)."""

    def __init__(self, rows: dict, rules: list[ConfusionRule], rule_index: dict[int, int]):
        self._rows, self._rules, self._index = rows, rules, rule_index
        self._answers: dict[str, dict] = {}

    def __contains__(self, token: str) -> bool:
        return token in self._answers or self._rows.get("r" + token) is not None

    def __getitem__(self, token: str) -> dict:
        found = self._answers.get(token)
        if found is None:
            found = self._answers[token] = {word: [tuple((pos, self._rules[rule]) for pos, rule in way) for way in ways]
                                            for word, ways in self._rows["r" + token]}
        return found

    def __setitem__(self, token: str, readings: dict) -> None:
        self._answers[token] = readings
        if all(id(rule) in self._index for ways in readings.values() for way in ways for _, rule in way):
            self._rows["r" + token] = tuple((word, tuple(tuple((pos, self._index[id(rule)]) for pos, rule in way)
                                                         for way in ways)) for word, ways in readings.items())


def row_of_verdict(verdict: Verdict | None, rule_index: dict[int, int]) -> tuple | None:
    """A Verdict -> a tuple marshal keeps (a confusion rule by its place in the table); None where
    a substitution is of a kind this does not know (not kept, made again next time)."""
    if verdict is None:
        return NO_VERDICT
    subs = []
    for pos, rule in verdict.subs:
        if isinstance(rule, DroppedLetter):
            subs.append((pos, rule.find, rule.replace, rule.letter))
        elif isinstance(rule, ConfusionRule) and id(rule) in rule_index:
            subs.append((pos, rule_index[id(rule)]))
        else:
            return None
    return (verdict.candidate, tuple(subs), verdict.confidence, verdict.applied, verdict.gain, verdict.ground,
            verdict.reason)


def verdict_of_row(row: tuple, rules: list[ConfusionRule]) -> Verdict | None:
    """The tuple row_of_verdict made -> the Verdict, its confusion rules the table's own objects."""
    if row == NO_VERDICT:
        return None
    candidate, subs, confidence, applied, gain, ground, reason = row
    return Verdict(candidate, tuple((s[0], rules[s[1]]) if len(s) == 2 else (s[0], DroppedLetter(*s[1:])) for s in subs),
                   confidence, applied, gain, ground, reason)
