# tf.dtypes: the casts are the top-level ops, QUANTIZED_DTYPES lists base and ref dtypes.
print(tf.dtypes.cast is tf.cast, tf.dtypes.as_string is tf.as_string,
      tf.dtypes.complex is tf.complex, tf.dtypes.saturate_cast is tf.saturate_cast,
      tf.dtypes.bool is tf.bool)
print(sorted(d.name for d in tf.dtypes.QUANTIZED_DTYPES))
g = tf.Graph()
with g.as_default():
    x = tf.constant([1.5, -300.0, 70000.0])
    a = tf.dtypes.cast(x, tf.int32)
    b = tf.dtypes.saturate_cast(x, tf.dtypes.int16)
    c = tf.dtypes.complex(x, x)
    s = tf.dtypes.as_string(tf.constant([1, 22]))
    print([(t.op.type, t.op.name, t.dtype.name, t.shape.as_list()) for t in (a, b, c, s)])
    with tf.Session() as sess:
        ra, rb, rc, rs = sess.run([a, b, c, s])
        print(ra.tolist(), rb.tolist(), rc.tolist(), rs.tolist())
