"""``tf.contrib.rnn``: TF1's RNN cells and static RNNs under their contrib names.

The cells are ``tf.nn.rnn_cell``'s and the functions ``tf.nn``'s (looked up when first used).
``LSTMBlockCell`` and ``GRUBlockCellV2`` compute what ``BasicLSTMCell`` and ``GRUCell`` compute,
with the block cells' variable scopes (``lstm_cell``, ``gru_cell``) and variable names; TF runs
them as one fused op, tfcompat as the ops of the plain cells.
"""

from __future__ import annotations

from tfcompat.contrib._aliases import alias_getattr
from tfcompat.rnn.cells import BasicLSTMCell, GRUCell

_CELLS = ("BasicLSTMCell", "BasicRNNCell", "DeviceWrapper", "DropoutWrapper", "EmbeddingWrapper",
          "GRUCell", "InputProjectionWrapper", "LSTMCell", "LSTMStateTuple", "MultiRNNCell",
          "OutputProjectionWrapper", "RNNCell", "ResidualWrapper")
_FUNCTIONS = ("bidirectional_dynamic_rnn", "dynamic_rnn", "static_bidirectional_rnn",
              "static_rnn", "static_state_saving_rnn")
_TABLE = {name: ("tfcompat.rnn_cell", name) for name in _CELLS}
_TABLE.update({name: ("tfcompat.nn", name) for name in _FUNCTIONS})
_TABLE.update({"stack_bidirectional_rnn": ("tfcompat.rnn.bidirectional", "stack_bidirectional_rnn"),
               "stack_bidirectional_dynamic_rnn": ("tfcompat.rnn.bidirectional",
                                                   "stack_bidirectional_dynamic_rnn")})

# Names only: the ones tfcompat lacks yet raise "not supported" when looked up.
__all__ = ["GRUBlockCellV2", "LSTMBlockCell", *sorted(_TABLE)]


class LSTMBlockCell(BasicLSTMCell):
    """``BasicLSTMCell``'s LSTM (gates i, j, f, o; ``forget_bias`` added to f) in scope
    ``lstm_cell``. No cell clipping and no peepholes in tfcompat."""

    def __init__(self, num_units, forget_bias=1.0, cell_clip=None, use_peephole=False,
                 dtype=None, reuse=None, name="lstm_cell"):
        if cell_clip is not None and cell_clip > 0:
            raise NotImplementedError("tf.contrib.rnn.LSTMBlockCell(cell_clip=...) is not "
                                      "supported by tfcompat yet")
        if use_peephole:
            raise NotImplementedError("tf.contrib.rnn.LSTMBlockCell(use_peephole=True) is not "
                                      "supported by tfcompat yet")
        super().__init__(num_units, forget_bias=forget_bias, reuse=reuse, name=name,
                         dtype=dtype)


class GRUBlockCellV2(GRUCell):
    """``GRUCell``'s GRU in scope ``gru_cell`` (variables ``gates/kernel``, ``gates/bias``,
    ``candidate/kernel``, ``candidate/bias``)."""

    def __init__(self, num_units=None, cell_size=None, reuse=None, name="gru_cell"):
        if num_units is None:
            num_units = cell_size
        super().__init__(num_units, reuse=reuse, name=name)


__getattr__ = alias_getattr("tf.contrib.rnn", __name__, _TABLE)
