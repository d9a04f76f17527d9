# dynamic_rnn values over an unknown time dimension, sequence lengths and gradients.
tf.set_random_seed(7)
x = tf.placeholder(tf.float32, [None, None, 3], name="x")
sl = tf.placeholder(tf.int32, [None], name="sl")
cell = tf.nn.rnn_cell.MultiRNNCell([tf.nn.rnn_cell.LSTMCell(4), tf.nn.rnn_cell.GRUCell(3)])
out, st = tf.nn.dynamic_rnn(cell, x, sequence_length=sl, dtype=tf.float32)
print(out, st)
loss = tf.reduce_sum(out * out) + tf.reduce_sum(st[0].h)
variables = tf.trainable_variables()
print([v.name for v in variables])
grads = tf.gradients(loss, [x] + variables)
print([g.shape for g in grads])
value = np.random.RandomState(0).uniform(-1, 1, [3, 4, 3]).astype(np.float32)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    o, s = sess.run([out, st], {x: value, sl: [4, 2, 0]})
    print(np.round(o, 5))
    print([np.round(v, 5) for part in s for v in (part if isinstance(part, tuple) else [part])])
    for g in sess.run(grads, {x: value, sl: [4, 2, 0]}):
        print(np.round(g, 4))
    o2 = sess.run(out, {x: value[:, :2], sl: [2, 1, 2]})
    print(o2.shape, np.round(o2, 5))
    o3 = sess.run(out, {x: value, sl: [1, 1, 1]})
    print(o3.shape)
    try:
        sess.run(out, {x: value, sl: [1, 2]})
    except tf.errors.InvalidArgumentError as e:
        print("InvalidArgumentError", "Expected shape for Tensor rnn/sequence_length:0 is " in
              e.message)
