"""``tf.data.experimental`` grouping: group_by_window, group_by_reducer (with ``Reducer``)
and bucket_by_sequence_length (group_by_window keyed by length bucket, padded batches)."""

from __future__ import annotations

import numpy as np

from tfcompat.data import sources, structure
from tfcompat.data.dataset_kernels import _register_dataset, _value_of
from tfcompat.data.dataset_ops import Dataset
from tfcompat.data.functions import TracedFunction
from tfcompat.framework import dtypes, errors, ops
from tfcompat.framework.tensor_shape import TensorShape, as_shape
from tfcompat.ops import array_ops, check_ops, math_ops
from tfcompat.ops.math.sequences import where

_CAPTURED = "other_arguments: list(Targuments)"


def _int64_scalar_fn(fn, types, shapes, name, what):
    traced = TracedFunction(fn, types, shapes, name=name)
    out = traced.outputs
    if len(out) != 1 or out[0].dtype.base_dtype is not dtypes.int64 or \
            not out[0].shape.is_compatible_with([]):
        raise ValueError(f"`{what}` must return a single tf.int64 scalar tensor.")
    return traced


_CODE_NAMES = {getattr(errors, name): name for name in (
    "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND",
    "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION",
    "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS",
    "UNAUTHENTICATED")}


# ---- group_by_window ---------------------------------------------------------------------------

def _group_by_window(op, state):
    key_fn, reduce_fn, size_fn = (op._attrs[k] for k in ("key_func", "reduce_func",
                                                         "window_size_func"))
    counts = [len(f.captured_inputs) for f in (key_fn, reduce_fn, size_fn)]

    def kernel(source, *captured):
        split = [captured[:counts[0]], captured[counts[0]:counts[0] + counts[1]],
                 captured[counts[0] + counts[1]:]]
        key_of = key_fn.caller(state, split[0])
        reduce = reduce_fn.caller(state, split[1])
        size_of = size_fn.caller(state, split[2])

        def window_output(key, window):
            inner = sources.FromGenerator(lambda w=window: iter(w))
            try:
                return _value_of(reduce((np.int64(key), inner))[0])
            except errors.OpError as error:
                # TF reports a failure of the window function as an internal error that
                # quotes the original one.
                raise errors.InternalError(None, None, f"Got error code "
                                           f"{_CODE_NAMES[error.error_code]} and message: {{\n"
                                           f"{error.message}\n}}") from error

        def gen():
            groups: dict[int, list] = {}
            sizes: dict[int, int] = {}
            for element in source:
                key = int(np.asarray(key_of(element)[0]))
                if key not in sizes:
                    size = int(np.asarray(size_of((np.int64(key),))[0]))
                    if size < 1:
                        raise errors.InvalidArgumentError(
                            None, None, f"Window size must be greater than zero, but got "
                            f"{size}.")
                    sizes[key] = size
                group = groups.setdefault(key, [])
                group.append(element)
                if len(group) == sizes[key]:
                    del groups[key]
                    yield from window_output(key, group)
            for key in sorted(groups):
                yield from window_output(key, groups[key])
        return sources.FromGenerator(gen)
    return kernel


_register_dataset("GroupByWindowDataset", (
    "input_dataset: variant", "key_func_other_arguments: list(Tkey_func_other_arguments)",
    "reduce_func_other_arguments: list(Treduce_func_other_arguments)",
    "window_size_func_other_arguments: list(Twindow_size_func_other_arguments)"),
    _group_by_window)


