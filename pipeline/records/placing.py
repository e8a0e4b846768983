"""Placing: the records and the brochure's overview of all projects -> each with its place in
GeoNames (places.py), and the place-name repairs of overview entries as edits of the text.

Needs the records with their final ids, the Layout (its overview), the profile, the corrections
(place rules, confusions, reviewer decisions) and the Cleaned text. Produces `Placed`: the records
and overview entries with `place` (and a doubt about it flagged), and the edits that take a place's
spelling into the text. Those edits are this stage's only change to the text: the caller hands
them to the ledger once (repair/ledger.py: with_added_edits).
"""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.corrections import Corrections, PlaceRules, Profile
from pipeline.edits import Edit
from pipeline.language.lexicon import state_code
from pipeline.records.extract_parts import overview_to_entries
from pipeline.records.garbled_land import GUESSED_LAND_NOTES
from pipeline.records.ids import record_id
from pipeline.records.places import PlaceRepair, core_name, exact_places, members_of, members_with_qualifier, name_to_place
from pipeline.records.segment import Layout
from pipeline.records.settings import DEFAULT_RECORDS_SETTINGS, RecordsSettings
from pipeline.repair.clean import Cleaned, apply_decisions


@dataclass(frozen=True)
class Placed:
    records: list[dict]
    overview: list[dict]  # the brochure's overview of all projects, as entries for the models
    edits: list[Edit]  # place-name repairs of overview entries, for the ledger


def place_records_and_overview(records: list[dict], layout: Layout, profile: Profile, corrections: Corrections,
                               cleaned: Cleaned, settings: RecordsSettings = DEFAULT_RECORDS_SETTINGS) -> Placed:
    """Records and the overview's entries -> both with their places, and the place-name edits.
    A cooperation is placed through the members the overview lists for it; an overview entry
    among the Länder of its record."""
    overview = [with_member_list(e, corrections.places)
                for e in overview_to_entries(layout.overview, records, profile, settings)]
    members = {e["id"]: e["members"] for e in overview if e["members"]}
    # a record's name that is no place stays as read (its note says what it may be); it was checked
    # against the overview already, and its id and overrides follow it
    records = [with_land_of_place(r, corrections.places) for r in records]
    records = [with_place(r, corrections, r["states"], members.get(r["id"], []), cleaned.damaged, settings)[0]
               for r in records]
    lands = {r["id"]: r["states"] for r in records}  # an overview entry lies where its record does
    placed = [with_place(e, corrections, lands.get(e["id"], ()), e["members"], cleaned.damaged, settings)
              for e in overview]
    overview, edits = overview_with_repaired_names(placed, cleaned, corrections, settings)
    return Placed(records, overview, edits)


def with_land_of_place(record: dict, rules: PlaceRules) -> dict:
    """A record whose Land was printed past reading and taken by its likeness or from nothing (garbled_land.py)
    -> with the Land of the place its name is (its first member's, of a cooperation) where every
    place of that name in GeoNames lies in one Land; the note says so and the Land stays
    flagged. Any other record as it is."""
    note = record["review_notes"].get("states", "")
    if not any(guessed in note for guessed in GUESSED_LAND_NOTES) or "overrides" in record and "states" in record["overrides"]:
        return record
    core = core_name(record["name"], rules)[0]
    lands = {p.land for p in exact_places(core, rules) or exact_places(core_name(members_of(core, rules)[0], rules)[0], rules)}
    if len(lands) != 1 or None in lands or [*lands] == record["states"]:
        return record
    [land] = lands
    return {**record, "states": [land], "state_codes": [state_code(land)], "review_notes": {
        **record["review_notes"], "states": f"{note}; the place '{core}' lies in {land} only (GeoNames): its Land "
                                            "was taken instead"}}


def with_member_list(entry: dict, rules: PlaceRules) -> dict:
    """An overview entry whose member lines open with a qualifier ('Kommunen aus den Kreisen')
    -> its members as the list they are, the qualifier kept apart."""
    members, qualifier = members_with_qualifier(entry["members"], rules)
    return {**entry, "members": members, "member_qualifier": qualifier}


def with_place(record: dict, corrections: Corrections, lands, members: list[str], damaged: bool,
               settings: RecordsSettings) -> tuple[dict, PlaceRepair | None]:
    """A record or overview entry with its place in GeoNames (among the Länder `lands`, where
    they are known; through the `members` the overview lists for a cooperation); a doubt about it
    is flagged. In damaged text a name no place has may be read through the OCR confusions
    ('HalRkfurt' -> 'Haßfurt'): that reading is returned too."""
    if "place" in record.get("overrides", {}):
        return record, None  # a reviewer's place stands
    confusions = corrections.confusions if damaged else None
    match = name_to_place(record["name"], [l for l in lands if l], corrections.places, members, confusions, settings)
    out = {**record, "place": match.place, "needs_review": list(record["needs_review"]),
           "review_notes": dict(record["review_notes"])}
    if match.doubt:
        if "place" not in out["needs_review"]:
            out["needs_review"].append("place")
        out["review_notes"]["place"] = match.doubt
    return out, match.repair


def overview_with_repaired_names(placed: list[tuple[dict, PlaceRepair | None]], cleaned: Cleaned,
                                 corrections: Corrections, settings: RecordsSettings) -> tuple[list[dict], list[Edit]]:
    """Overview entries whose name was read as a place through the OCR confusions take the
    place's spelling where that is an edit of the text (in the ledger, which a reviewer may
    reject: then the name stays as read and the place is dropped), flagged. -> the entries
    (without their text positions) and the edits."""
    entries, edits = [], []
    for entry, repair in placed:
        edit = place_repair_to_edit(repair, entry.get("start"), cleaned, settings) if repair else None
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


def place_repair_to_edit(repair: PlaceRepair, start: int | None, cleaned: Cleaned,
                         settings: RecordsSettings) -> Edit | None:
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
    return Edit(raw_start, raw_end, before, after, f"place:{'+'.join(repair.rules)}", settings.places.repair_confidence,
                True, repair.read, repair.spelling,
                reason=f"place: '{repair.spelling}' is a place in GeoNames, '{repair.read}' none")
