# tf.losses graphs: scopes, op names and types, the LOSSES collection, reductions.
def ops_since(n):
    return [f"{op.name}:{op.type}" for op in tf.get_default_graph().get_operations()[n:]]
def ops_outside(scope, n):
    # tf.nn.sparse_softmax_cross_entropy_with_logits names its op after name=; that lives in nn.
    return [op for op in ops_since(n) if not op.startswith(scope)]
def count():
    return len(tf.get_default_graph().get_operations())
labels = tf.constant([[1.0, 0.0], [0.0, 1.0]], name="labels")
preds = tf.constant([[0.8, 0.3], [0.1, 0.6]], name="preds")
for fn in [tf.losses.absolute_difference, tf.losses.mean_squared_error, tf.losses.log_loss,
           tf.losses.hinge_loss, tf.losses.huber_loss]:
    n = count()
    loss = fn(labels, preds)
    print(loss, ops_since(n))
n = count()
print(tf.losses.sigmoid_cross_entropy(labels, preds, label_smoothing=0.1), ops_since(n))
n = count()
print(tf.losses.softmax_cross_entropy(labels, preds, label_smoothing=0.1), ops_since(n))
n = count()
print(tf.losses.sparse_softmax_cross_entropy([0, 1], preds),
      ops_outside("sparse_softmax_cross_entropy_loss/xentropy/", n))
n = count()
print(tf.losses.sparse_softmax_cross_entropy([[0], [1]], preds, weights=[[1.0], [2.0]]),
      ops_outside("sparse_softmax_cross_entropy_loss_1/xentropy/", n))
n = count()
print(tf.losses.cosine_distance(labels, preds, axis=1), ops_since(n))
for reduction in tf.losses.Reduction.all():
    n = count()
    print(reduction, tf.losses.mean_squared_error(labels, preds, weights=[[1.0], [0.0]],
                                                  reduction=reduction), ops_since(n))
n = count()
print(tf.losses.mean_squared_error([[1.0, 2.0]], [[2.0, 2.0]], weights=0.0), ops_since(n))
n = count()
with tf.name_scope("outer"):
    print(tf.losses.absolute_difference(labels, preds, scope="mine"), ops_since(n))
n = count()
print(tf.losses.compute_weighted_loss(tf.constant([1.0, 2.0], tf.float64), weights=2,
                                      reduction=tf.losses.Reduction.SUM), ops_since(n))
print(tf.get_collection(tf.GraphKeys.LOSSES))
