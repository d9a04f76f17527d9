# nn.relu and nn.softmax (default last axis, explicit axis, large logits stay finite).
x = tf.constant([[1.0, 2.0, 3.0], [-1.0, 0.0, 1000.0]])
ts = [tf.nn.relu(x), tf.nn.softmax(x), tf.nn.softmax(x, axis=0), tf.nn.softmax(x, dim=0),
      tf.nn.softmax(tf.constant([0.5, 0.5])), tf.nn.relu(tf.constant([-3, 4]))]
with tf.Session() as sess:
    for t, v in zip(ts, sess.run(ts)):
        print(t.dtype.name, t.shape, repr(v))  # softmax over axis 0 is built from transposes
