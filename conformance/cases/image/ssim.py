# ssim (float and uint8, batch dims, return_index_map) and ssim_multiscale: values at float32
# precision, shapes, dtypes.
rng = np.random.RandomState(31)
a = rng.uniform(0, 1, (2, 24, 20, 3)).astype(np.float32)
b = np.clip(a + rng.normal(0, 0.1, a.shape), 0, 1).astype(np.float32)
u1 = (a[0] * 255).astype(np.uint8)
u2 = (b[0] * 255).astype(np.uint8)
big1 = rng.uniform(0, 1, (1, 177, 181, 1)).astype(np.float32)
big2 = np.clip(big1 * 0.8 + 0.1 + rng.normal(0, 0.05, big1.shape), 0, 1).astype(np.float32)
out = [tf.image.ssim(a, b, 1.0), tf.image.ssim(a, a, 1.0), tf.image.ssim(u1, u2, 255),
       tf.image.ssim(a[0], b[0], 1.0, filter_size=7, filter_sigma=1.0, k1=0.02, k2=0.04),
       tf.image.ssim(a, b, 1.0, return_index_map=True),
       tf.image.ssim_multiscale(big1, big2, 1.0),
       tf.image.ssim_multiscale(big1, big2, 1.0, power_factors=(0.5, 0.3, 0.2))]
with tf.Session() as sess:
    values = sess.run(out)
np.set_printoptions(precision=5, suppress=True)
for t, v in zip(out, values):
    print(t.shape, t.dtype, v.shape)
    print(np.asarray(v).reshape(-1)[:6], float(np.abs(np.asarray(v, np.float64)).sum()))
