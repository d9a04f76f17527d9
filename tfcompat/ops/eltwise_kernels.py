"""Element-wise kernels that split large outputs over the intra-op thread pool, and their binders.

A splittable kernel takes a keyword ``threads`` (0: serial). ``split_binder`` binds it when a plan
is compiled: ops whose static output is small, and sessions with one intra-op thread, get the
serial kernel (no cost per call); the others get the kernel with the session's thread count,
which splits when the output it computes is large (``framework/intra_op_pool.py``).

A binder may also carry a ``block_body`` (``BlockBody``): the float operations its kernel computes
for one block of the output, which run plans chain over blocks when they fuse consecutive
element-wise ops (``client/eltwise_fusion.py``).

A kernel (and the binder of its op) may also carry ``in_place_inputs`` (``writes_into``): it takes
a keyword ``out``, an array of its result's shape and dtype that may be one of the inputs at those
positions, and computes the same float operations into it. Run plans pass an input's buffer there
when they proved nothing else holds it (``client/buffer_reuse.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import numpy as np

from tfcompat.framework import intra_op_pool
from tfcompat.framework.intra_op_pool import run_split
from tfcompat.framework.op_registry import Binder

# Ufuncs whose result for an element does not depend on where it falls in a loop (correctly
# rounded float operations, integer and logical ones): their blocks may be rows of a
# broadcasting output. Others split into flat blocks of same-shaped inputs only.
_POSITION_FREE = frozenset({
    np.add, np.subtract, np.multiply, np.true_divide, np.maximum, np.minimum,
    np.equal, np.not_equal, np.less, np.less_equal, np.greater, np.greater_equal,
    np.logical_and, np.logical_or,
})


REAL_FLOATS = frozenset({np.dtype(np.float16), np.dtype(np.float32), np.dtype(np.float64)})


@dataclass(frozen=True)
class BlockBody:
    """What an element-wise kernel computes for one block of its output.

    ``body(out_block, *input_blocks)`` runs exactly the float operations, in the same order,
    that the op's kernel runs for each element when every input has the output's ``dtype``
    (one of ``dtypes``) and either the output's shape and C layout or (``scalar_inputs``) a
    single element; such kernels never raise (they run under ``np.errstate(all="ignore")``).
    Input blocks are flat slices of the inputs (a single element stays whole, as a 0-d array).
    ``ufunc``: the body is ``ufunc(*input_blocks, out=out_block)`` (callers may call it directly).
    """

    body: Callable
    dtypes: frozenset = REAL_FLOATS
    scalar_inputs: bool = False
    ufunc: np.ufunc | None = None


def writes_into(kernel: Callable, inputs: tuple[int, ...],
                dtypes: frozenset | None = None) -> Callable:
    """Marks ``kernel(*arrays, out=None)``: given ``out``, an array of the result's shape and
    dtype (one of ``dtypes``; None: any dtype all inputs share), possibly the input at one of
    ``inputs``, it returns the result written there (same float operations, same bits) or, on
    a path that cannot write into it, in a new array, leaving ``out`` as it was. The caller
    checks that every input has ``out``'s dtype and broadcasts to its shape."""
    kernel.in_place_inputs = inputs
    kernel.in_place_dtypes = dtypes
    return kernel


def plain_binder(kernel: Callable) -> Binder:
    """The binder of a kernel that needs no session state, keeping its ``writes_into`` marks."""
    def bind(op, state):
        return kernel

    bind.in_place_inputs = kernel.in_place_inputs
    bind.in_place_dtypes = kernel.in_place_dtypes
    return bind


def split_binder(kernel: Callable, serial: Callable | None = None,
                 block_body: BlockBody | None = None) -> Binder:
    """Binds ``kernel(*arrays, threads=n)`` with the session's intra-op thread count, or
    ``serial`` (default: ``kernel`` itself) when the op's static output is below the pool's
    size threshold or the session has one thread (constant folding binds with no session).
    ``block_body`` (default: the kernel's own ``block_body`` attribute) is kept on the binder
    for plans that fuse element-wise ops."""
    serial = kernel if serial is None else serial

    def bind(op, state):
        threads = min(getattr(state, "intra_op_threads", 1), intra_op_pool.MACHINE_CORES)
        if threads < 2:
            return serial
        size = op._outputs[0].shape.num_elements()
        if size is not None and size < intra_op_pool.MIN_PARALLEL_SIZE:
            return serial
        return partial(kernel, threads=threads)

    bind.split_kernel = kernel  # (tests compare it with the serial kernel)
    bind.serial_kernel = serial
    bind.block_body = block_body if block_body is not None else getattr(kernel, "block_body",
                                                                          None)
    # (the serial kernel takes ``out=`` too when it is the split one or a ufunc)
    serial_takes_out = serial is kernel or isinstance(serial, np.ufunc)
    bind.in_place_inputs = getattr(kernel, "in_place_inputs", ()) if serial_takes_out else ()
    bind.in_place_dtypes = getattr(kernel, "in_place_dtypes", None)
    return bind


