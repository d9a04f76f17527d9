# draw_bounding_boxes (default palette and given colors, clipped/inverted/outside boxes),
# random_crop (TF's seeded stream), sobel_edges, resize_with_crop_or_pad.
tf.set_random_seed(5)
images = tf.constant(np.full((2, 6, 7, 3), 0.25, np.float32))
boxes = tf.constant(np.array([[[0.1, 0.1, 0.6, 0.8], [-0.2, 0.5, 0.5, 1.4], [0.9, 0.9, 0.2, 0.2]],
                              [[0.0, 0.0, 1.0, 1.0], [1.2, 0.1, 1.5, 0.9], [0.3, 0.3, 0.35, 0.36]]],
                             np.float32))
drawn = tf.image.draw_bounding_boxes(images, boxes)
colored = tf.image.draw_bounding_boxes(images[:, :, :, :1], boxes,
                                       colors=np.array([[0.9], [0.1]], np.float32))
x = np.arange(5 * 6 * 2, dtype=np.float32).reshape(5, 6, 2) ** 1.5
crops = [tf.image.random_crop(x, [3, 4, 2], seed=1), tf.image.random_crop(x, [5, 2, 1]),
         tf.random_crop(x, [2, 2, 2], seed=9) if hasattr(tf, "random_crop") else None]
crops = crops[:2]
sob = tf.image.sobel_edges(tf.constant(np.floor(x[None])))  # integers: exact sums
rw = tf.image.resize_with_crop_or_pad(x, 3, 8)
with tf.Session() as sess:
    d, c = sess.run([drawn, colored])
    for _ in range(2):
        print([v.tolist() for v in sess.run(crops)])
    s, r = sess.run([sob, rw])
print(drawn.op.type, drawn.op.name, drawn.shape, colored.op.type, colored.op.name)
print(d[..., 0].tolist())
print(d[0, 1].tolist(), d[1, 5].tolist())
print(c[..., 0].tolist())
print(sob.op.type, sob.op.name, sob.shape, sob.dtype)
print(s[0, :, :, 0].tolist())
print(s[0, :, :, 1, 1].tolist())
print(rw.op.type, rw.shape, r[..., 0].tolist())
print([t.op.type for t in crops], [t.op.name for t in crops], [t.shape for t in crops])
