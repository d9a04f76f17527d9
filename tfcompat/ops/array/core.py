"""Placeholders, Identity/StopGradient and the shape queries Shape, Size, Rank."""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dispatch, dtypes, errors, ops
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, no_gradient, register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op, convert_to_tensor
from tfcompat.framework.tensor_shape import TensorShape, as_shape, merge_error
from tfcompat.ops import constant_op
from tfcompat.ops.op_helpers import INDEX_TYPES

_SHAPE = TensorShape._from_tuple


def _attr_dtype_shape(op):
    return [(op._attrs["dtype"], op._attrs["shape"])]


# ---- placeholders ----------------------------------------------------------------------------

def _shape_text(shape: TensorShape) -> str:
    if shape.ndims is None:
        return "<unknown>"
    return "[" + ",".join("?" if d is None else str(d) for d in shape.as_tuple()) + "]"


_TF_DTYPE_WORD = {"float32": "float", "float64": "double"}


def _bind_placeholder(op, state):
    dtype = op._attrs["dtype"]
    message = (f"You must feed a value for placeholder tensor '{op.name}' with dtype "
               f"{_TF_DTYPE_WORD.get(dtype.name, dtype.name)}")
    if op._attrs["shape"].ndims:
        message += f" and shape {_shape_text(op._attrs['shape'])}"

    def kernel():
        raise errors.InvalidArgumentError(None, None, message)
    return kernel


register_op("Placeholder", shape_fn=_attr_dtype_shape, bind=_bind_placeholder,
            grad=NOT_DIFFERENTIABLE)


def placeholder(dtype, shape=None, name=None) -> Tensor:
    """A tensor that must be fed in ``Session.run`` (``tf.placeholder``)."""
    dtype = dtypes.as_dtype(dtype)
    graph = ops.get_default_graph()
    with graph.name_scope(name or "Placeholder") as scope:
        op = graph._create_op("Placeholder", [], {"dtype": dtype, "shape": as_shape(shape)},
                              scope)
    return op._outputs[0]


def _placeholder_with_default_shape(op):
    value = op.inputs[0]
    shape = op._attrs["shape"]
    if not value.shape.is_compatible_with(shape):
        raise ShapeError(merge_error(value.shape, shape))
    return [(value.dtype.base_dtype, shape)]


def _placeholder_with_default_grad(op, grad):
    return grad


register_op("PlaceholderWithDefault", inputs=("input: dtype",),
            shape_fn=_placeholder_with_default_shape, kernel=lambda x: x,
            grad=_placeholder_with_default_grad)


def placeholder_with_default(input, shape, name=None) -> Tensor:  # noqa: A002 - TF's name
    """A placeholder that passes ``input`` through when not fed."""
    return apply_op("PlaceholderWithDefault", [input], name=name,
                    attrs={"shape": as_shape(shape)})


# ---- identity and stop_gradient --------------------------------------------------------------

def _identity_shape(op):
    x = op.inputs[0]
    return [(x.dtype.base_dtype, x.shape)]


register_op("StopGradient", inputs=("input: T",), kernel=lambda x: x, shape_fn=_identity_shape,
            grad=NOT_DIFFERENTIABLE)


def _identity_grad(op, grad):
    return grad


register_op("Identity", inputs=("input: T",), kernel=lambda x: x, shape_fn=_identity_shape,
            aliases_input=True, grad=_identity_grad)


def _ref_identity_grad(op, grad):
    return grad


register_op("RefIdentity", inputs=("input: T",), kernel=lambda x: x,
            shape_fn=lambda op: [(op.inputs[0].dtype, op.inputs[0].shape)],
            grad=_ref_identity_grad)


def ref_identity(input, name=None) -> Tensor:  # noqa: A002
    """Forwards a reference tensor (a variable) keeping its reference type."""
    return apply_op("RefIdentity", [input], name=name)


def identity(input, name=None) -> Tensor:  # noqa: A002
    """Returns a tensor with the same shape and contents as input (``tf.identity``)."""
    if type(input) in dispatch.COMPOSITE_TYPES:
        return dispatch.call("identity", input, name)
    if hasattr(input, "_as_graph_element") and not isinstance(input, Tensor):
        input = input.value() if hasattr(input, "value") else input
    return apply_op("Identity", [input], name=name)


def stop_gradient(input, name=None) -> Tensor:  # noqa: A002
    """Outputs ``input`` unchanged; gradient construction treats it as a constant."""
    return apply_op("StopGradient", [input], name=name)


# ---- shape, size, rank -----------------------------------------------------------------------

def _shape_shape(op):
    x = op.inputs[0]
    return [(op._attrs["out_type"], _SHAPE((x.shape.ndims,)))]


