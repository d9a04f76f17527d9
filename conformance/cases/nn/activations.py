# Activations and small nn helpers: op types, names and values.
x = tf.constant([[-2.0, -0.5, 0.0, 0.5, 7.0]], name='x')
ts = [tf.nn.relu(x), tf.nn.relu6(x), tf.nn.elu(x), tf.nn.softplus(x), tf.nn.sigmoid(x),
      tf.nn.tanh(x), tf.nn.softmax(x), tf.nn.log_softmax(x), tf.nn.leaky_relu(x),
      tf.nn.bias_add(x, tf.constant([1.0, 2.0, 3.0, 4.0, 5.0])), tf.nn.l2_loss(x)]
for t in ts:
    print(t.name, t.op.type, t.shape)
gs = tf.gradients([tf.reduce_sum(t) for t in ts], x)
print([g.name for g in gs])
with tf.Session() as sess:
    for v in sess.run(ts + gs):
        print(np.round(v, 5).tolist())
