# tf.random.split / fold_in / create_rng_state / stateless_shuffle and full-range stateless ints.
def show(t):
    with tf.Session() as sess:
        v = sess.run(t)
    print(t.op.type, t.op.name, t.dtype.name, t.shape, np.asarray(v).tolist())

show(tf.random.split([1, 2]))
show(tf.random.split(tf.constant([1, 2], tf.int64), 3))
show(tf.random.split([7, 9], 0))
show(tf.random.fold_in([1, 2], 7))
show(tf.random.fold_in(tf.constant([1, 2], tf.int64), 7))
show(tf.random.experimental.stateless_split([3, 4], 3))
show(tf.random.experimental.stateless_fold_in([3, 4], 11))
show(tf.random.experimental.stateless_shuffle(tf.range(6), [1, 2]))
show(tf.random.experimental.stateless_shuffle(tf.reshape(tf.range(12.), [4, 3]), [5, 6]))
show(tf.random.experimental.stateless_shuffle(tf.constant(3.), [5, 6]))
for dt in (tf.int32, tf.int64, tf.uint32, tf.uint64):
    show(tf.random.stateless_uniform([5], [1, 2], minval=None, maxval=None, dtype=dt))
show(tf.random.create_rng_state(5, "philox"))
show(tf.random.create_rng_state(2**70 + 3, "philox"))
show(tf.random.create_rng_state(-1, "philox"))
show(tf.random.create_rng_state(5, "threefry"))
show(tf.random.create_rng_state(5, 1))
show(tf.random.create_rng_state(5, tf.random.Algorithm.PHILOX))
show(tf.random.create_rng_state([1, 2, 3, 4], "auto_select"))
show(tf.random.create_rng_state([7], "philox"))
show(tf.random.create_rng_state(tf.constant([7, 8]), "philox"))
print(tf.random.Algorithm.PHILOX, repr(tf.random.Algorithm.THREEFRY),
      tf.random.Algorithm.AUTO_SELECT.value, tf.random.experimental.Algorithm.PHILOX.name)
show_error(tf.random.create_rng_state, 5, "foo")
show_error(tf.random.stateless_uniform, [2], [1, 2], minval=3, maxval=None, dtype=tf.int32)
show_error(tf.random.stateless_uniform, [2], [1, 2], minval=3, maxval=9, dtype=tf.uint32)
show_error(tf.random.split, [1, 2, 3])
