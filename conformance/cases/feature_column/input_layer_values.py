# input_layer: values, shapes, ordering by name, variables, cols_to_vars.
fc = tf.feature_column
tf.set_random_seed(1)
a = fc.numeric_column("a", shape=(2,))
nn = fc.numeric_column("n", normalizer_fn=lambda x: x * 2.0 - 1.0)
b = fc.bucketized_column(fc.numeric_column("b", shape=(2,)), [0.0, 1.0])
h = fc.categorical_column_with_hash_bucket("h", 5)
hi = fc.categorical_column_with_hash_bucket("hi", 3, dtype=tf.int64)
v = fc.categorical_column_with_vocabulary_list("v", ["x", "y", "z"], num_oov_buckets=2)
vd = fc.categorical_column_with_vocabulary_list("vd", ["x", "y"], default_value=5)
vi = fc.categorical_column_with_vocabulary_list("vi", [3, 5, 7], num_oov_buckets=3)
i = fc.categorical_column_with_identity("i", 4)
i2 = fc.categorical_column_with_identity("i2", 4, default_value=0)
c = fc.crossed_column(["h", b], 7)
w = fc.weighted_categorical_column(i, "iw")
feats = {
    "a": [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]],
    "n": [1.0, 2.0, 3.0],
    "b": [[0.5, -1.0], [2.0, 1.0], [0.0, 0.99]],
    "h": [["p", "q"], ["q", ""], ["", ""]],
    "hi": [[10, -1], [11, 12], [13, 14]],
    "v": [["x", "w"], ["z", "z"], ["u", "y"]],
    "vd": [["x"], ["q"], ["y"]],
    "vi": tf.SparseTensor([[0, 0], [1, 0], [1, 1], [2, 0]], tf.constant([3, 9, 7, 100], tf.int64),
                          [3, 2]),
    "i": [[1, -1], [3, 3], [0, 2]],
    "i2": [[1], [9], [2]],
    "iw": [[0.5, 0.0], [2.0, 1.0], [1.0, 3.0]],
}
cols = [a, nn, b, fc.indicator_column(h), fc.indicator_column(hi), fc.indicator_column(v),
        fc.indicator_column(vd), fc.indicator_column(vi), fc.indicator_column(i),
        fc.indicator_column(i2), fc.indicator_column(c), fc.indicator_column(w),
        fc.embedding_column(v, 3), fc.embedding_column(w, 2, combiner="sum"),
        fc.embedding_column(c, 2, combiner="sqrtn", initializer=tf.ones_initializer()),
        fc.embedding_column(h, 4, max_norm=0.5, trainable=False)]
cv = {}
out = fc.input_layer(feats, cols, cols_to_vars=cv)
print(out.name, out.shape, out.dtype)
for col in sorted(cv, key=lambda k: k.name):
    print(col.name, [(x.name, x.shape) for x in cv[col]])
for x in tf.global_variables():
    print(x.name, x.shape, x.dtype)
print([x.name for x in tf.trainable_variables()])
print(len(tf.get_collection(tf.GraphKeys.TABLE_INITIALIZERS)))
singles = [fc.input_layer(feats, [col]) for col in cols]
with tf.Session() as s:
    s.run([tf.global_variables_initializer(), tf.tables_initializer()])
    np.set_printoptions(precision=5, suppress=True, linewidth=150)
    print(s.run(out))
    for col, single in zip(cols, singles):
        print(col.name, single.name)
        print(s.run(single))
