# embedding_lookup (a named gather whose gradient is sparse), moments, and tf.Print's pass-through.
w = tf.Variable([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], name='w')
e = tf.nn.embedding_lookup(w, [2, 0])
e2 = tf.nn.embedding_lookup(w, tf.constant([[1], [0]]))
print(e, e.op.type, [i.name for i in e.op.inputs[0].op.inputs])
print(e2.shape, type(tf.gradients(tf.reduce_sum(e), w)[0]).__name__)
mean, var = tf.nn.moments(tf.constant([[1.0, 2.0], [3.0, 5.0]]), axes=[0])
mean_k, var_k = tf.nn.moments(tf.constant([[1.0, 2.0], [3.0, 5.0]]), axes=[1], keep_dims=True)
print(mean, var, mean_k.shape)
p = tf.Print(tf.constant([1.0, 2.0]), [tf.constant(3)], message='value: ')
print(p, p.op.type, len(p.op.inputs))
with tf.Session() as sess:
    sess.run(w.initializer)
    for v in sess.run([e, e2, mean, var, mean_k, var_k, p]):
        print(repr(v))
