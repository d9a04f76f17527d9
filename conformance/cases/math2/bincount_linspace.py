# bincount, confusion_matrix and lin_space values, dtypes and shapes.
ts = [tf.math.bincount([1, 2, 2, 5]), tf.math.bincount([1, 2, 2], minlength=5),
      tf.math.bincount([1, 2, 2, 7], maxlength=3), tf.math.bincount([], minlength=2),
      tf.math.bincount([0, 1, 1], weights=[0.5, 1.0, 2.0]),
      tf.math.bincount([0, 1, 1], dtype=tf.float32),
      tf.math.confusion_matrix([0, 1, 2, 1], [0, 2, 2, 1]),
      tf.math.confusion_matrix([0, 1], [1, 1], num_classes=3, weights=[2.0, 3.0],
                               dtype=tf.float32),
      tf.lin_space(0.0, 1.0, 5), tf.linspace(tf.constant(-1.0, tf.float64), 2.0, 4),
      tf.lin_space(3.0, 5.0, 1)]
for t in ts:
    print(t.op.type, t.dtype.name, t.shape)
with tf.Session() as sess:
    for v in sess.run(ts):
        print(np.array2string(np.asarray(v), precision=6))
