"""``tf.data.Dataset`` in graph mode: each dataset is a variant tensor made by a dataset op.

A dataset op's kernel returns the run-time value of the dataset (tfcompat.data.sources), a lazy
producer of elements; iterators (tfcompat.data.iterator_ops) step through it. Static element
types and shapes are tracked in Python, as TF's ``output_types``/``output_shapes``.
"""

from __future__ import annotations

import numpy as np

from tfcompat.data import (
    dataset_kernels,  # noqa: F401 - registers the dataset op types
    structure,
)
from tfcompat.data.functions import TracedFunction
from tfcompat.data.options import Options
from tfcompat.framework import dtypes, ops, tensor_util
from tfcompat.framework.random_seed import get_seed
from tfcompat.framework.tensor_shape import TensorShape, as_shape, unknown_shape
from tfcompat.framework.tensor_util import constant_value
from tfcompat.ops import math_ops

AUTOTUNE = -1
INFINITE_CARDINALITY = -1
UNKNOWN_CARDINALITY = -2

# ---- the Dataset class ------------------------------------------------------------------------

class Dataset:
    """A sequence of elements (``tf.compat.v1.data.Dataset``), built from dataset ops."""

    def __init__(self, variant_tensor, output_types, output_shapes):
        self._variant_tensor = variant_tensor
        self._types = output_types
        self._shapes = output_shapes

    # -- structure

    @property
    def output_types(self):
        return structure.map_structure(
            lambda t: t.dtype if isinstance(t, (structure.SparseType, structure.RaggedType))
            else t, self._types)

    @property
    def output_shapes(self):
        return self._shapes

    @property
    def output_classes(self):
        from tfcompat.data.element_specs import spec_of
        from tfcompat.framework.sparse_tensor import SparseTensor
        return structure.map_structure(
            lambda t: SparseTensor if isinstance(t, structure.SparseType) else
            spec_of(t, t.shape) if isinstance(t, structure.RaggedType) else ops.Tensor,
            self._types)

    @property
    def element_spec(self):
        """The structure of TypeSpecs (TensorSpec, SparseTensorSpec, DatasetSpec) of an
        element."""
        from tfcompat.data.element_specs import spec_of
        return spec_of(self._types, self._shapes)

    def _flat_types(self) -> list:
        return structure.component_types(self._types)

    def _flat_shapes(self) -> list:
        return structure.component_shapes(self._types, self._shapes)

    def _sparse_starts(self) -> list[int]:
        """Flat component positions holding a SparseTensor (as one variant)."""
        return [i for i, t in enumerate(structure.flatten(self._types))
                if isinstance(t, structure.SparseType)]

    def _no_sparse(self, what: str) -> None:
        if self._sparse_starts():
            raise NotImplementedError(f"Dataset.{what} of SparseTensor elements is not "
                                      "supported by tfcompat yet")

    def __repr__(self) -> str:
        return (f"<{type(self).__name__} shapes: {self._shapes}, types: "
                f"{structure.map_structure(lambda t: getattr(t, 'name', t), self.output_types)}>")

    def _attrs(self) -> dict:
        return {"output_types": self._flat_types(), "output_shapes": self._flat_shapes()}

    def _derive(self, op_type, inputs, types, shapes, attrs=None, name=None):
        flat_types = structure.component_types(types)
        flat_shapes = structure.component_shapes(types, shapes)
        variant = ops.apply_op(op_type, inputs, name=name or op_type, attrs={
            "output_types": flat_types, "output_shapes": flat_shapes, **(attrs or {})})
        derived = Dataset(variant, types, shapes)
        if getattr(self, "_options", None) is not None:
            derived._options = self._options
        return derived

    # -- sources

    @staticmethod
    def from_tensors(tensors, name=None):
        """A dataset of one element: ``tensors``."""
        with ops.name_scope("tensors"):
            element = structure.to_tensors(tensors)
        flat = structure.flat_components(element)  # a SparseTensor becomes one variant
        types, shapes = structure.types_of(element), structure.shapes_of(element)
        return Dataset(ops.apply_op("TensorDataset", [flat], name="TensorDataset", attrs={
            "output_shapes": structure.component_shapes(types, shapes)}), types, shapes)

    @staticmethod
    def from_tensor_slices(tensors, name=None):
        """A dataset of the slices of ``tensors`` along their first dimension."""
        with ops.name_scope("tensors"):
            element = structure.to_tensors(tensors)
        flat = structure.flatten(element)
        if any(hasattr(t, "dense_shape") for t in flat):
            raise NotImplementedError("Dataset.from_tensor_slices of a SparseTensor is not "
                                      "supported by tfcompat yet")
        batch = TensorShape([None])
        for t in flat:
            if t.shape.ndims == 0:
                raise ValueError("Unbatching a tensor is only supported for rank >= 1")
            batch = batch.merge_with(t.shape[:1]) if t.shape.ndims is not None else batch
        shapes = structure.map_structure(
            lambda t: t.shape[1:] if t.shape.ndims is not None else unknown_shape(), element)
        types = structure.pack_as(element, [
            structure.types_of(t).with_rank_change(s, -1) if structure.is_ragged(t)
            else t.dtype.base_dtype for t, s in zip(flat, structure.flatten(shapes))])
        # A ragged component is sliced as the vector of its encoded rows.
        flat = [structure._encode_ragged(t, batched=True) if structure.is_ragged(t) else t
                for t in flat]
        return Dataset(ops.apply_op("TensorSliceDataset", [flat], name="TensorSliceDataset",
                                    attrs={"output_shapes": structure.component_shapes(
                                        types, shapes)}),
                       types, shapes)

    @staticmethod
    def range(*args, output_type=dtypes.int64, name=None):  # noqa: A003 - TF's name
        """A dataset of the integers ``range(start, stop, step)``."""
        if len(args) == 1:
            start, stop, step = 0, args[0], 1
        elif len(args) == 2:
            start, stop, step = args[0], args[1], 1
        elif len(args) == 3:
            start, stop, step = args
        else:
            raise ValueError(f"Invalid arguments to RangeDataset: {args}")
        start, stop, step = (ops.convert_to_tensor(v, dtype=dtypes.int64, name=n)
                             for v, n in ((start, "start"), (stop, "stop"), (step, "step")))
        ds = Dataset(ops.apply_op("RangeDataset", [start, stop, step], name=name or
                                  "RangeDataset", attrs={"output_types": [dtypes.int64],
                                                         "output_shapes": [TensorShape([])]}),
                     dtypes.int64, TensorShape([]))
        if dtypes.as_dtype(output_type) is not dtypes.int64:
            ds = ds.map(lambda x: math_ops.cast(x, output_type))
        return ds

    @staticmethod
    def zip(datasets, name=None):  # noqa: A003 - TF's name
        """A dataset of tuples (or dicts) of the elements of ``datasets``."""
        flat = structure.flatten(datasets)
        types = structure.pack_as(datasets, [d._types for d in flat])
        shapes = structure.pack_as(datasets, [d._shapes for d in flat])
        flat_types = [t for d in flat for t in d._flat_types()]
        flat_shapes = [s for d in flat for s in d._flat_shapes()]
        variant = ops.apply_op("ZipDataset", [[d._variant_tensor for d in flat]],
                               name=name or "ZipDataset",
                               attrs={"output_types": flat_types, "output_shapes": flat_shapes})
        return Dataset(variant, types, shapes)

    @staticmethod
    def from_generator(generator, output_types, output_shapes=None, args=None):
        """A dataset of the values a Python generator yields (called anew per iteration)."""
        if args:
            raise NotImplementedError("Dataset.from_generator(args=...) is not supported by "
                                      "tfcompat yet")
        types = structure.normalize_types(output_types)
        shapes = structure.normalize_shapes(output_shapes, types)
        flat_types = structure.flatten(types)
        variant = ops.apply_op("GeneratorDataset", [], name="GeneratorDataset", attrs={
            "generator": generator, "output_types": flat_types,
            "output_shapes": structure.flatten(shapes),
            "single": not structure.is_structure(types)})
        return Dataset(variant, types, shapes)

    @staticmethod
    def list_files(file_pattern, shuffle=None, seed=None):
        """A dataset of the file names matching ``file_pattern`` (shuffled by default)."""
        from tfcompat.data.readers import matching_files
        with ops.name_scope("list_files"):
            files = matching_files(file_pattern)
            ds = Dataset.from_tensor_slices(files)
        if shuffle is None or shuffle:
            ds = ds.shuffle(10000, seed=seed)
        return ds

    # -- transformations

    def concatenate(self, dataset, name=None):
        structure.check_same_structure(self._types, dataset._types)
        shapes = structure.pack_as(self._types, [
            a.most_specific_compatible_shape(b) if a.ndims == b.ndims else unknown_shape()
            for a, b in zip(self._flat_shapes(), dataset._flat_shapes())])
        return self._derive("ConcatenateDataset", [self._variant_tensor,
                                                   dataset._variant_tensor],
                            self._types, shapes, name=name)

    def _trace(self, fn, name):
        return TracedFunction(fn, self._types, self._shapes, name=name)

    def map(self, map_func, num_parallel_calls=None, deterministic=None, name=None):
        """Applies ``map_func`` (traced once) to each element."""
        fn = self._trace(map_func, "map")
        out = fn.output_structure
        types = structure.types_of(out)
        shapes = structure.shapes_of(out)
        # TF1's graph-mode map leaves the cardinality unknown (preserve_cardinality unset).
        attrs = {"f": fn, "use_inter_op_parallelism": True, "preserve_cardinality": False}
        if num_parallel_calls is None:
            return self._derive("MapDataset", [self._variant_tensor, fn.captured_inputs], types,
                                shapes, attrs, name)
        calls = ops.convert_to_tensor(num_parallel_calls, dtype=dtypes.int64,
                                      name="num_parallel_calls")
        return self._derive("ParallelMapDatasetV2",
                            [self._variant_tensor, fn.captured_inputs, calls], types,
                            shapes, {**attrs, "deterministic": "default"}, name)

    def filter(self, predicate, name=None):  # noqa: A003 - TF's name
        """Keeps the elements for which ``predicate`` (a scalar bool function) is true."""
        fn = self._trace(predicate, "filter")
        out = fn.outputs
        if len(out) != 1 or out[0].dtype.base_dtype is not dtypes.bool_ or \
                not out[0].shape.is_compatible_with([]):
            raise ValueError("Invalid `predicate`. `predicate` must return a `tf.bool` scalar "
                             "tensor.")
        return self._derive("FilterDataset", [self._variant_tensor, fn.captured_inputs],
                            self._types, self._shapes, {"predicate": fn}, name)

    def flat_map(self, map_func, name=None):
        """Maps each element to a dataset and flattens the results."""
        fn = self._trace(map_func, "flat_map")
        inner = fn.output_structure
        if not hasattr(inner, "_variant_tensor"):
            raise TypeError("The `map_func` argument must return a `Dataset` object.")
        return self._derive("FlatMapDataset", [self._variant_tensor, fn.captured_inputs],
                            inner._types, inner._shapes, {"f": fn}, name)

    def interleave(self, map_func, cycle_length=None, block_length=None,
                   num_parallel_calls=None, deterministic=None, name=None):
        """Maps each element to a dataset and interleaves ``cycle_length`` of them,
        ``block_length`` elements at a time."""
        fn = self._trace(map_func, "interleave")
        inner = fn.output_structure
        if not hasattr(inner, "_variant_tensor"):
            raise TypeError("The `map_func` argument must return a `Dataset` object.")
        cycle = ops.convert_to_tensor(AUTOTUNE if cycle_length is None else cycle_length,
                                      dtype=dtypes.int64, name="cycle_length")
        block = ops.convert_to_tensor(1 if block_length is None else block_length,
                                      dtype=dtypes.int64, name="block_length")
        return self._derive("InterleaveDataset",
                            [self._variant_tensor, fn.captured_inputs, cycle, block],
                            inner._types, inner._shapes, {"f": fn}, name)

    def batch(self, batch_size, drop_remainder=False, num_parallel_calls=None,
              deterministic=None, name=None):
        """Combines consecutive elements into batches."""
        size = ops.convert_to_tensor(batch_size, dtype=dtypes.int64, name="batch_size")
        drop = ops.convert_to_tensor(drop_remainder, dtype=dtypes.bool_,
                                     name="drop_remainder")
        static = constant_value(size) if drop_remainder is True else None
        dim = int(static) if static is not None else None
        shapes = structure.map_structure(lambda s: TensorShape([dim]).concatenate(s),
                                         self._shapes)
        types = structure.pack_as(self._types, [_batched_type(t, dim)
                                                for t in structure.flatten(self._types)])
        return self._derive("BatchDatasetV2", [self._variant_tensor, size, drop], types,
                            shapes, {"parallel_copy": False,
                                     "sparse_starts": self._sparse_starts()}, name)

    def ragged_batch(self, batch_size, drop_remainder=False, row_splits_dtype=dtypes.int64,
                     name=None):
        """Batches elements whose components may differ in shape: a dense component whose
        shape is not fully known batches into a RaggedTensor (ragged rank 1)."""
        from tfcompat.data.ragged_elements import dense_to_ragged
        return dense_to_ragged(self, row_splits_dtype).batch(batch_size, drop_remainder,
                                                             name=name)

    def padded_batch(self, batch_size, padded_shapes=None, padding_values=None,
                     drop_remainder=False, name=None):
        """Batches elements, padding each component to ``padded_shapes`` (None: the batch's
        longest)."""
        self._no_sparse("padded_batch")
        for t in structure.flatten(self._types):
            if isinstance(t, structure.RaggedType):
                from tfcompat.data.element_specs import spec_of
                raise TypeError(f"`padded_batch` is only supported for datasets that produce "
                                f"tensor elements but type spec of elements in the input "
                                f"dataset is not a subclass of TensorSpec: "
                                f"`{spec_of(t, t.shape)}`.")
        if padded_shapes is None:
            padded_shapes = self._shapes
        flat_padded = [_padded_shape(s) for s in structure._flat_shapes(padded_shapes)]
        shapes = structure.pack_as(self._types, [static for static, _ in flat_padded])
        flat_types = self._flat_types()
        if padding_values is None:
            flat_values = [b"" if t is dtypes.string else 0 for t in flat_types]
        else:
            flat_values = structure.flatten(padding_values) if structure.is_structure(
                padding_values) else [padding_values] * len(flat_types)
        size = ops.convert_to_tensor(batch_size, dtype=dtypes.int64, name="batch_size")
        shape_tensors = [tensor for _, tensor in flat_padded]
        value_tensors = [ops.convert_to_tensor(v, dtype=t, name="padding_values")
                         for v, t in zip(flat_values, flat_types)]
        drop = ops.convert_to_tensor(drop_remainder, dtype=dtypes.bool_,
                                     name="drop_remainder")
        static = constant_value(size) if drop_remainder is True else None
        dim = int(static) if static is not None else None
        out_shapes = structure.map_structure(lambda s: TensorShape([dim]).concatenate(s),
                                             shapes)
        return self._derive("PaddedBatchDatasetV2",
                            [self._variant_tensor, size, shape_tensors, value_tensors, drop],
                            self._types, out_shapes, {"parallel_copy": False}, name)

    def repeat(self, count=None, name=None):
        """Repeats the dataset ``count`` times (forever when None or -1)."""
        count = ops.convert_to_tensor(-1 if count is None else count, dtype=dtypes.int64,
                                      name="count")
        return self._derive("RepeatDataset", [self._variant_tensor, count], self._types,
                            self._shapes, name=name)

    def take(self, count, name=None):
        count = ops.convert_to_tensor(count, dtype=dtypes.int64, name="count")
        return self._derive("TakeDataset", [self._variant_tensor, count], self._types,
                            self._shapes, name=name)

    def skip(self, count, name=None):
        count = ops.convert_to_tensor(count, dtype=dtypes.int64, name="count")
        return self._derive("SkipDataset", [self._variant_tensor, count], self._types,
                            self._shapes, name=name)

    def prefetch(self, buffer_size, name=None):
        """Accepted for compatibility: elements are produced on demand in the calling thread."""
        size = ops.convert_to_tensor(buffer_size, dtype=dtypes.int64, name="buffer_size")
        return self._derive("PrefetchDataset", [self._variant_tensor, size], self._types,
                            self._shapes, name=name)

    def cache(self, filename="", name=None):
        """Keeps the elements in memory after the first full pass (a ``filename`` is accepted
        but the cache stays in memory)."""
        filename = ops.convert_to_tensor(filename, dtype=dtypes.string, name="filename")
        return self._derive("CacheDataset", [self._variant_tensor, filename], self._types,
                            self._shapes, name=name)

    def shuffle(self, buffer_size, seed=None, reshuffle_each_iteration=None, name=None):
        """Shuffles with a buffer of ``buffer_size`` elements (seeded orders are reproducible,
        but differ from TF's)."""
        seed1, seed2 = get_seed(seed)
        if seed1 is None:
            seed1, seed2 = 0, 0
        size = ops.convert_to_tensor(buffer_size, dtype=dtypes.int64, name="buffer_size")
        seed_t = ops.convert_to_tensor(seed1, dtype=dtypes.int64, name="seed")
        seed2_t = ops.convert_to_tensor(seed2, dtype=dtypes.int64, name="seed2")
        reshuffle = True if reshuffle_each_iteration is None else reshuffle_each_iteration
        return self._derive("ShuffleDataset", [self._variant_tensor, size, seed_t, seed2_t],
                            self._types, self._shapes,
                            {"reshuffle_each_iteration": bool(reshuffle)}, name)

    def enumerate(self, start=0, name=None):  # noqa: A003 - TF's name
        """Pairs each element with its index: ``(index, element)``."""
        max_value = np.iinfo(np.int64).max
        return Dataset.zip((Dataset.range(start, max_value), self))

    def unbatch(self, name=None):
        """Splits each element along its first dimension into several elements."""
        self._no_sparse("unbatch")
        shapes = structure.map_structure(
            lambda s: s[1:] if s.ndims is not None else unknown_shape(), self._shapes)
        types = structure.pack_as(self._types, [
            t.with_rank_change(s, -1) if isinstance(t, structure.RaggedType) else t
            for t, s in zip(structure.flatten(self._types), structure.flatten(shapes))])
        return self._derive("UnbatchDataset", [self._variant_tensor], types, shapes,
                            name=name)

    def window(self, size, shift=None, stride=1, drop_remainder=False, name=None):
        """A dataset of windows: each element is (a structure of) datasets of ``size``
        consecutive elements, starting every ``shift`` elements."""
        size_t = ops.convert_to_tensor(size, dtype=dtypes.int64, name="size")
        shift_t = ops.convert_to_tensor(size if shift is None else shift, dtype=dtypes.int64,
                                        name="shift")
        stride_t = ops.convert_to_tensor(stride, dtype=dtypes.int64, name="stride")
        drop = ops.convert_to_tensor(drop_remainder, dtype=dtypes.bool_,
                                     name="drop_remainder")
        types = structure.pack_as(self._types, [
            structure.DatasetSpec(t, s) for t, s in zip(self._flat_types(), self._flat_shapes())])
        shapes = structure.map_structure(lambda _: TensorShape([]), self._types)
        flat = structure.flatten(types)
        variant = ops.apply_op("WindowDataset", [self._variant_tensor, size_t, shift_t,
                                                 stride_t, drop], name=name or "WindowDataset",
                               attrs={"output_types": [dtypes.variant] * len(flat),
                                      "output_shapes": [TensorShape([])] * len(flat)})
        return Dataset(variant, types, shapes)

    def reduce(self, initial_state, reduce_func, name=None):
        """Folds the elements into one value with ``reduce_func(state, element)``."""
        from tfcompat.data.iterator_ops import reduce_dataset
        return reduce_dataset(self, initial_state, reduce_func)

    def apply(self, transformation_func):
        """Returns ``transformation_func(self)``."""
        dataset = transformation_func(self)
        if not isinstance(dataset, Dataset):
            raise TypeError(f"`transformation_func` must return a `tf.data.Dataset` object. "
                            f"Got {type(dataset)}.")
        return dataset

    def with_options(self, options, name=None):
        """This dataset with ``options`` set over its inputs' (an ``OptionsDataset``). The
        options are stored: they tune TF's runtime, which tfcompat does not have."""
        if not isinstance(options, Options):
            raise TypeError(f"options must be a tf.data.Options, got {type(options)}")
        dataset = self._derive("OptionsDataset", [self._variant_tensor], self._types,
                               self._shapes, name=name)
        dataset._options = self.options().merge(options)
        return dataset

    def options(self):
        """The options set on this dataset and its inputs (later settings win)."""
        return getattr(self, "_options", None) or Options()

    def scan(self, initial_state, scan_func, name=None):
        """Carries a state across elements: ``scan_func(state, element) -> (state, output)``."""
        initial = structure.to_tensors(initial_state, name="initial_state")
        state_types = structure.map_structure(lambda t: t.dtype.base_dtype, initial)
        state_shapes = structure.map_structure(lambda t: t.shape, initial)
        fn = TracedFunction(lambda s, e: _scan_step(scan_func, s, e),
                            (state_types, self._types), (state_shapes, self._shapes),
                            name="scan")
        new_state, output = fn.raw_result
        n_state = len(structure.flatten(new_state))
        out_tensors = fn.outputs[n_state:]
        out = structure.pack_components(structure.types_of(output), out_tensors)
        types = structure.types_of(out)
        shapes = structure.shapes_of(out)
        return self._derive("ScanDataset", [self._variant_tensor, structure.flatten(initial),
                                            fn.captured_inputs],
                            types, shapes, {"f": fn, "num_state": n_state}, name)

    def take_while(self, predicate, name=None):
        """Elements while ``predicate`` holds; stops at the first false."""
        fn = self._trace(predicate, "take_while")
        return self._derive("TakeWhileDataset", [self._variant_tensor, fn.captured_inputs],
                            self._types, self._shapes, {"predicate": fn}, name)

    def unique(self, name=None):
        """The elements not seen before (scalars of an integer or string type)."""
        return self._derive("UniqueDataset", [self._variant_tensor], self._types,
                            self._shapes, name=name)

    def ignore_errors(self, log_warning=False, name=None):
        """Drops the elements whose computation raises an error."""
        return self._derive("IgnoreErrorsDataset", [self._variant_tensor], self._types,
                            self._shapes, {"log_warning": log_warning}, name)

    def __iter__(self):
        from tfcompat.data.dataset_spec import _ITERATION_ERROR
        raise RuntimeError(_ITERATION_ERROR)

    def as_numpy_iterator(self):
        """TF allows numpy iteration only in eager mode: graph mode raises RuntimeError."""
        raise RuntimeError("`tf.data.Dataset.as_numpy_iterator()` is only supported in eager "
                           "mode.")

    def make_one_shot_iterator(self):
        from tfcompat.data.iterator_ops import make_one_shot_iterator
        return make_one_shot_iterator(self)

    def make_initializable_iterator(self, shared_name=None):
        from tfcompat.data.iterator_ops import make_initializable_iterator
        return make_initializable_iterator(self, shared_name)


