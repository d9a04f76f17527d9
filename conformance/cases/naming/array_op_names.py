# Default names and types of array-manipulation ops and their helper inputs.
x = tf.constant([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], name='x')
def show(t):
    print(t.name, t.op.type, [i.name for i in t.op.inputs])
for t in [tf.reshape(x, [3, 2]), tf.transpose(x), tf.transpose(x, [1, 0]), tf.expand_dims(x, 0),
          tf.squeeze(tf.expand_dims(x, 0)), tf.concat([x, x], 0), tf.stack([x, x]),
          tf.slice(x, [0, 1], [1, 2]), x[0], x[:, 1:], tf.gather(x, [1, 0]),
          tf.tile(x, [1, 2]), tf.pad(x, [[1, 0], [0, 1]]), tf.shape(x), tf.size(x), tf.rank(x),
          tf.range(5), tf.range(1, 5, 2), tf.add_n([x, x, x]), tf.where(x > 2.0),
          tf.where(x > 2.0, x, -x), tf.one_hot([0, 2], 3), tf.identity(x), tf.zeros_like(x),
          tf.ones_like(x), tf.fill([2], 7.0), tf.zeros([2, 2]), tf.ones([3]),
          tf.placeholder_with_default(x, [None, 3]), tf.stop_gradient(x), tf.cast(x, tf.int32),
          tf.reverse(x, [1])]:
    show(t)
for t in tf.unstack(x) + tf.split(x, 3, axis=1) + tf.split(x, [1, 2], axis=1):
    show(t)
