# Seeded random flips/brightness/contrast (TF's Philox stream), adjust_contrast (AdjustContrastv2),
# adjust_gamma, YIQ/YUV conversions: values, dtypes, op types/names, errors.
tf.set_random_seed(42)
rng = np.random.RandomState(17)
f = rng.uniform(0, 1, (4, 3, 2, 3)).astype(np.float32)
u8 = rng.randint(0, 256, (3, 2, 3)).astype(np.uint8)
img, u8t = tf.constant(f), tf.constant(u8)
out = [
    tf.image.random_flip_left_right(img, seed=1), tf.image.random_flip_up_down(img, seed=2),
    tf.image.random_flip_left_right(img[0], seed=3), tf.image.random_flip_up_down(u8t, seed=4),
    tf.image.random_flip_left_right(img),
    tf.image.random_brightness(img, 0.3, seed=5), tf.image.random_contrast(img, 0.2, 1.8, seed=6),
    tf.image.adjust_contrast(img, 1.7), tf.image.adjust_contrast(u8t, 0.4),
    tf.image.adjust_gamma(img, 2.2, 1.1), tf.image.adjust_gamma(u8t, 0.5),
    tf.image.rgb_to_yiq(img), tf.image.yiq_to_rgb(img), tf.image.rgb_to_yuv(img[0]),
    tf.image.yuv_to_rgb(img),
    tf.image.yiq_to_rgb(tf.image.rgb_to_yiq(tf.constant(f.astype(np.float64)))),
]
with tf.Session() as sess:
    for _ in range(2):
        values = sess.run(out)
        np.set_printoptions(precision=6, suppress=True)
        for t, v in zip(out, values):
            print(t.op.type, t.op.name, t.shape, t.dtype)
            print(np.asarray(v).reshape(-1)[:9], float(np.abs(np.asarray(v, np.float64)).sum()))
show_error(tf.image.random_brightness, img, -0.1)
show_error(tf.image.random_contrast, img, 0.5, 0.5)
show_error(tf.image.random_contrast, img, -0.5, 0.5)
show_error(tf.image.adjust_gamma, img, -1.0)
show_error(tf.image.random_flip_left_right, tf.zeros([2, 2]))
show_error(tf.gradients, tf.image.adjust_contrast(img, 2.0), img)
