"""The orchestrator: load -> clean -> segment -> extract -> (overrides) -> validate -> Result.

Nothing here writes files; emit.py does that once the whole result exists.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace

from pipeline.repair.clean import Cleaned, apply_decisions, clean_text
from pipeline.corrections import Corrections, PlaceRules
from pipeline.edits import Edit, apply_edits_with_map, merge_edits, with_record
from pipeline.errors import InputError
from pipeline.language.grammar import keep_tags
from pipeline.records.extract import block_to_record, document_facts, lines_to_pages, move_foreign_paragraphs, record_id
from pipeline.records.extract_parts import layout_to_criteria, layout_to_leitthema, overview_to_entries, text_to_edition_title
from pipeline.language.lexicon import Lexicon, german_states, state_code
from pipeline.read.load import Source
from pipeline.validate.models import Brochure, Edition, SourceInfo, Stats
from pipeline.validate.result import Result
from pipeline.records.overrides import apply_overrides
from pipeline.records.places import PlaceRepair, members_with_qualifier, name_to_place
from pipeline.records.segment import Layout, segment_text
from pipeline.validate.records import records_to_projects

PLACE_REPAIR_CONFIDENCE = 0.6


def extract_brochure(source: Source, corrections: Corrections, use_overrides: bool = True) -> Result:
    lexicon = Lexicon(corrections.lexicon.words)
    cleaned = clean_text(source.text, lexicon, corrections.confusions, decisions=corrections.decisions.decisions)
    title, year = text_to_edition_title(cleaned.text, corrections.profile)
    profile, profile_name = corrections.profile_for(year)
    layout = segment_text(cleaned.text, profile)
    if not layout.projects:
        raise InputError(f"{source.path}: no model project found (no 'size class · Land' header line)")
    pages = lines_to_pages(layout.lines, source.page_numbers)
    doc = document_facts(layout, pages, lexicon, ocr=cleaned.damaged or source.kind == "pdf-ocr",
                         styled=source.styled_lines, positions=source.kind != "text")
    records = [block_to_record(block, cleaned, profile, doc) for block in layout.projects]
    move_foreign_paragraphs(records)
    spans = [(cleaned.raw_offset(b.start), cleaned.raw_offset(b.end)) for b in layout.projects]
    dicts = [{**r.fields, "needs_review": r.needs_review, "review_notes": r.review_notes,
              "source_sha256": hashlib.sha256(cleaned.raw[a:b].encode("utf-8")).hexdigest()}
             for r, (a, b) in zip(records, spans)]
    edition = {"title": title, "year": year, "leitthema": layout_to_leitthema(layout, profile), "profile": profile_name}
    warnings = list(source.warnings)
    if cleaned.unmatched:
        warnings.append(f"{len(cleaned.unmatched)} reviewer decision(s) in decisions.json found no edit in "
                        "this text (kept there; they apply where their edit or series occurs)")
    if profile_name == "general":
        known = "no edition title found" if year is None else f"no profile for the edition {year} in corrections/editions/"
        warnings.append(f"{known}: read with the general profile (the names of all known editions)")
    dicts = with_final_ids(dicts)
    if use_overrides:
        dicts, override_warnings = apply_overrides(dicts, corrections.overrides, edition["year"])
        warnings += override_warnings
    dicts = with_final_ids(dicts)
    overview = [with_member_list(e, corrections.places) for e in overview_to_entries(layout.overview, dicts, profile)]
    members = {e["id"]: e["members"] for e in overview if e["members"]}
    # a record's name that is no place stays as read (its note says what it may be); it was checked
    # against the overview already, and its id and overrides follow it
    dicts = [with_place(r, corrections, r["states"], members.get(r["id"], []), cleaned.damaged)[0] for r in dicts]
    lands = {r["id"]: r["states"] for r in dicts}  # an overview entry lies where its record does
    placed = [with_place(e, corrections, lands.get(e["id"], ()), e["members"], cleaned.damaged) for e in overview]
    overview, name_edits = overview_with_repaired_names(placed, cleaned, corrections)
    record_spans = {r["id"]: span for r, span in zip(dicts, spans)}
    projects, rejected = records_to_projects(dicts)
    ledger = edits_with_records(cleaned, layout, [r["id"] for r in dicts])
    if name_edits:
        cleaned, ledger = with_name_edits(cleaned, ledger, name_edits)
    brochure = Brochure(
        source=SourceInfo(path=source.path, sha256=source.sha256, kind=route_of(source, cleaned),
                          encoding=source.encoding, removed_lines=removed_lines(source, records)),
        edition=Edition(**edition),
        projects=projects,
        criteria=layout_to_criteria(layout, profile),
        overview=overview,
        rejected=rejected,
        stats=Stats(
            projects=len(projects),
            flagged_fields=sum(len(p.needs_review) for p in projects),
            edits_applied=sum(e.applied for e in ledger),
            edits_suggested=sum(not e.applied for e in ledger),
            text_damaged=cleaned.damaged,
        ),
        warnings=warnings,
    )
    lexicon.keep_estimates()
    keep_tags()
    return Result(brochure, cleaned, ledger, record_spans)


def route_of(source: Source, cleaned: Cleaned) -> str:
    return "pdf-damaged" if source.kind == "pdf" and cleaned.damaged else source.kind


def removed_lines(source: Source, records) -> list[str]:
    """The running headers and footers taken out: a PDF's (load.py), and those an OCR text kept
    on the records' pages (extract.py), each once."""
    return list(dict.fromkeys([*source.removed_lines, *(t for r in records for t in r.furniture)]))


