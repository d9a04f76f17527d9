# combined_non_max_suppression: shared (q=1) and per-class (q=classes) boxes, thresholds,
# pad_per_class, clip_boxes; values, shapes, dtypes, op names.
rng = np.random.RandomState(41)
c = rng.uniform(-0.1, 1.1, (2, 10, 1, 2))
s = rng.uniform(0.1, 0.5, (2, 10, 1, 2))
shared = np.concatenate([c - s / 2, c + s / 2], -1).astype(np.float32)
per_class = (shared + rng.uniform(-0.05, 0.05, (2, 10, 3, 4))).astype(np.float32)
scores = rng.permutation(60).reshape(2, 10, 3).astype(np.float32) / 60
outs = [
    tf.image.combined_non_max_suppression(shared, scores, 4, 7),
    tf.image.combined_non_max_suppression(per_class, scores, 3, 20, iou_threshold=0.3,
                                          score_threshold=0.2, pad_per_class=True),
    tf.image.combined_non_max_suppression(shared, scores, 2, 5, clip_boxes=False),
]
with tf.Session() as sess:
    values = sess.run(outs)
np.set_printoptions(precision=6, suppress=True)
for out, vals in zip(outs, values):
    print([(t.op.type, t.op.name, t.shape, t.dtype) for t in out])
    for v in vals:
        print(np.asarray(v).tolist())
