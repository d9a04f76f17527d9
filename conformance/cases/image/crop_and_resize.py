# CropAndResize (bilinear, nearest, extrapolation, one-row crops, flipped boxes) and its
# gradients with respect to the image and the boxes; op names, shapes, errors.
rng = np.random.RandomState(23)
image = tf.constant(rng.uniform(-1, 1, (2, 5, 6, 2)).astype(np.float32))
boxes = tf.constant(np.array([[0.1, 0.2, 0.8, 0.9], [0.0, 0.0, 1.0, 1.0], [-0.2, 0.3, 1.3, 0.6],
                              [0.7, 0.9, 0.2, 0.1], [0.5, 0.5, 0.5, 0.5]], np.float32))
box_ind = tf.constant([0, 1, 1, 0, 1])
out = [
    tf.image.crop_and_resize(image, boxes, box_ind, [3, 4]),
    tf.image.crop_and_resize(image, boxes, box_ind, [1, 5], extrapolation_value=-7.0),
    tf.image.crop_and_resize(image, boxes, box_ind, [4, 1], method="nearest"),
    tf.image.crop_and_resize(tf.constant(np.arange(60, dtype=np.uint8).reshape(1, 5, 6, 2)),
                             boxes[:2], [0, 0], [3, 3]),
    tf.image.crop_and_resize(image, boxes, crop_size=[2, 2], box_indices=box_ind),
]
w = tf.constant(rng.uniform(-1, 1, (5, 3, 4, 2)).astype(np.float32))
gi, gb = tf.gradients(out[0] * w, [image, boxes])
gn, = tf.gradients(out[2], [image])
with tf.Session() as sess:
    values = sess.run(out + [gi, gb, gn])
np.set_printoptions(precision=6, suppress=True)
for t, v in zip(out + [gi, gb, gn], values):
    print(t.op.type, t.op.name, t.shape, t.dtype)
    print(v.reshape(-1)[:12], float(np.abs(v.astype(np.float64)).sum()))
print(values[-2])
print(tf.image.crop_and_resize(tf.placeholder(tf.float32, [None, None, None, 3]),
                               tf.placeholder(tf.float32), tf.placeholder(tf.int32), [2, 3]).shape)
sess = tf.Session()
show_error_contains(lambda: sess.run(tf.image.crop_and_resize(image, boxes, [0, 1, 2, 0, 0],
                                                              [2, 2])), "box_index has values")
show_error_contains(lambda: tf.image.crop_and_resize(image, boxes[:, :3], box_ind, [2, 2]),
                    "Dimension must be 4 but is 3")
show_error(tf.image.crop_and_resize, image, boxes, box_ind, [2, 2], method="cubic")
show_error(tf.image.crop_and_resize, image, boxes, box_ind, [2, 2], box_indices=box_ind)
