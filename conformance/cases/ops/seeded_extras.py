# multinomial and the orthogonal initializer (QR of a seeded normal sample), count_up_to, and
# custom_gradient's IdentityN.
tf.set_random_seed(3)
m = tf.multinomial(tf.log([[0.2, 0.8], [0.9, 0.1]]), 5)
o = tf.get_variable('o', [3, 3], initializer=tf.orthogonal_initializer())
c = tf.Variable(0, name='c')
up = c.count_up_to(2)
print(m.op.type, m.shape, up.op.type, up.name)


@tf.custom_gradient
def twice_grad(x):
    return tf.identity(x), lambda dy: dy * 2.0


y = twice_grad(tf.constant(3.0))
print(y.op.type, tf.gradients(y, y.op.inputs[1]))
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print(sess.run(m).tolist())
    value = sess.run(o)
    print(np.round(value, 5).tolist(), np.allclose(value @ value.T, np.eye(3), atol=1e-5))
    print(sess.run(up), sess.run(up))
    show_error(sess.run, up)
