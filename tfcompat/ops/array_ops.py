"""Array ops: placeholders, identity, shapes, reshaping, filling, stacking, selection.

(Slicing, gathering, padding and splitting live in tfcompat.ops.slicing_ops.)
"""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, errors, ops, tensor_util
from tfcompat.framework.common_shapes import broadcast_shape, unchanged_shape
from tfcompat.framework.deprecation import deprecated_argument_lookup
from tfcompat.framework.op_registry import RegisterGradient, no_gradient, register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op, convert_to_tensor
from tfcompat.framework.tensor_shape import TensorShape, as_shape, merge_error, unknown_shape
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


register_op("Placeholder", shape_fn=_attr_dtype_shape, bind=_bind_placeholder)
no_gradient("Placeholder")


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


register_op("PlaceholderWithDefault", inputs=("input: dtype",),
            shape_fn=_placeholder_with_default_shape, kernel=lambda x: x)


@RegisterGradient("PlaceholderWithDefault")
def _placeholder_with_default_grad(op, grad):
    return grad


def placeholder_with_default(input, shape, name=None) -> Tensor:  # noqa: A002 - TF's name
    """A placeholder that passes ``input`` through when not fed."""
    return apply_op("PlaceholderWithDefault", [input], name=name,
                    attrs={"shape": as_shape(shape)})


# ---- identity and stop_gradient --------------------------------------------------------------

def _identity_shape(op):
    x = op.inputs[0]
    return [(x.dtype.base_dtype, x.shape)]


register_op("Identity", inputs=("input: T",), kernel=lambda x: x, shape_fn=_identity_shape,
            aliases_input=True)
register_op("RefIdentity", inputs=("input: T",), kernel=lambda x: x,
            shape_fn=lambda op: [(op.inputs[0].dtype, op.inputs[0].shape)])
register_op("StopGradient", inputs=("input: T",), kernel=lambda x: x, shape_fn=_identity_shape)
no_gradient("StopGradient")


@RegisterGradient("Identity")
def _identity_grad(op, grad):
    return grad


@RegisterGradient("RefIdentity")
def _ref_identity_grad(op, grad):
    return grad


def ref_identity(input, name=None) -> Tensor:  # noqa: A002
    """Forwards a reference tensor (a variable) keeping its reference type."""
    return apply_op("RefIdentity", [input], name=name)


def identity(input, name=None) -> Tensor:  # noqa: A002
    """Returns a tensor with the same shape and contents as input (``tf.identity``)."""
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
    return np.asarray(np.shape(x), out_type.as_numpy_dtype)


register_op("Shape", inputs=("input: T",), kernel=_shape_kernel, kernel_attrs=("out_type",),
            shape_fn=_shape_shape)
register_op("Size", inputs=("input: T",),
            kernel=lambda x, out_type: np.asarray(np.size(x), out_type.as_numpy_dtype),
            kernel_attrs=("out_type",), shape_fn=lambda op: [(op._attrs["out_type"], _SHAPE(()))])
register_op("Rank", inputs=("input: T",), kernel=lambda x: np.asarray(np.ndim(x), np.int32),
            shape_fn=lambda op: [(dtypes.int32, _SHAPE(()))])
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
    return _shape_query("Size", input, name, out_type, optimize, TensorShape.num_elements)


def rank(input, name=None) -> Tensor:  # noqa: A002
    """The rank of a tensor (``tf.rank``)."""
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


# ---- reshape, expand_dims, squeeze, transpose ------------------------------------------------

