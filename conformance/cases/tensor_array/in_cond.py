# TensorArrays returned by tf.cond branches (carried as their flows) and gradients through them.
p = tf.placeholder(tf.bool, [], name="p")
x = tf.constant([1., 2.])
ta = tf.TensorArray(tf.float32, size=2)
r = tf.cond(p, lambda: ta.write(0, x * 2.).write(1, x), lambda: ta.write(0, x).write(1, x * x))
print(type(r).__name__, r.flow, r.handle, r.element_shape)
sess = tf.Session()
stacked = r.stack()
print(stacked)
print(sess.run(stacked, {p: True}), sess.run(stacked, {p: False}))
g = tf.gradients(tf.reduce_sum(stacked * stacked), x)[0]
print(sess.run(g, {p: True}), sess.run(g, {p: False}))
r2 = tf.cond(p, lambda: (ta.write(0, [1., 1.]), tf.constant(1)),
             lambda: (ta.write(0, [5., 5.]), tf.constant(2)))
print(type(r2[0]).__name__, r2[0].flow, r2[1])
