# tf.sparse.cross_hashed / tf.ragged.cross_hashed without buckets: the FingerprintCat64 hash
# modulo INT64_MAX (fingerprints with the top bit set land one above a plain bit mask).
words = [[b"a%d" % i, b"b%d" % i] for i in range(12)]
x = tf.constant([w[0] for w in words])[:, None]
y = tf.constant([w[1] for w in words])[:, None]
ids = tf.constant([[3], [70000], [-5], [0], [12], [9], [1], [2], [4], [5], [6], [7]], tf.int64)
sparse = tf.sparse.cross_hashed([x, y, ids], num_buckets=0)
ragged = tf.ragged.cross_hashed([x, ids], num_buckets=0)
keyed = tf.sparse.cross_hashed([x, y], num_buckets=0, hash_key=7)
with tf.Session() as sess:
    a, b, c = sess.run([sparse.values, ragged.flat_values, keyed.values])
print(a.dtype, a.tolist())
print(b.dtype, b.tolist())
print(c.tolist())
