# With a graph seed the default glorot_uniform initializer draws reproducible values.
tf.set_random_seed(1)
w = tf.get_variable('w', shape=[2, 3])
u = tf.get_variable('u', shape=[2])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print(repr(sess.run(w)))
    print(repr(sess.run(u)))
    sess.run(tf.global_variables_initializer())
    print(repr(sess.run(u)))
init_op = tf.get_default_graph().get_operation_by_name('w/Initializer/random_uniform/RandomUniform')
print(init_op.get_attr('seed'), init_op.get_attr('seed2'))
