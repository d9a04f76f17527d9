# Gradients through loops nested in loops, conds in loops, and loops in conds.
sess = tf.Session()
c = tf.constant([[1., 2.], [3., 4.]])
m = tf.map_fn(lambda row: tf.map_fn(lambda v: v * v, row), c)
print(sess.run(tf.gradients(tf.reduce_sum(m), c)))
w = tf.constant(1.5)
x = tf.constant([0.5, -1., 2.])


def inner(v):
    _, out = tf.while_loop(lambda j, a: j < 3, lambda j, a: (j + 1, tf.sin(a) * w + v), (0, v))
    return out


def outer_body(i, acc):
    return i + 1, inner(acc) * 0.5


_, r = tf.while_loop(lambda i, acc: i < 2, outer_body, (0, x))
print(sess.run(r))
print(sess.run(tf.gradients(tf.reduce_sum(r), [x, w])))


def cond_body(i, a):
    return i + 1, tf.cond(tf.reduce_sum(a) > 0., lambda: a * w, lambda: tf.square(a) - 1.)


_, r2 = tf.while_loop(lambda i, a: i < 4, cond_body, (0, x))
print(sess.run(r2), sess.run(tf.gradients(tf.reduce_sum(r2), [x, w])))
p = tf.placeholder(tf.bool, [])
r3 = tf.cond(p, lambda: tf.map_fn(lambda v: v * w, x), lambda: tf.scan(lambda a, v: a * v, x))
g3 = tf.gradients(tf.reduce_sum(r3), [x, w])
print(sess.run([r3] + g3, {p: True}))
print(sess.run([r3, g3[0]], {p: False}))
s = tf.scan(lambda a, row: a + tf.reduce_sum(tf.map_fn(lambda v: tf.exp(v) * w, row)), c,
            initializer=tf.constant(0.))
print(sess.run(s), sess.run(tf.gradients(s, [c, w])))
