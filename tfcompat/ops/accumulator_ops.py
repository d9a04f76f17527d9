"""Conditional accumulators (``tf.ConditionalAccumulator``, ``tf.SparseConditionalAccumulator``)
for synchronous training: gradients applied with a ``local_step`` older than the accumulator's
global step are dropped; ``take_grad(n)`` blocks until n gradients arrived, returns their mean
(or sum), resets, and advances the global step.

The accumulator lives in the session's resource container; the dense one is a resource
(ResourceConditionalAccumulator), the sparse one a string ref handle, as in TF. A sparse mean
divides each row by the number of gradients that touched it. Closing the session cancels a
blocked ``take_grad``.
"""

from __future__ import annotations

import collections
import threading

import numpy as np

from tfcompat.framework import dtypes, errors
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape
from tfcompat.ops.resource_container import bind_resource_op, resource_of

_KERNEL_TYPES = (dtypes.float16, dtypes.float32, dtypes.float64)


def _invalid(message: str) -> errors.InvalidArgumentError:
    return errors.InvalidArgumentError(None, None, message)


class AccumulatorResource:
    """The state of one accumulator in one session."""

    def __init__(self, name: str, dtype, shape: TensorShape, reduction: str, sparse: bool):
        self.name = name
        self.dtype = dtype.as_numpy_dtype
        self.shape = shape
        self.mean = reduction == "MEAN"
        self.sparse = sparse
        self.global_step = 0
        self.count = 0
        self._cond = threading.Condition()
        self._cancelled = False
        self._reset()

    def _reset(self) -> None:
        self.count = 0
        self.dense_sum = None
        self.rows: list[list] = []  # sparse: [row, sum, contributions] entries
        self.dense_shape = None

    def cancel(self) -> None:
        with self._cond:
            self._cancelled = True
            self._cond.notify_all()

    def num_accumulated(self) -> np.ndarray:
        with self._cond:
            return np.asarray(self.count, np.int32)

    def set_global_step(self, step) -> None:
        with self._cond:
            self.global_step = int(step)

    def _check_shape(self, shape: tuple) -> None:
        if not self.shape.is_compatible_with(TensorShape(list(shape))):
            raise _invalid(f"Shape mismatch: expected {self.shape}, got {TensorShape(shape)}")

    def apply_dense(self, local_step, grad) -> None:
        grad = np.asarray(grad, self.dtype)
        with self._cond:
            if int(local_step) < self.global_step:
                return  # a stale gradient: TF drops it (and logs)
            self._check_shape(grad.shape)
            if self.dense_sum is not None and self.dense_sum.shape != grad.shape:
                raise _invalid(f"Shape mismatch: expected {list(self.dense_sum.shape)}, got "
                               f"{list(grad.shape)}")
            self.dense_sum = grad.copy() if self.dense_sum is None else self.dense_sum + grad
            self.count += 1
            self._cond.notify_all()

    def apply_sparse(self, local_step, indices, values, shape, has_known_shape) -> None:
        indices = np.asarray(indices, np.int64).reshape(-1)
        values = np.asarray(values, self.dtype)
        with self._cond:
            if int(local_step) < self.global_step:
                return
            if values.shape[:1] != indices.shape:
                raise _invalid(f"Shape mismatch: indices {list(indices.shape)} and values "
                               f"{list(values.shape)}")
            if has_known_shape:
                shape = tuple(int(d) for d in np.asarray(shape))
                self._check_shape(shape)
                bad = np.flatnonzero((indices < 0) | (indices >= shape[0]))
                if bad.size:
                    raise _invalid(f"Shape mismatch: index {indices[bad[0]]} is out of the "
                                   f"gradient's first dimension {shape[0]}")
                self.dense_shape = shape
            self._check_shape((None,) + values.shape[1:])
            if not self.count:
                # The first gradient is kept as given (TF does not merge its duplicates).
                self.rows = [[row, value.copy(), 1] for row, value in zip(indices.tolist(),
                                                                          values)]
            else:
                position = {entry[0]: entry for entry in reversed(self.rows)}
                for row, value in zip(indices.tolist(), values):
                    entry = position.get(row)
                    if entry is None:
                        entry = position[row] = [row, np.zeros_like(value), 0]
                        self.rows.append(entry)
                    entry[1] = entry[1] + value
                    entry[2] += 1
                self.rows.sort(key=lambda entry: entry[0])
            self.count += 1
            self._cond.notify_all()

    def _wait_for(self, num_required: int) -> None:
        if num_required < 1:
            raise _invalid(f"Argument num_required must be positive, but was {num_required}")
        while self.count < num_required:
            if self._cancelled:
                raise errors.CancelledError(None, None, "TakeGrad operation was cancelled")
            self._cond.wait()

    def take_dense(self, num_required) -> np.ndarray:
        with self._cond:
            self._wait_for(int(num_required))
            result = self.dense_sum / self.count if self.mean else self.dense_sum
            self._reset()
            self.global_step += 1
            return np.asarray(result, self.dtype)

    def take_sparse(self, num_required) -> tuple:
        with self._cond:
            self._wait_for(int(num_required))
            rows = [entry[0] for entry in self.rows]
            values = [total / count if self.mean else total for _, total, count in self.rows]
            row_shape = tuple(self.shape.as_list()[1:]) if self.shape.ndims else ()
            stacked = np.asarray(values, self.dtype) if values else np.zeros(
                (0,) + tuple(d or 0 for d in row_shape), self.dtype)
            if self.dense_shape is not None:
                shape = np.asarray(self.dense_shape, np.int64)
            elif self.shape.is_fully_defined():
                shape = np.asarray(self.shape.as_list(), np.int64)
            else:
                shape = np.asarray([-1] + list(stacked.shape[1:]), np.int64)
            self._reset()
            self.global_step += 1
            return np.asarray(rows, np.int64), stacked, shape


