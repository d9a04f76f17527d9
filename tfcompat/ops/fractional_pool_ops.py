"""FractionalMaxPool and FractionalAvgPool (Graham, "Fractional Max-Pooling", 2014) with their
gradient ops, and ``tf.nn.fractional_max_pool`` / ``fractional_avg_pool`` (v1 signatures).

Each output row i pools input rows ``[row_seq[i], row_seq[i + 1])`` (one more row when
``overlapping``); likewise columns. The sequences come from the op's Philox stream as in TF's
CPU kernel: per dimension (rows, then columns) a reservation of ``ceil(n_out / 4)`` blocks
(one for a pseudo-random sequence); random sequences shuffle
``[k + 1] * r + [k] * (n_out - r)`` (k = n_in // n_out, r = n_in % n_out) forward by
Fisher-Yates with unbiased 32-bit draws, pseudo-random ones take
``a_i = ceil(alpha * (i + u))`` with ``u`` a double from the first two words. With
``deterministic`` every run restarts the stream from (seed, seed2) (the same regions; random
seeds fixed per session when both are 0); otherwise seeds must be 0 and runs continue a randomly
seeded stream.
"""

from __future__ import annotations

import math
import os
from collections import namedtuple

import numpy as np

from tfcompat.framework import dtypes, errors, tensor_util
from tfcompat.framework.op_registry import _no_gradient_message, register_op
from tfcompat.framework.ops import ShapeError, apply_op
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape
from tfcompat.ops import array_ops
from tfcompat.ops.philox import PhiloxStream, philox_at, uint64_to_double

_TYPES = (dtypes.float32, dtypes.float64, dtypes.int32, dtypes.int64)
FractionalMaxPoolOutputs = namedtuple(
    "FractionalMaxPool", ("output", "row_pooling_sequence", "col_pooling_sequence"))
FractionalAvgPoolOutputs = namedtuple(
    "FractionalAvgPool", ("output", "row_pooling_sequence", "col_pooling_sequence"))


# ---- pooling sequences -----------------------------------------------------------------------

class _Words:
    """32-bit Philox words from one reservation, in order (continuing past it if needed)."""

    def __init__(self, key: int, counter: int):
        self._key, self._counter, self._offset, self._buffer = key, counter, 0, []

    def next(self) -> int:
        if not self._buffer:
            block = philox_at(self._key, self._counter, np.array([self._offset], np.uint64))
            self._buffer = block.reshape(-1).tolist()[::-1]
            self._offset += 1
        return self._buffer.pop()

    def below(self, n: int) -> int:
        """An unbiased integer in [0, n)."""
        if n & (n - 1) == 0:
            return self.next() & (n - 1)
        reject = (1 << 32) % n
        word = self.next()
        while word < reject:
            word = self.next()
        return word % n


def _output_size(size: int, ratio: float) -> int:
    # TF divides in float32 (33 / 1.1 is 30 there, 29.999... in float64).
    return int(math.floor(np.float32(size) / np.float32(ratio)))


