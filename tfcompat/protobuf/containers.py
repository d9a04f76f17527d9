"""Repeated and map field containers.

They behave like the protobuf runtime's containers: list-like (repeated) or dict-like (map),
with values type-checked on the way in, and every mutation reported to the owning message so a
lazily created sub-message becomes present in its parent (``event.summary.value.add()`` makes
``event.summary`` present).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, MutableMapping, MutableSequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tfcompat.protobuf.message import Field, Message


class _RepeatedContainer(MutableSequence):
    """A repeated field: a list whose elements pass ``_check`` on the way in."""

    __slots__ = ("_owner", "_field", "_items")

    def __init__(self, owner: Message, field: Field) -> None:
        self._owner = owner
        self._field = field
        self._items: list[Any] = []

    def _check(self, value: Any) -> Any:
        raise NotImplementedError

    def __getitem__(self, index: int | slice) -> Any:
        return self._items[index]

    def __delitem__(self, index: int | slice) -> None:
        del self._items[index]
        self._owner._modified()

    def __len__(self) -> int:
        return len(self._items)

    def insert(self, index: int, value: Any) -> None:
        self._items.insert(index, self._check(value))
        self._owner._modified()

    def append(self, value: Any) -> None:
        self._items.append(self._check(value))
        self._owner._modified()

    def extend(self, values: Iterable[Any]) -> None:
        self._items.extend([self._check(v) for v in values])
        self._owner._modified()

    def sort(self, *args: Any, **kwargs: Any) -> None:
        self._items.sort(*args, **kwargs)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, type(self)):
            return self._items == other._items
        if isinstance(other, (list, tuple)):
            return self._items == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(self._items)


class RepeatedScalarContainer(_RepeatedContainer):
    """A repeated scalar field: a checked list."""

    __slots__ = ()

    def _check(self, value: Any) -> Any:
        return self._field.check_scalar(value)

    def __setitem__(self, index: int | slice, value: Any) -> None:
        if isinstance(index, slice):
            self._items[index] = [self._check(v) for v in value]
        else:
            self._items[index] = self._check(value)
        self._owner._modified()


class RepeatedCompositeContainer(_RepeatedContainer):
    """A repeated message field: ``add(**fields)`` builds an element in place."""

    __slots__ = ()

    def add(self, **kwargs: Any) -> Message:
        element = self._field.message_class(**kwargs)
        self._items.append(element)
        self._owner._modified()
        return element

    def _check(self, value: Any) -> Message:
        cls = self._field.message_class
        if isinstance(value, dict):
            return cls(**value)
        if not isinstance(value, cls):
            raise TypeError(
                f"Parameter to MergeFrom() must be instance of same class: expected "
                f"{cls._full_name} got {type(value).__name__}."
            )
        return value._clone()

    def __setitem__(self, index: int | slice, value: Any) -> None:
        raise TypeError("does not support assignment")


class MapContainer(MutableMapping):
    """A map field. For message values, reading a missing key creates the entry (as protobuf)."""

    __slots__ = ("_owner", "_field", "_items")

    def __init__(self, owner: Message, field: Field) -> None:
        self._owner = owner
        self._field = field
        self._items: dict[Any, Any] = {}

    def __getitem__(self, key: Any) -> Any:
        key = self._field.key_field.check_scalar(key)
        try:
            return self._items[key]
        except KeyError:
            if self._field.value_field.message_type is None:
                raise
        value = self._field.value_field.message_class()
        self._items[key] = value
        self._owner._modified()
        return value

    def get_or_create(self, key: Any) -> Any:
        return self[key]

    def get(self, key: Any, default: Any = None) -> Any:
        key = self._field.key_field.check_scalar(key)
        return self._items.get(key, default)

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def __setitem__(self, key: Any, value: Any) -> None:
        key = self._field.key_field.check_scalar(key)
        value_field = self._field.value_field
        if value_field.message_type is None:
            value = value_field.check_scalar(value)
        else:
            copy = value_field.message_class()
            copy.CopyFrom(value)
            value = copy
        self._items[key] = value
        self._owner._modified()

    def __delitem__(self, key: Any) -> None:
        del self._items[key]
        self._owner._modified()

    def __iter__(self) -> Iterator[Any]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, MapContainer):
            return self._items == other._items
        if isinstance(other, dict):
            return self._items == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(self._items)
