"""Cast: dtype conversion op, its gradient and the TF1 ``to_*`` shorthands."""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dispatch, dtypes, errors, ops
from tfcompat.framework.op_registry import register_op
from tfcompat.framework.ops import Tensor, apply_op, convert_to_tensor

_DIFFERENTIABLE = (dtypes.float16, dtypes.float32, dtypes.float64, dtypes.bfloat16,
                   dtypes.complex64, dtypes.complex128)


def _cast_kernel(x, DstT):  # noqa: N803 - TF's attr name
    x = np.asarray(x)
    target = dtypes.storage_type(DstT)
    if DstT is dtypes.string:
        raise errors.UnimplementedError(None, None, "Cast to string is not supported")
    if x.dtype.kind == "f" and np.dtype(target).kind in "iu":
        return np.trunc(x).astype(target)  # (NaN and overflow: kernels run under errstate)
    if x.dtype.kind == "c" and np.dtype(target).kind != "c":
        x = x.real  # TF keeps the real part (numpy would warn about the discarded imaginary)
    return x.astype(target)


def _cast_grad(op, grad):
    src = op.inputs[0].dtype.base_dtype
    if src in _DIFFERENTIABLE and op._attrs["DstT"] in _DIFFERENTIABLE:
        return cast(grad, src)
    return None


register_op("Cast", inputs=("x: SrcT",), kernel=_cast_kernel, kernel_attrs=("DstT",),
            shape_fn=lambda op: [(op._attrs["DstT"], op.inputs[0].shape)],
            attr_defaults={"Truncate": False}, grad=_cast_grad)


def cast(x, dtype, name=None) -> Tensor:
    """Casts a tensor to a new type (``tf.cast``); float to int truncates toward zero."""
    base = dtypes.as_dtype(dtype).base_dtype
    if type(x) in dispatch.COMPOSITE_TYPES:
        return dispatch.call("cast", x, base, name)
    if isinstance(x, Tensor) and x.dtype.base_dtype is base:
        return x
    with ops.name_scope(name, "Cast", [x]) as scope:
        x = convert_to_tensor(x, name="x")
        if x.dtype.base_dtype is base:
            return x
        return apply_op("Cast", [x], name=scope, attrs={"DstT": base})


def to_float(x, name="ToFloat") -> Tensor:
    return cast(x, dtypes.float32, name=name)


def to_double(x, name="ToDouble") -> Tensor:
    return cast(x, dtypes.float64, name=name)


def to_int32(x, name="ToInt32") -> Tensor:
    return cast(x, dtypes.int32, name=name)


def to_int64(x, name="ToInt64") -> Tensor:
    return cast(x, dtypes.int64, name=name)
