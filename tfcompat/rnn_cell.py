"""``tf.nn.rnn_cell``: TF1's recurrent cells."""

from tfcompat.ops.rnn_cell_impl import (  # noqa: F401 - re-exports
    BasicLSTMCell,
    BasicRNNCell,
    DropoutWrapper,
    GRUCell,
    LSTMCell,
    LSTMStateTuple,
    MultiRNNCell,
    RNNCell,
)
from tfcompat.platform.unsupported import make_getattr

__getattr__ = make_getattr("tf.nn.rnn_cell", __name__)
