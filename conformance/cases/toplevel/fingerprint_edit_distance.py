# tf.fingerprint (FarmHash Fingerprint64, bit-exact) and tf.edit_distance.
sess = tf.Session()
fp = tf.fingerprint(tf.constant([b"hello", b"world"]))
print(fp.op.type, fp.op.name, fp.dtype, fp.shape, sess.run(fp).tolist())
for value in [np.array([[1, 2], [3, 4]], np.int32), np.array([1.5, 2.5], np.float32),
              np.array([b"", b"a" * 100, b"abc", b"x" * 17, b"y" * 33, b"z" * 65]),
              np.zeros([3, 0], np.float32), np.arange(24, dtype=np.int64).reshape(2, 3, 4),
              np.array([[b"ab", b"c"], [b"", b"defgh"]]), np.array([True, False]),
              np.array([[[b"p", b"q"]], [[b"r", b"s"]]])]:
    fp = tf.fingerprint(tf.constant(value))
    print(fp.shape, sess.run(fp).tolist())
# (TF computes the method input only after the rank check passed; tfcompat names it anyway.)
show_error_contains(lambda: tf.fingerprint(tf.constant(1)),
                    "Shape must be at least rank 1 but is rank 0 for '{{node Fingerprint_9}} = "
                    "Fingerprint[T=DT_INT32](Const_9, Fingerprint_9/method)' with input shapes: "
                    "[], []")
show_error(tf.fingerprint, tf.constant([1]), method="md5")
print(tf.fingerprint(tf.placeholder(tf.string, [None, 2])).shape)
xf = tf.constant([[1., 2.]])
try:
    print(tf.gradients(tf.cast(tf.fingerprint(xf), tf.float32), xf))
except LookupError as e:
    print("LookupError", str(e)[:50])
hyp = tf.SparseTensor([[0, 0], [0, 1], [1, 0]], ["a", "b", "c"], [2, 2])
tru = tf.SparseTensor([[0, 0], [1, 0], [1, 1]], ["a", "c", "d"], [2, 2])
ed = tf.edit_distance(hyp, tru)
print(ed.op.type, ed.op.name, ed.dtype, ed.shape, sess.run(ed).tolist())
print(sorted(o.type for o in tf.get_default_graph().get_operations()
             if o.name.startswith("edit_distance")))
print(sess.run(tf.edit_distance(hyp, tru, normalize=False)).tolist())
hyp = tf.SparseTensor([[0, 0, 0], [1, 0, 0]], [1, 2], [2, 1, 1])
tru = tf.SparseTensor([[0, 0, 0]], [1], [2, 1, 1])
print(sess.run(tf.edit_distance(hyp, tru)).tolist(),
      sess.run(tf.edit_distance(hyp, tru, normalize=False)).tolist())
print(tf.edit_distance(hyp, tru).shape)
hyp = tf.SparseTensor([[0, 0], [0, 1], [0, 2], [2, 0]], [3, 1, 4], [3, 3]) if False else \
    tf.SparseTensor([[0, 0], [0, 1], [0, 2], [2, 0]], [3, 1, 4, 1], [3, 3])
tru = tf.SparseTensor([[0, 0], [0, 1], [1, 0], [1, 1], [1, 2], [1, 3]], [1, 4, 1, 5, 9, 2],
                      [2, 4])
print(sess.run(tf.edit_distance(hyp, tru)).tolist(),
      sess.run(tf.edit_distance(hyp, tru, normalize=False)).tolist())
show_error(tf.edit_distance, hyp, tf.SparseTensor([[0, 0]], [1.], [2, 1]))
show_error(tf.edit_distance, tf.constant([1]), tru)
show_error(tf.edit_distance, hyp, tf.constant([1]))
ph = tf.sparse_placeholder(tf.int64)
print(tf.edit_distance(ph, ph).shape)
