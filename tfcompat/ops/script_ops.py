"""Python functions as graph ops: ``tf.py_func``/``tf.numpy_function`` (PyFunc, PyFuncStateless)
and ``tf.py_function`` (EagerPyFunc), called by the session with the input values.

Functions are held by token (the op's ``token`` attr, ``pyfunc_<n>``), as TF keeps them in a
registry. A returned value must have exactly the declared dtype (``0-th value returned by
pyfunc_3 is double, but expects float``); an exception raised by the function becomes TF's
error for its class (ValueError/TypeError: InvalidArgumentError, StopIteration:
OutOfRangeError, NotImplementedError: UnimplementedError, MemoryError: ResourceExhaustedError,
anything else: UnknownError), with the Python traceback in the message.
"""

from __future__ import annotations

import itertools
import traceback

import numpy as np

from tfcompat.framework import dtypes, errors
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import apply_op
from tfcompat.framework.tensor_shape import unknown_shape

_FUNCTIONS: dict[str, object] = {}
_TOKENS = itertools.count()

# TF's DataTypeString for the types whose name differs from the dtype's.
_TYPE_NAMES = {"float32": "float", "float64": "double", "float16": "half"}

_ERROR_CLASSES = ((ValueError, errors.InvalidArgumentError),
                  (TypeError, errors.InvalidArgumentError),
                  (StopIteration, errors.OutOfRangeError),
                  (NotImplementedError, errors.UnimplementedError),
                  (MemoryError, errors.ResourceExhaustedError))


class EagerValue(np.ndarray):
    """What a ``tf.py_function`` receives: an array that also answers ``.numpy()``, as the
    eager tensors TF passes do (tfcompat has no eager tensors)."""

    def numpy(self) -> np.ndarray:
        return np.asarray(self)


def _type_name(dtype: dtypes.DType) -> str:
    return _TYPE_NAMES.get(dtype.name, dtype.name)


def _error_for(exc: Exception) -> errors.OpError:
    error_class = next((cls for kind, cls in _ERROR_CLASSES if isinstance(exc, kind)),
                       errors.UnknownError)
    trace = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)[1:])
    return error_class(None, None, f"{type(exc).__name__}: {exc}\n{trace}")


def _as_output(value, index: int, dtype: dtypes.DType, token: str, eager: bool) -> np.ndarray:
    if hasattr(value, "numpy") and not isinstance(value, np.ndarray):
        value = value.numpy()
    array = np.asarray(value)
    if eager and dtype is not dtypes.string:
        # py_function converts what it gets to the declared dtype, as convert_to_tensor does.
        return array.astype(dtypes.storage_type(dtype))
    if dtype is dtypes.string and array.dtype.kind in "USO":
        encoded = [bytes(v) if isinstance(v, bytes) else str(v).encode() for v in array.reshape(-1)]
        return np.array(encoded, dtype=object).reshape(array.shape)
    actual = dtypes.as_dtype(array.dtype)
    if actual.base_dtype != dtype:
        raise errors.InvalidArgumentError(
            None, None, f"{index}-th value returned by {token} is {_type_name(actual)}, but "
            f"expects {_type_name(dtype)}")
    return np.asarray(array)


def _bind_py_func(op, state):
    token = op._attrs["token"]
    fn = _FUNCTIONS.get(token)
    out_types = op._attrs["Tout"]
    eager = op._type == "EagerPyFunc"

    def kernel(*args):
        if fn is None:  # a graph imported from another process: its function is not here
            raise errors.InvalidArgumentError(
                None, None, f"ValueError: Could not find callback with key={token} in the "
                "registry.")
        if eager:
            args = tuple(np.asarray(a).view(EagerValue) for a in args)
        try:
            result = fn(*args)
        except Exception as e:  # noqa: BLE001 - every Python error becomes a TF error
            raise _error_for(e) from e
        if not out_types:
            return None
        results = list(result) if isinstance(result, (list, tuple)) else [result]
        if len(results) != len(out_types):
            raise errors.InvalidArgumentError(
                None, None, f"{token} returns {len(results)} values, but expects to see "
                f"{len(out_types)} values.")
        converted = tuple(_as_output(r, i, t, token, eager)
                          for i, (r, t) in enumerate(zip(results, out_types)))
        return converted if len(converted) != 1 else converted[0]
    return kernel


def _py_func_shape(op):
    return [(dtype, unknown_shape()) for dtype in op._attrs["Tout"]]


def _eager_py_func_grad(op, *grads):
    raise LookupError(
        f"tfcompat cannot differentiate tf.py_function '{op.name}': TF records the Python "
        "function on a GradientTape in eager mode, which tfcompat does not have.")


register_op("PyFunc", inputs=("input: list(Tin)",), shape_fn=_py_func_shape, bind=_bind_py_func,
            stateful=True, grad=NOT_DIFFERENTIABLE)
register_op("PyFuncStateless", inputs=("input: list(Tin)",), shape_fn=_py_func_shape,
            bind=_bind_py_func, foldable=False, grad=NOT_DIFFERENTIABLE)
register_op("EagerPyFunc", inputs=("input: list(Tin)",), shape_fn=_py_func_shape,
            bind=_bind_py_func, stateful=True, attr_defaults={"is_async": False},
            grad=_eager_py_func_grad)


def _internal_py_func(func, inp, Tout, op_type: str, name):  # noqa: N803 - TF's name
    if not callable(func):
        raise ValueError(f"Expected func to be callable. Received func={func} of type "
                         f"{type(func)}.")
    single = not isinstance(Tout, (list, tuple))
    out_types = [dtypes.as_dtype(t) for t in ([Tout] if single else Tout)]
    token = f"pyfunc_{next(_TOKENS)}"
    _FUNCTIONS[token] = func
    result = apply_op(op_type, [list(inp)], name=name,
                      attrs={"token": token, "Tout": out_types})
    if not out_types:
        return result
    if single:
        return result
    return result if isinstance(result, list) else [result]


def py_func(func, inp, Tout, stateful=True, name=None):  # noqa: N803 - TF's argument name
    """Wraps a Python function taking and returning numpy arrays as a graph op
    (``tf.py_func``): PyFunc, or PyFuncStateless when not ``stateful``. Outputs have unknown
    shapes; one tensor for a single ``Tout``, a list for a list; not differentiable."""
    op_type = "PyFunc" if stateful else "PyFuncStateless"
    return _internal_py_func(func, inp, Tout, op_type, name)


def numpy_function(func, inp, Tout, stateful=True, name=None):  # noqa: N803
    """``tf.numpy_function``: ``tf.py_func`` under its TF 2 name."""
    return py_func(func, inp, Tout, stateful=stateful, name=name)


def py_function(func, inp, Tout, name=None):  # noqa: N803
    """Wraps a Python function as an EagerPyFunc op (``tf.py_function``). The function gets
    arrays that also have ``.numpy()`` in place of eager tensors; it may return either."""
    return _internal_py_func(func, inp, Tout, "EagerPyFunc", name)
