"""TF1 queue-based input pipelines (``tf.train``): input producers and batching.

Producers (``string_input_producer``...) fill a FIFO queue from a tensor, epoch after epoch,
through a QueueRunner; batchers (``batch``, ``shuffle_batch``...) fill a queue from tensors
computed per element (a reader's records) and dequeue batches from it. Each adds its
QueueRunner to the ``queue_runners`` collection, run by ``tf.train.start_queue_runners``.
"""

from __future__ import annotations

from collections.abc import Mapping

from tfcompat.framework import dtypes, ops
from tfcompat.framework.tensor_shape import TensorShape, as_shape
from tfcompat.framework.tensor_util import constant_value
from tfcompat.ops import array_ops, math_ops, random_ops, slicing_ops
from tfcompat.ops.control_flow_ops import no_op
from tfcompat.ops.control_flow_v1 import cond
from tfcompat.ops.queue_ops import FIFOQueue, PaddingFIFOQueue, RandomShuffleQueue
from tfcompat.summary import summary_ops
from tfcompat.training.queue_runner import QueueRunner, add_queue_runner
from tfcompat.variables import variables


def limit_epochs(tensor, num_epochs=None, name=None):
    """Returns ``tensor`` ``num_epochs`` times, then raises ``OutOfRangeError``.

    Uses a local variable ``epochs`` counted up by ``CountUpTo``: initialize it with
    ``tf.local_variables_initializer()``.
    """
    if num_epochs is None:
        return tensor
    if num_epochs <= 0:
        raise ValueError(f"num_epochs must be > 0 not {num_epochs}.")
    with ops.name_scope(name, "limit_epochs", [tensor]) as name:
        zero64 = ops.convert_to_tensor(0, dtype=dtypes.int64)
        epochs = variables.Variable(zero64, name="epochs", trainable=False,
                                    collections=[ops.GraphKeys.LOCAL_VARIABLES])
        counter = epochs.count_up_to(num_epochs)
        with ops.get_default_graph().control_dependencies([counter]):
            return array_ops.identity(tensor, name=name)


def input_producer(input_tensor, element_shape=None, num_epochs=None, shuffle=True, seed=None,
                   capacity=32, shared_name=None, summary_name=None, name=None,
                   cancel_op=None):
    """Returns a FIFO queue filled with the rows of ``input_tensor`` (shuffled per epoch when
    ``shuffle``), for ``num_epochs`` epochs or forever."""
    with ops.name_scope(name, "input_producer", [input_tensor]) as name:
        input_tensor = ops.convert_to_tensor(input_tensor, name="input_tensor")
        element_shape = input_tensor.shape[1:].merge_with(
            as_shape(element_shape) if element_shape is not None else
            TensorShape(None))
        if not element_shape.is_fully_defined():
            raise ValueError("Either `input_tensor` must have a fully defined shape or "
                             "`element_shape` must be specified")
        if shuffle:
            input_tensor = random_ops.random_shuffle(input_tensor, seed=seed)
        input_tensor = limit_epochs(input_tensor, num_epochs)
        queue = FIFOQueue(capacity=capacity, dtypes=[input_tensor.dtype.base_dtype],
                          shapes=[element_shape], shared_name=shared_name, name=name)
        enqueue = queue.enqueue_many([input_tensor])
        add_queue_runner(QueueRunner(queue, [enqueue], cancel_op=cancel_op))
        if summary_name is not None:
            summary_ops.scalar(summary_name,
                               math_ops.cast(queue.size(), dtypes.float32) * (1.0 / capacity))
        return queue


def string_input_producer(string_tensor, num_epochs=None, shuffle=True, seed=None,
                          capacity=32, shared_name=None, name=None, cancel_op=None):
    """A queue of the strings (usually filenames) of ``string_tensor``, for reader pipelines."""
    with ops.name_scope(name, "input_producer", [string_tensor]) as name:
        string_tensor = ops.convert_to_tensor(string_tensor, dtype=dtypes.string)
        value = constant_value(string_tensor)
        if value is not None and value.size == 0:
            raise ValueError("string_input_producer requires a non-null input tensor")
        return input_producer(input_tensor=string_tensor, element_shape=[],
                              num_epochs=num_epochs, shuffle=shuffle, seed=seed,
                              capacity=capacity, shared_name=shared_name, name=name,
                              summary_name=f"fraction_of_{capacity}_full", cancel_op=cancel_op)


