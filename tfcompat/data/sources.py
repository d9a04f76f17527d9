"""Run-time values of dataset tensors: Python objects producing elements (tuples of arrays).

A dataset op's kernel returns one of these (in a 0-d object array); an iterator calls
``iter()`` on it. Each transformation wraps its input's value, so a pipeline is a chain of
generators, evaluated lazily one element at a time.
"""

from __future__ import annotations

import glob
import os
import zlib
from collections.abc import Callable, Iterator

import numpy as np

from tfcompat.data import tfrecord_reader
from tfcompat.framework import errors

Element = tuple


def _scalar(value) -> np.ndarray:
    out = np.empty((), dtype=object) if isinstance(value, bytes) else None
    if out is not None:
        out[()] = value
        return out
    return np.asarray(value)


class DatasetValue:
    cardinality = -2  # unknown, unless the op's rule sets it (tfcompat.data.cardinality)

    def __iter__(self) -> Iterator[Element]:
        raise NotImplementedError


class FromGenerator(DatasetValue):
    """Elements from a Python generator factory (from_tensors, slices, range, generators)."""

    def __init__(self, factory: Callable[[], Iterator[Element]]):
        self._factory = factory

    def __iter__(self):
        return iter(self._factory())


def tensors(components) -> DatasetValue:
    element = tuple(np.asarray(c) for c in components)
    return FromGenerator(lambda: iter([element]))


def tensor_slices(components) -> DatasetValue:
    arrays = [np.asarray(c) for c in components]
    sizes = {a.shape[0] if a.ndim else None for a in arrays}
    if None in sizes:
        raise errors.InvalidArgumentError(None, None, "Input element must have a non-scalar "
                                          "value in each component.")
    if len(sizes) > 1:
        raise errors.InvalidArgumentError(
            None, None, "All components must have the same size in the 0th dimension")
    n = sizes.pop() if sizes else 0
    return FromGenerator(lambda: (tuple(a[i] for a in arrays) for i in range(n)))


def range_values(start, stop, step) -> DatasetValue:
    start, stop, step = int(start), int(stop), int(step)
    if step == 0:
        raise errors.InvalidArgumentError(None, None, "step must be a non-zero integer.")
    return FromGenerator(lambda: ((np.int64(i),) for i in range(start, stop, step)))


def zipped(values: list[DatasetValue], arity: list[int]) -> DatasetValue:
    def gen():
        for parts in zip(*values):
            yield tuple(c for part in parts for c in part)
    return FromGenerator(gen)


def concatenated(a: DatasetValue, b: DatasetValue) -> DatasetValue:
    def gen():
        yield from a
        yield from b
    return FromGenerator(gen)


class _MapIterator:
    """Maps elements one by one; an error in one element leaves the iterator usable for the
    next (``ignore_errors`` relies on it), unlike a generator."""

    def __init__(self, source, call):
        self._source = iter(source)
        self._call = call

    def __iter__(self):
        return self

    def __next__(self):
        return self._call(next(self._source))


def mapped(source: DatasetValue, call: Callable[[Element], Element]) -> DatasetValue:
    return FromGenerator(lambda: _MapIterator(source, call))


def filtered(source: DatasetValue, predicate: Callable[[Element], bool]) -> DatasetValue:
    return FromGenerator(lambda: (e for e in source if predicate(e)))


def flat_mapped(source: DatasetValue, inner: Callable[[Element], DatasetValue]) -> DatasetValue:
    def gen():
        for e in source:
            yield from inner(e)
    return FromGenerator(gen)


def interleaved(source: DatasetValue, inner: Callable[[Element], DatasetValue],
                cycle_length: int, block_length: int) -> DatasetValue:
    """TF's cycle: ``cycle_length`` slots visited in turn, ``block_length`` elements each; an
    exhausted slot is emptied and refilled from the input when the cycle comes back to it."""
    def gen():
        outer = iter(source)
        slots: list = [None] * cycle_length
        open_count = 0
        end_of_input = False
        index = 0
        block = 0
        while not end_of_input or open_count:
            if slots[index] is not None:
                try:
                    element = next(slots[index])
                except StopIteration:
                    slots[index] = None
                    open_count -= 1
                else:
                    block += 1
                    if block == block_length:
                        block = 0
                        index = (index + 1) % cycle_length
                    yield element
                    continue
            elif not end_of_input:
                try:
                    slots[index] = iter(inner(next(outer)))
                    open_count += 1
                    continue
                except StopIteration:
                    end_of_input = True
            block = 0
            index = (index + 1) % cycle_length
    return FromGenerator(gen)


