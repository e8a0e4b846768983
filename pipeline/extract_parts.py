"""Extract stage, the rest of the brochure: edition, evaluation criteria, overview of all projects.

Needs the Layout (lines and part ranges) and the profile; produces plain dicts for the models.
"""
from __future__ import annotations

import re

from .corrections import Profile
from .extract import join_lines, paragraphs
from .segment import Layout, Line

QUOTES = "„“”\"»«‚‘’"


def text_to_edition_title(text: str, profile: Profile) -> tuple[str | None, int | None]:
    """The first edition title of the text and its year ('Modellprojekte Smart Cities 2019')."""
    match = re.search(profile.edition_title_pattern, text)
    return (match.group(0), int(match.group("year"))) if match else (None, None)


def layout_to_leitthema(layout: Layout, profile: Profile) -> str | None:
    """The edition's Leitthema, from the first paragraph that names it."""
    for para in paragraphs(layout.lines):
        joined = join_lines(para)
        m = re.match(rf"^{re.escape(profile.leitthema_label)}(?:\s+\d{{4}})?\s*:\s*(.+)$", joined)
        if m:
            return re.sub(r"\s+", " ", m.group(1).translate(str.maketrans("", "", QUOTES))).strip()
    return None


def layout_to_criteria(layout: Layout, profile: Profile) -> list[dict]:
    """Group heading, then a run of K-ids, then one paragraph per criterion text."""
    if "criteria" not in layout.parts:
        return []
    first, end = layout.parts["criteria"]
    paras = paragraphs(layout.lines[first + 1 : end])
    id_re = re.compile(profile.criterion_id_pattern)
    criteria: list[dict] = []
    i = 0
    while i < len(paras):
        ids = []
        j = i + 1
        while j < len(paras) and all(id_re.match(l.text.strip()) for l in paras[j]):
            ids += [l.text.strip() for l in paras[j]]
            j += 1
        if not ids:
            i += 1
            continue
        group = join_lines(paras[i])
        k = j
        while k < len(paras) and not (k + 1 < len(paras) and all(id_re.match(l.text.strip()) for l in paras[k + 1])):
            k += 1
        texts, exact = split_into(paras[j:k], len(ids))
        for cid, text in zip(ids, texts):
            criteria.append({"id": cid, "group": group, "text": text, "needs_review": not exact})
        i = k
    return criteria


def split_into(paras: list[list[Line]], n: int) -> tuple[list[str], bool]:
    """Paragraphs -> n texts. Where the layout lost a blank line, split a paragraph after its
    shortest line; the result is exact when no split or merge was needed."""
    paras = [list(p) for p in paras]
    exact = len(paras) == n
    while len(paras) < n and any(len(p) > 1 for p in paras):
        candidates = [(len(p[c].text), pi, c) for pi, p in enumerate(paras) for c in range(len(p) - 1)
                      if not p[c].text.rstrip().endswith((",", "-", "("))]
        if not candidates:
            break
        _, pi, c = min(candidates)
        paras[pi : pi + 1] = [paras[pi][: c + 1], paras[pi][c + 1 :]]
    texts = [join_lines(p) for p in paras]
    if len(texts) > n:
        texts = texts[: n - 1] + [" ".join(texts[n - 1 :])]
        exact = False
    return texts + [""] * (n - len(texts)), exact and len(texts) == n
