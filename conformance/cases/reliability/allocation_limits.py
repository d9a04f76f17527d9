# Allocations that cannot succeed raise ResourceExhaustedError naming the op; the session is
# usable afterwards.
n = tf.placeholder(tf.int32, [], name='n')
cases = [
    ('big', tf.zeros(tf.stack([n, n]), name='big'), {n: 2 ** 20}),
    ('ru', tf.random_uniform([2 ** 20, 2 ** 20], name='ru'), None),
    ('outer', tf.matmul(tf.ones([2 ** 20, 1]), tf.ones([2 ** 20, 1]), transpose_b=True,
                        name='outer'), None),
    ('rg', tf.range(2 ** 40, name='rg'), None),
]
v = tf.get_variable('gv', [2 ** 20, 2 ** 20], initializer=tf.glorot_uniform_initializer())
with tf.Session() as sess:
    for label, t, feed in cases:
        show_error(sess.run, t, feed)
        try:
            sess.run(t, feed)
        except tf.errors.ResourceExhaustedError as e:
            text = e.message
            print(label, text[text.index('OOM'):text.index(' on /job')], '|',
                  f'{{{{node {t.op.name}}}}}' in text)
    show_error_contains(lambda: sess.run(v.initializer),
                        'OOM when allocating tensor with shape[1048576,1048576] and type float')
    print(issubclass(tf.errors.ResourceExhaustedError, tf.errors.OpError))
    print(sess.run(tf.constant(1) + 1))
