"""TF1 queues: ``tf.FIFOQueue``, ``PaddingFIFOQueue``, ``RandomShuffleQueue``, ``PriorityQueue``.

Each queue is a resource op (``FIFOQueueV2``...) whose kernel creates the queue in the session
on first use (see tfcompat.ops.resource_container); the ``Queue*V2`` ops take its handle.
The queue ops touch no variable, so they are registered non-stateful and non-foldable: a failed
run of them (a closed queue) must not roll back variables another thread is updating.
"""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, errors, ops
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.random_seed import get_seed
from tfcompat.framework.tensor_shape import TensorShape, as_shape, unknown_shape
from tfcompat.framework.tensor_util import constant_value
from tfcompat.ops import queue_impl
from tfcompat.ops.resource_container import bind_resource_op, resource_of

_QUEUE_ATTRS = {"capacity": -1, "container": "", "shared_name": "", "shapes": []}


def _handle_shape(op):
    return [(dtypes.resource, TensorShape([]))]


def _np_dtypes(types) -> list:
    return [dtypes.storage_type(t) for t in types]


def _make_fifo(op, name):
    return queue_impl.QueueResource(name, _np_dtypes(op._attrs["component_types"]),
                                    list(op._attrs["shapes"]), op._attrs["capacity"])


def _make_padding(op, name):
    return queue_impl.PaddingQueueResource(name, _np_dtypes(op._attrs["component_types"]),
                                           list(op._attrs["shapes"]), op._attrs["capacity"])


def _make_shuffle(op, name):
    a = op._attrs
    return queue_impl.ShuffleQueueResource(name, _np_dtypes(a["component_types"]),
                                           list(a["shapes"]), a["capacity"],
                                           a["min_after_dequeue"], a["seed"], a["seed2"])


def _make_priority(op, name):
    shapes = list(op._attrs["shapes"])
    return queue_impl.PriorityQueueResource(
        name, [np.int64] + _np_dtypes(op._attrs["component_types"]),
        [TensorShape([])] + shapes if shapes else [], op._attrs["capacity"])


for _type, _make, _extra in (
        ("FIFOQueueV2", _make_fifo, {}),
        ("PaddingFIFOQueueV2", _make_padding, {}),
        ("RandomShuffleQueueV2", _make_shuffle, {"min_after_dequeue": 0, "seed": 0, "seed2": 0}),
        ("PriorityQueueV2", _make_priority, {})):
    register_op(_type, shape_fn=_handle_shape, bind=bind_resource_op(_make), foldable=False,
                attr_defaults={**_QUEUE_ATTRS, **_extra}, grad=NOT_DIFFERENTIABLE)


# ---- element ops ------------------------------------------------------------------------------

def _queue_components(handle) -> tuple[list, list] | None:
    """(dtypes, shapes) of the queue op producing ``handle``, when it is one."""
    op = handle.op
    if op.type not in _QUEUE_TYPES:
        return None
    types = list(op._attrs["component_types"])
    shapes = list(op._attrs["shapes"])
    if op.type == "PriorityQueueV2":
        types = [dtypes.int64] + types
        shapes = [TensorShape([])] + shapes if shapes else []
    return types, shapes


_QUEUE_TYPES = frozenset(("FIFOQueueV2", "PaddingFIFOQueueV2", "RandomShuffleQueueV2",
                          "PriorityQueueV2"))


def _dequeue_shapes(op, batch_dim):
    types = op._attrs["component_types"]
    known = _queue_components(op.inputs[0])
    shapes = known[1] if known and known[1] else [unknown_shape()] * len(types)
    if batch_dim is False:
        return [(t, s) for t, s in zip(types, shapes)]
    return [(t, TensorShape([batch_dim]).concatenate(s)) for t, s in zip(types, shapes)]


def _check_components(queue, values, many: bool) -> list:
    if len(values) != len(queue.dtypes):
        raise errors.InvalidArgumentError(
            None, None, f"Expected {len(queue.dtypes)} components but got {len(values)}")
    if queue.shapes:
        for i, (value, shape) in enumerate(zip(values, queue.shapes)):
            got = value.shape[1:] if many else value.shape
            if not shape.is_compatible_with(got):
                want = list(shape.as_list()) if shape.ndims is not None else None
                raise errors.InvalidArgumentError(
                    None, None, f"Shape mismatch in tuple component {i}. Expected "
                    f"{_dims_text(([None] if many else []) + want)}, got "
                    f"{_dims_text(list(value.shape))}")
    return values


def _dims_text(dims) -> str:
    return "[" + ",".join("?" if d is None else str(d) for d in dims) + "]"