# ---- the accumulators -----------------------------------------------------------------------

def _make(sparse: bool):
    def make(op, name):
        dtype = op._attrs["dtype"]
        if dtype not in _KERNEL_TYPES:
            raise _invalid(f"No OpKernel was registered to support Op '{op.type}' used by "
                           f"{{{{node {op.name}}}}} with these attrs: [dtype=DT_"
                           f"{dtype.name.upper()}]")
        return AccumulatorResource(name, dtype, op._attrs["shape"],
                                   op._attrs["reduction_type"], sparse)
    return make


_ACCUMULATOR_ATTRS = {"container": "", "shared_name": "", "reduction_type": "MEAN",
                      "shape": unknown_shape()}
register_op("ResourceConditionalAccumulator",
            shape_fn=lambda op: [(dtypes.resource, TensorShape([]))],
            bind=bind_resource_op(_make(sparse=False)), stateful=True,
            attr_defaults=_ACCUMULATOR_ATTRS, grad=NOT_DIFFERENTIABLE)
register_op("SparseConditionalAccumulator",
            shape_fn=lambda op: [(dtypes.string._as_ref, TensorShape([2]))],
            bind=bind_resource_op(_make(sparse=True)), stateful=True,
            attr_defaults=_ACCUMULATOR_ATTRS, grad=NOT_DIFFERENTIABLE)


def _bind(method: str):
    def bind(op, state):
        def kernel(handle, *args):
            return getattr(resource_of(handle), method)(*args)
        return kernel
    return bind


def _bind_sparse_apply(op, state):
    known = op._attrs["has_known_shape"]

    def kernel(handle, local_step, indices, values, shape):
        resource_of(handle).apply_sparse(local_step, indices, values, shape, known)
    return kernel


def _accumulator_shape(handle) -> TensorShape:
    op = handle.op
    shape = op._attrs.get("shape") if op.type in ("ResourceConditionalAccumulator",
                                                 "SparseConditionalAccumulator") else None
    return shape if shape is not None else unknown_shape()


_NO_OUTPUT = {"shape_fn": lambda op: [], "stateful": True, "grad": NOT_DIFFERENTIABLE}
_COUNT = {"shape_fn": lambda op: [(dtypes.int32, TensorShape([]))], "stateful": True,
          "grad": NOT_DIFFERENTIABLE}
for _prefix, _handle in (("Resource", "handle: resource"), ("", "handle: string")):
    register_op(f"{_prefix}AccumulatorNumAccumulated", inputs=(_handle,),
                bind=_bind("num_accumulated"), **_COUNT)
    register_op(f"{_prefix}AccumulatorSetGlobalStep", inputs=(_handle, "new_global_step: int64"),
                bind=_bind("set_global_step"), **_NO_OUTPUT)
register_op("ResourceAccumulatorApplyGradient",
            inputs=("handle: resource", "local_step: int64", "gradient: dtype"),
            bind=_bind("apply_dense"), **_NO_OUTPUT)
register_op("ResourceAccumulatorTakeGradient", inputs=("handle: resource", "num_required: int32"),
            shape_fn=lambda op: [(op._attrs["dtype"], _accumulator_shape(op.inputs[0]))],
            bind=_bind("take_dense"), stateful=True, grad=NOT_DIFFERENTIABLE)
register_op("SparseAccumulatorApplyGradient",
            inputs=("handle: string", "local_step: int64", "gradient_indices: int64",
                    "gradient_values: dtype", "gradient_shape: int64"),
            bind=_bind_sparse_apply, **_NO_OUTPUT)
register_op("SparseAccumulatorTakeGradient", inputs=("handle: string", "num_required: int32"),
            shape_fn=lambda op: [(dtypes.int64, unknown_shape()),
                                 (op._attrs["dtype"], unknown_shape()),
                                 (dtypes.int64, unknown_shape())],
            bind=_bind("take_sparse"), stateful=True, grad=NOT_DIFFERENTIABLE)

SparseTakeGradient = collections.namedtuple("SparseAccumulatorTakeGradient",
                                            ["indices", "values", "shape"])
