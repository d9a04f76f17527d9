# cumsum, diag/diag_part, expm1, is_inf/is_nan, qr, and a reflect pad with its gradient.
x = tf.constant([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], name='x')
ts = [tf.cumsum(x, axis=1), tf.cumsum(x, axis=0, exclusive=True, reverse=True),
      tf.diag(tf.constant([1.0, 2.0])), tf.diag_part(tf.constant([[1.0, 2.0], [3.0, 4.0]])),
      tf.expm1(x), tf.is_inf(x / 0.0), tf.is_nan(x * 0.0 / 0.0)]
for t in ts:
    print(t.name, t.op.type, t.shape, t.dtype.name)
padded = tf.pad(x, [[0, 0], [1, 1]], mode='REFLECT')
(g,) = tf.gradients(tf.reduce_sum(padded * padded), x)
print(padded.op.type, g.op.type, g.name)
q, r = tf.qr(tf.constant([[2.0, 0.0], [0.0, 3.0]]))
print(q.op.type, q.shape, r.shape)
grads = tf.gradients([tf.reduce_sum(ts[0]), tf.reduce_sum(tf.expm1(x))], x)
with tf.Session() as sess:
    for v in sess.run(ts + [padded, g] + grads):
        print(v.tolist() if v.dtype == bool else np.round(v, 5).tolist())
    print(np.round(np.abs(sess.run(q)), 5).tolist(), np.round(np.abs(sess.run(r)), 5).tolist())
