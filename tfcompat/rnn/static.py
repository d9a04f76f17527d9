"""``tf.nn.static_rnn`` and ``tf.nn.dynamic_rnn``: run a cell over a sequence.

Both open ``variable_scope(scope or "rnn")``, so a cell's variables are ``rnn/<cell>/kernel``...
as in TF, and compute TF's outputs and final states, sequence lengths included: past a
sequence's length its outputs are zeros and its state stays as it was at the last valid step.

``static_rnn`` unrolls the cell over the list of inputs, each step in TF's ``tf.cond``s when
``sequence_length`` is given; ``dynamic_rnn`` (``dynamic.py``) is a ``tf.while_loop`` over
TensorArrays, so the time dimension may be unknown. Both are TF's graphs op for op.
"""

from __future__ import annotations

from tfcompat.framework import dtypes, ops
from tfcompat.framework.ops import Tensor, convert_to_tensor
from tfcompat.ops import array_ops, control_flow_v1, math_ops
from tfcompat.rnn.cells import assert_like_rnncell
from tfcompat.rnn.structure import (
    concat_shape,
    flatten,
    is_nested,
    map_structure,
    pack_sequence_as,
)
from tfcompat.variables import variable_scope as vs


def _transpose_batch_time(x: Tensor) -> Tensor:
    """Swaps the first two dimensions of ``x`` (batch-major <-> time-major)."""
    shape = x.shape
    if shape.ndims is not None and shape.ndims < 2:
        raise ValueError(f"Expected input tensor {x} to have rank at least 2, but saw shape: "
                         f"{shape}")
    rank = array_ops.rank(x)
    perm = array_ops.concat(([1, 0], math_ops.range(2, rank)), axis=0)
    transposed = array_ops.transpose(x, perm)
    if shape.ndims is not None:
        dims = shape.as_list()
        transposed.set_shape([dims[1], dims[0]] + dims[2:])
    return transposed


def _infer_state_dtype(explicit_dtype, state):
    """``explicit_dtype``, else the one dtype all the state's tensors share."""
    if explicit_dtype is not None:
        return explicit_dtype
    inferred = {s.dtype for s in flatten(state)}
    if not inferred:
        raise ValueError(f"Unable to infer dtype from argument state={state}.")
    if len(inferred) > 1:
        raise ValueError("State has tensors of different inferred dtypes. Unable to infer a "
                         f"single representative dtype. Dtypes received: {sorted(inferred)}")
    return inferred.pop()


def _initial_state(cell, initial_state, batch_size, dtype):
    if initial_state is not None:
        return initial_state
    if not dtype:
        raise ValueError("If no initial_state is provided, argument `dtype` must be specified")
    if getattr(cell, "get_initial_state", None) is not None:
        return cell.get_initial_state(inputs=None, batch_size=batch_size, dtype=dtype)
    return cell.zero_state(batch_size, dtype)


def _checked_sequence_length(sequence_length) -> Tensor:
    sequence_length = math_ops.cast(sequence_length, dtypes.int32)
    if sequence_length.shape.ndims not in (None, 1):
        raise ValueError("Argument sequence_length must be a vector of length batch_size. "
                         f"Received sequence_length={sequence_length} of shape: "
                         f"{sequence_length.shape}")
    return sequence_length


def _zero_output(cell, batch_size, static_batch, dtype):
    """Zeros shaped like the cell's output, what steps past a sequence's end emit."""
    def zeros_for(size):
        zeros = array_ops.zeros(concat_shape(batch_size, size), dtype)
        zeros.set_shape(concat_shape(static_batch, size, static=True))
        return zeros
    return map_structure(zeros_for, cell.output_size)


def _conditional_step(time: int, sequence_length: Tensor, bounds, zero_output, state,
                      call_cell):
    """One step as TF's static_rnn builds it with ``sequence_length``: a ``tf.cond`` that skips
    the cell once every sequence has ended (zeros out, state kept), and inside it a cond that
    masks rows whose sequence has ended (``Select``) unless none has yet."""
    min_sequence_length, max_sequence_length = bounds
    flat_state = flatten(state)
    flat_zero_output = flatten(zero_output)
    copy_cond = time >= sequence_length

    def copy_one_through(old, new):
        if new.shape.ndims == 0:
            return new
        return array_ops.select(copy_cond, old, new)

    def copy_some_through(flat_new_output, flat_new_state):
        return ([copy_one_through(z, o) for z, o in zip(flat_zero_output, flat_new_output)]
                + [copy_one_through(s, n) for s, n in zip(flat_state, flat_new_state)])

    def maybe_copy_some_through():
        new_output, new_state = call_cell()
        flat_new_output = flatten(new_output)
        flat_new_state = flatten(new_state)
        return control_flow_v1.cond(time < min_sequence_length,
                                    lambda: flat_new_output + flat_new_state,
                                    lambda: copy_some_through(flat_new_output, flat_new_state))

    final = control_flow_v1.cond(time >= max_sequence_length,
                                 lambda: flat_zero_output + flat_state, maybe_copy_some_through)
    outputs = final[:len(flat_zero_output)]
    states = final[len(flat_zero_output):]
    for output, zero in zip(outputs, flat_zero_output):
        output.set_shape(zero.shape)
    for new, old in zip(states, flat_state):
        new.set_shape(old.shape)
    return pack_sequence_as(zero_output, outputs), pack_sequence_as(state, states)


