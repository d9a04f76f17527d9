# Scatter errors: static shape checks at graph build, index range and update shapes at run time,
# and no registered gradient.
w = tf.Variable([[1., 2.], [3., 4.], [5., 6.]], name="w")
sess = tf.Session()
sess.run(w.initializer)
show_error(tf.scatter_update, w, [0], [[1., 1., 1.]])
show_error(tf.scatter_nd_update, w, [[0]], [[1., 1., 1.]])
show_error_contains(lambda: sess.run(tf.scatter_update(w, [5], [[1., 1.]])),
                    "indices[0] = 5 is not in [0, 3)")
show_error_contains(lambda: sess.run(tf.scatter_add(w, [0, -1], [[1., 1.]] * 2)),
                    "indices[1] = -1 is not in [0, 3)")
show_error_contains(lambda: sess.run(tf.scatter_max(w, [3], [[1., 1.]])),
                    "indices[0] = 3 is not in [0, 3)")
show_error_contains(lambda: sess.run(tf.scatter_nd_update(w, [[5, 0]], [1.])),
                    "indices[0] = [5, 0] does not index into shape [3,2]")
show_error_contains(lambda: sess.run(tf.scatter_nd_add(w, [[1], [3]], [[1., 1.]] * 2)),
                    "indices[1] = [3] does not index into shape [3,2]")
show_error_contains(lambda: sess.run(tf.batch_scatter_update(w, [[7], [0], [1]],
                                                             [[1.], [1.], [1.]])),
                    "indices[0,0] = [0, 7] does not index into shape [3,2]")
updates = tf.placeholder_with_default(np.ones([1, 3], np.float32), None)
show_error_contains(lambda: sess.run(tf.scatter_update(w, [0], updates)),
                    "Must have updates.shape = indices.shape + params.shape[1:] or updates.shape"
                    " = [], got updates.shape [1,3], indices.shape [1], params.shape [3,2]")
print(sess.run(w))
show_error(tf.gradients, tf.scatter_update(w, [0], [[1., 1.]]), [w])
show_error(tf.gradients, tf.scatter_nd_add(w, [[0]], [[1., 1.]]), [w])
