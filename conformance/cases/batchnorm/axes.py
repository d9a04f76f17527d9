# Batch norm along a non-last axis and along several axes (moments path): reshapes and values.
def ops_since(n):
    return [op.name for op in tf.get_default_graph().get_operations()[n:]
            if "Initializer" not in op.name and not op.name.endswith(("/Assign", "/read"))]
x = tf.constant(np.random.RandomState(0).randn(4, 3, 2).astype(np.float32))
n = len(tf.get_default_graph().get_operations())
y = tf.layers.batch_normalization(x, axis=1, training=True)
z = tf.layers.batch_normalization(x, axis=[1, 2], training=True)
print(y, z, ops_since(n))
print([v.shape for v in tf.global_variables()])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print(np.round(sess.run(y)[0], 4).tolist(), np.round(sess.run(z)[0], 4).tolist())
    sess.run(tf.get_collection(tf.GraphKeys.UPDATE_OPS))
    for v in sess.run(tf.global_variables()):
        print(np.round(v, 4).tolist())
