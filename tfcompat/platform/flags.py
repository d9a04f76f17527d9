"""``tf.app.flags`` / ``tf.flags``: command-line flags as TF1 scripts use them.

TensorFlow's flags are absl's; this module re-implements the part TF1 programs touch: the
DEFINE_* functions, the global ``FLAGS`` object, parsing of ``--name=value``, ``--name value``,
``--[no]bool`` and ``--``, validators, and absl's help text and error messages.
"""

from __future__ import annotations

import csv
import io
import logging
import sys
import textwrap
import warnings
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from tfcompat.platform.unsupported import make_getattr

_HELP_WIDTH = 80


# --- errors -----------------------------------------------------------------------------------


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


# --- argument parsers -------------------------------------------------------------------------


class ArgumentParser:
    """Turns a command-line string (or a Python default) into a flag value."""

    syntactic_help = ""

    def parse(self, argument: Any) -> Any:
        if not isinstance(argument, str):
            raise TypeError(f"flag value must be a string, found \"{type(argument)}\"")
        return argument

    def flag_type(self) -> str:
        return "string"


class BooleanParser(ArgumentParser):
    """Parses ``true``/``t``/``1`` and ``false``/``f``/``0`` (any case)."""

    def parse(self, argument: Any) -> bool:
        if isinstance(argument, str):
            lowered = argument.lower()
            if lowered in ("true", "t", "1"):
                return True
            if lowered in ("false", "f", "0"):
                return False
        elif isinstance(argument, int) and argument in (0, 1):
            return bool(argument)
        raise ValueError("Non-boolean argument to boolean flag", argument)

    def flag_type(self) -> str:
        return "bool"


class _NumericParser(ArgumentParser):
    """Bound checking and help text shared by IntegerParser and FloatParser (which ``convert``)."""

    number_article = "a"
    number_name = "number"

    def __init__(self, lower_bound=None, upper_bound=None):
        self.lower_bound = lower_bound
        self.upper_bound = upper_bound
        plain = f"{self.number_article} {self.number_name}"
        if lower_bound is not None and upper_bound is not None:
            self.syntactic_help = f"{plain} in the range [{lower_bound}, {upper_bound}]"
        elif lower_bound == 1:
            self.syntactic_help = f"a positive {self.number_name}"
        elif upper_bound == -1:
            self.syntactic_help = f"a negative {self.number_name}"
        elif lower_bound == 0:
            self.syntactic_help = f"a non-negative {self.number_name}"
        elif upper_bound == 0:
            self.syntactic_help = f"a non-positive {self.number_name}"
        elif upper_bound is not None:
            self.syntactic_help = f"{self.number_name} <= {upper_bound}"
        elif lower_bound is not None:
            self.syntactic_help = f"{self.number_name} >= {lower_bound}"
        else:
            self.syntactic_help = plain

    def parse(self, argument: Any):
        value = self.convert(argument)
        if (self.lower_bound is not None and value < self.lower_bound) or (
            self.upper_bound is not None and value > self.upper_bound
        ):
            raise ValueError(f"{value} is not {self.syntactic_help}")
        return value


class IntegerParser(_NumericParser):
    """Parses base-10 integers, and ``0x``/``0o`` prefixed hexadecimal and octal."""

    number_article = "an"
    number_name = "integer"

    def convert(self, argument: Any) -> int:
        if isinstance(argument, int) and not isinstance(argument, bool):
            return argument
        if isinstance(argument, str):
            base = 10
            if len(argument) > 2 and argument[0] == "0":
                base = {"o": 8, "x": 16}.get(argument[1], 10)
            return int(argument, base)
        raise TypeError(f"Expect argument to be a string or int, found {type(argument)}")

    def flag_type(self) -> str:
        return "int"


class FloatParser(_NumericParser):
    """Parses floating point numbers."""

    def convert(self, argument: Any) -> float:
        if isinstance(argument, (int, float)) and not isinstance(argument, bool):
            return float(argument)
        if isinstance(argument, str):
            return float(argument)
        raise TypeError(f"Expect argument to be a string, int, or float, found {type(argument)}")

    def flag_type(self) -> str:
        return "float"


