"""Serializers: how a flag value is written back as command-line text (absl's classes)."""

from __future__ import annotations

import csv
import enum
import io
from typing import Any


class ArgumentSerializer:
    """Writes a value as ``str(value)``."""

    def serialize(self, value: Any) -> str:
        return str(value)


class ListSerializer(ArgumentSerializer):
    """Joins list items with ``list_sep``."""

    def __init__(self, list_sep: str) -> None:
        self.list_sep = list_sep

    def serialize(self, value: Any) -> str:
        return self.list_sep.join(str(item) for item in value)


class CsvListSerializer(ListSerializer):
    """Writes list items as one CSV row, quoting items that contain the separator."""

    def serialize(self, value: Any) -> str:
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=self.list_sep, lineterminator="").writerow(
            [str(item) for item in value])
        return buffer.getvalue()


class EnumClassSerializer(ArgumentSerializer):
    """Writes an Enum member by its name (lower-cased with ``lowercase``)."""

    def __init__(self, lowercase: bool) -> None:
        self._lowercase = lowercase

    def serialize(self, value: enum.Enum) -> str:
        name = value.name
        return name.lower() if self._lowercase else name


class EnumClassListSerializer(ListSerializer):
    """Writes a list of Enum members by name, joined with ``list_sep``."""

    def __init__(self, list_sep: str, **kwargs) -> None:
        super().__init__(list_sep)
        self._element_serializer = EnumClassSerializer(**kwargs)

    def serialize(self, value: Any) -> str:
        if isinstance(value, list):
            return self.list_sep.join(self._element_serializer.serialize(x) for x in value)
        return self._element_serializer.serialize(value)
