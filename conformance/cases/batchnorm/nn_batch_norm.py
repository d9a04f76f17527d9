# tf.nn.batch_normalization (Rsqrt/mul/add graph) and tf.nn.fused_batch_norm: names, values, grads.
def ops_since(n):
    return [f"{op.name}:{op.type}" for op in tf.get_default_graph().get_operations()[n:]]
def count():
    return len(tf.get_default_graph().get_operations())
rng = np.random.RandomState(0)
x_val = rng.randn(4, 3).astype(np.float32)
x = tf.placeholder(tf.float32, [None, 3], name="x")
mean, var = tf.nn.moments(x, [0])
n = count()
y1 = tf.nn.batch_normalization(x, mean, var, tf.constant([0.0, 1.0, 2.0]),
                               tf.constant([1.0, 0.5, 2.0]), 1e-3)
print(y1, ops_since(n))
n = count()
y2 = tf.nn.batch_normalization(x, 1.0, 2.0, None, None, 1e-3, name="bn")
y3 = tf.nn.batch_normalization(x, 1.0, 2.0, 0.5, None, 1e-3)
y4 = tf.nn.batch_normalization(x, mean, var, None, 3.0, 1e-3)
print(y2, y3, y4, ops_since(n))
g1 = tf.gradients(tf.reduce_sum(y1 * y1), x)
with tf.Session() as sess:
    for v in sess.run([y1, y2, y3, y4] + g1, {x: x_val}):
        print(np.round(v, 4).tolist())
x4_val = rng.randn(2, 3, 2, 3).astype(np.float32)
x4 = tf.placeholder(tf.float32, [None, 3, 2, 3], name="x4")
scale = tf.constant([1.0, 2.0, 0.5])
offset = tf.constant([0.1, -0.2, 0.3])
n = count()
train = tf.nn.fused_batch_norm(x4, scale, offset)
infer = tf.nn.fused_batch_norm(x4, scale, offset, mean=[0.1, 0.2, 0.3], variance=[1.0, 2.0, 3.0],
                               is_training=False, name="infer")
blend = tf.nn.fused_batch_norm(x4, scale, offset, mean=[0.1, 0.2, 0.3], variance=[1.0, 2.0, 3.0],
                               epsilon=1e-7, exponential_avg_factor=0.25)
print(train, infer, blend, ops_since(n))
print(train[0].op.get_attr("epsilon"), blend[0].op.get_attr("epsilon"),
      train[0].op.get_attr("is_training"), infer[0].op.get_attr("data_format"))
n = count()
grads = tf.gradients(tf.reduce_sum(train[0] * train[0]) + tf.reduce_sum(infer[0] * infer[0] * x4),
                     [x4, scale, offset])
print(grads, [op for op in ops_since(n) if "FusedBatchNorm" in op])
with tf.Session() as sess:
    for v in sess.run(list(train) + list(infer) + list(blend) + grads, {x4: x4_val}):
        print(np.round(v, 4).tolist())
show_error(tf.nn.fused_batch_norm, x4, scale, offset, is_training=False)
show_error_contains(lambda: tf.nn.fused_batch_norm(x, scale, offset),
                    "Shape must be rank 4 but is rank 2")
