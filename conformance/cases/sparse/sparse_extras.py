# More tf.sparse: expand_dims, eye, reset_shape, *_sparse reductions, mask, segment ops,
# serialization.
st = tf.SparseTensor(indices=[[0, 0], [0, 3], [1, 2]], values=[2., 3., 1.], dense_shape=[3, 4])
sess = tf.Session()


def show(label, x, static=True):
    if isinstance(x, tf.SparseTensor):
        # tfcompat folds constants further than TF, so some composites know more of their
        # static shape; those are printed without it.
        print(label, "SP", x.indices.op.type, x.shape if static else "", x.indices.shape,
              x.values.shape, x.dense_shape.shape)
        print("  ", sess.run(x))
    elif isinstance(x, tf.IndexedSlices):
        print(label, "IS", x.values.op.type, sess.run(x.values), sess.run(x.indices))
    else:
        print(label, x.op.name, x.op.type, x.shape, x.dtype)
        print("  ", sess.run(x))


show("expand_dims", tf.sparse.expand_dims(st, 0), static=False)
show("expand_dims_last", tf.sparse.expand_dims(st, -1), static=False)
show("eye", tf.sparse.eye(3))
show("eye_rect", tf.sparse.eye(2, 4, dtype=tf.int32))
show("reset_shape", tf.sparse.reset_shape(st), static=False)
show("reset_shape_new", tf.sparse.reset_shape(st, [4, 5]))
show("reduce_sum_sparse", tf.sparse.reduce_sum_sparse(st, axis=1))
show("reduce_max_sparse", tf.sparse.reduce_max_sparse(st, axis=0))
show("mask", tf.sparse.mask(tf.IndexedSlices(tf.constant([[1., 2.], [3., 4.], [5., 6.]]),
                                             tf.constant([0, 2, 5])), tf.constant([2])))
data = tf.constant([[1., 2.], [3., 4.], [5., 6.], [7., 8.]])
show("segment_sum", tf.sparse.segment_sum(data, [0, 1, 3], [0, 0, 1]))
show("segment_mean", tf.sparse.segment_mean(data, [0, 1, 3], [0, 0, 1]))
show("segment_sqrt_n", tf.sparse.segment_sqrt_n(data, [0, 1, 3], [0, 0, 2]))
show("segment_sum_n", tf.sparse.segment_sum(data, [0, 2], [1, 1], num_segments=3))
ser = tf.serialize_sparse(st)
show("serialize_sparse", ser)
many = tf.serialize_many_sparse(st)
print(many.op.type, many.shape, sess.run(many).shape)
show("deserialize_many", tf.deserialize_many_sparse(many, tf.float32))
x = tf.constant([[1., 2.], [3., 4.], [5., 6.], [7., 8.]], tf.float64)
seg = tf.sparse.segment_mean(x, [0, 1, 3], [0, 0, 1])
g = tf.gradients(tf.reduce_sum(seg * tf.constant([[1., 2.], [3., 4.]], tf.float64)), x)[0]
print(isinstance(g, tf.Tensor), sess.run(tf.convert_to_tensor(g)))
seg_sum = tf.sparse.segment_sqrt_n(x, [0, 1, 3], [0, 0, 1])
print(sess.run(tf.convert_to_tensor(tf.gradients(tf.reduce_sum(seg_sum * seg_sum), x)[0])))
