# Empty lists passed where an op takes an integer shape, axes or permutation (their type attr
# defaults to int32): TF converts them as float32 first and leaves that Const in the graph
# beside the int32 one the op uses; op names, Const dtypes and the values.
x = tf.placeholder(tf.float32, [1], name="x")
a = tf.reshape(x, [])
b = tf.reshape(x, ())
c = tf.fill([], 1.0)
d = tf.zeros([])
e = tf.reduce_sum(x, [])
f = tf.transpose(tf.reshape(x, []), [])
g = tf.tile(tf.reshape(x, []), [])
print([f"{op.type}:{op.name}:{op.get_attr('dtype').name if op.type == 'Const' else ''}"
       for op in tf.get_default_graph().get_operations()])
with tf.Session() as sess:
    print([np.asarray(v).tolist() for v in sess.run([a, b, c, d, e, f, g], {x: [2.5]})])
