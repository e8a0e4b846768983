"""Extract stage, the rest of the brochure: edition, evaluation criteria, overview of all projects.

Needs the Layout (lines and part ranges) and the profile; produces plain dicts for the models.
"""
from __future__ import annotations

import re

from .corrections import Profile
from .extract import PAGE_BREAK_BLANKS, join_lines, paragraphs
from .segment import Layout, Line

QUOTES = "„“”\"»«‚‘’"
# Words that never stand in a municipality's name but do in legends and footers.
NOT_IN_NAMES = {"ein", "eine", "einer", "eines", "einem", "einen", "zur", "zum", "mehr", "sie", "unter",
                "finden", "sowie", "des", "http", "https", "www"}


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


def layout_to_overview(layout: Layout, profile: Profile) -> list[dict]:
    """Headings ending in ':' and their entries; '+ X' lines are members of the entry above.
    The list ends at the first page break after it began."""
    if "overview" not in layout.parts:
        return []
    first, end = layout.parts["overview"]
    lines, gaps, blank_run = [], [], 0
    for line in layout.lines[first + 1 : end]:
        text = re.sub(r"^[^\w+(]+", "", line.text.strip())
        if text:
            lines.append(text)
            gaps.append(blank_run)
            blank_run = 0
        else:
            blank_run += 1
    entries: list[dict] = []
    category = None
    skip_next = False
    for i, text in enumerate(lines):
        if skip_next:
            skip_next = False
            continue
        if gaps[i] >= PAGE_BREAK_BLANKS and entries:
            break
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if not text.endswith(":") and following.endswith(":") and following[:1].islower():
            text, skip_next = f"{text} {following}", True  # a heading wrapped over two lines
        if text.endswith(":"):
            category = heading_name(text)
            continue
        words = {w.lower() for w in re.findall(r"\w+", text)}
        if category is None or words & NOT_IN_NAMES or text.endswith(","):
            continue
        if text.startswith("+"):
            if entries:
                entries[-1]["members"].append(text.lstrip("+ ").strip())
            continue
        entries.append({"name": text, "category": category, "members": []})
    return entries


def heading_name(text: str) -> str:
    """'A Kleinstädte und Landgemeinden:' -> the heading as printed, without debris and colon."""
    text = text.rstrip(": ").strip()
    text = re.sub(r"^(?:[^\W\d_]\s+)(?=[A-ZÄÖÜ])", "", text)
    return text
