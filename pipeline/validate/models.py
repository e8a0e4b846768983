"""Validate stage, the models: what projects.json promises its readers (pydantic v2)."""
from __future__ import annotations

from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, model_validator

from pipeline.corrections import FieldName
from pipeline.language.lexicon import german_states, state_code

# The 16 Länder (ISO 3166-2:DE names); the JSON Schema lists them, so a consumer can rely on them.
StateName = Literal[tuple(german_states())]  # type: ignore[valid-type]
StateCode = Literal[tuple(state_code(s) for s in german_states())]  # type: ignore[valid-type]
CategoryNote = Field(description="the section as printed in this brochure (an OCR text's spelling repaired)")


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SourceInfo(Model):
    path: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    kind: Literal["text", "pdf", "pdf-damaged", "pdf-ocr"] = Field(
        description="text: a text file; pdf: a PDF text layer; pdf-damaged: a PDF text layer that is itself "
                    "bad OCR, repaired like OCR text; pdf-ocr: a scan read here by Tesseract")
    encoding: str
    removed_lines: list[str] = Field(default_factory=list,
                                     description="running headers/footers taken out of the pages (an OCR text's too)")


class Edition(Model):
    title: Optional[str]
    year: Optional[int] = Field(ge=2000, le=2100)
    leitthema: Optional[str]
    profile: str = Field(description="the profile the edition was read with: its year (corrections/editions/) "
                                     "or 'general' for an edition without one; ' + NAME' after it for a house style "
                                     "given with `mpsc extract --profile NAME.json`")


class OverrideNote(Model):
    automatic: Any = Field(description="the value the automatic extraction had")
    automatic_note: Optional[str] = Field(description="why the automatic value was flagged, if it was")
    reviewer: str
    date: Optional[str]
    reason: str
    confirmed: bool = Field(default=False, description="the reviewer confirmed the automatic value (it is unchanged)")


class PlaceInfo(Model):
    geonameid: int
    name: str = Field(description="the place's name in GeoNames")
    latitude: float = Field(ge=47, le=56)
    longitude: float = Field(ge=5, le=16)
    land: Optional[StateName]
    kind: Literal["municipality", "district seat", "members"] = Field(
        description="municipality: the name is the place; district seat: a district matched through the place it "
                    "is named after; members: a cooperation, the point is its first member")
    members: Optional[list[str]] = Field(default=None, description="the members that were found, for a cooperation")


class Project(Model):
    id: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    name: str = Field(min_length=2)
    category: Optional[str] = Field(description="the section in the vocabulary of all editions (profile.json: "
                                                "canonical_categories)")
    category_printed: Optional[str] = CategoryNote
    size_class: str = Field(min_length=2)
    states: list[StateName] = Field(min_length=1)
    state_codes: list[StateCode] = Field(min_length=1, description="ISO 3166-2 codes of `states`, in the same order")
    title: Optional[str]
    motto: Optional[str]
    description: str
    figure_text: list[str] = Field(default_factory=list, description="text on the project's pages that is not "
                                   "running text: captions, pull quotes, callouts, banner and picture text")
    facts: dict[str, str] = Field(default_factory=dict, description="further facts the project's header prints "
                                  "under a label of the profile's fact_labels ('Einwohner', 'Förderphase', …): "
                                  "{label as the profile spells it: value as printed}; never part of the description")
    page: Optional[int] = Field(ge=1)
    place: Optional[PlaceInfo] = Field(default=None, description="the place in GeoNames (CC BY 4.0) the name "
                                       "stands for, with coordinates; null where none was found (see review_notes.place)")
    needs_review: list[FieldName]
    review_notes: dict[str, str]
    overrides: dict[str, OverrideNote] = Field(default_factory=dict, description="fields set by a reviewer")
    source_sha256: Optional[str] = Field(default=None, description="sha256 of the source text the record was read "
                                         "from; a reviewer's confirmation holds while it is unchanged")

    @model_validator(mode="after")
    def codes_match_states(self) -> "Project":
        if self.state_codes != [state_code(s) for s in self.states]:
            raise ValueError("state_codes do not match states")
        return self


class Criterion(Model):
    id: str = Field(pattern=r"^K\d{1,2}$")
    group: Optional[str]
    text: str = Field(min_length=3)
    needs_review: list[Literal["text"]] = Field(default_factory=list)
    review_notes: dict[str, str] = Field(default_factory=dict)


class OverviewEntry(Model):
    id: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
                    description="the id of the record this entry is, or the id its name would give")
    name: str = Field(min_length=2)
    category: Optional[str]
    category_printed: Optional[str] = CategoryNote
    members: list[str]
    member_qualifier: Optional[str] = Field(
        default=None, description="the words the overview puts before its members ('Kommunen aus den Kreisen')")
    place: Optional[PlaceInfo] = None
    needs_review: list[Literal["name", "category", "place"]] = Field(default_factory=list)
    review_notes: dict[str, str] = Field(default_factory=dict)


class RejectionError(Model):
    record: str
    field: str
    message: str


class Rejected(Model):
    record: dict[str, Any]
    errors: list[RejectionError]


class Stats(Model):
    projects: int
    flagged_fields: int
    edits_applied: int
    edits_suggested: int
    text_damaged: bool = Field(description="the text looked like English-model OCR of German")


READABLE_SCHEMA_VERSIONS = ("2", "3")  # outputs mpsc publish and mpsc diff still read


def upgraded_output(output: dict) -> dict:
    """A projects.json of an older schema version -> the same as the current version says it (a
    version 2 record has no facts: it gets none); the current version's unchanged."""
    if str(output.get("schema_version")) != "2":
        return output
    projects = [{**p, "facts": p.get("facts", {})} if isinstance(p, dict) else p for p in output.get("projects", [])]
    return {**output, "schema_version": "3", "projects": projects}


class Brochure(Model):
    # 3: projects carry `facts`; an output of version 2 reads as one with no facts (upgraded_output)
    schema_version: Literal["3"] = "3"
    source: SourceInfo
    edition: Edition
    projects: list[Project]
    criteria: list[Criterion]
    overview: list[OverviewEntry]
    rejected: list[Rejected]
    stats: Stats
    warnings: list[str] = Field(default_factory=list)
