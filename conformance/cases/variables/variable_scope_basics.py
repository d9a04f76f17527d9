# variable_scope prefixes variables and ops; nested scopes; scope object attributes.
with tf.variable_scope('vs') as scope:
    w = tf.get_variable('w', shape=[2, 3])
    c = tf.constant(1.0)
    with tf.variable_scope('inner') as inner:
        u = tf.get_variable('u', shape=[1])
        d = tf.add(c, 1.0)
print(w, u, c.name, d.name)
print(scope.name, scope.original_name_scope, inner.name, inner.original_name_scope)
print(repr(scope.reuse), tf.get_variable_scope().name == '', repr(tf.get_variable_scope().reuse))
with tf.variable_scope('vs/x'):
    print(tf.get_variable('y', shape=[]).name, tf.constant(0).name)
with tf.variable_scope(None, default_name='dflt'):
    print(tf.get_variable('z', shape=[]).name, tf.constant(0).name)
with tf.variable_scope(None, default_name='dflt'):
    print(tf.get_variable('z', shape=[]).name, tf.constant(0).name)
show_error(lambda: tf.variable_scope(None).__enter__())
