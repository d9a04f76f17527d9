"""``tf.contrib.seq2seq`` decoding: TrainingHelper, GreedyEmbeddingHelper, BasicDecoder,
dynamic_decode, tile_batch (TF 1.15's API and results).

TF runs ``dynamic_decode`` as a ``tf.while_loop`` that stops once every sequence is finished.
tfcompat unrolls it over a static bound -- the static time length of a TrainingHelper's inputs,
or ``maximum_iterations`` -- and masks: a step runs only while some sequence is unfinished, and
the outputs are cut to the number of steps TF's loop would have run (known at run time). Values,
shapes and the decoder's variable names (``decoder/<cell>/...``, ``decoder/dense/...``) match
TF's; the op names inside the loop do not.
"""

from __future__ import annotations

import collections

from tfcompat.contrib.framework.nest import flatten, map_structure, pack_sequence_as
from tfcompat.framework import dtypes, ops
from tfcompat.framework.ops import convert_to_tensor
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.ops import array_ops, math_ops, nn_ops, slicing_ops
from tfcompat.variables import variable_scope as vs

__all__ = ["BasicDecoder", "BasicDecoderOutput", "Decoder", "GreedyEmbeddingHelper", "Helper",
           "TrainingHelper", "dynamic_decode", "tile_batch"]


def _transpose_batch_time(x):
    rank = x.shape.ndims
    return array_ops.transpose(x, [1, 0] + list(range(2, rank)))


class Helper:
    """Base class of the helpers a BasicDecoder samples and reads its next inputs with."""

    @property
    def batch_size(self):
        raise NotImplementedError

    def initialize(self, name=None):
        raise NotImplementedError

    def sample(self, time, outputs, state, name=None):
        raise NotImplementedError

    def next_inputs(self, time, outputs, state, sample_ids, name=None):
        raise NotImplementedError


class TrainingHelper(Helper):
    """Feeds the ground-truth ``inputs[:, t]`` at step t (teacher forcing); a sequence is
    finished after ``sequence_length`` steps."""

    def __init__(self, inputs, sequence_length, time_major=False, name=None):
        with ops.name_scope(name, "TrainingHelper", [inputs, sequence_length]):
            inputs = convert_to_tensor(inputs, name="inputs")
            self._inputs = inputs if time_major else _transpose_batch_time(inputs)
            self._sequence_length = convert_to_tensor(sequence_length, name="sequence_length")
            if self._sequence_length.shape.ndims != 1:
                raise ValueError("Expected sequence_length to be a vector, but received shape: "
                                 f"{self._sequence_length.shape}")
            self._steps = self._inputs.shape[0].value
            self._batch_size = array_ops.size(self._sequence_length)
            self._zero_inputs = array_ops.zeros_like(self._inputs[0])

    @property
    def inputs(self):
        return self._inputs

    @property
    def sequence_length(self):
        return self._sequence_length

    @property
    def batch_size(self):
        return self._batch_size

    @property
    def sample_ids_shape(self):
        return TensorShape([])

    @property
    def sample_ids_dtype(self):
        return dtypes.int32

    @property
    def static_steps(self):
        return self._steps

    def _read(self, time):
        if self._steps is None:
            raise ValueError("tfcompat's TrainingHelper needs inputs with a static time length")
        if time >= self._steps:
            return self._zero_inputs
        return self._inputs[time]

    def initialize(self, name=None):
        with ops.name_scope(name, "TrainingHelperInitialize"):
            finished = math_ops.equal(0, self._sequence_length)
            return finished, self._read(0)

    def sample(self, time, outputs, state, name=None):
        with ops.name_scope(name, "TrainingHelperSample", [outputs]):
            return math_ops.argmax(outputs, axis=-1, output_type=dtypes.int32)

    def next_inputs(self, time, outputs, state, sample_ids, name=None):
        with ops.name_scope(name, "TrainingHelperNextInputs", [outputs, state]):
            finished = math_ops.greater_equal(time + 1, self._sequence_length)
            return finished, self._read(time + 1), state


