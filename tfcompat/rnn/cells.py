"""``tf.nn.rnn_cell``: TF1's recurrent cells, with the variables and ops of TF's legacy cells.

A cell is a ``tf.layers.Layer``: its first call opens ``variable_scope(None,
default_name="basic_lstm_cell")`` under the caller's scope (``rnn/basic_lstm_cell`` inside
``tf.nn.dynamic_rnn``) and creates ``kernel`` and ``bias`` there with ``get_variable``; later calls
reuse them. ``MultiRNNCell`` calls cell ``i`` under ``variable_scope("cell_<i>")``; wrappers
(``DropoutWrapper``) add no scope of their own, so the wrapped cell's variables keep their names.

A state is a Tensor or a nested tuple of them (``LSTMStateTuple(c, h)`` for LSTMs); ``state_size``
has the same structure with ints in place of tensors.
"""

from __future__ import annotations

import collections

# Not `from tfcompat.layers import utils`: that first probes the lazy tf.layers namespace for a
# `utils` name, whose miss loads the TF symbol list to word its error (~30 ms).
import tfcompat.layers.utils as utils
from tfcompat.framework import dtypes, tensor_util
from tfcompat.framework.ops import Tensor, convert_to_tensor, name_scope
from tfcompat.layers.base import InputSpec, Layer
from tfcompat.ops import array_ops, constant_op, math_ops, nn_ops, slicing_ops
from tfcompat.rnn.structure import (
    zero_state_tensors,
)
from tfcompat.variables import init_ops

# ---- the base classes -------------------------------------------------------------------------


class LSTMStateTuple(collections.namedtuple("LSTMStateTuple", ("c", "h"))):
    """The ``(c, h)`` state of an LSTM cell: memory ``c`` and output ``h``."""

    __slots__ = ()

    @property
    def dtype(self):
        c, h = self
        if c.dtype != h.dtype:
            raise TypeError(f"Inconsistent internal state: {c.dtype} vs {h.dtype}")
        return c.dtype


def _check_rnn_cell_input_dtype(dtype) -> None:
    dtype = dtypes.as_dtype(dtype)
    if not (dtype.is_floating or dtype.is_complex):
        raise ValueError("RNN cell only supports floating point inputs, but received dtype: "
                         f"{dtype}")


class RNNCell(Layer):
    """Abstract recurrent cell: ``output, new_state = cell(inputs, state)``.

    Subclasses define ``state_size``, ``output_size`` and ``call(inputs, state)``.
    """

    def __init__(self, trainable=True, name=None, dtype=None, **kwargs):
        super().__init__(trainable=trainable, name=name, dtype=dtype, **kwargs)

    @property
    def state_size(self):
        """Int, TensorShape, or a nested tuple of them: the sizes of the state parts."""
        raise NotImplementedError("Abstract method")

    @property
    def output_size(self):
        """Int or TensorShape: the size of the outputs of this cell."""
        raise NotImplementedError("Abstract method")

    def _sub_cells(self) -> list:
        return []

    @property
    def trainable_weights(self) -> list:
        own = super().trainable_weights
        return own + [w for cell in self._sub_cells() for w in cell.trainable_weights]

    @property
    def non_trainable_weights(self) -> list:
        own = super().non_trainable_weights
        return own + [w for cell in self._sub_cells() for w in cell.non_trainable_weights]

    def __call__(self, inputs, state, scope=None):
        """Runs the cell on ``inputs`` (``[batch, input_size]``) from ``state``.

        Returns ``(output, new_state)``; the first call builds the cell's variables.
        """
        return super().__call__(inputs, state, scope=scope)

    def get_initial_state(self, inputs=None, batch_size=None, dtype=None):
        """The zero state for ``inputs`` (batch and dtype taken from it) or ``batch_size``."""
        if inputs is not None:
            inputs = convert_to_tensor(inputs, name="inputs")
            if batch_size is not None:
                static = tensor_util.constant_value(batch_size) \
                    if isinstance(batch_size, Tensor) else batch_size
                if inputs.shape[0].value is not None and static != inputs.shape[0].value:
                    raise ValueError(
                        "batch size from input tensor is different from the input param. "
                        f"Input tensor batch: {inputs.shape[0].value}, batch_size: {batch_size}")
            if dtype is not None and inputs.dtype != dtype:
                raise ValueError(
                    "dtype from input tensor is different from the input param. Input tensor "
                    f"dtype: {inputs.dtype}, dtype: {dtype}")
            batch_size = inputs.shape[0].value
            if batch_size is None:
                batch_size = array_ops.shape(inputs)[0]
            dtype = inputs.dtype
        if batch_size is None or dtype is None:
            raise ValueError("batch_size and dtype cannot be None while constructing initial "
                             f"state: batch_size={batch_size}, dtype={dtype}")
        return self.zero_state(batch_size, dtype)

    def zero_state(self, batch_size, dtype):
        """Zero-filled state tensor(s), under the name scope ``<CellClass>ZeroState``."""
        with name_scope(None, f"{type(self).__name__}ZeroState", [batch_size]):
            return zero_state_tensors(self.state_size, batch_size, dtype)


