# Identity, variables and placeholders as xs; tf.gradients(v, v).
a = tf.constant(1.0, name='a')
v = tf.Variable(2.0, name='v')
p = tf.placeholder(tf.float32, [None], name='p')
gi = tf.gradients(tf.identity(a) * 2.0, a)
gv = tf.gradients(v * v, v)
gvv = tf.gradients(v, v)
gp = tf.gradients(tf.reduce_sum(p * p), p)
gread = tf.gradients(v * 3.0, v.value())
print(gi, gv, gvv, gp, gread, sep='\n')
with tf.Session() as sess:
    sess.run(v.initializer)
    print(sess.run([gi, gv, gvv, gread]), sess.run(gp, {p: [1.0, -2.0]}))
