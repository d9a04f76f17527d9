# Every call opens a new scope (gradients, gradients_1, ...), named or nested in a name_scope.
a = tf.constant(2.0, name='a')
y = a * a + a
print(tf.gradients(y, a))
print(tf.gradients(y, a))
print(tf.gradients(y, a, name='mygrads'))
print(tf.gradients(y, a, name='mygrads'))
with tf.name_scope('outer'):
    print(tf.gradients(y, a))
show_error(tf.gradients, y, a, unconnected_gradients='foo')
print(tf.gradients(y, a))
z = tf.reduce_sum(tf.square(tf.constant([1.0, 2.0], name='v')))
print(tf.gradients(z, tf.get_default_graph().get_tensor_by_name('v:0')))
with tf.Session() as sess:
    print(sess.run(tf.gradients(y, a)))
