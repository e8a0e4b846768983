"""Reviewer-editable data in corrections/, validated when loaded.

corrections/confusions.json  OCR confusion rules (what English OCR reads for ä, ö, ü, ß)
corrections/profile.json     names of sections, size classes and labels of the brochures: the
                             general profile, for an edition that has none of its own
corrections/editions/*.json  what one edition calls things, where it differs from the general profile
corrections/lexicon.json     words the German lexicon does not know
corrections/places.json      how names are matched to GeoNames places
corrections/overrides/*.json field values confirmed by a person, per edition and record
corrections/decisions.json   a reviewer's accept/reject of text edits (`mpsc review` writes it)
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Literal, Optional, Union, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from pipeline.errors import CorrectionsError
from pipeline.files import finish_pending_writes

FieldName = Literal["name", "category", "size_class", "states", "title", "motto", "description", "page", "place"]
FIELD_NAMES = get_args(FieldName)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ConfusionRule(Strict):
    find: str = Field(min_length=1)
    replace: str = Field(min_length=1)
    at: Literal["any", "start", "inside"] = "any"
    only_unknown_words: bool = False
    evidence: str = Field(min_length=3, description="where the confusion was seen (a reviewer can weigh a rule by it)")

    @property
    def id(self) -> str:
        return f"{self.find}>{self.replace}"


class ConfusionTable(Strict):
    about: str = ""
    noun_suffixes: list[str] = Field(default_factory=list)
    small_read_as_capital: dict[Literal["ä", "ö", "ü"], float] = Field(default_factory=dict)
    rules: list[ConfusionRule]


class Profile(Strict):
    about: str = ""
    categories: list[str] = Field(min_length=1)
    size_classes: list[str] = Field(min_length=1)
    labels: dict[Literal["title", "motto"], str]
    # the size class and the Land(s) printed as labelled values ('Bundesland: Bayern'), not on one line
    value_labels: dict[Literal["states", "size_class"], list[str]] = Field(default_factory=dict)
    # labels of further facts a project's header block may print ('Einwohner: 12.000')
    fact_labels: list[str] = Field(default_factory=list)
    # the shape of a fact label's value in every edition ('Einwohner': a count): another is flagged
    fact_shapes: dict[str, Literal["count", "amount", "address"]] = Field(default_factory=dict)
    # the column heads of an overview printed as a table: the projects' names stand under the first
    overview_columns: list[str] = Field(default_factory=list)
    size_state_separators: str
    parts: dict[Literal["criteria", "projects", "overview"], str]
    criterion_id_pattern: str
    edition_title_pattern: str
    leitthema_label: str
    # one vocabulary over all editions: a section printed under another name -> the common name
    canonical_categories: dict[str, str] = Field(default_factory=dict)
    # words of the overview's legend and footers that never stand in a project's name
    not_in_overview_names: list[str] = Field(default_factory=list)
    # words that open a caption or a credit ('Foto: …', 'Abbildung 3: …'): figure text
    caption_labels: list[str] = Field(default_factory=list)
    # the size classes of each section (by its common name): a record whose size class belongs to
    # another section was put under a section heading its own was missed for
    section_size_classes: dict[str, list[str]] = Field(default_factory=dict)

    def canonical(self, category: str | None) -> str | None:
        return self.canonical_categories.get(category, category) if category else None

    def section_of_size_class(self, size_class: str) -> str | None:
        """The section (common name) whose projects have this size class; None if none says."""
        return next((section for section, classes in self.section_size_classes.items() if size_class in classes), None)

    @model_validator(mode="after")
    def sections_known(self) -> "Profile":
        known = {self.canonical(c) for c in self.categories}
        unknown = set(self.section_size_classes) - known
        if unknown:
            raise ValueError(f"section_size_classes names no section of the profile: {sorted(unknown)}")
        return self

    @model_validator(mode="after")
    def shapes_of_known_facts(self) -> "Profile":
        unknown = set(self.fact_shapes) - set(self.fact_labels)
        if unknown:
            raise ValueError(f"fact_shapes names no label of fact_labels: {sorted(unknown)}")
        return self

    @field_validator("criterion_id_pattern", "edition_title_pattern")
    @classmethod
    def compiles(cls, pattern: str) -> str:
        re.compile(pattern)
        return pattern


class EditionProfile(Strict):
    """An edition's own names; what it leaves out comes from the general profile."""

    edition: int = Field(ge=2000, le=2100)
    about: str = ""
    categories: list[str] | None = Field(default=None, min_length=1)
    size_classes: list[str] | None = Field(default=None, min_length=1)
    labels: dict[Literal["title", "motto"], str] | None = None
    size_state_separators: str | None = None
    parts: dict[Literal["criteria", "projects", "overview"], str] | None = None
    leitthema_label: str | None = None

    def applied_to(self, general: Profile) -> Profile:
        changes = {k: v for k, v in self.model_dump(exclude={"edition", "about"}).items() if v is not None}
        return general.model_copy(update=changes)


class MemberQualifiers(Strict):
    """How an overview opens a list of members with words that name no place."""

    heads: list[str] = Field(default_factory=list)
    tails: list[str] = Field(default_factory=list)


