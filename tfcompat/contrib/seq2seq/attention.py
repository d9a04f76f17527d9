"""``tf.contrib.seq2seq`` attention (TF 1.15's API): BahdanauAttention, LuongAttention,
AttentionWrapper, AttentionWrapperState.

A mechanism holds ``memory`` (``[batch, max_time, depth]``, zeroed past
``memory_sequence_length``) and its keys, ``memory_layer(memory)`` (a Dense layer without bias,
built at construction: variable ``memory_layer/kernel``). Called with a query it returns the
alignments ``softmax(score)``, scores past each memory length masked to -inf:

- Bahdanau (additive): ``score = sum(v * tanh(keys + query_layer(query)), -1)``, with
  ``attention_v`` and ``query_layer`` made in scope ``bahdanau_attention``;
- Luong (multiplicative): ``score = keys @ query`` (times a scalar ``attention_g`` if ``scale``).

``AttentionWrapper`` feeds ``concat(inputs, previous attention)`` to the cell; the new attention
is ``attention_layer(concat(cell_output, context))`` (no bias) when ``attention_layer_size`` is
given, else the context ``alignments @ memory``; it outputs the attention (or the cell output
with ``output_attention=False``). Normalized Bahdanau, monotonic attention and several
mechanisms at once are not supported.
"""

from __future__ import annotations

import collections

import numpy as np

from tfcompat.framework import dtypes, ops
from tfcompat.framework.ops import convert_to_tensor
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.layers import core as core_layers
from tfcompat.ops import array_ops, math_ops, nn_ops
from tfcompat.rnn.cells import RNNCell
from tfcompat.rnn.structure import zero_state_tensors
from tfcompat.variables import init_ops
from tfcompat.variables import variable_scope as vs

__all__ = ["AttentionWrapper", "AttentionWrapperState", "BahdanauAttention", "LuongAttention"]


def _sequence_mask(lengths, max_time):
    positions = array_ops.expand_dims(math_ops.range(max_time), 0)
    return math_ops.less(positions, array_ops.expand_dims(math_ops.cast(lengths, dtypes.int32),
                                                          1))


class _AttentionMechanism:
    def __init__(self, num_units, memory, memory_sequence_length, score_mask_value, dtype,
                 name: str, query_layer):
        with ops.name_scope(name, f"{type(self).__name__}Init", [memory]):
            memory = convert_to_tensor(memory, name="memory")
            if memory.shape.ndims != 3 or memory.shape[2].value is None:
                raise ValueError("memory must be [batch_size, max_time, depth] with a static "
                                 f"depth, got {memory.shape}")
            dtype = dtypes.as_dtype(dtype or memory.dtype)
            self._max_time = memory.shape[1].value
            if self._max_time is None:
                raise ValueError("tfcompat's attention needs memory with a static max_time")
            self._memory_sequence_length = memory_sequence_length
            if memory_sequence_length is not None:
                mask = math_ops.cast(_sequence_mask(memory_sequence_length, self._max_time),
                                     memory.dtype)
                memory = memory * array_ops.expand_dims(mask, 2)
            self._values = memory
            self.memory_layer = core_layers.Dense(num_units, name="memory_layer",
                                                  use_bias=False, dtype=dtype)
            self._keys = self.memory_layer(memory)
            self.query_layer = query_layer
            self._num_units = num_units
            self._batch_size = memory.shape[0].value
            if self._batch_size is None:
                self._batch_size = array_ops.shape(memory)[0]
            self._score_mask_value = (float("-inf") if score_mask_value is None
                                      else score_mask_value)
            self.dtype = dtype
            self._scope = None

    def _in_scope(self, default_name: str, query):
        """The mechanism's variable scope: made on the first call, reused after (tfcompat
        unrolls the decoding loop TF builds once)."""
        if self._scope is None:
            return vs.variable_scope(None, default_name, [query])
        return vs.variable_scope(self._scope, reuse=True)

    @property
    def values(self):
        return self._values

    @property
    def keys(self):
        return self._keys

    @property
    def alignments_size(self):
        return self._max_time

    @property
    def state_size(self):
        return self._max_time

    def initial_alignments(self, batch_size, dtype):
        return zero_state_tensors(self._max_time, batch_size, dtype)

    def initial_state(self, batch_size, dtype):
        return self.initial_alignments(batch_size, dtype)

    def _alignments(self, score):
        if self._memory_sequence_length is not None:
            mask = _sequence_mask(self._memory_sequence_length, self._max_time)
            masked = array_ops.fill(array_ops.shape(score),
                                    np.array(self._score_mask_value, score.dtype.as_numpy_dtype))
            score = array_ops.select_v2(mask, score, masked)
        return nn_ops.softmax(score)


class BahdanauAttention(_AttentionMechanism):
    """Additive attention (Bahdanau et al., 2015)."""

    def __init__(self, num_units, memory, memory_sequence_length=None, normalize=False,
                 probability_fn=None, score_mask_value=None, dtype=None,
                 custom_key_value_fn=None, name="BahdanauAttention"):
        for option, value in (("normalize", normalize), ("probability_fn", probability_fn),
                              ("custom_key_value_fn", custom_key_value_fn)):
            if value:
                raise NotImplementedError(f"tf.contrib.seq2seq.BahdanauAttention({option}=...) "
                                          "is not supported by tfcompat yet")
        query_layer = core_layers.Dense(num_units, name="query_layer", use_bias=False,
                                        dtype=dtype)
        super().__init__(num_units, memory, memory_sequence_length, score_mask_value, dtype,
                         name, query_layer)

    def __call__(self, query, state):
        with self._in_scope("bahdanau_attention", query) as self._scope:
            processed = array_ops.expand_dims(self.query_layer(query), 1)
            v = vs.get_variable("attention_v", [self._num_units], dtype=self.dtype)
            score = math_ops.reduce_sum(v * math_ops.tanh(self._keys + processed), [2])
            alignments = self._alignments(score)
        return alignments, alignments


