"""Typed errors. The CLI turns every InputError into one line on stderr and exit code 2."""


class InputError(Exception):
    """The input cannot be used: missing, empty, binary, wrongly encoded, or holding no project."""


class CorrectionsError(InputError):
    """A file in corrections/ does not follow its schema."""
