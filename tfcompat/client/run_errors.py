"""How a run's failures reach the user: TF's error classes and session-level messages.

A kernel's OpError gets TF's "Graph execution error" text naming the op; an unexpected numpy
exception becomes InvalidArgumentError; an allocation that cannot succeed becomes TF's
ResourceExhaustedError ("OOM when allocating tensor with shape[...]"), refused before
allocating when the output's static size already exceeds the machine's memory.
"""

from __future__ import annotations

import os

import numpy as np

from tfcompat.framework import dtypes, errors
from tfcompat.framework.ops import Operation


def _physical_memory() -> int:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return 1 << 62


# Larger than the machine's memory: TF's allocator refuses such a tensor before allocating.
MEMORY_LIMIT = _physical_memory()


def output_beyond_memory(op: Operation):
    """(shape, numpy dtype) of an output whose static size exceeds the machine's memory, else
    None. Checked when the plan is built; the refusal happens only if the op runs."""
    for t in op._outputs:
        shape = t.shape
        if t.dtype.is_ref_dtype or not shape.is_fully_defined():
            continue
        np_dtype = np.dtype(dtypes.storage_type(t.dtype.base_dtype))
        if np_dtype.kind == "O":  # strings: their size is not the array's
            continue
        if shape.num_elements() * np_dtype.itemsize > MEMORY_LIMIT:
            return shape.as_tuple(), np_dtype
    return None


def refuse_allocation(shape, np_dtype):
    def refuse(*args):
        raise errors.out_of_memory_error(shape, np_dtype.name)
    return refuse


def out_of_memory(exc: MemoryError, op: Operation | None) -> errors.ResourceExhaustedError:
    """TF's OOM error for an allocation numpy refused (its shape and dtype, when known)."""
    # The op's output when its shape is static (numpy may have failed on a scratch array of
    # its own), else what numpy's _ArrayMemoryError says it refused.
    shape = dtype = None
    if op is not None and op._outputs and op._outputs[0].shape.is_fully_defined():
        shape = op._outputs[0].shape.as_tuple()
        dtype = dtypes.storage_type(op._outputs[0].dtype.base_dtype)
    if shape is None:
        shape = getattr(exc, "shape", None)
        dtype = getattr(exc, "dtype", None)
    return errors.out_of_memory_error(shape, np.dtype(dtype).name if dtype is not None else None)


def format_op_error(error: errors.OpError, op: Operation | None) -> errors.OpError:
    """Gives a kernel's OpError TF's session-level message and its op."""
    if op is None or error.op is not None:
        return error
    message = f"Graph execution error:\n\n{error.message}\n\t [[{{{{node {op.name}}}}}]]"
    return type(error)(op.node_def, op, message)


def kernel_failure(exc: BaseException, op: Operation | None) -> errors.OpError:
    """Wraps an unexpected kernel exception (a numpy error) as TF's InvalidArgumentError."""
    name = op.name if op is not None else "?"
    message = (f"Graph execution error:\n\n{type(exc).__name__}: {exc}\n\t "
               f"[[{{{{node {name}}}}}]]")
    return errors.InvalidArgumentError(op.node_def if op is not None else None, op, message)
