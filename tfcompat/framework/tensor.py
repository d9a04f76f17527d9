"""``tf.Tensor``: a symbolic handle to one output of an Operation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tfcompat.framework import dtypes, errors
from tfcompat.framework.default_session import run_in_default_session
from tfcompat.framework.tensor_shape import TensorShape, as_shape, merge_error

if TYPE_CHECKING:
    from tfcompat.framework.graph import Graph
    from tfcompat.framework.operation import Operation


class Tensor:
    """A symbolic handle to one output of an Operation (``tf.Tensor``)."""

    __slots__ = ("_op", "_value_index", "_dtype", "_shape", "_consumers", "_id", "__weakref__")

    # Makes numpy defer to Tensor's reflected operators (np_array + tensor -> Tensor).
    __array_priority__ = 100

    def __init__(self, op: Operation, value_index: int, dtype: dtypes.DType, shape: TensorShape):
        self._op = op
        self._value_index = value_index
        self._dtype = dtype
        self._shape = shape
        # None, the one consumer, or a list of them: most tensors have at most one consumer,
        # and a list per tensor would be one more object for the cycle collector to walk.
        self._consumers: Operation | list[Operation] | None = None
        graph = op._graph
        graph._tensor_count += 1
        self._id = graph._tensor_count

    @property
    def op(self) -> Operation:
        return self._op

    @property
    def graph(self) -> Graph:
        return self._op._graph

    @property
    def name(self) -> str:
        return f"{self._op._name}:{self._value_index}"

    @property
    def value_index(self) -> int:
        return self._value_index

    @property
    def dtype(self) -> dtypes.DType:
        return self._dtype

    @property
    def device(self) -> str:
        return self._op._device

    @property
    def shape(self) -> TensorShape:
        return self._shape

    def get_shape(self) -> TensorShape:
        return self._shape

    def set_shape(self, shape) -> None:
        """Updates the static shape; raises ValueError when ``shape`` is incompatible."""
        shape = as_shape(shape)
        if not self._shape.is_compatible_with(shape):
            raise ValueError(merge_error(self._shape, shape))
        self._shape = self._shape.merge_with(shape)

    def consumers(self) -> list[Operation]:
        return list(consumer_ops(self))

    def eval(self, feed_dict=None, session=None):
        """Evaluates this tensor in ``session`` or the default session."""
        return run_in_default_session(self, feed_dict, self.graph, session, "eval()")

    def _as_node_def_input(self) -> str:
        if self._value_index == 0:
            return self._op._name
        return f"{self._op._name}:{self._value_index}"

    def __repr__(self) -> str:
        return f"<tf.Tensor '{self.name}' shape={self._shape} dtype={self._dtype.name}>"

    def __str__(self) -> str:
        shape = "" if self._shape.ndims is None else f"shape={self._shape}, "
        device = f", device={self._op._device}" if self._op._device else ""
        return f'Tensor("{self.name}", {shape}dtype={self._dtype.name}{device})'

    __hash__ = object.__hash__

    def __bool__(self):
        raise errors.OperatorNotAllowedInGraphError(_not_allowed("Using a symbolic `tf.Tensor` "
                                                                 "as a Python `bool`"))

    def __iter__(self):
        raise errors.OperatorNotAllowedInGraphError(_not_allowed("Iterating over a symbolic "
                                                                 "`tf.Tensor`"))

    def __len__(self):
        raise TypeError(f"len is not well defined for a symbolic Tensor ({self.name}). Please "
                        "call `x.shape` rather than `len(x)` for shape information.")

    def __array__(self, dtype=None, copy=None):
        raise NotImplementedError(
            f"Cannot convert a symbolic tf.Tensor ({self.name}) to a numpy array. This error may "
            "indicate that you're trying to pass a Tensor to a NumPy call, which is not supported.")

    # Operators (``+``, ``*``, ``[]``...) are attached by tfcompat.ops.math_ops / array_ops, where
    # the ops they create are defined, as TF does.


def consumer_ops(t: Tensor) -> list[Operation] | tuple[Operation, ...]:
    """The ops consuming ``t`` (a sequence to read, not to modify)."""
    consumers = t._consumers
    if consumers is None:
        return ()
    if consumers.__class__ is list:
        return consumers
    return (consumers,)


def add_consumer(t: Tensor, op: Operation) -> None:
    consumers = t._consumers
    if consumers is None:
        t._consumers = op
    elif consumers.__class__ is list:
        consumers.append(op)
    else:
        t._consumers = [consumers, op]


def remove_consumer(t: Tensor, op: Operation) -> None:
    """Removes one occurrence of ``op`` (ValueError when it is not a consumer)."""
    consumers = t._consumers
    if consumers.__class__ is list:
        consumers.remove(op)
    elif consumers is op:
        t._consumers = None
    else:
        raise ValueError(f"{op!r} is not a consumer of {t!r}")


def _not_allowed(task: str) -> str:
    return (f"{task} is not allowed. You can attempt the following resolutions to the problem: If "
            "you are running in Graph mode, use Eager execution mode or decorate this function "
            "with @tf.function. If you are using AutoGraph, you can try decorating this function "
            "with @tf.function. If that does not work, then you may be using an unsupported "
            "feature or your source code may not be visible to AutoGraph. See https://github.com/"
            "tensorflow/tensorflow/blob/master/tensorflow/python/autograph/g3doc/reference/"
            "limitations.md#access-to-source-code for more information.")
