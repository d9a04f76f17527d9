# Non-max suppression: tf.image.non_max_suppression (V3), _with_scores (V5, hard and soft),
# _overlaps; ties, thresholds, empty inputs, max_output_size, shapes, names, errors.
rng = np.random.RandomState(29)
centers = rng.uniform(0, 1, (30, 2))
sizes = rng.uniform(0.05, 0.4, (30, 2))
boxes_np = np.concatenate([centers - sizes / 2, centers + sizes / 2], 1).astype(np.float32)
boxes_np[3] = boxes_np[3][[2, 3, 0, 1]]  # flipped corners
scores_np = rng.uniform(0, 1, 30).astype(np.float32)
scores_np[7] = scores_np[8]  # a tie
boxes, scores = tf.constant(boxes_np), tf.constant(scores_np)
overlaps = tf.constant(rng.uniform(0, 1, (30, 30)).astype(np.float32))
out = [
    tf.image.non_max_suppression(boxes, scores, 10),
    tf.image.non_max_suppression(boxes, scores, 30, iou_threshold=0.1),
    tf.image.non_max_suppression(boxes, scores, 30, iou_threshold=0.3, score_threshold=0.4),
    tf.image.non_max_suppression(boxes, scores, 0),
    tf.image.non_max_suppression(tf.zeros([0, 4]), tf.zeros([0]), 5),
    tf.image.non_max_suppression_overlaps(overlaps, scores, 8, overlap_threshold=0.6),
]
ws = [tf.image.non_max_suppression_with_scores(boxes, scores, 12, iou_threshold=0.4),
      tf.image.non_max_suppression_with_scores(boxes, scores, 12, iou_threshold=0.6,
                                               soft_nms_sigma=0.5),
      tf.image.non_max_suppression_with_scores(boxes, scores, 30, iou_threshold=1.0,
                                               score_threshold=0.3, soft_nms_sigma=0.2)]
with tf.Session() as sess:
    values = sess.run(out)
    ws_values = sess.run(ws)
for t, v in zip(out, values):
    print(t.op.type, t.op.name, t.shape, t.dtype, v.tolist())
    print([i.op.name for i in t.op.inputs])
np.set_printoptions(precision=6)
for (i, s), (iv, sv) in zip(ws, ws_values):
    print(i.op.type, i.op.name, i.shape, s.shape, s.dtype, iv.tolist(), sv)
show_error_contains(lambda: tf.image.non_max_suppression(boxes[:, :3], scores, 3),
                    "Dimension must be 4 but is 3")
show_error_contains(lambda: tf.image.non_max_suppression(boxes, scores[None], 3),
                    "Shape must be rank 1 but is rank 2")
sess = tf.Session()
show_error_contains(lambda: sess.run(tf.image.non_max_suppression(boxes, scores, 3, 1.5)),
                    "iou_threshold must be in [0, 1]")
show_error(tf.gradients, tf.cast(out[0], tf.float32), boxes)
