"""Cells made of cells: ``MultiRNNCell`` (a stack) and ``DropoutWrapper``."""

from __future__ import annotations

import itertools
import numbers

from tfcompat.framework import tensor_util
from tfcompat.framework.ops import convert_to_tensor, get_default_graph, name_scope
from tfcompat.framework.random_seed import derived_seed
from tfcompat.ops import array_ops, nn_ops, slicing_ops
from tfcompat.rnn.cells import LSTMStateTuple, RNNCell, assert_like_rnncell
from tfcompat.rnn.structure import is_nested, map_structure, zero_state_tensors
from tfcompat.variables import variable_scope as vs


class MultiRNNCell(RNNCell):
    """Stacks cells: cell ``i`` runs under ``variable_scope("cell_<i>")`` on cell ``i-1``'s
    output. The state is the tuple of the cells' states (or their concatenation without
    ``state_is_tuple``)."""

    def __init__(self, cells, state_is_tuple=True):
        super().__init__()
        if not cells:
            raise ValueError("Must specify at least one cell for MultiRNNCell.")
        if not is_nested(cells):
            raise TypeError(f"cells must be a list or tuple, but received: {cells}.")
        self._cells = list(cells)
        self._state_is_tuple = state_is_tuple
        if not state_is_tuple and any(is_nested(c.state_size) for c in self._cells):
            raise ValueError("Some cells return tuples of states, but the flag "
                             "state_is_tuple is not set. State sizes are: "
                             f"{[c.state_size for c in self._cells]}")

    def _sub_cells(self) -> list:
        return self._cells

    @property
    def state_size(self):
        if self._state_is_tuple:
            return tuple(cell.state_size for cell in self._cells)
        return sum(cell.state_size for cell in self._cells)

    @property
    def output_size(self):
        return self._cells[-1].output_size

    def zero_state(self, batch_size, dtype):
        with name_scope(None, f"{type(self).__name__}ZeroState", [batch_size]):
            if self._state_is_tuple:
                return tuple(cell.zero_state(batch_size, dtype) for cell in self._cells)
            return zero_state_tensors(self.state_size, batch_size, dtype)

    def call(self, inputs, state):
        current = inputs
        new_states = []
        position = 0
        for i, cell in enumerate(self._cells):
            with vs.variable_scope(f"cell_{i}"):
                if self._state_is_tuple:
                    if not is_nested(state):
                        raise ValueError(f"Expected state to be a tuple of length "
                                         f"{len(self.state_size)}, but received: {state}")
                    cell_state = state[i]
                else:
                    cell_state = slicing_ops.slice(state, [0, position], [-1, cell.state_size])
                    position += cell.state_size
                current, new_state = cell(current, cell_state)
                new_states.append(new_state)
        if self._state_is_tuple:
            return current, tuple(new_states)
        return current, array_ops.concat(new_states, 1)


def _default_dropout_state_filter(substate):
    """Drops out every state part except an LSTM's memory ``c``."""
    if isinstance(substate, LSTMStateTuple):
        return LSTMStateTuple(c=False, h=True)
    return True


