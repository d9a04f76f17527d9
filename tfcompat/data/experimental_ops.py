"""``tf.data.experimental`` transformations and sources beyond the TF1 basics: cardinality,
sampling, lists, random numbers, sparse batching, device pass-throughs and Example parsing."""

from __future__ import annotations

import numpy as np

from tfcompat.data import cardinality as card
from tfcompat.data import sources, structure
from tfcompat.data.dataset_kernels import _int, _register_dataset
from tfcompat.data.dataset_ops import Dataset, choose_from_datasets
from tfcompat.framework import dtypes, errors, ops
from tfcompat.framework.random_seed import get_seed
from tfcompat.framework.tensor_shape import TensorShape, as_shape
from tfcompat.ops import array_ops

INFINITE_CARDINALITY = card.INFINITE
UNKNOWN_CARDINALITY = card.UNKNOWN


# ---- cardinality -------------------------------------------------------------------------------

def _cardinality(dataset):
    return ops.apply_op("DatasetCardinality", [dataset._variant_tensor],
                        name="DatasetCardinality")


def cardinality(dataset):
    """The number of elements of ``dataset`` as an int64 scalar tensor (-1 infinite, -2
    unknown: TF1's graph-mode ``map`` and data-dependent transformations are unknown)."""
    return _cardinality(dataset)


def assert_cardinality(expected_cardinality):
    """The dataset's elements, failing (``FailedPreconditionError``) at run time if there
    are not exactly ``expected_cardinality``; the result's cardinality is that number."""
    def apply(dataset):
        count = ops.convert_to_tensor(expected_cardinality, dtype=dtypes.int64,
                                      name="expected_cardinality")
        return dataset._derive("AssertCardinalityDataset", [dataset._variant_tensor, count],
                               dataset._types, dataset._shapes)
    return apply


def pad_to_cardinality(cardinality, mask_key="valid"):
    """Pads a dataset of dicts with zero elements (``mask_key`` False) up to
    ``cardinality``; its own elements get ``mask_key`` True.

    As in TF's graph mode the padding count is ``cardinality - cardinality(dataset)``, so a
    dataset of unknown cardinality (-2) gets ``cardinality + 2`` padding elements.
    """
    def apply(dataset):
        if not isinstance(dataset._types, dict):
            raise ValueError("`pad_to_cardinality` requires its input dataset to be a "
                             "dictionary.")
        padding = cardinality - _cardinality(dataset)
        filler = {key: array_ops.zeros(dataset._shapes[key], dataset._types[key])
                  for key in dataset._types}
        filler[mask_key] = False
        filler_ds = Dataset.from_tensors(filler).repeat(padding)

        def mark(element):
            return {**element, mask_key: True}
        return dataset.map(mark).concatenate(filler_ds)
    return apply


# ---- sampling ----------------------------------------------------------------------------------

def _random_values(seed, seed2):
    def gen():
        rng = np.random.default_rng([seed & 0xFFFFFFFF, seed2 & 0xFFFFFFFF])
        while True:
            yield (np.int64(rng.integers(0, 1 << 63)),)
    value = sources.FromGenerator(gen)
    return value


card.RULES["RandomDataset"] = lambda *_: card.INFINITE
_register_dataset("RandomDataset", ("seed: int64", "seed2: int64"),
                  lambda op, state: lambda s, s2: _random_values(_int(s), _int(s2)))


def RandomDataset(seed=None, name=None):  # noqa: N802 - TF's name
    """An infinite dataset of random int64 values. Seeded streams are reproducible but are
    not TF's (TF's Philox stream is not reproduced)."""
    seed, seed2 = get_seed(seed)
    seed_t = ops.convert_to_tensor(0 if seed is None else seed, dtype=dtypes.int64,
                                   name="seed")
    seed2_t = ops.convert_to_tensor(0 if seed2 is None else seed2, dtype=dtypes.int64,
                                    name="seed2")
    variant = ops.apply_op("RandomDataset", [seed_t, seed2_t], name=name or "RandomDataset",
                           attrs={"output_types": [dtypes.int64],
                                  "output_shapes": [TensorShape([])]})
    return Dataset(variant, dtypes.int64, TensorShape([]))


