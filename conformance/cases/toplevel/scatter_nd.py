# Variable index-tuple scatters and batch_scatter_update: op types, names, values.
w = tf.Variable([[1., 2.], [3., 4.], [5., 6.]], name="w")
for fn in ["scatter_nd_update", "scatter_nd_add", "scatter_nd_sub"]:
    out = getattr(tf, fn)(w, [[0], [2]], [[10., 20.], [30., 40.]])
    print(fn, out.op.type, out.op.name, out.dtype, out.shape, out.op.get_attr("use_locking"))
for method in ["scatter_nd_update", "scatter_nd_add", "scatter_nd_sub", "scatter_nd_max",
               "scatter_nd_min"]:
    out = getattr(w, method)([[0, 0]], [100.])
    print(method, out.op.type, out.op.name, out.op.get_attr("use_locking"))
sess = tf.Session()
sess.run(w.initializer)
print(sess.run(tf.scatter_nd_update(w, [[0, 1], [2, 0]], [-1., -2.])))
print(sess.run(tf.scatter_nd_add(w, [[0, 1], [0, 1]], [1., 1.])))
print(sess.run(tf.scatter_nd_sub(w, [[[0], [1]]], [[[1., 1.], [2., 2.]]])))
print(sess.run(w.scatter_nd_max([[1, 1], [2, 1]], [100., -100.])))
print(sess.run(w.scatter_nd_min([[1]], [[0., 0.]])))
print(sess.run(tf.scatter_nd_add(w, np.zeros([0, 2], np.int32), np.zeros([0], np.float32))))
print(tf.scatter_nd_update(w, tf.placeholder(tf.int32, [None, 2]),
                           tf.placeholder(tf.float32, [None])).shape)
out = tf.batch_scatter_update(w, [[1], [0], [1]], [[7.], [8.], [9.]])
print(out.op.type, out.op.name, out.shape)
print(sess.run(out))
out = tf.batch_scatter_update(w, [[1], [0], [1]], [[5.], [6.], [7.]], name="bsu")
print(out.op.type, out.op.name)
print(sess.run(out))
out = w.batch_scatter_update(tf.IndexedSlices(tf.constant([[3.], [2.], [1.]]),
                                              tf.constant([[0], [1], [0]])))
print(out.op.type, sess.run(out))
v3 = tf.Variable(np.zeros([2, 2, 3], np.float32), name="v3")
sess.run(v3.initializer)
print(sess.run(tf.batch_scatter_update(v3, [[[2], [0]], [[1], [1]]],
                                       [[[1.], [2.]], [[3.], [4.]]])))
