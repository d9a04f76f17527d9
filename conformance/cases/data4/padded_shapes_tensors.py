# padded_batch with tensor-valued padded_shapes and bucket_by_sequence_length with
# pad_to_bucket_boundary=True (unknown dims padded to the bucket's boundary - 1).
E = tf.data.experimental
sess = tf.Session()


def drain(dataset):
    nxt = tf.data.make_one_shot_iterator(dataset).get_next()
    out = []
    while True:
        try:
            value = sess.run(nxt)
        except tf.errors.OutOfRangeError:
            return out
        if isinstance(value, dict):
            out.append({k: v.tolist() for k, v in sorted(value.items())})
        elif isinstance(value, tuple):
            out.append([v.tolist() for v in value])
        else:
            out.append(value.tolist())


ds = tf.data.Dataset.range(1, 6).map(lambda x: tf.fill([x], x))
n = tf.placeholder(tf.int64, [])
pb = ds.padded_batch(2, padded_shapes=tf.stack([n]))
print(pb.output_shapes, pb.output_types)
print(ds.padded_batch(2, padded_shapes=tf.constant([7], tf.int64)).output_shapes)
print(ds.padded_batch(2, padded_shapes=[tf.constant(7, tf.int64)]).output_shapes)
print(ds.padded_batch(2, padded_shapes=tf.constant([7], tf.int64), drop_remainder=True)
      .output_shapes)
print(drain(ds.padded_batch(3, padded_shapes=tf.constant([6], tf.int64), padding_values=
                            tf.constant(-1, tf.int64))))
it = tf.data.make_initializable_iterator(pb)
x = it.get_next()
sess.run(it.initializer, {n: 6})
print(sess.run(x).tolist(), sess.run(x).tolist())
sess.run(it.initializer, {n: 3})
print(sess.run(x).tolist())
show_error(sess.run, x)

pairs = tf.data.Dataset.range(1, 5).map(lambda x: (tf.fill([x], x), tf.fill([2, x], 1.5)))
print(drain(pairs.padded_batch(2, padded_shapes=(tf.constant([4], tf.int64),
                                                 [2, tf.constant(5, tf.int64)])).map(
    lambda a, b: (a, tf.shape(b)))))


def lengths():
    for length in [1, 3, 2, 5, 4, 1, 6, 2]:
        yield np.arange(length, dtype=np.int32) + 1


for boundaries, sizes in (([3, 8], [2, 2, 2]), ([2, 4, 7], [1, 2, 2, 3]), ([9], [3, 3])):
    b = tf.data.Dataset.from_generator(lengths, tf.int32, [None]).apply(
        E.bucket_by_sequence_length(lambda t: tf.shape(t)[0], boundaries, sizes,
                                    pad_to_bucket_boundary=True))
    print(b.output_shapes, drain(b))
b = tf.data.Dataset.from_generator(lengths, tf.int32, [None]).apply(
    E.bucket_by_sequence_length(lambda t: tf.shape(t)[0], [3, 8], [2, 2, 2],
                                pad_to_bucket_boundary=True, drop_remainder=True,
                                padding_values=-7))
print(drain(b))
d2 = tf.data.Dataset.from_generator(lengths, tf.int32, [None]).map(
    lambda t: {"t": t, "m": tf.ones([tf.shape(t)[0], 2])})
b = d2.apply(E.bucket_by_sequence_length(lambda e: tf.shape(e["t"])[0], [3, 8], [3, 2, 1],
                                         pad_to_bucket_boundary=True))
print(b.output_shapes)
print([(e["t"], np.array(e["m"]).shape) for e in drain(b)])

# Too long for the last boundary: the window function's assertion fails, which TF reports as
# an InternalError quoting it (as it does any failure of group_by_window's window function).
for length in (9, 5):
    too_long = tf.data.Dataset.from_tensors(tf.ones([length], tf.int32)).apply(
        E.bucket_by_sequence_length(lambda t: tf.shape(t)[0], [3, 8], [1, 1, 1],
                                    pad_to_bucket_boundary=True))
    show_error(drain, too_long)
    try:
        drain(too_long)
    except tf.errors.OpError as e:
        print("message:", [line for line in e.message.splitlines() if line.strip()][1:3])
bad_window = tf.data.Dataset.range(4).apply(E.group_by_window(
    lambda x: x % 2, lambda k, w: w.batch(tf.constant(1, tf.int64) // (k - k)), window_size=2))
show_error(drain, bad_window)
bad_key = tf.data.Dataset.range(4).apply(E.group_by_window(
    lambda x: x // (x - x), lambda k, w: w.batch(2), window_size=2))
show_error(drain, bad_key)
