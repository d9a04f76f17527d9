"""What the convolution and pooling ops share: TF's dtype/padding/format lists, argument
normalisation, window geometry ("VALID" keeps whole windows; "SAME" gives ``ceil(in / stride)``
outputs with ``pad_before = total // 2``; "EXPLICIT" takes the paddings given) and shape-function
helpers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from tfcompat.framework import dtypes, errors
from tfcompat.framework.ops import ShapeError
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.ops.blas_threads import run_product

# ---- dtypes, paddings, formats, attr orders (TF's, which its messages list) ----------------------

# In TF's order, which its dtype error messages list.
TF_FLOATS = (dtypes.float16, dtypes.bfloat16, dtypes.float32, dtypes.float64)
CONV_TYPES = TF_FLOATS + (dtypes.int32,)
MAX_POOL_TYPES = TF_FLOATS + (dtypes.int32, dtypes.int64, dtypes.uint8, dtypes.int16, dtypes.int8,
                           dtypes.uint16, dtypes.qint8)
CONV_PADDINGS = ("SAME", "VALID", "EXPLICIT")
POOL_PADDINGS = ("SAME", "VALID")
CONV_FORMATS = ("NHWC", "NCHW")
MAX_POOL_FORMATS = ("NHWC", "NCHW", "NCHW_VECT_C")


# Attribute order of TF's NodeDefs (what ``str(op)`` prints), and the attrs each gradient copies.
_CONV_ATTRS = ("use_cudnn_on_gpu", "strides", "padding", "explicit_paddings", "dilations",
               "data_format")
_MAX_POOL_ATTRS = ("strides", "padding", "ksize", "explicit_paddings", "data_format")
_POOL_ATTRS = ("strides", "padding", "ksize", "data_format")


def _copy_attrs(op, names: Sequence[str]) -> dict:
    return {name: op._attrs[name] for name in names}


# ---- argument normalisation (TF's python-side checks) --------------------------------------------

def _get_sequence(value, n: int, channel_index: int, arg_name: str) -> list[int]:
    """Expands an int or n-list (strides, ksize, dilations) to the full rank-(n+2) list."""
    if value is None:
        return [1] * (n + 2)
    if isinstance(value, int):
        value = [value]
    elif not isinstance(value, (list, tuple)):
        raise TypeError(f"{arg_name} should be an int or a list of ints")
    value = [int(v) for v in value]
    if len(value) == n + 2:
        return value
    if len(value) == 1:
        value = value * n
    elif len(value) != n:
        raise ValueError(f"{arg_name} should be of length 1, {n} or {n + 2}. Received: "
                         f"{arg_name}={value} of length {len(value)}")
    if channel_index == 1:
        return [1, 1] + value
    return [1] + value + [1]


def convert_padding(padding, expected_length: int = 4) -> tuple[object, list[int]]:
    """``"SAME"``/``"VALID"`` pass through; a list of [before, after] pairs becomes EXPLICIT."""
    if padding == "EXPLICIT":
        raise ValueError("'EXPLICIT' is not a valid value for `padding`. To use explicit "
                         "padding, `padding` must be a list.")
    if not isinstance(padding, (list, tuple)):
        return padding, []
    explicit: list[int] = []
    for i, pair in enumerate(padding):
        if not isinstance(pair, (list, tuple)):
            raise ValueError(f"When `padding` is a list, each element of `padding` must be a "
                             f"list/tuple of size 2. Received: padding={padding} with element "
                             f"at index {i} of type {type(pair)}")
        if len(pair) != 2:
            raise ValueError(f"When `padding` is a list, each element of `padding` must be a "
                             f"list/tuple of size 2. Received: padding={padding} with element "
                             f"at index {i} of size {len(pair)}")
        explicit.extend(int(p) for p in pair)
    if len(padding) != expected_length:
        raise ValueError(f"When padding is a list, it must be of size {expected_length}. "
                         f"Received: padding={padding} of size {len(padding)}")
    return "EXPLICIT", explicit


def _require_string(attr: str, value) -> None:
    """TF's generated wrappers reject None before the op (and its name) exists."""
    if value is None:
        raise TypeError(f"Expected string for argument '{attr}' not None.")


def _check_string_attr(op_type: str, attr: str, value, allowed: Sequence[str]) -> None:
    if value not in allowed:
        choices = ", ".join(f'"{a}"' for a in allowed)
        raise ValueError(f"Attr '{attr}' of '{op_type}' Op passed string '{value}' not in: "
                         f"{choices}.")


def _channel_index(data_format: str) -> int:
    return 1 if data_format.startswith("NC") else 3


