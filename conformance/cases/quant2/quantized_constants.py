# Quantized constants: only numpy values convert; GraphDef encoding; fetched values.
q = {d.name: d.as_numpy_dtype for d in [tf.qint8, tf.quint8, tf.qint16, tf.quint16, tf.qint32]}
show_error(tf.constant, [1, 2], tf.quint8)
show_error(tf.constant, 1, tf.quint8)
show_error(tf.constant, 1.5, tf.qint32)
a = tf.constant(np.array([1, 2], np.uint8), tf.quint8)
b = tf.constant(np.array([1, 2], np.int32), tf.quint8)
c = tf.constant(np.array([1.5, 2.0]), tf.quint8)
d = tf.constant(np.array([1, 2, 255], q["quint8"]))
e = tf.constant(np.array([[1, -2]], q["qint32"]))
f = tf.constant(np.array([1, -2], q["qint16"]))
g = tf.constant(np.array([7, 7, 7], q["quint16"]))
h = tf.constant(np.array(-3, q["qint8"]))
i = tf.constant(np.arange(20, dtype=np.int8).astype(q["qint8"]))
for t in [a, b, c, d, e, f, g, h, i]:
    print(t)
    print(t.op.node_def)
nodes = {n.name: n for n in tf.get_default_graph().as_graph_def().node}
for t in [a, e, h]:
    print(nodes[t.op.name].attr["value"].tensor)
print(tf.make_tensor_proto(np.array([1, 2], np.int8), tf.qint8))
print(repr(tf.make_ndarray(tf.make_tensor_proto(np.array([1, 2], np.int8), tf.qint8))))
print(repr(tf.make_ndarray(nodes[h.op.name].attr["value"].tensor)))
print(tf.convert_to_tensor(np.array([1], q["quint8"])))
print(tf.convert_to_tensor(np.array([1], np.uint8), tf.quint8))
with tf.Session() as sess:
    for t in [a, b, c, d, e, f, g, h, i]:
        v = sess.run(t)
        print(repr(v), type(v).__name__, v.dtype)
    print(repr(sess.run(tf.reshape(e, [2]))), repr(sess.run(tf.identity(d))))
    print(repr(sess.run(tf.zeros([2], tf.quint8))), repr(sess.run(tf.ones([2], tf.qint32))))
    print(repr(sess.run(tf.zeros([], tf.qint8))))
    r = sess.run(e)
    print(repr(r[0, 0]), str(r), repr(r.astype(np.int64)))
