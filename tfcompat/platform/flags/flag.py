"""One flag (Flag, BooleanFlag, EnumFlag), its holder and validators, and help-text helpers."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from tfcompat.platform.flags.errors import IllegalFlagValueError, ValidationError
from tfcompat.platform.flags.parsers import ArgumentParser, BooleanParser, EnumParser

if TYPE_CHECKING:  # the registry holds Flags; a flag only names its registry in hints
    from tfcompat.platform.flags.registry import FlagValues

_HELP_WIDTH = 80
_PACKAGE = __name__.rpartition(".")[0]


class Flag:
    """One defined flag: its parser, default, current value and help."""

    def __init__(self, parser: ArgumentParser, name: str, default: Any, help_string: str | None,
                 short_name: str | None = None, boolean: bool = False,
                 serializer: Callable[[Any], str] | None = None, allow_override: bool = False):
        self.name = name
        self.parser = parser
        self.help = help_string or "(no help available)"
        self.short_name = short_name
        self.boolean = boolean
        self.serializer = serializer
        self.allow_override = allow_override
        self.present = 0
        self.using_default_value = True
        self.validators: list[_Validator] = []
        self.default = None
        self.default_as_str: str | None = None
        self.value = None
        self._set_default(default)

    def _parse(self, argument: Any) -> Any:
        try:
            return self.parser.parse(argument)
        except (TypeError, ValueError) as e:
            raise IllegalFlagValueError(f"flag --{self.name}={argument}: {e}") from e

    def parse(self, argument: Any) -> None:
        """Parses ``argument`` from the command line and makes it the flag's value."""
        self.value = self._parse(argument)
        self.using_default_value = False
        self.present += 1

    def _set_default(self, value: Any) -> None:
        self.default = None if value is None else self._parse(value)
        self.default_as_str = self._value_as_str(self.default)
        if self.using_default_value:
            self.value = self.default

    def unparse(self) -> None:
        """Restores the default value, as if the flag had never been parsed."""
        self.value = self.default
        self.using_default_value = True
        self.present = 0

    def _serialize_value(self, value: Any) -> str:
        if self.serializer is not None:
            return self.serializer(value)
        if self.boolean:
            return "true" if value else "false"
        return str(value)

    def _value_as_str(self, value: Any) -> str | None:
        if value is None:
            return None
        return repr(self._serialize_value(value))

    def serialize(self) -> str:
        """The flag as a command-line argument that reproduces its value."""
        if self.value is None:
            return ""
        if self.boolean:
            return f"--{self.name}" if self.value else f"--no{self.name}"
        return f"--{self.name}={self._serialize_value(self.value)}"

    def flag_type(self) -> str:
        return self.parser.flag_type()


class BooleanFlag(Flag):
    """A flag that is set by ``--name`` and cleared by ``--noname``."""

    def __init__(self, name: str, default: Any, help_string: str | None, **kwargs):
        super().__init__(BooleanParser(), name, default, help_string, boolean=True, **kwargs)


class EnumFlag(Flag):
    """A flag whose value must be one of a fixed list of strings."""

    def __init__(self, name: str, default: Any, help_string: str | None,
                 enum_values: Sequence[str], case_sensitive: bool = True, **kwargs):
        parser = EnumParser(enum_values, case_sensitive)
        super().__init__(parser, name, default, f"<{'|'.join(parser.enum_values)}>: {help_string}",
                         **kwargs)


class FlagHolder:
    """What DEFINE_* returns: a typed handle on one flag of a FlagValues."""

    def __init__(self, flag_values: FlagValues, flag: Flag):
        self._flag_values = flag_values
        self._name = flag.name

    @property
    def name(self) -> str:
        return self._name

    @property
    def value(self) -> Any:
        return getattr(self._flag_values, self._name)

    @property
    def default(self) -> Any:
        return self._flag_values[self._name].default

    @property
    def present(self) -> bool:
        return bool(self._flag_values[self._name].present)


class _Validator:
    """A checker over one or more flags' values, run after every parse."""

    def __init__(self, flag_names: Sequence[str], checker: Callable[[Any], bool], message: str,
                 multi: bool):
        self.flag_names = list(flag_names)
        self.checker = checker
        self.message = message
        self.multi = multi

    def failure(self, flag_values: FlagValues) -> str | None:
        """The error line for the current values, or None if they pass."""
        values = {name: flag_values[name].value for name in self.flag_names}
        try:
            ok = self.checker(values if self.multi else values[self.flag_names[0]])
            message = self.message
        except ValidationError as e:
            ok, message = False, str(e)
        if ok:
            return None
        if self.multi:
            shown = ", ".join(f"{name}={value}" for name, value in values.items())
            return f"flags {shown}: {message}"
        name = self.flag_names[0]
        return f"flag --{name}={values[name]}: {message}"


def _edit_distance(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (adjacent transpositions count as one edit)."""
    rows = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        rows[i][0] = i
    for j in range(len(b) + 1):
        rows[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
    return rows[-1][-1]


def _suggestions(attempt: str, names: Sequence[str]) -> list[str]:
    """Defined flags close to a misspelt one, compared on prefixes as absl does."""
    if len(attempt) <= 2 or not names:
        return []
    scored = sorted((_edit_distance(attempt, name[: len(attempt)]), name) for name in names)
    best = scored[0][0]
    if best >= 0.5 * len(attempt):
        return []
    return [name for distance, name in scored if distance == best]


def _calling_module() -> str:
    """The module that called into the flags package; a script is named by ``sys.argv[0]``."""
    frame = sys._getframe(1)
    while frame is not None and frame.f_globals.get("__name__", "").startswith(_PACKAGE):
        frame = frame.f_back
    name = frame.f_globals.get("__name__", "__main__") if frame is not None else "__main__"
    return sys.argv[0] if name == "__main__" else name


def text_wrap(text: str, length: int | None = None, indent: str = "",
              firstline_indent: str | None = None) -> str:
    """Wraps ``text`` to ``length`` columns, line by line, keeping blank lines (absl's layout)."""
    length = _HELP_WIDTH if length is None else length
    firstline_indent = indent if firstline_indent is None else firstline_indent
    if len(indent) >= length:
        raise ValueError("Length of indent exceeds length")
    if len(firstline_indent) >= length:
        raise ValueError("Length of first line indent exceeds length")
    lines: list[str] = []
    first = True
    for line in text.expandtabs(4).splitlines():
        line = line.strip()
        if line:
            lines.extend(textwrap.wrap(line, width=length,
                                       initial_indent=firstline_indent if first else indent,
                                       subsequent_indent=indent))
        else:
            lines.append("")
        first = False
    return "\n".join(lines)


def _flag_help(flag: Flag) -> str:
    head = f"-{flag.short_name},--" if flag.short_name else "--"
    head += f"[no]{flag.name}" if flag.boolean else flag.name
    text = text_wrap(f"{head}: {flag.help}", indent="    ", firstline_indent="  ")
    if flag.default_as_str is not None:
        text += "\n" + text_wrap(f"(default: {flag.default_as_str})", indent="    ")
    if flag.parser.syntactic_help:
        text += "\n" + text_wrap(f"({flag.parser.syntactic_help})", indent="    ")
    return text
