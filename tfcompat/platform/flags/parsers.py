"""Argument parsers: how a flag's text becomes a value (absl's ArgumentParser family)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any


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