def _pooling_sequence(n_in: int, n_out: int, stream: PhiloxStream, pseudo_random: bool):
    """Cumulative region boundaries ``[0, ..., n_in]`` (``n_out + 1`` of them)."""
    # A pseudo-random sequence takes one block; a shuffle one word per region, rounded up.
    words = _Words(stream.key, stream.reserve(1 if pseudo_random else (n_out + 3) // 4))
    k, extra = divmod(n_in, n_out)
    if pseudo_random:
        alpha = n_in / n_out
        u_max = min((k + 2) / alpha - 1, (n_in + 1 - k) / alpha - (n_out - 1))
        high, low = words.next(), words.next()
        u = float(uint64_to_double(np.array([high], np.uint32),
                                   np.array([low], np.uint32))[0]) * u_max
        starts = [1] + [int(math.ceil(alpha * (i + u))) for i in range(1, n_out)] + [n_in + 1]
        sizes = [starts[i + 1] - starts[i] for i in range(n_out)]
    else:
        sizes = [k + 1] * extra + [k] * (n_out - extra)
        for i in range(n_out - 1):
            j = i + words.below(n_out - i)
            sizes[i], sizes[j] = sizes[j], sizes[i]
    return np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)


def _regions(sequence: np.ndarray, size: int, overlapping: bool):
    ends = sequence[1:] + (1 if overlapping else 0)
    return [(int(start), int(min(end, size))) for start, end in zip(sequence[:-1], ends)]


# ---- forward ops -----------------------------------------------------------------------------

def _check_ratio(ratio) -> None:
    if len(ratio) != 4:
        raise errors.InvalidArgumentError(
            None, None, "pooling_ratio field must specify 4 dimensions")
    if ratio[0] != 1.0 or ratio[3] != 1.0:
        raise errors.UnimplementedError(
            None, None, "Fractional average pooling is not yet supported on the batch nor "
            "channel dimension.")


def _pool(x: np.ndarray, rows, cols, reduce) -> np.ndarray:
    out = np.empty((x.shape[0], len(rows), len(cols), x.shape[3]), x.dtype)
    for i, (r0, r1) in enumerate(rows):
        for j, (c0, c1) in enumerate(cols):
            out[:, i, j, :] = reduce(x[:, r0:r1, c0:c1, :])
    return out


def _bind_pool(reduce):
    def bind(op, state):
        attrs = op._attrs
        key = ("fractional_pool", id(op))
        if key not in state.random_streams:
            seeds = (attrs["seed"], attrs["seed2"])
            if seeds == (0, 0):  # unseeded: random seeds, fixed for this op in this session
                seeds = tuple(int.from_bytes(os.urandom(8), "little") for _ in range(2))
            state.random_streams[key] = (PhiloxStream(*seeds), seeds)

        def kernel(value):
            value = np.asarray(value)
            ratio = [float(r) for r in attrs["pooling_ratio"]]
            _check_ratio(ratio)
            if not attrs["deterministic"] and (attrs["seed"] or attrs["seed2"]):
                raise errors.InvalidArgumentError(
                    None, None, "Both seed and seed2 should be 0 if deterministic is false.")
            stream, seeds = state.random_streams[key]
            if attrs["deterministic"]:
                stream = PhiloxStream(*seeds)
            out_rows = _output_size(value.shape[1], ratio[1])
            out_cols = _output_size(value.shape[2], ratio[2])
            if out_rows <= 0 or out_cols <= 0:
                raise errors.InvalidArgumentError(
                    None, None, "Output size must be positive, got: rows "
                    f"{out_rows} cols {out_cols}")
            row_seq = _pooling_sequence(value.shape[1], out_rows, stream, attrs["pseudo_random"])
            col_seq = _pooling_sequence(value.shape[2], out_cols, stream, attrs["pseudo_random"])
            rows = _regions(row_seq, value.shape[1], attrs["overlapping"])
            cols = _regions(col_seq, value.shape[2], attrs["overlapping"])
            return _pool(value, rows, cols, reduce), row_seq, col_seq
        return kernel
    return bind


def _max_reduce(window: np.ndarray) -> np.ndarray:
    return window.max(axis=(1, 2))


def _avg_reduce(window: np.ndarray) -> np.ndarray:
    mean = window.astype(np.float64).mean(axis=(1, 2))
    return mean if window.dtype.kind == "f" else np.trunc(mean)


def _pool_shape(op):
    x = op.inputs[0]
    ratio = [float(r) for r in op._attrs["pooling_ratio"]]
    if x.shape.ndims not in (None, 4):
        raise ShapeError(f"Shape must be rank 4 but is rank {x.shape.ndims}")
    dims = x.shape.as_tuple() if x.shape.ndims is not None else (None,) * 4
    out = tuple(None if d is None else _output_size(d, r) for d, r in zip(dims, ratio)) \
        if len(ratio) == 4 else (None,) * 4
    return [(x.dtype.base_dtype, TensorShape._from_tuple(out)),
            (dtypes.int64, TensorShape._from_tuple((out[1],))),
            (dtypes.int64, TensorShape._from_tuple((out[2],)))]


def _max_pool_grad(op, grad, *_):
    return apply_op("FractionalMaxPoolGrad",
                    [op.inputs[0], op.outputs[0], grad, op.outputs[1], op.outputs[2]],
                    attrs={"overlapping": op._attrs["overlapping"]})


def _avg_pool_grad(op, grad, *_):
    return apply_op("FractionalAvgPoolGrad",
                    [array_ops.shape(op.inputs[0], out_type=dtypes.int64), grad, op.outputs[1],
                     op.outputs[2]], attrs={"overlapping": op._attrs["overlapping"]})


_POOL_DEFAULTS = {"pseudo_random": False, "overlapping": False, "deterministic": False,
                  "seed": 0, "seed2": 0}
register_op("FractionalMaxPool", inputs=("value: T",), bind=_bind_pool(_max_reduce),
            shape_fn=_pool_shape, stateful=True, allowed={"T": _TYPES},
            attr_defaults=_POOL_DEFAULTS, grad=_max_pool_grad)
register_op("FractionalAvgPool", inputs=("value: T",), bind=_bind_pool(_avg_reduce),
            shape_fn=_pool_shape, stateful=True, allowed={"T": _TYPES},
            attr_defaults=_POOL_DEFAULTS, grad=_avg_pool_grad)


# ---- gradient ops (TF defines no gradient for them) ------------------------------------------

def _no_gradient(op, *grads):
    raise LookupError(_no_gradient_message(op.type, op.name))


def _max_pool_grad_kernel(orig_input, orig_output, out_backprop, row_seq, col_seq,
                          overlapping):
    x = np.asarray(orig_input)
    dy = np.asarray(out_backprop)
    dx = np.zeros(x.shape, dy.dtype)
    rows = _regions(np.asarray(row_seq), x.shape[1], overlapping)
    cols = _regions(np.asarray(col_seq), x.shape[2], overlapping)
    batch, channels = np.meshgrid(np.arange(x.shape[0]), np.arange(x.shape[3]), indexing="ij")
    for i, (r0, r1) in enumerate(rows):
        for j, (c0, c1) in enumerate(cols):
            window = x[:, r0:r1, c0:c1, :]
            width = c1 - c0
            # The first maximum in row-major order receives the gradient.
            flat = window.reshape(x.shape[0], -1, x.shape[3]).argmax(axis=1)
            np.add.at(dx, (batch, r0 + flat // width, c0 + flat % width, channels),
                      dy[:, i, j, :])
    return dx


def _avg_pool_grad_kernel(orig_input_tensor_shape, out_backprop, row_seq, col_seq,
                          overlapping):
    shape = tuple(int(d) for d in np.asarray(orig_input_tensor_shape))
    dy = np.asarray(out_backprop)
    dx = np.zeros(shape, np.float64)
    rows = _regions(np.asarray(row_seq), shape[1], overlapping)
    cols = _regions(np.asarray(col_seq), shape[2], overlapping)
    for i, (r0, r1) in enumerate(rows):
        for j, (c0, c1) in enumerate(cols):
            share = dy[:, i, j, :].astype(np.float64) / ((r1 - r0) * (c1 - c0))
            dx[:, r0:r1, c0:c1, :] += share[:, None, None, :]
    return dx.astype(dy.dtype)


def _avg_grad_shape(op):
    sizes = tensor_util.constant_value(op.inputs[0])
    dtype = op.inputs[1].dtype.base_dtype
    if sizes is None:
        return [(dtype, unknown_shape(4))]
    return [(dtype, TensorShape._from_tuple(tuple(int(d) for d in np.asarray(sizes))))]


register_op("FractionalMaxPoolGrad",
            inputs=("orig_input: T", "orig_output: T", "out_backprop: T",
                    "row_pooling_sequence: int64", "col_pooling_sequence: int64"),
            kernel=_max_pool_grad_kernel, kernel_attrs=("overlapping",),
            shape_fn=lambda op: [(op.inputs[0].dtype.base_dtype, op.inputs[0].shape)],
            allowed={"T": _TYPES}, attr_defaults={"overlapping": False}, grad=_no_gradient)
register_op("FractionalAvgPoolGrad",
            inputs=("orig_input_tensor_shape: int64", "out_backprop: T",
                    "row_pooling_sequence: int64", "col_pooling_sequence: int64"),
            kernel=_avg_pool_grad_kernel, kernel_attrs=("overlapping",),
            shape_fn=_avg_grad_shape, allowed={"T": _TYPES}, value_inputs=(0,),
            attr_defaults={"overlapping": False}, grad=_no_gradient)


# ---- public wrappers -------------------------------------------------------------------------

def _attrs(pooling_ratio, pseudo_random, overlapping, deterministic, seed, seed2) -> dict:
    return {"pooling_ratio": [float(r) for r in pooling_ratio],
            "pseudo_random": bool(pseudo_random), "overlapping": bool(overlapping),
            "deterministic": bool(deterministic), "seed": int(seed), "seed2": int(seed2)}


def fractional_max_pool(value, pooling_ratio, pseudo_random=False, overlapping=False,
                        deterministic=False, seed=0, seed2=0, name=None):
    """Max pooling over regions of fractional average size ``pooling_ratio`` (``[1.0, rows,
    cols, 1.0]``, each >= 1). Returns ``(output, row_pooling_sequence,
    col_pooling_sequence)``; ``seed``/``seed2``/``deterministic`` are TF1's raw op attrs."""
    outputs = apply_op("FractionalMaxPool", [value], name=name, attrs=_attrs(
        pooling_ratio, pseudo_random, overlapping, deterministic, seed, seed2))
    return FractionalMaxPoolOutputs(*outputs)


def fractional_avg_pool(value, pooling_ratio, pseudo_random=False, overlapping=False,
                        deterministic=False, seed=0, seed2=0, name=None):
    """Average pooling over fractional regions (see ``fractional_max_pool``)."""
    outputs = apply_op("FractionalAvgPool", [value], name=name, attrs=_attrs(
        pooling_ratio, pseudo_random, overlapping, deterministic, seed, seed2))
    return FractionalAvgPoolOutputs(*outputs)

