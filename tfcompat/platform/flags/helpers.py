"""absl's module-level flag helpers: key flags, boolean exclusivity, FlagHolder setters,
``flag_dict_to_args``, ``get_help_width`` and ``doc_to_help``."""

from __future__ import annotations

import os
import re
import sys
import types
from collections.abc import Iterator, Sequence
from typing import Any

from tfcompat.platform.flags.define import register_multi_flags_validator
from tfcompat.platform.flags.errors import Error, IllegalFlagValueError, ValidationError
from tfcompat.platform.flags.flag import FlagHolder, _calling_module
from tfcompat.platform.flags.registry import FLAGS, FlagValues

_DEFAULT_HELP_WIDTH = 80
_MIN_HELP_WIDTH = 40


def _flag_name(flag_name_or_holder: str | FlagHolder) -> str:
    return flag_name_or_holder.name if isinstance(flag_name_or_holder, FlagHolder) \
        else flag_name_or_holder


def _key_flags(flag_values: FlagValues) -> dict[str, list]:
    return flag_values.__dict__.setdefault("_key_flags", {})


def declare_key_flag(flag_name: str | FlagHolder, flag_values: FlagValues = FLAGS) -> None:
    """Makes a flag defined elsewhere a key flag of the calling module.

    absl lists a module's key flags in its help; tfcompat records them (``key_flags_of_module``)
    but its help text lists only the flags a module defined.
    """
    name = _flag_name(flag_name)
    if name not in flag_values:
        raise ValueError(f"Flag --{name} is undefined. To set a flag as a key flag first define "
                         "it in Python.")
    flags = _key_flags(flag_values).setdefault(_calling_module(), [])
    if flag_values[name] not in flags:
        flags.append(flag_values[name])


def adopt_module_key_flags(module: Any, flag_values: FlagValues = FLAGS) -> None:
    """Makes every flag ``module`` defined (or declared key) a key flag of the calling module."""
    if not isinstance(module, types.ModuleType):
        raise Error(f"Expected a module object, not {module!r}.")
    module_flags = list(flag_values._modules.get(module.__name__, ()))
    module_flags += _key_flags(flag_values).get(module.__name__, [])
    caller = _key_flags(flag_values).setdefault(_calling_module(), [])
    caller.extend(flag for flag in module_flags if flag not in caller)


def disclaim_key_flags() -> None:
    """Declares that the calling module's flags are not key flags of modules importing it.

    Key flags only shape help text, and tfcompat's help lists a module's own flags, so this has
    no effect.
    """


def key_flags_of_module(module_name: str, flag_values: FlagValues = FLAGS) -> list:
    """The flags declared key flags of ``module_name`` (declare_key_flag/adopt_module_key_flags)."""
    return list(_key_flags(flag_values).get(module_name, []))


def mark_bool_flags_as_mutual_exclusive(flag_names: Sequence[str], required: bool = False,
                                        flag_values: FlagValues = FLAGS) -> None:
    """At most one (exactly one, if ``required``) of these boolean flags may be True."""
    names = [_flag_name(name) for name in flag_names]
    for name in names:
        if not flag_values[name].boolean:
            raise ValidationError(f"Flag --{name} is not Boolean, which is required for flags "
                                  "used in mark_bool_flags_as_mutual_exclusive.")

    def checker(values: dict) -> bool:
        count = sum(bool(value) for value in values.values())
        return count == 1 if required else count <= 1

    quantifier = "Exactly" if required else "At most"
    register_multi_flags_validator(
        names, checker, f"{quantifier} one of ({', '.join(names)}) must be True.",
        flag_values)


def set_default(flag_holder: FlagHolder, value: Any) -> None:
    """Changes the default of the holder's flag (and its value unless set on the command line)."""
    flag_holder._flag_values.set_default(flag_holder.name, value)


def override_value(flag_holder: FlagHolder, value: Any) -> None:
    """Sets the holder's flag to ``value``, which must already be of the flag's parsed type."""
    flag_values = flag_holder._flag_values
    parsed = flag_values[flag_holder.name]._parse(value)
    if parsed != value:
        raise IllegalFlagValueError(
            f"flag {flag_holder.name}: parsed value {parsed!r} not equal to original {value!r}")
    setattr(flag_values, flag_holder.name, value)


def flag_dict_to_args(flag_map: dict[str, Any],
                      multi_flags: set[str] | None = None) -> Iterator[str]:
    """Yields command-line arguments for ``{name: value}``: ``--name`` for None/True,
    ``--noname`` for False, ``--name=a,b`` for collections (``--name=a --name=b`` for names in
    ``multi_flags``), ``--name=value`` otherwise."""
    for name, value in flag_map.items():
        if value is None or value is True:
            yield f"--{name}"
        elif value is False:
            yield f"--no{name}"
        elif isinstance(value, (str, bytes)):
            yield f"--{name}={value}"
        else:
            try:
                items = list(value)
            except TypeError:
                yield f"--{name}={value}"
                continue
            if multi_flags and name in multi_flags:
                yield from (f"--{name}={item}" for item in items)
            else:
                yield f"--{name}={','.join(str(item) for item in items)}"


def get_help_width() -> int:
    """Columns for help text: the terminal's width when stdout is one (at least 40), else 80."""
    if not sys.stdout.isatty():
        return _DEFAULT_HELP_WIDTH
    try:
        columns = os.get_terminal_size(sys.stdout.fileno()).columns
    except (OSError, ValueError):
        return _DEFAULT_HELP_WIDTH
    if columns >= _MIN_HELP_WIDTH:
        return columns
    return int(os.getenv("COLUMNS", str(_DEFAULT_HELP_WIDTH)))


def _dedent_docstring(doc: str) -> str:
    """PEP 257 trimming: the first line as is, later lines lose their common indentation."""
    lines = doc.expandtabs().splitlines()
    indents = [len(line) - len(line.lstrip()) for line in lines[1:] if line.strip()]
    margin = min(indents) if indents else 0
    trimmed = [lines[0].strip()] + [line[margin:].rstrip() for line in lines[1:]]
    while trimmed and not trimmed[-1]:
        trimmed.pop()
    while trimmed and not trimmed[0]:
        trimmed.pop(0)
    return "\n".join(trimmed)


def doc_to_help(doc: str) -> str:
    """Reformats a ``__doc__`` string as help: trimmed, dedented, and single line breaks between
    words joined (blank lines and indented continuation lines kept)."""
    doc = re.sub(r"^[ \t]+$", "", doc.strip(), flags=re.M)
    doc = _dedent_docstring(doc) if doc else doc
    return re.sub(r"(?<=\S)\n(?=\S)", " ", doc, flags=re.M)
