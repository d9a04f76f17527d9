"""FlagValues, the registry of defined flags that parses argv, and the global FLAGS."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from typing import Any

from tfcompat.platform.flags.errors import (
    DuplicateFlagError,
    Error,
    IllegalFlagValueError,
    UnparsedFlagAccessError,
    UnrecognizedFlagError,
)
from tfcompat.platform.flags.flag import Flag, _flag_help, _suggestions, _Validator


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
