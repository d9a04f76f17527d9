# Scope names and op names share one namespace; scopes are uniquified like ops.
c = tf.constant(1, name='n')
with tf.name_scope('n') as scope:
    print(repr(scope), tf.constant(1).name)
with tf.name_scope('N') as scope:
    print(repr(scope))
with tf.name_scope('add') as scope:
    print(repr(scope))
print((c + c).name)
with tf.name_scope('n_1') as scope:
    print(repr(scope))
with tf.name_scope('k'):
    pass
print(tf.constant(1, name='k').name)
show_error(lambda: tf.name_scope('bad name!').__enter__())
show_error(lambda: tf.name_scope('-lead').__enter__())
with tf.name_scope('ok.name-1_x'):
    print(tf.constant(1).name)
