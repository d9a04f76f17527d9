"""Small top-level ops: Timestamp, GuaranteeConst, ParallelConcat (``tf.parallel_stack``),
CheckPinned, SparseMatMul, Fingerprint, and Conv2DBackpropFilterV2 / Conv2DBackpropInputV2.

The last two exist in TF 2.21 as graph ops without any CPU kernel: they build (with TF's static
shapes) and fail when run, with TF's "No OpKernel was registered" error. CheckPinned likewise
fails on CPU ("not pinned"), as TF's does.
"""

from __future__ import annotations

import time

import numpy as np

from tfcompat.framework import dtypes, errors, ops, tensor_util
from tfcompat.framework import node_def as node_def_lib
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op, convert_to_tensor
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape
from tfcompat.ops import array_ops
from tfcompat.ops.math.cast import cast
from tfcompat.ops.math.matmul import _matmul_shape, matmul
from tfcompat.ops.string_hash import fingerprint64


def _invalid(message: str) -> errors.InvalidArgumentError:
    return errors.InvalidArgumentError(None, None, message)


# ---- Timestamp ------------------------------------------------------------------------------

register_op("Timestamp", shape_fn=lambda op: [(dtypes.float64, TensorShape([]))],
            kernel=lambda: np.asarray(time.time(), np.float64), stateful=True,
            grad=NOT_DIFFERENTIABLE)


def timestamp(name=None) -> Tensor:
    """The time since the epoch in seconds (float64), read each time the op runs."""
    return apply_op("Timestamp", [], name=name)


# ---- GuaranteeConst (TF registers no gradient) ------------------------------------------------

register_op("GuaranteeConst", inputs=("input: T",), kernel=lambda x: x,
            shape_fn=lambda op: [(op.inputs[0].dtype.base_dtype, op.inputs[0].shape)])


def guarantee_const(input, name=None) -> Tensor:  # noqa: A002 - TF's name
    """Deprecated: promises the runtime that ``input`` is constant; returns it unchanged."""
    return apply_op("GuaranteeConst", [input], name=name)


# ---- CheckPinned (fails on CPU, as TF's kernel does) ----------------------------------------

def _check_pinned_kernel(x):
    raise _invalid("not pinned")


register_op("CheckPinned", inputs=("tensor: T",), kernel=_check_pinned_kernel,
            shape_fn=lambda op: [(op.inputs[0].dtype.base_dtype, op.inputs[0].shape)])


def check_pinned(tensor, name=None) -> Tensor:
    """Checks that ``tensor`` lies in GPU-pinned host memory; on CPU it never does (error)."""
    return apply_op("CheckPinned", [tensor], name=name)


# ---- ParallelConcat / parallel_stack (TF registers no gradient) -----------------------------

def _parallel_concat_shape(op):
    return [(op.inputs[0].dtype.base_dtype, op._attrs["shape"])]


register_op("ParallelConcat", inputs=("values: N*T",),
            kernel=lambda *values: np.concatenate(values, axis=0),
            shape_fn=_parallel_concat_shape)


def parallel_stack(values, name="parallel_stack") -> Tensor:
    """Stacks the rank-R ``values`` into one rank-(R+1) tensor (``tf.stack`` along axis 0);
    every value must have the same, fully known shape."""
    with ops.name_scope(name):
        first = convert_to_tensor(values[0])
        expanded = [array_ops.expand_dims(v, 0) for v in values]
        for t in expanded[1:]:
            if t.shape.ndims is not None and expanded[0].shape.ndims is not None and \
                    t.shape.ndims != expanded[0].shape.ndims:
                raise ValueError(f"Shapes must be equal rank, but are {t.shape.ndims} and "
                                 f"{expanded[0].shape.ndims}")
        output_shape = TensorShape([len(values)]).concatenate(first.shape)
        return apply_op("ParallelConcat", [expanded], attrs={"shape": output_shape})


# ---- SparseMatMul -----------------------------------------------------------------------------

_SPARSE_MATMUL_TYPES = (dtypes.float32, dtypes.bfloat16)


def _sparse_matmul_shape(op):
    return [(dtypes.float32, _matmul_shape(op)[0][1])]


def _sparse_matmul_kernel(a, b, transpose_a, transpose_b):
    a = np.asarray(a, np.float32).T if transpose_a else np.asarray(a, np.float32)
    b = np.asarray(b, np.float32).T if transpose_b else np.asarray(b, np.float32)
    return np.matmul(a, b).astype(np.float32)


