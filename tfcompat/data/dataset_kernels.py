"""The dataset op types: each registered op's kernel returns the run-time value of a dataset
(tfcompat.data.sources) built from its inputs' values; traced functions (map, filter...)
run through the per-session plans of tfcompat.data.functions.
"""

from __future__ import annotations

import numpy as np

from tfcompat.data import cardinality, sources, structure
from tfcompat.data.functions import TracedFunction
from tfcompat.framework import dtypes, errors
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.tensor_shape import TensorShape


def _value_array(value) -> np.ndarray:
    out = np.empty((), dtype=object)
    out[()] = value
    return out


def _value_of(array):
    return array[()] if isinstance(array, np.ndarray) else array


def _register_dataset(op_type: str, inputs, make):
    """Registers a dataset op: ``make(op, state)`` returns ``kernel(*inputs) -> value``; the
    value records its cardinality by the op type's rule (tfcompat.data.cardinality)."""
    rule = cardinality.RULES.get(op_type)

    def bind(op, state):
        kernel = make(op, state)

        def run(*args):
            args = [_value_of(a) if isinstance(a, np.ndarray) and a.dtype == object
                    and a.ndim == 0 and isinstance(a[()], sources.DatasetValue) else a
                    for a in args]
            value = kernel(*args)
            if rule is not None:
                value.cardinality = rule(*args)
            return _value_array(value)
        return run
    register_op(op_type, inputs=inputs, shape_fn=lambda op: [(dtypes.variant, TensorShape([]))],
                bind=bind, foldable=False, grad=NOT_DIFFERENTIABLE)


def _int(x) -> int:
    return int(np.asarray(x))


def _caller(fn: TracedFunction, state, captured=()):
    return fn.caller(state, captured)


_register_dataset("TensorDataset", ("components: list(Toutput_types)",),
                  lambda op, state: lambda *c: sources.tensors(c))
_register_dataset("TensorSliceDataset", ("components: list(Toutput_types)",),
                  lambda op, state: lambda *c: sources.tensor_slices(c))
_register_dataset("RangeDataset", ("start: int64", "stop: int64", "step: int64"),
                  lambda op, state: sources.range_values)
_register_dataset("ZipDataset", ("input_datasets: N*variant",),
                  lambda op, state: lambda *v: sources.zipped(list(v), []))
_register_dataset("ConcatenateDataset", ("input_dataset: variant", "another_dataset: variant"),
                  lambda op, state: sources.concatenated)
_CAPTURED = "other_arguments: list(Targuments)"
_register_dataset("MapDataset", ("input_dataset: variant", _CAPTURED),
                  lambda op, state: lambda v, *c: sources.mapped(
                      v, _caller(op._attrs["f"], state, c)))
_register_dataset("ParallelMapDatasetV2", ("input_dataset: variant", _CAPTURED,
                                           "num_parallel_calls: int64"),
                  lambda op, state: lambda v, *rest: sources.mapped(
                      v, _caller(op._attrs["f"], state, rest[:-1])))


def _filter(op, state):
    def kernel(v, *captured):
        call = _caller(op._attrs["predicate"], state, captured)
        return sources.filtered(v, lambda e: bool(call(e)[0]))
    return kernel


_register_dataset("FilterDataset", ("input_dataset: variant", _CAPTURED), _filter)


def _inner_dataset(op, state, captured):
    call = _caller(op._attrs["f"], state, captured)
    return lambda e: _value_of(call(e)[0])


_register_dataset("FlatMapDataset", ("input_dataset: variant", _CAPTURED),
                  lambda op, state: lambda v, *c: sources.flat_mapped(
                      v, _inner_dataset(op, state, c)))
_register_dataset("InterleaveDataset", ("input_dataset: variant", _CAPTURED,
                                        "cycle_length: int64", "block_length: int64"),
                  lambda op, state: lambda v, *rest: sources.interleaved(
                      v, _inner_dataset(op, state, rest[:-2]), max(_int(rest[-2]), 1),
                      max(_int(rest[-1]), 1)))
_register_dataset("BatchDatasetV2", ("input_dataset: variant", "batch_size: int64",
                                     "drop_remainder: bool"),
                  lambda op, state: lambda v, n, d: sources.batched(
                      v, _int(n), bool(d), sparse_starts=op._attrs.get("sparse_starts", ())))


def _padded_batch(op, state):
    n = op._attrs["N"]

    def kernel(v, batch_size, *rest):
        shapes = [tuple(int(d) for d in np.asarray(s).reshape(-1)) for s in rest[:n]]
        shapes = [tuple(None if d < 0 else d for d in s) for s in shapes]
        values = [np.asarray(x)[()] for x in rest[n:2 * n]]
        return sources.batched(v, _int(batch_size), bool(rest[2 * n]), shapes, values)
    return kernel


_register_dataset("PaddedBatchDatasetV2", ("input_dataset: variant", "batch_size: int64",
                                           "padded_shapes: N*int64",
                                           "padding_values: list(Toutput_types)",
                                           "drop_remainder: bool"), _padded_batch)
_register_dataset("RepeatDataset", ("input_dataset: variant", "count: int64"),
                  lambda op, state: lambda v, c: sources.repeated(v, _int(c)))
_register_dataset("TakeDataset", ("input_dataset: variant", "count: int64"),
                  lambda op, state: lambda v, c: sources.taken(v, _int(c)))
_register_dataset("SkipDataset", ("input_dataset: variant", "count: int64"),
                  lambda op, state: lambda v, c: sources.skipped(v, _int(c)))