def static_rnn(cell, inputs, initial_state=None, dtype=None, sequence_length=None, scope=None):
    """Creates a recurrent network from a cell and a list of per-step inputs.

    ``inputs`` is a list of ``[batch_size, input_size]`` tensors (or nested tuples of them).
    Returns ``(outputs, state)``: the list of per-step outputs and the final state. With
    ``sequence_length`` (int32/int64 vector of size ``batch_size``) steps past a row's length
    output zeros and carry that row's state through unchanged.
    """
    assert_like_rnncell("cell", cell)
    if not is_nested(inputs):
        raise TypeError(f"Argument `inputs` must be a sequence. Received: {inputs}")
    if not inputs:
        raise ValueError("Argument `inputs` must not be empty.")
    outputs = []
    with vs.variable_scope(scope or "rnn") as varscope:
        first_input = flatten(inputs[0])[0] if is_nested(inputs[0]) else inputs[0]
        first_input = convert_to_tensor(first_input)
        if first_input.shape.ndims != 1:
            fixed_batch = first_input.shape.with_rank_at_least(2)[0]
            for flat_input in flatten(inputs):
                input_shape = convert_to_tensor(flat_input).shape.with_rank_at_least(2)
                fixed_batch.assert_is_compatible_with(input_shape[0])
                for i, size in enumerate(input_shape[1:].as_list()):
                    if size is None:
                        raise ValueError(f"Input size (dimension {i} of inputs) must be "
                                         "accessible via shape inference, but saw value None.")
        else:
            fixed_batch = first_input.shape.with_rank_at_least(1)[0]
        batch_size = fixed_batch.value
        if not batch_size:
            batch_size = array_ops.shape(first_input)[0]
        state = _initial_state(cell, initial_state, batch_size, dtype)
        zero_output = None
        if sequence_length is not None:
            sequence_length = _checked_sequence_length(sequence_length)
            zero_output = _zero_output(cell, batch_size, fixed_batch.value,
                                       _infer_state_dtype(dtype, state))
            bounds = (math_ops.reduce_min(sequence_length),
                      math_ops.reduce_max(sequence_length))
        for time, input_ in enumerate(inputs):
            if time > 0:
                varscope.reuse_variables()

            def call_cell(input_=input_, state=state):
                return cell(input_, state)
            if sequence_length is None:
                output, state = call_cell()
            else:
                output, state = _conditional_step(time, sequence_length, bounds, zero_output,
                                                  state, call_cell)
            outputs.append(output)
        return outputs, state




def static_state_saving_rnn(cell, inputs, state_saver, state_name, sequence_length=None,
                            scope=None):
    """``static_rnn`` whose initial state comes from ``state_saver.state(name)`` and whose final
    state is saved with ``state_saver.save_state(name, state)`` before the last output and the
    returned state are available (``tf.nn.static_state_saving_rnn``). ``state_name`` has the
    structure of ``cell.state_size``."""
    state_size = cell.state_size
    state_is_tuple = is_nested(state_size)
    if state_is_tuple != is_nested(state_name):
        raise ValueError("Argument `state_name` should be the same type as `cell.state_size`. "
                         f"Received: state_name={state_name!s}, cell.state_size={state_size!s}.")
    names = flatten(state_name)
    if state_is_tuple:
        if len(names) != len(flatten(state_size)):
            raise ValueError(
                "Number of elements in argument `state_name` and `cell.state_size` are "
                f"mismatched. Received state_name={state_name} with {len(names)} elements and "
                f"cell.state_size={state_size} with {len(flatten(state_size))} elements.")
        initial_state = pack_sequence_as(state_size, [state_saver.state(n) for n in names])
    else:
        initial_state = state_saver.state(state_name)
    outputs, state = static_rnn(cell, inputs, initial_state=initial_state,
                                sequence_length=sequence_length, scope=scope)
    flat_state = flatten(state)
    saves = [state_saver.save_state(n, s) for n, s in zip(names, flat_state)]
    with ops.get_default_graph().control_dependencies(saves):
        last_output = outputs[-1]
        outputs[-1] = pack_sequence_as(last_output, [array_ops.identity(o)
                                                     for o in flatten(last_output)])
        state = pack_sequence_as(state, [array_ops.identity(s) for s in flat_state])
    return outputs, state
