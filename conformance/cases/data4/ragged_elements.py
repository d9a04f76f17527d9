# RaggedTensor elements in tf.data: from_tensors / from_tensor_slices / map / batch / unbatch,
# Dataset.ragged_batch and tf.data.experimental.dense_to_ragged_batch.
E = tf.data.experimental
sess = tf.Session()


def conv(v):
    if hasattr(v, "to_list"):
        return v.to_list()
    if isinstance(v, tuple):
        return [conv(x) for x in v]
    if isinstance(v, dict):
        return {k: conv(x) for k, x in sorted(v.items())}
    return v.tolist()


def drain(ds):
    nxt = tf.data.make_one_shot_iterator(ds).get_next()
    out = []
    while True:
        try:
            v = sess.run(nxt)
        except tf.errors.OutOfRangeError:
            return out
        out.append(conv(v))


rt = tf.ragged.constant([[1, 2], [3], [], [4, 5, 6]])
d = tf.data.Dataset.from_tensor_slices(rt)
print(d.element_spec)
print(tf.data.get_output_classes(d), tf.data.get_output_types(d), tf.data.get_output_shapes(d))
print(drain(d))
whole = tf.data.Dataset.from_tensors(rt)
print(whole.element_spec, drain(whole))
b = d.batch(2)
print(b.element_spec, drain(b))
print(d.batch(3, drop_remainder=True).element_spec, drain(d.batch(3, drop_remainder=True)))
print(b.unbatch().element_spec, drain(b.unbatch()))
print(whole.unbatch().element_spec, drain(whole.unbatch()))
print(drain(b.batch(2)), b.batch(2).element_spec)
print(drain(d.map(lambda x: x * 10)))

m = tf.data.Dataset.range(4).map(
    lambda x: tf.RaggedTensor.from_row_lengths(tf.range(x * 2), [x, x]))
print(m.element_spec, drain(m))
print(m.batch(3).element_spec, drain(m.batch(3)))
print(drain(m.batch(3).unbatch()))
print(drain(m.map(lambda r: (r.row_lengths(), r.flat_values))))
rt3 = tf.ragged.constant([[[1, 2], [3]], [], [[4], [5, 6], []]])
d3 = tf.data.Dataset.from_tensor_slices(rt3)
print(d3.element_spec, drain(d3))
print(drain(d3.batch(2)))
mixed = tf.data.Dataset.from_tensor_slices({"r": rt, "n": [1.5, 2.5, 3.5, 4.5]})
print(mixed.element_spec)
print(drain(mixed.batch(3)))
print(drain(tf.data.Dataset.from_tensor_slices(tf.ragged.constant(
    [[1, 2], [3]], row_splits_dtype=tf.int32)).batch(2)))
show_error(d.padded_batch, 2)

dense = tf.data.Dataset.range(5).map(
    lambda x: (tf.range(x), tf.fill([2, 3], x), x, tf.fill([x, 2], x)))
r = dense.apply(E.dense_to_ragged_batch(2))
print(r.element_spec)
print(drain(r))
print(dense.ragged_batch(2, drop_remainder=True).element_spec)
print(dense.ragged_batch(2, row_splits_dtype=tf.int32).element_spec)
print(d.ragged_batch(3).element_spec, drain(d.ragged_batch(3)))
print(tf.data.Dataset.range(3).ragged_batch(2).element_spec)
