# Every iterator makes its string handle when built, as TF does.
g = tf.Graph()
with g.as_default():
    ds = tf.data.Dataset.range(3)
    it = tf.data.make_one_shot_iterator(ds)
    it2 = tf.data.make_initializable_iterator(ds)
    it3 = tf.data.Iterator.from_structure(tf.int64, [])
    h = tf.placeholder(tf.string, [])
    it4 = tf.data.Iterator.from_string_handle(h, tf.int64, [])
    print([(o.name, o.type) for o in g.get_operations()])
    print(it.string_handle().name, it.string_handle().name, it.string_handle("x").name)
    nxt = it4.get_next()
    with tf.Session() as sess:
        sess.run(it2.initializer)
        handle = sess.run(it2.string_handle())
        print(sess.run(nxt, {h: handle}), sess.run(nxt, {h: handle}))