def _bind_enqueue(op, state):
    def kernel(handle, *components):
        queue = resource_of(handle)
        values = _check_components(queue, [np.asarray(c) for c in components], False)
        queue.enqueue([tuple(values)])
    return kernel


def _bind_enqueue_many(op, state):
    def kernel(handle, *components):
        queue = resource_of(handle)
        values = _check_components(queue, [np.asarray(c) for c in components], True)
        sizes = {v.shape[0] if v.ndim else None for v in values}
        if None in sizes or len(sizes) != 1:
            raise errors.InvalidArgumentError(
                None, None, "EnqueueMany requires the components to have the same size in "
                "their first dimension")
        count = sizes.pop()
        queue.enqueue([tuple(v[i] for v in values) for i in range(count)])
    return kernel


def _result(values: tuple):
    return values[0] if len(values) == 1 else values


def _bind_dequeue(op, state):
    def kernel(handle):
        element = resource_of(handle).dequeue(1, False)[0]
        return _result(tuple(np.asarray(v) for v in element))
    return kernel


def _bind_dequeue_n(allow_smaller: bool):
    def bind(op, state):
        def kernel(handle, n):
            queue = resource_of(handle)
            n = int(n)
            if n < 0:
                raise errors.InvalidArgumentError(None, None,
                                                  f"Input 'n' must be >= 0, but is {n}")
            if not queue.shapes:
                raise errors.InvalidArgumentError(
                    None, None, f"{queue.kind}'s DequeueMany and DequeueUpTo require the "
                    "components to have specified shapes.")
            return _result(queue.batch(queue.dequeue(n, allow_smaller)))
        return kernel
    return bind


def _n_dim(op):
    n = constant_value(op.inputs[1])
    if n is not None and int(n) < 0:
        raise ops.ShapeError(f"Input 'n' must be >= 0, but is {int(n)}")
    return None if n is None else int(n)


_ELEMENT_ATTRS = {"timeout_ms": -1}
register_op("QueueEnqueueV2", inputs=("handle: resource", "components: list(Tcomponents)"),
            shape_fn=lambda op: [], bind=_bind_enqueue, foldable=False,
            attr_defaults=_ELEMENT_ATTRS, grad=NOT_DIFFERENTIABLE)
register_op("QueueEnqueueManyV2", inputs=("handle: resource", "components: list(Tcomponents)"),
            shape_fn=lambda op: [], bind=_bind_enqueue_many, foldable=False,
            attr_defaults=_ELEMENT_ATTRS, grad=NOT_DIFFERENTIABLE)
register_op("QueueDequeueV2", inputs=("handle: resource",),
            shape_fn=lambda op: _dequeue_shapes(op, False), bind=_bind_dequeue, foldable=False,
            attr_defaults=_ELEMENT_ATTRS, grad=NOT_DIFFERENTIABLE)
register_op("QueueDequeueManyV2", inputs=("handle: resource", "n: int32"),
            shape_fn=lambda op: _dequeue_shapes(op, _n_dim(op)), bind=_bind_dequeue_n(False),
            foldable=False, attr_defaults=_ELEMENT_ATTRS, value_inputs=(1,),
            grad=NOT_DIFFERENTIABLE)
register_op("QueueDequeueUpToV2", inputs=("handle: resource", "n: int32"),
            shape_fn=lambda op: _dequeue_shapes(op, None), bind=_bind_dequeue_n(True),
            foldable=False, attr_defaults=_ELEMENT_ATTRS, grad=NOT_DIFFERENTIABLE)


def _bind_close(op, state):
    cancel = op._attrs["cancel_pending_enqueues"]
    return lambda handle: resource_of(handle).close(cancel)


register_op("QueueCloseV2", inputs=("handle: resource",), shape_fn=lambda op: [],
            bind=_bind_close, foldable=False, attr_defaults={"cancel_pending_enqueues": False},
            grad=NOT_DIFFERENTIABLE)
register_op("QueueSizeV2", inputs=("handle: resource",),
            shape_fn=lambda op: [(dtypes.int32, TensorShape([]))],
            bind=lambda op, state: lambda h: np.int32(resource_of(h).size()),
            foldable=False, grad=NOT_DIFFERENTIABLE)
register_op("QueueIsClosedV2", inputs=("handle: resource",),
            shape_fn=lambda op: [(dtypes.bool_, TensorShape([]))],
            bind=lambda op, state: lambda h: np.bool_(resource_of(h).is_closed()),
            foldable=False, grad=NOT_DIFFERENTIABLE)


# ---- the Python queue classes -----------------------------------------------------------------

def _as_type_list(types) -> list[dtypes.DType]:
    if isinstance(types, (list, tuple)):
        return [dtypes.as_dtype(t) for t in types]
    return [dtypes.as_dtype(types)]


