"""A lead paragraph: the description's first paragraph set in larger type over its columns, as
some house styles print it. Its type size sets it apart as it sets apart a heading, a slogan or a
big number, which are figure text; its words and its place tell it from them."""
from __future__ import annotations

from pipeline.records.draft import Doubt, flag
from pipeline.records.pieces import Page, Unit, has_finite_verb
from pipeline.records.prose import WORD, piece_evidence, reads_as_prose
from pipeline.records.settings import RecordsSettings


def lead_paragraphs_kept(units: list[Unit], larger: frozenset[int], page: Page,
                         settings: RecordsSettings) -> tuple[list[Unit], list[Doubt]]:
    """Units as classified -> the same, with a lead paragraph back in the running text: a run of
    pieces set apart only by their larger type (`larger`: line numbers) before any running text,
    which together read as a paragraph of it (lead_reads_as_prose). A short one (a sentence, yet
    shorter than a paragraph) may be a slogan: it is kept and flagged."""
    first = next((i for i, u in enumerate(units) if u.kind != "figure"), len(units))
    out, doubts = list(units), []
    for run in larger_runs(units[:first], larger):
        # the lead's lines may come as pieces (an OCR layer's rough sizes); a slogan may follow it
        run = next((run[:n] for n in range(len(run), 0, -1)
                    if lead_reads_as_prose([line for i in run[:n] for line in units[i].lines], page, settings)), [])
        if not run:
            continue
        lines = [line for i in run for line in units[i].lines]
        for i in run:
            out[i] = units[i].as_("prose", "lead")
        text = " ".join(l.text.strip() for l in lines)
        if len(WORD.findall(text)) < settings.text.paragraph_min_words:
            doubts.append(flag("description", f"'{text[:80]}', set larger over the text, was kept as its lead "
                                              "paragraph: check that it is no slogan"))
    return out, doubts


def larger_runs(units: list[Unit], larger: frozenset[int]) -> list[list[int]]:
    """Indices of the figure units set apart by their type alone, every line of them larger than
    the text, grouped where they follow each other."""
    runs: list[list[int]] = []
    for i, unit in enumerate(units):
        if unit.why == "style" and all(l.number in larger for l in unit.lines):
            if runs and runs[-1][-1] == i - 1:
                runs[-1].append(i)
            else:
                runs.append([i])
    return runs


def lead_reads_as_prose(lines, page: Page, settings: RecordsSettings) -> bool:
    """Lines that are a sentence of running text or more: from a capital, ending a sentence, with a
    finite verb, and words and lines that do not read as figure text. A heading's or a big number's words end no
    sentence."""
    text = " ".join(l.text.strip() for l in lines).strip()
    if len(WORD.findall(text)) < settings.text.sentence_min_words + 2 or not text[:1].isupper() \
            or text.rstrip("“”\"')»«")[-1:] not in (".", "!", "?"):
        return False
    evidence = piece_evidence([l.text for l in lines], page.measure, page.lexicon, settings)
    return reads_as_prose(evidence, settings) is not False and has_finite_verb(text, page.lexicon)