def range_input_producer(limit, num_epochs=None, shuffle=True, seed=None, capacity=32,
                         shared_name=None, name=None):
    """A queue of the integers 0 .. limit-1."""
    with ops.name_scope(name, "input_producer", [limit]) as name:
        range_tensor = math_ops.range(limit)
        return input_producer(range_tensor, [], num_epochs, shuffle, seed, capacity,
                              shared_name, f"fraction_of_{capacity}_full", name)


def slice_input_producer(tensor_list, num_epochs=None, shuffle=True, seed=None, capacity=32,
                         shared_name=None, name=None):
    """Returns one row of each tensor of ``tensor_list`` per dequeue (the same row index)."""
    with ops.name_scope(name, "input_producer", tensor_list):
        tensor_list = [ops.convert_to_tensor(t) for t in tensor_list]
        if not tensor_list:
            raise ValueError("Expected at least one tensor in slice_input_producer().")
        range_size = array_ops.shape(tensor_list[0])[0]
        queue = range_input_producer(range_size, num_epochs=num_epochs, shuffle=shuffle,
                                     seed=seed, capacity=capacity, shared_name=shared_name)
        index = queue.dequeue()
        return [slicing_ops.gather(t, index) for t in tensor_list]


# ---- batching ---------------------------------------------------------------------------------

def _as_tensor_list(tensors) -> list:
    if isinstance(tensors, Mapping):
        return [tensors[k] for k in sorted(tensors)]
    return list(tensors)


def _as_original_type(original, tensors):
    """A dict for dict input; otherwise the dequeued tensors as they are (one tensor when
    there is one component, as in TF)."""
    if isinstance(original, Mapping):
        if not isinstance(tensors, list):
            tensors = [tensors]
        return dict(zip(sorted(original), tensors))
    return tensors


def _validate(tensor_list) -> list:
    tensor_list = [ops.convert_to_tensor(t) for t in tensor_list]
    if not tensor_list:
        raise ValueError("Expected at least one tensor in batch().")
    return tensor_list


def _dtypes(tensor_list_list) -> list:
    types = [t.dtype.base_dtype for t in tensor_list_list[0]]
    for other in tensor_list_list[1:]:
        if [t.dtype.base_dtype for t in other] != types:
            raise TypeError(f"Expected types to be consistent: "
                            f"{', '.join(t.name for t in types)} vs. "
                            f"{', '.join(t.dtype.base_dtype.name for t in other)}.")
    return types


def _shapes(tensor_list_list, shapes, enqueue_many: bool) -> list:
    if shapes is None:
        rank = len(tensor_list_list[0])
        shapes = [TensorShape(None)] * rank
        for tensor_list in tensor_list_list:
            for i, t in enumerate(tensor_list):
                shape = t.shape.with_rank_at_least(1)[1:] if enqueue_many else t.shape
                shapes[i] = shapes[i].merge_with(shape)
    return [as_shape(s) for s in shapes]


def _keep_input_scalar(keep_input):
    keep_input = ops.convert_to_tensor(keep_input, dtype=dtypes.bool_)
    if keep_input.shape.ndims not in (0, None):
        raise ValueError("keep_input must be a scalar in tfcompat (a vector keep_input with "
                         "enqueue_many is not supported yet)")
    return keep_input


def _enqueue_ops(queue, tensor_list_list, enqueue_many: bool, keep_input) -> list:
    """One enqueue op per tensor list (each run by its own thread)."""
    enqueue_ops = []
    for tensor_list in tensor_list_list:
        enqueue_fn = queue.enqueue_many if enqueue_many else queue.enqueue
        if keep_input is None or constant_value(keep_input) is not None and bool(
                constant_value(keep_input)):
            enqueue_ops.append(enqueue_fn(tensor_list))
        else:
            enqueue_ops.append(cond(keep_input, lambda tl=tensor_list, fn=enqueue_fn: fn(tl),
                                    no_op))
    return enqueue_ops