class EnumParser(ArgumentParser):
    """Accepts only the strings in ``enum_values``."""

    def __init__(self, enum_values: Sequence[str], case_sensitive: bool = True):
        if not enum_values:
            raise ValueError(f"enum_values cannot be empty, found \"{enum_values}\"")
        self.enum_values = list(enum_values)
        self.case_sensitive = case_sensitive

    def parse(self, argument: Any) -> str:
        if self.case_sensitive:
            if argument in self.enum_values:
                return argument
        else:
            for value in self.enum_values:
                if value.upper() == str(argument).upper():
                    return value
        raise ValueError(f"value should be one of <{'|'.join(self.enum_values)}>")

    def flag_type(self) -> str:
        return "string enum"


class ListParser(ArgumentParser):
    """Parses comma-separated values (CSV quoting allowed) into a list of strings."""

    syntactic_help = "a comma separated list"

    def parse(self, argument: Any) -> list:
        if isinstance(argument, list):
            return argument
        if not argument:
            return []
        return [item.strip() for item in next(csv.reader([argument], strict=True))]

    def flag_type(self) -> str:
        return "list"


def _serialize_list(value: list) -> str:
    """Comma-separated, CSV-quoting items that contain commas (``"x,y",z``)."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow([str(item) for item in value])
    return buffer.getvalue()


# --- flags ------------------------------------------------------------------------------------


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
    """The module that called into this file; a script is named by ``sys.argv[0]``, as absl."""
    frame = sys._getframe(1)
    while frame is not None and frame.f_globals.get("__name__") == __name__:
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


# --- the flag registry ------------------------------------------------------------------------


class FlagValues:
    """A registry of flags; attribute access reads a flag's value (``FLAGS.learning_rate``)."""

    def __init__(self):
        # Plain attributes live in __dict__ directly: __setattr__ is reserved for flag values.
        self.__dict__.update(
            _flags={}, _modules={}, _validators=[], _parsed=False,
        )

    # registration

    def _register(self, flag: Flag, module_name: str) -> None:
        names = [flag.name] + ([flag.short_name] if flag.short_name else [])
        for name in names:
            existing = self._flags.get(name)
            if existing is not None and not flag.allow_override:
                first = next(m for m, fs in self._modules.items() if existing in fs)
                raise DuplicateFlagError(
                    f"The flag '{name}' is defined twice. First from {first}, second from "
                    f"{module_name}. Description from first occurrence: {existing.help}")
        for name in names:
            self._flags[name] = flag
        self._modules.setdefault(module_name, []).append(flag)

    def _add_validator(self, validator: _Validator) -> None:
        for name in validator.flag_names:
            if name not in self._flags:
                raise KeyError(f"Flag --{name} does not exist.")
            self._flags[name].validators.append(validator)
        self._validators.append(validator)

    # parsing

    def __call__(self, argv: Sequence[str], known_only: bool = False) -> list[str]:
        """Parses flags out of ``argv``; returns ``[argv[0]]`` plus the arguments left over.

        With ``known_only``, undefined flags are left in the result instead of raising.
        """
        if isinstance(argv, (str, bytes)):
            raise TypeError("argv should be a tuple/list of strings, not bytes or string.")
        if not argv:
            raise ValueError("argv cannot be an empty list, and must contain the program name "
                             "as the first element.")
        program, args = argv[0], list(argv[1:])
        leftover: list[str] = []
        unknown: list[tuple[str, str]] = []
        while args:
            arg = args.pop(0)
            if arg == "--":
                leftover.extend(args)
                break
            if not arg.startswith("-") or arg == "-":
                leftover.append(arg)
                continue
            name, has_value, value = arg[2 if arg.startswith("--") else 1:].partition("=")
            flag = self._flags.get(name)
            if flag is not None:
                if flag.boolean and not has_value:
                    value = "true"
                elif not has_value:
                    if not args:
                        raise Error(f"Missing value for flag {arg}")
                    value = args.pop(0)
            elif name.startswith("no") and getattr(self._flags.get(name[2:]), "boolean", False):
                if has_value:
                    raise ValueError(f"{arg} does not take an argument")
                flag, value = self._flags[name[2:]], "false"
            else:
                # Unknown flags stay where they were, for the program (or absl) to handle.
                unknown.append((name, arg))
                leftover.append(arg)
                continue
            flag.parse(value)
        if unknown and not known_only:
            name, arg = unknown[0]
            raise UnrecognizedFlagError(name, arg, _suggestions(name, sorted(self._flags)))
        self.__dict__["_parsed"] = True
        self.validate_all_flags()
        return [program] + leftover

    def validate_all_flags(self) -> None:
        """Runs every validator; raises IllegalFlagValueError listing all failures."""
        self._check(self._validators)

    def _check(self, validators: Sequence[_Validator]) -> None:
        failures: list[str] = []
        failed_flags: set[str] = set()
        for validator in validators:
            # Once a flag has failed, later validators over it would only repeat the news.
            if failed_flags.intersection(validator.flag_names):
                continue
            failure = validator.failure(self)
            if failure is not None:
                failures.append(failure)
                failed_flags.update(validator.flag_names)
        if failures:
            raise IllegalFlagValueError("\n".join(failures))

    def is_parsed(self) -> bool:
        return self._parsed

    def mark_as_parsed(self) -> None:
        self.__dict__["_parsed"] = True

    def unparse_flags(self) -> None:
        """Restores every flag's default and marks the FlagValues as not parsed."""
        for flag in set(self._flags.values()):
            flag.unparse()
        self.__dict__["_parsed"] = False

    # values

    def __getattr__(self, name: str) -> Any:
        flags = self.__dict__["_flags"]
        if name not in flags:
            raise AttributeError(name)
        if not self.__dict__["_parsed"]:
            raise UnparsedFlagAccessError(
                f"Trying to access flag --{name} before flags were parsed.")
        return flags[name].value

    def __setattr__(self, name: str, value: Any) -> None:
        """Sets a flag's value directly (no parsing); reverts it if the flag's validators fail."""
        flag = self._flags.get(name)
        if flag is None:
            raise UnrecognizedFlagError(name, value)
        previous = flag.value, flag.using_default_value
        flag.value, flag.using_default_value = value, False
        try:
            self._check(flag.validators)
        except IllegalFlagValueError:
            flag.value, flag.using_default_value = previous
            raise

    def __delattr__(self, name: str) -> None:
        flag = self._flags.get(name)
        if flag is None:
            raise AttributeError(name)
        for key in [key for key, value in self._flags.items() if value is flag]:
            del self._flags[key]
        for module_flags in self._modules.values():
            if flag in module_flags:
                module_flags.remove(flag)
        self._validators[:] = [v for v in self._validators if name not in v.flag_names]

    def __getitem__(self, name: str) -> Flag:
        return self._flags[name]

    def __contains__(self, name: str) -> bool:
        return name in self._flags

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._flags))

    def __len__(self) -> int:
        return len(self._flags)

    def get_flag_value(self, name: str, default: Any) -> Any:
        value = getattr(self, name)
        return default if value is None else value

    def set_default(self, name: str, value: Any) -> None:
        """Changes a flag's default (and its value, if it was not set on the command line)."""
        flag = self._flags.get(name)
        if flag is None:
            raise UnrecognizedFlagError(name, value)
        flag._set_default(value)
        self._check(flag.validators)

    def flag_values_dict(self) -> dict[str, Any]:
        return {name: flag.value for name, flag in self._flags.items()}

    # help

    def module_help(self, module_name: str) -> str:
        """The help block for the flags defined in ``module_name``."""
        flags = sorted(self._modules.get(module_name, ()), key=lambda f: f.name)
        return "\n".join([f"\n{module_name}:"] + [_flag_help(f) for f in flags])

    def main_module_help(self) -> str:
        """The help block for the flags the main program defined."""
        return self.module_help(sys.argv[0])

    def get_help(self) -> str:
        """Help for all flags: the main program's first, then other modules' in name order."""
        main = sys.argv[0]
        modules = [m for m, fs in self._modules.items() if fs and m != main]
        ordered = ([main] if self._modules.get(main) else []) + sorted(modules)
        return "\n".join(self.module_help(m) for m in ordered)


