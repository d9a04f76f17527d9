"""Tensors and shapes as ``TensorProto``/``TensorShapeProto``, and back (``tf.make_ndarray``).

``tensor_proto`` follows ``tf.make_tensor_proto`` (as GraphDef constants are written): numbers
with more than one element are packed into ``tensor_content`` (not bool, uint16 or complex
ones), a single value goes to the typed ``*_val`` field, strings always to ``string_val``.
``as_content=True`` packs every numeric tensor into ``tensor_content``, as kernels do when they
put a tensor into a summary.
"""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.protobuf.tensor_pb2 import TensorProto, TensorShapeProto

# The typed repeated field of TensorProto holding the values of each dtype when they are not
# packed into ``tensor_content``.
VAL_FIELDS = {
    "float32": "float_val", "float64": "double_val", "int32": "int_val", "uint8": "int_val",
    "int16": "int_val", "int8": "int_val", "uint16": "int_val", "int64": "int64_val",
    "bool": "bool_val", "float16": "half_val", "bfloat16": "half_val", "string": "string_val",
    "uint32": "uint32_val", "uint64": "uint64_val",
    "complex64": "scomplex_val", "complex128": "dcomplex_val",
    "qint8": "int_val", "quint8": "int_val", "qint16": "int_val", "quint16": "int_val",
    "qint32": "int_val",
}

# make_tensor_proto writes these in their typed field even with many elements.
_NEVER_PACKED = frozenset({"bool", "uint16", "complex64", "complex128"})


def shape_proto(shape: TensorShape) -> TensorShapeProto:
    """A TensorShape as a proto: -1 for unknown dimensions, ``unknown_rank`` without a rank."""
    proto = TensorShapeProto()
    if shape.ndims is None:
        proto.unknown_rank = True
    else:
        for dim in shape.as_tuple():
            proto.dim.add(size=-1 if dim is None else dim)
    return proto


def tensor_proto(value: np.ndarray, dtype: dtypes.DType, as_content: bool = False) -> TensorProto:
    """``value`` (of TF type ``dtype``) as a TensorProto."""
    dtype = dtype.base_dtype
    value = np.asarray(value)
    proto = TensorProto(dtype=dtype.as_datatype_enum, tensor_shape=shape_proto(
        TensorShape(list(value.shape))))
    if dtype is dtypes.string:
        proto.string_val.extend(
            item if isinstance(item, bytes) else str(item).encode() for item in value.reshape(-1)
        )
    elif (value.size > 1 and dtype.name not in _NEVER_PACKED) or (as_content and value.size):
        proto.tensor_content = np.ascontiguousarray(value, dtypes.storage_type(dtype)).tobytes()
    elif value.size:
        _append_values(proto, dtype, value.reshape(-1))
    return proto


def _append_values(proto: TensorProto, dtype: dtypes.DType, flat: np.ndarray) -> None:
    field = getattr(proto, VAL_FIELDS[dtype.name])
    if dtype.name in ("float16", "bfloat16"):
        field.extend(int(v) for v in flat.astype(dtype.as_numpy_dtype).view(np.uint16))
    elif dtype.is_complex:
        for v in flat:
            field.extend([float(v.real), float(v.imag)])
    elif dtype.is_bool:
        field.extend(bool(v) for v in flat)
    elif dtype.is_floating:
        field.extend(float(v) for v in flat)
    else:
        field.extend(int(v) for v in flat)


def make_ndarray(tensor) -> np.ndarray:
    """The numpy value of a ``TensorProto`` (``tf.make_ndarray``); quantized values come in TF's
    structured numpy form (``dtypes.storage_view`` gives the plain integers)."""
    dtype = dtypes.as_dtype(int(tensor.dtype))
    if dtype.is_quantized:
        return _plain_ndarray(tensor, dtype).view(dtype.as_numpy_dtype)
    return _plain_ndarray(tensor, dtype)


def _plain_ndarray(tensor, dtype: dtypes.DType) -> np.ndarray:
    shape = tuple(int(d.size) for d in tensor.tensor_shape.dim)
    size = int(np.prod(shape, dtype=np.int64))
    if dtype is dtypes.string:
        values = np.empty(len(tensor.string_val), dtype=object)
        values[:] = list(tensor.string_val)
        return _fill(values, shape, size, object)
    np_type = dtypes.storage_type(dtype)
    if tensor.tensor_content:
        return np.frombuffer(tensor.tensor_content, dtype=np_type).reshape(shape).copy()
    if dtype in (dtypes.float16,):
        raw = np.asarray(list(tensor.half_val), dtype=np.uint16).view(np.float16)
        return _fill(raw, shape, size, np_type)
    if dtype.is_complex:
        field = tensor.scomplex_val if dtype is dtypes.complex64 else tensor.dcomplex_val
        pairs = np.asarray(list(field), dtype=np.float64).reshape(-1, 2)
        return _fill(pairs[:, 0] + 1j * pairs[:, 1], shape, size, np_type)
    field = getattr(tensor, VAL_FIELDS[dtype.name])
    return _fill(np.asarray(list(field)), shape, size, np_type)


def _fill(values: np.ndarray, shape, size: int, np_type) -> np.ndarray:
    """TF stores a tensor of one repeated value as that value once (or the last value padded)."""
    if values.size == size:
        return values.astype(np_type).reshape(shape)
    if values.size == 0:
        return np.zeros(shape, dtype=np_type)
    padded = np.concatenate([values, np.full(size - values.size, values[-1])])
    return padded.astype(np_type).reshape(shape)
