# get_variable: names, dtypes, default initializers (glorot_uniform for floats, zeros for ints).
w = tf.get_variable('w', shape=[2, 3])
i = tf.get_variable('i', shape=[2], dtype=tf.int32)
d = tf.get_variable('d', shape=[], dtype=tf.float64)
b = tf.get_variable('b', shape=[2], dtype=tf.bool)
for v in [w, i, d, b]:
    print(v, v.initializer.name, v.initial_value.name, v.initial_value.op.type)
g = tf.get_default_graph()
print([(op.name, op.type) for op in g.get_operations() if op.name.startswith('w')])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print(repr(sess.run(i)), repr(sess.run(b)), sess.run(w).shape, sess.run(d).dtype)
show_error(tf.get_variable, 'noshape')
