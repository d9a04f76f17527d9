# Static shape inference with a [None, 3] placeholder through elementwise, reduction and array ops.
p = tf.placeholder(tf.float32, [None, 3])
q = tf.placeholder(tf.float32, [2, None])
ts = {
    'add': p + 1.0, 'bcast': p + tf.constant([1.0, 2.0, 3.0]), 'pq': p + tf.ones([1, 3]),
    'mul_col': p * tf.ones([4, 1]), 'exp': tf.exp(p), 'cmp': p > 0.0,
    'cast': tf.cast(p, tf.int32), 'sum0': tf.reduce_sum(p, 0), 'sum1': tf.reduce_sum(p, 1),
    'mean_kd': tf.reduce_mean(p, 1, keepdims=True), 'argmax': tf.argmax(p, 1),
    'matmul': tf.matmul(p, tf.ones([3, 5])), 'T': tf.transpose(p), 'expand': tf.expand_dims(p, 0),
    'concat0': tf.concat([p, p], 0), 'concat1': tf.concat([p, p], 1), 'stack': tf.stack([p, p]),
    'gather': tf.gather(p, [0, 1]), 'tile': tf.tile(p, [2, 2]), 'pad': tf.pad(p, [[1, 1], [2, 2]]),
    'onehot': tf.one_hot(tf.cast(p, tf.int32), 4), 'where3': tf.where(p > 0, p, -p),
    'where1': tf.where(p > 0), 'softmax': tf.nn.softmax(p), 'slice': p[1:, :2],
    'reshape': tf.reshape(p, [-1]), 'zeros_like': tf.zeros_like(p), 'shape': tf.shape(p),
    'q_plus_p': q + tf.ones([2, 3]), 'qm': tf.matmul(q, p), 'add_n': tf.add_n([p, p]),
    'clip': tf.clip_by_value(p, 0.0, 1.0), 'fill': tf.fill(tf.shape(p), 2.0),
    'unstack': tf.unstack(p, axis=1)[0], 'split': tf.split(p, 3, 1)[2],
    'range': tf.range(tf.shape(p)[0]),
}
for k, t in ts.items():
    print(k, t.shape)
