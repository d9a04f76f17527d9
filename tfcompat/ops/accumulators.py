"""``tf.ConditionalAccumulator``, ``tf.SparseConditionalAccumulator`` and their base class
(the ops: tfcompat/ops/accumulator_ops.py)."""

from __future__ import annotations

from tfcompat.framework import dtypes
from tfcompat.framework.indexed_slices import IndexedSlices
from tfcompat.framework.ops import apply_op, convert_to_tensor
from tfcompat.framework.tensor_shape import as_shape, unknown_shape
from tfcompat.ops import accumulator_ops
from tfcompat.ops.math.cast import cast


def _int64(value, name):
    value = convert_to_tensor(value, name=name)
    return value if value.dtype.base_dtype == dtypes.int64 else cast(value, dtypes.int64)


class ConditionalAccumulatorBase:
    """An accumulator of gradients: its handle, dtype, shape, count and global step."""

    def __init__(self, dtype, shape, accumulator_ref):
        self._dtype = dtypes.as_dtype(dtype)
        self._shape = as_shape(shape) if shape is not None else unknown_shape()
        self._accumulator_ref = accumulator_ref
        self._name = accumulator_ref.op.name.split("/")[-1]

    accumulator_ref = property(lambda self: self._accumulator_ref)
    name = property(lambda self: self._name)
    dtype = property(lambda self: self._dtype)

    def _resource(self) -> bool:
        return self._accumulator_ref.dtype == dtypes.resource

    def num_accumulated(self, name=None):
        """The number of gradients accumulated since the last take (int32)."""
        prefix = "Resource" if self._resource() else ""
        return apply_op(f"{prefix}AccumulatorNumAccumulated", [self._accumulator_ref],
                        name=name or f"{self._name}_NumAccumulated")

    def set_global_step(self, new_global_step, name=None):
        """Sets the step older gradients must not precede (they are dropped)."""
        prefix = "Resource" if self._resource() else ""
        return apply_op(f"{prefix}AccumulatorSetGlobalStep",
                        [self._accumulator_ref, _int64(new_global_step, "new_global_step")],
                        name=name)


class ConditionalAccumulator(ConditionalAccumulatorBase):
    """Accumulates dense gradients of one shape; ``take_grad`` returns their mean (or sum)."""

    def __init__(self, dtype, shape=None, shared_name=None, name="conditional_accumulator",
                 reduction_type="MEAN"):
        shape = as_shape(shape) if shape is not None else unknown_shape()
        ref = apply_op("ResourceConditionalAccumulator", [], name=name, attrs={
            "dtype": dtypes.as_dtype(dtype), "shape": shape, "shared_name": shared_name or "",
            "reduction_type": reduction_type})
        super().__init__(dtype, shape, ref)

    def apply_grad(self, grad, local_step=0, name=None):
        """Adds ``grad`` unless ``local_step`` is older than the global step."""
        grad = convert_to_tensor(grad, self._dtype)
        grad.shape.assert_is_compatible_with(self._shape)
        return apply_op("ResourceAccumulatorApplyGradient",
                        [self._accumulator_ref, _int64(local_step, "local_step"), grad],
                        name=name)

    def take_grad(self, num_required, name=None):
        """Waits for ``num_required`` gradients; returns their mean (or sum) and resets."""
        return apply_op("ResourceAccumulatorTakeGradient",
                        [self._accumulator_ref, num_required], name=name,
                        attrs={"dtype": self._dtype})


class SparseConditionalAccumulator(ConditionalAccumulatorBase):
    """Accumulates sparse (IndexedSlices) gradients; a mean averages each row over the
    gradients that touched it."""

    def __init__(self, dtype, shape=None, shared_name=None,
                 name="sparse_conditional_accumulator", reduction_type="MEAN"):
        shape = as_shape(shape) if shape is not None else unknown_shape()
        ref = apply_op("SparseConditionalAccumulator", [], name=name, attrs={
            "dtype": dtypes.as_dtype(dtype), "shape": shape, "shared_name": shared_name or "",
            "reduction_type": reduction_type})
        super().__init__(dtype, shape, ref)

    def apply_indexed_slices_grad(self, grad, local_step=0, name=None):
        """Adds the IndexedSlices ``grad``."""
        return self.apply_grad(grad.indices, grad.values, grad.dense_shape,
                               local_step=local_step, name=name)

    def apply_grad(self, grad_indices, grad_values, grad_shape=None, local_step=0, name=None):
        """Adds the gradient rows ``grad_values`` at ``grad_indices`` (of ``grad_shape``)."""
        values = convert_to_tensor(grad_values, self._dtype)
        if self._shape.ndims is not None and values.shape.ndims is not None:
            values.shape[1:].assert_is_compatible_with(self._shape[1:])
        known = grad_shape is not None
        shape = _int64(grad_shape if known else [], "gradient_shape")
        return apply_op("SparseAccumulatorApplyGradient", [
            self._accumulator_ref, _int64(local_step, "local_step"),
            _int64(grad_indices, "gradient_indices"), values, shape], name=name,
            attrs={"has_known_shape": known})

    def take_grad(self, num_required, name=None):
        """Waits for ``num_required`` gradients; returns (indices, values, shape) and resets."""
        outputs = apply_op("SparseAccumulatorTakeGradient",
                           [self._accumulator_ref, num_required], name=name,
                           attrs={"dtype": self._dtype})
        return accumulator_ops.SparseTakeGradient(*outputs)

    def take_indexed_slices_grad(self, num_required, name=None) -> IndexedSlices:
        """``take_grad`` as IndexedSlices."""
        indices, values, shape = self.take_grad(num_required, name=name)
        return IndexedSlices(values, indices, shape)