def _product(x, y, out_dtype, x_sparse: bool, y_sparse: bool, transpose_a=False,
             transpose_b=False) -> Tensor:
    """x @ y as TF's SparseMatMul gradient builds it: SparseMatMul when an operand is marked
    sparse, else MatMul (which needs matching dtypes)."""
    if transpose_b:
        y = array_ops.transpose(y)
    if x_sparse or y_sparse:
        product = sparse_matmul(x, y, transpose_a=transpose_a, a_is_sparse=x_sparse,
                                b_is_sparse=y_sparse)
    else:
        if x.dtype.base_dtype != dtypes.float32:
            x = cast(x, dtypes.float32)
        if y.dtype.base_dtype != dtypes.float32:
            y = cast(y, dtypes.float32)
        product = matmul(x, y, transpose_a=transpose_a)
    if product.dtype.base_dtype != out_dtype:
        product = cast(product, out_dtype)
    return product


def _sparse_matmul_grad(op, grad):
    a, b = op.inputs
    ta, tb = op._attrs["transpose_a"], op._attrs["transpose_b"]
    sa, sb = op._attrs["a_is_sparse"], op._attrs["b_is_sparse"]
    da, db = a.dtype.base_dtype, b.dtype.base_dtype
    if not ta and not tb:
        return (_product(grad, b, da, False, sb, transpose_b=True),
                _product(a, grad, db, sa, False, transpose_a=True))
    if not ta and tb:
        return (_product(grad, b, da, False, sb),
                _product(grad, a, db, False, sa, transpose_a=True))
    if ta and not tb:
        return (_product(b, grad, da, sb, False, transpose_b=True),
                _product(a, grad, db, sa, False))
    return (_product(b, grad, da, sb, False, transpose_a=True, transpose_b=True),
            _product(grad, a, db, False, sa, transpose_a=True, transpose_b=True))


register_op("SparseMatMul", inputs=("a: Ta", "b: Tb"), kernel=_sparse_matmul_kernel,
            kernel_attrs=("transpose_a", "transpose_b"), shape_fn=_sparse_matmul_shape,
            allowed={"Ta": _SPARSE_MATMUL_TYPES, "Tb": _SPARSE_MATMUL_TYPES},
            attr_defaults={"transpose_a": False, "transpose_b": False, "a_is_sparse": False,
                           "b_is_sparse": False},
            grad=_sparse_matmul_grad)


def sparse_matmul(a, b, transpose_a=False, transpose_b=False, a_is_sparse=False,
                  b_is_sparse=False, name=None) -> Tensor:
    """Deprecated: ``a @ b`` (float32 or bfloat16 inputs, float32 output); the sparsity flags
    are hints (tfcompat multiplies densely)."""
    return apply_op("SparseMatMul", [a, b], name=name, attrs={
        "transpose_a": bool(transpose_a), "transpose_b": bool(transpose_b),
        "a_is_sparse": bool(a_is_sparse), "b_is_sparse": bool(b_is_sparse)})


# ---- Fingerprint --------------------------------------------------------------------------------

def _fingerprint_rows(rows: list[bytes]) -> np.ndarray:
    """One little-endian Fingerprint64 (8 uint8) per row of bytes."""
    return np.array([fingerprint64(r) for r in rows], dtype="<u8").view(np.uint8).reshape(-1, 8)


def _fingerprint_kernel(data, method):
    data = np.asarray(data)
    rows = data.shape[0]
    if data.dtype.kind in "OSU":
        flat = [x if isinstance(x, bytes) else str(x).encode() for x in data.reshape(-1)]
        if data.ndim == 1:
            return _fingerprint_rows(flat)
        # A row of several strings: the fingerprint of its strings' fingerprints.
        per_string = _fingerprint_rows(flat).reshape(rows, -1)
        return _fingerprint_rows([bytes(r) for r in per_string]).reshape(rows, 8)
    flat = np.ascontiguousarray(data).reshape(rows, -1)
    return _fingerprint_rows([r.tobytes() for r in flat]).reshape(rows, 8)


