# Gradients of the resize ops: ResizeBilinearGrad / ResizeNearestNeighborGrad values and ops.
rng = np.random.RandomState(5)
x = tf.constant(rng.uniform(-1, 1, (2, 4, 5, 3)).astype(np.float32))
np.set_printoptions(precision=7)
with tf.Session() as sess:
    for ac, hp in ((False, False), (True, False), (False, True)):
        for size in ([7, 3], [3, 8]):
            y1 = tf.image.resize_bilinear(x, size, align_corners=ac, half_pixel_centers=hp)
            y2 = tf.image.resize_nearest_neighbor(x, size, align_corners=ac,
                                                  half_pixel_centers=hp)
            w = tf.constant(rng.uniform(-1, 1, (2, size[0], size[1], 3)).astype(np.float32))
            g1, = tf.gradients(y1 * w, x)
            g2, = tf.gradients(y2 * w, x)
            print(g1.op.type, g1.op.name, g1.shape, [i.name for i in g1.op.inputs])
            print(g2.op.type, g2.op.name, g2.shape, [i.name for i in g2.op.inputs])
            a, b = sess.run([g1, g2])
            print(a.reshape(-1)[:10], float(a.astype(np.float64).sum()))
            print(b.reshape(-1)[:10], float(b.astype(np.float64).sum()))
    p = tf.placeholder(tf.float32, [None, None, None, 2])
    g, = tf.gradients(tf.image.resize_nearest_neighbor(p, [3, 3]), p)
    print(g.shape, [i.op.type for i in g.op.inputs])
    print(sess.run(g, {p: np.ones((1, 2, 5, 2), np.float32)})[0, :, :, 0])
