# linear_model: variables, names, values with assigned weights, sparse_combiner.
fc = tf.feature_column
a = fc.numeric_column("a", shape=(2,))
b = fc.bucketized_column(fc.numeric_column("b"), [0.0, 1.0])
v = fc.categorical_column_with_vocabulary_list("v", ["x", "y", "z"], num_oov_buckets=1)
i = fc.categorical_column_with_identity("i", 4)
w = fc.weighted_categorical_column(i, "iw")
c = fc.crossed_column(["v", "h"], 6)
feats = {"a": [[1.0, 2.0], [3.0, 4.0]], "b": [[0.5], [2.0]], "v": [["x", "y"], ["w", ""]],
         "i": [[1, 2], [3, -1]], "iw": [[0.5, 2.0], [1.5, 0.0]], "h": [["p"], ["q"]]}
for combiner in ["sum", "mean", "sqrtn"]:
    cv = {}
    out = fc.linear_model(feats, [w, v, a, b, i, c], units=2, sparse_combiner=combiner,
                          cols_to_vars=cv)
    print(out.name, out.shape, out.dtype)
    for k in sorted(cv, key=lambda k: k if isinstance(k, str) else k.name):
        print(k if isinstance(k, str) else k.name, [(x.name, x.shape) for x in cv[k]])
    with tf.Session() as s:
        s.run([tf.global_variables_initializer(), tf.tables_initializer()])
        print(s.run(out))
        for k in cv:
            for x in cv[k]:
                n = int(np.prod(x.shape.as_list()))
                values = np.arange(n, dtype=np.float32).reshape(x.shape.as_list())
                s.run(x.assign(values * 0.1 + 0.1))
        print(np.round(s.run(out), 5))
print([x.name for x in tf.trainable_variables()])
show_error(fc.linear_model, feats, [a], sparse_combiner="max")
show_error(fc.linear_model, feats, ["a"])
