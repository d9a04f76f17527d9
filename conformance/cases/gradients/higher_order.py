# Gradients of gradients: nested scope names and values; hessians.
x = tf.constant(2.0, name='x')
y = x * x * x
g1 = tf.gradients(y, x)
g2 = tf.gradients(g1, x)
g3 = tf.gradients(g2, x)
g4 = tf.gradients(g3, x)
print(g1, g2, g3, g4, sep='\n')
v = tf.constant([1.0, 2.0], name='v')
f = tf.reduce_sum(v * v * v) + v[0] * v[1]
h = tf.hessians(f, v)
print(h)
with tf.Session() as sess:
    print(sess.run([g1, g2, g3]))  # g4 is [None]: the third derivative is a constant
    print(sess.run(h))
p = tf.placeholder(tf.float32, [None], name='p')
gp2 = tf.gradients(tf.gradients(tf.reduce_sum(tf.exp(p)), p), p)
with tf.Session() as sess:
    print(gp2[0].shape, sess.run(gp2, {p: [0.0, 1.0]}))
