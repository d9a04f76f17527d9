# ResidualWrapper and DeviceWrapper around cells in dynamic_rnn.
tf.set_random_seed(1)
g = tf.get_default_graph()
x = tf.constant(np.ones([2, 3, 4], np.float32) * 0.1)
cell = tf.nn.rnn_cell.ResidualWrapper(tf.nn.rnn_cell.GRUCell(4))
print(cell.state_size, cell.output_size)
n = len(g.get_operations())
out, st = tf.nn.dynamic_rnn(cell, x, dtype=tf.float32)
names = [op.name for op in g.get_operations()[n:] if "gru_cell" not in op.name]
skip = ("Enter", "Next", "Exit")
print([nm for nm in names if "while/" in nm and not any(k in nm for k in skip)][-6:])
print([v.name for v in tf.global_variables()])
cell2 = tf.nn.rnn_cell.ResidualWrapper(tf.nn.rnn_cell.BasicRNNCell(4),
                                       residual_fn=lambda i, o: i * o)
out2, _ = tf.nn.dynamic_rnn(cell2, x, dtype=tf.float32, scope="r2")
cell3 = tf.nn.rnn_cell.DeviceWrapper(tf.nn.rnn_cell.BasicRNNCell(4), "/cpu:0")
out3, _ = tf.nn.dynamic_rnn(cell3, x, dtype=tf.float32, scope="r3")
print(cell3.state_size, [op.device for op in g.get_operations()
                         if op.name.startswith("r3/while/basic_rnn_cell/MatMul")][:1])
z = cell3.zero_state(2, tf.float32)
print(z)
s = tf.Session()
s.run(tf.global_variables_initializer())
for value in s.run([out, st, out2, out3]):
    print(np.round(value, 4))
show_error(tf.nn.dynamic_rnn, tf.nn.rnn_cell.ResidualWrapper(tf.nn.rnn_cell.GRUCell(3)), x,
           dtype=tf.float32, scope="bad")
