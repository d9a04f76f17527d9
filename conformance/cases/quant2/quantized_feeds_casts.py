# Feeding quantized placeholders and casting to/from quantized types.
q = {d.name: d.as_numpy_dtype for d in [tf.qint8, tf.quint8, tf.qint16, tf.quint16, tf.qint32]}
p = tf.placeholder(tf.quint8, [None])
p32 = tf.placeholder(tf.qint32, [2])
print(p, p32)
x = tf.reshape(p, [-1, 1])
with tf.Session() as sess:
    for value in [[1, 2, 3], np.array([4, 5], np.uint8), np.array([4, 5], np.int32),
                  np.array([4.5, 5.0]), np.array([6, 7], q["quint8"]),
                  np.array([6, 7], q["qint8"])]:
        fed = sess.run(p, {p: value})
        print(repr(fed), fed.dtype)
        through = sess.run(x, {p: value})
        print(repr(through), through.dtype)
    show_error(sess.run, p, {p: [300]})
    print(repr(sess.run(p32, {p32: [-1, 2]})))
    print(repr(sess.run(tf.dequantize(p, 0.0, 255.0), {p: [0, 255]})))
    c = tf.constant(np.array([1, 2, 255], np.uint8), tf.quint8)
    for src, dst in [(c, tf.float32), (tf.constant([1.7, -1.2]), tf.quint8),
                     (tf.constant([1, -5]), tf.qint32), (c, tf.qint8), (c, tf.int32),
                     (tf.constant([70000, -3]), tf.qint16), (tf.constant([True]), tf.quint8)]:
        y = tf.cast(src, dst)
        print(y, y.op.type, y.op.get_attr("SrcT"), y.op.get_attr("DstT"))
        print(repr(sess.run(y)))
    print(tf.cast(c, tf.quint8) is c)
    print(repr(sess.run(tf.cast(np.array([1.9]), tf.quint8))))
    v = tf.Variable(np.array([1, 2], q["quint8"]))
    print(v, v.dtype)
    sess.run(v.initializer)
    print(repr(sess.run(v)), repr(sess.run(v.value())))
    show_error(tf.cast, tf.constant(["a"]), tf.quint8)
