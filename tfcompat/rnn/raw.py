"""``tf.nn.raw_rnn``: a cell driven by a user ``loop_fn`` in a ``tf.while_loop``, as TF builds it.

``loop_fn(time, cell_output, cell_state, loop_state)`` returns ``(finished, next_input,
next_cell_state, emit_output, next_loop_state)``; it is called once before the loop (with
``cell_output=None``) for the initial values and then after each cell step. The loop runs
until every batch entry is finished; emitted outputs are written to dynamically sized
TensorArrays (``rnn/rnn_output_<i>``), zeros and unchanged states for finished entries.
"""

from __future__ import annotations

from tfcompat.framework import dtypes, tensor_util
from tfcompat.framework.ops import Tensor, convert_to_tensor
from tfcompat.framework.tensor_shape import Dimension, TensorShape
from tfcompat.ops import array_ops, constant_op, math_ops
from tfcompat.ops.tensor_array_ops import TensorArray
from tfcompat.ops.while_loop_v1 import while_loop
from tfcompat.rnn.cells import assert_like_rnncell
from tfcompat.rnn.structure import concat_shape, flatten, map_structure, pack_sequence_as
from tfcompat.variables import variable_scope as vs


def _static_shape_of_size(size) -> TensorShape:
    if isinstance(size, Tensor):
        value = tensor_util.constant_value(size)
        return TensorShape(None) if value is None else TensorShape(value.tolist())
    return TensorShape(size)


def _copy_where_finished(finished, current, candidate):
    def copy(cur, cand):
        if isinstance(cur, TensorArray) or cur.shape.ndims == 0:
            return cand
        return array_ops.select(finished, cur, cand)
    return map_structure(copy, current, candidate)


def raw_rnn(cell, loop_fn, parallel_iterations=None, swap_memory=False, scope=None):
    """Runs ``cell`` in a while loop driven by ``loop_fn`` (``tf.nn.raw_rnn``; see the module
    docstring). Returns ``(emit_ta, final_state, final_loop_state)``: the TensorArrays of the
    emitted outputs, the final cell state, and the final loop state (None if ``loop_fn``
    started without one)."""
    assert_like_rnncell("cell", cell)
    if not callable(loop_fn):
        raise TypeError("loop_fn must be a callable")
    parallel_iterations = parallel_iterations or 32
    with vs.variable_scope(scope or "rnn"):
        time = constant_op.constant(0, dtype=dtypes.int32)
        finished, next_input, initial_state, emit_structure, init_loop_state = loop_fn(
            time=time, cell_output=None, cell_state=None, loop_state=None)
        flat_input = flatten(next_input)
        loop_state = (init_loop_state if init_loop_state is not None
                      else constant_op.constant(0, dtype=dtypes.int32))
        static_batch = Dimension(None)
        for x in flat_input:
            static_batch = static_batch.merge_with(
                x.shape[0] if x.shape.ndims else Dimension(None))
        const_batch = static_batch.value
        batch_size = const_batch if const_batch is not None else array_ops.shape(flat_input[0])[0]
        flat_state = [convert_to_tensor(s) for s in flatten(initial_state)]
        state = pack_sequence_as(initial_state, flat_state)
        if emit_structure is not None:
            flat_emit_structure = flatten(emit_structure)
            flat_emit_size = [e.shape if e.shape.is_fully_defined() else array_ops.shape(e)
                              for e in flat_emit_structure]
            flat_emit_dtypes = [e.dtype for e in flat_emit_structure]
        else:
            emit_structure = cell.output_size
            flat_emit_size = flatten(emit_structure)
            flat_emit_dtypes = [flat_state[0].dtype] * len(flat_emit_size)
        flat_emit_ta = [
            TensorArray(dtype=dtype, dynamic_size=True, size=0, name=f"rnn_output_{i}",
                        element_shape=TensorShape([const_batch]).concatenate(
                            _static_shape_of_size(size)))
            for i, (dtype, size) in enumerate(zip(flat_emit_dtypes, flat_emit_size))]
        emit_ta = pack_sequence_as(emit_structure, flat_emit_ta)
        flat_zero_emit = [array_ops.zeros(concat_shape(batch_size, size), dtype)
                          for size, dtype in zip(flat_emit_size, flat_emit_dtypes)]
        zero_emit = pack_sequence_as(emit_structure, flat_zero_emit)

        def condition(unused_time, elements_finished, *_):
            return math_ops.logical_not(math_ops.reduce_all(elements_finished))

        def body(time, elements_finished, current_input, emit_ta, state, loop_state):
            next_output, cell_state = cell(current_input, state)
            next_time = time + 1
            next_finished, next_input, next_state, emit_output, next_loop_state = loop_fn(
                next_time, next_output, cell_state, loop_state)
            loop_state = loop_state if next_loop_state is None else next_loop_state
            emit_output = _copy_where_finished(elements_finished, zero_emit, emit_output)
            next_state = _copy_where_finished(elements_finished, state, next_state)
            emit_ta = map_structure(lambda ta, emit: ta.write(time, emit), emit_ta,
                                    emit_output)
            elements_finished = math_ops.logical_or(elements_finished, next_finished)
            return (next_time, elements_finished, next_input, emit_ta, next_state, loop_state)

        returned = while_loop(condition, body,
                              [time, finished, next_input, emit_ta, state, loop_state],
                              parallel_iterations=parallel_iterations, swap_memory=swap_memory)
        emit_ta, final_state, final_loop_state = returned[-3:]
        if init_loop_state is None:
            final_loop_state = None
        return emit_ta, final_state, final_loop_state
