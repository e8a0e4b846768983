"""A project's header read whole (a size class and a Land under their labels) with no name over
it: an OCR may read nothing of a name set large (a display heading Tesseract takes for a picture).
The overview still lists the name, in the order the pages print the projects.

Needs the header's places and the starts found around them (line number, the name read), and the
overview's names. Produces, for each header, the name the overview lists in its place: the
overview's names no start took, between the names of the starts before and after it, where there
are exactly as many of them as headers without a name there. Anything else is left unassigned
(absence.py warns of the header). The record made from it flags its name (UNNAMED_HEADER_NOTE).
"""
from __future__ import annotations

from pipeline.records.name_wrap import closest_listed

UNNAMED_HEADER_NOTE = ("no name was read over the header at line {line}: the overview's name in its place, between "
                       "the projects around it, was taken")


def names_for_unnamed_headers(named: list[tuple[int, str]], unnamed: list[int], listed: list[str],
                              min_score: float) -> dict[int, str]:
    """named: (line number, name read) of each start found; unnamed: the line numbers of headers
    with no name; listed: the overview's names in order -> {unnamed header's line: listed name}.
    A start whose name the overview does not list takes a place in its gap (and is given none)."""
    places = {}
    for number, name in named:
        entry, score = closest_listed(name, listed)
        if score >= min_score:
            places[number] = listed.index(entry)
    order = [places[n] for n in sorted(places)]
    if order != sorted(order):
        return {}  # the pages do not print the projects in the overview's order: no place says a name
    free = [k for k in range(len(listed)) if k not in places.values()]
    unlisted = [n for n, _ in named if n not in places]  # a name read past knowing: it takes a place, is given none
    events = sorted([(n, "named") for n in places] + [(n, "unnamed") for n in unnamed]
                    + [(n, "unlisted") for n in unlisted])
    given, run, before = {}, [], -1
    for number, kind in [*events, (float("inf"), "end")]:
        if kind in ("unnamed", "unlisted"):
            run.append((number, kind))
            continue
        after = places[number] if kind == "named" else len(listed)
        between = [k for k in free if before < k < after]
        if run and len(between) == len(run):
            given.update((at, listed[k]) for (at, what), k in zip(run, between) if what == "unnamed")
        run, before = [], after if kind == "named" else before
    return given
