# Seed example 7 extended: first and second derivatives of a**2 and a**3 at a = 1.5.
with tf.device('/cpu:0'):
    a = tf.constant(1.5)
    b = tf.pow(a, 2)
    c = tf.pow(a, 3)
    grad = tf.gradients(ys=b, xs=a)
    grad_2 = tf.gradients(ys=grad[0], xs=a)
    gc = tf.gradients(c, a)
    gc2 = tf.gradients(gc[0], a)
    gc3 = tf.gradients(gc2[0], a)
print(grad_2[0].device)
with tf.Session() as sess:
    print(sess.run([grad, grad_2]))
    print(sess.run([gc, gc2, gc3]))
