# A one-shot iterator's dataset may not depend on placeholders or stateful ops.
for label, make in [
        ("random", lambda: tf.data.Dataset.from_tensors(tf.random_uniform([3], seed=1))),
        ("placeholder_with_default",
         lambda: tf.data.Dataset.from_tensors(tf.placeholder_with_default(1.0, []))),
        ("assign", lambda: tf.data.Dataset.from_tensors(tf.Variable(1.0).assign(2.0))),
        ("placeholder then variable", lambda: tf.data.Dataset.from_tensors(
            tf.placeholder(tf.float32, [], name="p") + tf.Variable(1.0, name="w"))),
        ("constant", lambda: tf.data.Dataset.from_tensors(tf.constant([1, 2]) * 3))]:
    print(label)
    show_error(lambda make=make: type(tf.data.make_one_shot_iterator(make())).__name__)