class PlaceRules(Strict):
    """corrections/places.json: how names are matched to GeoNames places (places.py)."""

    about: str = ""
    land_of_admin1: dict[str, str]
    prefixes: list[str]
    district_prefixes: list[str]
    member_separators: list[str]
    abbreviations: dict[str, str] = Field(default_factory=dict)
    member_qualifiers: MemberQualifiers = Field(default_factory=MemberQualifiers)

    @property
    def generic_words(self) -> frozenset[str]:
        """Words of names that name no place: the prefixes ('Landkreis', 'Gemeinde') and the words
        that join a cooperation's members ('in Kooperation mit')."""
        return frozenset(self.prefixes) | {w for sep in self.member_separators for w in re.findall(r"\w+", sep)}


class LexiconAdditions(Strict):
    about: str = ""
    words: list[str]


class Override(Strict):
    record: str = Field(min_length=1, description="record id, e.g. 'dresden'")
    field: FieldName
    value: Union[str, int, list[str], None]
    reviewer: str = Field(min_length=1)
    date: str | None = None
    reason: str = Field(min_length=1)


class Confirmation(Strict):
    """A reviewer's word that a flagged automatic value is right. It holds while the record's
    source text (its sha256) and the value are what the reviewer saw; then the field is no
    longer flagged."""

    record: str = Field(min_length=1)
    field: FieldName
    value: Union[str, int, list[str], dict[str, Any], None]  # an object only for a place
    source: str = Field(pattern=r"^[0-9a-f]{64}$", description="sha256 of the record's source text")
    reviewer: str = Field(min_length=1)
    date: str | None = None
    reason: str = "confirmed: the automatic value is right"


class Passage(Strict):
    """A reviewer's decision about a stretch of a record's text, keyed to the stretch itself (not
    to an offset), so it holds on every rerun that reads the stretch again: `figure` takes it out
    of the description into figure_text; `prose` puts figure text into the description (after the
    text `after`, in its paragraph, or as a paragraph of its own with `paragraph`; as the
    paragraph before the one holding `before`; at the end without either); `move` puts a stretch of the description into the record `to`; `word`
    replaces a word (or words) of the description by `value`; `break` starts a paragraph at the
    text; `join` joins the paragraph that starts with the text to the one before."""

    record: str = Field(min_length=1)
    action: Literal["figure", "prose", "move", "word", "break", "join"]
    text: str = Field(min_length=1)
    to: str | None = Field(default=None, min_length=1)
    after: str | None = Field(default=None, min_length=1)
    before: str | None = Field(default=None, min_length=1)
    paragraph: bool = False
    value: str | None = Field(default=None, min_length=1)
    reviewer: str = Field(min_length=1)
    date: str | None = None
    reason: str = ""

    @model_validator(mode="after")
    def what_the_action_needs(self) -> "Passage":
        if self.action == "move" and not self.to:
            raise ValueError("a move names the record it goes `to`")
        if self.action == "word" and not self.value:
            raise ValueError("a word decision gives the word's `value`")
        if self.after and self.before:
            raise ValueError("a stretch goes `after` some words or `before` them, not both")
        if self.action in ("figure", "word", "break", "join") and (self.to or self.after or self.before):
            raise ValueError(f"a {self.action} decision takes no `to` or `after`")
        return self


class OverrideFile(Strict):
    about: str = ""
    edition: int
    overrides: list[Override] = Field(default_factory=list)
    passages: list[Passage] = Field(default_factory=list)
    confirmations: list[Confirmation] = Field(default_factory=list)


class Decision(Strict):
    """A reviewer's word on one edit (`edit`: its id) or on a whole series (`series`: 'fiir -> für').
    It holds where it was made: on that source text (`scope` "source", the default: `source` is
    its sha256), on every source of that edition ("edition": `edition` is its year), or, where
    the reviewer says so, on every edition ("all")."""

    edit: str | None = None
    series: str | None = None
    decision: Literal["accept", "reject"]
    # None: a decision written before decisions held where they were made; it holds everywhere
    scope: Optional[Literal["source", "edition", "all"]] = None
    edition: int | None = None
    source: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$")
    reviewer: str | None = None
    date: str | None = None
    note: str | None = None

    @model_validator(mode="after")
    def one_target(self) -> "Decision":
        if (self.edit is None) == (self.series is None):
            raise ValueError("a decision names either an edit or a series")
        if self.scope == "source" and self.source is None:
            raise ValueError("a decision for one source names it (`source`: its sha256)")
        if self.scope == "edition" and self.edition is None:
            raise ValueError("a decision for one edition names it (`edition`: its year)")
        return self

    def holds_for(self, edition: int | None, source: str) -> bool:
        """Whether the decision applies to a text of `edition` whose sha256 is `source`."""
        return (self.scope in ("all", None) or (self.scope == "edition" and self.edition == edition)
                or (self.scope == "source" and self.source == source))

    @property
    def key(self) -> str:
        return f"edit:{self.edit}" if self.edit else f"series:{self.series}"


