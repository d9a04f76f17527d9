# eigh_tridiagonal: all eigenvalues, index and value ranges, eigenvectors up to sign.
alpha = tf.constant([2.0, 3.0, 1.0, 4.0], tf.float64)
beta = tf.constant([0.5, -1.0, 0.25], tf.float64)
ts = [tf.linalg.eigh_tridiagonal(alpha, beta),
      tf.linalg.eigh_tridiagonal(alpha, beta, select="i", select_range=[1, 2]),
      tf.linalg.eigh_tridiagonal(alpha, beta, select="v", select_range=[1.5, 4.0])]
values, vectors = tf.linalg.eigh_tridiagonal(alpha, beta, eigvals_only=False)
with tf.Session() as sess:
    for v in sess.run(ts):
        print(np.round(v, 6))
    vals, vecs = sess.run([values, vectors])
    print(np.round(vals, 6), np.round(np.abs(vecs), 5))
