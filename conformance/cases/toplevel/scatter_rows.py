# Variable row scatters: op types, default names, ref dtype, use_locking defaults, values with
# duplicate indices, scalar index/updates, integer division, empty indices.
v = tf.Variable([[1., 2.], [3., 4.], [5., 6.]], name="v")
for fn in ["scatter_update", "scatter_add", "scatter_sub", "scatter_mul", "scatter_div",
           "scatter_min", "scatter_max"]:
    out = getattr(tf, fn)(v, [0, 2], [[10., 20.], [30., 40.]])
    print(fn, out.op.type, out.op.name, out.dtype, out.shape, out.op.get_attr("use_locking"))
w = tf.Variable([[1., 2.], [3., 4.], [5., 6.]], name="w")
sess = tf.Session()
sess.run(w.initializer)
print(sess.run(tf.scatter_div(w, [0, 0], [[2., 2.], [2., 2.]])))
print(sess.run(tf.scatter_update(w, [1, 1], [[9., 9.], [8., 8.]])))
print(sess.run(tf.scatter_min(w, [2], [[0., 100.]])))
print(sess.run(tf.scatter_max(w, 2, [7., -1.])))
print(sess.run(tf.scatter_mul(w, [[0, 1]], [[[2., 3.], [4., 5.]]])))
print(sess.run(tf.scatter_add(w, [1], 1.5)))
print(sess.run(tf.scatter_update(w, np.zeros([0], np.int32), np.zeros([0, 2], np.float32))))
iv = tf.Variable([4, 5, 6], name="iv")
sess.run(iv.initializer)
print(sess.run(tf.scatter_div(iv, [0, 1], [-3, 2])))
print(sess.run(tf.scatter_mul(iv, [0, 0], [2, 3])))
print(sess.run(tf.scatter_update(iv, [1, 1], [7, 8])))
ph = tf.placeholder(tf.int32, [None])
print(tf.scatter_update(w, ph, tf.placeholder(tf.float32)).shape)
# Methods of tf.Variable take IndexedSlices.
delta = tf.IndexedSlices(tf.constant([[1., 1.]]), tf.constant([0]))
for method in ["scatter_update", "scatter_add", "scatter_sub", "scatter_mul", "scatter_div",
               "scatter_min", "scatter_max"]:
    out = getattr(w, method)(delta)
    print(method, out.op.type, out.op.name, out.op.get_attr("use_locking"))
print(sess.run(w.scatter_sub(delta)))
show_error(w.scatter_update, [1])
