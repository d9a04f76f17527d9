"""Python values to numpy arrays with TF's dtype rules, and static evaluation of small subgraphs."""

from __future__ import annotations

import numbers

import numpy as np

from tfcompat.framework import dtypes
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape

_INT32_MIN, _INT32_MAX = -(2**31), 2**31 - 1


def _is_python_value(value) -> bool:
    return not isinstance(value, (np.ndarray, np.generic))


def _first_incompatible(value, dtype: dtypes.DType):
    """The first Python leaf of ``value`` that TF refuses to store as ``dtype``, or None."""
    if isinstance(value, (list, tuple)):
        for item in value:
            bad = _first_incompatible(item, dtype)
            if bad is not None:
                return bad
        return None
    if isinstance(value, (np.ndarray, np.generic)):
        return None
    base = dtype.base_dtype
    if base.is_quantized:  # only numpy values (plain or TF's structured form) convert
        return _Bad(value)
    if base is dtypes.string:
        return None if isinstance(value, (str, bytes)) else _Bad(value)
    if isinstance(value, (str, bytes)):
        return _Bad(value)
    if base is dtypes.bool_:
        return None if isinstance(value, (bool, np.bool_)) else _Bad(value)
    if base.is_integer:
        if isinstance(value, numbers.Integral):
            return None
        return _Bad(value)
    if base.is_floating:
        if isinstance(value, numbers.Real):
            return None
        return _Bad(value)
    if base.is_complex:
        return None if isinstance(value, numbers.Number) else _Bad(value)
    return None


class _Bad:
    def __init__(self, value):
        self.value = value


def _python_leaf_kinds(value, kinds: set) -> None:
    if isinstance(value, (list, tuple)):
        for item in value:
            _python_leaf_kinds(item, kinds)
    elif isinstance(value, np.ndarray):
        kinds.add(("np", value.dtype))
    elif isinstance(value, np.generic):
        kinds.add(("np", value.dtype))
    elif isinstance(value, bool):
        kinds.add(bool)
    elif isinstance(value, numbers.Integral):
        kinds.add(int)
    elif isinstance(value, numbers.Real):
        kinds.add(float)
    elif isinstance(value, numbers.Complex):
        kinds.add(complex)
    elif isinstance(value, (str, bytes)):
        kinds.add(str)
    elif value is None:
        raise ValueError("None values not supported.")
    else:
        kinds.add(type(value))


def _to_bytes_array(value) -> np.ndarray:
    array = np.array(value, dtype=object)
    flat = array.reshape(-1)
    for i, item in enumerate(flat):
        if isinstance(item, str):
            flat[i] = item.encode()
        elif isinstance(item, np.str_):
            flat[i] = str(item).encode()
        elif isinstance(item, np.bytes_):
            flat[i] = bytes(item)
    return array


def make_ndarray(value, dtype: dtypes.DType | None = None) -> np.ndarray:
    """``value`` as the ndarray a Const of ``dtype`` (inferred as TF does when None) holds."""
    if value is None:
        raise ValueError("None values not supported.")
    if dtype is not None:
        dtype = dtype.base_dtype
        if _is_python_value(value):
            bad = _first_incompatible(value, dtype)
            if bad is not None:
                raise TypeError(f"Expected {dtype.name}, but got {bad.value} of type "
                                f"'{type(bad.value).__name__}'.")
        if dtype is dtypes.string:
            return _to_bytes_array(value)
        if isinstance(value, np.ndarray) and value.dtype.kind in "US":
            raise TypeError(f"Expected {dtype.name}, but got {value!r} of type 'ndarray'.")
        np_type = dtypes.storage_type(dtype)
        if isinstance(value, np.ndarray):
            value = dtypes.storage_view(value)
        try:
            with np.errstate(all="ignore"):
                return np.asarray(_wrap_ints(value, np_type) if _is_python_value(value) else value
                                  ).astype(np_type, copy=False)
        except (TypeError, ValueError) as e:
            raise _inhomogeneous(e, value) from None
    if isinstance(value, np.ndarray):
        if value.dtype.kind in "USO":
            return _to_bytes_array(value)
        return value  # a structured quantized array stays so: its dtype names the TF type
    if isinstance(value, np.generic):
        if isinstance(value, (np.str_, np.bytes_)):
            return _to_bytes_array(value)
        return np.asarray(value)
    kinds: set = set()
    _python_leaf_kinds(value, kinds)
    if str in kinds:
        if kinds - {str}:
            raise TypeError(f"Failed to convert elements of {value} to Tensor. Consider casting "
                            "elements to a supported type. See https://www.tensorflow.org/"
                            "api_docs/python/tf/dtypes for supported TF dtypes.")
        return _check_rectangular(_to_bytes_array(value), value)
    py_kinds = {k for k in kinds if not isinstance(k, tuple)}
    np_kinds = [k[1] for k in kinds if isinstance(k, tuple)]
    unsupported = py_kinds - {bool, int, float, complex}
    if unsupported:
        raise TypeError(f"Failed to convert elements of {value} to Tensor. Consider casting "
                        "elements to a supported type. See https://www.tensorflow.org/api_docs/"
                        "python/tf/dtypes for supported TF dtypes.")
    try:
        array = np.array(value)
    except ValueError as e:
        raise _inhomogeneous(e, value) from None
    if array.dtype == object:
        raise ValueError("Can't convert non-rectangular Python sequence to Tensor.")
    if np_kinds and not py_kinds and isinstance(value, (list, tuple)):
        return array
    if complex in py_kinds:
        return array.astype(np.complex128)
    if float in py_kinds:
        return array.astype(np.float32)
    if int in py_kinds:
        if array.dtype.kind in "iu":
            if array.size and (array.min() < _INT32_MIN or array.max() > _INT32_MAX):
                return array.astype(np.int64)
            return array.astype(np.int32)
        return array
    if bool in py_kinds:
        return array.astype(np.bool_)
    return array.astype(np.float32) if array.size == 0 else array


