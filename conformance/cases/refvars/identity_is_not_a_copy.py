# tf.identity of a reference variable aliases it: a "snapshot" taken before an update, read
# after it in the same run, shows the updated value (TF1's ref-variable behaviour).
v = tf.Variable(1.0, name='v')
snap = tf.identity(v)
with tf.control_dependencies([snap]):
    upd = tf.assign_add(v, 10.0)
with tf.control_dependencies([upd]):
    seen = snap + 0.0
copy = v + 0.0
with tf.control_dependencies([copy]):
    upd2 = tf.assign_add(v, 100.0)
with tf.control_dependencies([upd2]):
    seen_copy = copy * 1.0
with tf.Session() as sess:
    sess.run(v.initializer)
    print(float(sess.run(seen)), float(sess.run(v)))
    print(float(sess.run(seen_copy)), float(sess.run(v)))
