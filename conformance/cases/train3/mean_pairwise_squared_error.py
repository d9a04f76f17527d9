# tf.losses.mean_pairwise_squared_error: graph (op names/types), values with scalar, per-row and
# zero weights, rank-3 inputs, unknown shapes, gradients, the LOSSES collection and errors.
# ruff: noqa: F821 - the runner injects tf, np, show_error and show_error_contains
labels = tf.constant([[0., 1., 3.], [2., 2., 2.]])
predictions = tf.Variable([[1., 1., 1.], [0., 2., 5.]], name="p")
n0 = len(tf.get_default_graph().get_operations())
loss = tf.losses.mean_pairwise_squared_error(labels, predictions)
print(loss, [(o.name, o.type) for o in tf.get_default_graph().get_operations()[n0:]])
losses = [loss,
          tf.losses.mean_pairwise_squared_error(labels, predictions, weights=[[2.], [0.5]]),
          tf.losses.mean_pairwise_squared_error(labels, predictions, weights=[[0.], [3.]]),
          tf.losses.mean_pairwise_squared_error(labels, predictions, weights=0.),
          tf.losses.mean_pairwise_squared_error(
              np.arange(24, dtype=np.float32).reshape(2, 3, 4),
              np.linspace(-2, 2, 24, dtype=np.float32).reshape(2, 3, 4), scope="rank3"),
          tf.losses.mean_pairwise_squared_error(tf.constant([[1, 2]]), tf.constant([[3, 7]]),
                                                loss_collection=None)]
print(losses)
print(tf.get_collection(tf.GraphKeys.LOSSES))
ph_l = tf.placeholder(tf.float32, [None, None])
ph_p = tf.placeholder(tf.float32, [None, None])
dynamic = tf.losses.mean_pairwise_squared_error(ph_l, ph_p, weights=tf.constant([[1.], [2.]]))
print(dynamic)
grad = tf.gradients(losses[1], predictions)[0]
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print([round(float(v), 5) for v in sess.run(losses)])
    print(np.round(sess.run(grad), 5).tolist())
    print(round(float(sess.run(dynamic, {ph_l: [[0., 1.], [1., 5.]],
                                         ph_p: [[1., 1.], [2., 2.]]})), 5))
show_error(tf.losses.mean_pairwise_squared_error, None, predictions)
show_error(tf.losses.mean_pairwise_squared_error, labels, None)
show_error(tf.losses.mean_pairwise_squared_error, labels, tf.zeros([2, 4]))
show_error(tf.losses.mean_pairwise_squared_error, labels, predictions, weights=[1., 2., 3.])