def _batch(tensors, batch_size, keep_input, num_threads=1, capacity=32, enqueue_many=False,
           shapes=None, dynamic_pad=False, allow_smaller_final_batch=False, shared_name=None,
           name=None, default_name="batch"):
    tensor_list = _as_tensor_list(tensors)
    with ops.name_scope(name, default_name, tensor_list) as name:
        tensor_list = _validate(tensor_list)
        keep = None if keep_input is True else _keep_input_scalar(keep_input)
        types = _dtypes([tensor_list])
        shapes = _shapes([tensor_list], shapes, enqueue_many)
        queue_class = PaddingFIFOQueue if dynamic_pad else FIFOQueue
        queue = queue_class(capacity=capacity, dtypes=types, shapes=shapes,
                            shared_name=shared_name)
        enqueue_ops = _enqueue_ops(queue, [tensor_list], enqueue_many, keep) * num_threads
        add_queue_runner(QueueRunner(queue, enqueue_ops))
        summary_ops.scalar(f"fraction_of_{capacity}_full",
                           math_ops.cast(queue.size(), dtypes.float32) * (1.0 / capacity))
        dequeue = queue.dequeue_up_to if allow_smaller_final_batch else queue.dequeue_many
        return _as_original_type(tensors, dequeue(batch_size, name=name))


def _batch_join(tensors_list, batch_size, keep_input, capacity=32, enqueue_many=False,
                shapes=None, dynamic_pad=False, allow_smaller_final_batch=False,
                shared_name=None, name=None):
    tensor_list_list = [_as_tensor_list(t) for t in tensors_list]
    with ops.name_scope(name, "batch_join", sum(tensor_list_list, [])) as name:
        tensor_list_list = [_validate(t) for t in tensor_list_list]
        keep = None if keep_input is True else _keep_input_scalar(keep_input)
        types = _dtypes(tensor_list_list)
        shapes = _shapes(tensor_list_list, shapes, enqueue_many)
        queue_class = PaddingFIFOQueue if dynamic_pad else FIFOQueue
        queue = queue_class(capacity=capacity, dtypes=types, shapes=shapes,
                            shared_name=shared_name)
        add_queue_runner(QueueRunner(queue, _enqueue_ops(queue, tensor_list_list,
                                                         enqueue_many, keep)))
        summary_ops.scalar(f"fraction_of_{capacity}_full",
                           math_ops.cast(queue.size(), dtypes.float32) * (1.0 / capacity))
        dequeue = queue.dequeue_up_to if allow_smaller_final_batch else queue.dequeue_many
        return _as_original_type(tensors_list[0], dequeue(batch_size, name=name))


def _shuffle_batch(tensors_list, batch_size, capacity, min_after_dequeue, keep_input, seed,
                   enqueue_many, shapes, allow_smaller_final_batch, shared_name, name,
                   num_threads, default_name):
    tensor_list_list = [_as_tensor_list(t) for t in tensors_list]
    with ops.name_scope(name, default_name, sum(tensor_list_list, [])) as name:
        tensor_list_list = [_validate(t) for t in tensor_list_list]
        keep = None if keep_input is True else _keep_input_scalar(keep_input)
        types = _dtypes(tensor_list_list)
        shapes = _shapes(tensor_list_list, shapes, enqueue_many)
        queue = RandomShuffleQueue(capacity=capacity, min_after_dequeue=min_after_dequeue,
                                   seed=seed, dtypes=types, shapes=shapes,
                                   shared_name=shared_name)
        enqueue_ops = _enqueue_ops(queue, tensor_list_list, enqueue_many, keep) * num_threads
        add_queue_runner(QueueRunner(queue, enqueue_ops))
        full = (math_ops.cast(math_ops.maximum(0, queue.size() - min_after_dequeue),
                              dtypes.float32) * (1.0 / (capacity - min_after_dequeue)))
        summary_ops.scalar(f"fraction_over_{min_after_dequeue}_of_"
                           f"{capacity - min_after_dequeue}_full", full)
        dequeue = queue.dequeue_up_to if allow_smaller_final_batch else queue.dequeue_many
        return _as_original_type(tensors_list[0], dequeue(batch_size, name=name))


