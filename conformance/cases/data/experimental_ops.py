# tf.data.experimental transformations used by TF1 code, and Options.
sess = tf.Session()


def drain(dataset):
    nxt = tf.data.make_one_shot_iterator(dataset).get_next()
    out = []
    while True:
        try:
            out.append(sess.run(nxt))
        except tf.errors.OutOfRangeError:
            return out


print(drain(tf.data.Dataset.range(1, 4).apply(tf.data.experimental.parallel_interleave(
    lambda v: tf.data.Dataset.from_tensors(v).repeat(v), cycle_length=2))))
print(drain(tf.data.Dataset.range(10).apply(tf.data.experimental.take_while(
    lambda v: tf.less(v, 4)))))
print(drain(tf.data.Dataset.from_tensor_slices([3, 1, 3, 2, 1]).apply(
    tf.data.experimental.unique())))
bad = tf.data.Dataset.from_tensor_slices(["1", "x", "3"]).map(
    lambda s: tf.strings.to_number(s))
print(drain(bad.apply(tf.data.experimental.ignore_errors())))
single = tf.data.experimental.get_single_element(tf.data.Dataset.from_tensors((1, "a")))
print(single, sess.run(single))
show_error(sess.run, tf.data.experimental.get_single_element(tf.data.Dataset.range(2)))
show_error(sess.run, tf.data.experimental.get_single_element(tf.data.Dataset.range(0)))
options = tf.data.Options()
options.experimental_deterministic = True
ds = tf.data.Dataset.range(3).with_options(options)
print(drain(ds), ds.options().experimental_deterministic)
print(tf.data.experimental.AUTOTUNE, drain(tf.data.Dataset.range(3).apply(
    tf.data.experimental.enumerate_dataset(start=5))))
running = tf.data.Dataset.range(1, 6).apply(tf.data.experimental.scan(
    tf.constant(0, tf.int64), lambda total, v: (total + v, (total + v, v * 2))))
print(running.output_types, running.output_shapes, drain(running))
choice = tf.data.Dataset.from_tensor_slices(tf.constant([0, 1, 1, 0, 1], tf.int64))
print(drain(tf.data.experimental.choose_from_datasets(
    [tf.data.Dataset.range(3), tf.data.Dataset.range(100, 110)], choice)))
print(drain(tf.data.experimental.Counter(5, 3).take(4)))
