"""Answers of pure functions kept for the process: the records stage asks the same line whether it
is a size line or a label several times (segmenting, headers, the refusal's account)."""
from __future__ import annotations

from functools import wraps

KEPT_MAX = 200_000  # answers kept at most; then the table starts again (a batch reads many brochures)


def kept_by_identity(func):
    """`func(*args)` answered once per arguments: strings by value, anything else (a profile, its
    settings, a label table: unhashable, made once per run) by identity. The arguments are kept
    with the answer, so an id never stands for an object made after the first was freed."""
    kept: dict[tuple, tuple[tuple, object]] = {}

    @wraps(func)
    def answer(*args):
        key = tuple(a if isinstance(a, str) else id(a) for a in args)
        hit = kept.get(key)
        if hit is not None and all(x is y or isinstance(y, str) for x, y in zip(hit[0], args)):
            return hit[1]
        if len(kept) >= KEPT_MAX:
            kept.clear()
        result = func(*args)
        kept[key] = (args, result)
        return result

    answer.kept = kept
    return answer
