"""The ``Bucketize`` op (used by feature columns): bucket index of each value, i.e. the count of
``boundaries`` <= it. TF registers no gradient for it (tf.gradients raises LookupError)."""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, errors, ops
from tfcompat.framework.op_registry import register_op
from tfcompat.framework.ops import Tensor, apply_op


def _bucketize_shape(op):
    return [(dtypes.int32, op.inputs[0].shape)]


def _bucketize_kernel(values, boundaries):
    # TF keeps boundaries as float32 and compares each value after C++ promotion.
    bounds = np.asarray(boundaries, dtype=np.float32).astype(np.float64)
    if np.any(bounds[1:] < bounds[:-1]):
        raise errors.InvalidArgumentError(None, None, "Expected sorted boundaries")
    values = np.asarray(values)
    return np.searchsorted(bounds, values.astype(np.float64), side="right").astype(np.int32)


register_op("Bucketize", inputs=("input: T",), kernel=_bucketize_kernel,
            kernel_attrs=("boundaries",), shape_fn=_bucketize_shape,
            allowed={"T": (dtypes.int32, dtypes.int64, dtypes.float32, dtypes.float64)},
            required_attrs=("boundaries",))


def bucketize(input, boundaries, name=None) -> Tensor:  # noqa: A002
    """int32 bucket ids of ``input``: the number of (sorted) ``boundaries`` <= each value."""
    with ops.name_scope(name, "Bucketize", [input]) as scope:
        tensor = ops.convert_to_tensor(input, name="input")
        return apply_op("Bucketize", [tensor], name=scope,
                        attrs={"boundaries": [float(b) for b in boundaries]})
