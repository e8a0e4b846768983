"""The stages of one brochure, in order: repair -> segment -> records -> (overrides) -> places ->
validate -> Result.

Needs a loaded Source and the Corrections; produces the Result (the validated brochure, the
cleaned text, the ledger). No output file is written here (emit/ writes them once the whole
result exists), but the last step, keep_what_was_learnt, writes the cache folder (cache.py;
MPSC_CACHE_DIR=off turns it off): what the language stage worked out in this run, to save the
next run time. It never changes an output.
"""
from __future__ import annotations

from dataclasses import replace

from pipeline.corrections import Corrections
from pipeline.errors import InputError
from pipeline.language.lexicon import Lexicon
from pipeline.read.load import Source
from pipeline.records.extract import (block_spans, document_facts, layout_to_records, records_to_dicts, removed_lines,
                                      route_of)
from pipeline.records.absence import headers_without_name, no_project_message, text_in_no_record
from pipeline.records.coverage import lines_printed_alone, with_coverage, with_names_by_position
from pipeline.records.extract_parts import layout_to_criteria, layout_to_leitthema, text_to_edition_title
from pipeline.records.ids import with_edit_records, with_final_ids
from pipeline.records.overrides import apply_overrides, apply_place_confirmations
from pipeline.records.placing import place_records_and_overview
from pipeline.records.segment import segment_text
from pipeline.records.settings import DEFAULT_RECORDS_SETTINGS, RecordsSettings
from pipeline.repair.clean import Cleaned, clean_text, with_decisions
from pipeline.repair.ledger import with_added_edits
from pipeline.validate.models import Brochure, Edition, SourceInfo, Stats
from pipeline.validate.records import records_to_projects
from pipeline.validate.result import Result


def extract_brochure(source: Source, corrections: Corrections, use_overrides: bool = True,
                     records_settings: RecordsSettings = DEFAULT_RECORDS_SETTINGS) -> Result:
    lexicon = Lexicon(corrections.lexicon.words)
    cleaned = clean_text(source.text, lexicon, corrections.confusions)
    title, year = text_to_edition_title(cleaned.text, corrections.profile)
    corrections = corrections.for_text(year, source.sha256)  # a reviewer's decisions hold where they were made
    cleaned = with_decisions(cleaned, corrections.decisions.decisions)
    profile, profile_name = corrections.profile_for(year)
    layout = segment_text(cleaned.text, profile, records_settings)
    if not layout.projects:
        raise InputError(f"{source.path}: {no_project_message(layout, profile, records_settings)}")
    listed = layout.listed
    facts = document_facts(layout, source, cleaned, lexicon, profile, records_settings)
    drafts = layout_to_records(layout, cleaned, profile, facts, records_settings, corrections.places.generic_words)
    spans = block_spans(layout, cleaned)
    # a record whose name the OCR lost takes the one the overview lists in its place, before its id and place
    records = with_final_ids(with_names_by_position(records_to_dicts(drafts, cleaned.raw, spans), listed,
                                                    records_settings, lexicon))
    warnings = warnings_of(source, cleaned, corrections.decisions.decisions, year, profile_name)
    if use_overrides:
        records, override_warnings = apply_overrides(records, corrections.overrides, year)
        records, warnings = with_final_ids(records), warnings + override_warnings
    placed = place_records_and_overview(records, layout, profile, corrections, cleaned, records_settings)
    if use_overrides:
        placed_records, place_warnings = apply_place_confirmations(placed.records, corrections.overrides, year)
        placed, warnings = replace(placed, records=placed_records), warnings + place_warnings
    covered, coverage_warnings = with_coverage(placed.records, listed, records_settings, lines_printed_alone(
        layout.lines, *layout.parts.get("projects", (0, len(layout.lines)))))
    placed, warnings = replace(placed, records=covered), warnings + coverage_warnings
    warnings = warnings + headers_without_name(layout, profile, records_settings) \
        + text_in_no_record(layout, profile, records_settings)
    ids = [r["id"] for r in placed.records]
    # the place edits are the records stage's one hand-over to the ledger; they repair names in
    # the overview, which is no record's text, so they are added after the edits got their records
    cleaned = with_added_edits(with_edit_records(cleaned, spans, ids), placed.edits)
    projects, rejected = records_to_projects(placed.records)
    brochure = Brochure(
        source=SourceInfo(path=source.path, sha256=source.sha256, kind=route_of(source, cleaned),
                          encoding=source.encoding, removed_lines=removed_lines(source, drafts)),
        edition=Edition(title=title, year=year, leitthema=layout_to_leitthema(layout, profile), profile=profile_name),
        projects=projects,
        criteria=layout_to_criteria(layout, profile),
        overview=placed.overview,
        rejected=rejected,
        stats=Stats(
            projects=len(projects),
            flagged_fields=sum(len(p.needs_review) for p in projects),
            edits_applied=sum(e.applied for e in cleaned.edits),
            edits_suggested=sum(not e.applied for e in cleaned.edits),
            text_damaged=cleaned.damaged,
        ),
        warnings=warnings,
    )
    keep_what_was_learnt(lexicon)
    return Result(brochure, cleaned, cleaned.edits, dict(zip(ids, spans)))


def warnings_of(source: Source, cleaned: Cleaned, decisions: list, year: int | None, profile_name: str) -> list[str]:
    """What the output warns of before any record is read: the Source's warnings, reviewer
    decisions that say nowhere where they hold or found nothing to decide, and an edition read
    without its own profile."""
    warnings = list(source.warnings)
    unscoped = sum(d.scope is None for d in decisions)
    if unscoped:
        warnings.append(f"{unscoped} reviewer decision(s) in decisions.json say nowhere where they hold: they hold "
                        "for every edition, as before (give each a `scope`: source, edition or all)")
    if cleaned.unmatched:
        warnings.append(f"{len(cleaned.unmatched)} reviewer decision(s) in decisions.json found no edit in "
                        "this text (kept there; they apply where their edit or series occurs)")
    if profile_name.split(" + ")[0] == "general":
        known = "no edition title found" if year is None else f"no profile for the edition {year} in corrections/editions/"
        warnings.append(f"{known}: read with the general profile (the names of all known editions)")
    return warnings


def keep_what_was_learnt(lexicon: Lexicon) -> None:
    """Writes the cache folder: the compound estimates the lexicon made, the word tags it
    looked up in this run (lexicon.tags) and the repair's verdicts on single words it kept
    (lexicon.kept_answers)."""
    lexicon.keep_estimates()
    lexicon.tags.keep()
