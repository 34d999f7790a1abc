"""The project's exception types.

Every error raised for bad input says what was expected, what was found and how to fix it, and names the
file, line, article id and key where they apply. Catch :class:`StanceError` to catch all of them.
"""

from __future__ import annotations


class StanceError(Exception):
    """Base class of every error `stance` raises on purpose."""

    def __init__(self, message: str, *, expected: str | None = None, found: str | None = None,
                 fix: str | None = None, where: str | None = None) -> None:
        self.expected, self.found, self.fix, self.where = expected, found, fix, where
        parts = [f"{where}: {message}" if where else message]
        if expected is not None:
            parts.append(f"expected: {expected}")
        if found is not None:
            parts.append(f"found: {found}")
        if fix is not None:
            parts.append(f"fix: {fix}")
        super().__init__("\n  ".join(parts))


class ConfigError(StanceError):
    """A config file or override is invalid (unknown key, wrong type, frozen key overridden)."""


class InputError(StanceError, ValueError):
    """An argument passed to the API is invalid (empty text, wrong type, unknown target id)."""


class DataFormatError(StanceError):
    """A labelled-article file or public data file is malformed."""


class ModelLoadError(StanceError):
    """A model directory is missing, incomplete, or incompatible with the config."""