class _AutoParsingFlagValues(FlagValues):
    """TF's global FLAGS: reading a flag before parsing parses ``sys.argv`` first."""

    def __getattr__(self, name: str) -> Any:
        if name in self.__dict__["_flags"] and not self.__dict__["_parsed"]:
            self(sys.argv)
        return super().__getattr__(name)


FLAGS = _AutoParsingFlagValues()


# --- DEFINE functions -------------------------------------------------------------------------

_OLD_KWARGS = {"flag_name": "name", "default_value": "default", "docstring": "help"}


def _renamed_kwargs(kwargs: dict) -> dict:
    """TF 1.x's pre-absl keyword names (flag_name, default_value, docstring) still work."""
    if not any(old in kwargs for old in _OLD_KWARGS):
        return kwargs
    logging.warning("Use of the keyword argument names (flag_name, default_value, docstring) "
                    "is deprecated, please use (name, default, help) instead.")
    return {_OLD_KWARGS.get(key, key): value for key, value in kwargs.items()}


def DEFINE_flag(flag: Flag, flag_values: FlagValues = FLAGS, module_name: str | None = None,
                required: bool = False) -> FlagHolder:
    """Registers an already constructed Flag."""
    flag_values._register(flag, module_name or _calling_module())
    if required:
        mark_flag_as_required(flag.name, flag_values)
    return FlagHolder(flag_values, flag)


