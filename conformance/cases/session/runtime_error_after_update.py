# A run-time kernel error after an update that ran first (control dependency): the update stays.
v = tf.Variable(1.0, name='v')
inc = tf.assign_add(v, 1.0)
idx = tf.placeholder(tf.int32, [1], name='idx')
with tf.control_dependencies([inc]):
    picked = tf.gather(tf.constant([1.0, 2.0]), idx)
with tf.Session() as sess:
    sess.run(v.initializer)
    print(repr(sess.run(picked, {idx: [1]})), repr(sess.run(v)))
    show_error_contains(lambda: sess.run(picked, {idx: [5]}), 'indices[0] = 5 is not in [0, 2)')
    print(repr(sess.run(v)))
