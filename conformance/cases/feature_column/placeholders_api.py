# Unknown batch sizes (placeholders), column attributes (num_buckets, variable_shape, the TF1
# underscore aliases), equality/hash of columns, invalid sparse_combiner with a categorical column.
fc = tf.feature_column
a = fc.numeric_column("a", shape=(3,))
b = fc.bucketized_column(fc.numeric_column("b", shape=(2,)), [0.0])
h = fc.categorical_column_with_hash_bucket("h", 7)
v = fc.categorical_column_with_vocabulary_list("v", ["p", "q"], num_oov_buckets=3)
c = fc.crossed_column([b, "h"], 11)
e = fc.embedding_column(h, 5)
ind = fc.indicator_column(v)
for col in [b, h, v, c]:
    print(col.name, col.num_buckets, col._num_buckets)
for col in [a, b, e, ind]:
    print(col.name, col.variable_shape, col._variable_shape)
print(a == fc.numeric_column("a", shape=(3,)), hash(a) == hash(fc.numeric_column("a", shape=[3])))
print(sorted(k for k in ind._parse_example_spec))
pa = tf.placeholder(tf.float32, [None, 3])
pb = tf.placeholder(tf.float32, [None, 2])
ph = tf.placeholder(tf.string, [None, None])
pv = tf.sparse_placeholder(tf.string)
out = fc.input_layer({"a": pa, "b": pb, "h": ph, "v": pv},
                     [a, b, fc.indicator_column(c), ind, fc.embedding_column(v, 2)])
print(out.shape)
lin = fc.linear_model({"a": pa, "b": pb, "h": ph, "v": pv}, [a, b, c, v, h])
print(lin.shape)
with tf.Session() as s:
    s.run([tf.global_variables_initializer(), tf.tables_initializer()])
    feed = {pa: [[1, 2, 3]], pb: [[-1, 1]], ph: [["x", "y"]],
            pv: tf.SparseTensorValue([[0, 1]], [b"q"], [1, 3])}
    np.set_printoptions(precision=4, suppress=True, linewidth=150)
    dense = s.run(out, feed)
    print(dense[:, :18], dense[:, 20:])  # columns 18-19: the unseeded v_embedding
    print(s.run(lin, feed))
show_error(fc.linear_model, {"h": [["x"]]}, [h], sparse_combiner="max")