DatasetV1 = Dataset


def _batched_type(t, dim):
    """The component type of a batch of ``t`` (sparse and ragged types gain a dimension)."""
    shape = TensorShape([dim]).concatenate(t.shape) if hasattr(t, "shape") else None
    if isinstance(t, structure.SparseType):
        return structure.SparseType(t.dtype, shape)
    if isinstance(t, structure.RaggedType):
        return t.with_rank_change(shape, +1)
    return t


def _padded_shape(shape) -> tuple[TensorShape, ops.Tensor]:
    """The static shape and the int64 shape tensor of one ``padded_shapes`` leaf: a shape
    (None or -1 for "the batch's longest"), or a tensor (or a list holding tensors) whose
    values are known only at run time."""
    is_tensor = isinstance(shape, ops.Tensor) or (
        isinstance(shape, list) and any(isinstance(d, ops.Tensor) for d in shape))
    if not is_tensor:
        static = as_shape(shape)
        return static, ops.convert_to_tensor([-1 if d is None else d for d in static.as_list()],
                                             dtype=dtypes.int64, name="padded_shapes")
    tensor = ops.convert_to_tensor(shape, dtype=dtypes.int64, name="padded_shapes")
    if tensor.shape.ndims is not None and tensor.shape.ndims != 1:
        raise ValueError(f"Padded shape {shape} must be a `tf.int64` vector tensor, but its "
                         f"shape was {tensor.shape}.")
    return tensor_util.constant_value_as_shape(tensor), tensor


def _scan_step(scan_func, state, element):
    new_state, output = scan_func(state, element)
    return (structure.to_tensors(new_state, name="state"),
            structure.to_tensors(output, name="output"))


def choose_from_datasets(datasets, choice_dataset, stop_on_empty_dataset=True):
    """Elements taken from ``datasets[i]`` for each ``i`` of the int64 ``choice_dataset``."""
    datasets = list(datasets)
    if not datasets:
        raise ValueError("Invalid `datasets`. `datasets` should not be empty.")
    first = datasets[0]
    for d in datasets[1:]:
        structure.check_same_structure(first._types, d._types)
    flat_shapes = first._flat_shapes()
    for d in datasets[1:]:
        flat_shapes = [s.most_specific_compatible_shape(o) if s.ndims == o.ndims
                       else unknown_shape() for s, o in zip(flat_shapes, d._flat_shapes())]
    shapes = structure.pack_as(first._types, flat_shapes)
    return first._derive("DirectedInterleaveDataset", [
        choice_dataset._variant_tensor, [d._variant_tensor for d in datasets]],
        first._types, shapes, {"stop_on_empty_dataset": stop_on_empty_dataset})


