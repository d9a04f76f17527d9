# Op names and types built by input_layer for simple dense columns, and the variables of an
# embedding column / linear_model (their inner lookup ops are not compared here).
fc = tf.feature_column
a = fc.numeric_column("a", shape=(2,))
b = fc.bucketized_column(fc.numeric_column("b"), [0.0, 1.0])
h = fc.categorical_column_with_hash_bucket("h", 5)
i = fc.categorical_column_with_identity("i", 3)
feats = {"a": [[1.0, 2.0]], "b": [[0.5]], "h": [["p"]], "i": [[1]]}
g = tf.get_default_graph()
checks = [lambda: fc.input_layer(feats, [a]),
          lambda: fc.input_layer(feats, [fc.indicator_column(h), a]),
          lambda: fc.input_layer(feats, [b])]
for build in checks:
    seen = {op.name for op in g.get_operations()}
    out = build()
    print(out.name)
    for op in g.get_operations():
        if op.name not in seen:
            print(" ", op.name, op.type)
fc.input_layer(feats, [fc.embedding_column(i, 2)])
out = fc.linear_model(feats, [a, i])
print(out.name, out.op.type, out.op.inputs[0].op.name, out.op.inputs[0].op.type)
print([x.op.name for x in tf.global_variables()])
