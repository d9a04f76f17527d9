"""``tf.math.sobol_sample`` (the SobolSample op): points of the Sobol low-discrepancy sequence,
identical to TF's.

Point ``n`` (from ``skip + 1`` on: the all-zero point 0 is never returned) of dimension ``d``
is the XOR of the direction numbers ``v[d][j]`` over the set bits ``j`` of the Gray code
``n ^ (n >> 1)``, as a fraction of 2^32. tfcompat holds the direction numbers of the first
1111 dimensions for the first 2^24 points (tfcompat/ops/sobol_directions.py); larger ``dim``
or ``skip + num_results`` raise errors naming the limit.
"""

from __future__ import annotations

import base64
import functools
import zlib

import numpy as np

from tfcompat.framework import dtypes, errors, ops, tensor_util
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import Tensor, apply_op
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.ops import sobol_directions

_MAX_TF_DIM = 21201


@functools.lru_cache(maxsize=1)
def _directions() -> np.ndarray:
    """``[DIMENSIONS, BITS]`` uint32 direction numbers ``m << (31 - j)``."""
    raw = zlib.decompress(base64.b64decode("".join(sobol_directions.PACKED)))
    bits = sobol_directions.BITS
    packed = int.from_bytes(raw, "little")
    out = np.zeros((sobol_directions.DIMENSIONS, bits), dtype=np.uint32)
    shift = 0
    for d in range(sobol_directions.DIMENSIONS):
        for j in range(bits):
            m = (packed >> shift) & ((1 << (j + 1)) - 1)
            shift += j + 1
            out[d, j] = m << (31 - j)
    return out


def sobol_points(dim: int, num_results: int, skip: int) -> np.ndarray:
    """``[num_results, dim]`` points ``skip + 1 ...`` as uint32 fractions of 2^32."""
    if not 1 <= dim <= _MAX_TF_DIM:
        raise errors.InvalidArgumentError(None, None, f"dim must be in [1, {_MAX_TF_DIM}], "
                                                      f"got {dim}")
    if num_results < 1 or skip < 0:
        raise errors.InvalidArgumentError(
            None, None, f"num_results must be positive and skip non-negative, got "
                        f"{num_results} and {skip}")
    if dim > sobol_directions.DIMENSIONS or skip + num_results >= 1 << sobol_directions.BITS:
        raise errors.UnimplementedError(
            None, None, f"tfcompat's sobol_sample holds direction numbers of "
                        f"{sobol_directions.DIMENSIONS} dimensions for points below "
                        f"2^{sobol_directions.BITS}; got dim={dim}, skip + num_results="
                        f"{skip + num_results}")
    index = np.arange(skip + 1, skip + num_results + 1, dtype=np.int64)
    gray = index ^ (index >> 1)
    directions = _directions()[:dim]
    out = np.zeros((num_results, dim), dtype=np.uint32)
    for j in range(sobol_directions.BITS):
        bit = ((gray >> j) & 1).astype(bool)
        out[bit] ^= directions[:, j]
    return out


def _kernel(dim, num_results, skip, dtype):
    points = sobol_points(int(dim), int(num_results), int(skip))
    return (points.astype(np.float64) / 2.0**32).astype(dtype.as_numpy_dtype)


def _shape(op):
    dim, num_results = (tensor_util.constant_value(t) for t in op.inputs[:2])
    return [(op._attrs["dtype"], TensorShape(
        [None if num_results is None else int(num_results),
         None if dim is None else int(dim)]))]


register_op("SobolSample", inputs=("dim: int32", "num_results: int32", "skip: int32"),
            kernel=_kernel, kernel_attrs=("dtype",), shape_fn=_shape,
            allowed={"dtype": (dtypes.float32, dtypes.float64)},
            attr_defaults={"dtype": dtypes.float32}, grad=NOT_DIFFERENTIABLE)


def sobol_sample(dim, num_results, skip=0, dtype=dtypes.float32, name=None) -> Tensor:
    """``num_results`` points of the ``dim``-dimensional Sobol sequence after the first
    ``skip`` (the zero point is never returned): a ``[num_results, dim]`` tensor in [0, 1)."""
    with ops.name_scope(name, "sobol", [dim, num_results, skip]):
        return apply_op("SobolSample", [dim, num_results, skip],
                        attrs={"dtype": dtypes.as_dtype(dtype)})
