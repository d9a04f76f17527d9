"""Byte-level ops on records: ``decode_raw``, ``decode_compressed``, ``encode/decode_base64``,
``serialize_tensor``/``parse_tensor``, ``read_file``/``write_file``."""

from __future__ import annotations

import base64
import binascii
import os
import zlib

import numpy as np

from tfcompat.framework import dtypes, errors
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import apply_op
from tfcompat.framework.tensor_protos import tensor_proto
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape
from tfcompat.ops.string_ops import as_bytes_array
from tfcompat.protobuf.tensor_pb2 import TensorProto

_RAW_TYPES = (dtypes.float16, dtypes.float32, dtypes.float64, dtypes.int32, dtypes.uint16,
              dtypes.uint8, dtypes.int16, dtypes.int8, dtypes.int64, dtypes.complex64,
              dtypes.complex128, dtypes.bool_, dtypes.bfloat16, dtypes.uint32, dtypes.uint64)


def _scalar_bytes(value: bytes) -> np.ndarray:
    out = np.empty((), dtype=object)
    out[()] = value
    return out


# ---- decode_raw -------------------------------------------------------------------------------

def _bind_decode_raw(op, state):
    out_type = op._attrs["out_type"]
    little = op._attrs["little_endian"]
    np_type = np.dtype(out_type.as_numpy_dtype).newbyteorder("<" if little else ">")

    def kernel(value):
        items = as_bytes_array(value)
        flat = items.reshape(-1)
        width = np_type.itemsize
        lengths = {len(b) for b in flat}
        if flat.size and len(lengths) > 1:
            first = len(flat[0])
            other = next(i for i, b in enumerate(flat) if len(b) != first)
            raise errors.InvalidArgumentError(
                None, None, f"DecodeRaw requires input strings to all be the same size, but "
                f"element {other} has size {len(flat[other])} != {first}")
        size = lengths.pop() if lengths else 0
        if size % width:
            raise errors.InvalidArgumentError(
                None, None, f"Input to DecodeRaw has length {size} that is not a multiple of "
                f"{width}, the size of {out_type.name}")
        out = np.empty(items.shape + (size // width,), dtype=out_type.as_numpy_dtype)
        for index in np.ndindex(items.shape):
            out[index] = np.frombuffer(items[index], dtype=np_type)
        return out
    return kernel


register_op("DecodeRaw", inputs=("bytes: string",),
            shape_fn=lambda op: [(op._attrs["out_type"],
                                  op.inputs[0].shape.concatenate([None]))],
            bind=_bind_decode_raw, attr_defaults={"little_endian": True},
            foldable=False, grad=NOT_DIFFERENTIABLE)


def decode_raw(input_bytes=None, out_type=None, little_endian=True, name=None, bytes=None,  # noqa: A002
               fixed_length=None):
    """Reinterprets the bytes of each string as a vector of ``out_type``."""
    input_bytes = bytes if input_bytes is None else input_bytes
    if fixed_length is not None:
        raise NotImplementedError("decode_raw(fixed_length=...) is not supported by tfcompat "
                                  "yet")
    out_type = dtypes.as_dtype(out_type)
    if out_type not in _RAW_TYPES:
        raise TypeError(f"Value passed to parameter 'out_type' has DataType {out_type.name} "
                        "not in list of allowed values")
    return apply_op("DecodeRaw", [input_bytes], name=name or "DecodeRaw",
                    attrs={"out_type": out_type, "little_endian": bool(little_endian)})


# ---- decode_compressed, base64 ----------------------------------------------------------------

def _bind_decompress(op, state):
    kind = op._attrs["compression_type"]

    def one(data: bytes) -> bytes:
        try:
            if kind == "ZLIB":
                return zlib.decompress(data)
            if kind == "GZIP":
                return zlib.decompress(data, 16 + zlib.MAX_WBITS)
        except zlib.error as e:
            raise errors.DataLossError(None, None, f"{e}") from None
        return data
    return lambda value: np.vectorize(one, otypes=[object])(as_bytes_array(value)) \
        if np.asarray(value).size else as_bytes_array(value)


register_op("DecodeCompressed", inputs=("bytes: string",),
            shape_fn=lambda op: [(dtypes.string, op.inputs[0].shape)],
            bind=_bind_decompress, attr_defaults={"compression_type": ""},
            foldable=False, grad=NOT_DIFFERENTIABLE)


def decode_compressed(bytes, compression_type="", name=None):  # noqa: A002 - TF's name
    """Decompresses each string (``""``, ``"ZLIB"`` or ``"GZIP"``)."""
    return apply_op("DecodeCompressed", [bytes], name=name or "DecodeCompressed",
                    attrs={"compression_type": compression_type})


def _elementwise(fn):
    return lambda value: np.vectorize(fn, otypes=[object])(as_bytes_array(value)) \
        if np.asarray(value).size else as_bytes_array(value)


def _encode64(pad: bool):
    def one(data: bytes) -> bytes:
        out = base64.urlsafe_b64encode(data)
        return out if pad else out.rstrip(b"=")
    return one


def _decode64(data: bytes) -> bytes:
    padded = data + b"=" * (-len(data) % 4)
    try:
        if len(data) % 4 == 1:
            raise binascii.Error
        return base64.urlsafe_b64decode(padded)
    except (binascii.Error, ValueError):
        raise errors.InvalidArgumentError(None, None, "Invalid character found in base64.") \
            from None


register_op("EncodeBase64", inputs=("input: string",),
            shape_fn=lambda op: [(dtypes.string, op.inputs[0].shape)],
            bind=lambda op, state: _elementwise(_encode64(op._attrs["pad"])),
            attr_defaults={"pad": False},
            foldable=False, grad=NOT_DIFFERENTIABLE)
register_op("DecodeBase64", inputs=("input: string",),
            shape_fn=lambda op: [(dtypes.string, op.inputs[0].shape)],
            bind=lambda op, state: _elementwise(_decode64),
            foldable=False, grad=NOT_DIFFERENTIABLE)


def encode_base64(input, pad=False, name=None):  # noqa: A002
    """Web-safe base64 of each string (``-``/``_``, unpadded unless ``pad``)."""
    return apply_op("EncodeBase64", [input], name=name or "EncodeBase64", attrs={"pad": pad})


def decode_base64(input, name=None):  # noqa: A002
    """Decodes web-safe base64 strings."""
    return apply_op("DecodeBase64", [input], name=name or "DecodeBase64")


# ---- serialize_tensor / parse_tensor ----------------------------------------------------------

def _serialize(value, dtype):
    return _scalar_bytes(tensor_proto(np.asarray(value), dtype, as_content=True)
                         .SerializeToString())


register_op("SerializeTensor", inputs=("tensor: T",),
            shape_fn=lambda op: [(dtypes.string, TensorShape([]))],
            bind=lambda op, state: lambda v: _serialize(v, op._attrs["T"]),
            foldable=False, grad=NOT_DIFFERENTIABLE)


def _bind_parse_tensor(op, state):
    out_type = op._attrs["out_type"]

    def kernel(serialized):
        data = as_bytes_array(serialized)[()]
        try:
            proto = TensorProto.FromString(data)
        except Exception:  # noqa: BLE001 - any decoding failure is TF's "Could not parse"
            raise errors.InvalidArgumentError(
                None, None, "Could not parse `serialized` as TensorProto: "
                f"'{data!r}'") from None
        got = dtypes.as_dtype(proto.dtype)
        if got is not out_type:
            raise errors.InvalidArgumentError(
                None, None, f"Type mismatch between parsed tensor ({got.name}) and dtype "
                f"({out_type.name})")
        return _proto_array(proto, got)
    return kernel


_VAL_FIELDS = ("float_val", "double_val", "int_val", "int64_val", "bool_val", "uint32_val",
               "uint64_val")


def _proto_array(proto: TensorProto, dtype: dtypes.DType) -> np.ndarray:
    shape = tuple(d.size for d in proto.tensor_shape.dim)
    np_type = dtype.as_numpy_dtype
    if dtype is dtypes.string:
        out = np.empty(len(proto.string_val), dtype=object)
        out[:] = list(proto.string_val)
        return out.reshape(shape)
    if proto.tensor_content:
        return np.frombuffer(proto.tensor_content, dtype=np_type).reshape(shape).copy()
    if dtype in (dtypes.float16, dtypes.bfloat16):
        values = np.asarray(list(proto.half_val), dtype=np.uint16).view(np.float16)
    else:
        values = next((list(getattr(proto, f)) for f in _VAL_FIELDS if getattr(proto, f)), [])
    out = np.zeros(shape, dtype=np_type)
    if values:
        flat = out.reshape(-1)
        flat[:len(values)] = values
        flat[len(values):] = values[-1]
    return out


register_op("ParseTensor", inputs=("serialized: string",),
            shape_fn=lambda op: [(op._attrs["out_type"], unknown_shape())],
            bind=_bind_parse_tensor,
            foldable=False, grad=NOT_DIFFERENTIABLE)


def serialize_tensor(tensor, name=None):
    """The tensor as a serialized ``TensorProto`` string."""
    return apply_op("SerializeTensor", [tensor], name=name or "SerializeTensor")


def parse_tensor(serialized, out_type, name=None):
    """The tensor of a serialized ``TensorProto`` (its dtype must be ``out_type``)."""
    return apply_op("ParseTensor", [serialized], name=name or "ParseTensor",
                    attrs={"out_type": dtypes.as_dtype(out_type)})


# ---- read_file / write_file -------------------------------------------------------------------

def _read_file(filename) -> np.ndarray:
    path = as_bytes_array(filename)[()].decode()
    try:
        with open(path, "rb") as f:
            return _scalar_bytes(f.read())
    except FileNotFoundError:
        raise errors.NotFoundError(None, None, f"{path}; No such file or directory") from None


def _write_file(filename, contents) -> None:
    path = as_bytes_array(filename)[()].decode()
    directory = os.path.dirname(path)
    if directory:
        os.makedirs(directory, exist_ok=True)
    with open(path, "wb") as f:
        f.write(as_bytes_array(contents)[()])


register_op("ReadFile", inputs=("filename: string",),
            shape_fn=lambda op: [(dtypes.string, TensorShape([]))], kernel=_read_file,
            foldable=False, grad=NOT_DIFFERENTIABLE)
register_op("WriteFile", inputs=("filename: string", "contents: string"),
            shape_fn=lambda op: [], kernel=_write_file, stateful=True,
            foldable=False, grad=NOT_DIFFERENTIABLE)


def read_file(filename, name=None):
    """The whole contents of a file."""
    return apply_op("ReadFile", [filename], name=name or "ReadFile")


def write_file(filename, contents, name=None):
    """Writes ``contents`` to a file (creating its directory)."""
    return apply_op("WriteFile", [filename, contents], name=name or "WriteFile")