def _spatial_axes(data_format: str) -> tuple[int, int]:
    return (2, 3) if data_format.startswith("NC") else (1, 2)


# ---- window geometry -----------------------------------------------------------------------------

def _static_output_size(in_size, window, stride: int, dilation: int, padding: str,
                        pads: tuple[int, int]):
    """Output length of one spatial dim at graph time (None when unknown), as TF infers it."""
    if padding == "SAME":
        return None if in_size is None else (in_size + stride - 1) // stride
    if in_size is None or window is None:
        return None
    effective = (window - 1) * dilation + 1
    padded = in_size + pads[0] + pads[1]
    if padded < effective:
        raise ShapeError(f"Negative dimension size caused by subtracting {effective} from "
                         f"{padded}")
    return (padded - effective) // stride + 1


def _div_toward_zero(a: int, b: int) -> int:
    """C++ integer division, which TF's kernels use for output sizes."""
    q = abs(a) // b
    return q if a >= 0 else -q


@dataclass(frozen=True)
class _Axis:
    """Geometry of one spatial dim at run time."""

    size: int
    window: int
    stride: int
    dilation: int
    out: int
    before: int
    after: int

    @property
    def effective(self) -> int:
        return (self.window - 1) * self.dilation + 1

    def tap(self, k: int) -> slice:
        """The padded-input positions that kernel tap ``k`` reads, one per output."""
        start = k * self.dilation
        return slice(start, start + (self.out - 1) * self.stride + 1, self.stride)


def _axis(size: int, window: int, stride: int, dilation: int, padding: str,
          pads: tuple[int, int]) -> _Axis:
    effective = (window - 1) * dilation + 1
    if padding == "SAME":
        out = (size + stride - 1) // stride
        needed = max(0, (out - 1) * stride + effective - size)
        before, after = needed // 2, needed - needed // 2
    else:
        before, after = pads if padding == "EXPLICIT" else (0, 0)
        out = _div_toward_zero(size + before + after - effective + stride, stride)
    if out < 0:
        raise errors.InvalidArgumentError(
            None, None, f"Computed output size would be negative: {out} [input_size: {size}, "
            f"effective_filter_size: {effective}, stride: {stride}]")
    return _Axis(size, window, stride, dilation, out, before, after)


def _explicit_pairs(explicit_paddings: Sequence[int]) -> list[tuple[int, int]]:
    if not explicit_paddings:
        return [(0, 0)] * 4
    return [(explicit_paddings[2 * i], explicit_paddings[2 * i + 1]) for i in range(4)]


def _spatial_geometry(x_shape, windows: tuple[int, int], strides, dilations, padding: str,
                      explicit_paddings) -> tuple[_Axis, _Axis]:
    pairs = _explicit_pairs(explicit_paddings)
    return (_axis(x_shape[1], windows[0], strides[1], dilations[1], padding, pairs[1]),
            _axis(x_shape[2], windows[1], strides[2], dilations[2], padding, pairs[2]))


def _pad(x: np.ndarray, rows: _Axis, cols: _Axis, value=0) -> np.ndarray:
    if not (rows.before or rows.after or cols.before or cols.after):
        return x
    padded = np.full((x.shape[0], x.shape[1] + rows.before + rows.after,
                      x.shape[2] + cols.before + cols.after, x.shape[3]), value, x.dtype)
    padded[:, rows.before:rows.before + x.shape[1], cols.before:cols.before + x.shape[2]] = x
    return padded


# Below this many channels the im2col matrix is built tap-major ([KH*KW*C, N*OH*OW], handed out
# transposed): each tap's copy is then one contiguous block instead of C-wide strided pieces.
_TAP_MAJOR_CHANNELS = 4


def _im2col(xp: np.ndarray, rows: _Axis, cols: _Axis) -> np.ndarray:
    """The windows of padded NHWC ``xp`` as an [N*OH*OW, KH*KW*C] matrix (im2col), contiguous in
    one of its two orders, filled by one strided copy per kernel tap (where copying the 6-D
    window view at once would loop over KW elements at a time)."""
    n, c = xp.shape[0], xp.shape[3]
    taps = rows.window * cols.window
    live = rows.out and cols.out  # (an empty output has no taps to copy)
    if c < _TAP_MAJOR_CHANNELS:
        patches = np.empty((rows.window, cols.window, c, n, rows.out, cols.out), xp.dtype)
        for i in range(rows.window if live else 0):
            for j in range(cols.window):
                patches[i, j] = xp[:, rows.tap(i), cols.tap(j), :].transpose(3, 0, 1, 2)
        return patches.reshape(taps * c, n * rows.out * cols.out).T
    patches = np.empty((n, rows.out, cols.out, rows.window, cols.window, c), xp.dtype)
    for i in range(rows.window if live else 0):
        for j in range(cols.window):
            patches[:, :, :, i, j, :] = xp[:, rows.tap(i), cols.tap(j), :]
    return patches.reshape(n * rows.out * cols.out, taps * c)


