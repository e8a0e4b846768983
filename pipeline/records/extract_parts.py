"""Extract stage, the rest of the brochure: edition, evaluation criteria, overview of all projects.

Needs the Layout (lines and part ranges) and the profile; produces plain dicts for the models.
"""
from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from pipeline.corrections import Profile
from pipeline.records.ids import record_id
from pipeline.records.segment import Layout, Line
from pipeline.records.settings import RecordsSettings
from pipeline.records.size_lines import match_category
from pipeline.records.text import join_lines, paragraphs

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
            doubt = {} if exact else {"text": f"the texts of {', '.join(ids)} did not come as one paragraph each; "
                                              "check where each one ends"}
            criteria.append({"id": cid, "group": group, "text": text, "needs_review": list(doubt), "review_notes": doubt})
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


def overview_to_entries(overview: list[dict], records: list[dict], profile: Profile,
                        settings: RecordsSettings) -> list[dict]:
    """The brochure's list of all projects -> entries that join the records: each takes the id of
    the record it is (the closest name, listed_min_score), or the id its own name gives; its
    heading is matched to the profile's sections and given the common name."""
    # a record is found by its name, or by the name read before a reviewer set another
    names, owners = [], []
    for index, r in enumerate(records):
        automatic = ((r.get("overrides") or {}).get("name") or {}).get("automatic")
        for name in dict.fromkeys([r["name"], *([automatic] if isinstance(automatic, str) else [])]):
            names.append(name)
            owners.append(index)
    # an overview lists every round's projects under the names their rounds printed
    every_name = profile.model_copy(update={"categories": [*profile.categories, *profile.canonical_categories]})
    entries = []
    for entry in overview:
        out = {"id": record_id(entry["name"]), **entry, "category_printed": entry["category"],
               "needs_review": [], "review_notes": {}}
        match = process.extractOne(entry["name"], names, scorer=fuzz.ratio, processor=str.casefold,
                                   score_cutoff=settings.segment.listed_min_score) if names else None
        if match:
            record = records[owners[match[2]]]
            out["id"] = record["id"]
            out = with_reviewed_name(out, record)
        section = match_category(entry["category"], every_name, settings) if entry["category"] else None
        out["category"] = profile.canonical(section[0]) if section else None
        if entry["category"] and not section:
            out["needs_review"].append("category")
            out["review_notes"]["category"] = f"'{entry['category']}' is no section of the profile"
        entries.append(out)
    return entries


def with_reviewed_name(entry: dict, record: dict) -> dict:
    """An overview entry takes the name a reviewer gave its record (an override of `name`), and
    its note says what the overview printed; any other entry stays as printed."""
    reviewed = (record.get("overrides") or {}).get("name")
    if not reviewed or reviewed.get("confirmed") or entry["name"] == record["name"]:
        return entry
    note = f"the name {reviewed['reviewer']} set for the record; the overview printed '{entry['name']}'"
    return {**entry, "name": record["name"], "review_notes": {**entry["review_notes"], "name": note}}
