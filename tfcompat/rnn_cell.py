"""``tf.nn.rnn_cell``: TF1's recurrent cells."""

from tfcompat.platform.unsupported import make_getattr
from tfcompat.rnn.cells import (  # noqa: F401 - re-exports
    BasicLSTMCell,
    BasicRNNCell,
    GRUCell,
    LSTMCell,
    LSTMStateTuple,
    RNNCell,
)
from tfcompat.rnn.wrappers import (  # noqa: F401
    DeviceWrapper,
    DropoutWrapper,
    MultiRNNCell,
    ResidualWrapper,
)

__getattr__ = make_getattr("tf.nn.rnn_cell", __name__)
