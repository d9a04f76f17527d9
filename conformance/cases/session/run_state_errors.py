# Closed sessions, empty graphs, uninitialized variables; error class hierarchy.
a = tf.constant(1.0)
v = tf.Variable(1.0, name='v')
sess = tf.Session()
try:
    sess.run(v)
except tf.errors.OpError as e:
    print(type(e).__name__, isinstance(e, tf.errors.FailedPreconditionError), e.error_code)
    print('Attempting to use uninitialized value v' in e.message)
sess.close()
sess.close()
show_error(sess.run, a)
empty = tf.Session(graph=tf.Graph())
show_error(empty.run, [])
empty.close()
print(issubclass(tf.errors.InvalidArgumentError, tf.errors.OpError),
      issubclass(tf.errors.OpError, Exception), tf.errors.INVALID_ARGUMENT,
      tf.errors.FAILED_PRECONDITION, tf.errors.OpError.__name__)