def group_by_window(key_func, reduce_func, window_size=None, window_size_func=None):
    """Groups elements by ``key_func`` (an int64 scalar) into windows of up to
    ``window_size`` elements (or ``window_size_func(key)``); each full window, and each
    partial one at the end (in key order), becomes ``reduce_func(key, window_dataset)``."""
    if (window_size is None) == (window_size_func is None):
        raise ValueError("Either the `window_size` argument or the `window_size_func` "
                         "argument must be specified.")
    if window_size is not None:
        def window_size_func(key):
            return ops.convert_to_tensor(window_size, dtype=dtypes.int64)

    def apply(dataset):
        key_fn = _int64_scalar_fn(key_func, dataset._types, dataset._shapes, "key_func",
                                  "key_func")
        window = structure.DatasetSpec(dataset._types, dataset._shapes)
        reduce_fn = TracedFunction(reduce_func, (dtypes.int64, window),
                                   (TensorShape([]), TensorShape([])), name="reduce_func")
        inner = reduce_fn.output_structure
        if not hasattr(inner, "_variant_tensor"):
            raise TypeError("`reduce_func` must return a `Dataset` object.")
        size_fn = _int64_scalar_fn(window_size_func, dtypes.int64, TensorShape([]),
                                   "window_size_func", "window_size_func")
        return dataset._derive("GroupByWindowDataset", [
            dataset._variant_tensor, key_fn.captured_inputs, reduce_fn.captured_inputs,
            size_fn.captured_inputs], inner._types, inner._shapes,
            {"key_func": key_fn, "reduce_func": reduce_fn, "window_size_func": size_fn})
    return apply


# ---- group_by_reducer --------------------------------------------------------------------------

class Reducer:
    """``init_func(key) -> state``, ``reduce_func(state, element) -> state`` and
    ``finalize_func(state) -> output`` for ``group_by_reducer``."""

    def __init__(self, init_func, reduce_func, finalize_func):
        self._init_func = init_func
        self._reduce_func = reduce_func
        self._finalize_func = finalize_func

    @property
    def init_func(self):
        return self._init_func

    @property
    def reduce_func(self):
        return self._reduce_func

    @property
    def finalize_func(self):
        return self._finalize_func


def _group_by_reducer(op, state):
    fns = [op._attrs[k] for k in ("key_func", "init_func", "reduce_func", "finalize_func")]
    counts = np.cumsum([0] + [len(f.captured_inputs) for f in fns])

    def kernel(source, *captured):
        key_of, init, reduce, finalize = (f.caller(state, captured[counts[i]:counts[i + 1]])
                                          for i, f in enumerate(fns))

        def gen():
            states: dict[int, tuple] = {}
            for element in source:
                key = int(np.asarray(key_of(element)[0]))
                if key not in states:
                    states[key] = init((np.int64(key),))
                states[key] = reduce(states[key] + tuple(element))
            for key in sorted(states):
                yield finalize(states[key])
        return sources.FromGenerator(gen)
    return kernel


_register_dataset("ExperimentalGroupByReducerDataset", (
    "input_dataset: variant", "key_func_other_arguments: list(Tkey_func_other_arguments)",
    "init_func_other_arguments: list(Tinit_func_other_arguments)",
    "reduce_func_other_arguments: list(Treduce_func_other_arguments)",
    "finalize_func_other_arguments: list(Tfinalize_func_other_arguments)"),
    _group_by_reducer)


def group_by_reducer(key_func, reducer):
    """One output per key (in key order) at the end of the input: the reducer's state
    started by ``init_func(key)``, folded over the key's elements, then finalized."""
    def apply(dataset):
        key_fn = _int64_scalar_fn(key_func, dataset._types, dataset._shapes, "key_func",
                                  "key_func")
        init_fn = TracedFunction(lambda k: structure.to_tensors(reducer.init_func(k)),
                                 dtypes.int64, TensorShape([]), name="init_func")
        state = init_fn.output_structure
        state_types, state_shapes = structure.types_of(state), structure.shapes_of(state)
        reduce_fn = TracedFunction(
            lambda s, e: structure.to_tensors(reducer.reduce_func(s, e)),
            (state_types, dataset._types), (state_shapes, dataset._shapes),
            name="reduce_func")
        finalize_fn = TracedFunction(reducer.finalize_func, state_types, state_shapes,
                                     name="finalize_func")
        out = finalize_fn.output_structure
        return dataset._derive("ExperimentalGroupByReducerDataset", [
            dataset._variant_tensor] + [f.captured_inputs for f in (
                key_fn, init_fn, reduce_fn, finalize_fn)],
            structure.types_of(out), structure.shapes_of(out),
            {"key_func": key_fn, "init_func": init_fn, "reduce_func": reduce_fn,
             "finalize_func": finalize_fn})
    return apply


