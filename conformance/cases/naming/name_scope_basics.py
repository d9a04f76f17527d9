# name_scope nesting, re-entry (_1), the scope string, trailing slash and None.
with tf.name_scope('s') as scope:
    print(repr(scope), tf.constant(1).name)
    with tf.name_scope('t') as inner:
        print(repr(inner), tf.constant(1, name='y').name)
    print(tf.constant(1).name)
with tf.name_scope('s') as scope:
    print(repr(scope), tf.constant(1).name)
with tf.name_scope('s/') as scope:
    print(repr(scope), tf.constant(1).name)
with tf.name_scope('s/t/'):
    print(tf.constant(1).name)
with tf.name_scope('outer'):
    with tf.name_scope(None) as scope:
        print(repr(scope), tf.constant(1).name)
    with tf.name_scope('') as scope:
        print(repr(scope), tf.constant(2).name)
with tf.name_scope('a'):
    with tf.name_scope('b'):
        x = tf.add(tf.constant(1), 2)
print(x.name, [i.name for i in x.op.inputs])
print(tf.get_default_graph().get_name_scope())
with tf.name_scope('q'):
    with tf.name_scope('r'):
        print(repr(tf.get_default_graph().get_name_scope()))