class LuongAttention(_AttentionMechanism):
    """Multiplicative attention (Luong et al., 2015)."""

    def __init__(self, num_units, memory, memory_sequence_length=None, scale=False,
                 probability_fn=None, score_mask_value=None, dtype=None,
                 custom_key_value_fn=None, name="LuongAttention"):
        for option, value in (("probability_fn", probability_fn),
                              ("custom_key_value_fn", custom_key_value_fn)):
            if value:
                raise NotImplementedError(f"tf.contrib.seq2seq.LuongAttention({option}=...) is "
                                          "not supported by tfcompat yet")
        self._scale = scale
        super().__init__(num_units, memory, memory_sequence_length, score_mask_value, dtype,
                         name, None)

    def __call__(self, query, state):
        with self._in_scope("luong_attention", query) as self._scope:
            if query.shape[-1].value != self._keys.shape[-1].value:
                raise ValueError("Incompatible or unknown inner dimensions between query and "
                                 f"keys.  Query ({query}) has units: {query.shape[-1].value}.  "
                                 f"Keys ({self._keys}) have units: {self._keys.shape[-1].value}."
                                 "  Perhaps you need to set num_units to the keys' dimension "
                                 f"({query.shape[-1].value})?")
            score = array_ops.squeeze(math_ops.matmul(array_ops.expand_dims(query, 1),
                                                      self._keys, transpose_b=True), [1])
            if self._scale:
                g = vs.get_variable("attention_g", shape=(), dtype=self.dtype,
                                    initializer=init_ops.ones_initializer())
                score = g * score
            alignments = self._alignments(score)
        return alignments, alignments


class AttentionWrapperState(collections.namedtuple(
        "AttentionWrapperState", ("cell_state", "attention", "time", "alignments",
                                  "alignment_history", "attention_state"))):
    """The state of an AttentionWrapper; ``clone(cell_state=...)`` replaces parts."""

    def clone(self, **kwargs):
        return self._replace(**kwargs)


class AttentionWrapper(RNNCell):
    """Wraps ``cell`` with attention over ``attention_mechanism``'s memory."""

    def __init__(self, cell, attention_mechanism, attention_layer_size=None,
                 alignment_history=False, cell_input_fn=None, output_attention=True,
                 initial_cell_state=None, name=None, attention_layer=None, attention_fn=None):
        if isinstance(attention_mechanism, (list, tuple)):
            raise NotImplementedError("tf.contrib.seq2seq.AttentionWrapper with several "
                                      "attention mechanisms is not supported by tfcompat yet")
        for option, value in (("alignment_history", alignment_history),
                              ("attention_layer", attention_layer),
                              ("attention_fn", attention_fn)):
            if value:
                raise NotImplementedError(f"tf.contrib.seq2seq.AttentionWrapper({option}=...) "
                                          "is not supported by tfcompat yet")
        super().__init__(name=name)
        self._cell = cell
        self._mechanism = attention_mechanism
        self._cell_input_fn = cell_input_fn or (
            lambda inputs, attention: array_ops.concat([inputs, attention], -1))
        self._output_attention = output_attention
        self._initial_cell_state = initial_cell_state
        self._attention_layer = None
        self._attention_layer_size = attention_mechanism.values.shape[-1].value
        if attention_layer_size is not None:
            self._attention_layer = core_layers.Dense(attention_layer_size,
                                                      name="attention_layer", use_bias=False,
                                                      dtype=attention_mechanism.dtype)
            self._attention_layer_size = attention_layer_size

    def _sub_cells(self) -> list:
        return [self._cell]

    @property
    def output_size(self):
        return self._attention_layer_size if self._output_attention else self._cell.output_size

    @property
    def state_size(self):
        return AttentionWrapperState(
            cell_state=self._cell.state_size, time=TensorShape([]),
            attention=self._attention_layer_size,
            alignments=self._mechanism.alignments_size, alignment_history=(),
            attention_state=self._mechanism.state_size)

    def zero_state(self, batch_size, dtype):
        with ops.name_scope(None, f"{type(self).__name__}ZeroState", [batch_size]):
            cell_state = self._initial_cell_state
            if cell_state is None:
                cell_state = self._cell.zero_state(batch_size, dtype)
            return AttentionWrapperState(
                cell_state=cell_state, time=array_ops.zeros([], dtype=dtypes.int32),
                attention=zero_state_tensors(self._attention_layer_size, batch_size, dtype),
                alignments=self._mechanism.initial_alignments(batch_size, dtype),
                alignment_history=(),
                attention_state=self._mechanism.initial_state(batch_size, dtype))

    def call(self, inputs, state):
        if not isinstance(state, AttentionWrapperState):
            raise TypeError("Expected state to be instance of AttentionWrapperState. Received "
                            f"type {type(state)} instead.")
        cell_inputs = self._cell_input_fn(inputs, state.attention)
        cell_output, next_cell_state = self._cell(cell_inputs, state.cell_state)
        alignments, next_attention_state = self._mechanism(cell_output,
                                                           state=state.attention_state)
        context = array_ops.squeeze(math_ops.matmul(array_ops.expand_dims(alignments, 1),
                                                    self._mechanism.values), [1])
        if self._attention_layer is not None:
            attention = self._attention_layer(array_ops.concat([cell_output, context], 1))
        else:
            attention = context
        next_state = AttentionWrapperState(
            time=state.time + 1, cell_state=next_cell_state, attention=attention,
            attention_state=next_attention_state, alignments=alignments,
            alignment_history=())
        return (attention if self._output_attention else cell_output), next_state
