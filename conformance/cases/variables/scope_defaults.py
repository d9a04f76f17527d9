# variable_scope defaults: initializer, dtype, inherited by nested scopes and overridable.
with tf.variable_scope('a', initializer=tf.constant_initializer(3.0)):
    x = tf.get_variable('x', shape=[2])
    with tf.variable_scope('b'):
        y = tf.get_variable('y', shape=[1])
        z = tf.get_variable('z', shape=[1], initializer=tf.zeros_initializer())
with tf.variable_scope('d', dtype=tf.float64):
    w = tf.get_variable('w', shape=[1], initializer=tf.ones_initializer())
print(x, y, z, w)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print(sess.run([x, y, z, w]))
