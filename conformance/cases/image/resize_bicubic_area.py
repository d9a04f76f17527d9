# ResizeBicubic (legacy and half-pixel Keys cubic), its gradient, and ResizeArea: values at
# float32 precision, op names/types, shapes, resize_images methods 2 and 3, dtype errors.
rng = np.random.RandomState(13)
x = rng.uniform(-50, 200, (2, 5, 4, 3)).astype(np.float32)
xt = tf.constant(x)
out = []
for size in ([8, 7], [2, 3], [1, 1], [5, 4]):
    for ac, hp in ((False, False), (True, False), (False, True)):
        out.append(tf.image.resize_bicubic(xt, size, align_corners=ac, half_pixel_centers=hp))
    out.append(tf.image.resize_area(xt, size))
    out.append(tf.image.resize_area(xt, size, align_corners=True))
out.append(tf.image.resize_bicubic(np.arange(12, dtype=np.uint8).reshape(1, 3, 4, 1), [4, 6]))
out.append(tf.image.resize_area(np.arange(12, dtype=np.int64).reshape(1, 3, 4, 1), [2, 3]))
out.append(tf.image.resize_images(xt, [3, 6], method=tf.image.ResizeMethod.BICUBIC))
out.append(tf.image.resize_images(xt[0], [3, 6], method=tf.image.ResizeMethod.AREA))
g = tf.constant(rng.uniform(-1, 1, (2, 7, 6, 3)).astype(np.float32))
grads = []
for ac, hp in ((False, False), (True, False), (False, True)):
    y = tf.image.resize_bicubic(xt, [7, 6], align_corners=ac, half_pixel_centers=hp)
    grads.append(tf.gradients(y, xt, grad_ys=g)[0])
with tf.Session() as sess:
    values = sess.run(out + grads)
np.set_printoptions(precision=7)
for t, v in zip(out + grads, values):
    print(t.op.name, t.op.type, t.shape, t.dtype)
    print(v.reshape(-1)[:10], float(np.abs(v.astype(np.float64)).sum()))
print([i.name for i in grads[0].op.inputs])
show_error(tf.image.resize_bicubic, np.zeros((1, 2, 2, 1), np.bool_), [3, 3])
show_error(tf.image.resize_area, np.zeros((1, 2, 2, 1), np.bool_), [3, 3])
show_error(tf.gradients, tf.image.resize_area(xt, [3, 3]), xt)
