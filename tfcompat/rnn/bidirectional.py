"""Bidirectional RNNs (``tf.nn.bidirectional_dynamic_rnn``, ``tf.nn.static_bidirectional_rnn``);
sequences are reversed with ``tf.reverse_sequence`` (``tfcompat.ops.array_extra_ops``).

A forward cell runs over the inputs in ``variable_scope("fw")``; a backward cell runs in
``variable_scope("bw")`` over the inputs with each row's first ``sequence_length`` steps
reversed (all steps without lengths), and its outputs are reversed back, as TF builds them.
"""

from __future__ import annotations

from tfcompat.ops import array_ops, slicing_ops
from tfcompat.ops.array_extra_ops import reverse_sequence
from tfcompat.rnn.cells import assert_like_rnncell
from tfcompat.rnn.dynamic import dynamic_rnn
from tfcompat.rnn.static import static_rnn
from tfcompat.rnn.structure import flatten, is_nested, map_structure, pack_sequence_as
from tfcompat.variables import variable_scope as vs

# ---- bidirectional RNNs --------------------------------------------------------------------------

def bidirectional_dynamic_rnn(cell_fw, cell_bw, inputs, sequence_length=None,
                              initial_state_fw=None, initial_state_bw=None, dtype=None,
                              parallel_iterations=None, swap_memory=False, time_major=False,
                              scope=None):
    """A forward and a backward ``dynamic_rnn`` over ``inputs`` (``tf.nn.
    bidirectional_dynamic_rnn``): returns ``((output_fw, output_bw), (state_fw, state_bw))``,
    the backward outputs already reversed back into input order."""
    assert_like_rnncell("cell_fw", cell_fw)
    assert_like_rnncell("cell_bw", cell_bw)
    with vs.variable_scope(scope or "bidirectional_rnn"):
        with vs.variable_scope("fw") as fw_scope:
            output_fw, state_fw = dynamic_rnn(
                cell_fw, inputs, sequence_length=sequence_length, initial_state=initial_state_fw,
                dtype=dtype, parallel_iterations=parallel_iterations, swap_memory=swap_memory,
                time_major=time_major, scope=fw_scope)
        time_axis, batch_axis = (0, 1) if time_major else (1, 0)

        def reverse(value):
            if sequence_length is not None:
                return reverse_sequence(value, sequence_length, seq_axis=time_axis,
                                        batch_axis=batch_axis)
            return slicing_ops.reverse(value, axis=[time_axis])

        with vs.variable_scope("bw") as bw_scope:
            inputs_reversed = map_structure(reverse, inputs)
            reversed_output, state_bw = dynamic_rnn(
                cell_bw, inputs_reversed, sequence_length=sequence_length,
                initial_state=initial_state_bw, dtype=dtype,
                parallel_iterations=parallel_iterations, swap_memory=swap_memory,
                time_major=time_major, scope=bw_scope)
    output_bw = map_structure(reverse, reversed_output)
    return (output_fw, output_bw), (state_fw, state_bw)


def _reverse_steps(steps: list, lengths) -> list:
    """The list of per-step inputs with each row's first ``lengths`` steps reversed."""
    if lengths is None:
        return list(reversed(steps))
    flat_steps = [flatten(step) for step in steps]
    flat_results: list[list] = [[] for _ in steps]
    for sequence in zip(*flat_steps):
        shape = sequence[0].shape
        for value in sequence:
            shape = shape.merge_with(value.shape)
        for value in sequence:
            value.set_shape(shape)
        joined = array_ops.stack(list(sequence))
        reversed_steps = slicing_ops.unstack(reverse_sequence(joined, lengths, 0, 1))
        for value, results in zip(reversed_steps, flat_results):
            value.set_shape(shape)
            results.append(value)
    return [pack_sequence_as(step, results) for step, results in zip(steps, flat_results)]


def static_bidirectional_rnn(cell_fw, cell_bw, inputs, initial_state_fw=None,
                             initial_state_bw=None, dtype=None, sequence_length=None,
                             scope=None):
    """A forward and a backward ``static_rnn`` over a list of per-step inputs
    (``tf.nn.static_bidirectional_rnn``): returns ``(outputs, state_fw, state_bw)`` where each
    output is the forward and backward outputs of its step concatenated."""
    assert_like_rnncell("cell_fw", cell_fw)
    assert_like_rnncell("cell_bw", cell_bw)
    if not is_nested(inputs):
        raise TypeError(f"Argument `inputs` must be a sequence. Received: {inputs}")
    if not inputs:
        raise ValueError("Argument `inputs` must not be empty.")
    with vs.variable_scope(scope or "bidirectional_rnn"):
        with vs.variable_scope("fw") as fw_scope:
            output_fw, state_fw = static_rnn(cell_fw, inputs, initial_state_fw, dtype,
                                             sequence_length, scope=fw_scope)
        with vs.variable_scope("bw") as bw_scope:
            reversed_inputs = _reverse_steps(inputs, sequence_length)
            reversed_output, state_bw = static_rnn(cell_bw, reversed_inputs, initial_state_bw,
                                                   dtype, sequence_length, scope=bw_scope)
    output_bw = _reverse_steps(reversed_output, sequence_length)
    flat_outputs = [array_ops.concat([fw, bw], 1)
                    for fw, bw in zip(flatten(output_fw), flatten(output_bw))]
    return pack_sequence_as(output_fw, flat_outputs), state_fw, state_bw