def batch(tensors, batch_size, num_threads=1, capacity=32, enqueue_many=False, shapes=None,
          dynamic_pad=False, allow_smaller_final_batch=False, shared_name=None, name=None):
    """Batches ``tensors`` (a list or dict) through a FIFO queue filled by ``num_threads``
    threads (``tf.train.batch``); ``dynamic_pad`` pads variable-length components."""
    return _batch(tensors, batch_size, True, num_threads, capacity, enqueue_many, shapes,
                  dynamic_pad, allow_smaller_final_batch, shared_name, name)


def maybe_batch(tensors, keep_input, batch_size, num_threads=1, capacity=32,
                enqueue_many=False, shapes=None, dynamic_pad=False,
                allow_smaller_final_batch=False, shared_name=None, name=None):
    """Like ``batch``, enqueueing only when the scalar ``keep_input`` is true."""
    return _batch(tensors, batch_size, keep_input, num_threads, capacity, enqueue_many, shapes,
                  dynamic_pad, allow_smaller_final_batch, shared_name, name)


def batch_join(tensors_list, batch_size, capacity=32, enqueue_many=False, shapes=None,
               dynamic_pad=False, allow_smaller_final_batch=False, shared_name=None,
               name=None):
    """Batches from several tensor lists, one enqueue thread each (``tf.train.batch_join``)."""
    return _batch_join(tensors_list, batch_size, True, capacity, enqueue_many, shapes,
                       dynamic_pad, allow_smaller_final_batch, shared_name, name)


def maybe_batch_join(tensors_list, keep_input, batch_size, capacity=32, enqueue_many=False,
                     shapes=None, dynamic_pad=False, allow_smaller_final_batch=False,
                     shared_name=None, name=None):
    return _batch_join(tensors_list, batch_size, keep_input, capacity, enqueue_many, shapes,
                       dynamic_pad, allow_smaller_final_batch, shared_name, name)


def shuffle_batch(tensors, batch_size, capacity, min_after_dequeue, num_threads=1, seed=None,
                  enqueue_many=False, shapes=None, allow_smaller_final_batch=False,
                  shared_name=None, name=None):
    """Batches ``tensors`` in random order through a RandomShuffleQueue
    (``tf.train.shuffle_batch``). Seeded order is reproducible but not TF's."""
    return _shuffle_batch([tensors], batch_size, capacity, min_after_dequeue, True, seed,
                          enqueue_many, shapes, allow_smaller_final_batch, shared_name, name,
                          num_threads, "shuffle_batch")


def maybe_shuffle_batch(tensors, batch_size, capacity, min_after_dequeue, keep_input,
                        num_threads=1, seed=None, enqueue_many=False, shapes=None,
                        allow_smaller_final_batch=False, shared_name=None, name=None):
    return _shuffle_batch([tensors], batch_size, capacity, min_after_dequeue, keep_input, seed,
                          enqueue_many, shapes, allow_smaller_final_batch, shared_name, name,
                          num_threads, "shuffle_batch")


def shuffle_batch_join(tensors_list, batch_size, capacity, min_after_dequeue, seed=None,
                       enqueue_many=False, shapes=None, allow_smaller_final_batch=False,
                       shared_name=None, name=None):
    return _shuffle_batch(tensors_list, batch_size, capacity, min_after_dequeue, True, seed,
                          enqueue_many, shapes, allow_smaller_final_batch, shared_name, name, 1,
                          "shuffle_batch_join")


def maybe_shuffle_batch_join(tensors_list, batch_size, capacity, min_after_dequeue, keep_input,
                             seed=None, enqueue_many=False, shapes=None,
                             allow_smaller_final_batch=False, shared_name=None, name=None):
    return _shuffle_batch(tensors_list, batch_size, capacity, min_after_dequeue, keep_input,
                          seed, enqueue_many, shapes, allow_smaller_final_batch, shared_name,
                          name, 1, "shuffle_batch_join")
