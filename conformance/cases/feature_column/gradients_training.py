# Gradients through input_layer / linear_model and a few SGD steps on embedding and linear weights.
fc = tf.feature_column
v = fc.categorical_column_with_vocabulary_list("v", ["x", "y", "z"], num_oov_buckets=1)
i = fc.categorical_column_with_identity("i", 4)
w = fc.weighted_categorical_column(i, "iw")
b = fc.bucketized_column(fc.numeric_column("b"), [0.0, 1.0])
feats = {"v": [["x", "y"], ["w", ""], ["", ""]], "i": [[1, 2], [3, -1], [0, 0]],
         "iw": [[0.5, 2.0], [1.5, 0.0], [1.0, 1.0]], "b": [[0.5], [2.0], [-3.0]]}
init = tf.constant_initializer(np.arange(16, dtype=np.float32).reshape(4, 4) * 0.1 - 0.5)
emb = [fc.embedding_column(v, 4, initializer=init),
       fc.embedding_column(w, 4, combiner="sqrtn", initializer=init, max_norm=1.0)]
layer = fc.input_layer(feats, emb + [fc.numeric_column("b")])
linear = fc.linear_model(feats, [v, w, b], units=1, sparse_combiner="mean")
loss = tf.reduce_sum(tf.square(layer)) + tf.reduce_sum(linear * tf.constant([[1.0], [2.0], [3.0]]))
variables = tf.trainable_variables()
grads = tf.gradients(loss, variables)
train = tf.train.GradientDescentOptimizer(0.1).minimize(loss)
with tf.Session() as s:
    s.run([tf.global_variables_initializer(), tf.tables_initializer()])
    np.set_printoptions(precision=5, suppress=True, linewidth=150)
    for var, g in zip(variables, s.run([tf.convert_to_tensor(g) for g in grads])):
        print(var.name, g)
    for _ in range(3):
        s.run(train)
    print(s.run(loss))
    print(s.run(layer))
