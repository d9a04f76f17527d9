"""A small declarative protobuf message runtime (proto3 semantics, no code generation).

A message class lists its fields as class attributes::

    class HistogramProto(Message):
        min = Field(1, "double")
        bucket_limit = Field(6, "double", repeated=True)   # packed, as proto3

    class Summary(Message):
        value = Field(1, "Summary.Value", repeated=True)    # message types by qualified name

Instances behave like the protobuf runtime's: keyword constructors, scalar fields with proto3
implicit presence, sub-messages created on first access and made present by the first write,
oneofs, repeated and map containers, ``SerializeToString``/``FromString``/``ParseFromString``,
``MergeFrom``/``CopyFrom``, equality, and ``str``/``repr`` in protobuf text format. Unknown
fields survive a parse/serialize round trip, so messages written by newer TensorFlow versions
are kept intact.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from tfcompat.protobuf import scalars, wire
from tfcompat.protobuf.containers import (
    MapContainer,
    RepeatedCompositeContainer,
    RepeatedScalarContainer,
)

PACKAGE = "tensorflow"

_REGISTRY: dict[str, type[Message]] = {}


class EnumType:
    """A protobuf enum: ``Name(number)``, ``Value(name)`` and each label as an attribute."""

    def __init__(self, name: str, values: Iterable[tuple[str, int]]) -> None:
        self.name = name
        self._by_name = dict(values)
        self._by_number: dict[int, str] = {}
        for label, number in self._by_name.items():
            self._by_number.setdefault(number, label)

    def Name(self, number: int) -> str:  # noqa: N802 - protobuf's API
        try:
            return self._by_number[number]
        except KeyError:
            raise ValueError(f"Enum {self.name} has no name defined for value {number!r}") from None

    def Value(self, name: str) -> int:  # noqa: N802 - protobuf's API
        try:
            return self._by_name[name]
        except KeyError:
            raise ValueError(f"Enum {self.name} has no value defined for name {name!r}") from None

    def keys(self) -> list[str]:
        return list(self._by_name)

    def values(self) -> list[int]:
        return list(self._by_name.values())

    def items(self) -> list[tuple[str, int]]:
        return list(self._by_name.items())

    def __getattr__(self, name: str) -> int:
        try:
            return self.__dict__["_by_name"][name]
        except KeyError:
            raise AttributeError(name) from None

    def __repr__(self) -> str:
        return f"<EnumType {self.name}>"


class Field:
    """One field of a message, used as a class attribute (a data descriptor).

    ``type`` is a scalar kind (``"double"``, ``"int64"``, ``"string"``, ``"enum"``, ...) or the
    qualified class name of a message type (``"Summary.Value"``), resolved lazily so messages
    may refer to types defined later.
    """

    def __init__(
        self,
        number: int,
        type: str,
        *,
        repeated: bool = False,
        oneof: str | None = None,
        enum: EnumType | None = None,
        packed: bool | None = None,
    ) -> None:
        self.number = number
        self.type = type
        self.repeated = repeated
        self.oneof = oneof
        self.enum = enum
        self.kind = scalars.KINDS.get(type)
        self.message_type = None if self.kind is not None else type
        self.packed = (
            repeated and self.kind is not None and self.kind.packable
            if packed is None
            else packed
        )
        self.name = ""
        self.full_name = ""
        self._message_class: type[Message] | None = None
        if self.kind is not None:
            self.tag = wire.encode_tag(number, wire.LENGTH_DELIMITED if self.packed
                                       else self.kind.wire_type)
        else:
            self.tag = wire.encode_tag(number, wire.LENGTH_DELIMITED)

    # -- descriptor protocol -------------------------------------------------------------
    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: Message | None, owner: type) -> Any:
        if obj is None:
            return self
        values = obj._values
        try:
            return values[self.name]
        except KeyError:
            pass
        if self.repeated:
            container = self.new_container(obj)
            values[self.name] = container
            return container
        if self.kind is not None:
            return self.kind.default
        lazy = obj._lazy.get(self.name)
        if lazy is None:
            lazy = self.message_class()
            object.__setattr__(lazy, "_parent", (obj, self))
            obj._lazy[self.name] = lazy
        return lazy

    def __set__(self, obj: Message, value: Any) -> None:
        if self.repeated:
            raise AttributeError(
                f'Assignment not allowed to repeated field "{self.name}" in protocol message '
                "object."
            )
        if self.kind is None:
            raise AttributeError(
                f'Assignment not allowed to message field "{self.name}" in protocol message '
                "object."
            )
        obj._set_value(self, self.check_scalar(value))

    # -- helpers -------------------------------------------------------------------------
    @property
    def message_class(self) -> type[Message]:
        if self._message_class is None:
            self._message_class = _REGISTRY[self.message_type]
        return self._message_class

    def check_scalar(self, value: Any) -> Any:
        if self.enum is not None and isinstance(value, str):
            return self.enum.Value(value)
        return self.kind.check(value, self.full_name)

    def new_container(self, owner: Message) -> Any:
        if self.kind is not None:
            return RepeatedScalarContainer(owner, self)
        return RepeatedCompositeContainer(owner, self)

    def encode(self, value: Any, deterministic: bool) -> bytes:
        """This field's bytes (tags included) for ``value``; ``b""`` when nothing is written."""
        kind = self.kind
        if self.repeated:
            if not value:
                return b""
            items = value._items
            if kind is None:
                tag = self.tag
                return b"".join(
                    tag + _length_prefixed(item._serialize(deterministic)) for item in items
                )
            if self.packed:
                if self.type == "double":
                    payload = wire.pack_doubles(items)
                elif self.type == "float":
                    payload = wire.pack_floats(items)
                else:
                    payload = b"".join(kind.encode(v) for v in items)
                return self.tag + wire.encode_varint(len(payload)) + payload
            tag = self.tag
            return b"".join(tag + kind.encode(v) for v in items)
        if kind is None:
            return self.tag + _length_prefixed(value._serialize(deterministic))
        return self.tag + kind.encode(value)

    def decode_into(self, msg: Message, buf: bytes, pos: int, wire_type: int) -> int | None:
        """Decodes one occurrence of this field into ``msg``; None when the wire type is wrong."""
        kind = self.kind
        if kind is None:
            if wire_type != wire.LENGTH_DELIMITED:
                return None
            length, pos = wire.decode_varint(buf, pos)
            end = pos + length
            if end > len(buf):
                raise wire.DecodeError("Truncated message.")
            if self.repeated:
                element = self.message_class()
                element._merge_from(buf, pos, end)
                self.__get__(msg, type(msg))._items.append(element)
            else:
                sub = msg._values.get(self.name)
                if sub is None:
                    sub = self.message_class()
                    msg._set_value(self, sub)
                sub._merge_from(buf, pos, end)
            return end
        if self.repeated:
            items = self.__get__(msg, type(msg))._items
            if wire_type == wire.LENGTH_DELIMITED and kind.packable:
                data, pos = wire.decode_length_delimited(buf, pos)
                if self.type == "double":
                    items.extend(wire.unpack_doubles(data))
                elif self.type == "float":
                    items.extend(wire.unpack_floats(data))
                else:
                    sub = 0
                    while sub < len(data):
                        value, sub = kind.decode(data, sub)
                        items.append(value)
                return pos
            if wire_type != kind.wire_type:
                return None
            value, pos = kind.decode(buf, pos)
            items.append(value)
            return pos
        if wire_type != kind.wire_type:
            return None
        value, pos = kind.decode(buf, pos)
        msg._set_value(self, value)
        return pos


