# tf.sparse ops: values, static shapes and op types.
st = tf.SparseTensor(indices=[[1, 2], [0, 0], [0, 3]], values=[1., 2., 3.], dense_shape=[3, 4])


def show(label, x):
    if isinstance(x, tf.SparseTensor):
        print(label, "SP", x.indices.op.type, x.shape, x.indices.shape, x.values.shape,
              x.dense_shape.shape)
    elif isinstance(x, (list, tuple)):
        for i, y in enumerate(x):
            show(label + str(i), y)
    else:
        print(label, x.op.name, x.op.type, x.shape, x.dtype)


show("reorder", tf.sparse.reorder(st))
show("reshape", tf.sparse.reshape(st, [4, 3]))
show("reshape_top", tf.sparse_reshape(st, [-1, 2]))
show("concat", tf.sparse.concat(1, [st, st]))
show("add", tf.sparse.add(st, st))
show("add_dense", tf.sparse.add(st, tf.ones([3, 4])))
show("reduce_sum", tf.sparse.reduce_sum(st, axis=1))
show("reduce_max", tf.sparse.reduce_max(st, axis=0))
show("retain", tf.sparse.retain(st, [True, False, True]))
show("fill", tf.sparse.fill_empty_rows(st, -1.))
show("slice", tf.sparse.slice(st, [0, 1], [2, 3]))
show("split", tf.sparse.split(sp_input=st, num_split=2, axis=1))
show("transpose", tf.sparse.transpose(st))
show("matmul", tf.sparse.sparse_dense_matmul(st, tf.ones([4, 2])))
show("from_dense", tf.sparse.from_dense(tf.constant([[0, 1], [2, 0]])))
show("to_indicator", tf.sparse.to_indicator(
    tf.SparseTensor([[0, 0]], tf.constant([2], tf.int64), [1, 1]), 4))
show("softmax", tf.sparse.softmax(st))
show("maximum", tf.sparse.maximum(st, st))
show("to_dense", tf.sparse.to_dense(st))
sess = tf.Session()
other = tf.SparseTensor([[0, 1], [1, 2]], [5., -1.], [3, 4])
ids = tf.SparseTensor([[0, 0], [1, 0]], tf.constant([2, 1], tf.int64), [2, 1])
for name, t in [
        ("reorder", tf.sparse.reorder(st)), ("reshape", tf.sparse.reshape(st, [4, 3])),
        ("concat", tf.sparse.concat(1, [st, st])), ("add", tf.sparse.add(st, st)),
        ("add_dense", tf.sparse.add(st, tf.ones([3, 4]))),
        ("fill", tf.sparse.fill_empty_rows(st, -1.)),
        ("slice", tf.sparse.slice(st, [0, 1], [2, 3])), ("transpose", tf.sparse.transpose(st)),
        ("retain", tf.sparse.retain(st, [True, False, True])),
        ("split", tf.sparse.split(sp_input=st, num_split=2, axis=1)),
        ("split3", tf.sparse.split(sp_input=st, num_split=3, axis=1)),
        ("reduce_sum", tf.sparse.reduce_sum(st, axis=1)),
        ("reduce_sum_all", tf.sparse.reduce_sum(st)),
        ("reduce_sum_keep", tf.sparse.reduce_sum(st, axis=0, keepdims=True)),
        ("reduce_max", tf.sparse.reduce_max(tf.sparse.reorder(st), axis=1)),
        ("softmax", tf.sparse.softmax(tf.sparse.reorder(st))),
        ("matmul", tf.sparse.sparse_dense_matmul(st, tf.reshape(tf.range(8.), [4, 2]))),
        ("matmul_adj", tf.sparse.sparse_dense_matmul(st, tf.reshape(tf.range(6.), [3, 2]),
                                                     adjoint_a=True)),
        ("from_dense", tf.sparse.from_dense(tf.constant([[0, 1], [2, 0]]))),
        ("maximum", tf.sparse.maximum(tf.sparse.reorder(st), other)),
        ("minimum", tf.sparse.minimum(tf.sparse.reorder(st), other)),
        ("merge", tf.sparse.merge(ids, tf.SparseTensor([[0, 0], [1, 0]], [7., 8.], [2, 1]), 4)),
        ("to_indicator", tf.sparse.to_indicator(
            tf.SparseTensor([[0, 0], [0, 1]], tf.constant([2, 0], tf.int64), [1, 2]), 4))]:
    print(name, sess.run(t))
