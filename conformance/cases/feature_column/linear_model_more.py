# linear_model with bucketized (categorical path), indicator and embedding columns, collections,
# trainable=False and weight_collections; input_layer's collections and cols_to_output_tensors.
fc = tf.feature_column
b = fc.bucketized_column(fc.numeric_column("b", shape=(2,)), [0.0, 1.0])
i = fc.categorical_column_with_identity("i", 3)
e = fc.embedding_column(i, 2, initializer=tf.constant_initializer(0.5))
ind = fc.indicator_column(i)
feats = {"b": [[0.5, 2.0], [-1.0, 0.5]], "i": [[1, 2], [0, -1]]}
for combiner in ["sum", "mean", "sqrtn"]:
    cv = {}
    out = fc.linear_model(feats, [b, ind, e], sparse_combiner=combiner, cols_to_vars=cv,
                          weight_collections=["my_weights"], trainable=(combiner != "mean"))
    with tf.Session() as s:
        s.run([tf.global_variables_initializer()])
        for k in cv:
            for x in cv[k]:
                n = int(np.prod(x.shape.as_list()))
                values = np.arange(n, dtype=np.float32).reshape(x.shape.as_list())
                s.run(x.assign(values * 0.25 + 0.5))
        print(combiner, out.name, np.round(s.run(out), 5))
    for k in sorted(cv, key=lambda k: k if isinstance(k, str) else k.name):
        print(k if isinstance(k, str) else k.name, [x.name for x in cv[k]])
print([x.name for x in tf.get_collection("my_weights")])
print([x.name for x in tf.trainable_variables()])
print([x.name for x in tf.model_variables()])
co = {}
layer = fc.input_layer(feats, [e, ind, b], weight_collections=["il"], trainable=False,
                       cols_to_output_tensors=co)
print(layer.name, layer.shape)
for k in sorted(co, key=lambda k: k.name):
    print(k.name, co[k].shape, co[k].dtype)
print([x.name for x in tf.get_collection("il")])
print([x.name for x in tf.model_variables()])
print([x.name for x in tf.trainable_variables()])
with tf.Session() as s:
    s.run(tf.global_variables_initializer())
    print(s.run(layer))