def _fingerprint_shape(op):
    data, method = op.inputs
    if data.shape.ndims is not None and data.shape.ndims < 1:
        raise ShapeError(f"Shape must be at least rank 1 but is rank {data.shape.ndims}")
    value = tensor_util.constant_value(method)
    if value is not None and np.asarray(value).item() != b"farmhash64":
        raise ShapeError(f"Unsupported method: {np.asarray(value).item().decode()}")
    rows = data.shape.as_tuple()[0] if data.shape.ndims else None
    return [(dtypes.uint8, TensorShape([rows, 8]))]


register_op("Fingerprint", inputs=("data: T", "method: string"), kernel=_fingerprint_kernel,
            shape_fn=_fingerprint_shape, value_inputs=(1,), grad=NOT_DIFFERENTIABLE)


def fingerprint(data, method="farmhash64", name=None) -> Tensor:
    """A [N, 8] uint8 fingerprint per row of ``data`` (its first dimension): FarmHash
    Fingerprint64 of the row's bytes, little-endian (bit-exact with TF)."""
    return apply_op("Fingerprint", [data, method], name=name)


# ---- Conv2DBackpropFilterV2 / Conv2DBackpropInputV2: graph ops without a CPU kernel ---------

def _no_kernel_bind(op, state):
    attrs = ", ".join(f"{k}={node_def_lib.attr_short_text(v)}"
                      for k, v in sorted(op._attrs.items()) if not k.startswith("_"))

    def kernel(*unused):
        raise _invalid(f"No OpKernel was registered to support Op '{op.type}' used by "
                       f"{{{{node {op.name}}}}} with these attrs: [{attrs}]")
    return kernel


def _shape_of_input(index: int):
    def shape_fn(op):
        shape = op.inputs[index].shape
        return [(op.inputs[0].dtype.base_dtype, shape if shape.ndims is not None else
                 unknown_shape(4))]
    return shape_fn


_V2_DEFAULTS = {"use_cudnn_on_gpu": True, "explicit_paddings": [], "data_format": "NHWC",
                "dilations": [1, 1, 1, 1]}
for _type, _index in (("Conv2DBackpropFilterV2", 1), ("Conv2DBackpropInputV2", 0)):
    register_op(_type, inputs=("input: T", "filter: T", "out_backprop: T"),
                bind=_no_kernel_bind, shape_fn=_shape_of_input(_index),
                attr_defaults=_V2_DEFAULTS)


def _v2_attrs(strides, padding, use_cudnn_on_gpu, explicit_paddings, data_format,
              dilations) -> dict:
    return {"strides": list(strides), "padding": padding,
            "use_cudnn_on_gpu": bool(use_cudnn_on_gpu),
            "explicit_paddings": list(explicit_paddings), "data_format": data_format,
            "dilations": list(dilations)}


def conv2d_backprop_filter_v2(input, filter, out_backprop, strides, padding,  # noqa: A002
                              use_cudnn_on_gpu=True, explicit_paddings=(), data_format="NHWC",
                              dilations=(1, 1, 1, 1), name=None) -> Tensor:
    """Conv2D's filter gradient given the filter itself (not its shape). TF 2.21 has no CPU
    kernel for it: the op builds with the filter's shape and fails when run."""
    return apply_op("Conv2DBackpropFilterV2", [input, filter, out_backprop], name=name,
                    attrs=_v2_attrs(strides, padding, use_cudnn_on_gpu, explicit_paddings,
                                    data_format, dilations))


def conv2d_backprop_input_v2(input, filter, out_backprop, strides, padding,  # noqa: A002
                             use_cudnn_on_gpu=True, explicit_paddings=(), data_format="NHWC",
                             dilations=(1, 1, 1, 1), name=None) -> Tensor:
    """Conv2D's input gradient given the input itself (not its shape). TF 2.21 has no CPU
    kernel for it: the op builds with the input's shape and fails when run."""
    return apply_op("Conv2DBackpropInputV2", [input, filter, out_backprop], name=name,
                    attrs=_v2_attrs(strides, padding, use_cudnn_on_gpu, explicit_paddings,
                                    data_format, dilations))


# ---- Fact (tf.user_ops.my_fact, TF's example of a user op) ------------------------------------

register_op("Fact", shape_fn=lambda op: [(dtypes.string, unknown_shape())],
            kernel=lambda: np.asarray(b"0! == 1", dtype=object), grad=NOT_DIFFERENTIABLE)


def my_fact() -> Tensor:
    """TF's example user op: a string scalar (``b"0! == 1"``)."""
    return apply_op("Fact", [])
