# einsum equations (matmul, trace-free sums, transposes, implicit output), tensordot, gradients.
a = tf.constant(np.arange(6.0).reshape(2, 3))
b = tf.constant(np.arange(12.0).reshape(3, 4) / 10)
v = tf.constant([1.0, 2.0, 3.0], tf.float64)
ts = [tf.einsum("ij,jk->ik", a, b), tf.einsum("ij->ji", a), tf.einsum("ij->", a),
      tf.einsum("ij,j->i", a, v), tf.einsum("i,j->ij", v, v), tf.einsum("ij,ij->ij", a, a),
      tf.einsum("ij,jk", a, b), tf.einsum("bij,bjk->bik", tf.reshape(a, [1, 2, 3]),
                                           tf.reshape(b, [1, 3, 4])),
      tf.tensordot(a, b, 1), tf.tensordot(a, b, [[1], [0]]), tf.tensordot(v, v, 0),
      tf.tensordot(a, a, [[0, 1], [0, 1]])]
for t in ts:
    print(t.name, t.op.type, t.dtype.name, t.shape)
g = tf.gradients([ts[0], ts[2], ts[3], ts[8]], [a, b, v])
with tf.Session() as sess:
    for val in sess.run(ts):
        print(np.array2string(np.asarray(val), precision=6))
    print([np.array2string(x, precision=6) for x in sess.run(g)])
show_error(tf.einsum, "ij,jk->ik", a)
