"""``tf.io.decode_proto`` / ``encode_proto`` (ops DecodeProtoV2, EncodeProto) for the message
types tfcompat defines (tfcompat/protobuf: the ``tf.train.Example`` family, TensorProto,
TensorShapeProto, GraphDef, Summary, Event...).

TF looks message types up in a descriptor pool (``descriptor_source``); tfcompat has no
descriptor pool, only its own message classes, so it serves ``descriptor_source='local://'``
(TF's default) for those types; another type raises TF's "No descriptor found" error at run
time, and a descriptor file is refused when the op is built. Fields are read and written at
the wire level, as TF does: sub-messages (and map entries) are serialized strings, repeated
scalars are packed when written.
"""

from __future__ import annotations

import importlib
import pkgutil
import struct

import numpy as np

from tfcompat.framework import dtypes, errors, ops
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.shape_errors import ShapeError
from tfcompat.framework.tensor_shape import TensorShape

_LOCAL = ("", "local://")


# ---- message types and field conversion --------------------------------------------------------

def _message_class(message_type: str):
    """The tfcompat message class named ``message_type`` (e.g. 'tensorflow.Example')."""
    from tfcompat import protobuf
    from tfcompat.protobuf import message
    for info in pkgutil.iter_modules(protobuf.__path__):
        if info.name.endswith("_pb2"):
            importlib.import_module(f"tfcompat.protobuf.{info.name}")
    prefix = f"{message.PACKAGE}."
    cls = message._REGISTRY.get(message_type[len(prefix):]) if message_type.startswith(
        prefix) else None
    if cls is None:
        raise errors.InvalidArgumentError(None, None, f"No descriptor found for message type "
                                          f"{message_type}")
    return cls


def _proto_type(field) -> str:
    """The field's protobuf type name: a scalar type, 'enum' or 'message'."""
    from tfcompat.protobuf.message import MapField
    if isinstance(field, MapField) or field.kind is None:
        return "message"
    return "enum" if field.enum is not None else field.type


# Output dtypes each protobuf field type may be read as (TF's conversions).
_ALLOWED = {
    "double": (dtypes.float64,), "float": (dtypes.float32, dtypes.float64),
    "int32": (dtypes.int32, dtypes.int64), "sint32": (dtypes.int32, dtypes.int64),
    "sfixed32": (dtypes.int32, dtypes.int64), "int64": (dtypes.int64,),
    "sint64": (dtypes.int64,), "sfixed64": (dtypes.int64,),
    "uint32": (dtypes.int64, dtypes.int32), "fixed32": (dtypes.int64, dtypes.int32),
    "uint64": (dtypes.int64,), "fixed64": (dtypes.int64,), "bool": (dtypes.bool_,),
    "string": (dtypes.string,), "bytes": (dtypes.string,), "enum": (dtypes.int32,),
    "message": (dtypes.string,),
}
_DT_NAMES = {dtypes.float32: "DT_FLOAT", dtypes.float64: "DT_DOUBLE", dtypes.int32: "DT_INT32",
             dtypes.int64: "DT_INT64", dtypes.bool_: "DT_BOOL", dtypes.string: "DT_STRING"}


def _fields(cls, field_names, types):
    """The fields named ``field_names`` of ``cls``, checked against their output ``types``."""
    fields = []
    for name, dtype in zip(field_names, types):
        field = cls._fields_by_name.get(name)
        if field is None:
            raise errors.InvalidArgumentError(None, None, f"Unknown field: {name} in message "
                                              f"type {cls._full_name}")
        kind = _proto_type(field)
        if dtype not in _ALLOWED[kind]:
            raise errors.InvalidArgumentError(
                None, None, f"Unexpected output type for {field.full_name}: {kind} to "
                f"{_DT_NAMES.get(dtype, dtype.name.upper())}")
        fields.append(field)
    return fields


def _corrupt() -> errors.DataLossError:
    return errors.DataLossError(None, None, "CountFields: Failed to consume entire buffer")


# ---- DecodeProtoV2 -----------------------------------------------------------------------------

