# tf.quantize / quantize_v2 / dequantize / quantized_concat: every mode and rounding, output
# ranges, dtypes, op types, errors.
sess = tf.Session()
x = tf.constant(np.linspace(-8, 8, 13).astype(np.float32))
for T in [tf.quint8, tf.qint8, tf.quint16, tf.qint16, tf.qint32]:
    for mode in ["MIN_COMBINED", "MIN_FIRST", "SCALED"]:
        rounds = ["HALF_AWAY_FROM_ZERO", "HALF_TO_EVEN"] if mode == "SCALED" else \
            ["HALF_AWAY_FROM_ZERO"]
        for round_mode in rounds:
            if mode == "MIN_FIRST" and T != tf.quint8:
                continue
            q = tf.quantize(x, -8., 8., T, mode=mode, round_mode=round_mode)
            out = sess.run(q)
            print(T.name, mode, round_mode, out.output.dtype, out.output.tolist(),
                  float(out.output_min), float(out.output_max))
            if mode == "MIN_FIRST":
                continue
            d = tf.dequantize(q.output, q.output_min, q.output_max, mode=mode)
            print(np.round(sess.run(d), 4).tolist())
q = tf.quantize(x, -8., 8., tf.quint8)
print(type(q).__name__, q._fields, q.output.op.type, q.output.op.name, q.output.dtype,
      q.output.shape, q.output_min.shape)
d = tf.dequantize(q.output, q.output_min, q.output_max)
print(d.op.type, d.op.name, d.dtype, d.shape)
print(tf.quantize_v2(x, -8., 8., tf.quint8).output.op.type)
narrow = tf.quantize(x, -8., 8., tf.qint8, mode="SCALED", narrow_range=True)
print(sess.run(narrow).output.tolist(), sess.run(narrow).output_min)
print(np.round(sess.run(tf.dequantize(narrow.output, narrow.output_min, narrow.output_max,
                                      mode="SCALED", narrow_range=True)), 4).tolist())
small = tf.quantize(tf.constant([0.001, 0.002]), 0.001, 0.002, tf.quint8)
print(sess.run(small).output.tolist(), [float(v) for v in sess.run(small)[1:]])
positive = tf.quantize(tf.constant([1., 3.]), 1., 3., tf.quint8)
print(sess.run(positive).output.tolist(), [float(v) for v in sess.run(positive)[1:]])
a = tf.quantize(tf.constant([[1., 2.]]), 0., 2., tf.quint8)
b = tf.quantize(tf.constant([[-1., 4.]]), -1., 4., tf.quint8)
c = tf.quantized_concat(0, [a.output, b.output], [a.output_min, b.output_min],
                        [a.output_max, b.output_max])
print(type(c).__name__, c.output.op.type, c.output.shape, sess.run(c).output.tolist(),
      [float(v) for v in sess.run(c)[1:]])
show_error_contains(lambda: sess.run(tf.quantize(x, -8., 8., tf.quint8,
                                                 round_mode="HALF_TO_EVEN")), "HALF_TO_EVEN")
show_error(tf.quantize, x, -8., 8., tf.float32)
show_error_contains(lambda: sess.run(tf.quantize(x, 8., -8., tf.quint8)), "max")
for build in [lambda: tf.quantize(x, -8., 8., tf.quint8).output,
              lambda: tf.dequantize(q.output, q.output_min, q.output_max)]:
    try:
        print(tf.gradients(tf.cast(build(), tf.float32), x))
    except LookupError as e:
        print("LookupError", str(e)[:40])
