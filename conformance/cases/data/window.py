# Dataset.window: nested datasets flattened back with flat_map.
sess = tf.Session()


def drain(dataset):
    nxt = tf.data.make_one_shot_iterator(dataset).get_next()
    out = []
    while True:
        try:
            out.append(sess.run(nxt))
        except tf.errors.OutOfRangeError:
            return out


print(drain(tf.data.Dataset.range(7).window(3, shift=2).flat_map(lambda d: d.batch(3))))
print(drain(tf.data.Dataset.range(7).window(2, drop_remainder=True).flat_map(
    lambda d: d.batch(2))))
print(drain(tf.data.Dataset.range(8).window(2, shift=3).flat_map(lambda d: d.batch(5))))
pairs = tf.data.Dataset.zip((tf.data.Dataset.range(5), tf.data.Dataset.range(10, 15)))
print(drain(pairs.window(2, stride=2).flat_map(
    lambda a, b: tf.data.Dataset.zip((a, b)).batch(2))))
print(drain(tf.data.Dataset.range(6).window(3).flat_map(
    lambda d: d.batch(3).map(lambda b: tf.reduce_sum(b)))))
