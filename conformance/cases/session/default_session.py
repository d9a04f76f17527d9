# eval/run use the default session; `with Session()` installs it and closes it on exit.
a = tf.constant(2.0, name='a')
p = tf.placeholder(tf.float32, name='p')
n = tf.no_op()
print(tf.get_default_session())
show_error(a.eval)
show_error(n.run)
with tf.Session() as sess:
    print(tf.get_default_session() is sess)
    print(repr(a.eval()), repr(n.run()), repr((a * p).eval(feed_dict={p: 3.0})))
    print(repr(a.eval(session=sess)), repr(p.eval({p: 1.0})))
print(tf.get_default_session())
show_error(sess.run, a)
s2 = tf.Session()
with s2.as_default():
    print(tf.get_default_session() is s2, repr(a.eval()))
print(tf.get_default_session() is None, repr(s2.run(a)))
print(repr(a.eval(session=s2)))
s2.close()
