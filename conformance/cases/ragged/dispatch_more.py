# More TF API functions on RaggedTensors: ones_like, zeros_like, identity, size, rank, where,
# expand_dims.
sess = tf.Session()
c = tf.ragged.constant([[1, 2], [3]])
n = tf.ragged.constant([[[1, 2], [3]], [[4]]])
for label, f in [
        ("ones", lambda: tf.ones_like(c)),
        ("zeros", lambda: tf.zeros_like(c, dtype=tf.float32)),
        ("ones_named", lambda: tf.ones_like(c, name="o")),
        ("identity", lambda: tf.identity(c)),
        ("identity_nested", lambda: tf.identity(n)),
        ("size", lambda: tf.size(c)),
        ("size64", lambda: tf.size(n, out_type=tf.int64)),
        ("rank", lambda: tf.rank(c)),
        ("rank_nested", lambda: tf.rank(n)),
        ("where", lambda: tf.where(c > 1, c, c * 0)),
        ("where_scalar", lambda: tf.where(c > 1, c, tf.zeros_like(c))),
        ("expand0", lambda: tf.expand_dims(c, 0)),
        ("expand1", lambda: tf.expand_dims(c, 1)),
        ("expand2", lambda: tf.expand_dims(c, 2)),
        ("expand_neg", lambda: tf.expand_dims(c, -1))]:
    r = f()
    print(label, r, r.shape)
    print(' ', sess.run(r))
