# fractional_max_pool / fractional_avg_pool: TF's seeded pooling sequences (random and
# pseudo-random), regions with/without overlap, first-order gradients, shapes and errors.
x = tf.constant(np.random.RandomState(0).randn(2, 10, 13, 3).astype(np.float32))
ratio = [1.0, 1.44, 1.73, 1.0]
pools = []
for fn in [tf.nn.fractional_max_pool, tf.nn.fractional_avg_pool]:
    for pseudo in [False, True]:
        for overlap in [False, True]:
            pools.append(fn(x, ratio, pseudo_random=pseudo, overlapping=overlap,
                            deterministic=True, seed=5, seed2=7))
print(pools[0])
print(pools[4].output.op.type, pools[4].output.shape, pools[4].row_pooling_sequence.shape)
grads = [tf.gradients(p.output, x)[0] for p in (pools[1], pools[3], pools[5], pools[7])]
print(grads[0], grads[2])
show_error(lambda: tf.gradients(grads[0], x))
stream = tf.nn.fractional_max_pool(x, [1.0, 1.5, 1.5, 1.0])
seeded = tf.nn.fractional_max_pool(x, [1.0, 1.5, 1.5, 1.0], seed=3, seed2=4)
fixed = tf.nn.fractional_max_pool(x, [1.0, 1.5, 1.5, 1.0], deterministic=True)
ints = tf.nn.fractional_avg_pool(tf.constant(np.arange(2 * 9 * 7 * 1).reshape(2, 9, 7, 1)),
                                 [1.0, 1.6, 1.3, 1.0], seed=1, seed2=1, deterministic=True)
print(ints.output.dtype, ints.output.shape)
ph = tf.placeholder(tf.float32, [None, 33, None, 2])
print(tf.nn.fractional_max_pool(ph, [1.0, 1.1, 2.0, 1.0]).output.shape)


def show(v):
    print(np.array2string(np.round(np.asarray(v), 4) + 0, precision=4, threshold=60))


with tf.Session() as sess:
    for p in pools:
        out, rows, cols = sess.run(p)
        print(rows.tolist(), cols.tolist())
        show(out[0, :, :, 0])
    for g in grads:
        show(sess.run(g)[1, :, :, 2])
    first, second = sess.run(stream[1:]), sess.run(stream[1:])
    print([s.shape for s in first], [s[-1] for s in second])
    print(all((a == b).all() for a, b in zip(sess.run(fixed[1:]), sess.run(fixed[1:]))))
    show_error_contains(lambda: sess.run(seeded.output),
                        "Both seed and seed2 should be 0 if deterministic is false.")
    show(sess.run(ints.output)[1, :, :, 0])
with tf.Session() as sess:
    show_error_contains(lambda: sess.run(tf.nn.fractional_max_pool(x, [2.0, 1.5, 1.5, 1.0])
                                         .output),
                        "not yet supported on the batch nor channel dimension")
show_error(lambda: tf.nn.fractional_max_pool(tf.zeros([3, 4]), [1.0, 1.5, 1.5, 1.0]))
