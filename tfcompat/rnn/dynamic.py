"""``tf.nn.dynamic_rnn``: a cell run by a ``tf.while_loop`` over TensorArrays, as TF builds it.

The inputs are made time-major and unstacked into TensorArrays (``rnn/TensorArray_1``); each
iteration reads step ``time``, calls the cell and writes its output to an output TensorArray
(``rnn/TensorArray``), which is stacked after the loop. The time dimension may be unknown. With
``sequence_length``, an Assert checks it has ``batch_size`` entries (``rnn/CheckSeqLen``), the
loop stops after the longest sequence, and rows whose sequence has ended emit zeros and keep
their state (``Select`` on ``time >= sequence_length``).
"""

from __future__ import annotations

from tfcompat.framework import dtypes
from tfcompat.framework.ops import Tensor, convert_to_tensor, get_default_graph, name_scope
from tfcompat.framework.tensor_shape import TensorShape, as_shape
from tfcompat.ops import array_ops, constant_op, math_ops
from tfcompat.ops.logging_ops import Assert
from tfcompat.ops.tensor_array_ops import TensorArray
from tfcompat.ops.while_loop_v1 import while_loop
from tfcompat.rnn.cells import assert_like_rnncell
from tfcompat.rnn.static import (
    _checked_sequence_length,
    _infer_state_dtype,
    _initial_state,
    _transpose_batch_time,
)
from tfcompat.rnn.structure import concat_shape, flatten, map_structure, pack_sequence_as
from tfcompat.variables import variable_scope as vs


def _best_effort_batch_size(flat_input: list):
    """The static batch size of time-major inputs if any knows it, else a runtime tensor."""
    for x in flat_input:
        shape = x.shape
        if shape.ndims is None:
            continue
        if shape.ndims < 2:
            raise ValueError(f"Input tensor should have rank >= 2, received shape: {shape}")
        if shape[1].value is not None:
            return shape[1].value
    return array_ops.shape(flat_input[0])[1]


def _assert_has_shape(x: Tensor, shape: list):
    x_shape = array_ops.shape(x)
    packed = array_ops.stack(shape)
    return Assert(math_ops.reduce_all(math_ops.equal(x_shape, packed)),
                  [f"Expected shape for Tensor {x.name} is ", packed, " but saw shape: ",
                   x_shape])


def dynamic_rnn(cell, inputs, sequence_length=None, initial_state=None, dtype=None,
                parallel_iterations=None, swap_memory=False, time_major=False, scope=None):
    """Creates a recurrent network from a cell, running it over the time axis of ``inputs``.

    ``inputs`` is ``[batch_size, max_time, ...]`` (``[max_time, batch_size, ...]`` when
    ``time_major``), or a nested tuple of such tensors; ``max_time`` may be unknown. Returns
    ``(outputs, state)``: the per-step outputs stacked in the same layout, and the final state.
    Steps at or past a row's ``sequence_length`` output zeros and leave that row's state
    unchanged, so ``state`` holds each sequence's state at its last valid step.
    """
    assert_like_rnncell("cell", cell)
    with vs.variable_scope(scope or "rnn"):
        flat_input = [convert_to_tensor(x) for x in flatten(inputs)]
        if not time_major:
            flat_input = [_transpose_batch_time(x) for x in flat_input]
        parallel_iterations = parallel_iterations or 32
        if sequence_length is not None:
            sequence_length = _checked_sequence_length(sequence_length)
            sequence_length = array_ops.identity(sequence_length, name="sequence_length")
        batch_size = _best_effort_batch_size(flat_input)
        state = _initial_state(cell, initial_state, batch_size, dtype)
        if sequence_length is not None:
            check = _assert_has_shape(sequence_length, [batch_size])
            with get_default_graph().control_dependencies([check]):
                sequence_length = array_ops.identity(sequence_length, name="CheckSeqLen")
        inputs = pack_sequence_as(inputs, flat_input)
        outputs, final_state = _dynamic_rnn_loop(cell, inputs, state, parallel_iterations,
                                                 swap_memory, sequence_length, dtype)
        if not time_major:
            outputs = map_structure(_transpose_batch_time, outputs)
        return outputs, final_state