class DropoutWrapper(RNNCell):
    """Applies dropout to a cell's inputs, outputs and state (Srivastava et al. 2014).

    Each keep probability below 1 drops the corresponding tensors with ``tf.nn.dropout``, seeded
    per tensor from ``seed``. ``dropout_state_filter_visitor`` chooses the state parts dropped
    (by default all but an LSTM's ``c``). Variational (per-sequence) masks are not supported.

    Inside ``tf.nn.dynamic_rnn`` the dropout op runs once per loop iteration, its random stream
    advancing each step, as in TF; ``static_rnn`` builds one op per step, as TF does.
    """

    def __init__(self, cell, input_keep_prob=1.0, output_keep_prob=1.0, state_keep_prob=1.0,
                 variational_recurrent=False, input_size=None, dtype=None, seed=None,
                 dropout_state_filter_visitor=None, **kwargs):
        super().__init__(**kwargs)
        if not callable(cell) or not hasattr(cell, "state_size"):
            raise TypeError(f"The parameter cell is not a RNNCell: {cell}")
        if variational_recurrent:
            raise ValueError("tfcompat's DropoutWrapper does not support "
                             "variational_recurrent=True")
        self._cell = cell
        self._seed = seed
        self._dropout_state_filter = (dropout_state_filter_visitor
                                      or _default_dropout_state_filter)
        with name_scope("DropoutWrapperInit"):
            for prob, attr in ((input_keep_prob, "input_keep_prob"),
                               (state_keep_prob, "state_keep_prob"),
                               (output_keep_prob, "output_keep_prob")):
                tensor = convert_to_tensor(prob)
                static = tensor_util.constant_value(tensor)
                if static is not None:
                    if static < 0 or static > 1:
                        raise ValueError(f"Parameter {attr} must be between 0 and 1. "
                                         f"Received {static}")
                    setattr(self, f"_{attr}", float(static))
                else:
                    setattr(self, f"_{attr}", tensor)

    @property
    def wrapped_cell(self):
        return self._cell

    @property
    def state_size(self):
        return self._cell.state_size

    @property
    def output_size(self):
        return self._cell.output_size

    def zero_state(self, batch_size, dtype):
        with name_scope(None, f"{type(self).__name__}ZeroState", [batch_size]):
            return self._cell.zero_state(batch_size, dtype)

    def _dropout(self, values, salt_prefix: str, keep_prob, shallow):
        """Drops out the parts of ``values`` whose entry in ``shallow`` is True; the seed of
        each counts the entries of ``shallow`` in order, as TF's does."""
        counter = itertools.count()

        def drop(flags, value):
            if is_nested(flags):
                parts = [drop(f, v) for f, v in zip(flags, value)]
                return type(value)(*parts) if hasattr(value, "_fields") else type(value)(parts)
            index = next(counter)
            if not flags:
                return value
            return nn_ops.dropout(value, rate=1 - keep_prob,
                                  seed=derived_seed(self._seed, f"{salt_prefix}_{index}"))

        return drop(shallow, values)

    def __call__(self, inputs, state, scope=None):
        """Runs the wrapped cell with dropout on its inputs, new state and output."""
        def should_drop(p) -> bool:
            return not isinstance(p, numbers.Real) or p < 1

        def everything(values):
            return map_structure(lambda _: True, values)

        if should_drop(self._input_keep_prob):
            inputs = self._dropout(inputs, "input", self._input_keep_prob, everything(inputs))
        output, new_state = self._cell(inputs, state, scope=scope)
        if should_drop(self._state_keep_prob):
            shallow = _shallow_filter(self._dropout_state_filter, new_state)
            new_state = self._dropout(new_state, "state", self._state_keep_prob, shallow)
        if should_drop(self._output_keep_prob):
            output = self._dropout(output, "output", self._output_keep_prob, everything(output))
        return output, new_state


def _shallow_filter(visitor, node):
    """Which parts of a state to drop: ``visitor`` answers per node with a bool (True descends
    into a tuple) or with a structure of bools for the node's children."""
    answer = visitor(node)
    if isinstance(answer, bool):
        if answer and is_nested(node):
            return tuple(_shallow_filter(visitor, child) for child in node)
        return answer
    return tuple(_shallow_filter(visitor, child) if flag else False
                 for child, flag in zip(node, answer))


class _SizePreservingWrapper(RNNCell):
    """A wrapper whose state and output sizes are its cell's."""

    def __init__(self, cell, **kwargs):
        super().__init__(**kwargs)
        assert_like_rnncell("cell", cell)
        self._cell = cell

    @property
    def wrapped_cell(self):
        return self._cell

    @property
    def state_size(self):
        return self._cell.state_size

    @property
    def output_size(self):
        return self._cell.output_size


class ResidualWrapper(_SizePreservingWrapper):
    """Adds the cell's inputs to its outputs (``residual_fn(inputs, outputs)`` when given);
    the state passes through unchanged."""

    def __init__(self, cell, residual_fn=None, **kwargs):
        super().__init__(cell, **kwargs)
        self._residual_fn = residual_fn

    def zero_state(self, batch_size, dtype):
        with name_scope(None, f"{type(self).__name__}ZeroState", [batch_size]):
            return self._cell.zero_state(batch_size, dtype)

    def __call__(self, inputs, state, scope=None):
        outputs, new_state = self._cell(inputs, state, scope=scope)

        def add(inp, out):
            inp.shape.assert_is_compatible_with(out.shape)
            return inp + out

        residual_fn = self._residual_fn or (lambda i, o: map_structure(add, i, o))
        return residual_fn(inputs, outputs), new_state


class DeviceWrapper(_SizePreservingWrapper):
    """Runs the cell (and makes its zero state) on ``device``."""

    def __init__(self, cell, device, **kwargs):
        super().__init__(cell, **kwargs)
        self._device = device

    def zero_state(self, batch_size, dtype):
        with name_scope(None, f"{type(self).__name__}ZeroState", [batch_size]):
            with get_default_graph().device(self._device):
                return self._cell.zero_state(batch_size, dtype)

    def __call__(self, inputs, state, scope=None):
        with get_default_graph().device(self._device):
            return self._cell(inputs, state, scope=scope)
