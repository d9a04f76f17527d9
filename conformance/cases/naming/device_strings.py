# tf.device canonicalises device strings; Tensor str shows the device, repr does not.
with tf.device('/cpu:0'):
    a = tf.constant(1, name='dc')
print(a.device, a.op.device, str(a), repr(a))
with tf.device('/device:CPU:0'):
    print(tf.constant(1).device)
with tf.device('/job:worker/task:1/cpu:0'):
    print(tf.constant(1).device)
with tf.device('/gpu:1'):
    print(tf.constant(1).device)
    with tf.device(None):
        print(repr(tf.constant(1).device))
    with tf.device('/cpu:0'):
        print(tf.constant(1).device)
print(repr(tf.constant(1).device))
with tf.device('/cpu:0'):
    v = tf.Variable(1.0, name='v')
print(v, v.device, v.op.device)
c = tf.constant(2.0, name='c')
with tf.device('/cpu:0'):
    g = tf.gradients(tf.square(c), c)
print(g[0].device, g[0].op.inputs[0].device, repr(c.device))