def _input_shapes(flat_input: list) -> list[TensorShape]:
    shapes = [x.shape.with_rank_at_least(3) for x in flat_input]
    const_time, const_batch = shapes[0].as_list()[:2]
    for x, shape in zip(flat_input, shapes):
        if not shape[2:].is_fully_defined():
            raise ValueError("Input size (depth of inputs) must be accessible via shape "
                             f"inference, but saw value None for input={x}.")
        if shape[0].value != const_time:
            raise ValueError("Time steps is not the same for all the elements in the input in "
                             "a batch.")
        if shape[1].value != const_batch:
            raise ValueError("Batch_size is not the same for all the elements in the input.")
    return shapes


def _dynamic_rnn_loop(cell, inputs, initial_state, parallel_iterations, swap_memory,
                      sequence_length, dtype):
    state = initial_state
    flat_input = flatten(inputs)
    flat_output_size = flatten(cell.output_size)
    time_steps = array_ops.shape(flat_input[0])[0]
    batch_size = _best_effort_batch_size(flat_input)
    input_shapes = _input_shapes(flat_input)
    const_time, const_batch = input_shapes[0].as_list()[:2]
    state_dtype = _infer_state_dtype(dtype, state)

    flat_zero_output = [array_ops.zeros(concat_shape(batch_size, size), state_dtype)
                        for size in flat_output_size]
    zero_output = pack_sequence_as(cell.output_size, flat_zero_output)
    if sequence_length is not None:
        # TF computes the minimum for a cond-based step it does not take here; built so the
        # graph is TF's op for op.
        math_ops.reduce_min(sequence_length)
        max_sequence_length = math_ops.reduce_max(sequence_length)
    else:
        max_sequence_length = time_steps
    time = constant_op.constant(0, dtype=dtypes.int32, name="time")
    with name_scope("dynamic_rnn") as base_name:
        pass

    def make_array(suffix, element_shape, array_dtype):
        return TensorArray(dtype=array_dtype, size=time_steps, element_shape=element_shape,
                           tensor_array_name=base_name + suffix)

    output_ta = tuple(
        make_array(f"output_{i}", TensorShape([const_batch]).concatenate(as_shape(size)),
                   state_dtype)
        for i, size in enumerate(flat_output_size))
    input_ta = tuple(make_array(f"input_{i}", x.shape[1:], x.dtype)
                     for i, x in enumerate(flat_input))
    input_ta = tuple(ta.unstack(x) for ta, x in zip(input_ta, flat_input))

    def time_step(time, output_ta_t, state):
        input_t = tuple(ta.read(time) for ta in input_ta)
        for value, shape in zip(input_t, input_shapes):
            value.set_shape(shape[1:])
        input_t = pack_sequence_as(inputs, list(input_t))
        if sequence_length is not None:
            output, new_state = _copy_through_step(time, sequence_length, zero_output, state,
                                                   lambda: cell(input_t, state))
        else:
            output, new_state = cell(input_t, state)
        output_ta_t = tuple(ta.write(time, out) for ta, out in zip(output_ta_t, flatten(output)))
        return (time + 1, output_ta_t, new_state)

    loop_bound = math_ops.minimum(time_steps, math_ops.maximum(1, max_sequence_length))
    _, output_final_ta, final_state = while_loop(
        lambda time, *_: time < loop_bound, time_step, (time, output_ta, state),
        parallel_iterations=parallel_iterations, maximum_iterations=time_steps,
        swap_memory=swap_memory)
    final_outputs = [ta.stack() for ta in output_final_ta]
    for output, size in zip(final_outputs, flat_output_size):
        output.set_shape(concat_shape([const_time, const_batch], size, static=True))
    return pack_sequence_as(cell.output_size, final_outputs), final_state


def _copy_through_step(time, sequence_length, zero_output, state, call_cell):
    """One step where rows whose sequence has ended emit zeros and keep their state."""
    copy_cond = time >= sequence_length
    new_output, new_state = call_cell()
    flat_state = flatten(state)
    flat_zero = flatten(zero_output)

    def copy_one_through(old, new):
        if new.shape.ndims == 0:
            return new
        return array_ops.select(copy_cond, old, new)

    outputs = [copy_one_through(z, o) for z, o in zip(flat_zero, flatten(new_output))]
    states = [copy_one_through(s, n) for s, n in zip(flat_state, flatten(new_state))]
    for output, zero in zip(outputs, flat_zero):
        output.set_shape(zero.shape)
    for new, old in zip(states, flat_state):
        new.set_shape(old.shape)
    return pack_sequence_as(zero_output, outputs), pack_sequence_as(state, states)