def DEFINE(parser: ArgumentParser, name: str, default: Any, help: str | None,
           flag_values: FlagValues = FLAGS, serializer: Callable[[Any], str] | None = None,
           module_name: str | None = None, required: bool = False, **args) -> FlagHolder:
    """Defines a flag parsed by ``parser``."""
    return DEFINE_flag(Flag(parser, name, default, help, serializer=serializer, **args),
                       flag_values, module_name, required)


def _define_string(name: str, default: Any, help: str | None,
                   flag_values: FlagValues = FLAGS, required: bool = False,
                   **args) -> FlagHolder:
    return DEFINE(ArgumentParser(), name, default, help, flag_values, required=required, **args)


def _define_integer(name: str, default: Any, help: str | None,
                    lower_bound: int | None = None, upper_bound: int | None = None,
                    flag_values: FlagValues = FLAGS, required: bool = False,
                    **args) -> FlagHolder:
    parser = IntegerParser(lower_bound, upper_bound)
    return DEFINE(parser, name, default, help, flag_values, required=required, **args)


def _define_float(name: str, default: Any, help: str | None,
                  lower_bound: float | None = None, upper_bound: float | None = None,
                  flag_values: FlagValues = FLAGS, required: bool = False,
                  **args) -> FlagHolder:
    parser = FloatParser(lower_bound, upper_bound)
    return DEFINE(parser, name, default, help, flag_values, required=required, **args)


def _define_boolean(name: str, default: Any, help: str | None,
                    flag_values: FlagValues = FLAGS, module_name: str | None = None,
                    required: bool = False, **args) -> FlagHolder:
    return DEFINE_flag(BooleanFlag(name, default, help, **args), flag_values, module_name,
                       required)


def _define_list(name: str, default: Any, help: str | None,
                 flag_values: FlagValues = FLAGS, required: bool = False,
                 **args) -> FlagHolder:
    return DEFINE(ListParser(), name, default, help, flag_values, serializer=_serialize_list,
                  required=required, **args)


def _define_enum(name: str, default: Any, enum_values: Sequence[str],
                 help: str | None, flag_values: FlagValues = FLAGS,
                 module_name: str | None = None, required: bool = False,
                 **args) -> FlagHolder:
    return DEFINE_flag(EnumFlag(name, default, help, enum_values, **args), flag_values,
                       module_name, required)


