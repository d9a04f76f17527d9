# Every tf.metrics function: value/update names, dtypes, shapes, local variables, and values
# after two streaming updates (fed batches), with and without weights.
labels_in = tf.placeholder(tf.int64, [6])
probs_fed = tf.placeholder(tf.float32, [6])
probs_in = tf.identity(probs_fed)
w_in = tf.placeholder(tf.float32, [6])
reg_labels = tf.cast(labels_in, tf.float32) * 2.0
reg_preds = probs_in * 3.0
bool_preds = tf.greater(probs_in, 0.5)
class_preds = tf.cast(probs_in * 3.0, tf.int64)
multi_labels = tf.placeholder(tf.int64, [3, 2])
logits = tf.placeholder(tf.float32, [3, 4])
vec_a = tf.placeholder(tf.float32, [3, 2])
vec_b = tf.placeholder(tf.float32, [3, 2])

m = tf.metrics
built = [
    ("accuracy", m.accuracy(labels_in, class_preds)),
    ("accuracy_w", m.accuracy(labels_in, class_preds, weights=w_in)),
    ("mean", m.mean(probs_in)),
    ("mean_w", m.mean(probs_in, weights=w_in, name="wmean")),
    ("mean_tensor", m.mean_tensor(tf.reshape(probs_in, [2, 3]))),
    ("mean_tensor_w", m.mean_tensor(tf.reshape(probs_in, [2, 3]),
                                    weights=tf.reshape(w_in, [2, 3]))),
    ("mae", m.mean_absolute_error(reg_labels, reg_preds)),
    ("mse", m.mean_squared_error(reg_labels, reg_preds, weights=w_in)),
    ("rmse", m.root_mean_squared_error(reg_labels, reg_preds)),
    ("mre", m.mean_relative_error(reg_labels, reg_preds, normalizer=reg_labels + 1.0)),
    ("cosine", m.mean_cosine_distance(vec_a, vec_b, dim=1)),
    ("below", m.percentage_below(probs_in, 0.5)),
    ("tp", m.true_positives(labels_in, bool_preds)),
    ("fp", m.false_positives(labels_in, bool_preds, weights=w_in)),
    ("tn", m.true_negatives(labels_in, bool_preds)),
    ("fn", m.false_negatives(labels_in, bool_preds)),
    ("precision", m.precision(labels_in, bool_preds)),
    ("recall", m.recall(labels_in, bool_preds, weights=w_in)),
    ("tp_t", m.true_positives_at_thresholds(labels_in, probs_in, [0.25, 0.5, 0.75])),
    ("fp_t", m.false_positives_at_thresholds(labels_in, probs_in, [0.25, 0.5, 0.75])),
    ("tn_t", m.true_negatives_at_thresholds(labels_in, probs_in, [0.25, 0.5, 0.75],
                                            weights=w_in)),
    ("fn_t", m.false_negatives_at_thresholds(labels_in, probs_in, [0.25, 0.5, 0.75])),
    ("prec_t", m.precision_at_thresholds(labels_in, probs_in, [0.25, 0.5, 0.75])),
    ("rec_t", m.recall_at_thresholds(labels_in, probs_in, [0.25, 0.5, 0.75])),
    ("auc", m.auc(labels_in, probs_in)),
    ("auc_w", m.auc(labels_in, probs_in, weights=w_in, num_thresholds=7)),
    ("auc_pr", m.auc(labels_in, probs_in, curve="PR", summation_method="careful_interpolation")),
    ("auc_pr_trap", m.auc(labels_in, probs_in, curve="PR")),
    ("auc_min", m.auc(labels_in, probs_in, summation_method="minoring")),
    ("auc_maj", m.auc(labels_in, probs_in, summation_method="majoring")),
    ("auc_thr", m.auc(labels_in, probs_in, thresholds=[0.3, 0.6, 0.1])),
    ("sens", m.sensitivity_at_specificity(labels_in, probs_in, 0.6)),
    ("spec", m.specificity_at_sensitivity(labels_in, probs_in, 0.6, num_thresholds=50)),
    ("iou", m.mean_iou(labels_in, class_preds, num_classes=3)),
    ("iou_w", m.mean_iou(labels_in, class_preds, num_classes=3, weights=w_in)),
    ("per_class", m.mean_per_class_accuracy(labels_in, class_preds, num_classes=3)),
    ("rec_k", m.recall_at_k(multi_labels, logits, 2)),
    ("rec_k_c", m.recall_at_k(multi_labels, logits, 2, class_id=1)),
    ("prec_k", m.precision_at_k(multi_labels, logits, 2)),
    ("prec_k_w", m.sparse_precision_at_k(multi_labels, logits, 1,
                                         weights=tf.constant([1.0, 0.0, 2.0]))),
    ("prec_topk", m.precision_at_top_k(multi_labels, tf.constant([[0, 1], [2, 3], [1, 0]]),
                                       class_id=0)),
    ("rec_topk", m.recall_at_top_k(multi_labels, tf.constant([[0, 1], [2, 3], [1, 0]]), k=2)),
    ("ap_k", m.average_precision_at_k(multi_labels, logits, 3)),
    ("ap_k_w", m.sparse_average_precision_at_k(multi_labels, logits, 2,
                                               weights=tf.constant([0.5, 1.0, 2.0]))),
]
for name, (value, update) in built:
    print(name, value.name, update.name, value.dtype, update.dtype, value.shape, update.shape)