class LayerRNNCell(RNNCell):
    """A cell whose variables are built in ``build(inputs_shape)``: the kind TF's cells are."""

    def __call__(self, inputs, state, scope=None, *args, **kwargs):
        return Layer.__call__(self, inputs, state, *args, scope=scope, **kwargs)


def _input_depth(inputs_shape) -> int:
    depth = inputs_shape[-1].value if inputs_shape.ndims is not None else None
    if depth is None:
        raise ValueError("Expected inputs.shape[-1] to be known, received shape: "
                         f"{tuple(inputs_shape.as_list())}")
    return depth


class _GatedCell(LayerRNNCell):
    """What the concrete cells share: constructor checks, build, and (unless overridden) state
    and output sizes of ``num_units``."""

    def __init__(self, num_units, activation=None, reuse=None, name=None, dtype=None, **kwargs):
        super().__init__(name=name, dtype=dtype, _reuse=reuse, **kwargs)
        if dtype is not None:
            _check_rnn_cell_input_dtype(dtype)
        self.input_spec = InputSpec(ndim=2)
        self._num_units = num_units
        self._activation = utils.get_activation(activation) if activation else math_ops.tanh

    @property
    def state_size(self):
        return self._num_units

    @property
    def output_size(self):
        return self._num_units

    def build(self, inputs_shape) -> None:
        _check_rnn_cell_input_dtype(self._dtype)
        self._build(_input_depth(inputs_shape))
        self.built = True

    def _build(self, input_depth: int) -> None:
        raise NotImplementedError


# ---- concrete cells ---------------------------------------------------------------------------


class BasicRNNCell(_GatedCell):
    """The most basic RNN cell: ``output = new_state = act(W [inputs, state] + b)``."""

    def _build(self, input_depth: int) -> None:
        self._kernel = self.add_weight("kernel", [input_depth + self._num_units, self._num_units])
        self._bias = self.add_weight("bias", [self._num_units],
                                     initializer=init_ops.zeros_initializer(dtype=self._dtype))

    def call(self, inputs, state):
        gate_inputs = math_ops.matmul(array_ops.concat([inputs, state], 1), self._kernel)
        gate_inputs = nn_ops.bias_add(gate_inputs, self._bias)
        output = self._activation(gate_inputs)
        return output, output


class GRUCell(_GatedCell):
    """Gated Recurrent Unit cell (Cho et al. 2014).

    ``gates/kernel`` and ``gates/bias`` (ones by default) give the reset and update gates,
    ``candidate/kernel`` and ``candidate/bias`` (zeros) the candidate state.
    """

    def __init__(self, num_units, activation=None, reuse=None, kernel_initializer=None,
                 bias_initializer=None, name=None, dtype=None, **kwargs):
        super().__init__(num_units, activation=activation, reuse=reuse, name=name, dtype=dtype,
                         **kwargs)
        self._kernel_initializer = utils.get_initializer(kernel_initializer)
        self._bias_initializer = utils.get_initializer(bias_initializer)

    def _build(self, input_depth: int) -> None:
        units = self._num_units
        gate_bias = self._bias_initializer or init_ops.constant_initializer(1.0,
                                                                            dtype=self._dtype)
        candidate_bias = self._bias_initializer or init_ops.zeros_initializer(dtype=self._dtype)
        self._gate_kernel = self.add_weight("gates/kernel", [input_depth + units, 2 * units],
                                            initializer=self._kernel_initializer)
        self._gate_bias = self.add_weight("gates/bias", [2 * units], initializer=gate_bias)
        self._candidate_kernel = self.add_weight("candidate/kernel", [input_depth + units, units],
                                                 initializer=self._kernel_initializer)
        self._candidate_bias = self.add_weight("candidate/bias", [units],
                                               initializer=candidate_bias)

    def call(self, inputs, state):
        gate_inputs = math_ops.matmul(array_ops.concat([inputs, state], 1), self._gate_kernel)
        gate_inputs = nn_ops.bias_add(gate_inputs, self._gate_bias)
        value = math_ops.sigmoid(gate_inputs)
        r, u = slicing_ops.split(value=value, num_or_size_splits=2, axis=1)
        r_state = r * state
        candidate = math_ops.matmul(array_ops.concat([inputs, r_state], 1),
                                    self._candidate_kernel)
        candidate = nn_ops.bias_add(candidate, self._candidate_bias)
        c = self._activation(candidate)
        new_h = u * state + (1 - u) * c
        return new_h, new_h


