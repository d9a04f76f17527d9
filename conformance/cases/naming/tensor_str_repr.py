# str and repr of Tensors of every flavour.
a = tf.constant(1.0)
p = tf.placeholder(tf.float32, [None, 3], name='x')
u = tf.placeholder(tf.float32)
s = tf.constant('hi')
i = tf.constant([1, 2], dtype=tf.int64)
b = tf.constant([[True]])
for t in [a, p, u, s, i, b, a + 1, tf.shape(p)]:
    print(str(t))
    print(repr(t))
print('%s | %r' % (a, a), f'| {a} | {a!r}')  # noqa: UP031
print([a, p], (u,), {'k': s})
