"""``tf.estimator.inputs``: input functions reading numpy arrays (pandas DataFrames need
pandas, which tfcompat does not depend on)."""

from __future__ import annotations

import collections
import itertools

import numpy as np

from tfcompat.framework import dtypes, errors, ops, random_seed
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import GraphKeys, apply_op
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.ops import array_ops, state_ops
from tfcompat.platform.unsupported import make_getattr
from tfcompat.variables.variables import Variable

# The arrays behind each NumpyInputFnBatch op (op attrs hold only a token).
_SOURCES: dict[str, _BatchSource] = {}
_TOKENS = itertools.count()


class _BatchSource:
    """Batch number -> rows of the arrays: epochs follow one another without a gap (a batch
    may span two epochs, as with TF's queue), each epoch in its own shuffled order."""

    def __init__(self, arrays, batch_size, num_epochs, shuffle, seed):
        self.arrays = arrays
        self.size = len(arrays[0])
        self.batch_size = batch_size
        self.num_epochs = num_epochs
        self.shuffle = shuffle
        self.seed = seed

    def _order(self, epoch):
        if not self.shuffle:
            return np.arange(self.size)
        return np.random.RandomState((self.seed + epoch) % (2 ** 32)).permutation(self.size)

    def batch(self, number: int):
        start = number * self.batch_size
        end = start + self.batch_size
        if self.num_epochs is not None:
            end = min(end, self.size * self.num_epochs)
        if start >= end or self.size == 0:
            raise errors.OutOfRangeError(
                None, None, f"FIFOQueue '_0_enqueue_input/fifo_queue' is closed and has "
                f"insufficient elements (requested {self.batch_size}, current size 0)")
        positions = np.arange(start, end)
        epochs, offsets = np.divmod(positions, self.size)
        rows = np.array([self._order(e)[i] for e, i in zip(epochs, offsets)], dtype=np.int64)
        return tuple(np.asarray(a)[rows] for a in self.arrays)


def _batch_shapes(op):
    return [(dtype, TensorShape([None]).concatenate(shape))
            for dtype, shape in zip(op._attrs["Tout"], op._attrs["shapes"])]


def _bind_batch(op, state):
    source = _SOURCES[op._attrs["token"]]
    if len(op._attrs["Tout"]) == 1:
        return lambda number: source.batch(int(number))[0]
    return lambda number: source.batch(int(number))


register_op("NumpyInputFnBatch", inputs=("batch_number: int64",), shape_fn=_batch_shapes,
            bind=_bind_batch, stateful=True, grad=NOT_DIFFERENTIABLE)


def _next_batch(source: _BatchSource, dtype_list, shapes):
    """The next batch's tensors: a local counter picks the batch number."""
    with ops.name_scope("enqueue_input"):
        counter = Variable(lambda: array_ops.zeros([], dtypes.int64), trainable=False,
                           collections=[GraphKeys.LOCAL_VARIABLES], name="batch_number")
        number = state_ops.assign_add(counter, 1) - 1
        token = f"numpy_input_{next(_TOKENS)}"
        _SOURCES[token] = source
        result = apply_op("NumpyInputFnBatch", [number],
                          attrs={"token": token, "Tout": dtype_list, "shapes": shapes})
        return list(result) if isinstance(result, (list, tuple)) else [result]


def numpy_input_fn(x, y=None, batch_size=128, num_epochs=1, shuffle=None, queue_capacity=1000,
                   num_threads=1):
    """An input_fn returning batches of ``x`` (a dict of arrays, or an array) and ``y``.

    Batches of ``batch_size`` rows run through ``num_epochs`` epochs (None: forever), each
    in a new random order if ``shuffle``; the last batch may be smaller; reading past the
    end raises OutOfRangeError, which ends a MonitoredSession loop. The order of shuffled
    rows differs from TF's shuffling queue.
    """
    del queue_capacity, num_threads  # tfcompat reads the arrays directly, without a queue
    if not isinstance(shuffle, bool):
        raise ValueError(f"shuffle must be provided and explicitly set as boolean (it is "
                         f"recommended to set it as True for training); got {shuffle}")
    if not isinstance(x, dict) and not isinstance(x, np.ndarray):
        raise TypeError(f"x must be a dict or array; got {type(x).__name__}")
    if isinstance(x, dict) and isinstance(y, dict):
        duplicate = set(x) & set(y)
        if duplicate:
            raise ValueError(f"{len(duplicate)} duplicate keys are found in both x and y: "
                             f"{duplicate}")

    def input_fn():
        ordered_x = (collections.OrderedDict(sorted(x.items())) if isinstance(x, dict)
                     else {"__direct_np_input__": x})
        ordered_y = None
        if y is not None:
            ordered_y = (collections.OrderedDict(sorted(y.items())) if isinstance(y, dict)
                         else {"__target_key__": y})
        columns = dict(ordered_x)
        if ordered_y is not None:
            columns.update(ordered_y)
        arrays = [np.asarray(v) for v in columns.values()]
        lengths = {len(a) for a in arrays}
        if len(lengths) > 1:
            x_shapes = {k: np.shape(v) for k, v in ordered_x.items()}
            y_shapes = {k: np.shape(v) for k, v in (ordered_y or {}).items()}
            raise ValueError(f"Length of tensors in x and y is mismatched. All elements in x "
                             f"and y must have the same length.\nShapes in x: {x_shapes}\n"
                             f"Shapes in y: {y_shapes}\n")
        seed = random_seed.get_seed(None)[1] or 0
        source = _BatchSource(arrays, batch_size, num_epochs, shuffle, seed)
        tensors = _next_batch(source, [dtypes.as_dtype(a.dtype) for a in arrays],
                              [TensorShape(a.shape[1:]) for a in arrays])
        named = dict(zip(columns, tensors))
        features = ({k: named[k] for k in ordered_x} if isinstance(x, dict)
                    else named["__direct_np_input__"])
        if ordered_y is None:
            return features
        target = ({k: named[k] for k in ordered_y} if isinstance(y, dict)
                  else named["__target_key__"])
        return features, target

    return input_fn


def pandas_input_fn(x, y=None, batch_size=128, num_epochs=1, shuffle=None,
                    queue_capacity=1000, num_threads=1, target_column="target"):
    """Would read a pandas DataFrame; tfcompat installs no pandas."""
    try:
        import pandas  # noqa: F401
    except ImportError:
        raise TypeError("pandas_input_fn should not be called without pandas installed") \
            from None
    raise NotImplementedError("tf.estimator.inputs.pandas_input_fn is not supported by "
                              "tfcompat yet (convert the DataFrame with numpy_input_fn)")




__getattr__ = make_getattr("tf.estimator.inputs", __name__)
