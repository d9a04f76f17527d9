# ctc_loss / ctc_loss_v2: values, the fused gradient, op names/types, options, errors.
rng = np.random.RandomState(0)
x = rng.randn(5, 2, 4).astype(np.float32)
inp = tf.placeholder(tf.float32, [None, 2, 4], name="inp")
labels = tf.SparseTensor(np.array([[0, 0], [0, 1], [1, 0]], np.int64),
                         np.array([1, 1, 2], np.int32), np.array([2, 2], np.int64))
loss = tf.nn.ctc_loss(labels, inp, [5, 4])
print(loss, loss.op.type, [i.name for i in loss.op.inputs])
print(sorted((k, loss.op.get_attr(k)) for k in ["preprocess_collapse_repeated",
                                                  "ctc_merge_repeated",
                                                  "ignore_longer_outputs_than_inputs"]))
grad = tf.gradients(loss, inp)[0]
print(grad, [i.op.type for i in grad.op.inputs])
show_error(lambda: tf.gradients(grad, inp))
variants = [
    tf.nn.ctc_loss(labels, tf.transpose(inp, [1, 0, 2]), [5, 4], time_major=False,
                   preprocess_collapse_repeated=True),
    tf.nn.ctc_loss(labels, inp, [5, 4], ctc_merge_repeated=False),
    tf.nn.ctc_loss(labels, inp, [1, 4], ignore_longer_outputs_than_inputs=True),
    tf.nn.ctc_loss(tf.SparseTensor([[0, 0], [0, 1], [0, 2], [1, 0]], [1, 1, 1, 1], [2, 3]),
                   inp, [3, 4]),
    tf.nn.ctc_loss(tf.SparseTensor([[0, 0], [0, 1], [0, 2], [1, 0]], [1, 1, 1, 1], [2, 3]),
                   inp, [3, 4], ctc_merge_repeated=False),
]
dense = tf.constant([[1, 1], [2, 0]], tf.int32)
v2 = [tf.nn.ctc_loss_v2(dense, inp, [2, 1], [5, 4]),
      tf.nn.ctc_loss_v2(dense, inp, [2, 1], [5, 4], blank_index=3),
      tf.nn.ctc_loss_v2(dense, tf.transpose(inp, [1, 0, 2]), [2, 1], [5, 4],
                        logits_time_major=False, blank_index=2),
      tf.nn.ctc_loss_v2(labels, inp, None, [5, 4], blank_index=0),
      tf.nn.ctc_loss_v2(labels, inp, None, [5, 4], blank_index=-1)]
print([t.shape for t in v2])
g_v2 = tf.gradients(v2[0], inp)[0]
x64 = tf.constant(x, tf.float64)
l64 = tf.nn.ctc_loss(labels, x64, [5, 4])
print(l64.dtype, l64.shape)
with tf.Session() as sess:
    for v in sess.run([loss, grad] + variants + v2 + [g_v2, l64], {inp: x}):
        print(np.array2string(np.asarray(v), precision=5, suppress_small=True))
    runs = [lambda: tf.nn.ctc_loss(labels, inp, [1, 4]),
            lambda: tf.nn.ctc_loss(labels, inp, [6, 4]),
            lambda: tf.nn.ctc_loss(labels, inp, [5, -1]),
            lambda: tf.nn.ctc_loss(tf.SparseTensor([[0, 0]], [1], [2, 1]), inp, [5, 4]),
            lambda: tf.nn.ctc_loss(tf.SparseTensor([[0, 0], [0, 1], [1, 0]], [1, -1, 1],
                                                   [2, 2]), inp, [5, 4]),
            lambda: tf.nn.ctc_loss(tf.SparseTensor([[0, 0], [0, 1], [1, 0]], [3, 1, 1],
                                                   [2, 2]), inp, [5, 4]),
            lambda: tf.nn.ctc_loss(tf.SparseTensor([[1, 0], [0, 0]], [1, 1], [2, 1]), inp,
                                   [5, 4]),
            lambda: tf.nn.ctc_loss(tf.SparseTensor([[0, 0], [0, 0]], [1, 1], [2, 1]), inp,
                                   [5, 4]),
            lambda: tf.nn.ctc_loss(tf.SparseTensor([[0, 0], [2, 0]], [1, 1], [3, 1]), inp,
                                   [5, 4]),
            lambda: tf.nn.ctc_loss(labels, tf.zeros([0, 2, 4]), [0, 0]),
            lambda: tf.nn.ctc_loss(labels, tf.zeros([3, 0, 4]), tf.zeros([0], tf.int32))]
    needles = ["Not enough time for target transition sequence (required: 2, available: 1)0",
               "sequence_length(0) <= 5", "seq_len(1) < 0", "Labels length is zero in batch 1",
               "All labels must be nonnegative integers, batch: 0 labels: 1,-1",
               "Saw a non-null label (index >= num_classes - 1) following a null label, "
               "batch: 0 num_classes: 4 labels: 3,1 labels seen so far: ",
               "indices[1] = [0,0] is out of order. Many sparse ops require sorted indices.",
               "indices[1] = [0,0] is repeated",
               "indices[1] = [2,0] is out of bounds: need 0 <= index < [2,1]",
               "Max time or first dimension of input cannot be 0.",
               "batch_size must not be 0"]
    for build, needle in zip(runs, needles):
        show_error_contains(lambda build=build: sess.run(build(), {inp: x}), needle)
show_error_contains(lambda: tf.nn.ctc_loss(labels, inp, [5, 4, 3]),
                    "Dimensions must be equal, but are 2 and 3")
show_error_contains(lambda: tf.nn.ctc_loss(labels, tf.zeros([5, 2]), [5, 4]),
                    "Shape must be rank 3 but is rank 2")
show_error_contains(lambda: tf.nn.ctc_loss(labels, inp, [[5, 4]]),
                    "Shape must be rank 1 but is rank 2")
show_error(tf.nn.ctc_loss, [1, 2], inp, [5, 4])
show_error(tf.nn.ctc_loss_v2, labels, inp, None, [5, 4])
print(tf.nn.ctc_loss(labels, tf.placeholder(tf.float32), tf.placeholder(tf.int32, [3])).shape)
print(tf.nn.ctc_loss(labels, tf.placeholder(tf.float32, [None, None, 4]),
                     tf.placeholder(tf.int32)).shape)
