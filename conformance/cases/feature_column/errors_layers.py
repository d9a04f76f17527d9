# input_layer / linear_model errors for bad columns and features.
fc = tf.feature_column
a = fc.numeric_column("a")
h = fc.categorical_column_with_hash_bucket("h", 5)
show_error(fc.input_layer, {"a": [[1.0]]}, [])
show_error(fc.input_layer, {"a": [[1.0]]}, [h])
show_error(fc.input_layer, {"a": [[1.0]]}, [a, fc.numeric_column("a")])
show_error(fc.input_layer, {"b": [[1.0]]}, [a])
show_error(fc.input_layer, {"a": 1.0}, [a])
show_error(fc.input_layer, {"a": tf.SparseTensor([[0, 0]], [1.0], [1, 1])}, [a])
# the error text names the column's Python class path (TF's module layout): check the rest.
show_error_contains(lambda: fc.input_layer({"a": [[1.0]]}, [fc.sequence_numeric_column("a")]),
                    "Items of feature_columns must be a _FeatureColumn. Given (type <class")
show_error(fc.input_layer, {"h": [[1.5]]}, [fc.indicator_column(h)])
seq = fc.sequence_categorical_column_with_identity("s", 3)
show_error_contains(lambda: fc.input_layer({"s": [[1]]}, [fc.indicator_column(seq)]),
                    "In indicator_column: s_indicator. categorical_column must not be of type "
                    "_SequenceCategoricalColumn. Suggested fix A: If you wish to use DenseFeatures")
show_error_contains(lambda: fc.input_layer({"s": [[1]]}, [fc.embedding_column(seq, 2)]),
                    "In embedding_column: s_embedding. categorical_column must not be of type")
ident = fc.categorical_column_with_identity("i", 3)
show_error(fc.input_layer, {"i": [["x"]]}, [fc.indicator_column(ident)])
show_error(fc.input_layer, {"a": [[1.0], [2.0]], "b": [[1.0]]}, [a, fc.numeric_column("b")])
out = fc.input_layer({"i": [[1], [5]]}, [fc.indicator_column(ident)])
with tf.Session() as s:
    show_error(s.run, out)
single = fc.input_layer({"a": [1.0, 2.0]}, a)
print(single.name, single.shape)