class BasicLSTMCell(_GatedCell):
    """Basic LSTM cell (Zaremba et al. 2014): no peepholes, no projection, no clipping.

    ``forget_bias`` (default 1.0) is added to the forget gate's pre-activation. With
    ``state_is_tuple`` (the default) the state is ``LSTMStateTuple(c, h)``, otherwise the two
    are concatenated along axis 1.
    """

    def __init__(self, num_units, forget_bias=1.0, state_is_tuple=True, activation=None,
                 reuse=None, name=None, dtype=None, **kwargs):
        super().__init__(num_units, activation=activation, reuse=reuse, name=name, dtype=dtype,
                         **kwargs)
        self._forget_bias = forget_bias
        self._state_is_tuple = state_is_tuple

    @property
    def state_size(self):
        if self._state_is_tuple:
            return LSTMStateTuple(self._num_units, self._num_units)
        return 2 * self._num_units

    @property
    def output_size(self):
        return self._num_units

    def _build(self, input_depth: int) -> None:
        units = self._num_units
        self._kernel = self.add_weight("kernel", [input_depth + units, 4 * units])
        self._bias = self.add_weight("bias", [4 * units],
                                     initializer=init_ops.zeros_initializer(dtype=self._dtype))

    def call(self, inputs, state):
        one = constant_op.constant(1, dtype=dtypes.int32)
        if self._state_is_tuple:
            c, h = state
        else:
            c, h = slicing_ops.split(value=state, num_or_size_splits=2, axis=one)
        gate_inputs = math_ops.matmul(array_ops.concat([inputs, h], 1), self._kernel)
        gate_inputs = nn_ops.bias_add(gate_inputs, self._bias)
        i, j, f, o = slicing_ops.split(value=gate_inputs, num_or_size_splits=4, axis=one)
        forget_bias = constant_op.constant(self._forget_bias, dtype=f.dtype)
        new_c = math_ops.add(math_ops.multiply(c, math_ops.sigmoid(math_ops.add(f, forget_bias))),
                             math_ops.multiply(math_ops.sigmoid(i), self._activation(j)))
        new_h = math_ops.multiply(self._activation(new_c), math_ops.sigmoid(o))
        if self._state_is_tuple:
            return new_h, LSTMStateTuple(new_c, new_h)
        return new_h, array_ops.concat([new_c, new_h], 1)


