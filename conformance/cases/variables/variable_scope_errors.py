# Error texts of get_variable (first lines).
with tf.variable_scope('vs'):
    tf.get_variable('w', shape=[2, 3])
    show_error(tf.get_variable, 'w', shape=[2, 3])
with tf.variable_scope('vs', reuse=True):
    show_error(tf.get_variable, 'nope', shape=[1])
    show_error(tf.get_variable, 'w', shape=[5])
    show_error(tf.get_variable, 'w', dtype=tf.int32)
with tf.variable_scope('vs', reuse=False):
    show_error(tf.get_variable, 'w')
show_error(tf.get_variable, 'noshape')
v = tf.Variable(1.0, name='plain')
with tf.variable_scope('', reuse=True):
    show_error(tf.get_variable, 'plain', shape=[])
show_error(tf.variable_scope, 'x', reuse='yes')
