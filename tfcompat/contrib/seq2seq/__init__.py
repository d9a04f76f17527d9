"""``tf.contrib.seq2seq``: sequence_loss, the training and greedy helpers, BasicDecoder,
dynamic_decode (unrolled, see ``decode``), tile_batch, Bahdanau and Luong attention with
AttentionWrapper. Beam search is not provided yet and raises the usual "not supported" error."""

# ruff: noqa: F401
from tfcompat.contrib._aliases import make_getattr
from tfcompat.contrib.seq2seq.attention import (
    AttentionWrapper,
    AttentionWrapperState,
    BahdanauAttention,
    LuongAttention,
)
from tfcompat.contrib.seq2seq.decode import (
    BasicDecoder,
    BasicDecoderOutput,
    Decoder,
    GreedyEmbeddingHelper,
    Helper,
    TrainingHelper,
    dynamic_decode,
    tile_batch,
)
from tfcompat.contrib.seq2seq.loss import sequence_loss

__getattr__ = make_getattr("tf.contrib.seq2seq", __name__)
