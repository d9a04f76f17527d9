# tf.sets: intersection / union / difference of dense and sparse sets along the last dimension,
# set_size; op types and names, static shapes, flipped sparse-dense order, strings, empty sets.
sess = tf.Session()
a = tf.constant([[1, 2, 2, 9], [5, 6, 7, 8]])
b = tf.constant([[2, 1, 4, 4], [9, 7, 7, 0]])
for fn in ["set_intersection", "set_union", "set_difference"]:
    r = getattr(tf.sets, fn)(a, b)
    print(fn, type(r).__name__, r.indices.op.type, r.indices.op.name, r.values.dtype,
          r.indices.shape, r.values.shape, r.dense_shape.shape)
    print(sess.run(r))
print(sess.run(tf.sets.set_difference(a, b, aminusb=False)))
sp = tf.SparseTensor([[0, 0], [0, 1], [1, 0]], [3, 1, 5], [2, 3])
for r in [tf.sets.set_intersection(a, sp), tf.sets.set_intersection(sp, a),
          tf.sets.set_union(sp, sp), tf.sets.set_difference(sp, a),
          tf.sets.set_difference(a, sp), tf.sets.set_difference(sp, a, aminusb=False)]:
    print(r.indices.op.type, r.indices.shape, sess.run(r))
sz = tf.sets.set_size(sp)
print(sz.op.type, sz.op.name, sz.dtype, sz.shape, sess.run(sz))
print(sess.run(tf.sets.set_size(tf.SparseTensor(np.zeros([0, 2], np.int64),
                                                np.zeros([0], np.int32), [2, 3]))))
st = tf.constant([[b"a", b"b"], [b"c", b"a"]])
st2 = tf.constant([[b"b"], [b"z"]])
print(sess.run(tf.sets.union(st, st2)))
print(sess.run(tf.sets.difference(st, st2)))
print(tf.sets.intersection is tf.sets.set_intersection, tf.sets.size is tf.sets.set_size,
      tf.sets.union is tf.sets.set_union, tf.sets.difference is tf.sets.set_difference)
r = tf.sets.set_union(tf.constant([[[1, 2], [2, 3]]]), tf.constant([[[4], [1]]]))
print(r.indices.shape, r.dense_shape.shape, sess.run(r))
p = tf.placeholder(tf.int32, [None, None])
r = tf.sets.set_union(p, p)
print(r.indices.shape, r.dense_shape.shape)
empty = tf.constant(np.zeros([2, 0], np.int32))
print(sess.run(tf.sets.set_union(empty, empty)))
print(sess.run(tf.sets.set_intersection(a, tf.constant([[100], [200]]))))
print(sess.run(tf.sets.set_union(tf.constant([[3, 1]], tf.int64), tf.constant([[-2]], tf.int64))))
print(sess.run(tf.sets.set_union(tf.constant([[3, 1]], tf.uint8), tf.constant([[200]], tf.uint8))))
