# Flips, rot90, transpose, crops and pads: values, op types/names, static shapes, errors.
x = np.arange(2 * 3 * 4 * 2, dtype=np.float32).reshape(2, 3, 4, 2)
img = tf.constant(x)
out = [
    tf.image.flip_left_right(img), tf.image.flip_up_down(img[0]),
    tf.image.transpose(img), tf.image.transpose_image(img[1]),
    tf.image.rot90(img), tf.image.rot90(img[0], k=2), tf.image.rot90(img, k=3),
    tf.image.rot90(img, k=-1),
    tf.image.central_crop(img, 0.5), tf.image.central_crop(img[0], 0.7),
    tf.image.crop_to_bounding_box(img, 1, 1, 2, 2),
    tf.image.crop_to_bounding_box(img[0], 0, 2, 3, 2),
    tf.image.pad_to_bounding_box(img, 1, 2, 5, 7), tf.image.pad_to_bounding_box(img[0], 0, 0, 3, 5),
    tf.image.resize_image_with_crop_or_pad(img, 2, 6),
    tf.image.resize_image_with_crop_or_pad(img[0], 5, 3),
]
with tf.Session() as sess:
    values = sess.run(out)
for t, v in zip(out, values):
    print(t.op.type, t.op.name, t.shape, t.dtype)
    print(v[..., 0].tolist())
print(tf.image.central_crop(img, 1.0) is img)
p = tf.placeholder(tf.float32, [None, None, 3])
print(tf.image.flip_left_right(p).shape, tf.image.central_crop(p, 0.5).shape,
      tf.image.crop_to_bounding_box(p, 1, 1, 2, 2).shape,
      tf.image.resize_image_with_crop_or_pad(p, 4, 4).shape)
show_error(tf.image.flip_left_right, tf.zeros([3, 3]))
show_error(tf.image.central_crop, img, 0.0)
show_error(tf.image.crop_to_bounding_box, img, 0, 0, 4, 2)
show_error(tf.image.pad_to_bounding_box, img, 0, 0, 2, 4)
show_error(tf.image.pad_to_bounding_box, img, -1, 0, 5, 5)
show_error(tf.image.resize_image_with_crop_or_pad, img, 0, 3)
