# reverse_sequence, bidirectional_dynamic_rnn and static_bidirectional_rnn: graphs and values.
tf.set_random_seed(11)
graph = tf.get_default_graph()
x = tf.placeholder(tf.float32, [None, None, 3], name="x")
sl = tf.placeholder(tf.int32, [None], name="sl")
r = tf.reverse_sequence(x, sl, seq_axis=1, batch_axis=0)
r2 = tf.reverse_sequence(x, tf.constant([2, 1], tf.int64), 1, 0, name="rs")
print(r, r2, r.op.get_attr("seq_dim"), r.op.get_attr("batch_dim"), r2.op.get_attr("Tlen"))
sess = tf.Session()
v = np.arange(18.).reshape(2, 3, 3).astype(np.float32)
print(sess.run(r, {x: v, sl: [2, 3]}))
weights = tf.constant(np.arange(18.).reshape(2, 3, 3), tf.float32)
print(sess.run(tf.gradients(tf.reduce_sum(r * weights), x)[0], {x: v, sl: [0, 3]}))
for lengths in ([4, 3], [1, 2, 3]):
    try:
        sess.run(r, {x: v, sl: lengths})
    except tf.errors.InvalidArgumentError:
        print("InvalidArgumentError")
start = len(graph.get_operations())
(of, ob), (sf, sb) = tf.nn.bidirectional_dynamic_rnn(
    tf.nn.rnn_cell.GRUCell(2), tf.nn.rnn_cell.GRUCell(2), x, sequence_length=sl,
    dtype=tf.float32)
names = [op.name for op in graph.get_operations()[start:] if "/while/" not in op.name]
print(len(names), [n for n in names if "Reverse" in n or n.endswith("transpose_1")])
print(of, ob, sf, sb)
print([v.name for v in tf.trainable_variables()])
(tf_, tb), _ = tf.nn.bidirectional_dynamic_rnn(
    tf.nn.rnn_cell.BasicRNNCell(2), tf.nn.rnn_cell.BasicRNNCell(3),
    tf.transpose(x, [1, 0, 2]), dtype=tf.float32, time_major=True, scope="tm")
print(tf_, tb, [op.name for op in graph.get_operations() if op.type == "ReverseV2"])
steps = [tf.placeholder(tf.float32, [2, 3], name=f"s{k}") for k in range(3)]
outs, st_fw, st_bw = tf.nn.static_bidirectional_rnn(
    tf.nn.rnn_cell.BasicRNNCell(2), tf.nn.rnn_cell.BasicRNNCell(2), steps,
    sequence_length=tf.constant([3, 1]), dtype=tf.float32)
print(outs, st_fw.shape, st_bw.shape)
sess.run(tf.global_variables_initializer())
feed = {x: v / 10, sl: [3, 1]}
for value in sess.run([of, ob, sf, sb], feed):
    print(np.round(value, 5))
for value in sess.run([tf_, tb], {x: v / 10}):
    print(np.round(value, 5))
step_feed = {s: v[:, k] / 10 for k, s in enumerate(steps)}
for value in sess.run(outs + [st_fw, st_bw], step_feed):
    print(np.round(value, 5))
loss = tf.reduce_sum(of * ob) + tf.reduce_sum(sb)
print(np.round(sess.run(tf.gradients(loss, x)[0], feed), 5))
show_error(tf.nn.static_bidirectional_rnn, tf.nn.rnn_cell.BasicRNNCell(2),
           tf.nn.rnn_cell.BasicRNNCell(2), [], dtype=tf.float32)
