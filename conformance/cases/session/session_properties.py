# Session attributes: graph, sess_str, context-manager closing, explicit graph argument.
g = tf.Graph()
with g.as_default():
    c = tf.constant(5, name='c')
sess = tf.Session(graph=g)
print(sess.graph is g, repr(sess.sess_str), repr(sess.run(c)))
sess.close()
d = tf.constant(1)
with tf.Session() as s:
    print(s.graph is tf.get_default_graph())
show_error(s.run, d)
with tf.Session(config=tf.ConfigProto(log_device_placement=False)) as s:
    print(repr(s.run(d)))
with tf.Session('') as s:
    print(repr(s.run(d)))
with g.as_default():
    with tf.Session() as s:
        print(s.graph is g, repr(s.run('c:0')))