print(tf.local_variables())
print(len(tf.get_collection(tf.GraphKeys.METRIC_VARIABLES)), tf.trainable_variables())
batches = [
    {labels_in: [1, 0, 1, 1, 0, 2], probs_fed: [0.9, 0.3, 0.2, 0.8, 0.6, 0.7],
     w_in: [1.0, 2.0, 0.5, 1.0, 0.0, 1.5], multi_labels: [[1, 2], [0, 0], [3, 1]],
     logits: [[0.1, 0.5, 0.4, 0.0], [0.3, 0.3, 0.4, 0.1], [0.2, 0.9, 0.1, 0.8]],
     vec_a: [[1.0, 0.0], [0.0, 1.0], [0.6, 0.8]], vec_b: [[1.0, 0.0], [1.0, 0.0], [0.8, 0.6]]},
    {labels_in: [0, 0, 2, 1, 1, 1], probs_fed: [0.1, 0.55, 0.95, 0.45, 0.65, 0.35],
     w_in: [1.0, 1.0, 1.0, 3.0, 1.0, 0.5], multi_labels: [[2, 2], [1, 3], [0, 1]],
     logits: [[0.7, 0.1, 0.1, 0.1], [0.2, 0.2, 0.5, 0.6], [0.9, 0.05, 0.3, 0.2]],
     vec_a: [[0.0, 1.0], [1.0, 0.0], [0.8, 0.6]], vec_b: [[0.0, 1.0], [0.6, 0.8], [0.6, 0.8]]},
]
with tf.Session() as sess:
    sess.run(tf.local_variables_initializer())
    print([np.round(v, 5).tolist() for v in sess.run([v for _, (v, _) in built])])
    for feed in batches:
        ups = sess.run([u for _, (_, u) in built], feed)
        print([np.round(u, 5).tolist() for u in ups])
        print([np.round(v, 5).tolist() for v in sess.run([v for _, (v, _) in built])])
col_v, col_u = tf.metrics.mean(probs_in, metrics_collections=["mc"], updates_collections=["uc"])
print(tf.get_collection("mc"), tf.get_collection("uc"))
show_error(tf.metrics.auc, labels_in, probs_in, curve="XY")
show_error(tf.metrics.auc, labels_in, probs_in, summation_method="bad")
show_error(tf.metrics.sensitivity_at_specificity, labels_in, probs_in, 1.5)
show_error(tf.metrics.specificity_at_sensitivity, labels_in, probs_in, -0.5)
show_error(tf.metrics.average_precision_at_k, multi_labels, logits, 0)
