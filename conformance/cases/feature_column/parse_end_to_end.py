# make_parse_example_spec -> tf.parse_example -> input_layer / linear_model on parsed features.
fc = tf.feature_column
age = fc.numeric_column("age", default_value=30.0)
city = fc.categorical_column_with_vocabulary_list("city", ["paris", "rome"], num_oov_buckets=1)
tags = fc.categorical_column_with_hash_bucket("tags", 6)
ids = fc.categorical_column_with_identity("ids", 5)
weighted = fc.weighted_categorical_column(ids, "ids_w")
cross = fc.crossed_column(["city", "tags"], 9)
cols = [age, fc.bucketized_column(age, [18.0, 40.0]), fc.indicator_column(city),
        fc.indicator_column(tags), fc.indicator_column(weighted), fc.indicator_column(cross)]
spec = fc.make_parse_example_spec(cols)
for k in sorted(spec):
    print(k, spec[k])


def example(features):
    feature = {}
    for key, value in features.items():
        if isinstance(value[0], bytes):
            feature[key] = tf.train.Feature(bytes_list=tf.train.BytesList(value=value))
        elif isinstance(value[0], float):
            feature[key] = tf.train.Feature(float_list=tf.train.FloatList(value=value))
        else:
            feature[key] = tf.train.Feature(int64_list=tf.train.Int64List(value=value))
    return tf.train.Example(features=tf.train.Features(feature=feature)).SerializeToString()


serialized = [
    example({"age": [25.0], "city": [b"rome"], "tags": [b"a", b"b"], "ids": [1, 4],
             "ids_w": [0.5, 2.0]}),
    example({"city": [b"oslo", b"paris"], "tags": [b"c"], "ids": [2], "ids_w": [1.5]}),
    example({"age": [50.0], "ids": [0, 0], "ids_w": [1.0, 1.0]}),
]
parsed = tf.parse_example(serialized, spec)
out = fc.input_layer(parsed, cols)
print(out.shape)
linear = fc.linear_model(parsed, [age, city, tags, weighted, cross])
with tf.Session() as s:
    s.run([tf.global_variables_initializer(), tf.tables_initializer()])
    print(s.run(out))
    for x in tf.global_variables():
        s.run(x.assign(tf.fill(tf.shape(x), 0.5)))
    print(s.run(linear))
