"""List and Enum-class parsers (absl's BaseListParser family and EnumClassParser)."""

from __future__ import annotations

import enum
from typing import Any

from tfcompat.platform.flags.parsers import ArgumentParser


class BaseListParser(ArgumentParser):
    """Splits a string on ``token`` (stripping items); a list passes through."""

    def __init__(self, token: str | None = None, name: str | None = None) -> None:
        self._token = token
        self._name = name
        self.syntactic_help = f"a {name} separated list"

    def parse(self, argument: Any) -> list:
        if isinstance(argument, list):
            return argument
        if not argument:
            return []
        return [item.strip() for item in argument.split(self._token)]

    def flag_type(self) -> str:
        return f"{self._name} separated list of strings"


class WhitespaceSeparatedListParser(BaseListParser):
    """Splits on any whitespace (and on commas too, with ``comma_compat``)."""

    def __init__(self, comma_compat: bool = False) -> None:
        self._comma_compat = comma_compat
        name = "whitespace or comma" if comma_compat else "whitespace"
        super().__init__(None, name)

    def parse(self, argument: Any) -> list:
        if isinstance(argument, list):
            return argument
        if not argument:
            return []
        if self._comma_compat:
            argument = argument.replace(",", " ")
        return argument.split()


class EnumClassParser(ArgumentParser):
    """Parses an Enum member's name (case-insensitively unless ``case_sensitive``)."""

    def __init__(self, enum_class: type[enum.Enum], case_sensitive: bool = True) -> None:
        if not issubclass(enum_class, enum.Enum):
            raise TypeError(f"{enum_class} is not a subclass of Enum.")
        if not enum_class.__members__:
            raise ValueError(f"enum_class cannot be empty, but \"{enum_class}\" is empty.")
        if not case_sensitive:
            lowered = [name.lower() for name in enum_class.__members__]
            if len(set(lowered)) != len(lowered):
                duplicates = sorted(n for n in set(lowered) if lowered.count(n) > 1)
                raise ValueError(
                    f"Duplicate enum values for {duplicates} using case_sensitive=False")
        self.enum_class = enum_class
        self._case_sensitive = case_sensitive
        self._member_names = (list(enum_class.__members__) if case_sensitive
                              else [name.lower() for name in enum_class.__members__])

    @property
    def member_names(self) -> tuple[str, ...]:
        """The names ``parse`` accepts (lower-cased unless case-sensitive)."""
        return tuple(self._member_names)

    def parse(self, argument: Any) -> enum.Enum:
        if isinstance(argument, self.enum_class):
            return argument
        if not isinstance(argument, str):
            raise ValueError(f"{argument} is not an enum member or a name of a member in "
                             f"{self.enum_class}")
        key = argument if self._case_sensitive else argument.lower()
        if key not in self._member_names:
            raise ValueError(f"value should be one of <{'|'.join(self._member_names)}>")
        return self.enum_class[list(self.enum_class.__members__)[self._member_names.index(key)]]

    def flag_type(self) -> str:
        return "enum class"