def _reshape_shape(op):
    x, shape_t = op.inputs
    target = tensor_util.constant_value_as_shape(shape_t)
    if target.ndims is None:
        return [(x.dtype.base_dtype, unknown_shape())]
    dims = list(target.as_tuple())
    value = tensor_util.constant_value(shape_t)
    if value is not None:
        dims = [int(d) for d in np.asarray(value).reshape(-1)]
        if sum(1 for d in dims if d == -1) > 1:
            # Accepted while building; the kernel rejects it when run.
            return [(x.dtype.base_dtype, TensorShape([None if d == -1 else d for d in dims]))]
        known = x.shape.num_elements()
        product = int(np.prod([d for d in dims if d != -1], dtype=np.int64))
        if -1 in dims:
            if known is not None:
                if product == 0 or known % product:
                    raise ShapeError(f"Dimension size must be evenly divisible by {product} but "
                                     f"is {known}")
                dims = [known // product if d == -1 else d for d in dims]
            else:
                dims = [None if d == -1 else d for d in dims]
        elif known is not None and known != product:
            raise ShapeError(f"Cannot reshape a tensor with {known} elements to shape "
                             f"[{','.join(str(d) for d in dims)}] ({product} elements)")
    return [(x.dtype.base_dtype, TensorShape(dims))]


def _reshape_kernel(x, shape):
    x = np.asarray(x)
    shape = tuple(int(d) for d in np.asarray(shape).reshape(-1))
    if shape.count(-1) > 1:
        raise errors.InvalidArgumentError(
            None, None, "Only one input size may be -1, not both 0 and 1")
    try:
        return x.reshape(shape)
    except ValueError:
        product = int(np.prod([d for d in shape if d != -1], dtype=np.int64))
        if -1 in shape:
            raise errors.InvalidArgumentError(
                None, None, f"Input to reshape is a tensor with {x.size} values, but the "
                f"requested shape requires a multiple of {product}") from None
        raise errors.InvalidArgumentError(
            None, None, f"Input to reshape is a tensor with {x.size} values, but the requested "
            f"shape has {product}") from None


register_op("Reshape", inputs=("tensor: T", "shape: Tshape"), kernel=_reshape_kernel,
            shape_fn=_reshape_shape, allowed={"Tshape": INDEX_TYPES}, shape_inputs=(1,),
            type_defaults={"Tshape": dtypes.int32})


@RegisterGradient("Reshape")
def _reshape_grad(op, grad):
    return [reshape(grad, shape(op.inputs[0])), None]


def reshape(tensor, shape, name=None) -> Tensor:  # noqa: F811 - TF's argument name
    """Reshapes a tensor (``tf.reshape``)."""
    return apply_op("Reshape", [tensor, shape], name=name)


def _expand_dims_shape(op):
    x, axis_t = op.inputs
    axis = tensor_util.constant_value(axis_t)
    if axis is None or x.shape.ndims is None:
        rank_ = x.shape.ndims
        return [(x.dtype.base_dtype, unknown_shape(None if rank_ is None else rank_ + 1))]
    axis = int(np.asarray(axis).reshape(-1)[0])
    dims = list(x.shape.as_tuple())
    rank_ = len(dims)
    if axis < -rank_ - 1 or axis > rank_:
        raise ShapeError(f"dim {axis} not in the interval [{-rank_ - 1}, {rank_}].")
    if axis < 0:
        axis += rank_ + 1
    dims.insert(axis, 1)
    return [(x.dtype.base_dtype, _SHAPE(tuple(dims)))]


def _expand_dims_kernel(x, axis):
    return np.expand_dims(x, int(np.asarray(axis).reshape(-1)[0]))


register_op("ExpandDims", inputs=("input: T", "dim: Tdim"), kernel=_expand_dims_kernel,
            shape_fn=_expand_dims_shape, allowed={"Tdim": INDEX_TYPES}, value_inputs=(1,),
            type_defaults={"Tdim": dtypes.int32})


@RegisterGradient("ExpandDims")
def _expand_dims_grad(op, grad):
    return [reshape(grad, shape(op.inputs[0])), None]


def expand_dims(input, axis=None, name=None, dim=None) -> Tensor:  # noqa: A002
    """Inserts a dimension of 1 at ``axis`` (``tf.expand_dims``; ``dim`` is the TF1 alias)."""
    axis = deprecated_argument_lookup("axis", axis, "dim", dim)
    if axis is None:
        raise ValueError("Must specify an axis argument to tf.expand_dims()")
    return apply_op("ExpandDims", [input, axis], name=name)


def _squeeze_shape(op):
    x = op.inputs[0]
    axes = op._attrs["squeeze_dims"]
    if x.shape.ndims is None:
        return [(x.dtype.base_dtype, unknown_shape())]
    dims = x.shape.as_tuple()
    rank_ = len(dims)
    norm = set()
    for a in axes:
        if a < -rank_ or a >= rank_:
            raise ShapeError(f"squeeze_dims[{axes.index(a)}] not in [{-rank_},{rank_}).")
        a = a + rank_ if a < 0 else a
        if dims[a] is not None and dims[a] != 1:
            raise ShapeError(f"Can not squeeze dim[{a}], expected a dimension of 1, got "
                             f"{dims[a]}")
        norm.add(a)
    if axes:
        out = [d for i, d in enumerate(dims) if i not in norm]
    else:
        if any(d is None for d in dims):
            return [(x.dtype.base_dtype, unknown_shape())]
        out = [d for d in dims if d != 1]
    return [(x.dtype.base_dtype, _SHAPE(tuple(out)))]


def _squeeze_kernel(x, squeeze_dims):
    x = np.asarray(x)
    if squeeze_dims:
        for a in squeeze_dims:
            if x.shape[a] != 1:
                raise errors.InvalidArgumentError(
                    None, None, f"Can not squeeze dim[{a % x.ndim}], expected a dimension of 1, "
                    f"got {x.shape[a]}")
        return np.squeeze(x, tuple(squeeze_dims))
    return np.squeeze(x)


register_op("Squeeze", inputs=("input: T",), kernel=_squeeze_kernel,
            kernel_attrs=("squeeze_dims",), shape_fn=_squeeze_shape)


@RegisterGradient("Squeeze")
def _squeeze_grad(op, grad):
    return reshape(grad, shape(op.inputs[0]))


def squeeze(input, axis=None, name=None, squeeze_dims=None) -> Tensor:  # noqa: A002
    """Removes dimensions of size 1 (``tf.squeeze``; ``squeeze_dims`` is the TF1 alias)."""
    axis = deprecated_argument_lookup("axis", axis, "squeeze_dims", squeeze_dims)
    if axis is None:
        axis = []
    elif np.ndim(axis) == 0:
        axis = [axis]
    return apply_op("Squeeze", [input], name=name,
                    attrs={"squeeze_dims": [int(a) for a in axis]})


def _transpose_shape(op):
    x, perm_t = op.inputs
    perm = tensor_util.constant_value(perm_t)
    rank_ = x.shape.ndims
    if perm is None:
        if rank_ is None and perm_t.shape.ndims == 1 and perm_t.shape.as_tuple()[0] is not None:
            rank_ = perm_t.shape.as_tuple()[0]
        return [(x.dtype.base_dtype, unknown_shape(rank_))]
    perm = [int(p) for p in np.asarray(perm).reshape(-1)]
    if rank_ is None:
        return [(x.dtype.base_dtype, unknown_shape(len(perm)))]
    if len(perm) != rank_:
        raise ShapeError(f"Dimension must be {rank_} but is {len(perm)}")
    dims = x.shape.as_tuple()
    return [(x.dtype.base_dtype, _SHAPE(tuple(dims[p] for p in perm)))]


register_op("Transpose", inputs=("x: T", "perm: Tperm"),
            kernel=lambda x, perm: np.transpose(x, [int(p) for p in np.asarray(perm)]),
            shape_fn=_transpose_shape, allowed={"Tperm": INDEX_TYPES},
            type_defaults={"Tperm": dtypes.int32})


@RegisterGradient("Transpose")
def _transpose_grad(op, grad):
    perm = op.inputs[1]
    return [transpose(grad, invert_permutation(perm)), None]


register_op("InvertPermutation", inputs=("x: T",),
            kernel=lambda x: np.argsort(np.asarray(x)).astype(np.asarray(x).dtype),
            shape_fn=unchanged_shape, allowed={"T": INDEX_TYPES})
no_gradient("InvertPermutation")


def invert_permutation(x, name=None) -> Tensor:
    return apply_op("InvertPermutation", [x], name=name)


def transpose(a, perm=None, name="transpose", conjugate=False) -> Tensor:
    """Permutes the dimensions of ``a``; reverses them when ``perm`` is None."""
    with ops.name_scope(name, "transpose", [a]) as scope:
        a = _as_input(a)
        if perm is None:
            if a.shape.ndims is not None:
                perm = list(range(a.shape.ndims - 1, -1, -1))
            else:
                from tfcompat.ops import math_ops
                rank_ = rank(a)
                perm = (rank_ - 1) - math_ops.range(0, rank_, 1)
        return apply_op("Transpose", [a, perm], name=scope)


# ---- fill, zeros, ones -----------------------------------------------------------------------

def _fill_shape(op):
    dims_t, value = op.inputs
    return [(value.dtype.base_dtype, tensor_util.constant_value_as_shape(dims_t))]


def _fill_kernel(dims, value):
    return np.full(tuple(int(d) for d in np.asarray(dims).reshape(-1)), value,
                   dtype=np.asarray(value).dtype)


register_op("Fill", inputs=("dims: index_type", "value: T"), kernel=_fill_kernel,
            shape_fn=_fill_shape, allowed={"index_type": INDEX_TYPES},
            type_defaults={"index_type": dtypes.int32})


@RegisterGradient("Fill")
def _fill_grad(op, grad):
    from tfcompat.ops import math_ops
    return None, math_ops.reduce_sum(grad)


def fill(dims, value, name=None) -> Tensor:
    """A tensor of shape ``dims`` filled with the scalar ``value`` (``tf.fill``)."""
    return apply_op("Fill", [dims, value], name=name)


_SMALL_CONSTANT = 1000


def _filled(value, shape_arg, dtype, name, default_name):
    dtype = dtypes.as_dtype(dtype).base_dtype
    with ops.name_scope(name, default_name, [shape_arg]) as scope:
        if isinstance(shape_arg, TensorShape):
            shape_arg = shape_arg.as_list()
        if not isinstance(shape_arg, Tensor):
            try:
                static = TensorShape(shape_arg)
                if static.is_fully_defined() and static.num_elements() < _SMALL_CONSTANT:
                    return constant_op.constant(value, dtype=dtype, shape=static.as_list(),
                                                name=scope)
                index_type = (dtypes.int32 if ops.ints_fit(shape_arg, dtypes.int32)
                              else dtypes.int64)
                shape_arg = constant_op.constant(
                    shape_arg, dtype=index_type, name="shape_as_tensor")
            except (TypeError, ValueError):
                # A list holding Tensors: autopacked, as in TF.
                shape_arg = convert_to_tensor(shape_arg, dtype=dtypes.int32)
        return fill(shape_arg, constant_op.constant(value, dtype=dtype), name=scope)


def zeros(shape, dtype=dtypes.float32, name=None) -> Tensor:
    """A tensor of zeros (``tf.zeros``); empty strings for string dtype."""
    base = dtypes.as_dtype(dtype).base_dtype
    zero = False if base is dtypes.bool_ else "" if base is dtypes.string else 0
    return _filled(zero, shape, dtype, name, "zeros")


def ones(shape, dtype=dtypes.float32, name=None) -> Tensor:
    """A tensor of ones (``tf.ones``)."""
    return _filled(True if dtypes.as_dtype(dtype) is dtypes.bool_ else 1, shape, dtype, name,
                   "ones")


register_op("ZerosLike", inputs=("x: T",), kernel=np.zeros_like, shape_fn=unchanged_shape)
no_gradient("ZerosLike")


def zeros_like(tensor, dtype=None, name=None, optimize=True) -> Tensor:
    """A tensor of zeros with the shape of ``tensor`` (``tf.zeros_like``)."""
    with ops.name_scope(name, "zeros_like", [tensor]) as scope:
        tensor = _as_input(tensor)
        out_dtype = dtypes.as_dtype(dtype).base_dtype if dtype else tensor.dtype.base_dtype
        if optimize and tensor.shape.is_fully_defined() and out_dtype is not dtypes.variant:
            return zeros(tensor.shape.as_list(), out_dtype, name=scope)
        if out_dtype is not tensor.dtype.base_dtype:
            return zeros(shape_internal(tensor, optimize=optimize), out_dtype, name=scope)
        return apply_op("ZerosLike", [tensor], name=scope)


def ones_like(tensor, dtype=None, name=None, optimize=True) -> Tensor:
    """A tensor of ones with the shape of ``tensor`` (``tf.ones_like``)."""
    with ops.name_scope(name, "ones_like", [tensor]) as scope:
        tensor = _as_input(tensor)
        ones_shape = shape_internal(tensor, optimize=optimize)
        out_dtype = dtypes.as_dtype(dtype).base_dtype if dtype else tensor.dtype.base_dtype
        result = ones(ones_shape, out_dtype, name=scope)
        if not tensor.shape.is_fully_defined() or not optimize:
            result.set_shape(tensor.shape)
        return result


# ---- concat and stack ------------------------------------------------------------------------

def _concat_shape(op):
    values, axis_t = op.inputs[:-1], op.inputs[-1]
    dtype = values[0].dtype.base_dtype
    axis = tensor_util.constant_value(axis_t)
    ranks = [v.shape.ndims for v in values if v.shape.ndims is not None]
    if not ranks:
        return [(dtype, unknown_shape())]
    rank_ = ranks[0]
    for r in ranks:
        if r != rank_:
            raise ShapeError(f"Shape must be rank {rank_} but is rank {r}")
    if axis is None:
        return [(dtype, unknown_shape(rank_))]
    axis = int(axis)
    if axis < -rank_ or axis >= rank_:
        raise ShapeError(f"Shape must be at least rank {axis + 1 if axis >= 0 else -axis} but "
                         f"is rank {rank_}")
    axis %= rank_
    out = [None] * rank_
    total = 0
    for v in values:
        if v.shape.ndims is None:
            total = None
            continue
        dims = v.shape.as_tuple()
        for i, d in enumerate(dims):
            if i == axis:
                continue
            if out[i] is None:
                out[i] = d
            elif d is not None and d != out[i]:
                raise ShapeError(f"Dimension {i} in both shapes must be equal, but are {out[i]} "
                                 f"and {d}. Shapes are {list(values[0].shape.as_tuple())} and "
                                 f"{list(dims)}.")
        if total is not None:
            total = None if dims[axis] is None else total + dims[axis]
    out[axis] = total
    return [(dtype, _SHAPE(tuple(out)))]


def _concat_kernel(*args):
    values, axis = args[:-1], int(args[-1])
    try:
        return np.concatenate(values, axis=axis)
    except ValueError as e:
        raise errors.InvalidArgumentError(None, None, f"ConcatOp : {e}") from None


register_op("ConcatV2", inputs=("values: N*T", "axis: Tidx"), kernel=_concat_kernel,
            shape_fn=_concat_shape, allowed={"Tidx": INDEX_TYPES}, value_inputs=(-1,),
            type_defaults={"Tidx": dtypes.int32})


@RegisterGradient("ConcatV2")
def _concat_grad(op, grad):
    from tfcompat.ops import slicing_ops
    values, axis = op.inputs[:-1], op.inputs[-1]
    sizes = [shape(v) for v in values]
    from tfcompat.ops import math_ops
    rank_ = rank(values[0])
    axis_mod = math_ops.floormod(axis, rank_)
    offsets = concat_offsets(axis_mod, sizes)
    grads = [slicing_ops.slice(grad, offset, size) for offset, size in zip(offsets, sizes)]
    return grads + [None]


def concat_offsets(axis, shapes):
    """Start offsets of each piece along ``axis`` (TF's ConcatOffset op)."""
    return apply_op("ConcatOffset", [axis, list(shapes)])


def _concat_offset_shape(op):
    return [(dtypes.int32, s.shape) for s in op.inputs[1:]]


def _concat_offset_kernel(axis, *shapes):
    axis = int(axis)
    offsets = []
    running = 0
    for s in shapes:
        offset = np.zeros_like(np.asarray(s))
        offset[axis] = running
        running += int(np.asarray(s)[axis])
        offsets.append(offset)
    return tuple(offsets)


register_op("ConcatOffset", inputs=("concat_dim: int32", "shape: N*int32"),
            kernel=_concat_offset_kernel, shape_fn=_concat_offset_shape)
no_gradient("ConcatOffset")


def concat(values, axis, name="concat") -> Tensor:
    """Concatenates tensors along ``axis`` (``tf.concat``)."""
    if not isinstance(values, (list, tuple)):
        values = [values]
    if len(values) == 1:
        with ops.name_scope(name) as scope:
            convert_to_tensor(axis, name="concat_dim", dtype=dtypes.int32)
            return identity(values[0], name=scope)
    return apply_op("ConcatV2", [list(values), axis], name=name)


def _pack_shape(op):
    values = op.inputs
    axis = op._attrs["axis"]
    merged = unknown_shape()
    for v in values:
        if not merged.is_compatible_with(v.shape):
            # TF reports this one without the node description.
            raise ValueError(merge_error(merged, v.shape))
        merged = merged.merge_with(v.shape)
    dtype = values[0].dtype.base_dtype
    if merged.ndims is None:
        return [(dtype, unknown_shape())]
    dims = list(merged.as_tuple())
    rank_ = len(dims) + 1
    if axis < -rank_ or axis >= rank_:
        raise ShapeError(f"Invalid axis: {axis}; must be in [{-rank_},{rank_})")
    if axis < 0:
        axis += rank_
    dims.insert(axis, len(values))
    return [(dtype, _SHAPE(tuple(dims)))]


register_op("Pack", inputs=("values: N*T",), kernel=lambda *v, axis: np.stack(v, axis=axis),
            kernel_attrs=("axis",), shape_fn=_pack_shape, attr_defaults={"axis": 0})


@RegisterGradient("Pack")
def _pack_grad(op, grad):
    from tfcompat.ops import slicing_ops
    return slicing_ops.unstack(grad, num=op._attrs["N"], axis=op._attrs["axis"])


def stack(values, axis=0, name="stack") -> Tensor:
    """Stacks rank-R tensors into one rank-(R+1) tensor (``tf.stack``).

    Along axis 0 a list of Python values becomes one Const, as in TF.
    """
    if axis == 0:
        try:
            return convert_to_tensor(values, name=name)
        except (TypeError, ValueError, NotImplementedError):
            pass
    return apply_op("Pack", [list(values)], name=name, attrs={"axis": int(axis)})


# ---- select and broadcasting -----------------------------------------------------------------

def _select_shape(op):
    cond, x, y = op.inputs
    if not x.shape.is_compatible_with(y.shape):
        raise ShapeError(merge_error(x.shape, y.shape))
    out = x.shape.merge_with(y.shape)
    if cond.shape.ndims not in (None, 0, 1) and out.ndims is not None:
        if not cond.shape.is_compatible_with(out):
            raise ShapeError(f"Shapes must be equal rank, but are {cond.shape.ndims} and "
                             f"{out.ndims}")
        out = out.merge_with(cond.shape)
    return [(x.dtype.base_dtype, out)]


def _select_kernel(cond, x, y):
    cond = np.asarray(cond)
    x = np.asarray(x)
    if cond.ndim == 1 and x.ndim > 1:
        cond = cond.reshape((-1,) + (1,) * (x.ndim - 1))
    return np.where(cond, x, y)


register_op("Select", inputs=("condition: bool", "t: T", "e: T"), kernel=_select_kernel,
            shape_fn=_select_shape)


@RegisterGradient("Select")
def _select_grad(op, grad):
    cond = op.inputs[0]
    zeros_ = zeros_like(op.inputs[1])
    return None, select(cond, grad, zeros_), select(cond, zeros_, grad)


def select(condition, x, y, name=None) -> Tensor:
    return apply_op("Select", [condition, x, y], name=name)


def _select_v2_shape(op):
    cond, x, y = op.inputs
    out = broadcast_shape(broadcast_shape(cond.shape, x.shape), y.shape)
    return [(x.dtype.base_dtype, out)]


register_op("SelectV2", inputs=("condition: bool", "t: T", "e: T"),
            kernel=lambda c, x, y: np.where(c, x, y), shape_fn=_select_v2_shape)


@RegisterGradient("SelectV2")
def _select_v2_grad(op, grad):
    from tfcompat.ops import math_grad_util
    cond, x, y = op.inputs
    zeros_ = zeros([], dtype=grad.dtype)
    gx = math_grad_util.reduce_to_shape_of(select_v2(cond, grad, zeros_), x)
    gy = math_grad_util.reduce_to_shape_of(select_v2(cond, zeros_, grad), y)
    return None, gx, gy


def select_v2(condition, x, y, name=None) -> Tensor:
    return apply_op("SelectV2", [condition, x, y], name=name)


def _broadcast_to_shape(op):
    x, shape_t = op.inputs
    target = tensor_util.constant_value_as_shape(shape_t)
    try:
        out = broadcast_shape(x.shape, target)
    except ShapeError:
        raise ShapeError(f"Incompatible shapes: {x.shape} vs. {target}") from None
    if target.ndims is not None:
        out = target.merge_with(out) if out.ndims == target.ndims else target
    return [(x.dtype.base_dtype, out)]


def _broadcast_to_kernel(x, shape_):
    try:
        return np.broadcast_to(x, tuple(int(d) for d in np.asarray(shape_))).copy()
    except ValueError:
        raise errors.InvalidArgumentError(
            None, None, f"Incompatible shapes: {list(np.shape(x))} vs. "
            f"{[int(d) for d in np.asarray(shape_)]}") from None


register_op("BroadcastTo", inputs=("input: T", "shape: Tidx"), kernel=_broadcast_to_kernel,
            shape_fn=_broadcast_to_shape, allowed={"Tidx": INDEX_TYPES},
            type_defaults={"Tidx": dtypes.int32})


@RegisterGradient("BroadcastTo")
def _broadcast_to_grad(op, grad):
    from tfcompat.ops import math_grad_util
    return math_grad_util.reduce_to_shape_of(grad, op.inputs[0]), None


def broadcast_to(input, shape, name=None) -> Tensor:  # noqa: A002
    """Broadcasts ``input`` to ``shape`` (``tf.broadcast_to``)."""
    return apply_op("BroadcastTo", [input, shape], name=name)


def _broadcast_gradient_args_kernel(s0, s1):
    s0 = [int(d) for d in np.asarray(s0)]
    s1 = [int(d) for d in np.asarray(s1)]
    n = max(len(s0), len(s1))
    p0 = [1] * (n - len(s0)) + s0
    p1 = [1] * (n - len(s1)) + s1
    r0, r1 = [], []
    for i, (a, b) in enumerate(zip(p0, p1)):
        if a == 1 and b == 1:
            r0.append(i)
            r1.append(i)
        elif a == 1:
            r0.append(i)
        elif b == 1:
            r1.append(i)
        elif a != b:
            raise errors.InvalidArgumentError(None, None, f"Incompatible shapes: {s0} vs. {s1}")
    dtype = np.asarray(s0).dtype if s0 else np.int32
    return np.asarray(r0, np.int32).astype(dtype), np.asarray(r1, np.int32).astype(dtype)


register_op("BroadcastGradientArgs", inputs=("s0: T", "s1: T"),
            kernel=_broadcast_gradient_args_kernel,
            shape_fn=lambda op: [(op.inputs[0].dtype.base_dtype, unknown_shape(1))] * 2,
            allowed={"T": INDEX_TYPES})
no_gradient("BroadcastGradientArgs")


def broadcast_gradient_args(s0, s1, name=None):
    return apply_op("BroadcastGradientArgs", [s0, s1], name=name)


# ---- unique and bitcast (TF defines no gradient for either: tf.gradients raises LookupError) --

def _unique_shape(op):
    x = op.inputs[0]
    return [(x.dtype.base_dtype, unknown_shape(1)), (op._attrs["out_idx"], x.shape)]


def _unique_kernel(x, out_idx):
    x = np.asarray(x)
    if x.ndim != 1:
        raise errors.InvalidArgumentError(None, None, "unique expects a 1D vector.")
    _, first, inverse = np.unique(x, return_index=True, return_inverse=True)
    order = np.argsort(first, kind="stable")
    rank_of = np.empty_like(order)
    rank_of[order] = np.arange(order.size)
    return x[np.sort(first)], rank_of[inverse].astype(out_idx.as_numpy_dtype)


register_op("Unique", inputs=("x: T",), kernel=_unique_kernel, kernel_attrs=("out_idx",),
            shape_fn=_unique_shape)


def unique(x, out_idx=dtypes.int32, name=None):
    """The unique elements of a 1-D tensor in order of appearance, and each element's index."""
    return apply_op("Unique", [x], name=name, attrs={"out_idx": dtypes.as_dtype(out_idx)})


def _bitcast_shape(op):
    x = op.inputs[0]
    src, dst = x.dtype.base_dtype, op._attrs["type"]
    if x.shape.ndims is None:
        return [(dst, unknown_shape())]
    if src.size == dst.size:
        return [(dst, x.shape)]
    if src.size > dst.size:
        return [(dst, x.shape.concatenate([src.size // dst.size]))]
    dims = x.shape.as_tuple()
    if not dims or (dims[-1] is not None and dims[-1] != dst.size // src.size):
        raise ShapeError(f"Cannot bitcast from {src.name} to {dst.name}: shape {x.shape}")
    return [(dst, TensorShape(dims[:-1]))]


def _bitcast_kernel(x, type):  # noqa: A002 - TF's attr name
    x = np.ascontiguousarray(x)
    out = x.view(type.as_numpy_dtype)
    src_size, dst_size = x.dtype.itemsize, np.dtype(type.as_numpy_dtype).itemsize
    if src_size > dst_size:
        return out.reshape(x.shape + (src_size // dst_size,))
    if src_size < dst_size:
        return out.reshape(x.shape[:-1])
    return out.reshape(x.shape)


register_op("Bitcast", inputs=("input: T",), kernel=_bitcast_kernel, kernel_attrs=("type",),
            shape_fn=_bitcast_shape)


def bitcast(input, type, name=None):  # noqa: A002
    """Reinterprets the bytes of a tensor as another dtype (``tf.bitcast``)."""
    return apply_op("Bitcast", [input], name=name, attrs={"type": dtypes.as_dtype(type)})
