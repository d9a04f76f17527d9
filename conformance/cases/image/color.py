# convert_image_dtype, per_image_standardization, grayscale, brightness, total_variation,
# image_gradients, psnr: values, dtypes, op types/names, static shapes, errors.
rng = np.random.RandomState(11)
f = rng.uniform(0, 1, (2, 3, 4, 3)).astype(np.float32)
u8 = rng.randint(0, 256, (3, 4, 3)).astype(np.uint8)
img, u8t = tf.constant(f), tf.constant(u8)
out = [
    tf.image.convert_image_dtype(img, tf.uint8),
    tf.image.convert_image_dtype(img * 1.5, tf.uint8, saturate=True),
    tf.image.convert_image_dtype(u8t, tf.float32), tf.image.convert_image_dtype(u8t, tf.int32),
    tf.image.convert_image_dtype(tf.constant(u8.astype(np.int32) * 1000000), tf.uint8),
    tf.image.convert_image_dtype(img, tf.float64), tf.image.convert_image_dtype(img, tf.float32),
    tf.image.per_image_standardization(img), tf.image.per_image_standardization(u8t),
    tf.image.per_image_standardization(tf.ones([2, 2, 1])),
    tf.image.rgb_to_grayscale(img), tf.image.rgb_to_grayscale(u8t),
    tf.image.grayscale_to_rgb(img[..., :1]),
    tf.image.adjust_brightness(img, 0.25), tf.image.adjust_brightness(u8t, 0.2),
    tf.image.total_variation(img), tf.image.total_variation(img[0]),
    tf.image.image_gradients(img)[0], tf.image.image_gradients(img)[1],
    tf.image.psnr(img, img * 0.9, 1.0), tf.image.psnr(u8t, u8t // 2, 255),
]
with tf.Session() as sess:
    values = sess.run(out)
np.set_printoptions(precision=6, suppress=True)
for t, v in zip(out, values):
    print(t.op.type, t.op.name, t.shape, t.dtype)
    print(np.asarray(v).reshape(-1)[:8], float(np.abs(np.asarray(v, np.float64)).sum()))
show_error(tf.image.convert_image_dtype, img, tf.string)
show_error(tf.image.grayscale_to_rgb, img)
show_error(tf.image.total_variation, tf.zeros([3, 3]))
show_error(tf.image.image_gradients, img[0])
