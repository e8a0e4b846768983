"""Validate stage, the models: what projects.json promises its readers (pydantic v2)."""
from __future__ import annotations

from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .corrections import FieldName
from .lexicon import german_states


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
                                     description="running headers/footers taken out of a PDF's pages")


class Edition(Model):
    title: Optional[str]
    year: Optional[int] = Field(ge=2000, le=2100)
    leitthema: Optional[str]
    profile: str = Field(description="the profile the edition was read with: its year (corrections/editions/) "
                                     "or 'general' for an edition without one")


class OverrideNote(Model):
    automatic: Any = Field(description="the value the automatic extraction had")
    automatic_note: Optional[str] = Field(description="why the automatic value was flagged, if it was")
    reviewer: str
    date: Optional[str]
    reason: str


class Project(Model):
    id: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    name: str = Field(min_length=2)
    category: Optional[str]
    size_class: str = Field(min_length=2)
    states: list[str] = Field(min_length=1)
    title: Optional[str]
    motto: Optional[str]
    description: str
    figure_text: list[str] = Field(default_factory=list, description="text on the project's pages that is not "
                                   "running text: captions, pull quotes, callouts, banner and picture text")
    page: Optional[int] = Field(ge=1)
    needs_review: list[FieldName]
    review_notes: dict[str, str]
    overrides: dict[str, OverrideNote] = Field(default_factory=dict, description="fields set by a reviewer")

    @field_validator("states")
    @classmethod
    def known_states(cls, states: list[str]) -> list[str]:
        unknown = [s for s in states if s not in german_states()]
        if unknown:
            raise ValueError(f"not a German Land: {', '.join(unknown)}")
        return states


class Criterion(Model):
    id: str = Field(pattern=r"^K\d{1,2}$")
    group: Optional[str]
    text: str = Field(min_length=3)
    needs_review: bool = False


class OverviewEntry(Model):
    name: str = Field(min_length=2)
    category: Optional[str]
    members: list[str]


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


class Brochure(Model):
    schema_version: Literal["1"] = "1"
    source: SourceInfo
    edition: Edition
    projects: list[Project]
    criteria: list[Criterion]
    overview: list[OverviewEntry]
    rejected: list[Rejected]
    stats: Stats
    warnings: list[str] = Field(default_factory=list)