def _window_matrix(a: np.ndarray, b: np.ndarray, channels: int) -> np.ndarray:
    """``a @ b`` as an [N*OH*OW, KH*KW*C] window-value matrix laid out the way ``_im2col``
    lays out one with ``channels`` channels (so ``_col2im`` reads each tap contiguously)."""
    m, k, n = a.shape[0], a.shape[1], b.shape[1]
    if channels < _TAP_MAJOR_CHANNELS:
        return run_product(n, m, k, np.matmul, b.T, a.T).T
    return run_product(m, n, k, np.matmul, a, b)


def _col2im(columns: np.ndarray, x_shape, rows: _Axis, cols: _Axis) -> np.ndarray:
    """Sums [N*OH*OW, KH*KW*C] window values back onto NHWC ``x_shape`` (the adjoint of
    ``_im2col``): one strided add per kernel tap into the padded input, then the unpadded part."""
    n, c = x_shape[0], x_shape[3]
    xp = np.zeros((n, rows.size + rows.before + rows.after, cols.size + cols.before + cols.after,
                   c), columns.dtype)
    live = rows.out and cols.out
    if columns.flags.f_contiguous and not columns.flags.c_contiguous:  # tap-major
        taps = columns.T.reshape(rows.window, cols.window, c, n, rows.out, cols.out)
        for i in range(rows.window if live else 0):
            for j in range(cols.window):
                xp[:, rows.tap(i), cols.tap(j), :] += taps[i, j].transpose(1, 2, 3, 0)
    else:
        taps = columns.reshape(n, rows.out, cols.out, rows.window, cols.window, c)
        for i in range(rows.window if live else 0):
            for j in range(cols.window):
                xp[:, rows.tap(i), cols.tap(j), :] += taps[:, :, :, i, j, :]
    return xp[:, rows.before:rows.before + rows.size, cols.before:cols.before + cols.size, :]


def _compute_dtype(dtype: np.dtype) -> np.dtype:
    """Half-precision kernels accumulate in float32, as TF's CPU kernels do."""
    return np.dtype(np.float32) if dtype.kind == "f" and dtype.itemsize < 4 else dtype


def _check_rank4(array: np.ndarray, what: str) -> None:
    if array.ndim != 4:
        dims = ",".join(str(d) for d in array.shape)
        raise errors.InvalidArgumentError(None, None, f"{what} must be 4-dimensional: [{dims}]")


# ---- shape-function helpers ----------------------------------------------------------------------

def _attr_list(op, name: str) -> list[int]:
    value = op._attrs[name]
    if len(value) != 4:
        raise ShapeError(f"{op.type} requires the {name} attribute to contain 4 values, but got: "
                         f"{len(value)}")
    return list(value)


def _check_window_attrs(strides, dilations=()) -> None:
    for s in strides:
        if s <= 0:
            raise ShapeError(f"Stride must be > 0, but got {s}")
    for d in dilations:
        if d < 1:
            raise ShapeError(f"Dilation rate must be >= 1, but got {d}")


def _check_explicit(op) -> list[tuple[int, int]]:
    """The explicit (before, after) pads of each dim, checked as TF's shape functions do."""
    if op._attrs["padding"] != "EXPLICIT":
        return [(0, 0)] * 4
    paddings = list(op._attrs.get("explicit_paddings", []))
    if len(paddings) != 8:
        raise ShapeError(f"explicit_paddings attribute must contain 8 values, but got: "
                         f"{len(paddings)}")
    if any(p < 0 for p in paddings):
        raise ShapeError("All elements of explicit_paddings must be nonnegative")
    pairs = _explicit_pairs(paddings)
    channel = _channel_index(op._attrs["data_format"])
    if any(pairs[0]) or any(pairs[channel]):
        raise ShapeError("Nonzero explicit padding in the batch or depth dimensions is not "
                         "supported")
    return pairs


def _dims(shape: TensorShape, rank: int = 4) -> list:
    if shape.ndims is None:
        return [None] * rank
    if shape.ndims != rank:
        raise ShapeError(f"Shape must be rank {rank} but is rank {shape.ndims}")
    return list(shape.as_tuple())


def _layout(dims: list, data_format: str, channel_value, rows, cols) -> TensorShape:
    if data_format.startswith("NC"):
        return TensorShape([dims[0], channel_value, rows, cols])
    return TensorShape([dims[0], rows, cols, channel_value])
