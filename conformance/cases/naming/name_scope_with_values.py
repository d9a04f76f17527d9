# name_scope(name, default_name, values) form used by library functions.
a = tf.constant(1.0, name='a')
with tf.name_scope(None, 'Default', [a]) as scope:
    print(repr(scope))
with tf.name_scope(None, 'Default', [a]) as scope:
    print(repr(scope))
with tf.name_scope('given', 'Default', [a]) as scope:
    print(repr(scope))
g = tf.Graph()
with g.as_default():
    b = tf.constant(1.0, name='b')
show_error_contains(lambda: tf.name_scope(None, 'X', [a, b]).__enter__(),
                    'must be from the same graph')
