"""Flags holding several values or Enum members, and aliases (absl's MultiFlag, EnumClassFlag,
MultiEnumClassFlag, DEFINE_multi_*, DEFINE_enum_class, DEFINE_spaceseplist, DEFINE_alias)."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from typing import Any

from tfcompat.platform.flags.define import DEFINE, DEFINE_flag
from tfcompat.platform.flags.errors import UnrecognizedFlagError
from tfcompat.platform.flags.flag import Flag, FlagHolder, _calling_module
from tfcompat.platform.flags.list_parsers import EnumClassParser, WhitespaceSeparatedListParser
from tfcompat.platform.flags.parsers import ArgumentParser, EnumParser, FloatParser, IntegerParser
from tfcompat.platform.flags.registry import FLAGS, FlagValues
from tfcompat.platform.flags.serializers import (
    ArgumentSerializer,
    EnumClassListSerializer,
    EnumClassSerializer,
    ListSerializer,
)

_REPEAT_HELP = ";\n    repeat this option to specify a list of values"


class MultiFlag(Flag):
    """A flag that may be given several times; its value is the list of all occurrences."""

    def __init__(self, parser: ArgumentParser, serializer: ArgumentSerializer | None, name: str,
                 default: Any, help_string: str | None, **kwargs) -> None:
        self._serializer_object = serializer or ArgumentSerializer()
        super().__init__(parser, name, default, (help_string or "") + _REPEAT_HELP,
                         serializer=self._serializer_object.serialize, **kwargs)

    def _parse(self, arguments: Any) -> list | None:
        if arguments is None:
            return None
        if isinstance(arguments, str) or not isinstance(arguments, Iterable):
            arguments = [arguments]
        return [super(MultiFlag, self)._parse(item) for item in arguments]

    def parse(self, arguments: Any) -> None:
        """Adds the occurrence(s) in ``arguments`` to the values given so far."""
        new_values = self._parse(arguments)
        if self.present:
            self.value.extend(new_values)
        else:
            self.value = new_values
        self.using_default_value = False
        self.present += len(new_values)

    def _value_as_str(self, value: Any) -> str | None:
        if value is None:
            return None
        return repr(ListSerializer(",").serialize(
            [self._serializer_object.serialize(item) for item in value]))

    def serialize(self) -> str:
        """One ``--name=value`` line per value."""
        if not self.value:
            return ""
        return "\n".join(f"--{self.name}={self._serializer_object.serialize(item)}"
                        for item in self.value)

    def flag_type(self) -> str:
        return "multi " + self.parser.flag_type()


class EnumClassFlag(Flag):
    """A flag whose value is a member of ``enum_class``, given by name."""

    def __init__(self, name: str, default: Any, help: str | None,
                 enum_class: type[enum.Enum], short_name: str | None = None,
                 case_sensitive: bool = False, **args) -> None:
        parser = EnumClassParser(enum_class, case_sensitive)
        serializer = EnumClassSerializer(lowercase=not case_sensitive)
        shown = "|".join(parser._member_names)
        super().__init__(parser, name, default, f"<{shown}>: {help}", short_name,
                         serializer=serializer.serialize, **args)


class MultiEnumClassFlag(MultiFlag):
    """A repeatable flag whose values are members of ``enum_class``."""

    def __init__(self, name: str, default: Any, help_string: str, enum_class: type[enum.Enum],
                 case_sensitive: bool = False, **args) -> None:
        parser = EnumClassParser(enum_class, case_sensitive)
        serializer = EnumClassListSerializer(",", lowercase=not case_sensitive)
        shown = "|".join(parser._member_names)
        super().__init__(parser, serializer, name, default,
                         f"<{shown}>: {help_string or '(no help available)'}", **args)
        self._serializer_object = EnumClassSerializer(lowercase=not case_sensitive)


def DEFINE_multi(parser: ArgumentParser, serializer: ArgumentSerializer | None, name: str,
                 default: Any, help: str | None, flag_values: FlagValues = FLAGS,
                 module_name: str | None = None, required: bool = False, **args) -> FlagHolder:
    """Defines a repeatable flag parsed by ``parser``."""
    return DEFINE_flag(MultiFlag(parser, serializer, name, default, help, **args), flag_values,
                       module_name or _calling_module(), required)


def DEFINE_multi_string(name, default, help, flag_values=FLAGS, required=False, **args):
    """Defines a repeatable string flag: ``--name=a --name=b`` gives ``['a', 'b']``."""
    return DEFINE_multi(ArgumentParser(), ArgumentSerializer(), name, default, help, flag_values,
                        required=required, **args)


def DEFINE_multi_integer(name, default, help, lower_bound=None, upper_bound=None,
                         flag_values=FLAGS, required=False, **args):
    """Defines a repeatable integer flag, each value within [lower_bound, upper_bound]."""
    return DEFINE_multi(IntegerParser(lower_bound, upper_bound), ArgumentSerializer(), name,
                        default, help, flag_values, required=required, **args)


def DEFINE_multi_float(name, default, help, lower_bound=None, upper_bound=None,
                       flag_values=FLAGS, required=False, **args):
    """Defines a repeatable float flag, each value within [lower_bound, upper_bound]."""
    return DEFINE_multi(FloatParser(lower_bound, upper_bound), ArgumentSerializer(), name,
                        default, help, flag_values, required=required, **args)


def DEFINE_multi_enum(name, default, enum_values, help, flag_values=FLAGS, case_sensitive=True,
                      required=False, **args):
    """Defines a repeatable flag whose values must be in ``enum_values``."""
    parser = EnumParser(enum_values, case_sensitive)
    help_string = f"<{'|'.join(parser.enum_values)}>: {help}"
    return DEFINE_multi(parser, ArgumentSerializer(), name, default, help_string, flag_values,
                        required=required, **args)


def DEFINE_multi_enum_class(name, default, enum_class, help, flag_values=FLAGS,
                            module_name=None, case_sensitive=False, required=False, **args):
    """Defines a repeatable flag whose values are members of ``enum_class``."""
    flag = MultiEnumClassFlag(name, default, help, enum_class, case_sensitive, **args)
    return DEFINE_flag(flag, flag_values, module_name or _calling_module(), required)


def DEFINE_enum_class(name, default, enum_class, help, flag_values=FLAGS, module_name=None,
                      case_sensitive=False, required=False, **args):
    """Defines a flag whose value is a member of ``enum_class`` (given by member name)."""
    flag = EnumClassFlag(name, default, help, enum_class, case_sensitive=case_sensitive, **args)
    return DEFINE_flag(flag, flag_values, module_name or _calling_module(), required)


def DEFINE_spaceseplist(name, default, help, comma_compat=False, flag_values=FLAGS,
                        required=False, **args):
    """Defines a flag whose value is a whitespace-separated list of strings."""
    parser = WhitespaceSeparatedListParser(comma_compat=comma_compat)
    return DEFINE(parser, name, default, help, flag_values,
                  serializer=ListSerializer(" ").serialize, required=required, **args)


class _AliasFlag(Flag):
    """Another name for a flag: parsing or setting it changes the original."""

    def __init__(self, name: str, original: Flag) -> None:
        # Not Flag.__init__: that would reset the original's value to the alias's default.
        self.name = name
        self.original = original
        self.parser = original.parser
        self.help = f"Alias for --{original.name}."
        self.short_name = None
        self.boolean = original.boolean
        self.serializer = original.serializer
        self.allow_override = False
        self.validators = []
        self.default_as_str = None

    value = property(lambda self: self.original.value,
                     lambda self, value: setattr(self.original, "value", value))
    default = property(lambda self: self.original.default)
    present = property(lambda self: self.original.present)
    using_default_value = property(
        lambda self: self.original.using_default_value,
        lambda self, value: setattr(self.original, "using_default_value", value))

    def parse(self, argument: Any) -> None:
        self.original.parse(argument)

    def unparse(self) -> None:
        self.original.unparse()

    def serialize(self) -> str:
        return self.original.serialize().replace(f"--{self.original.name}", f"--{self.name}", 1)

    def flag_type(self) -> str:
        return self.original.flag_type()


def DEFINE_alias(name: str, original_name: str, flag_values: FlagValues = FLAGS,
                 module_name: str | None = None) -> FlagHolder:
    """Defines ``name`` as another name for the defined flag ``original_name``."""
    if original_name not in flag_values:
        raise UnrecognizedFlagError(original_name)
    return DEFINE_flag(_AliasFlag(name, flag_values[original_name]), flag_values,
                       module_name or _calling_module())


__all__: Sequence[str] = [
    "MultiFlag", "EnumClassFlag", "MultiEnumClassFlag", "DEFINE_multi", "DEFINE_multi_string",
    "DEFINE_multi_integer", "DEFINE_multi_float", "DEFINE_multi_enum", "DEFINE_multi_enum_class",
    "DEFINE_enum_class", "DEFINE_spaceseplist", "DEFINE_alias",
]
