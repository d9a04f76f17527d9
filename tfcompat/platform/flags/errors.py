"""Exceptions of the flags module (absl's classes and messages)."""

from __future__ import annotations

from collections.abc import Sequence


class Error(Exception):
    """The base class for all flags errors."""


class IllegalFlagValueError(Error):
    """Raised when a flag's value is illegal or a validator rejects it."""


class DuplicateFlagError(Error):
    """Raised when a flag is defined twice."""


class UnrecognizedFlagError(Error):
    """Raised when a command line names a flag that is not defined."""

    def __init__(self, flagname: str, flagvalue: str = "", suggestions: Sequence[str] = ()):
        self.flagname = flagname
        self.flagvalue = flagvalue
        tip = f". Did you mean: {', '.join(suggestions)} ?" if suggestions else ""
        super().__init__(f"Unknown command line flag '{flagname}'{tip}")


class UnparsedFlagAccessError(Error):
    """Raised when a flag is read before its FlagValues were parsed."""


class ValidationError(Error):
    """Raised by a validator's checker to reject a value with its own message."""


class CantOpenFlagFileError(Error):
    """Raised when a ``--flagfile`` cannot be read."""


class FlagNameConflictsWithMethodError(Error):
    """Raised when a flag's name is also the name of a FlagValues method."""