_register_dataset("PrefetchDataset", ("input_dataset: variant", "buffer_size: int64"),
                  lambda op, state: lambda v, b: v)
_register_dataset("OptionsDataset", ("input_dataset: variant",),
                  lambda op, state: lambda v: v)
_register_dataset("CacheDataset", ("input_dataset: variant", "filename: string"),
                  lambda op, state: lambda v, f: sources.Cached(v))
_register_dataset("UnbatchDataset", ("input_dataset: variant",),
                  lambda op, state: sources.unbatched)
_register_dataset("ShuffleDataset", ("input_dataset: variant", "buffer_size: int64",
                                     "seed: int64", "seed2: int64"),
                  lambda op, state: lambda v, b, s, s2: sources.Shuffled(
                      v, _int(b), _int(s), _int(s2), op._attrs["reshuffle_each_iteration"]))


def _take_while(op, state):
    def take(source, *captured):
        call = _caller(op._attrs["predicate"], state, captured)

        def gen():
            for e in source:
                if not bool(call(e)[0]):
                    return
                yield e
        return sources.FromGenerator(gen)
    return take


def _unique_elements(source):
    def gen():
        seen = set()
        for e in source:
            key = np.asarray(e[0]).item()
            if key not in seen:
                seen.add(key)
                yield e
    return sources.FromGenerator(gen)


def _ignore_errors(source):
    def gen():
        iterator = iter(source)
        while True:
            try:
                yield next(iterator)
            except StopIteration:
                return
            except errors.OutOfRangeError:
                return
            except errors.OpError:
                continue
    return sources.FromGenerator(gen)


_register_dataset("WindowDataset", ("input_dataset: variant", "size: int64", "shift: int64",
                                    "stride: int64", "drop_remainder: bool"),
                  lambda op, state: lambda v, size, shift, stride, drop: sources.windowed(
                      v, _int(size), _int(shift), _int(stride), bool(drop)))
def _scan(op, state):
    fn = op._attrs["f"]
    n_state = op._attrs["num_state"]

    def kernel(source, *rest):
        initial, captured = rest[:n_state], fn.bind_captures(state, rest[n_state:])
        call = fn.plan_for(state)

        def gen():
            values = tuple(initial)
            for element in source:
                out = tuple(call(*values, *element, *captured))
                values = out[:n_state]
                yield out[n_state:]
        return sources.FromGenerator(gen)
    return kernel


def _choose(op, state):
    stop_on_empty = op._attrs.get("stop_on_empty_dataset", True)

    def kernel(selector, *datasets):
        def gen():
            iterators = [iter(d) for d in datasets]
            live = len(iterators)
            for (choice,) in selector:
                index = int(choice)
                if not 0 <= index < len(iterators):
                    raise errors.InvalidArgumentError(
                        None, None, f"`choice_dataset` has an element {index} out of range "
                        f"[0, {len(iterators)})")
                if iterators[index] is None:
                    continue
                try:
                    yield next(iterators[index])
                except StopIteration:
                    if stop_on_empty:
                        return
                    iterators[index] = None
                    live -= 1
                    if not live:
                        return
        return sources.FromGenerator(gen)
    return kernel


_register_dataset("ScanDataset", ("input_dataset: variant", "initial_state: list(Tstate)",
                                 _CAPTURED), _scan)
_register_dataset("DirectedInterleaveDataset", ("selector_input_dataset: variant",
                                                "data_input_datasets: N*variant"), _choose)
_register_dataset("TakeWhileDataset", ("input_dataset: variant", _CAPTURED), _take_while)
_register_dataset("UniqueDataset", ("input_dataset: variant",),
                  lambda op, state: _unique_elements)
_register_dataset("IgnoreErrorsDataset", ("input_dataset: variant",),
                  lambda op, state: _ignore_errors)


def _generator(op, state):
    fn = op._attrs["generator"]
    types = op._attrs["output_types"]
    shapes = op._attrs["output_shapes"]
    single = op._attrs["single"]

    def convert(value) -> tuple:
        flat = [value] if single else structure.flatten(value)
        out = []
        for v, t, s in zip(flat, types, shapes):
            array = np.asarray(v, dtype=t.as_numpy_dtype) if t is not dtypes.string else \
                _bytes_array(v)
            if not s.is_compatible_with(array.shape):
                raise errors.InvalidArgumentError(
                    None, None, f"`generator` yielded an element of shape {array.shape} where "
                    f"an element of shape {s} was expected.")
            out.append(array)
        return tuple(out)

    def kernel():
        return sources.FromGenerator(lambda: (convert(v) for v in fn()))
    return kernel


def _bytes_array(value) -> np.ndarray:
    array = np.asarray(value, dtype=object)
    flat = [v.encode() if isinstance(v, str) else v for v in array.reshape(-1)]
    out = np.empty(array.shape, dtype=object)
    out.reshape(-1)[:] = flat
    return out


_register_dataset("GeneratorDataset", (), _generator)


_register_dataset("AssertCardinalityDataset", ("input_dataset: variant", "cardinality: int64"),
                  lambda op, state: lambda v, n: cardinality.asserted(v, _int(n)))
register_op("DatasetCardinality", inputs=("input_dataset: variant",),
            shape_fn=lambda op: [(dtypes.int64, TensorShape([]))], foldable=False,
            kernel=lambda v: np.int64(cardinality.of(_value_of(v))), grad=NOT_DIFFERENTIABLE)
