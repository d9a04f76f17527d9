# Initial values reading other variables are guarded so global_variables_initializer works.
v = tf.Variable(2.0, name='v')
w = tf.Variable(v * 3.0, name='w')
x = tf.Variable(v.initialized_value() + 1.0, name='x')
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print(sess.run([v, w, x]))
print(w.initial_value.name, x.initial_value.name)