class GreedyEmbeddingHelper(Helper):
    """Feeds back the embedding of the argmax of each step's output; a sequence is finished
    when it emits ``end_token``."""

    def __init__(self, embedding, start_tokens, end_token):
        if callable(embedding):
            self._embedding_fn = embedding
        else:
            params = convert_to_tensor(embedding, name="embedding")
            self._embedding_fn = lambda ids: nn_ops.embedding_lookup(params, ids)
        self._start_tokens = convert_to_tensor(start_tokens, dtype=dtypes.int32,
                                               name="start_tokens")
        self._end_token = convert_to_tensor(end_token, dtype=dtypes.int32, name="end_token")
        if self._start_tokens.shape.ndims != 1:
            raise ValueError("start_tokens must be a vector")
        if self._end_token.shape.ndims != 0:
            raise ValueError("end_token must be a scalar")
        self._batch_size = array_ops.size(self._start_tokens)
        self._start_inputs = self._embedding_fn(self._start_tokens)

    @property
    def batch_size(self):
        return self._batch_size

    @property
    def sample_ids_shape(self):
        return TensorShape([])

    @property
    def sample_ids_dtype(self):
        return dtypes.int32

    static_steps = None

    def initialize(self, name=None):
        return array_ops.zeros_like(self._start_tokens, dtype=dtypes.bool_), self._start_inputs

    def sample(self, time, outputs, state, name=None):
        if outputs.shape.ndims != 2:
            raise ValueError(f"Expected outputs to be a matrix of logits, got {outputs.shape}")
        return math_ops.argmax(outputs, axis=-1, output_type=dtypes.int32)

    def next_inputs(self, time, outputs, state, sample_ids, name=None):
        finished = math_ops.equal(sample_ids, self._end_token)
        return finished, self._embedding_fn(sample_ids), state


class BasicDecoderOutput(collections.namedtuple("BasicDecoderOutput",
                                                ("rnn_output", "sample_id"))):
    pass


class Decoder:
    """Base class of decoders ``dynamic_decode`` runs."""


class BasicDecoder(Decoder):
    """Runs ``cell`` one step at a time, projects its output with ``output_layer`` and lets
    ``helper`` pick the sample and the next input."""

    def __init__(self, cell, helper, initial_state, output_layer=None):
        if not callable(cell):
            raise TypeError(f"cell must be an RNNCell, received: {type(cell)}")
        if not isinstance(helper, Helper):
            raise TypeError(f"helper must be a Helper, received: {type(helper)}")
        self._cell = cell
        self._helper = helper
        self._initial_state = initial_state
        self._output_layer = output_layer

    @property
    def batch_size(self):
        return self._helper.batch_size

    def initialize(self, name=None):
        finished, first_inputs = self._helper.initialize()
        return finished, first_inputs, self._initial_state

    def step(self, time, inputs, state, name=None):
        with ops.name_scope(name, "BasicDecoderStep", [time, inputs, state]):
            cell_outputs, cell_state = self._cell(inputs, state)
            if self._output_layer is not None:
                cell_outputs = self._output_layer(cell_outputs)
            sample_ids = self._helper.sample(time=time, outputs=cell_outputs, state=cell_state)
            finished, next_inputs, next_state = self._helper.next_inputs(
                time=time, outputs=cell_outputs, state=cell_state, sample_ids=sample_ids)
        return BasicDecoderOutput(cell_outputs, sample_ids), next_state, next_inputs, finished


