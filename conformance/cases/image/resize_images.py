# tf.image.resize_images (v1): methods, 3-D and 4-D, same-size skip, preserve_aspect_ratio,
# resize_image_with_pad; op names and static shapes.
rng = np.random.RandomState(7)
x = rng.uniform(0, 255, (2, 4, 6, 3)).astype(np.float32)
img = tf.constant(x)
out = [
    tf.image.resize_images(img, [3, 5]),
    tf.image.resize_images(img, [8, 9], method=tf.image.ResizeMethod.NEAREST_NEIGHBOR),
    tf.image.resize_images(img, [8, 9], align_corners=True),
    tf.image.resize_images(img[0], [5, 3]),
    tf.image.resize_images(img, [4, 6]),
    tf.image.resize_images(img, [8, 8], preserve_aspect_ratio=True),
    tf.image.resize(img[1], (2, 2), method=1),
    tf.image.resize_image_with_pad(img, 6, 6),
    tf.image.resize_image_with_pad(img[0], 3, 9, method=tf.image.ResizeMethod.NEAREST_NEIGHBOR),
    tf.image.resize_images(tf.constant(x.astype(np.uint8)), [3, 3], method=1),
]
with tf.Session() as sess:
    values = sess.run(out)
np.set_printoptions(precision=6, suppress=True)
for t, v in zip(out, values):
    print(t.op.type, t.op.name, t.shape, t.dtype)
    print(v.reshape(-1)[:8], float(v.astype(np.float64).sum()))
print(int(tf.image.ResizeMethod.BILINEAR), int(tf.image.ResizeMethod.AREA))
print(tf.image.resize_images(tf.placeholder(tf.float32, [None, 5, 5, 1]),
                             tf.placeholder(tf.int32, [2])).shape)
show_error(tf.image.resize_images, tf.zeros([4, 4]), [2, 2])
show_error(tf.image.resize_images, img, [2, 2, 2])
show_error(tf.image.resize_images, img, [2, 2], method=7)
show_error(tf.image.resize_images, tf.placeholder(tf.float32), [2, 2])
