# NaN and Inf in histograms fail at run time with TF's texts; bad dtypes at graph construction.
# ruff: noqa: F821 - the runner injects tf, np, show_error and show_error_contains
p = tf.placeholder(tf.float32, [None])
h = tf.summary.histogram('nanh', p)
with tf.Session() as sess:
    show_error_contains(lambda: sess.run(h, {p: [1.0, np.nan]}),
                        'Nan in summary histogram for: nanh')
    show_error_contains(lambda: sess.run(h, {p: [np.inf]}), 'Infinity in Histogram for: nanh')
    show_error_contains(lambda: sess.run(h, {p: [-np.inf, 1.0]}), 'Infinity in Histogram for: nanh')
    print(sess.run(h, {p: [1.0]}))
show_error(tf.summary.histogram, 'b', tf.constant([True]))
show_error(tf.summary.histogram, 's', tf.constant(['x']))
show_error(lambda: tf.summary.histogram(None.name, None))
