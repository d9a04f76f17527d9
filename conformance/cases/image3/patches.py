# tf.extract_volume_patches (values, shapes, gradient) and tf.image.extract_patches.
x = np.arange(2 * 4 * 5 * 6 * 3, dtype=np.float32).reshape(2, 4, 5, 6, 3)
p = tf.placeholder(tf.float32, [2, 4, 5, 6, 3])
outs = []
for k, s, pad in [([1, 2, 2, 2, 1], [1, 1, 1, 1, 1], "VALID"),
                  ([1, 2, 3, 2, 1], [1, 2, 2, 3, 1], "SAME"),
                  ([1, 1, 1, 1, 1], [1, 1, 1, 1, 1], "VALID"),
                  ([1, 3, 2, 4, 1], [1, 2, 1, 2, 1], "SAME")]:
    y = tf.extract_volume_patches(p, k, s, pad)
    outs.append(y)
    print(y.op.type, y.op.name, y.shape)
grad = tf.gradients(tf.reduce_sum(outs[1] * outs[1]), p)[0]
# (TF's shape function gives an unknown-sized 5-D input a rank-4 static shape; tfcompat keeps
# rank 5 -- a deliberate difference, so not printed here.)
with tf.Session() as sess:
    values = sess.run(outs + [grad], {p: x})
for v in values[:4]:
    print(v.shape, float(v.sum()), v.reshape(-1)[:12].tolist(), v.reshape(-1)[-12:].tolist())
    print(v[1, 1, 1, 1].tolist())
print(float(values[4].sum()), values[4].reshape(-1)[:10].tolist(), values[4][1, 2, 3, 4].tolist())
d = tf.extract_volume_patches(tf.constant(np.arange(8.0).reshape(1, 2, 2, 2, 1)),
                              [1, 2, 2, 2, 1], [1, 1, 1, 1, 1], "SAME", name="vol")
with tf.Session() as sess:
    print(d.op.name, d.dtype.name, sess.run(d)[0, 1, 1, 1].tolist())
show_error(tf.extract_volume_patches, p, [1, 2, 2, 1], [1, 1, 1, 1, 1], "VALID")
show_error(tf.extract_volume_patches, p, [1, 2, 2, 2, 1], [1, 1, 1, 1, 1], "FOO")
show_error_contains(lambda: tf.extract_volume_patches(tf.placeholder(tf.float32, [2, 3]),
                                                      [1, 2, 2, 2, 1], [1, 1, 1, 1, 1],
                                                      "VALID"), "Shape must be rank 5")
q = tf.constant(np.arange(50, dtype=np.float32).reshape(1, 5, 5, 2))
e = tf.image.extract_patches(q, sizes=[1, 2, 3, 1], strides=[1, 2, 1, 1], rates=[1, 1, 2, 1],
                             padding="SAME")
with tf.Session() as sess:
    print(e.op.type, e.op.name, e.shape, sess.run(e)[0, 1].tolist())
