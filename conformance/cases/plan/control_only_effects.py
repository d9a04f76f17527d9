# Ops with effects run even when only control edges consume them: Assert, CheckNumerics,
# random ops (their stream advances), py_func (stateful by default), an unfed placeholder.
p = tf.placeholder(tf.float32, [None])
a = tf.Assert(tf.reduce_all(p > 0), [p])
with tf.control_dependencies([a]):
    y = tf.identity(p) * 2.0
with tf.Session() as sess:
    show_error_contains(lambda: sess.run(y, {p: [-1.0]}), "assertion failed")
    show_error(sess.run, y, {p: [1.0]})

tf.reset_default_graph()
p = tf.placeholder(tf.float32, [None])
with tf.control_dependencies([tf.debugging.check_numerics(p, "bad value")]):
    y = tf.identity(p) * 2.0
with tf.Session() as sess:
    show_error_contains(lambda: sess.run(y, {p: [np.nan]}), "bad value")

# The random op feeds only a skipped Mul: it runs all the same.
tf.reset_default_graph()
p = tf.placeholder(tf.float32, [None])
r = tf.random_uniform([2], seed=1)
with tf.control_dependencies([r * 2.0]):
    z = tf.identity(p)
with tf.Session() as sess:
    sess.run(z, {p: [1.0]})
    print(np.round(sess.run(r), 5))
with tf.Session() as sess:
    print(np.round(sess.run(r), 5))

# A stateful py_func runs; its result is unused.
tf.reset_default_graph()
calls = []
p = tf.placeholder(tf.float32, [None])
f = tf.py_func(lambda x: (calls.append(1), x)[1], [p], tf.float32)
with tf.control_dependencies([f * 2.0]):
    y = tf.identity(p) * 3.0
with tf.Session() as sess:
    print(sess.run(y, {p: [1.0]}), len(calls))

# An unfed placeholder under a control dependency (directly, or through a skipped op) fails.
tf.reset_default_graph()
p = tf.placeholder(tf.float32, [None])
q = tf.placeholder(tf.float32, [None])
with tf.control_dependencies([q]):
    y = tf.identity(p) * 2.0
with tf.control_dependencies([q * 3.0]):
    y2 = tf.identity(p) * 2.0
with tf.Session() as sess:
    show_error_contains(lambda: sess.run(y, {p: [1.0]}), "must feed a value")
    show_error_contains(lambda: sess.run(y2, {p: [1.0]}), "must feed a value")