def ufunc_kernel(ufunc: np.ufunc) -> Callable:
    """The splittable kernel ``ufunc(*arrays)``. Small outputs (the size test comes first), and
    inputs that are not all C-contiguous arrays, run in one call (the output keeps the layout
    numpy gives it)."""
    rows = ufunc in _POSITION_FREE
    pool = intra_op_pool

    if ufunc.nin == 1:
        def body(out, x):
            ufunc(x, out=out)

        def kernel(x, threads=0, out=None):
            if (type(x) is np.ndarray and x.size >= pool.MIN_PARALLEL_SIZE and threads > 1
                    and x.flags.c_contiguous):
                if out is None:
                    try:
                        dtype = ufunc.resolve_dtypes((x.dtype, None))[-1]
                    except (TypeError, ValueError):
                        return ufunc(x)  # raises numpy's error, as one call does
                    out = np.empty(x.shape, dtype)
                return run_split(body, out, (x,), threads)
            return ufunc(x, out=out)
    else:
        def body(out, x, y):
            ufunc(x, y, out=out)

        def kernel(x, y, threads=0, out=None):
            # (the output has at least as many elements as either input)
            if (type(x) is np.ndarray and type(y) is np.ndarray and threads > 1
                    and (x.size >= pool.MIN_PARALLEL_SIZE or y.size >= pool.MIN_PARALLEL_SIZE)
                    and x.flags.c_contiguous and y.flags.c_contiguous):
                if out is None:
                    try:
                        shape = x.shape if x.shape == y.shape else np.broadcast_shapes(x.shape,
                                                                                       y.shape)
                        dtype = ufunc.resolve_dtypes((x.dtype, y.dtype, None))[-1]
                    except (TypeError, ValueError):
                        return ufunc(x, y)  # raises numpy's error, as one call does
                    out = np.empty(shape, dtype)
                return run_split(body, out, (x, y), threads, rows)
            return ufunc(x, y, out=out)

    kernel.__name__ = ufunc.__name__
    # Real float inputs of one dtype the ufunc keeps: a call on a block computes each element
    # as the call on the whole array does.
    floats = frozenset(d for d in REAL_FLOATS if _keeps_dtype(ufunc, d))
    if floats:
        kernel.block_body = BlockBody(body, floats, scalar_inputs=ufunc.nin == 2, ufunc=ufunc)
    # Any input may receive the result (a ufunc reads each element before writing it), for
    # the dtypes the ufunc keeps (the raw ufunc, the serial kernel, takes ``out=`` too).
    kept = frozenset(d for d in _IN_PLACE_DTYPES if _keeps_dtype(ufunc, d))
    if kept:
        writes_into(kernel, tuple(range(ufunc.nin)), kept)
    return kernel


_IN_PLACE_DTYPES = REAL_FLOATS | {np.dtype(t) for t in (
    np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64,
    np.complex64, np.complex128)}


def _keeps_dtype(ufunc: np.ufunc, dtype: np.dtype) -> bool:
    try:
        return ufunc.resolve_dtypes((dtype,) * ufunc.nin + (None,))[-1] == dtype
    except (TypeError, ValueError):
        return False


def splittable(kernel: Callable, block_body: BlockBody | None = None) -> Callable:
    """Marks ``kernel(*arrays, threads=0)`` for ``register_kernel`` to bind with
    ``split_binder`` (with ``block_body``, when given, for fused plans)."""
    kernel.splittable = True
    if block_body is not None:
        kernel.block_body = block_body
    return kernel


def register_kernel(kernel: Callable) -> dict:
    """``register_op``'s keyword for an element-wise kernel: a ufunc or a ``splittable`` kernel
    splits over the pool (``bind=``), any other runs as given (``kernel=``)."""
    if isinstance(kernel, np.ufunc) and kernel.nout == 1:
        return {"bind": split_binder(ufunc_kernel(kernel), serial=kernel)}
    if getattr(kernel, "splittable", False):
        return {"bind": split_binder(kernel)}
    if getattr(kernel, "in_place_inputs", ()):
        return {"bind": plain_binder(kernel)}
    return {"kernel": kernel}


def same_layout(x, y) -> bool:
    """Two arrays of one shape and dtype: a fused two-input kernel writes one new buffer."""
    return (type(x) is np.ndarray and type(y) is np.ndarray and x.shape == y.shape
            and x.dtype == y.dtype)
