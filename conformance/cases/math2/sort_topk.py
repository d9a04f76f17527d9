# top_k / in_top_k / sort / argsort: values, ties, op types and gradients.
x = tf.constant([[3.0, 1.0, 3.0, 2.0], [0.5, 4.0, -1.0, 4.0]], tf.float64)
vals, idx = tf.nn.top_k(x, k=3)
ts = [vals, idx, tf.math.top_k(x)[0], tf.nn.top_k(tf.constant([1, 5, 2]), 2)[1],
      tf.nn.in_top_k(tf.constant([[0.1, 0.9, 0.0], [0.5, 0.2, 0.3]]), [1, 2], 1),
      tf.math.in_top_k(tf.constant([[0.1, 0.9, 0.0], [0.5, 0.2, 0.3]]), [1, 2], 2),
      tf.sort(x), tf.sort(x, direction="DESCENDING"), tf.sort(x, axis=0),
      tf.argsort(x), tf.argsort(x, direction="DESCENDING", axis=0),
      tf.sort(tf.constant([3, 1, 2]))]
for t in ts:
    print(t.name, t.op.type, t.dtype.name, t.shape)
g = tf.gradients([vals * tf.constant([1.0, 2.0, 3.0], tf.float64), tf.sort(x, axis=0)], x)
with tf.Session() as sess:
    for v in sess.run(ts):
        print(np.array2string(np.asarray(v), precision=6))
    print(np.array2string(sess.run(g)[0], precision=6))
show_error(tf.nn.top_k, x, 5)
# TF reads k only after the rank check, so its message lists no computed inputs here.
show_error_contains(lambda: tf.nn.top_k(tf.constant(1.0), 1),
                    "Shape must be at least rank 1 but is rank 0")