def sample_from_datasets(datasets, weights=None, seed=None, stop_on_empty_dataset=False):
    """Elements drawn at random from ``datasets`` with probabilities ``weights`` (uniform by
    default). Seeded draws are reproducible but TF's random stream is not reproduced, so the
    order differs from TF's; an exhausted dataset is skipped unless
    ``stop_on_empty_dataset``."""
    datasets = list(datasets)
    if not datasets:
        raise ValueError("Invalid `datasets`. `datasets` should not be empty.")
    if weights is None:
        weights = [1.0 / len(datasets)] * len(datasets)
    weights = np.asarray(weights, dtype=np.float64)
    if weights.shape != (len(datasets),):
        raise ValueError(f"Invalid `weights`. The shape of `weights` should be compatible "
                         f"with `[len(datasets)]` but is {list(weights.shape)}.")
    for d in datasets[1:]:
        structure.check_same_structure(datasets[0]._types, d._types)
    # A dataset of weight 0 is never drawn: the output ends when the others are exhausted.
    drawn = [d for d, w in zip(datasets, weights) if w > 0] or datasets[:1]
    weights = weights[weights > 0] if (weights > 0).any() else np.ones(1)
    probs = weights / weights.sum()
    cumulative = ops.convert_to_tensor(np.cumsum(probs), dtype=dtypes.float64)

    def select(x):
        from tfcompat.ops import math_ops
        unit = math_ops.cast(x % (1 << 53), dtypes.float64) / float(1 << 53)
        return math_ops.reduce_sum(math_ops.cast(math_ops.less_equal(cumulative, unit),
                                                 dtypes.int64))
    selector = RandomDataset(seed).map(select)
    return choose_from_datasets(drawn, selector, stop_on_empty_dataset)


# ---- lists, variants, devices ------------------------------------------------------------------

def _list_values(op, state):
    n = op._attrs["num_components"]

    def kernel(*flat):
        elements = [tuple(flat[i:i + n]) for i in range(0, len(flat), n)]
        value = sources.FromGenerator(lambda: iter(elements))
        value.cardinality = len(elements)
        return value
    return kernel


_register_dataset("ListDataset", ("tensors: list(Tinput_types)",), _list_values)


def from_list(elements, name=None):
    """A dataset of the given elements (each a structure of the same shape)."""
    if not elements:
        raise ValueError("Invalid `elements`. `elements` should not be empty. If you want an "
                         "empty dataset, use `tf.data.Dataset.range(0)`.")
    with ops.name_scope("tensors"):
        converted = [structure.to_tensors(e) for e in elements]
    for e in converted[1:]:
        structure.check_same_structure(converted[0], e)
    first = converted[0]
    types = structure.map_structure(lambda t: t.dtype.base_dtype, first)
    flat_shapes = [t.shape for t in structure.flatten(first)]
    for e in converted[1:]:
        for i, (t, want) in enumerate(zip(structure.flatten(e), structure.flatten(types))):
            if t.dtype.base_dtype is not want:
                raise TypeError(f"Expected all elements to have the same types, but element "
                                f"has type {t.dtype.name} where {want.name} was expected.")
            flat_shapes[i] = flat_shapes[i].most_specific_compatible_shape(t.shape) if \
                flat_shapes[i].ndims == t.shape.ndims else TensorShape(None)
    shapes = structure.pack_as(types, flat_shapes)
    flat = [t for e in converted for t in structure.flatten(e)]
    variant = ops.apply_op("ListDataset", [flat], name=name or "ListDataset", attrs={
        "output_types": structure.flatten(types), "output_shapes": flat_shapes,
        "num_components": len(flat_shapes)})
    return Dataset(variant, types, shapes)


def to_variant(dataset):
    """The variant tensor standing for ``dataset``."""
    return dataset._variant_tensor


def copy_to_device(target_device, source_device="/cpu:0"):
    """Accepted for CPU pipelines: tfcompat has only the CPU, so the dataset is returned
    unchanged (TF would copy its elements to ``target_device``)."""
    return lambda dataset: dataset


def prefetch_to_device(device, buffer_size=None):
    """``prefetch(buffer_size)`` (tfcompat has only the CPU, which the elements are on)."""
    return lambda dataset: dataset.prefetch(1 if buffer_size is None else buffer_size)


def snapshot(path, compression="AUTO", reader_func=None, shard_func=None):
    """Accepted as a pass-through: the dataset's elements, unchanged. tfcompat writes no
    snapshot files under ``path`` and reads none back (each iteration recomputes)."""
    return lambda dataset: dataset


def enable_debug_mode():
    """TF allows debug mode only when executing eagerly; TF1 graph mode raises."""
    raise ValueError("`enable_debug_mode() is only supported in eager mode.")


# ---- dense_to_sparse_batch ---------------------------------------------------------------------

