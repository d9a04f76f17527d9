# assign / assign_add / assign_sub: names, reprs, values returned by run.
v = tf.Variable(1.0, name='v')
a = v.assign(5.0)
b = v.assign_add(2.0)
c = v.assign_sub(0.5)
d = tf.assign(v, 10.0)
e = tf.assign_add(v, 1.0, name='inc')
f = tf.assign_sub(v, 1.0)
for t in [a, b, c, d, e, f]:
    print(t, t.op.type, [i.name for i in t.op.inputs])
with tf.Session() as sess:
    sess.run(v.initializer)
    print(repr(sess.run(a)), repr(sess.run(b)), repr(sess.run(c)), repr(sess.run(v)))
    print(repr(sess.run(d)), repr(sess.run(e)), repr(sess.run(f)), repr(sess.run(f)))
    v.load(7.0, sess)
    print(repr(sess.run(v)))
    print(repr(sess.run(v.assign([[1.0]][0][0] * 3))))
