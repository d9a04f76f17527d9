"""The DEFINE_* functions, validators and required/exclusive marks, as TF1 scripts call them."""

from __future__ import annotations

import logging
import warnings
from collections.abc import Callable, Sequence
from typing import Any

from tfcompat.platform.flags.flag import (
    BooleanFlag,
    EnumFlag,
    Flag,
    FlagHolder,
    _calling_module,
    _Validator,
)
from tfcompat.platform.flags.parsers import (
    ArgumentParser,
    FloatParser,
    IntegerParser,
    ListParser,
    _serialize_list,
)
from tfcompat.platform.flags.registry import FLAGS, FlagValues

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
