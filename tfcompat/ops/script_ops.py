"""``tf.py_func``: a Python function as an op, called by the session with numpy arrays."""

from __future__ import annotations

import itertools

import numpy as np

from tfcompat.framework import dtypes, errors
from tfcompat.framework.op_registry import no_gradient, register_op
from tfcompat.framework.ops import apply_op
from tfcompat.framework.tensor_shape import unknown_shape

# Functions are held by token (the op's ``token`` attr), as TF keeps them in a registry.
_FUNCTIONS: dict[str, object] = {}
_TOKENS = itertools.count()


def _py_func_shape(op):
    return [(dtype, unknown_shape()) for dtype in op._attrs["Tout"]]


def _bind_py_func(op, state):
    token = op._attrs["token"]
    fn = _FUNCTIONS.get(token)
    out_types = op._attrs["Tout"]

    def kernel(*args):
        if fn is None:  # a graph imported from another process: its function is not here
            raise errors.InvalidArgumentError(
                None, None, f"ValueError: Could not find callback with key={token} in the "
                "registry.")
        try:
            result = fn(*args)
        except Exception as e:
            raise errors.UnknownError(None, None, f"{type(e).__name__}: {e}") from e
        results = list(result) if isinstance(result, (list, tuple)) else [result]
        if len(results) != len(out_types):
            raise errors.InvalidArgumentError(
                None, None, f"pyfunc returned {len(results)} values, but expects "
                f"{len(out_types)} to be returned.")
        converted = tuple(np.asarray(r, dtype=t.as_numpy_dtype) for r, t in
                          zip(results, out_types))
        return converted if len(converted) != 1 else converted[0]
    return kernel


register_op("PyFunc", inputs=("input: list(Tin)",), shape_fn=_py_func_shape, bind=_bind_py_func,
            stateful=True)
no_gradient("PyFunc")


def py_func(func, inp, Tout, stateful=True, name=None):  # noqa: N803 - TF's argument name
    """Wraps a Python function taking and returning numpy arrays as a graph op."""
    del stateful
    single = not isinstance(Tout, (list, tuple))
    out_types = [dtypes.as_dtype(t) for t in ([Tout] if single else Tout)]
    token = f"pyfunc_{next(_TOKENS)}"
    _FUNCTIONS[token] = func
    result = apply_op("PyFunc", [list(inp)], name=name,
                      attrs={"token": token, "Tout": out_types})
    if single:
        return result
    return result if isinstance(result, list) else [result]
