# Session.run mirrors the fetch structure: lists, tuples, dicts, OrderedDict, namedtuple, nesting.
import collections

a = tf.constant(1.0, name='a')
b = tf.constant([2, 3], name='b')
Pair = collections.namedtuple('Pair', ['x', 'y'])
with tf.Session() as sess:
    print(sess.run([a, b]))
    print(sess.run((a, b)))
    print(sess.run({'a': a, 'b': b}))
    od = sess.run(collections.OrderedDict([('z', b), ('y', a)]))
    print(type(od).__name__, od)
    p = sess.run(Pair(a, b))
    print(type(p).__name__, p)
    print(sess.run([a, (b, {'k': [a, a]}), []]))
    print(sess.run([]), sess.run(()), sess.run({}))
    print(sess.run({'nested': Pair(x=[a], y=(b,))}))
    print(sess.run([[a], [[b]]]))
