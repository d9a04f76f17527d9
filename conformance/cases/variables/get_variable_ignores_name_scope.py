# get_variable ignores name_scope; tf.Variable and ops follow it.
with tf.name_scope('ns'):
    nv = tf.get_variable('nv', shape=[])
    nv2 = tf.Variable(1.0, name='nv2')
    c = tf.constant(0)
print(nv, nv2, c.name, nv.initializer.name, nv2.initializer.name)
with tf.variable_scope('vs'):
    with tf.name_scope('inner_ns'):
        x = tf.get_variable('x', shape=[])
        y = tf.Variable(1.0, name='y')
print(x, y)
with tf.name_scope('ns2'):
    with tf.variable_scope('vs2'):
        z = tf.get_variable('z', shape=[])
        k = tf.constant(1)
print(z, k.name)
