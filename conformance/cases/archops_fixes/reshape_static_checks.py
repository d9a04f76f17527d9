# Reshape's shape function checks element counts while building (ValueError), as far as the
# input and target shapes are known (at most one unknown dim each), and infers a single -1.
def P(s):
    return tf.placeholder(tf.float32, s)


cases = [
    (P([None, 3]), [4]), (P([None, None, 3]), [4]), (P([None, 3]), [-1, 3]),
    (P([None, 6]), [-1, 4]), (P([None, 0]), [5]), (P([None, 0]), [-1, 3]), (P([None, 3]), [0]),
    (P([None, 3]), [0, -1]), (P(None), [6, -1]), (P([2, 3]), [-1, -1]), (P([2, 3]), [0, -1]),
    (P([0, 3]), [0, -1]), (P([2, 3]), [-3]), (P([2, 3]), [4, -1]), (P([2, 3]), [5, 1]),
    (tf.zeros([]), [2]), (tf.zeros([0, 3]), [-1, 0]),
]
for x, target in cases:
    show_error(lambda t, s: tf.reshape(t, s).shape, x, target)
u = tf.placeholder(tf.int32, [])
show_error(lambda: tf.reshape(P([None, 4]), tf.stack([u, 3])).shape)
show_error(lambda: tf.reshape(P([2, 4]), tf.stack([u, 3])).shape)
x = P([None, 3])
y = tf.reshape(x, [-1, 2])
with tf.Session() as sess:
    print(sess.run(y, {x: np.zeros([2, 3], np.float32)}).shape)
    show_error_contains(lambda: sess.run(y, {x: np.zeros([1, 3], np.float32)}),
                        "Input to reshape is a tensor with 3 values")
