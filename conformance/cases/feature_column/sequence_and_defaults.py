# sequence_* column construction (reprs, specs, errors) and numeric_column default_value forms.
fc = tf.feature_column
cols = [fc.sequence_numeric_column("s", shape=(2,), default_value=1.0, dtype=tf.int64),
        fc.sequence_categorical_column_with_identity("si", 4, default_value=1),
        fc.sequence_categorical_column_with_hash_bucket("sh", 3, dtype=tf.int64),
        fc.sequence_categorical_column_with_vocabulary_list("sv", [1, 2], num_oov_buckets=2)]
for col in cols:
    print(repr(col), col.name, col.parse_example_spec)
for col in cols[1:]:
    print(col.num_buckets)
show_error(fc.sequence_numeric_column, "s", shape=(0,))
show_error(fc.sequence_numeric_column, "s", dtype=tf.string)
show_error(fc.sequence_numeric_column, "s", normalizer_fn=1)
show_error(fc.sequence_numeric_column, 3)
show_error(fc.sequence_categorical_column_with_identity, "x", 0)
show_error(fc.sequence_categorical_column_with_hash_bucket, "x", 0)
show_error(fc.sequence_categorical_column_with_vocabulary_list, "x", [])
print(fc.numeric_column("n", shape=(2,), default_value=[1, 2]).default_value)
print(fc.numeric_column("n", shape=(1, 2), default_value=[[1.5, 2]]).default_value)
print(fc.numeric_column("n", dtype=tf.int32, default_value=3).default_value)
show_error(fc.numeric_column, "n", dtype=tf.int32, default_value=1.5)
show_error(fc.numeric_column, "n", default_value="x")
show_error(fc.numeric_column, "n", shape=1.5)
print(fc.numeric_column("n", shape=3).shape)
show_error(fc.bucketized_column, fc.numeric_column("m", shape=(2, 2)), [1.0])
show_error(fc.bucketized_column, fc.numeric_column("m"), [])
show_error(fc.bucketized_column, fc.numeric_column("m"), 1.0)
show_error(fc.bucketized_column, fc.numeric_column("m"), [1.0, 1.0])
show_error(fc.categorical_column_with_vocabulary_list, "x", ["a"], dtype=tf.int64)
show_error(fc.categorical_column_with_vocabulary_list, "x", [1.5])
show_error(fc.crossed_column, ["a", 3], 5)
show_error(fc.crossed_column, "ab", 5)