def dynamic_decode(decoder, output_time_major=False, impute_finished=False,
                   maximum_iterations=None, parallel_iterations=32, swap_memory=False,
                   scope=None):
    """Decodes until every sequence is finished (or ``maximum_iterations``).

    Returns ``(final_outputs, final_state, final_sequence_lengths)``: outputs batch-major
    (time-major with ``output_time_major``) over the steps run, the state after the last step,
    and each sequence's length (the step at which it finished, plus one).
    """
    del parallel_iterations, swap_memory
    if not isinstance(decoder, Decoder):
        raise TypeError(f"Expected decoder to be type Decoder, but saw: {type(decoder)}")
    bound = getattr(decoder._helper, "static_steps", None) if isinstance(
        decoder, BasicDecoder) else None
    if maximum_iterations is not None:
        maximum = int(maximum_iterations) if not isinstance(maximum_iterations, ops.Tensor) \
            else None
        if maximum is None:
            raise ValueError("tfcompat's dynamic_decode needs a Python int maximum_iterations")
        bound = maximum if bound is None else min(bound, maximum)
    if bound is None:
        raise ValueError("tfcompat unrolls dynamic_decode: it needs maximum_iterations, or a "
                         "TrainingHelper with a static time length")
    if bound <= 0:
        raise ValueError("tfcompat's dynamic_decode needs at least one step to unroll")
    with vs.variable_scope(scope, "decoder"):
        finished, inputs, state = decoder.initialize()
        lengths = array_ops.zeros_like(finished, dtype=dtypes.int32)
        steps_run = convert_to_tensor(0, dtype=dtypes.int32)
        outputs = []
        for time in range(bound):
            running = math_ops.logical_not(math_ops.reduce_all(finished))
            output, next_state, next_inputs, decoder_finished = decoder.step(time, inputs, state)
            next_finished = math_ops.logical_or(finished, decoder_finished)
            if maximum_iterations is not None and time + 1 >= bound:
                next_finished = math_ops.logical_not(array_ops.zeros_like(next_finished))
            # A sequence's length counts the steps that began with it unfinished.
            unfinished = math_ops.logical_and(running, math_ops.logical_not(finished))
            lengths = array_ops.select_v2(unfinished,
                                          array_ops.fill(array_ops.shape(lengths), time + 1),
                                          lengths)
            if impute_finished:
                output = map_structure(
                    lambda out, done=finished: array_ops.select_v2(
                        _column(done, out), array_ops.zeros_like(out), out), output)
                next_state = map_structure(
                    lambda new, cur, done=finished: array_ops.select_v2(_column(done, new), cur,
                                                                        new),
                    next_state, state)
            outputs.append(output)
            state = map_structure(lambda new, cur, run=running: array_ops.select_v2(run, new, cur),
                                  next_state, state)
            steps_run = steps_run + math_ops.cast(running, dtypes.int32)
            finished = array_ops.select_v2(running, next_finished, finished)
            inputs = next_inputs
        if not outputs:
            raise ValueError("dynamic_decode ran no step")
        flat = [array_ops.stack(list(step), axis=0)[:steps_run]
                for step in zip(*[flatten(o) for o in outputs])]
        final = pack_sequence_as(outputs[0], flat)
        if not output_time_major:
            final = map_structure(_transpose_batch_time, final)
        return final, state, lengths


def _column(condition, value):
    """``condition`` ``[batch]`` shaped to select over ``value`` ``[batch, ...]``."""
    rank = value.shape.ndims
    return array_ops.reshape(condition, [-1] + [1] * (rank - 1)) if rank and rank > 1 \
        else condition


def tile_batch(t, multiplier, name=None):
    """Repeats each batch entry ``multiplier`` times: ``[b, ...]`` -> ``[b * multiplier, ...]``
    with the copies of one entry next to each other (for beam search)."""

    def tile_one(value):
        value = convert_to_tensor(value)
        if value.shape.ndims == 0:
            raise ValueError("t must have statically known rank")
        tiled = array_ops.expand_dims(value, 1)
        multiples = [1, multiplier] + [1] * (value.shape.ndims - 1)
        tiled = slicing_ops.tile(tiled, multiples)
        shape = array_ops.shape(value)
        new_shape = array_ops.concat([shape[:1] * multiplier, shape[1:]], 0)
        result = array_ops.reshape(tiled, new_shape)
        static = value.shape.as_list()
        result.set_shape([None if static[0] is None else static[0] * multiplier, *static[1:]])
        return result

    with ops.name_scope(name, "tile_batch", flatten(t)):
        return map_structure(tile_one, t)