def _batch_sparse(parts: list) -> np.ndarray:
    """Batches the sparse components (variant (indices, values, shape) triples) of several
    elements into one triple with a leading batch dimension."""
    triples = [p[()] if isinstance(p, np.ndarray) else p for p in parts]
    indices = [np.hstack([np.full((len(i), 1), b, np.int64),
                          np.asarray(i, np.int64).reshape(len(i), len(s))])
               for b, (i, _, s) in enumerate(triples)]
    values = [np.asarray(v) for _, v, _ in triples]
    shape = np.max(np.stack([np.asarray(s, np.int64) for _, _, s in triples]), axis=0)
    out = np.empty((), dtype=object)
    out[()] = (np.concatenate(indices).astype(np.int64), np.concatenate(values),
               np.concatenate([[len(parts)], shape]).astype(np.int64))
    return out


def batched(source: DatasetValue, batch_size: int, drop_remainder: bool,
            padded_shapes=None, padding_values=None, sparse_starts=()) -> DatasetValue:
    if batch_size <= 0:
        raise errors.InvalidArgumentError(None, None, "Batch size must be greater than zero.")

    sparse_parts = set(sparse_starts)

    def stack(batch: list[Element]) -> Element:
        out = []
        for i in range(len(batch[0])):
            if i in sparse_parts:
                out.append(_batch_sparse([e[i] for e in batch]))
                continue
            parts = [np.asarray(e[i]) for e in batch]
            if padded_shapes is None:
                for j, p in enumerate(parts):
                    if p.shape != parts[0].shape:
                        raise errors.InvalidArgumentError(
                            None, None, "Cannot batch tensors with different shapes in "
                            f"component {i}. First element had shape {_dims(parts[0].shape)} "
                            f"and element {j} had shape {_dims(p.shape)}.")
                out.append(np.stack(parts))
            else:
                want = padded_shapes[i]
                dims = [max(p.shape[d] for p in parts) if want[d] is None or want[d] < 0
                        else want[d] for d in range(len(want))]
                fill = padding_values[i]
                if any(p.shape[d] > dims[d] for p in parts for d in range(len(dims))):
                    raise errors.DataLossError(None, None, "Attempted to pad to a smaller size "
                                               "than the input element.")
                batch_array = np.full([len(parts)] + dims, fill, dtype=parts[0].dtype)
                for j, p in enumerate(parts):
                    batch_array[(j,) + tuple(slice(0, s) for s in p.shape)] = p
                out.append(batch_array)
        return tuple(out)

    def gen():
        batch = []
        for e in source:
            batch.append(e)
            if len(batch) == batch_size:
                yield stack(batch)
                batch = []
        if batch and not drop_remainder:
            yield stack(batch)
    return FromGenerator(gen)


def _dims(shape) -> str:
    return "[" + ",".join(str(d) for d in shape) + "]"


def unbatched(source: DatasetValue) -> DatasetValue:
    def gen():
        for e in source:
            e = [_rows_of(c) for c in e]
            for i in range(len(e[0]) if e else 0):
                yield tuple(c[i] for c in e)
    return FromGenerator(gen)


def _rows_of(component):
    """A component as an array of rows: one encoded ragged tensor (a scalar variant) becomes
    the vector of its encoded rows."""
    if isinstance(component, np.ndarray) and component.dtype == object and \
            component.ndim == 0 and hasattr(component[()], "rows"):
        return component[()].rows()
    return component


def repeated(source: DatasetValue, count: int) -> DatasetValue:
    def gen():
        n = 0
        while count < 0 or n < count:
            empty = True
            for e in source:
                empty = False
                yield e
            n += 1
            if empty:
                return
    return FromGenerator(gen)


def taken(source: DatasetValue, count: int) -> DatasetValue:
    def gen():
        if count == 0:
            return
        for i, e in enumerate(source):
            yield e
            if count > 0 and i + 1 >= count:
                return
    return FromGenerator(gen)


def skipped(source: DatasetValue, count: int) -> DatasetValue:
    def gen():
        for i, e in enumerate(source):
            if count < 0 or i < count:
                continue
            yield e
    return FromGenerator(gen)


class Shuffled(DatasetValue):
    """TF's buffered shuffle: fill a buffer, emit a random slot, refill it.

    Seeded orders are reproducible run to run but are not TF's (its generator is not
    reproduced).
    """

    def __init__(self, source, buffer_size: int, seed: int, seed2: int, reshuffle: bool):
        if buffer_size <= 0:
            raise errors.InvalidArgumentError(None, None,
                                              "buffer_size must be greater than zero.")
        self._source = source
        self._buffer_size = buffer_size
        self._seeds = [seed, seed2] if (seed or seed2) else None
        self._reshuffle = reshuffle
        self._epoch = 0
        self._rng = np.random.default_rng(self._seeds)

    def __iter__(self):
        if not self._reshuffle:
            self._rng = np.random.default_rng(self._seeds)
        rng = self._rng
        buffer: list = []
        for e in self._source:
            buffer.append(e)
            if len(buffer) >= self._buffer_size:
                i = int(rng.integers(len(buffer)))
                buffer[i], buffer[-1] = buffer[-1], buffer[i]
                yield buffer.pop()
        while buffer:
            i = int(rng.integers(len(buffer)))
            buffer[i], buffer[-1] = buffer[-1], buffer[i]
            yield buffer.pop()


