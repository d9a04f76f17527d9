# A stateless op whose outputs only control edges consume, and that is not fetched, does not
# run (TF's grappler dependency optimizer makes it a NoOp), transitively: its kernel's failure
# never surfaces. Fetched or run as a target, it runs.
FEED = [1.0, 2.0, 3.0, 4.0]

p = tf.placeholder(tf.float32, [None])
bad = tf.reshape(p, [3])  # fails for 4 elements
with tf.control_dependencies([bad]):
    y = tf.identity(p) * 2.0
with tf.Session() as sess:
    show_error(sess.run, y, {p: FEED})
    show_error(sess.run, tf.group(bad), {p: FEED})
    show_error_contains(lambda: sess.run(bad, {p: FEED}), "Input to reshape")
    show_error_contains(lambda: sess.run(bad.op, {p: FEED}), "Input to reshape")
    show_error(sess.run, [y, bad], {p: [1.0, 2.0, 3.0]})

# Transitively: Neg and Add only feed a control dependency; so does the Identity chain.
tf.reset_default_graph()
p = tf.placeholder(tf.float32, [None])
bad = tf.reshape(p, [3])
n = tf.negative(bad) + 1.0
with tf.control_dependencies([n]):
    mid = tf.identity(p) + 1.0
with tf.control_dependencies([mid]):
    out = tf.identity(p) * 5.0
with tf.Session() as sess:
    show_error(sess.run, out, {p: FEED})
    show_error(sess.run, [out, mid], {p: FEED})
    show_error_contains(lambda: sess.run([out, n], {p: FEED}), "Input to reshape")

# A variable update gated on a failing stateless op still runs.
tf.reset_default_graph()
p = tf.placeholder(tf.float32, [None])
v = tf.Variable(0.0)
with tf.control_dependencies([tf.reshape(p, [3])]):
    inc = tf.assign_add(v, 1.0)
with tf.Session() as sess:
    sess.run(v.initializer)
    show_error(sess.run, inc, {p: FEED})
    show_error(sess.run, inc, {p: FEED})

# The smallest graph: one Identity fetched.
tf.reset_default_graph()
p = tf.placeholder(tf.float32, [None])
with tf.control_dependencies([tf.reshape(p, [3])]):
    y = tf.identity(p)
with tf.Session() as sess:
    show_error(sess.run, y, {p: FEED})

# Inside a while loop's body.
tf.reset_default_graph()
p = tf.placeholder(tf.float32, [None])


def body(i, x):
    with tf.control_dependencies([tf.reshape(x, [3])]):
        return i + 1, x * 2.0


_, y = tf.while_loop(lambda i, x: i < 2, body, [tf.constant(0), p])
with tf.Session() as sess:
    show_error(sess.run, y, {p: FEED})
