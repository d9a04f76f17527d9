# TF API functions on RaggedTensors: reductions, concat, stack, gather, element-wise ops.
sess = tf.Session()
c = tf.ragged.constant([[1, 2], [3]])
d = tf.ragged.constant([[4], [5, 6, 7]])
f = tf.ragged.constant([[1., 2.], [], [3.5]])
n = tf.ragged.constant([[[1, 2], [3]], [[4]]])
for label, fn in [
        ("cast", lambda: tf.cast(c, tf.float32)),
        ("cast_named", lambda: tf.cast(c, tf.float64, name="foo")),
        ("sum1", lambda: tf.reduce_sum(c, axis=1)),
        ("sum0", lambda: tf.reduce_sum(c, axis=0)),
        ("sum_all", lambda: tf.reduce_sum(c)),
        ("sum_keep", lambda: tf.reduce_sum(c, axis=1, keepdims=True)),
        ("sum_neg", lambda: tf.reduce_sum(c, axis=-1)),
        ("mean1", lambda: tf.reduce_mean(f, axis=1)),
        ("mean0", lambda: tf.reduce_mean(f, axis=0)),
        ("max1", lambda: tf.reduce_max(f, axis=1)),
        ("min0", lambda: tf.reduce_min(c, axis=0)),
        ("prod1", lambda: tf.reduce_prod(c, axis=1)),
        ("any1", lambda: tf.reduce_any(c > 2, axis=1)),
        ("all1", lambda: tf.reduce_all(c > 1, axis=1)),
        ("nested_sum2", lambda: tf.reduce_sum(n, axis=2)),
        ("nested_sum_all", lambda: tf.reduce_sum(n)),
        ("concat0", lambda: tf.concat([c, d], axis=0)),
        ("concat1", lambda: tf.concat([c, d], axis=1)),
        ("concat_dense", lambda: tf.concat([c, tf.constant([[8, 9], [10, 11]])], axis=0)),
        ("stack0", lambda: tf.stack([c, d])),
        ("stack1", lambda: tf.stack([c, d], axis=1)),
        ("gather", lambda: tf.gather(c, [1, 0, 1])),
        ("gather_nested", lambda: tf.gather(n, [1, 1, 0])),
        ("gather_scalar", lambda: tf.gather(c, 1)),
        ("abs", lambda: tf.abs(-c)),
        ("exp", lambda: tf.exp(f)),
        ("add", lambda: tf.add(c, 1)),
        ("multiply", lambda: tf.multiply(c, c)),
        ("maximum", lambda: tf.maximum(c, 2)),
        ("equal", lambda: tf.equal(c, 1)),
        ("length", lambda: tf.strings.length(tf.ragged.constant([["ab", "c"], []]))),
        ("upper", lambda: tf.strings.upper(tf.strings.split(["a b", "c"],
                                                            result_type="RaggedTensor")))]:
    r = fn()
    print(label, r)
    print(' ', sess.run(r))
x = tf.constant([1., 2., 3.], tf.float64)
rt = tf.RaggedTensor.from_row_splits(x, [0, 2, 3])
print(sess.run(tf.gradients(tf.reduce_sum(tf.reduce_max(rt, axis=1)), x)))
print(sess.run(tf.gradients(tf.reduce_sum(tf.gather(rt, [1, 1, 0]).flat_values ** 2), x)))
print(sess.run(tf.gradients(tf.reduce_sum(tf.reduce_mean(rt, axis=1)), x)))
