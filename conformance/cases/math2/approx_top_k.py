# approx_max_k (exact on CPU): values, indices, op type and gradients; TF's CPU build has no
# kernel for approx_min_k or other reduction dimensions.
x = tf.constant([[3.0, 1.0, 4.0, 1.5], [9.0, 2.0, 6.0, 5.0]])
results = [tf.math.approx_max_k(x, 2), tf.nn.approx_max_k(x, 1),
           tf.math.approx_max_k(tf.constant([[1.0, 7.0, 7.0]], tf.float16), 2)]
show_error(tf.math.approx_max_k, tf.constant([1.0], tf.float64), 1)
for values, indices in results:
    print(values.name, values.op.type, values.dtype.name, values.shape, indices.dtype.name,
          indices.shape)
g = tf.gradients(results[0][0] * [[1.0, 2.0], [3.0, 4.0]], x)
with tf.Session() as sess:
    for v in sess.run(results):
        print([a.tolist() for a in v])
    print(sess.run(g)[0])
print(tf.math.approx_min_k(x, 3)[0].shape, tf.nn.approx_min_k(x, 2, reduction_dimension=0)[0].shape)
