# Cross-entropy losses: names, shapes, values and gradients.
logits = tf.constant([[2.0, 1.0, 0.1], [0.5, 2.5, -1.0]], name='logits')
labels = tf.constant([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]], name='labels')
sparse = tf.constant([0, 2], name='sparse')
l1 = tf.nn.softmax_cross_entropy_with_logits_v2(labels=labels, logits=logits)
l2 = tf.nn.softmax_cross_entropy_with_logits(labels=labels, logits=logits)
l3 = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=sparse, logits=logits)
l4 = tf.nn.sigmoid_cross_entropy_with_logits(labels=labels, logits=logits)
for t in [l1, l2, l3, l4]:
    print(t.name, t.op.type, t.shape, t.dtype.name)
grads = tf.gradients(tf.reduce_sum(l1) + tf.reduce_sum(l3), [logits, labels])
print([g.name for g in grads])
with tf.Session() as sess:
    for v in sess.run([l1, l2, l3, l4] + grads):
        print(np.round(v, 5).tolist())
show_error(tf.nn.softmax_cross_entropy_with_logits, labels, logits)
show_error_contains(lambda: tf.nn.sparse_softmax_cross_entropy_with_logits(
    labels=tf.constant([[0]]), logits=logits), 'Rank mismatch')
show_error(tf.nn.sparse_softmax_cross_entropy_with_logits, labels=tf.constant([0, 1, 2]),
           logits=logits)
x3 = tf.placeholder(tf.float32, [None, 4, 3])
l5 = tf.nn.softmax_cross_entropy_with_logits_v2(labels=tf.nn.softmax(x3), logits=x3)
l6 = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=tf.zeros([2, 4], tf.int32),
                                                    logits=x3)
print(l5.name, l5.shape, l6.name, l6.shape)
with tf.Session() as sess:
    feed = {x3: np.arange(24, dtype=np.float32).reshape(2, 4, 3) / 10}
    print(np.round(sess.run([l5, l6], feed), 5).tolist())