class MapField(Field):
    """A ``map<key, value>`` field: on the wire, repeated entries with key = 1 and value = 2."""

    def __init__(self, number: int, key_type: str, value_type: str) -> None:
        super().__init__(number, value_type, repeated=True, packed=False)
        self.key_field = Field(1, key_type)
        self.key_field.name = "key"
        self.value_field = Field(2, value_type)
        self.value_field.name = "value"

    def new_container(self, owner: Message) -> Any:
        return MapContainer(owner, self)

    def encode(self, value: Any, deterministic: bool) -> bytes:
        if not value:
            return b""
        key_field, value_field = self.key_field, self.value_field
        items = value._items
        # Entries in key order: the protobuf runtime's deterministic serialization.
        parts = []
        for key in sorted(items):
            entry = key_field.encode(key, deterministic) + value_field.encode(
                items[key], deterministic
            )
            parts.append(self.tag + _length_prefixed(entry))
        return b"".join(parts)

    def decode_into(self, msg: Message, buf: bytes, pos: int, wire_type: int) -> int | None:
        if wire_type != wire.LENGTH_DELIMITED:
            return None
        length, pos = wire.decode_varint(buf, pos)
        end = pos + length
        if end > len(buf):
            raise wire.DecodeError("Truncated message.")
        key_field, value_field = self.key_field, self.value_field
        key = key_field.kind.default
        value = None
        sub = pos
        while sub < end:
            tag, sub = wire.decode_varint(buf, sub)
            number, wt = tag >> 3, tag & 7
            if number == 1 and wt == key_field.kind.wire_type:
                key, sub = key_field.kind.decode(buf, sub)
            elif number == 2 and value_field.kind is None and wt == wire.LENGTH_DELIMITED:
                length, sub = wire.decode_varint(buf, sub)
                value = value_field.message_class()
                value._merge_from(buf, sub, sub + length)
                sub += length
            elif number == 2 and value_field.kind is not None and wt == value_field.kind.wire_type:
                value, sub = value_field.kind.decode(buf, sub)
            else:
                sub = wire.skip_field(buf, sub, wt)
        if value is None:
            value = (
                value_field.message_class()
                if value_field.kind is None
                else value_field.kind.default
            )
        self.__get__(msg, type(msg))._items[key] = value
        return end


