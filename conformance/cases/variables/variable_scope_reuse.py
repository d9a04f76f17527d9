# reuse=True returns the same object, re-entering opens a new name scope for ops.
with tf.variable_scope('vs'):
    w = tf.get_variable('w', shape=[2])
    print(tf.constant(0).name)
with tf.variable_scope('vs', reuse=True):
    w2 = tf.get_variable('w')
    print(w2 is w, tf.constant(0).name, repr(tf.get_variable_scope().reuse))
    with tf.variable_scope('deeper'):
        print(repr(tf.get_variable_scope().reuse))
with tf.variable_scope('vs') as scope:
    scope.reuse_variables()
    print(tf.get_variable('w', shape=[2]) is w, tf.constant(0).name)
with tf.variable_scope(scope):
    print(tf.get_variable('w') is w, tf.constant(0).name)
with tf.variable_scope(scope, reuse=True):
    print(tf.constant(0).name)
with tf.variable_scope('auto', reuse=tf.AUTO_REUSE):
    a1 = tf.get_variable('a', shape=[1])
with tf.variable_scope('auto', reuse=tf.AUTO_REUSE):
    a2 = tf.get_variable('a', shape=[1])
print(a1 is a2, a1, repr(tf.AUTO_REUSE))
print(len(tf.global_variables()))
