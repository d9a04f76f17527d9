# RGBToHSV / HSVToRGB (+ the RGBToHSV gradient), AdjustHue / AdjustSaturation, seeded
# random_hue / random_saturation: values, dtypes, op types/names, errors.
tf.set_random_seed(3)
rng = np.random.RandomState(19)
f = rng.uniform(0, 1, (2, 3, 4, 3)).astype(np.float32)
f[0, 0, 0] = [0.5, 0.5, 0.5]
f[0, 0, 1] = [0.0, 0.0, 0.0]
f[0, 0, 2] = [0.9, 0.9, 0.1]
u8 = rng.randint(0, 256, (3, 4, 3)).astype(np.uint8)
img, u8t = tf.constant(f), tf.constant(u8)
hsv = tf.image.rgb_to_hsv(img)
out = [
    hsv, tf.image.hsv_to_rgb(hsv), tf.image.hsv_to_rgb(img),
    tf.image.rgb_to_hsv(tf.constant(f.astype(np.float64))),
    tf.image.adjust_hue(img, 0.2), tf.image.adjust_hue(img, -0.7), tf.image.adjust_hue(u8t, 0.1),
    tf.image.adjust_saturation(img, 0.3), tf.image.adjust_saturation(img, 2.5),
    tf.image.adjust_saturation(u8t, 1.5),
    tf.image.random_hue(img, 0.3, seed=1), tf.image.random_saturation(img, 0.2, 1.9, seed=2),
]
x64 = tf.constant(rng.uniform(0.05, 0.95, (2, 5, 3)))
g, = tf.gradients(tf.image.rgb_to_hsv(x64), x64, grad_ys=tf.constant(rng.uniform(-1, 1, (2, 5, 3))))
with tf.Session() as sess:
    values = sess.run(out + [g])
np.set_printoptions(precision=6, suppress=True)
for t, v in zip(out + [g], values):
    print(t.op.type if t is not g else "grad", t.shape, t.dtype)
    print(np.asarray(v).reshape(-1)[:12], float(np.abs(np.asarray(v, np.float64)).sum()))
print([t.op.name for t in out[:4]])
show_error(tf.image.random_hue, img, 0.6)
show_error(tf.image.random_saturation, img, 1.0, 0.5)
show_error_contains(lambda: tf.image.rgb_to_hsv(tf.zeros([2, 2])), "Dimension must be 3 but is 2")
print(tf.gradients(tf.image.hsv_to_rgb(img), img))
show_error(tf.gradients, tf.image.adjust_hue(img, 0.1), img)