def _dense_to_sparse(source, batch_size: int, row_shape):
    row_shape = [int(d) for d in np.asarray(row_shape).reshape(-1)]

    def stack(batch):
        indices, values = [], []
        for b, (element,) in enumerate(batch):
            array = np.asarray(element)
            if array.ndim != len(row_shape):
                raise errors.InvalidArgumentError(
                    None, None, f"Input element had shape ({', '.join(map(str, array.shape))})"
                    f" that is incompatible with the row shape "
                    f"({', '.join(map(str, row_shape))}).")
            for have, limit in zip(array.shape, row_shape):
                if limit >= 0 and have > limit:
                    raise errors.DataLossError(
                        None, None, f"Input element had shape ({', '.join(map(str, array.shape))}"
                        f") that is larger than the row shape "
                        f"({', '.join(map(str, row_shape))}).")
            where = np.indices(array.shape).reshape(array.ndim, -1).T
            indices.append(np.concatenate([np.full((len(where), 1), b), where], axis=1))
            values.append(array.reshape(-1))
        out = np.empty((), dtype=object)
        out[()] = (np.concatenate(indices).astype(np.int64).reshape(-1, len(row_shape) + 1),
                   np.concatenate(values),
                   np.asarray([len(batch)] + row_shape, dtype=np.int64))
        return (out,)

    def gen():
        batch = []
        for element in source:
            batch.append(element)
            if len(batch) == batch_size:
                yield stack(batch)
                batch = []
        if batch:
            yield stack(batch)
    return sources.FromGenerator(gen)


_register_dataset("DenseToSparseBatchDataset", ("input_dataset: variant", "batch_size: int64",
                                                "row_shape: int64"),
                  lambda op, state: lambda v, n, shape: _dense_to_sparse(v, _int(n), shape))


def dense_to_sparse_batch(batch_size, row_shape):
    """Batches ``batch_size`` dense elements into one SparseTensor of dense shape
    ``[batch, *row_shape]`` (every element value is an entry)."""
    def apply(dataset):
        if structure.is_structure(dataset._types):
            raise TypeError("dense_to_sparse_batch takes a dataset of single tensors")
        row = as_shape(row_shape)
        size = ops.convert_to_tensor(batch_size, dtype=dtypes.int64, name="batch_size")
        shape_t = ops.convert_to_tensor([-1 if d is None else d for d in row.as_list()],
                                        dtype=dtypes.int64, name="row_shape")
        out_shape = TensorShape([None]).concatenate(row)
        return dataset._derive("DenseToSparseBatchDataset",
                               [dataset._variant_tensor, size, shape_t],
                               structure.SparseType(dataset._types, out_shape), out_shape)
    return apply


# ---- Example parsing ---------------------------------------------------------------------------

def parse_example_dataset(features, num_parallel_calls=1, deterministic=None):
    """Parses each element (a vector of serialized ``tf.train.Example``) with
    ``tf.io.parse_example(features)`` into a dict of tensors."""
    from tfcompat.ops.example_parsing_ops import parse_example
    if features is None:
        raise ValueError("Argument `features` is required, but not specified.")
    return lambda dataset: dataset.map(lambda serialized: parse_example(serialized, features))


def make_batched_features_dataset(file_pattern, batch_size, features, reader=None,
                                  label_key=None, reader_args=None, num_epochs=None,
                                  shuffle=True, shuffle_buffer_size=10000, shuffle_seed=None,
                                  prefetch_buffer_size=None, reader_num_threads=None,
                                  parser_num_threads=None, sloppy_ordering=False,
                                  drop_final_batch=False):
    """Batches of parsed ``tf.train.Example`` dicts read from the files matching
    ``file_pattern`` (TFRecord files unless ``reader`` is given); with ``label_key``, the
    elements are ``(features, label)``. Shuffled orders are not TF's."""
    from tfcompat.data.readers import TFRecordDataset
    reader = TFRecordDataset if reader is None else reader
    files = Dataset.list_files(file_pattern, shuffle=shuffle, seed=shuffle_seed)
    dataset = files.interleave(lambda name: reader(name, *(reader_args or [])),
                               cycle_length=1 if reader_num_threads is None
                               else reader_num_threads)
    if shuffle:
        dataset = dataset.shuffle(shuffle_buffer_size, seed=shuffle_seed)
    if num_epochs != 1:
        dataset = dataset.repeat(num_epochs)
    dataset = dataset.batch(batch_size, drop_remainder=drop_final_batch)
    dataset = dataset.apply(parse_example_dataset(features))
    if label_key is not None:
        if label_key not in features:
            raise ValueError(f"The `label_key` provided ({label_key}) must be one of the "
                             f"`features` keys.")
        def split_label(parsed):
            label = parsed.pop(label_key)
            return parsed, label
        dataset = dataset.map(split_label)
    return dataset
