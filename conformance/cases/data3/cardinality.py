# tf.data.experimental.cardinality / assert_cardinality / pad_to_cardinality.
E = tf.data.experimental
sess = tf.Session()
print(E.INFINITE_CARDINALITY, E.UNKNOWN_CARDINALITY)
r = tf.data.Dataset.range(10)
cases = [
    r, r.map(lambda x: x + 1), r.filter(lambda x: x > 3), r.repeat(), r.repeat(3),
    r.repeat(0), r.take(4), r.take(20), r.take(-1), r.skip(3), r.skip(20), r.batch(3),
    r.batch(3, drop_remainder=True), r.shuffle(5), r.prefetch(2), r.cache(),
    tf.data.Dataset.zip((r, r.take(4))), r.concatenate(r.take(2)),
    tf.data.Dataset.from_tensor_slices(np.arange(6).reshape(3, 2)),
    tf.data.Dataset.from_tensors([1, 2]), r.repeat().take(7), r.repeat().skip(3),
    r.filter(lambda x: x > 3).repeat(), tf.data.Dataset.range(0).repeat(),
    r.enumerate(), r.unbatch() if False else r.batch(2).unbatch(), r.window(3),
    r.flat_map(lambda x: tf.data.Dataset.range(x)),
    tf.data.Dataset.zip((r, r.repeat())), r.repeat().batch(4), r.padded_batch(4),
    r.apply(E.assert_cardinality(10)), r.filter(lambda x: x < 5).apply(E.assert_cardinality(5)),
]
card = [E.cardinality(d) for d in cases]
print(card[0].op.type, card[0].dtype, card[0].shape, card[0].op.name)
print(sess.run(card))
bad = tf.data.make_one_shot_iterator(r.apply(E.assert_cardinality(4))).get_next()
print([sess.run(bad) for _ in range(4)])
show_error(lambda: sess.run(bad))
short = tf.data.make_one_shot_iterator(r.take(3).apply(E.assert_cardinality(5))).get_next()
print([sess.run(short) for _ in range(3)])
show_error(lambda: sess.run(short))
padded = r.take(3).map(lambda x: {"a": x, "b": tf.fill([2], x)}).apply(E.pad_to_cardinality(5))
print(padded.output_shapes, sess.run(E.cardinality(padded)))
pnext = tf.data.make_one_shot_iterator(padded).get_next()
for _ in range(5):
    value = sess.run(pnext)
    print({k: v.tolist() for k, v in sorted(value.items())})
show_error(lambda: sess.run(pnext))
