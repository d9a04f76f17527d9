# embedding_column / shared_embedding_columns: variable names, seeded initial values.
fc = tf.feature_column
tf.set_random_seed(7)
i = fc.categorical_column_with_identity("i", 5)
j = fc.categorical_column_with_identity("j", 5)
k = fc.categorical_column_with_identity("k", 5)
e = fc.embedding_column(i, 3)
sh = fc.shared_embedding_columns([j, k], 2)
sh2 = fc.shared_embedding_columns([k, i], 4, combiner="sum",
                                  shared_embedding_collection_name="shared_ki",
                                  initializer=tf.constant_initializer(0.5))
for col in sh + sh2:
    print(repr(col)[:60], col.name)
feats = {"i": [[0, 1], [4, -1]], "j": [[2], [3]], "k": [[1, 1], [-1, -1]]}
cv = {}
out = fc.input_layer(feats, [e] + sh, cols_to_vars=cv)
out2 = fc.input_layer(feats, sh2, cols_to_vars=cv)
out3 = fc.input_layer(feats, [e] + sh)
print(out.name, out.shape, out2.name, out2.shape, out3.name)
for x in tf.global_variables():
    print(x.name, x.shape)
for col in sorted(cv, key=lambda c: c.name):
    print(col.name, [x.name for x in cv[col]])
print(sorted(tf.get_default_graph().get_all_collection_keys()))
with tf.Session() as s:
    s.run(tf.global_variables_initializer())
    np.set_printoptions(precision=5, suppress=True, linewidth=150)
    for x in tf.global_variables():
        print(x.name, s.run(x))
    print(s.run(out))
    print(s.run(out2))
show_error(fc.shared_embedding_columns, [j, fc.categorical_column_with_identity("z", 3)], 2)
show_error(fc.shared_embedding_columns, [j], 0)
