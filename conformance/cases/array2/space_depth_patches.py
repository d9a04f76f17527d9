# space_to_depth / depth_to_space, space_to_batch(_nd) / batch_to_space(_nd),
# extract_image_patches: values, shapes and gradients.
x = tf.constant(np.arange(48.0).reshape(1, 4, 4, 3))
ts = [tf.space_to_depth(x, 2), tf.depth_to_space(tf.space_to_depth(x, 2), 2),
      tf.nn.space_to_depth(x, 2), tf.nn.depth_to_space(tf.reshape(x, [1, 2, 2, 12]), 2),
      tf.space_to_batch_nd(x, [2, 2], [[0, 0], [0, 0]]),
      tf.space_to_batch_nd(x[:, :3], [2, 2], [[1, 0], [0, 0]]),
      tf.space_to_batch(x, [[0, 0], [2, 2]], 2),
      tf.batch_to_space_nd(tf.reshape(x, [4, 2, 2, 3]), [2, 2], [[0, 0], [0, 1]]),
      tf.batch_to_space(tf.reshape(x, [4, 2, 2, 3]), [[0, 1], [0, 0]], 2),
      tf.extract_image_patches(x, [1, 2, 2, 1], [1, 2, 2, 1], [1, 1, 1, 1], "VALID"),
      tf.extract_image_patches(x, [1, 3, 2, 1], [1, 2, 3, 1], [1, 1, 2, 1], "SAME"),
      tf.extract_image_patches(x[..., :1], [1, 2, 2, 1], [1, 1, 1, 1], [1, 2, 2, 1], "VALID")]
for t in ts:
    print(t.name, t.op.type, t.dtype.name, t.shape)
w = tf.constant(np.linspace(-1, 1, 48).reshape(1, 4, 4, 3))
g = tf.gradients([tf.space_to_batch_nd(x[:, :3], [2, 2], [[1, 0], [0, 0]]) * 2,
                  tf.space_to_depth(x, 2) * tf.reshape(w, [1, 2, 2, 12])], x)
patches = tf.extract_image_patches(x, [1, 3, 2, 1], [1, 2, 3, 1], [1, 1, 2, 1], "SAME")
g_patches = tf.gradients(patches * patches, x)
with tf.Session() as sess:
    for v in sess.run(ts):
        print(np.array2string(np.asarray(v).ravel(), precision=4, threshold=400))
    print(np.array2string(sess.run(g)[0].ravel(), precision=4, threshold=400))
    print(np.array2string(sess.run(g_patches)[0].ravel(), precision=4, threshold=400))
show_error_contains(lambda: tf.space_to_depth(x[:, :3], 2), "divisible by 2")