# ---- bucket_by_sequence_length -----------------------------------------------------------------

def bucket_by_sequence_length(element_length_func, bucket_boundaries, bucket_batch_sizes,
                              padded_shapes=None, padding_values=None,
                              pad_to_bucket_boundary=False, no_padding=False,
                              drop_remainder=False):
    """Batches elements of similar length together: bucket ``i`` holds lengths in
    ``[boundaries[i-1], boundaries[i])`` and batches ``bucket_batch_sizes[i]`` of them."""
    if len(bucket_batch_sizes) != len(bucket_boundaries) + 1:
        raise ValueError(f"`len(bucket_batch_sizes)` must equal `len(bucket_boundaries) + 1` "
                         f"but `len(bucket_batch_sizes)={len(bucket_batch_sizes)}` and "
                         f"`len(bucket_boundaries)={len(bucket_boundaries)}`.")
    batch_sizes = [int(b) for b in bucket_batch_sizes]
    boundaries = [int(b) for b in bucket_boundaries]

    def element_to_bucket_id(*args):
        length = element_length_func(*args)
        lower = [np.iinfo(np.int32).min] + boundaries
        upper = boundaries + [np.iinfo(np.int32).max]
        length = math_ops.cast(length, dtypes.int64)
        in_bucket = math_ops.logical_and(math_ops.less_equal(
            ops.convert_to_tensor(lower, dtypes.int64), length),
            math_ops.less(length, ops.convert_to_tensor(upper, dtypes.int64)))
        return math_ops.reduce_min(where(in_bucket))

    def window_size_fn(bucket_id):
        return array_ops.gather(ops.convert_to_tensor(batch_sizes, dtypes.int64), bucket_id)

    def batching_fn(bucket_id, grouped):
        if no_padding:
            return grouped.batch(array_ops.gather(ops.convert_to_tensor(
                batch_sizes, dtypes.int64), bucket_id), drop_remainder=drop_remainder)
        shapes = padded_shapes if padded_shapes is not None else grouped.output_shapes
        if pad_to_bucket_boundary:
            shapes = _pad_to_boundary(shapes, grouped.output_types, boundaries, bucket_id)
        return grouped.padded_batch(window_size_fn(bucket_id), shapes, padding_values,
                                    drop_remainder=drop_remainder)

    def apply(dataset: Dataset):
        return dataset.apply(group_by_window(element_to_bucket_id, batching_fn,
                                             window_size_func=window_size_fn))
    return apply


_BOUNDARY_ERROR = ("When pad_to_bucket_boundary=True, elements must have length < "
                   "max(bucket_boundaries).")


def _pad_to_boundary(padded_shapes, types, boundaries: list[int], bucket_id):
    """``padded_shapes`` with each unknown dimension set to the bucket's boundary - 1 (the
    longest length the bucket holds), as int64 tensors; the last bucket (lengths >= the
    largest boundary) has no boundary, so reaching it fails the assertion."""
    boundaries_tensor = ops.convert_to_tensor(boundaries, dtypes.int64)
    check = check_ops.assert_less(bucket_id, ops.convert_to_tensor(len(boundaries),
                                                                   dtypes.int64),
                                  message=_BOUNDARY_ERROR)
    with ops.get_default_graph().control_dependencies([check]):
        # Every shape tensor (also one without unknown dims) waits for the check.
        longest = array_ops.gather(boundaries_tensor, bucket_id) - 1

        def fill(shape) -> ops.Tensor:
            dims = as_shape(shape).as_list()
            if not dims:
                return ops.convert_to_tensor([], dtypes.int64)
            return array_ops.stack([longest if d is None else
                                    ops.convert_to_tensor(d, dtypes.int64) for d in dims])
        flat = [fill(s) for s in structure._flat_shapes(padded_shapes)]
    return structure.pack_as(types, flat)
