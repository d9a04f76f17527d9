# safe_embedding_lookup_sparse, with_space_to_batch, atrous_conv2d_transpose,
# conv3d_backprop_filter and tf.nn.experimental dropouts: values, shapes, gradients, errors.
rng = np.random.RandomState(0)
emb = tf.constant(rng.randn(5, 3).astype(np.float32))
ids = tf.SparseTensor([[0, 0], [0, 1], [2, 0], [3, 1]], tf.constant([1, 3, -1, 4], tf.int64),
                      [4, 2])
w = tf.SparseTensor([[0, 0], [0, 1], [2, 0], [3, 1]], [1.0, 2.0, 0.5, 0.0], [4, 2])
ids3 = tf.SparseTensor([[0, 0, 0], [0, 1, 1], [1, 1, 0]], tf.constant([1, 3, 2], tf.int64),
                       [2, 2, 2])
safe = [tf.nn.safe_embedding_lookup_sparse(emb, ids),
        tf.nn.safe_embedding_lookup_sparse(emb, ids, w, combiner="sum"),
        tf.nn.safe_embedding_lookup_sparse([emb], ids, default_id=2, combiner="sqrtn"),
        tf.nn.safe_embedding_lookup_sparse(emb, ids3, max_norm=1.0)]
print([t.shape for t in safe])
g_safe = tf.convert_to_tensor(tf.gradients(safe[1], emb)[0])
show_error(tf.nn.safe_embedding_lookup_sparse, emb, ids, combiner="max")
show_error(tf.nn.safe_embedding_lookup_sparse, [], ids)

x = tf.constant(rng.randn(1, 11, 10, 2).astype(np.float32))
filt = tf.constant(rng.randn(3, 3, 2, 4).astype(np.float32))


def op(inp, num_spatial_dims, padding):
    print("op sees", inp.shape, num_spatial_dims, padding)
    return tf.nn.conv2d(inp, filt, [1, 1, 1, 1], padding)


ws = [tf.nn.with_space_to_batch(x, [2, 2], "SAME", op, filter_shape=[3, 3]),
      tf.nn.with_space_to_batch(x, [2, 3], "VALID", op),
      tf.nn.with_space_to_batch(x, [1, 1], "SAME", op)]
print(ws, [t.op.type for t in ws])
show_error(tf.nn.with_space_to_batch, x, [2, 2], "SAME", op)
show_error(tf.nn.with_space_to_batch, x, [2, 2], "FOO", op, filter_shape=[3, 3])

v = tf.constant(rng.randn(2, 5, 5, 4).astype(np.float32))
f2 = tf.constant(rng.randn(3, 3, 2, 4).astype(np.float32))
at = [tf.nn.atrous_conv2d_transpose(v, f2, [2, 5, 5, 2], 2, "SAME"),
      tf.nn.atrous_conv2d_transpose(v, f2, [2, 9, 9, 2], 2, "VALID"),
      tf.nn.atrous_conv2d_transpose(v, f2, [2, 5, 5, 2], 1, "SAME"),
      tf.nn.atrous_conv2d_transpose(v[:, :4, :3], f2, [2, 4, 3, 2], 3, "SAME")]
print([t.shape for t in at])
g_at = tf.gradients(at[0], [v, f2])
for args in [([2, 5, 5, 2], 0, "SAME"), ([2, 5, 5, 3], 2, "SAME"), ([2, 5, 5], 2, "SAME"),
             ([2, 5, 5, 2], 2, "FOO")]:
    show_error(tf.nn.atrous_conv2d_transpose, v, f2, *args)
show_error(tf.nn.atrous_conv2d_transpose, v, tf.zeros([3, 3, 2, 3]), [2, 5, 5, 2], 2, "SAME")

x3 = tf.constant(rng.randn(1, 4, 4, 4, 2).astype(np.float32))
bf = tf.nn.conv3d_backprop_filter(x3, [2, 2, 2, 2, 3], tf.ones([1, 3, 3, 3, 3]),
                                  [1, 1, 1, 1, 1], "VALID")
print(bf, bf.op.type)

xd = tf.ones([3, 4])
sd = tf.nn.experimental.stateless_dropout(xd, 0.5, seed=[1, 2])
gd = tf.nn.experimental.general_dropout(
    xd, 0.25, lambda shape, dtype: tf.random.stateless_uniform(shape, seed=[3, 4], dtype=dtype))
print(sd, gd)
show_error(tf.nn.experimental.stateless_dropout, xd, 1.5, seed=[1, 2])
with tf.Session() as sess:
    for value in sess.run(safe + [g_safe] + ws + at + g_at + [bf, sd, gd]):
        print(np.array2string(np.round(np.asarray(value), 4) + 0, precision=4,
                              suppress_small=True, threshold=50))
