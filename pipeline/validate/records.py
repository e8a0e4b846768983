"""Validate stage: record dicts -> (valid Projects, Rejected records with their errors).

A record that fails validation is never dropped: it goes to `rejected` with every error
(record, field, message) so that a reviewer can see and fix it.
"""
from __future__ import annotations

from pydantic import ValidationError

from pipeline.validate.models import Project, Rejected, RejectionError


def records_to_projects(records: list[dict]) -> tuple[list[Project], list[Rejected]]:
    projects, rejected = [], []
    for record in records:
        try:
            projects.append(Project.model_validate(record))
        except ValidationError as exc:
            errors = [
                RejectionError(record=str(record.get("id") or record.get("name")),
                               field=".".join(str(p) for p in err["loc"]) or "(record)", message=err["msg"])
                for err in exc.errors()
            ]
            rejected.append(Rejected(record=record, errors=errors))
    return projects, rejected
