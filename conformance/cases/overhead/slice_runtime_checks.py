# tf.slice with begin/size known only at run time: values, and each bounds error of the kernel.
x = tf.constant(np.arange(24, dtype=np.float32).reshape(2, 3, 4))
begin = tf.placeholder(tf.int32, [3])
size = tf.placeholder(tf.int32, [3])
out = tf.slice(x, begin, size)
e = tf.placeholder(tf.float32, [0, 3])
b2 = tf.placeholder(tf.int64, [2])
s2 = tf.placeholder(tf.int64, [2])
empty = tf.slice(e, b2, s2)


def kernel_error(sess, fetch, feed):
    """The error class and the kernel's message line (the first line is TF's generic one)."""
    try:
        sess.run(fetch, feed)
    except tf.errors.InvalidArgumentError as e:
        lines = [line.strip() for line in e.message.splitlines() if "Expected" in line]
        print(type(e).__name__, lines[:1])
        return
    print("no error")


with tf.Session() as sess:
    for b, s in [([0, 0, 0], [-1, -1, -1]), ([1, 1, 2], [1, 2, 2]), ([0, 3, 4], [2, 0, 0]),
                 ([0, 1, 0], [-1, -1, 3])]:
        v = sess.run(out, {begin: b, size: s})
        print(b, s, v.shape, v.dtype, v.reshape(-1).tolist())
    for b, s in [([0, 0, 5], [1, 1, 0]), ([-1, 0, 0], [1, 1, 1]), ([0, 0, 0], [3, 1, 1]),
                 ([0, 2, 0], [1, 2, 1]), ([0, 0, 0], [1, -2, 1]), ([1, 1, 1], [2, -1, -1])]:
        kernel_error(sess, out, {begin: b, size: s})
    print(sess.run(empty, {e: np.zeros((0, 3), np.float32), b2: [0, 1], s2: [0, 2]}).shape)
    kernel_error(sess, empty, {e: np.zeros((0, 3), np.float32), b2: [1, 0], s2: [0, 1]})
    kernel_error(sess, empty, {e: np.zeros((0, 3), np.float32), b2: [0, 0], s2: [1, 1]})