def with_member_list(entry: dict, rules: PlaceRules) -> dict:
    """An overview entry whose member lines open with a qualifier ('Kommunen aus den Kreisen')
    -> its members as the list they are, the qualifier kept apart."""
    members, qualifier = members_with_qualifier(entry["members"], rules)
    return {**entry, "members": members, "member_qualifier": qualifier}


def with_place(record: dict, corrections: Corrections, lands, members: list[str],
               damaged: bool) -> tuple[dict, PlaceRepair | None]:
    """A record or overview entry with its place in GeoNames (among the Länder `lands`, where
    they are known; through the `members` the overview lists for a cooperation); a doubt about it
    is flagged. In damaged text a name no place has may be read through the OCR confusions
    ('HalRkfurt' -> 'Haßfurt'): that reading is returned too."""
    if "place" in record.get("overrides", {}):
        return record, None  # a reviewer's place stands
    confusions = corrections.confusions if damaged else None
    match = name_to_place(record["name"], [l for l in lands if l], corrections.places, members, confusions)
    out = {**record, "place": match.place, "needs_review": list(record["needs_review"]),
           "review_notes": dict(record["review_notes"])}
    if match.doubt:
        if "place" not in out["needs_review"]:
            out["needs_review"].append("place")
        out["review_notes"]["place"] = match.doubt
    return out, match.repair


def overview_with_repaired_names(placed: list[tuple[dict, PlaceRepair | None]], cleaned: Cleaned,
                                 corrections: Corrections) -> tuple[list[dict], list[Edit]]:
    """Overview entries whose name was read as a place through the OCR confusions take the
    place's spelling where that is an edit of the text (in the ledger, which a reviewer may
    reject: then the name stays as read and the place is dropped), flagged. -> the entries
    (without their text positions) and the edits."""
    entries, edits = [], []
    for entry, repair in placed:
        edit = place_repair_to_edit(repair, entry.get("start"), cleaned) if repair else None
        if edit is not None:
            [edit], _ = apply_decisions([edit], corrections.decisions.decisions)
            edits.append(edit)
        entry = {k: v for k, v in entry.items() if k != "start"}
        if edit is not None and edit.applied:
            name = entry["name"].replace(repair.read, repair.spelling, 1)
            entry = {**entry, "name": name, "id": record_id(name) if entry["id"] == record_id(entry["name"]) else entry["id"],
                     "needs_review": list(dict.fromkeys([*entry["needs_review"], "name"])),
                     "review_notes": {**entry["review_notes"],
                                      "name": f"read '{entry['name']}'; taken as the place's spelling '{repair.spelling}'"}}
        elif edit is not None:  # a reviewer rejected the reading
            entry = {**entry, "place": None, "review_notes": {
                **entry["review_notes"], "place": f"a reviewer rejected reading '{repair.read}' as '{repair.spelling}'"}}
        entries.append(entry)
    return entries, edits


def place_repair_to_edit(repair: PlaceRepair, start: int | None, cleaned: Cleaned) -> Edit | None:
    """A place-name repair of an overview entry -> one edit of the raw text (the changes of the
    name, as one span), where the name stands in the text as read; else None."""
    if start is None or cleaned.text[start : start + len(repair.read)] != repair.read:
        return None
    first, last = min(a for a, _, _ in repair.changes), max(b for _, b, _ in repair.changes)
    raw_start, raw_end = cleaned.raw_offset(start + first), cleaned.raw_offset(start + last - 1) + 1
    before = cleaned.raw[raw_start:raw_end]
    if before != repair.read[first:last] or any(e.start < raw_end and raw_start < e.end for e in cleaned.edits):
        return None  # another edit (or a suggestion) is there already
    after = repair.spelling[first : len(repair.spelling) - (len(repair.read) - last)]
    return Edit(raw_start, raw_end, before, after, f"place:{'+'.join(repair.rules)}", PLACE_REPAIR_CONFIDENCE,
                True, repair.read, repair.spelling,
                reason=f"place: '{repair.spelling}' is a place in GeoNames, '{repair.read}' none")


def with_name_edits(cleaned: Cleaned, ledger: list[Edit], edits: list[Edit]) -> tuple[Cleaned, list[Edit]]:
    """The cleaned text and the ledger with the place-name edits in them."""
    merged = merge_edits(cleaned.edits, edits)
    text, origin = apply_edits_with_map(cleaned.raw, merged)
    added = [e for e in merged if e in edits]
    return replace(cleaned, text=text, edits=merged, origin=origin), sorted(ledger + added, key=lambda e: (e.start, e.end))


def with_final_ids(records: list[dict]) -> list[dict]:
    """Ids and ISO codes from the final values (after repair and a reviewer's overrides), so the
    same name gives the same id on every input route; a second record of one name gets '-2'."""
    seen: dict[str, int] = {}
    out = []
    for r in records:
        base = record_id(r["name"])
        seen[base] = seen.get(base, 0) + 1
        codes = [state_code(s) for s in r["states"] if s in german_states()]
        out.append({**r, "id": base if seen[base] == 1 else f"{base}-{seen[base]}", "state_codes": codes})
    return out


def edits_with_records(cleaned: Cleaned, layout: Layout, ids: list[str]) -> list[Edit]:
    spans = [(cleaned.raw_offset(b.start), cleaned.raw_offset(b.end), rid) for b, rid in zip(layout.projects, ids)]
    out = []
    for e in cleaned.edits:
        record = next((rid for lo, hi, rid in spans if lo <= e.start < hi), None)
        out.append(with_record(e, record))
    return out
