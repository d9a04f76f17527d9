# Variable names, shapes, state/output sizes and static shapes of TF1's RNN cells inside
# tf.nn.dynamic_rnn and tf.nn.static_rnn; the op names of static_rnn (dynamic_rnn's loop ops
# differ from TF's while loop, so they are not printed).
rnn_cell = tf.nn.rnn_cell


def leaves(structure):
    if isinstance(structure, tuple):
        return [t for part in structure for t in leaves(part)]
    return [structure]


x = tf.placeholder(tf.float32, [2, 3, 4], name="x")
cells = [
    ("basic_rnn", lambda: rnn_cell.BasicRNNCell(3)),
    ("basic_lstm", lambda: rnn_cell.BasicLSTMCell(5)),
    ("basic_lstm_concat", lambda: rnn_cell.BasicLSTMCell(2, state_is_tuple=False)),
    ("lstm", lambda: rnn_cell.LSTMCell(3)),
    ("lstm_peep_proj", lambda: rnn_cell.LSTMCell(3, use_peepholes=True, num_proj=2)),
    ("gru", lambda: rnn_cell.GRUCell(3)),
    ("multi", lambda: rnn_cell.MultiRNNCell([rnn_cell.BasicLSTMCell(2), rnn_cell.GRUCell(3)])),
    ("dropout", lambda: rnn_cell.DropoutWrapper(rnn_cell.BasicRNNCell(2), output_keep_prob=0.5)),
]
for scope, make in cells:
    cell = make()
    print(scope, type(cell).__name__, cell.state_size, cell.output_size)
    with tf.variable_scope(scope):
        outputs, state = tf.nn.dynamic_rnn(cell, x, dtype=tf.float32)
    print("  outputs", outputs.name, outputs.shape)
    print("  state", isinstance(state, tuple) and type(state).__name__,
          [(t.shape, t.dtype.name) for t in leaves(state)])
    print("  variables", [(v.name, v.shape.as_list()) for v in cell.variables])
    print("  trainable", [v.name for v in cell.trainable_variables])
print([v.name for v in tf.trainable_variables()])

cell = rnn_cell.BasicLSTMCell(5)
print(cell.zero_state(7, tf.float32))
batch = tf.placeholder(tf.int32, [], name="batch")
print(cell.zero_state(batch, tf.float64))
multi = rnn_cell.MultiRNNCell([rnn_cell.BasicRNNCell(2), rnn_cell.BasicLSTMCell(3)])
print(multi.zero_state(4, tf.float32))

tf.reset_default_graph()
x = tf.placeholder(tf.float32, [None, 4], name="x")
steps = [x * float(i + 1) for i in range(2)]
cell = rnn_cell.BasicLSTMCell(3)
outputs, state = tf.nn.static_rnn(cell, steps, dtype=tf.float32)
print(outputs)
print(state)
for op in tf.get_default_graph().get_operations():
    if "Initializer" not in op.name:
        print(op.name, op.type, [t.name for t in op.inputs])
