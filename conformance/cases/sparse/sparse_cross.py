# tf.sparse.cross / cross_hashed: string crosses and FingerprintCat64 hashes.

sess = tf.Session()
a = tf.SparseTensor([[0, 0], [1, 0], [1, 1]], ["a", "b", "c"], [2, 2])
b = tf.SparseTensor([[0, 0], [1, 0]], tf.constant([10, 20], tf.int64), [2, 1])
d = tf.constant([["x"], ["y"]])
for r in [tf.sparse.cross([a, b]), tf.sparse.cross([a, b, d], separator="|"),
          tf.sparse.cross([d, a]),
          tf.sparse.cross_hashed([a, b], num_buckets=100),
          tf.sparse.cross_hashed([a, d], num_buckets=0),
          tf.sparse.cross_hashed([a, b], num_buckets=1000, hash_key=7)]:
    print(r.values.op.type, r.shape, sess.run(r))
