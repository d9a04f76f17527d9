# tf.while_loop options: shape_invariants with None dims, maximum_iterations,
# parallel_iterations, back_prop=False, return_same_structure, TensorArray loop variables.
graph = tf.get_default_graph()
sess = tf.Session()
x = tf.constant([[1., 2.]])
_, grown = tf.while_loop(lambda i, v: i < 3, lambda i, v: (i + 1, tf.concat([v, v], 0)),
                         [0, x], shape_invariants=[tf.TensorShape([]),
                                                   tf.TensorShape([None, 2])])
print(grown, sess.run(grown).shape)
show_error(tf.while_loop, lambda i, v: i < 3, lambda i, v: (i + 1, tf.concat([v, v], 0)),
           [0, x])
show_error(tf.while_loop, lambda v: True, lambda v: v, [x],
           shape_invariants=[tf.TensorShape([3, 2])])
r = tf.while_loop(lambda i: i < 100, lambda i: i + 1, [0], maximum_iterations=7)
print(r, sess.run(r))
r2 = tf.while_loop(lambda i, j: i < 100, lambda i, j: (i + 1, j * 2), (0, 1),
                   maximum_iterations=tf.constant(5), parallel_iterations=1)
print(r2, sess.run(r2))
r3 = tf.while_loop(lambda i: i < 3, lambda i: i + 1, [0], return_same_structure=True)
print(r3, sess.run(r3))
r4 = tf.while_loop(lambda i: i < 3, lambda i: [i + 1], [0])
print(r4)
w = tf.constant(2.)
r5 = tf.while_loop(lambda i, v: i < 3, lambda i, v: (i + 1, v * w), (0, w), back_prop=False)
print(tf.gradients(r5[1], w))
ta = tf.TensorArray(tf.int32, size=0, dynamic_size=True)
_, ta_out = tf.while_loop(lambda i, t: i < 4, lambda i, t: (i + 1, t.write(i, i * i)), (0, ta))
print(type(ta_out).__name__, ta_out.flow, sess.run(ta_out.stack()))
nested = tf.while_loop(lambda s: s["n"] < 3, lambda s: [{"n": s["n"] + 1, "v": s["v"] * 2.}],
                       [{"n": tf.constant(0), "v": tf.constant(1.)}])
print(nested, sess.run(nested))
print([op.name for op in graph.get_operations() if op.type == "Enter"
       and op.get_attr("parallel_iterations") == 1][:3])
show_error(tf.while_loop, lambda i: i < 3, lambda i: i + 1, [0], parallel_iterations=0)
show_error(tf.while_loop, lambda i: i < 3, lambda i: i + 1, [0], maximum_iterations=[1, 2])
