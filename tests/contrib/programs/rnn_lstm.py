# ruff: noqa: F821 - run by the conformance runner, which injects tf and np
# contrib.rnn cells with contrib.rnn.static_rnn (twin: conformance/cases/contrib/rnn_lstm.py).
rnn = tf.contrib.rnn
tf.set_random_seed(3)
steps, batch, depth, units = 4, 3, 2, 5
inputs = [tf.placeholder(tf.float32, [batch, depth], name=f"x{t}") for t in range(steps)]
target = tf.placeholder(tf.float32, [batch, units], name="target")
with tf.variable_scope("basic"):
    out_a, state_a = rnn.static_rnn(rnn.BasicLSTMCell(units), inputs, dtype=tf.float32)
with tf.variable_scope("block"):
    out_b, state_b = rnn.static_rnn(rnn.LSTMBlockCell(units, forget_bias=0.0), inputs,
                                    dtype=tf.float32)
with tf.variable_scope("gru"):
    out_c, state_c = rnn.static_rnn(rnn.GRUBlockCellV2(units), inputs, dtype=tf.float32)
loss = tf.reduce_mean(tf.square(out_a[-1] + out_b[-1] + out_c[-1] - target))
train = tf.train.AdamOptimizer(0.05).minimize(loss)
print([(v.name, v.shape.as_list()) for v in tf.trainable_variables()])
print(out_a[-1].name, out_b[-1].name, out_c[-1].name)
rng = np.random.RandomState(2)
feed = {x: rng.randn(batch, depth).astype(np.float32) for x in inputs}
feed[target] = rng.randn(batch, units).astype(np.float32)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(4):
        _, value = sess.run([train, loss], feed)
        print(step, round(float(value), 5))
    print(np.round(sess.run(state_b.c, feed), 4))