def _as_shape_list(shapes, types, unknown_dim_allowed: bool = False) -> list[TensorShape]:
    if shapes is None:
        return []
    if isinstance(shapes, TensorShape) or (isinstance(shapes, (list, tuple)) and shapes
                                            and not isinstance(shapes[0], (list, tuple,
                                                                           TensorShape))):
        shapes = [shapes]
    shapes = [as_shape(s) for s in shapes]
    if len(shapes) != len(types):
        raise ValueError(f"shapes must have the same length as dtypes: {len(shapes)} vs. "
                         f"{len(types)}")
    if not unknown_dim_allowed and any(not s.is_fully_defined() for s in shapes):
        raise ValueError(f"All shapes must be fully defined: {shapes}")
    return shapes


class QueueBase:
    """Base class for queues (``tf.QueueBase``): enqueue/dequeue ops on one queue handle."""

    def __init__(self, dtypes_list, shapes, names, queue_ref):
        self._dtypes = dtypes_list
        self._shapes = shapes if shapes else [unknown_shape() for _ in dtypes_list]
        if names is not None:
            if len(names) != len(dtypes_list):
                raise ValueError("Queue names must have the same length as dtypes")
            names = list(names)
        self._names = names
        self._queue_ref = queue_ref
        self._name = queue_ref.op.name

    @property
    def queue_ref(self):
        return self._queue_ref

    @property
    def name(self) -> str:
        return self._queue_ref.op.name

    @property
    def dtypes(self) -> list:
        return self._dtypes

    @property
    def shapes(self) -> list:
        return self._shapes

    @property
    def names(self):
        return self._names

    def _check_enqueue_dtypes(self, vals) -> list:
        if isinstance(vals, dict):
            if not self._names:
                raise ValueError("Queue must have names to enqueue a dictionary")
            if sorted(self._names) != sorted(vals.keys()):
                raise ValueError(f"Keys in dictionary to enqueue do not match names of Queue.  "
                                 f"Dictionary: {sorted(vals.keys())}, Queue: "
                                 f"{sorted(self._names)}")
            vals = [vals[k] for k in self._names]
        else:
            if self._names:
                raise ValueError("You must enqueue a dictionary in a Queue with names")
            if not isinstance(vals, (list, tuple)):
                vals = [vals]
        return [ops.convert_to_tensor(v, dtype=t, name=f"component_{i}")
                for i, (v, t) in enumerate(zip(vals, self._dtypes))]

    def enqueue(self, vals, name=None):
        """Enqueues one element (a tensor, a list/tuple of them, or a dict by name)."""
        with ops.name_scope(name, f"{self._name}_enqueue") as scope:
            values = self._check_enqueue_dtypes(vals)
            for value, shape in zip(values, self._shapes):
                value.shape.assert_is_compatible_with(shape)
            return ops.apply_op("QueueEnqueueV2", [self._queue_ref, values], name=scope)

    def enqueue_many(self, vals, name=None):
        """Enqueues the slices of ``vals`` along their first dimension."""
        with ops.name_scope(name, f"{self._name}_EnqueueMany") as scope:
            values = self._check_enqueue_dtypes(vals)
            batch = values[0].shape.with_rank_at_least(1)[0]
            for value, shape in zip(values, self._shapes):
                batch = batch.merge_with(value.shape.with_rank_at_least(1)[0])
                value.shape[1:].assert_is_compatible_with(shape)
            return ops.apply_op("QueueEnqueueManyV2", [self._queue_ref, values], name=scope)

    def _dequeue_return_value(self, tensors):
        tensors = tensors if isinstance(tensors, list) else [tensors]
        if self._names:
            return dict(zip(self._names, tensors))
        return tensors[0] if len(tensors) == 1 else tensors

    def _dequeue_types(self) -> list:
        return self._dtypes

    def dequeue(self, name=None):
        """Dequeues one element; blocks until one is available."""
        name = name if name is not None else f"{self._name}_Dequeue"
        out = ops.apply_op("QueueDequeueV2", [self._queue_ref], name=name,
                           attrs={"component_types": self._dtypes})
        return self._dequeue_return_value(out)

    def dequeue_many(self, n, name=None):
        """Dequeues and stacks ``n`` elements; blocks until ``n`` are available."""
        name = name if name is not None else f"{self._name}_DequeueMany"
        out = ops.apply_op("QueueDequeueManyV2", [self._queue_ref, n], name=name,
                           attrs={"component_types": self._dtypes})
        return self._dequeue_return_value(out)

    def dequeue_up_to(self, n, name=None):
        """Like dequeue_many, but returns fewer than ``n`` elements once the queue is closed."""
        name = name if name is not None else f"{self._name}_DequeueUpTo"
        out = ops.apply_op("QueueDequeueUpToV2", [self._queue_ref, n], name=name,
                           attrs={"component_types": self._dtypes})
        return self._dequeue_return_value(out)

    def close(self, cancel_pending_enqueues=False, name=None):
        """Closes the queue; with ``cancel_pending_enqueues`` blocked enqueues fail."""
        name = name if name is not None else f"{self._name}_Close"
        return ops.apply_op("QueueCloseV2", [self._queue_ref], name=name,
                            attrs={"cancel_pending_enqueues": bool(cancel_pending_enqueues)})

    def is_closed(self, name=None):
        name = name if name is not None else f"{self._name}_Is_Closed"
        return ops.apply_op("QueueIsClosedV2", [self._queue_ref], name=name)

    def size(self, name=None):
        name = name if name is not None else f"{self._name}_Size"
        return ops.apply_op("QueueSizeV2", [self._queue_ref], name=name)