def _field_values(field, data: bytes) -> list:
    """Every value of ``field`` in one serialized message, in wire order."""
    from tfcompat.protobuf import wire
    kind = None if _proto_type(field) == "message" else field.kind
    out: list = []
    pos, end = 0, len(data)
    try:
        while pos < end:
            key, pos = wire.decode_varint(data, pos)
            number, wire_type = key >> 3, key & 7
            if number != field.number:
                pos = wire.skip_field(data, pos, wire_type)
                continue
            if kind is None or kind.name in ("string", "bytes"):
                value, pos = wire.decode_length_delimited(data, pos)
                out.append(bytes(value))
            elif wire_type == wire.LENGTH_DELIMITED and kind.packable:
                packed, pos = wire.decode_length_delimited(data, pos)
                at = 0
                while at < len(packed):
                    value, at = kind.decode(packed, at)
                    out.append(value)
            else:
                value, pos = kind.decode(data, pos)
                out.append(value)
    except (wire.DecodeError, IndexError, struct.error):
        raise _corrupt() from None
    if pos != end:
        raise _corrupt()
    return out if field.repeated or not out else out[-1:]


def _to_dtype(values: list, dtype, proto_type: str) -> np.ndarray:
    if dtype is dtypes.string:
        array = np.empty(len(values), dtype=object)
        array[:] = values
        return array
    if dtype is dtypes.int32 and proto_type in ("uint32", "fixed32"):
        return np.asarray(values, dtype=np.uint32).astype(np.int32)
    if dtype is dtypes.int64 and proto_type in ("uint64", "fixed64"):
        return np.asarray(values, dtype=np.uint64).astype(np.int64)
    return np.asarray(values, dtype=dtype.as_numpy_dtype)


def _bind_decode(op, state):
    a = op._attrs
    names, types = list(a["field_names"]), list(a["output_types"])

    def kernel(serialized):
        cls = _message_class(a["message_type"])
        fields = _fields(cls, names, types)
        records = np.asarray(serialized, dtype=object)
        flat = records.reshape(-1)
        decoded = [[_field_values(f, bytes(r)) for f in fields] for r in flat]
        sizes = np.asarray([[len(v) for v in row] for row in decoded],
                           dtype=np.int32).reshape(records.shape + (len(fields),))
        values = []
        for i, (field, dtype) in enumerate(zip(fields, types)):
            width = max([len(row[i]) for row in decoded] + [1])
            kind = _proto_type(field)
            out = np.empty((len(decoded), width), dtype=dtype.as_numpy_dtype)
            out[...] = b"" if dtype is dtypes.string else _default(field)
            for b, row in enumerate(decoded):
                if row[i]:
                    out[b, :len(row[i])] = _to_dtype(row[i], dtype, kind)
            values.append(out.reshape(records.shape + (width,)))
        return (sizes, *values)
    return kernel


def _default(field):
    return 0 if field.kind is None else field.kind.default


def _decode_shape(op):
    batch = op.inputs[0].shape
    n = len(op._attrs["field_names"])
    sizes = batch.concatenate([n]) if batch.ndims is not None else TensorShape(None)
    value = batch.concatenate([None]) if batch.ndims is not None else TensorShape(None)
    return [(dtypes.int32, sizes)] + [(t, value) for t in op._attrs["output_types"]]


register_op("DecodeProtoV2", inputs=("bytes: string",), shape_fn=_decode_shape,
            bind=_bind_decode, foldable=False, grad=NOT_DIFFERENTIABLE,
            attr_defaults={"descriptor_source": "local://", "message_format": "binary",
                           "sanitize": False})


class DecodeProtoV2(tuple):
    """``(sizes, values)`` of ``decode_proto``, as TF's namedtuple."""

    _fields = ("sizes", "values")

    def __new__(cls, sizes, values):
        return super().__new__(cls, (sizes, values))

    @property
    def sizes(self):
        return self[0]

    @property
    def values(self):
        return self[1]

    def __repr__(self) -> str:
        return f"DecodeProtoV2(sizes={self[0]!r}, values={self[1]!r})"


def _check_source(descriptor_source: str) -> None:
    if descriptor_source not in _LOCAL:
        raise NotImplementedError(
            f"tfcompat serves decode_proto/encode_proto for its own message types only "
            f"(descriptor_source='local://'), not descriptor_source={descriptor_source!r}")


