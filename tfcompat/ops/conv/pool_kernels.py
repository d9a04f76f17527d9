"""The numpy kernels of max pooling: MaxPool's window maxima, the window argmax MaxPoolGrad and
MaxPoolGradGrad route through, and MaxPoolGrad's fast path for windows that tile the input.

TF's window scan is the reference everywhere: from the lowest finite value (forward) or the
window's first value (gradients), an input replaces the maximum only when strictly greater, so
NaN never wins the forward, ties go to the first position in row-major order, and of a tie
between -0.0 and 0.0 the first stays. pooling.py holds the ops (checks, shapes, gradients)."""

from __future__ import annotations

import numpy as np

from tfcompat.framework import errors
from tfcompat.ops.conv.window import _Axis, _pad
from tfcompat.ops.masked_select import where_or_zero

# ---- MaxPool ---------------------------------------------------------------------------------

def _lowest(dtype: np.dtype):
    return np.finfo(dtype).min if dtype.kind == "f" else np.iinfo(dtype).min


def _max_pool_input(x: np.ndarray) -> np.ndarray:
    """TF's max pooling starts from the lowest finite value: NaN and -inf never win."""
    if x.dtype.kind != "f":
        return x
    return np.fmax(x, _lowest(x.dtype))


def _depthwise_groups(x: np.ndarray, ksize, strides) -> np.ndarray:
    depth = ksize[3]
    if depth != strides[3]:
        raise errors.UnimplementedError(None, None, "Depthwise max pooling requires the depth "
                                        "window to equal the depth stride")
    if x.shape[3] % depth:
        raise errors.UnimplementedError(None, None, "Depthwise max pooling requires the depth "
                                        "window to evenly divide the input depth")
    return x.reshape(x.shape[:3] + (x.shape[3] // depth, depth))


def _window_max_pool(x: np.ndarray, rows: _Axis, cols: _Axis) -> np.ndarray:
    """MaxPool of NHWC ``x`` over the windows ``rows`` x ``cols``: TF's window scan."""
    lowest = _lowest(x.dtype)
    shape = (x.shape[0], rows.out, cols.out, x.shape[3])
    if not np.prod(shape):
        return np.full(shape, lowest, x.dtype)
    if x.dtype.kind != "f":
        return _tap_max(x, rows, cols, np.maximum, lowest)
    if (rows.stride == rows.window and cols.stride == cols.window
            and not (rows.before or cols.before)):
        # Blocks of images: each block's input is read from memory once and its row maxima
        # stay in cache (no half-size temporary of the whole batch).
        out = np.empty(shape, x.dtype)
        block = max(1, _POOL_BLOCK // max(1, x[0].size))
        for lo in range(0, x.shape[0], block):
            _side_by_side_max(x[lo:lo + block], rows, cols, lowest, out[lo:lo + block])
        return out
    if _has_negative_zero(x):
        return _scan_max(x, rows, cols, lowest)
    # Without -0.0 any order of maxima gives TF's bits. fmax: NaN never wins, as in TF.
    return _tap_max(x, rows, cols, np.fmax, lowest)


# Images per block of the pooling kernels: about this many input elements, so a block's
# temporaries stay in cache.
_POOL_BLOCK = 1 << 18


def _has_negative_zero(x: np.ndarray) -> bool:
    return x.view(_WORDS[x.itemsize]).min() == np.iinfo(_WORDS[x.itemsize]).min


def _side_by_side_max(x: np.ndarray, rows: _Axis, cols: _Axis, lowest, out: np.ndarray) -> None:
    """Writes the max pool of windows side by side (stride == window, none starting in
    padding) into ``out``: rows first, then columns, by fmax (NaN never wins, as in TF), which
    in any order gives TF's bits when no -0.0 can tie with 0.0; TF's scan otherwise."""
    if _has_negative_zero(x):
        out[...] = _scan_max(x, rows, cols, lowest)
        return
    _window_max(_window_max(x, 1, rows), 2, cols, out)
    if not out.min() >= lowest:  # a NaN or -inf window: TF starts from the lowest value
        np.fmax(out, lowest, out=out)


def _tap_max(x: np.ndarray, rows: _Axis, cols: _Axis, maximum, lowest) -> np.ndarray:
    """One elementwise max per kernel tap over strided views of the lowest-padded input (inner
    loops run over channels), the first tap's with the lowest value making the output."""
    padded = _pad(x, rows, cols, lowest)
    out = maximum(padded[:, rows.tap(0), cols.tap(0), :], lowest)
    for i in range(rows.window):
        for j in range(1 if i == 0 else 0, cols.window):
            maximum(out, padded[:, rows.tap(i), cols.tap(j), :], out=out)
    return out


def _window_max(v: np.ndarray, axis: int, windows: _Axis,
                out: np.ndarray | None = None) -> np.ndarray:
    """fmax over side-by-side windows (stride == window, none starting in padding) along one
    axis (into ``out`` when given): the first taps of every window, then each later tap over
    the windows it reaches. Pooling rows first runs the first pass over whole contiguous rows
    (~17% faster)."""
    def taps(i: int) -> np.ndarray:  # (cut short where the last window is)
        index = [slice(None)] * v.ndim
        index[axis] = slice(i, i + windows.window * (windows.out - 1) + 1, windows.window)
        return v[tuple(index)]
    if windows.window == 1:
        if out is None:
            return taps(0)
        out[...] = taps(0)
        return out
    first, second = taps(0), taps(1)
    if second.shape[axis] == windows.out:
        out = np.fmax(first, second, out=out)
    else:  # the last window is cut short by the end of the input
        if out is None:
            out = first.copy()
        else:
            out[...] = first
        reach = out[(slice(None),) * axis + (slice(second.shape[axis]),)]
        np.fmax(reach, second, out=reach)
    for i in range(2, windows.window):
        tap = taps(i)
        reach = out[(slice(None),) * axis + (slice(tap.shape[axis]),)]
        np.fmax(reach, tap, out=reach)
    return out


def _scan_max(x: np.ndarray, rows: _Axis, cols: _Axis, lowest) -> np.ndarray:
    """TF's window scan, exactly: from the lowest finite value, an input replaces the maximum
    only when strictly greater, so of a tie between -0.0 and 0.0 the first in the window stays
    (numpy's max keeps either, depending on its loop)."""
    padded = _pad(x, rows, cols, lowest)
    out = np.full((x.shape[0], rows.out, cols.out, x.shape[3]), lowest, x.dtype)
    for i in range(rows.window):
        for j in range(cols.window):
            tap = padded[:, rows.tap(i), cols.tap(j), :]
            np.copyto(out, tap, where=tap > out)
    return out

# ---- MaxPoolGrad -----------------------------------------------------------------------------

def _route_max_pool_grad(x: np.ndarray, grad: np.ndarray, rows: _Axis, cols: _Axis) -> np.ndarray:
    """MaxPoolGrad of NHWC ``x``: each window's gradient goes to its first maximum (the tap
    ``_window_argmax`` picks) and adds up where windows overlap."""
    routed = _tiled_max_pool_grad(x, grad, rows, cols)
    if routed is not None:
        return routed
    index = _window_argmax(x, rows, cols)
    dxp = np.zeros((x.shape[0], x.shape[1] + rows.before + rows.after,
                    x.shape[2] + cols.before + cols.after, x.shape[3]), grad.dtype)
    # Windows that do not overlap (stride >= window) own their inputs: a masked copy per tap;
    # otherwise a tap's contributions add up.
    disjoint = rows.stride >= rows.window and cols.stride >= cols.window
    hit = np.empty(index.shape, bool)
    picked = np.empty(index.shape, grad.dtype)
    routed = grad + np.zeros((), grad.dtype)  # TF adds onto zeros: -0.0 arrives as 0.0
    for i in range(rows.window if index.size else 0):
        for j in range(cols.window):
            np.equal(index, i * cols.window + j, out=hit)
            target = dxp[:, rows.tap(i), cols.tap(j), :]
            if disjoint:
                target[...] = where_or_zero(hit, routed, out=picked)
            else:
                target += where_or_zero(hit, grad, out=picked)
    return np.ascontiguousarray(dxp[:, rows.before:rows.before + rows.size,
                                    cols.before:cols.before + cols.size, :])


def _window_argmax(x: np.ndarray, rows: _Axis, cols: _Axis) -> np.ndarray:
    """For each output, the kernel tap (kh * KW + kw) whose input the gradient flows to.

    TF's gradient kernel takes the window's first (valid) value, then moves only to a strictly
    greater one, so ties go to the first in row-major order and a leading NaN keeps its place.
    One compare and two selects per tap; positions in the padding never count.
    """
    shape = (x.shape[0], rows.out, cols.out, x.shape[3])
    if not np.prod(shape):
        return np.zeros(shape, np.int16)
    padded = rows.before or rows.after or cols.before or cols.after
    xp = _pad(x, rows, cols)
    valid = _pad(np.ones(x.shape[1:3], bool)[None, :, :, None], rows, cols) if padded else None
    if valid is None:  # every window starts at a real input: its first tap
        best, index = xp[:, rows.tap(0), cols.tap(0), :].copy(), np.zeros(shape, np.int16)
    else:
        best, index = np.zeros(shape, x.dtype), np.full(shape, -1, np.int16)
    for i in range(rows.window):
        for j in range(cols.window):
            if valid is None and i == j == 0:
                continue
            value = xp[:, rows.tap(i), cols.tap(j), :]
            take = value > best
            if valid is not None:
                take |= index < 0
                take &= valid[:, rows.tap(i), cols.tap(j), :]
            best = np.where(take, value, best)
            index = np.where(take, np.int16(i * cols.window + j), index)
    return index


def _depthwise_argmax(groups: np.ndarray) -> np.ndarray:
    best = groups[..., 0]
    index = np.zeros(best.shape, np.int64)
    for k in range(1, groups.shape[-1]):
        take = groups[..., k] > best
        best = np.where(take, groups[..., k], best)
        index = np.where(take, k, index)
    return index


def _tiled_max_pool_grad(x: np.ndarray, grad: np.ndarray, rows: _Axis,
                         cols: _Axis) -> np.ndarray | None:
    """MaxPoolGrad when the windows tile the input exactly (stride == window, no padding) and
    hold no NaN: TF's strictly-greater scan over each window's taps in row-major order, whose
    last move picks the input that takes the gradient. None otherwise."""
    if (rows.stride != rows.window or cols.stride != cols.window or rows.before or rows.after
            or cols.before or cols.after or rows.out * rows.window != rows.size
            or cols.out * cols.window != cols.size or not grad.size):
        return None
    x = np.ascontiguousarray(x)  # (blocks are viewed as pixels; an input is never changed)
    dx = np.empty(x.shape, grad.dtype)
    n = x.shape[0]
    block = max(1, _POOL_BLOCK // max(1, x[0].size))
    for lo in range(0, n, block):
        if not _route_tiled_block(x[lo:lo + block], grad[lo:lo + block], dx[lo:lo + block],
                                  rows, cols):
            return None
    return dx


def _route_tiled_block(x: np.ndarray, grad: np.ndarray, dx: np.ndarray, rows: _Axis,
                       cols: _Axis) -> bool:
    """Fills ``dx`` for a batch slice (see _tiled_max_pool_grad); False if it holds a NaN."""
    kh, kw, n, c = rows.window, cols.window, x.shape[0], x.shape[3]
    count = kh * kw
    # One strided copy to tap-major [KH, KW, N, OH, OW, C] (and one back at the end): every
    # pass between runs over long contiguous loops instead of C-element pieces of strided
    # views. The copies move each pixel's C values as one (void) item: fewer, longer loops.
    taps = np.empty((kh, kw, n, rows.out, cols.out, c), x.dtype)
    _pixels(taps)[...] = _pixels(x).reshape(n, rows.out, kh, cols.out, kw).transpose(2, 4, 0, 1, 3)
    taps = taps.reshape(count, -1)
    # moved[k]: tap k is greater than every earlier tap of its window (the scan moves there).
    # With np.maximum's running maximum a NaN anywhere ends as a NaN maximum: checked below.
    moved = np.empty(taps.shape, bool)
    if count > 1:
        best = np.maximum(taps[0], taps[1])
        np.greater(taps[1], taps[0], out=moved[1])
        for k in range(2, count):
            np.greater(taps[k], best, out=moved[k])
            np.maximum(best, taps[k], out=best)
        if x.dtype.kind == "f" and np.isnan(best.max()):
            return False
        # The scan's last move takes the gradient: a tap moved to and no later tap moved to;
        # the first tap when the scan never moved.
        later = moved[count - 1].copy()
        for k in range(count - 2, 0, -1):
            np.greater(moved[k], later, out=moved[k])
            np.logical_or(later, moved[k], out=later)
        np.logical_not(later, out=moved[0])
    else:
        moved[0] = True
    # The gradient's bits (TF adds onto zeros: -0.0 arrives as 0.0), multiplied by each tap's
    # 0/1 mask as integers in one broadcast call: a kept value keeps every bit, a dropped NaN or
    # -0.0 becomes 0.0.
    routed = np.add(grad, np.zeros((), grad.dtype)).reshape(-1).view(_WORDS[grad.dtype.itemsize])
    picked = np.empty((kh, kw, n, rows.out, cols.out, c), grad.dtype)
    np.multiply(routed, moved, out=picked.reshape(count, -1).view(routed.dtype))
    _pixels(dx).reshape(n, rows.out, kh, cols.out, kw)[...] = _pixels(picked).transpose(
        2, 3, 0, 4, 1)
    return True


_WORDS = {1: np.int8, 2: np.int16, 4: np.int32, 8: np.int64}


def _pixels(array: np.ndarray) -> np.ndarray:
    """A C-contiguous NHWC array as [N, H, W] items of C values each."""
    size = array.shape[-1] * array.itemsize
    item = _VOID_ITEMS.get(size)
    if item is None:
        item = _VOID_ITEMS.setdefault(size, np.dtype((np.void, size)))
    return array.view(item).reshape(array.shape[:-1])


_VOID_ITEMS: dict[int, np.dtype] = {}
