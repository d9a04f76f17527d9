# Fetching tf.zeros([1 << 40]) (4 TiB): ResourceExhaustedError, not an empty array.
z = tf.zeros([1 << 40], name='zeros')
with tf.Session() as sess:
    show_error_contains(lambda: sess.run(z),
                        'OOM when allocating tensor with shape[1099511627776] and type float')
    print(sess.run(tf.reduce_sum(tf.zeros([3]))))
