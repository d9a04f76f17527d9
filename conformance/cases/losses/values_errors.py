# tf.losses values (every reduction, weights, smoothing), gradients, collections and errors.
labels = tf.constant([[1.0, 0.0, 1.0], [0.0, 1.0, 0.0]], name="labels")
preds = tf.constant([[0.9, 0.2, 0.4], [0.3, 0.7, 0.05]], name="preds")
logits = tf.constant([[2.0, -1.0, 0.5], [-0.3, 1.5, -2.0]], name="logits")
w_row = tf.constant([[2.0], [0.0]], name="w_row")
w_full = tf.constant([[1.0, 0.0, 3.0], [0.5, 0.0, 2.0]], name="w_full")
losses = []
for weights in [1.0, w_row, w_full]:
    losses += [tf.losses.absolute_difference(labels, preds, weights),
               tf.losses.mean_squared_error(labels, preds, weights),
               tf.losses.log_loss(labels, preds, weights),
               tf.losses.hinge_loss(labels, logits, weights),
               tf.losses.huber_loss(labels, logits, weights, delta=0.8),
               tf.losses.sigmoid_cross_entropy(labels, logits, weights),
               tf.losses.sigmoid_cross_entropy(labels, logits, weights, label_smoothing=0.2)]
for reduction in tf.losses.Reduction.all():
    losses.append(tf.losses.mean_squared_error(labels, preds, w_full, reduction=reduction))
    losses.append(tf.losses.compute_weighted_loss([[0.5], [1.5]], w_row, reduction=reduction))
losses += [tf.losses.softmax_cross_entropy(labels, logits),
           tf.losses.softmax_cross_entropy(labels, logits, [3.0, 1.0], label_smoothing=0.3),
           tf.losses.sparse_softmax_cross_entropy([2, 1], logits),
           tf.losses.sparse_softmax_cross_entropy([[2], [1]], logits, [[0.5], [2.0]]),
           tf.losses.cosine_distance([[0.6, 0.0, 0.8], [0.0, 1.0, 0.0]], preds, axis=1),
           tf.losses.mean_squared_error(labels, preds, 0.0),
           tf.losses.compute_weighted_loss(tf.constant([1.0, 4.0], tf.float64), 2.0)]
print([l.name for l in losses[-3:]], losses[-1].dtype)
print(len(tf.get_collection(tf.GraphKeys.LOSSES)), len(losses))
grads = tf.gradients(tf.add_n([l for l in losses if l.shape.ndims == 0 and l.dtype == tf.float32]),
                     [preds, logits])
with tf.Session() as sess:
    for v in sess.run(losses):
        print(np.round(v, 5).tolist())
    for g in sess.run(grads):
        print(np.round(g, 4).tolist())
tf.reset_default_graph()
x = tf.constant([[1.0, 2.0], [3.0, 4.0]], name="x")
show_error(tf.losses.get_total_loss)
print(tf.losses.get_regularization_loss())
tf.add_to_collection(tf.GraphKeys.REGULARIZATION_LOSSES, tf.reduce_sum(x, name="r1"))
with tf.name_scope("reg"):
    tf.add_to_collection(tf.GraphKeys.REGULARIZATION_LOSSES, tf.nn.l2_loss(x))
print(tf.losses.get_regularization_losses(), tf.losses.get_regularization_losses(scope="reg"))
print(tf.losses.get_regularization_loss(), tf.losses.get_regularization_loss("reg", name="only"))
with tf.name_scope("s"):
    s_loss = tf.losses.absolute_difference(x, x * 2)
tf.losses.add_loss(tf.constant(3.0, name="extra"))
tf.losses.add_loss(tf.constant(4.0, name="other"), loss_collection="mine")
tf.losses.add_loss(tf.constant(5.0, name="dropped"), loss_collection=None)
none_loss = tf.losses.mean_squared_error(x, x + 1, loss_collection=None)
print(tf.losses.get_losses(), tf.losses.get_losses(scope="s"),
      tf.losses.get_losses(loss_collection="mine"))
totals = [tf.losses.get_total_loss(), tf.losses.get_total_loss(False),
          tf.losses.get_total_loss(name="tt", scope="s")]
print(totals)
with tf.Session() as sess:
    print(np.round(sess.run(totals + [none_loss]), 5).tolist())
print(tf.losses.Reduction.all(), tf.losses.Reduction.SUM_OVER_NONZERO_WEIGHTS)
show_error(tf.losses.Reduction.validate, "bad")
show_error(tf.losses.compute_weighted_loss, x, reduction="sum")
show_error(tf.losses.mean_squared_error, x, x, weights=[1.0, 2.0, 3.0])
show_error(tf.losses.mean_squared_error, x, x, weights=[[1.0, 2.0, 3.0]])
show_error(tf.losses.mean_squared_error, x, x, weights=[[[1.0]]])
for fn in [tf.losses.absolute_difference, tf.losses.mean_squared_error, tf.losses.log_loss,
           tf.losses.hinge_loss, tf.losses.huber_loss, tf.losses.sigmoid_cross_entropy,
           tf.losses.softmax_cross_entropy]:
    show_error(fn, x, tf.ones([3]))
show_error(tf.losses.mean_squared_error, None, x)
show_error(tf.losses.mean_squared_error, x, None)
show_error(tf.losses.hinge_loss, x, None)
show_error(tf.losses.sigmoid_cross_entropy, None, x)
show_error(tf.losses.softmax_cross_entropy, x, None)
show_error(tf.losses.sparse_softmax_cross_entropy, [0, 1], None)
show_error(tf.losses.cosine_distance, x, x)
