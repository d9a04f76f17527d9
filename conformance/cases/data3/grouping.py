# group_by_window, group_by_reducer and bucket_by_sequence_length.
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


r = tf.data.Dataset.range(11)
g = r.apply(E.group_by_window(lambda x: x % 3, lambda k, d: d.batch(2), window_size=2))
print(g.output_types, g.output_shapes, g._variant_tensor.op.type)
print(drain(g))
print(drain(r.apply(E.group_by_window(lambda x: x % 2, lambda k, d: d.batch(10).map(
    lambda b: (k, tf.reduce_sum(b))), window_size_func=lambda k: k + 2))))
print(drain(tf.data.Dataset.range(10).map(lambda x: (x, x * 10)).apply(E.group_by_window(
    lambda a, b: a % 2, lambda k, d: d.batch(3), window_size=3))))
show_error(lambda: r.apply(E.group_by_window(lambda x: x, lambda k, d: d)))

reducer = E.Reducer(init_func=lambda k: tf.constant(0, tf.int64),
                    reduce_func=lambda s, x: s + x,
                    finalize_func=lambda s: s)
gr = tf.data.Dataset.range(10).apply(E.group_by_reducer(lambda x: x % 3, reducer))
print(gr.output_types, gr.output_shapes, gr._variant_tensor.op.type)
print(drain(gr))
reducer2 = E.Reducer(init_func=lambda k: (k, tf.constant(0.0)),
                     reduce_func=lambda s, x: (s[0], s[1] + tf.cast(x, tf.float32)),
                     finalize_func=lambda k, total: {"key": k, "total": total})
out = drain(tf.data.Dataset.from_tensor_slices([5, 1, 8, 2, 9]).map(
    lambda x: tf.cast(x, tf.int64)).apply(E.group_by_reducer(lambda x: x // 4, reducer2)))
print(out)

lengths = [1, 3, 2, 5, 7, 4, 2, 6, 1]
seqs = tf.data.Dataset.from_generator(lambda: (list(range(1, n + 1)) for n in lengths),
                                      tf.int64, [None])
b = seqs.apply(E.bucket_by_sequence_length(lambda x: tf.shape(x)[0], [3, 5], [2, 2, 3]))
print(b.output_shapes)
for batch in drain(b):
    print(batch)
b2 = seqs.apply(E.bucket_by_sequence_length(lambda x: tf.shape(x)[0], [4], [3, 2],
                                            padding_values=tf.constant(-1, tf.int64),
                                            drop_remainder=True))
print(b2.output_shapes)
for batch in drain(b2):
    print(batch)
b3 = seqs.apply(E.bucket_by_sequence_length(lambda x: tf.shape(x)[0], [4], [3, 2],
                                            padded_shapes=[8]))
for batch in drain(b3):
    print(batch)
show_error(lambda: seqs.apply(E.bucket_by_sequence_length(lambda x: tf.shape(x)[0], [4],
                                                          [3])))
