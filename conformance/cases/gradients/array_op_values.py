# Gradients through reshape, transpose, concat, stack, unstack, split, slicing, gather, tile, pad,
# where, expand_dims, squeeze and softmax.
x = tf.constant([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], name='x')
w = tf.constant([[1.0, -1.0, 2.0], [0.5, 3.0, -2.0]], name='w')
def weighted(t):
    shape = t.shape.as_list()
    weights = np.arange(1.0, 1.0 + np.prod(shape), dtype=np.float32).reshape(shape)
    return tf.reduce_sum(t * weights)
ys = {'reshape': tf.reshape(x, [3, 2]), 'transpose': tf.transpose(x),
      'concat': tf.concat([x, w, x], 1), 'stack': tf.stack([x, x * 2.0], 1),
      'unstack': tf.unstack(x)[1], 'split': tf.split(x, [1, 2], 1)[1],
      'slice': tf.slice(x, [0, 1], [2, 2]), 'strided': x[:, ::-2], 'index': x[1, 2],
      'gather': tf.gather(x, [1, 1, 0]), 'gather_axis': tf.gather(x, [2, 0], axis=1),
      'tile': tf.tile(x, [2, 1]), 'pad': tf.pad(x, [[1, 0], [0, 2]]),
      'where': tf.where(w > 0.0, x, -x), 'expand': tf.expand_dims(x, 1),
      'squeeze': tf.squeeze(tf.expand_dims(x, 0)), 'softmax': tf.nn.softmax(x),
      'add_n': tf.add_n([x, x, w])}
with tf.Session() as sess:
    for k, y in ys.items():
        grad = tf.convert_to_tensor(tf.gradients(weighted(y), x)[0])  # gather: IndexedSlices
        print(k, repr(np.round(sess.run(grad), 5)))