def _check_class(value: Any, cls: type[Message], method: str) -> None:
    if not isinstance(value, cls):
        raise TypeError(
            f"Parameter to {method}() must be instance of same class: expected "
            f"{cls._full_name} got {type(value).__name__}."
        )


def _clone_value(field: Field, value: Any, owner: Message) -> Any:
    """A deep copy of one stored field value, with containers owned by ``owner``."""
    if field.repeated:
        container = field.new_container(owner)
        if isinstance(field, MapField):
            is_message = field.value_field.message_type is not None
            container._items = {k: (v._clone() if is_message else v)
                                for k, v in value._items.items()}
        elif field.kind is None:
            container._items = [item._clone() for item in value._items]
        else:
            container._items = list(value._items)
        return container
    if field.kind is None:
        return value._clone()
    return value


def _length_prefixed(payload: bytes) -> bytes:
    return wire.encode_varint(len(payload)) + payload


class Message:
    """Base class of all messages. Subclasses declare ``Field`` class attributes."""

    __slots__ = ("_values", "_lazy", "_parent", "_unknown")

    _full_name: ClassVar[str] = ""
    _fields_by_name: ClassVar[dict[str, Field]] = {}
    _fields_by_number: ClassVar[dict[int, Field]] = {}
    _sorted_fields: ClassVar[tuple[Field, ...]] = ()
    _oneofs: ClassVar[dict[str, tuple[Field, ...]]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._full_name = f"{PACKAGE}.{cls.__qualname__}"
        fields = [v for v in vars(cls).values() if isinstance(v, Field)]
        for field in fields:
            field.full_name = f"{cls._full_name}.{field.name}"
        for value in list(vars(cls).values()):
            if isinstance(value, EnumType):  # protobuf exposes nested enum labels on the class
                for label, number in value.items():
                    setattr(cls, label, number)
        cls._fields_by_name = {f.name: f for f in fields}
        cls._fields_by_number = {f.number: f for f in fields}
        cls._sorted_fields = tuple(sorted(fields, key=lambda f: f.number))
        oneofs: dict[str, list[Field]] = {}
        for field in cls._sorted_fields:
            if field.oneof:
                oneofs.setdefault(field.oneof, []).append(field)
        cls._oneofs = {k: tuple(v) for k, v in oneofs.items()}
        _REGISTRY[cls.__qualname__] = cls

    def __init__(self, **kwargs: Any) -> None:
        object.__setattr__(self, "_values", {})
        object.__setattr__(self, "_lazy", {})
        object.__setattr__(self, "_parent", None)
        object.__setattr__(self, "_unknown", b"")
        for name, value in kwargs.items():
            field = self._fields_by_name.get(name)
            if field is None:
                raise ValueError(f'Protocol message {type(self).__name__} has no "{name}" field.')
            if value is None:
                continue
            if isinstance(field, MapField):
                container = field.__get__(self, type(self))
                for key, item in value.items():
                    container[key] = item
            elif field.repeated:
                field.__get__(self, type(self)).extend(value)
            elif field.kind is None:
                if isinstance(value, dict):
                    self._set_value(field, field.message_class(**value))
                else:
                    _check_class(value, field.message_class, "MergeFrom")
                    self._set_value(field, value._clone())
            else:
                field.__set__(self, value)

    # -- presence bookkeeping ------------------------------------------------------------
    def __setattr__(self, name: str, value: Any) -> None:
        if name not in self._fields_by_name:
            raise AttributeError(f'Protocol message {type(self).__name__} has no "{name}" field.')
        object.__setattr__(self, name, value)

    def _set_value(self, field: Field, value: Any) -> None:
        if field.oneof:
            for other in self._oneofs[field.oneof]:
                if other is not field:
                    self._values.pop(other.name, None)
                    self._lazy.pop(other.name, None)
        self._values[field.name] = value
        self._modified()

    def _modified(self) -> None:
        """Called after every write: makes a lazily created sub-message present in its parent."""
        parent = self._parent
        if parent is not None:
            owner, field = parent
            object.__setattr__(self, "_parent", None)
            owner._lazy.pop(field.name, None)
            owner._set_value(field, self)

    # -- protobuf Message API ------------------------------------------------------------
    def HasField(self, field_name: str) -> bool:  # noqa: N802 - protobuf's API
        if field_name in self._oneofs:
            return self.WhichOneof(field_name) is not None
        field = self._fields_by_name.get(field_name)
        if field is None:
            raise ValueError(
                f'Protocol message {type(self).__name__} has no "{field_name}" field.'
            )
        if field.repeated:
            raise ValueError(f'Field {field.full_name} is repeated; cannot test presence.')
        if field.kind is not None and not field.oneof:
            raise ValueError(f"Field {field.full_name} does not have presence.")
        return field_name in self._values

    def WhichOneof(self, oneof_group: str) -> str | None:  # noqa: N802 - protobuf's API
        members = self._oneofs.get(oneof_group)
        if members is None:
            raise ValueError(
                f'Protocol message {type(self).__name__} has no "{oneof_group}" field.'
            )
        for field in members:
            if field.name in self._values:
                return field.name
        return None

    def ClearField(self, field_name: str) -> None:  # noqa: N802 - protobuf's API
        members = self._oneofs.get(field_name)
        if members is None:
            field = self._fields_by_name.get(field_name)
            if field is None:
                raise ValueError(
                    f'Protocol message {type(self).__name__} has no "{field_name}" field.'
                )
            members = (field,)
        for field in members:
            self._values.pop(field.name, None)
            self._lazy.pop(field.name, None)

    def Clear(self) -> None:  # noqa: N802 - protobuf's API
        self._values.clear()
        self._lazy.clear()
        object.__setattr__(self, "_unknown", b"")

    def SetInParent(self) -> None:  # noqa: N802 - protobuf's API
        self._modified()

    def ListFields(self) -> list[tuple[Field, Any]]:  # noqa: N802 - protobuf's API
        """(field, value) for every set field, in field-number order."""
        listed = []
        for field in self._sorted_fields:
            if field.name not in self._values:
                continue
            value = self._values[field.name]
            if field.repeated:
                if not value:
                    continue
            elif field.kind is not None and not field.oneof and scalars.is_default(value):
                continue
            listed.append((field, value))
        return listed

    def _serialize(self, deterministic: bool = False) -> bytes:
        parts = []
        values = self._values
        for field in self._sorted_fields:
            try:
                value = values[field.name]
            except KeyError:
                continue
            if field.kind is not None and not field.repeated and not field.oneof:
                if scalars.is_default(value):
                    continue
            parts.append(field.encode(value, deterministic))
        if self._unknown:
            parts.append(self._unknown)
        return b"".join(parts)

    def SerializeToString(self, deterministic: bool | None = None) -> bytes:  # noqa: N802
        """The message in protobuf wire format."""
        return self._serialize(bool(deterministic))

    SerializePartialToString = SerializeToString

    def ByteSize(self) -> int:  # noqa: N802 - protobuf's API
        return len(self._serialize())

    def IsInitialized(self) -> bool:  # noqa: N802 - proto3 has no required fields
        return True

    def _merge_from(self, buf: bytes, pos: int, end: int) -> None:
        by_number = self._fields_by_number
        unknown = []
        while pos < end:
            start = pos
            tag, pos = wire.decode_varint(buf, pos)
            number, wire_type = tag >> 3, tag & 7
            if number == 0:
                raise wire.DecodeError("Error parsing message: field number 0.")
            field = by_number.get(number)
            new_pos = None if field is None else field.decode_into(self, buf, pos, wire_type)
            if new_pos is None:
                new_pos = wire.skip_field(buf, pos, wire_type)
                unknown.append(bytes(buf[start:new_pos]))
            pos = new_pos
        if pos != end:
            raise wire.DecodeError("Truncated message.")
        if unknown:
            object.__setattr__(self, "_unknown", self._unknown + b"".join(unknown))
        self._modified()

    def MergeFromString(self, serialized: bytes) -> int:  # noqa: N802 - protobuf's API
        data = bytes(serialized)
        try:
            self._merge_from(data, 0, len(data))
        except wire.DecodeError:
            raise wire.DecodeError(
                f"Error parsing message with type '{self._full_name}': Wire format was corrupt"
            ) from None
        return len(data)

    def ParseFromString(self, serialized: bytes) -> int:  # noqa: N802 - protobuf's API
        self.Clear()
        return self.MergeFromString(serialized)

    @classmethod
    def FromString(cls, serialized: bytes) -> Message:  # noqa: N802 - protobuf's API
        msg = cls()
        msg.MergeFromString(serialized)
        return msg

    def MergeFrom(self, other: Message) -> None:  # noqa: N802 - protobuf's API
        _check_class(other, type(self), "MergeFrom")
        self.MergeFromString(other._serialize())

    def CopyFrom(self, other: Message) -> None:  # noqa: N802 - protobuf's API
        if other is self:
            return
        _check_class(other, type(self), "CopyFrom")
        self.Clear()
        for name, value in other._values.items():
            self._values[name] = _clone_value(self._fields_by_name[name], value, self)
        object.__setattr__(self, "_unknown", other._unknown)
        self._modified()

    def _clone(self) -> Message:
        """A deep copy (cheaper than a serialize/parse round trip)."""
        new = type(self)()
        new.CopyFrom(self)
        return new

    # -- Python protocol -----------------------------------------------------------------
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Message):
            return NotImplemented
        return type(self) is type(other) and self._serialize(True) == other._serialize(True)

    __hash__ = None  # type: ignore[assignment]

    def __str__(self) -> str:
        from tfcompat.protobuf.text_format import message_to_string  # cycle: it formats Messages

        return message_to_string(self)

    __repr__ = __str__

    def __reduce__(self) -> tuple[Any, tuple[bytes]]:
        return type(self).FromString, (self._serialize(),)

    def __deepcopy__(self, memo: dict[int, Any]) -> Message:
        return type(self).FromString(self._serialize())