def decode_proto(bytes, message_type, field_names, output_types,  # noqa: A002 - TF's name
                 descriptor_source="local://", message_format="binary", sanitize=False,
                 name=None):
    """Extracts ``field_names`` from serialized ``message_type`` protos: ``sizes`` (int32,
    ``bytes.shape + [len(field_names)]``) and one value tensor per field, padded to the
    largest count in the batch (at least 1)."""
    _check_source(descriptor_source)
    if message_format != "binary":
        raise NotImplementedError(f"decode_proto(message_format={message_format!r}): tfcompat "
                                  "has no text-format protobuf parser; only 'binary' is "
                                  "supported")
    out = ops.apply_op("DecodeProtoV2", [bytes], name=name or "DecodeProtoV2", attrs={
        "message_type": message_type, "field_names": list(field_names),
        "output_types": [dtypes.as_dtype(t) for t in output_types],
        "descriptor_source": descriptor_source, "message_format": message_format,
        "sanitize": sanitize})
    return DecodeProtoV2(out[0], list(out[1:]))


# ---- EncodeProto -------------------------------------------------------------------------------

def _encode_values(field, values) -> bytes:
    from tfcompat.protobuf import wire
    kind = None if _proto_type(field) == "message" else field.kind
    tag = wire.encode_tag
    if kind is None or kind.name in ("string", "bytes"):
        return b"".join(tag(field.number, wire.LENGTH_DELIMITED) + wire.encode_varint(len(v))
                        + bytes(v) for v in values)
    converted = [_from_numpy(v, kind.name) for v in values]
    if field.repeated and kind.packable:
        payload = b"".join(kind.encode(v) for v in converted)
        return tag(field.number, wire.LENGTH_DELIMITED) + wire.encode_varint(len(payload)) + \
            payload
    return b"".join(tag(field.number, kind.wire_type) + kind.encode(v) for v in converted)


def _from_numpy(value, proto_type: str):
    if proto_type in ("float", "double"):
        return float(value)
    if proto_type == "bool":
        return bool(value)
    value = int(value)
    if proto_type in ("uint32", "fixed32"):
        return value & 0xFFFFFFFF
    if proto_type in ("uint64", "fixed64"):
        return value & 0xFFFFFFFFFFFFFFFF
    return value


def _bind_encode(op, state):
    a = op._attrs
    names = list(a["field_names"])

    def kernel(sizes, *values):
        cls = _message_class(a["message_type"])
        fields = _fields(cls, names, a["Tinput_types"])
        sizes = np.asarray(sizes)
        batch_shape = sizes.shape[:-1]
        flat_sizes = sizes.reshape(-1, len(fields))
        flat_values = [np.asarray(v).reshape(len(flat_sizes), -1) if np.asarray(v).shape[:-1]
                       == batch_shape else None for v in values]
        if any(v is None for v in flat_values):
            raise errors.InvalidArgumentError(
                None, None, "sizes should be batch_size + [len(field_names)] and values "
                "should be batch_size + [max repeated field count]")
        order = sorted(range(len(fields)), key=lambda i: fields[i].number)
        out = np.empty(len(flat_sizes), dtype=object)
        for m in range(len(flat_sizes)):
            parts = []
            for i in order:
                count = int(flat_sizes[m, i])
                if count > flat_values[i].shape[1]:
                    raise errors.InvalidArgumentError(
                        None, None, f"Size to write must not be larger than value tensor; "
                        f"but saw: {count} > {flat_values[i].shape[1]} at message {m} field "
                        f"{i}")
                parts.append(_encode_values(fields[i], flat_values[i][m, :count]))
            out[m] = b"".join(parts)
        return out.reshape(batch_shape)
    return kernel


def _encode_shape(op):
    sizes = op.inputs[0].shape
    for t in op.inputs:
        if t.shape.ndims is not None and t.shape.ndims < (1 if t is op.inputs[0] else 2):
            raise ShapeError(f"Shape must be at least rank {1 if t is op.inputs[0] else 2} "
                             f"but is rank {t.shape.ndims}")
    return [(dtypes.string, sizes[:-1] if sizes.ndims is not None else TensorShape(None))]


register_op("EncodeProto", inputs=("sizes: int32", "values: list(Tinput_types)"),
            shape_fn=_encode_shape, bind=_bind_encode, foldable=False, grad=NOT_DIFFERENTIABLE,
            attr_defaults={"descriptor_source": "local://"})


def encode_proto(sizes, values, field_names, message_type, descriptor_source="local://",
                 name=None):
    """Serializes ``message_type`` protos whose field ``field_names[i]`` holds the first
    ``sizes[..., i]`` entries of ``values[i]``; the output has ``sizes``' batch shape."""
    _check_source(descriptor_source)
    return ops.apply_op("EncodeProto", [sizes, list(values)], name=name or "EncodeProto",
                        attrs={"field_names": list(field_names), "message_type": message_type,
                               "descriptor_source": descriptor_source})
