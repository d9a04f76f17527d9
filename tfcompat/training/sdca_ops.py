"""SDCA helper ops of ``tf.train``: ``sdca_fprint`` (FarmHash Fingerprint128 of strings, the
feature ids SDCA hashes) and ``sdca_shrink_l1`` (the L1 soft-threshold SDCA applies to its
weights). ``sdca_optimizer`` itself is not built."""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import Operation, ShapeError, Tensor, apply_op
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.ops.state_ops import read_variable, variable_op_name, variables_locked
from tfcompat.ops.string_hash import fingerprint128

# ---- Fingerprint128 (FarmHash's, i.e. CityHash128 v1.1 with FarmHash's short-string hash) ----


def _fprint_kernel(values):
    flat = np.asarray(values, dtype=object).reshape(-1)
    out = np.empty((flat.size, 2), np.uint64)
    for i, value in enumerate(flat):
        data = value if isinstance(value, bytes) else str(value).encode("utf-8")
        out[i] = fingerprint128(data)
    return out.view(np.int64)


def _fprint_shape(op):
    shape = op.inputs[0].shape
    if shape.ndims is not None and shape.ndims != 1:
        raise ShapeError(f"Shape must be rank 1 but is rank {shape.ndims}")
    return [(dtypes.int64, TensorShape([shape[0] if shape.ndims else None, 2]))]


register_op("SdcaFprint", inputs=("input: string",), kernel=_fprint_kernel,
            shape_fn=_fprint_shape, grad=NOT_DIFFERENTIABLE)


def sdca_fprint(input, name=None) -> Tensor:  # noqa: A002 - TF's argument name
    """The FarmHash Fingerprint128 of each string of the 1-D ``input``: an int64 tensor
    ``[n, 2]`` of (low, high) 64-bit halves."""
    return apply_op("SdcaFprint", [input], name=name)


# ---- SdcaShrinkL1 -----------------------------------------------------------------------------

def _bind_shrink(op, state):
    names = [variable_op_name(t) for t in op.inputs]
    shrink = op._attrs["l1"] / op._attrs["l2"]

    def kernel(*_values):
        with variables_locked(state, names):
            for name in names:
                weights = read_variable(state.variables, name)
                state.variables[name] = (np.sign(weights) * np.maximum(
                    np.abs(weights) - shrink, 0)).astype(weights.dtype)
        return ()
    return kernel


register_op("SdcaShrinkL1", inputs=("weights: num_features*float",), bind=_bind_shrink,
            shape_fn=lambda op: [], stateful=True, grad=NOT_DIFFERENTIABLE)


def sdca_shrink_l1(weights, l1, l2, name=None) -> Operation:
    """Soft-thresholds each of the float variables ``weights`` in place by ``l1 / l2``
    (``sign(w) * max(|w| - l1 / l2, 0)``); returns the op."""
    refs = [w._ref() if hasattr(w, "_ref") else w for w in weights]
    return apply_op("SdcaShrinkL1", [refs], name=name,
                    attrs={"l1": float(l1), "l2": float(l2)})