class Cached(DatasetValue):
    """Keeps the elements of the first complete pass in memory (``cache()`` without a file)."""

    def __init__(self, source):
        self._source = source
        self._elements: list | None = None

    def __iter__(self):
        if self._elements is not None:
            return iter(self._elements)
        return self._fill()

    def _fill(self):
        elements = []
        for e in self._source:
            elements.append(e)
            yield e
        self._elements = elements


def windowed(source: DatasetValue, size: int, shift: int, stride: int,
             drop_remainder: bool) -> DatasetValue:
    """Windows of ``size`` elements (every ``stride``-th), starting every ``shift``; each
    window is one nested dataset per component."""
    if size <= 0 or shift <= 0 or stride <= 0:
        raise errors.InvalidArgumentError(None, None, "Window size, shift and stride must be "
                                          "positive.")

    def gen():
        buffer: list = []
        iterator = iter(source)
        exhausted = False
        span = (size - 1) * stride + 1
        while True:
            while not exhausted and len(buffer) < span:
                try:
                    buffer.append(next(iterator))
                except StopIteration:
                    exhausted = True
            window = buffer[:span:stride]
            if not window or (drop_remainder and len(window) < size):
                return
            yield tuple(FromGenerator(lambda w=window, i=i: ((e[i],) for e in w))
                        for i in range(len(window[0])))
            # Drop ``shift`` elements, reading past the buffer when shift > span.
            skip = shift
            while skip and buffer:
                buffer.pop(0)
                skip -= 1
            while skip and not exhausted:
                try:
                    next(iterator)
                    skip -= 1
                except StopIteration:
                    exhausted = True
            if exhausted and not buffer:
                return
    return FromGenerator(gen)


# ---- file sources -----------------------------------------------------------------------------

def _filenames(filenames) -> list[bytes]:
    return [f if isinstance(f, bytes) else str(f).encode()
            for f in np.asarray(filenames, dtype=object).reshape(-1)]


def _check_exists(path: str) -> None:
    """NotFoundError for a missing file, as TF raises when the dataset reaches it."""
    if not os.path.exists(path):
        raise errors.NotFoundError(None, None, f"{path}; No such file or directory")


def _read(path: str) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        raise errors.NotFoundError(None, None, f"{path}; No such file or directory") from None


def _decompress(data: bytes, compression: str) -> bytes:
    if compression == "GZIP":
        return zlib.decompress(data, 16 + zlib.MAX_WBITS)
    if compression == "ZLIB":
        return zlib.decompress(data)
    return data


def text_lines(filenames, compression: str, skip_first: bool = False) -> DatasetValue:
    names = _filenames(filenames)

    def gen():
        for name in names:
            data = _decompress(_read(name.decode()), compression)
            lines = data.split(b"\n")
            if lines and lines[-1] == b"":
                lines.pop()
            for line in lines[1:] if skip_first else lines:
                yield (_scalar(line[:-1] if line.endswith(b"\r") else line),)
    return FromGenerator(gen)


def tfrecords(filenames, compression: str) -> DatasetValue:
    names = _filenames(filenames)

    def gen():
        for name in names:
            path = name.decode()
            _check_exists(path)
            try:
                for record in tfrecord_reader.read_records(path, compression):
                    yield (_scalar(record),)
            except errors.OpError:
                raise
            except (OSError, ValueError, zlib.error) as e:
                raise errors.DataLossError(None, None, f"{e} in file {path}") from None
    return FromGenerator(gen)


def fixed_length_records(filenames, header: int, record: int, footer: int, buffer: int,
                         compression: str) -> DatasetValue:
    del buffer
    names = _filenames(filenames)

    def gen():
        for name in names:
            data = _decompress(_read(name.decode()), compression)
            end = len(data) - footer
            for start in range(header, end - record + 1, record):
                yield (_scalar(data[start:start + record]),)
    return FromGenerator(gen)


def matching_files(patterns) -> np.ndarray:
    found: list[bytes] = []
    for pattern in _filenames(patterns):
        found.extend(sorted(p.encode() for p in glob.glob(pattern.decode())))
    out = np.empty(len(found), dtype=object)
    out[:] = found
    return out
