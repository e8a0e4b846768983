"""A run of lines split into two columns (ColumnSplit), and the splits kept across runs.

Needs the run's Lexicon (which owns the kept table and writes it with what else the run learnt)
and the thresholds. Produces ColumnSplit and kept_split: columns.split_run's answer for a run of
lines, from the cache folder where a run with the same code, word knowledge and thresholds split
the same lines before, else split now. The split looks at the run's lines, the lines under it
and the width seen around it alone, so a rerun of a text (a reviewer's loop) skips the search.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.cache import key_of, sources_key
from pipeline.language.knowledge import knowledge_key
from pipeline.language.lexicon import Lexicon
from pipeline.records.settings import RecordsSettings

MAX_KEPT = 20_000  # runs whose splits are kept across runs
NO_SPLIT = ()  # a run with no place to split (the kept table's None means "not asked yet")


@dataclass(frozen=True)
class ColumnSplit:
    left: list[str]
    right: list[str]
    width: float  # of the columns, in ems
    margins: tuple[float, ...]  # per line: how much better its split is than the next best
    uncertain: int  # lines whose split nothing decided (a margin below the sure margin)

    @property
    def sure(self) -> bool:
        return self.uncertain == 0


@lru_cache(maxsize=1)
def columns_code_key() -> str:
    """The source of the column splitter, its settings and this module."""
    here = Path(__file__).resolve().parent
    return sources_key([here / "columns.py", here / "settings.py", Path(__file__).resolve()])


def splits_key(lexicon: Lexicon, settings: RecordsSettings) -> str:
    return key_of("columns", knowledge_key(lexicon), columns_code_key(), repr(settings))


def kept_split(lines: list[str], below: list[str], seen_width: float, lexicon: Lexicon, settings: RecordsSettings,
               make) -> ColumnSplit | None:
    """The kept split of this run of lines, else `make()`'s, kept."""
    table = lexicon.kept_answers("columns", splits_key(lexicon, settings), MAX_KEPT).load()
    key = key_of(*lines, "\n", *below, "\n", repr(seen_width))
    row = table.get(key)
    if row is not None:
        return split_of_row(row)
    made = make()
    table[key] = row_of_split(made)
    return made


def row_of_split(split: ColumnSplit | None) -> tuple:
    if split is None:
        return NO_SPLIT
    return (list(split.left), list(split.right), split.width, tuple(split.margins), split.uncertain)


def split_of_row(row: tuple) -> ColumnSplit | None:
    if row == NO_SPLIT:
        return None
    left, right, width, margins, uncertain = row
    return ColumnSplit(list(left), list(right), width, tuple(margins), uncertain)
