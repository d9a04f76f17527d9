# tf.approx_top_k (ApproxTopK): exact top k on CPU (last dim, max_k only), ties to the lower
# index; its gradient.
x = tf.constant([[1.0, 5.0, 3.0, 2.0, 5.0], [4.0, 0.0, 9.0, 1.0, 9.0]])
v, i = tf.approx_top_k(x, 2)
a, b = tf.math.approx_max_k(x, 3, name="mk")
print([(t.op.type, t.op.name, t.dtype.name, t.shape.as_list()) for t in (v, i, a, b)])
# TF cannot run a graph holding an ApproxTopK node it has no CPU kernel for: shapes elsewhere.
with tf.Graph().as_default():
    p = tf.placeholder(tf.float32, [None, None, 6])
    print(tf.math.approx_max_k(p, 3)[0].shape, tf.math.approx_min_k(p, 2)[1].shape)
    print(tf.math.approx_max_k(tf.placeholder(tf.float32, [2, 5, None]), 3,
                               reduction_dimension=1)[0].shape)
show_error(lambda: tf.approx_top_k(tf.constant([1, 2]), 1))
grad = tf.gradients(tf.reduce_sum(v * v), x)[0]
with tf.Session() as sess:
    print(sess.run([v, i, a, b]))
    print(sess.run(grad))
    print(sess.run(tf.approx_top_k(tf.constant([[0.5, -1.0], [2.0, 2.0]], tf.float16), 1)))
    print(sess.run(tf.approx_top_k(tf.zeros([3, 0]), 0)))
g = tf.Graph()
with g.as_default():
    mn = tf.math.approx_min_k(tf.constant([3.0, 1.0, 2.0]), 1)
    with tf.Session() as sess:
        show_error_contains(lambda: sess.run(mn),
                            "No OpKernel was registered to support Op 'ApproxTopK'")
