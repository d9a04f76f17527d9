# extract_glimpse (TF1): centred/normalised offset modes for glimpses inside the image (TF fills
# pixels outside it with unseeded noise, so only in-image values are compared), shapes, names.
x = np.arange(2 * 8 * 10 * 2, dtype=np.float32).reshape(2, 8, 10, 2)
img = tf.constant(x)
outs = [
    tf.image.extract_glimpse(img, [3, 4], [[0.0, 0.0], [0.2, -0.3]]),
    tf.image.extract_glimpse(img, [2, 2], [[1.0, 2.0], [-1.5, 0.5]], centered=True,
                             normalized=False),
    tf.image.extract_glimpse(img, [3, 3], [[0.1, 0.2], [0.3, 0.45]], centered=False,
                             normalized=True),
    tf.image.extract_glimpse(img, [4, 5], [[2.0, 1.0], [3.9, 4.2]], centered=False,
                             normalized=False),
]
with tf.Session() as sess:
    values = sess.run(outs)
values[3] = values[3][:, :, 1:]  # its first column of image 0 is outside: noise
for t, v in zip(outs, values):
    print(t.op.type, t.op.name, t.shape, t.dtype)
    print(v[..., 0].tolist())
out = tf.image.extract_glimpse(img, [3, 3], [[-0.99, -0.99], [0.0, 0.0]])
v = tf.Session().run(out)
print(out.shape, v[1, ..., 0].tolist())
print(bool(np.all((v[0] >= x[0].min()) & (v[0] <= x[0].max()))))
print(tf.gradients(outs[0], img))
