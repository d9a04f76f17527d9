# Default names and types of matmul, reductions, argmax/argmin and nn ops.
x = tf.constant([[1.0, 2.0], [3.0, 4.0]], name='x')
def show(t):
    print(t.name, t.op.type, [i.name for i in t.op.inputs])
for t in [tf.matmul(x, x), tf.matmul(x, x, transpose_a=True), tf.reduce_sum(x),
          tf.reduce_sum(x, 0), tf.reduce_mean(x), tf.reduce_max(x, axis=1), tf.reduce_min(x),
          tf.reduce_prod(x), tf.reduce_any(x > 2.0), tf.reduce_all(x > 0.0), tf.argmax(x, 1),
          tf.argmin(x, 0), tf.nn.softmax(x), tf.nn.relu(x), tf.clip_by_value(x, 1.5, 3.5)]:
    show(t)