def _accepting_old_kwargs(define: Callable[..., FlagHolder], tf_name: str, doc: str):
    def wrapper(*args, **kwargs) -> FlagHolder:
        return define(*args, **_renamed_kwargs(kwargs))

    wrapper.__name__ = wrapper.__qualname__ = tf_name
    wrapper.__doc__ = doc
    return wrapper


DEFINE_string = _accepting_old_kwargs(
    _define_string, "DEFINE_string", "Defines a flag whose value is any string.")
DEFINE_integer = _accepting_old_kwargs(
    _define_integer, "DEFINE_integer",
    "Defines a flag whose value must be an integer, optionally within [lower_bound, upper_bound].")
DEFINE_float = _accepting_old_kwargs(
    _define_float, "DEFINE_float",
    "Defines a flag whose value must be a float, optionally within [lower_bound, upper_bound].")
DEFINE_boolean = _accepting_old_kwargs(
    _define_boolean, "DEFINE_boolean",
    "Defines a boolean flag: --name sets it, --noname clears it, --name=false also works.")
DEFINE_bool = DEFINE_boolean
DEFINE_list = _accepting_old_kwargs(
    _define_list, "DEFINE_list", "Defines a flag whose value is a comma-separated list of strings.")
DEFINE_enum = _accepting_old_kwargs(
    _define_enum, "DEFINE_enum", "Defines a flag whose value must be one of enum_values.")


# --- validators -------------------------------------------------------------------------------


def register_validator(flag_name: str, checker: Callable[[Any], bool],
                       message: str = "Flag validation failed",
                       flag_values: FlagValues = FLAGS) -> None:
    """After each parse, ``checker(value)`` must return True or parsing fails with ``message``."""
    flag_values._add_validator(_Validator([flag_name], checker, message, multi=False))


def validator(flag_name: str, message: str = "Flag validation failed",
              flag_values: FlagValues = FLAGS) -> Callable:
    """Decorator form of register_validator."""

    def decorate(checker: Callable[[Any], bool]) -> Callable[[Any], bool]:
        register_validator(flag_name, checker, message, flag_values)
        return checker

    return decorate


def register_multi_flags_validator(flag_names: Sequence[str], multi_flags_checker: Callable,
                                   message: str = "Flags validation failed",
                                   flag_values: FlagValues = FLAGS) -> None:
    """``multi_flags_checker({name: value, ...})`` must return True after each parse."""
    flag_values._add_validator(_Validator(flag_names, multi_flags_checker, message, multi=True))


def multi_flags_validator(flag_names: Sequence[str], message: str = "Flag validation failed",
                          flag_values: FlagValues = FLAGS) -> Callable:
    """Decorator form of register_multi_flags_validator."""

    def decorate(checker: Callable) -> Callable:
        register_multi_flags_validator(flag_names, checker, message, flag_values)
        return checker

    return decorate


def mark_flag_as_required(flag_name: str, flag_values: FlagValues = FLAGS) -> None:
    """Parsing fails unless the flag ends up with a value other than None."""
    if flag_values[flag_name].default is not None:
        warnings.warn(
            f"Flag --{flag_name} has a non-None default value; therefore, mark_flag_as_required "
            "will pass even if flag is not specified in the command line!", stacklevel=2)
    register_validator(flag_name, lambda value: value is not None,
                       f"Flag --{flag_name} must have a value other than None.", flag_values)


def mark_flags_as_required(flag_names: Sequence[str], flag_values: FlagValues = FLAGS) -> None:
    """mark_flag_as_required for each name."""
    for name in flag_names:
        mark_flag_as_required(name, flag_values)


def mark_flags_as_mutual_exclusive(flag_names: Sequence[str], required: bool = False,
                                   flag_values: FlagValues = FLAGS) -> None:
    """At most one (exactly one, if ``required``) of the flags may have a non-None value."""
    def checker(values: dict) -> bool:
        count = sum(value is not None for value in values.values())
        return count == 1 if required else count <= 1

    quantifier = "Exactly" if required else "At most"
    message = (f"{quantifier} one of ({', '.join(flag_names)}) must have a value other than "
               "None.")
    register_multi_flags_validator(flag_names, checker, message, flag_values)


__getattr__ = make_getattr("tf.flags", __name__)