def _shape_kernel(x, out_type):
    return np.array(x.shape if isinstance(x, np.ndarray) else np.shape(x),
                    out_type.as_numpy_dtype)


register_op("Shape", inputs=("input: T",), kernel=_shape_kernel, kernel_attrs=("out_type",),
            shape_fn=_shape_shape, output_from_shapes=True)
register_op("Size", inputs=("input: T",),
            kernel=lambda x, out_type: np.asarray(np.size(x), out_type.as_numpy_dtype),
            kernel_attrs=("out_type",), shape_fn=lambda op: [(op._attrs["out_type"], _SHAPE(()))],
            output_from_shapes=True)
register_op("Rank", inputs=("input: T",), kernel=lambda x: np.asarray(np.ndim(x), np.int32),
            shape_fn=lambda op: [(dtypes.int32, _SHAPE(()))], output_from_shapes=True)
for _type in ("Shape", "Size", "Rank"):
    no_gradient(_type)


def _as_input(x):
    if isinstance(x, Tensor):
        return x
    return convert_to_tensor(x)


def _shape_query(op_type: str, input, name, out_type, optimize, static_value) -> Tensor:  # noqa: A002
    """A Shape/Size op, or (as TF does) a Const when the input's shape is fully known."""
    out_type = dtypes.as_dtype(out_type)
    with ops.name_scope(name, op_type, [input]) as scope:
        input = _as_input(input)
        if optimize and input.shape.is_fully_defined():
            return constant_op.constant(static_value(input.shape), out_type, name=scope)
        return apply_op(op_type, [input], name=scope, attrs={"out_type": out_type})


def shape(input, name=None, out_type=dtypes.int32, optimize=True) -> Tensor:  # noqa: A002
    """The shape of a tensor as a 1-D int tensor (``tf.shape``)."""
    return _shape_query("Shape", input, name, out_type, optimize, TensorShape.as_list)


def size(input, name=None, out_type=dtypes.int32, optimize=True) -> Tensor:  # noqa: A002
    """The number of elements of a tensor (``tf.size``)."""
    if type(input) in dispatch.COMPOSITE_TYPES:
        return dispatch.call("size", input, name, out_type)
    return _shape_query("Size", input, name, out_type, optimize, TensorShape.num_elements)


def rank(input, name=None) -> Tensor:  # noqa: A002
    """The rank of a tensor (``tf.rank``)."""
    if type(input) in dispatch.COMPOSITE_TYPES:
        return dispatch.call("rank", input, name)
    with ops.name_scope(name, "Rank", [input]) as scope:
        input = _as_input(input)
        if input.shape.ndims is not None:
            return constant_op.constant(input.shape.ndims, dtypes.int32, name=scope)
        return apply_op("Rank", [input], name=scope)


def shape_internal(input, name=None, optimize=True, out_type=dtypes.int32) -> Tensor:  # noqa: A002
    """Shape as TF's internal helpers build it: a ``shape_as_tensor`` Const when known."""
    with ops.name_scope(name, "Shape", [input]) as scope:
        input = _as_input(input)
        if optimize and input.shape.is_fully_defined():
            return constant_op.constant(input.shape.as_list(), out_type, name="shape_as_tensor")
        return apply_op("Shape", [input], name=scope, attrs={"out_type": out_type})


# ---- ShapeN (the Conv2D gradient uses it, as TF's does) ------------------------------------------

def _shape_n_shape(op):
    out_type = op._attrs["out_type"]
    return [(out_type, TensorShape([t.shape.ndims])) for t in op.inputs]


def _shape_n_kernel(*arrays, out_type):
    return tuple(np.asarray(np.shape(a), out_type.as_numpy_dtype) for a in arrays)


register_op("ShapeN", inputs=("input: N*T",), kernel=_shape_n_kernel, kernel_attrs=("out_type",),
            shape_fn=_shape_n_shape, allowed={"out_type": INDEX_TYPES},
            output_from_shapes=True, grad=NOT_DIFFERENTIABLE)


def shape_n(input, out_type=dtypes.int32, name=None) -> list[Tensor]:  # noqa: A002 - TF's name
    """The shapes of several tensors, computed by one ShapeN op (``tf.shape_n``)."""
    if not isinstance(input, (list, tuple)):
        raise TypeError(f"Expected list for 'input' argument to 'ShapeN' Op, not {input}.")
    with ops.name_scope(name, "ShapeN", input) as scope:
        if not input:
            raise ValueError("List argument 'input' to 'ShapeN' Op with length 0 shorter than "
                             "minimum length 1.")
        op = ops.create_op_from_values("ShapeN", [list(input)], name=scope,
                                       attrs={"out_type": dtypes.as_dtype(out_type)})
        return op.outputs
