# Functions given to map/filter/flat_map/reduce capture tensors of the outer graph:
# placeholders are fed when the iterator's initializer runs, variables read per element.


def drain(sess, nxt, n):
    return [sess.run(nxt).tolist() for _ in range(n)]


g = tf.Graph()
with g.as_default():
    scale = tf.placeholder(tf.int64, [], name="scale")
    ds = tf.data.Dataset.range(4).map(lambda x: x * scale)
    it = tf.data.make_initializable_iterator(ds)
    nxt = it.get_next()
    mapped = g.get_operation_by_name("MapDataset")
    print(mapped.type, [t.name for t in mapped.inputs], ds.output_types, ds.output_shapes)
    with tf.Session() as sess:
        sess.run(it.initializer, {scale: 3})
        print(drain(sess, nxt, 4))
        sess.run(it.initializer, {scale: 5})
        print(drain(sess, nxt, 2))
        show_error(lambda: sess.run(nxt))
    show_error(lambda: tf.data.make_one_shot_iterator(ds))

    # a variable: assignments made before get_next are seen
    v = tf.Variable(2, dtype=tf.int64, name="v")
    vds = tf.data.Dataset.range(4).map(lambda x: x * v)
    vit = tf.data.make_initializable_iterator(vds)
    vnext = vit.get_next()
    assign = v.assign(10)
    print([t.name for t in vds._variant_tensor.op.inputs])
    with tf.Session() as sess:
        sess.run(v.initializer)
        sess.run(vit.initializer)
        sess.run(assign)
        print(drain(sess, vnext, 4))
    show_error(lambda: tf.data.make_one_shot_iterator(vds))

    # constants capture fine in a one-shot iterator
    c = tf.constant([1.5], name="c")
    cds = tf.data.Dataset.range(3).map(lambda x: tf.cast(x, tf.float32) * c)
    cnext = tf.data.make_one_shot_iterator(cds).get_next()
    print(cds.output_shapes)
    with tf.Session() as sess:
        print(drain(sess, cnext, 3))

    th = tf.placeholder(tf.int64, [])
    fit = tf.data.make_initializable_iterator(tf.data.Dataset.range(10).filter(lambda x: x > th))
    fnext = fit.get_next()
    k = tf.placeholder(tf.int64, [])
    fm = tf.data.Dataset.range(3).flat_map(
        lambda x: tf.data.Dataset.range(k).map(lambda y: y + 10 * x))
    fmit = tf.data.make_initializable_iterator(fm)
    fmnext = fmit.get_next()
    m = tf.placeholder(tf.int64, [])
    total = tf.data.Dataset.range(5).reduce(tf.constant(0, tf.int64), lambda s, x: s + x * m)
    # an outer tensor returned as is, and one used in a nested name scope
    off = tf.placeholder(tf.float32, [2])
    rit = tf.data.make_initializable_iterator(
        tf.data.Dataset.range(2).map(lambda x: (x, off, tf.reduce_sum(off) + 1.0)))
    rnext = rit.get_next()
    print([t.shape for t in rnext])
    with tf.Session() as sess:
        sess.run(fit.initializer, {th: 6})
        print(drain(sess, fnext, 3))
        sess.run(fmit.initializer, {k: 2})
        print(drain(sess, fmnext, 6))
        print(sess.run(total, {m: 2}))
        sess.run(rit.initializer, {off: [1.0, 2.0]})
        print([x.tolist() for x in sess.run(rnext)])
        unfed = tf.data.make_initializable_iterator(
            tf.data.Dataset.range(3).map(lambda x: x + th))
        show_error(lambda: sess.run(unfed.initializer))
    show_error(lambda: tf.data.make_one_shot_iterator(
        tf.data.Dataset.range(3).filter(lambda x: x > tf.cast(th, tf.int64))))