def _queue_op(op_type, name, attrs, device: str = ""):
    graph = ops.get_default_graph()
    with graph.name_scope(name) as scope:
        op = graph._create_op(op_type, [], attrs, scope)
    if device and not op._device:
        op._device = device
    return op._outputs[0]


def _shared(shared_name) -> str:
    return shared_name or ""


class FIFOQueue(QueueBase):
    """A queue dequeuing elements in the order they were enqueued (``tf.FIFOQueue``)."""

    def __init__(self, capacity, dtypes, shapes=None, names=None, shared_name=None,
                 name="fifo_queue"):
        types = _as_type_list(dtypes)
        shape_list = _as_shape_list(shapes, types)
        ref = _queue_op("FIFOQueueV2", name, {
            "component_types": types, "shapes": shape_list, "capacity": int(capacity),
            "container": "", "shared_name": _shared(shared_name)}, "/device:CPU:*")
        super().__init__(types, shape_list, names, ref)


class PaddingFIFOQueue(QueueBase):
    """A FIFO queue whose dequeue_many pads components with unknown dims to the batch's
    longest element (``tf.PaddingFIFOQueue``)."""

    def __init__(self, capacity, dtypes, shapes, names=None, shared_name=None,
                 name="padding_fifo_queue"):
        types = _as_type_list(dtypes)
        shape_list = _as_shape_list(shapes, types, unknown_dim_allowed=True)
        if len(shape_list) != len(types):
            raise ValueError(f"Shapes must be provided for all components, but received "
                             f"{len(types)} dtypes and {len(shape_list)} shapes.")
        ref = _queue_op("PaddingFIFOQueueV2", name, {
            "component_types": types, "shapes": shape_list, "capacity": int(capacity),
            "container": "", "shared_name": _shared(shared_name)}, "/device:CPU:*")
        super().__init__(types, shape_list, names, ref)


class RandomShuffleQueue(QueueBase):
    """A queue dequeuing elements in a random order (``tf.RandomShuffleQueue``).

    Dequeues wait until more than ``min_after_dequeue`` elements remain, unless the queue is
    closed.
    """

    def __init__(self, capacity, min_after_dequeue, dtypes, shapes=None, names=None,
                 seed=None, shared_name=None, name="random_shuffle_queue"):
        types = _as_type_list(dtypes)
        shape_list = _as_shape_list(shapes, types)
        seed1, seed2 = get_seed(seed)
        if seed1 is None:
            seed1 = seed2 = 0
        ref = _queue_op("RandomShuffleQueueV2", name, {
            "component_types": types, "shapes": shape_list, "capacity": int(capacity),
            "min_after_dequeue": int(min_after_dequeue), "seed": seed1, "seed2": seed2,
            "container": "", "shared_name": _shared(shared_name)})
        super().__init__(types, shape_list, names, ref)


class PriorityQueue(QueueBase):
    """A queue dequeuing the element with the smallest int64 priority first
    (``tf.PriorityQueue``); elements are ``(priority, *components)``."""

    def __init__(self, capacity, types, shapes=None, names=None, shared_name=None,
                 name="priority_queue"):
        types = _as_type_list(types)
        shape_list = _as_shape_list(shapes, types)
        ref = _queue_op("PriorityQueueV2", name, {
            "component_types": types, "shapes": shape_list, "capacity": int(capacity),
            "container": "", "shared_name": _shared(shared_name)})
        super().__init__([dtypes.int64] + types,
                         [TensorShape([])] + shape_list if shape_list else [], names, ref)
        if not shape_list:
            self._shapes = [unknown_shape() for _ in self._dtypes]
