# ResizeBilinear / ResizeNearestNeighbor values (float32, bit-level), every corner mode,
# upsampling and downsampling, integer inputs, and static shapes.
rng = np.random.RandomState(3)
x = rng.uniform(-50, 200, (2, 4, 5, 3)).astype(np.float32)
u8 = rng.randint(0, 256, (1, 3, 4, 2)).astype(np.uint8)
out = []
for size in ([7, 3], [2, 9], [1, 1]):
    for ac, hp in ((False, False), (True, False), (False, True)):
        out.append(tf.image.resize_bilinear(x, size, align_corners=ac, half_pixel_centers=hp))
        out.append(tf.image.resize_nearest_neighbor(x, size, align_corners=ac,
                                                    half_pixel_centers=hp))
out.append(tf.image.resize_bilinear(u8, [5, 5]))
out.append(tf.image.resize_nearest_neighbor(u8, [5, 6], half_pixel_centers=True))
with tf.Session() as sess:
    values = sess.run(out)
np.set_printoptions(precision=9)
for t, v in zip(out, values):
    print(t.op.name, t.op.type, t.shape, t.dtype, v.dtype)
    print(v.reshape(-1)[:12], float(v.astype(np.float64).sum()))
p = tf.placeholder(tf.float32, [None, None, None, 3])
print(tf.image.resize_bilinear(p, [4, 6]).shape, tf.image.resize_nearest_neighbor(p, [4, 6]).shape)
s = tf.placeholder(tf.int32, [2])
print(tf.image.resize_bilinear(x, s).shape)