class DecisionFile(Strict):
    about: str = ""
    decisions: list[Decision]

    def holding_for(self, edition: int | None, source: str) -> list[Decision]:
        """The decisions that apply to a text of `edition` whose sha256 is `source`."""
        return [d for d in self.decisions if d.holds_for(edition, source)]


class Corrections(Strict):
    confusions: ConfusionTable
    profile: Profile  # the general one
    editions: dict[int, EditionProfile] = Field(default_factory=dict)
    lexicon: LexiconAdditions
    places: PlaceRules
    overrides: list[OverrideFile]
    decisions: DecisionFile
    # a house style named on the command line (`--profile FILE`): profile fields that replace the
    # edition's, for every text of the run; its file name (without .json) names it in the output
    style: dict = Field(default_factory=dict)
    style_name: str | None = None

    def for_text(self, year: int | None, source: str) -> "Corrections":
        """These corrections with only the reviewer decisions that hold for a text of the edition
        `year` whose sha256 is `source` (a decision stays where it was made)."""
        return self.model_copy(update={"decisions": self.decisions.model_copy(
            update={"decisions": self.decisions.holding_for(year, source)})})

    def profile_for(self, year: int | None) -> tuple[Profile, str]:
        """The profile to read an edition with, and its name: the year, or 'general'."""
        profile, name = ((self.editions[year].applied_to(self.profile), str(year)) if year in self.editions
                         else (self.profile, "general"))
        if self.style_name is None:
            return profile, name
        return Profile.model_validate({**profile.model_dump(), **self.style}), f"{name} + {self.style_name}"

    def with_house_style(self, path: Path) -> "Corrections":
        """These corrections reading every text with the house style in `path`: a JSON object of
        fields of profile.json (labels, value_labels, fact_labels, categories, size_classes, …),
        each replacing the profile's; checked here, so a bad file stops the run before it reads."""
        try:
            style = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise CorrectionsError(f"{path}: cannot read the profile ({exc.strerror or exc})") from exc
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise CorrectionsError(f"{path}: not valid JSON ({exc})") from exc
        if not isinstance(style, dict):
            raise CorrectionsError(f"{path}: a profile is a JSON object of profile.json's fields")
        unknown = sorted(set(style) - set(Profile.model_fields))
        if unknown:
            raise CorrectionsError(f"{path}: not fields of a profile: {', '.join(unknown)} "
                                   f"(known: {', '.join(Profile.model_fields)})")
        styled = self.model_copy(update={"style": style, "style_name": path.stem})
        for year in (None, *self.editions):
            try:
                styled.profile_for(year)
            except ValidationError as exc:
                first = exc.errors()[0]
                where = ".".join(str(p) for p in first["loc"])
                raise CorrectionsError(f"{path}: {where}: {first['msg']}") from exc
        return styled


def default_corrections_dir() -> Path:
    """The project folder's corrections/ (the current directory's, when it holds a profile.json),
    else the corrections shipped with the package (in a source checkout: the repository's
    corrections/ itself)."""
    local = Path.cwd() / "corrections"
    return local if (local / "profile.json").is_file() else packaged_corrections_dir()


def packaged_corrections_dir() -> Path:
    """Installed: pipeline/default_corrections/ (pyproject.toml maps corrections/ there); in a
    source checkout or an editable install: the repository's corrections/."""
    installed = Path(__file__).resolve().parent / "default_corrections"
    return installed if installed.is_dir() else Path(__file__).resolve().parent.parent / "corrections"


def read_model(path: Path, model: type[BaseModel]) -> BaseModel:
    try:
        return model.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError as exc:
        raise CorrectionsError(f"{path}: missing (the corrections folder is incomplete)") from exc
    except json.JSONDecodeError as exc:
        raise CorrectionsError(f"{path}: not valid JSON (line {exc.lineno}: {exc.msg})") from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise CorrectionsError(f"{path}: {where}: {first['msg']}") from exc


def load_corrections(directory: Path) -> Corrections:
    """Read and validate every file of a corrections folder."""
    if not directory.is_dir():
        raise CorrectionsError(f"{directory}: corrections folder not found")
    finish_pending_writes(directory)  # a review whose writing a kill cut short is completed first
    override_dir = directory / "overrides"
    override_files = sorted(override_dir.glob("*.json")) if override_dir.is_dir() else []
    editions: dict[int, EditionProfile] = {}
    for path in sorted((directory / "editions").glob("*.json")):
        edition = read_model(path, EditionProfile)
        if edition.edition in editions:
            raise CorrectionsError(f"{path}: a second profile for the edition {edition.edition}")
        editions[edition.edition] = edition
    return Corrections(
        confusions=read_model(directory / "confusions.json", ConfusionTable),
        profile=read_model(directory / "profile.json", Profile),
        editions=editions,
        lexicon=read_model(directory / "lexicon.json", LexiconAdditions),
        places=read_model(directory / "places.json", PlaceRules),
        overrides=[read_model(path, OverrideFile) for path in override_files],
        decisions=read_model(directory / "decisions.json", DecisionFile)
        if (directory / "decisions.json").exists() else DecisionFile(decisions=[]),
    )
