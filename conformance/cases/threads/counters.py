# Eight threads share one session, each running assign_add 2,000 times: no update is lost,
# for a scalar counter (with and without use_locking) and for a [100000] int64 counter.
import sys
import threading


def in_threads(count, work):
    threads = [threading.Thread(target=work) for _ in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


old = sys.getswitchinterval()
sys.setswitchinterval(1e-6)
try:
    for use_locking in (None, True):
        c = tf.Variable(0.0, name='c')
        inc = tf.assign_add(c, 1.0, use_locking=use_locking)
        sess = tf.Session()
        sess.run(c.initializer)
        in_threads(8, lambda s=sess, op=inc.op: [s.run(op) for _ in range(2000)])
        print(use_locking, sess.run(c))
    big = tf.Variable(tf.zeros([100000], tf.int64), name='big')
    inc_big = tf.assign_add(big, tf.ones([100000], tf.int64), use_locking=True)
    sess = tf.Session()
    sess.run(big.initializer)
    in_threads(8, lambda: [sess.run(inc_big.op) for _ in range(250)])
    value = sess.run(big)
    print(value.min(), value.max(), value.dtype)
finally:
    sys.setswitchinterval(old)