def _wrap_ints(value, np_type):
    """TF stores out-of-range Python ints modulo the type's width (``-1`` as uint8 is 255)."""
    if isinstance(value, bool) or not isinstance(value, int):
        return value
    if np.issubdtype(np_type, np.integer):
        info = np.iinfo(np_type)
        span = int(info.max) - int(info.min) + 1
        return (value - int(info.min)) % span + int(info.min)
    return value


def _inhomogeneous(error: Exception, value) -> Exception:
    return ValueError(str(error)) if "inhomogeneous" in str(error) else TypeError(
        f"Failed to convert elements of {value} to Tensor.")


def _check_rectangular(array: np.ndarray, value) -> np.ndarray:
    for item in array.reshape(-1):
        if isinstance(item, list):
            raise ValueError("Can't convert non-rectangular Python sequence to Tensor.")
    return array


# ---- static values ----------------------------------------------------------------------------

_MAX_FOLD_ELEMENTS = 1000


def constant_value(tensor, partial: bool = False):
    """The value of ``tensor`` if it can be computed without running a session, else None.

    Folds Const ops and the pure ops above them (Shape of a fully known input, Pack, Cast...)
    by running their kernels; stateful ops and placeholders are never folded.
    """
    del partial
    return _fold(tensor, {})


def _fold(tensor, memo: dict):
    key = id(tensor)
    if key in memo:
        return memo[key]
    op = tensor.op
    result = None
    if op.type == "Const":
        result = op._attrs["value"]
    elif op.type in ("Shape", "Size", "Rank") and op.inputs:
        shape = op.inputs[0].shape
        out_type = tensor.dtype.as_numpy_dtype
        if op.type == "Rank" and shape.ndims is not None:
            result = np.asarray(shape.ndims, np.int32)
        elif shape.is_fully_defined():
            if op.type == "Shape":
                result = np.asarray(shape.as_list(), out_type)
            elif op.type == "Size":
                result = np.asarray(shape.num_elements(), out_type)
    elif op.op_def.foldable and op.type not in ("Placeholder", "PlaceholderWithDefault"):
        inputs = []
        for t in op.inputs:
            value = _fold(t, memo)
            if value is None:
                memo[key] = None
                return None
            if np.size(value) > _MAX_FOLD_ELEMENTS:
                memo[key] = None
                return None
            inputs.append(value)
        try:
            fn = op.op_def.bind(op, None)
            with np.errstate(all="ignore"):  # as kernels run in a session (executor.run_plan)
                out = fn(*inputs)
        except Exception:
            out = None
        if out is not None:
            outputs = out if len(op.outputs) > 1 else (out,)
            result = np.asarray(outputs[tensor.value_index])
    memo[key] = result
    return result


def constant_value_as_shape(tensor) -> TensorShape:
    """A partial shape from a 1-D int tensor: known where each element can be folded."""
    shape = tensor.shape
    if shape.ndims == 0:
        return unknown_shape()  # a scalar shape argument (-1) means unknown rank
    value = constant_value(tensor)
    if value is not None:
        return TensorShape([None if d < 0 else int(d) for d in np.asarray(value).reshape(-1)])
    op = tensor.op
    if op.type == "Shape":
        return op.inputs[0].shape
    if op.type == "Pack":
        dims = []
        for t in op.inputs:
            v = constant_value(t)
            dims.append(None if v is None or int(v) < 0 else int(v))
        return TensorShape(dims)
    if op.type == "ConcatV2":
        result = TensorShape([])
        for t in op.inputs[:-1]:
            result = result.concatenate(constant_value_as_shape(t))
        return result
    if shape.ndims == 1 and shape.as_tuple()[0] is not None:
        return unknown_shape(shape.as_tuple()[0])
    return unknown_shape()
