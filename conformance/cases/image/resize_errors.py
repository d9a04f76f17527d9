# Resize ops' errors: static shape checks, run-time checks, dtype list; size-0 batch.
sess = tf.Session()
z = np.zeros
print(sess.run(tf.image.resize_bilinear(z((0, 3, 3, 2), np.float32), [4, 4])).shape)
print(sess.run(tf.image.resize_nearest_neighbor(z((0, 3, 3, 2), np.int32), [4, 1])).shape)
for images, size, kw in (
        (z((1, 3, 3, 0), np.float32), [4, 4], {}),
        (z((1, 0, 3, 1), np.float32), [4, 4], {}),
        (z((1, 2, 3, 1), np.float32), [0, 4], {}),
        (z((1, 2, 3, 1), np.float32), [-1, 4], {}),
        (z((1, 2, 3, 1), np.float32), [3, 4], {"align_corners": True,
                                               "half_pixel_centers": True})):
    for fn in (tf.image.resize_bilinear, tf.image.resize_nearest_neighbor):
        show_error_contains(lambda fn=fn, images=images, size=size, kw=kw: sess.run(
            fn(images, size, **kw)),
                            "must" if "half_pixel_centers" not in kw else "align_corners must")
show_error_contains(lambda: sess.run(tf.image.resize_bilinear(z((1, 0, 3, 1)), [2, 2])),
                    "input image must be of non-zero size")
show_error_contains(lambda: sess.run(tf.image.resize_bilinear(z((1, 2, 3, 1)), [0, 2])),
                    "output dimensions must be positive")
p = tf.placeholder(tf.float32)
show_error_contains(lambda: sess.run(tf.image.resize_bilinear(p, [3, 4]), {p: z((2, 3, 1))}),
                    "input must be 4-dimensional[2,3,1]")
ps = tf.placeholder(tf.int32)
show_error_contains(lambda: sess.run(tf.image.resize_bilinear(z((1, 2, 3, 1)), ps),
                                     {ps: [1, 2, 3]}), "shape_t must have two elements[3]")
show_error_contains(lambda: tf.image.resize_bilinear(z((2, 3, 1), np.float32), [3, 4]),
                    "Shape must be rank 4 but is rank 3")
show_error_contains(lambda: tf.image.resize_nearest_neighbor(z((1, 2, 3, 1)), [3, 4, 5]),
                    "Dimension must be 2 but is 3")
show_error(tf.image.resize_bilinear, z((1, 2, 3, 1), np.bool_), [3, 4])
show_error(tf.image.resize_nearest_neighbor, z((1, 2, 3, 1), np.complex64), [3, 4])
