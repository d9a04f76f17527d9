"""Recurrent networks: TF1's cells (``tf.nn.rnn_cell``) and the functions that run them
(``tf.nn.static_rnn``, ``dynamic_rnn``, ``bidirectional_dynamic_rnn``...).

Model-level code above ``tfcompat.ops``: cells are ``tf.layers.Layer``s and create variables.
``structure`` holds the nested-state helpers, ``cells`` the cells, ``wrappers`` MultiRNNCell and
DropoutWrapper, ``static``/``dynamic``/``bidirectional`` the network builders.
"""
