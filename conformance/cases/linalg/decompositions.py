# svd / eigh / eigvalsh / lu / sqrtm / expm / logm / pinv / matrix_rank / qr: values (sign-free
# where the convention is free), shapes, types and gradients.
a = tf.constant([[4.0, 1.0, 0.5], [1.0, 3.0, 0.2], [0.5, 0.2, 2.0]], tf.float64)
r = tf.constant([[1.0, 2.0], [3.0, 4.0], [5.0, 7.0]], tf.float64)
s, u, v = tf.linalg.svd(r)
s_full, u_full, v_full = tf.linalg.svd(r, full_matrices=True)
e, vec = tf.linalg.eigh(a)
lu, perm = tf.linalg.lu(tf.constant([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 10.0]]))
ts = [s, u, v, s_full, u_full, v_full, tf.svd(r, compute_uv=False), e, vec,
      tf.linalg.eigvalsh(a), tf.self_adjoint_eigvals(a), tf.self_adjoint_eig(a)[0], lu, perm,
      tf.linalg.lu_reconstruct(lu, perm), tf.linalg.lu_matrix_inverse(lu, perm),
      tf.linalg.lu_solve(lu, perm, tf.ones([3, 1])), tf.linalg.sqrtm(a), tf.matrix_square_root(a),
      tf.linalg.expm(a / 4), tf.linalg.logm(tf.complex(a, tf.zeros_like(a))),
      tf.linalg.pinv(r), tf.linalg.matrix_rank(r), tf.linalg.matrix_rank(tf.ones([3, 3])),
      tf.linalg.qr(r)[1]]
for t in ts:
    print(t.name, t.op.type, t.dtype.name, t.shape)
print(tf.linalg.svd(r, compute_uv=False).name)
reconstructed = tf.matmul(u * s, v, transpose_b=True)
sym = (a + tf.transpose(a)) / 2
e2, vec2 = tf.linalg.eigh(sym)
w = tf.constant([[1.0, 2.0], [-1.0, 0.5], [0.3, 0.7]], tf.float64)
grads = [tf.gradients(s * [1.0, 3.0], r)[0],
         tf.gradients(tf.reduce_sum(tf.abs(u) * w) + tf.reduce_sum(tf.abs(v)), r)[0],
         tf.gradients(e2 * [1.0, 2.0, 3.0], a)[0],
         tf.gradients(tf.reduce_sum(tf.abs(vec2) * a), a)[0],
         tf.gradients(tf.linalg.sqrtm(a) * a, a)[0],
         tf.gradients(tf.linalg.expm(a / 4) * a, a)[0],
         tf.gradients(tf.linalg.pinv(r) * tf.transpose(w), r)[0]]
with tf.Session() as sess:
    values = sess.run(ts)
    for i, val in enumerate(values):
        if i in (1, 2, 4, 5, 8):  # singular/eigen vectors: signs are free
            val = np.abs(val)
        print(np.array2string(np.asarray(val) + 0, precision=5, suppress_small=True))
    print(np.array2string(sess.run(reconstructed), precision=5))
    for g in sess.run(grads):
        print(np.array2string(g, precision=4, suppress_small=True))
