# Gradient of x w.r.t. itself is the seed tensor; ys lists sum; duplicated xs each get the total.
a = tf.constant(3.0, name='a')
b = tf.constant(2.0, name='b')
g_self = tf.gradients(a, a)
g_sum = tf.gradients([a * b, a], a)
g_dup = tf.gradients(a * a, [a, a])
g_mixed = tf.gradients([a, a * b], [a, b])
print(g_self, g_sum, g_dup, g_mixed, sep='\n')
with tf.Session() as sess:
    print(sess.run([g_self, g_sum, g_dup, g_mixed]))
print(g_self[0].op.type, [i.name for i in g_self[0].op.inputs])