class LSTMCell(_GatedCell):
    """LSTM cell with optional peepholes (``w_f_diag``, ``w_i_diag``, ``w_o_diag``), cell
    clipping and an output projection (``projection/kernel``, Sak et al. 2014).

    ``initializer`` initializes the kernel, diagonals and projection (default glorot-uniform);
    the bias starts at zeros. Sharded variables (``num_unit_shards``, ``num_proj_shards``) need
    partitioned variables, which tfcompat does not have.
    """

    def __init__(self, num_units, use_peepholes=False, cell_clip=None, initializer=None,
                 num_proj=None, proj_clip=None, num_unit_shards=None, num_proj_shards=None,
                 forget_bias=1.0, state_is_tuple=True, activation=None, reuse=None, name=None,
                 dtype=None, **kwargs):
        super().__init__(num_units, activation=activation, reuse=reuse, name=name, dtype=dtype,
                         **kwargs)
        if num_unit_shards is not None or num_proj_shards is not None:
            raise ValueError("tfcompat's LSTMCell does not support num_unit_shards or "
                             "num_proj_shards: it has no partitioned variables")
        self._use_peepholes = use_peepholes
        self._cell_clip = cell_clip
        self._initializer = utils.get_initializer(initializer)
        self._num_proj = num_proj
        self._proj_clip = proj_clip
        self._forget_bias = forget_bias
        self._state_is_tuple = state_is_tuple

    @property
    def state_size(self):
        proj = self._num_proj if self._num_proj else self._num_units
        if self._state_is_tuple:
            return LSTMStateTuple(self._num_units, proj)
        return self._num_units + proj

    @property
    def output_size(self):
        return self._num_proj if self._num_proj else self._num_units

    def _build(self, input_depth: int) -> None:
        units = self._num_units
        h_depth = self._num_proj if self._num_proj is not None else units
        self._kernel = self.add_weight("kernel", [input_depth + h_depth, 4 * units],
                                       initializer=self._initializer)
        self._bias = self.add_weight("bias", [4 * units],
                                     initializer=init_ops.zeros_initializer(dtype=self._dtype))
        if self._use_peepholes:
            self._w_f_diag = self.add_weight("w_f_diag", [units], initializer=self._initializer)
            self._w_i_diag = self.add_weight("w_i_diag", [units], initializer=self._initializer)
            self._w_o_diag = self.add_weight("w_o_diag", [units], initializer=self._initializer)
        if self._num_proj is not None:
            self._proj_kernel = self.add_weight("projection/kernel", [units, self._num_proj],
                                                initializer=self._initializer)

    def call(self, inputs, state):
        units = self._num_units
        num_proj = units if self._num_proj is None else self._num_proj
        sigmoid = math_ops.sigmoid
        if self._state_is_tuple:
            c_prev, m_prev = state
        else:
            c_prev = slicing_ops.slice(state, [0, 0], [-1, units])
            m_prev = slicing_ops.slice(state, [0, units], [-1, num_proj])
        if inputs.shape.with_rank(2)[1].value is None:
            raise ValueError("Could not infer input size from inputs.get_shape()[-1]")
        lstm_matrix = math_ops.matmul(array_ops.concat([inputs, m_prev], 1), self._kernel)
        lstm_matrix = nn_ops.bias_add(lstm_matrix, self._bias)
        i, j, f, o = slicing_ops.split(value=lstm_matrix, num_or_size_splits=4, axis=1)
        if self._use_peepholes:
            c = (sigmoid(f + self._forget_bias + self._w_f_diag * c_prev) * c_prev
                 + sigmoid(i + self._w_i_diag * c_prev) * self._activation(j))
        else:
            c = sigmoid(f + self._forget_bias) * c_prev + sigmoid(i) * self._activation(j)
        if self._cell_clip is not None:
            c = math_ops.clip_by_value(c, -self._cell_clip, self._cell_clip)
        if self._use_peepholes:
            m = sigmoid(o + self._w_o_diag * c) * self._activation(c)
        else:
            m = sigmoid(o) * self._activation(c)
        if self._num_proj is not None:
            m = math_ops.matmul(m, self._proj_kernel)
            if self._proj_clip is not None:
                m = math_ops.clip_by_value(m, -self._proj_clip, self._proj_clip)
        if self._state_is_tuple:
            return m, LSTMStateTuple(c, m)
        return m, array_ops.concat([c, m], 1)


# ---- composite cells --------------------------------------------------------------------------


def assert_like_rnncell(cell_name: str, cell) -> None:
    """Raises TF's TypeError when ``cell`` lacks what an RNN cell must have."""
    problems = []
    if not hasattr(cell, "output_size"):
        problems.append("'output_size' property is missing")
    if not hasattr(cell, "state_size"):
        problems.append("'state_size' property is missing")
    if not (hasattr(cell, "zero_state") or hasattr(cell, "get_initial_state")):
        problems.append("either 'zero_state' or 'get_initial_state' method is required")
    if not callable(cell):
        problems.append("is not callable")
    if problems:
        raise TypeError(f"The argument {cell_name!r} ({cell}) is not an RNNCell: "
                        f"{', '.join(problems)}.")
