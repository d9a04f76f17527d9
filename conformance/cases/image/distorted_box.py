# sample_distorted_bounding_box with explicit seeds: TF's Philox stream, repeated runs,
# area/aspect ranges, min_object_covered, no boxes; shapes, dtypes and errors.
boxes = tf.constant([[[0.1, 0.2, 0.5, 0.6], [0.3, 0.3, 0.9, 0.8]]])
outs = [
    tf.image.sample_distorted_bounding_box([480, 640, 3], boxes, seed=1, seed2=2),
    tf.image.sample_distorted_bounding_box(tf.constant([100, 80, 1], tf.int64), boxes, seed=7,
                                           seed2=3, min_object_covered=0.5,
                                           aspect_ratio_range=[0.5, 2.0],
                                           area_range=[0.1, 0.6], max_attempts=20),
    tf.image.sample_distorted_bounding_box([37, 53, 3], tf.zeros([1, 0, 4]), seed=4, seed2=9,
                                           use_image_if_no_bounding_boxes=True),
    tf.image.sample_distorted_bounding_box([50, 50, 3], boxes, seed=5, seed2=6,
                                           min_object_covered=1.0, area_range=[0.05, 0.1],
                                           max_attempts=3),
]
for b, s, bb in outs:
    print(b.op.type, b.op.name, b.shape, b.dtype, s.shape, bb.shape, bb.dtype)
with tf.Session() as sess:
    for _ in range(3):
        for v in sess.run(outs):
            print([np.asarray(x).tolist() for x in v])
sess = tf.Session()
show_error_contains(lambda: sess.run(tf.image.sample_distorted_bounding_box(
    [10, 10, 3], tf.zeros([1, 0, 4]), seed=1, seed2=1)), "No bounding boxes provided")
