# The gradient graphs of the ops classic TF1 models use (dense, conv and pool layers,
# activations, losses, reshapes, slicing, concat, normalization, dropout): every gradient op's
# type, name and inputs, for inputs with a None batch dimension, and the gradient's values on a
# fed input.


def x(shape=(None, 6)):
    return tf.placeholder(tf.float32, list(shape), name="x")


def labels(dtype=tf.float32, shape=(None, 6)):
    return tf.placeholder(dtype, list(shape))


def twice(fn):
    def build(shape=(None, 6)):
        a = x(shape)
        return fn(a)
    return build


nn = tf.nn
CASES = {
    "matmul": lambda: tf.matmul(x(), tf.ones([6, 3])),
    "matmul_tt": lambda: tf.matmul(x(), tf.ones([3, 6]), transpose_b=True),
    "bias_add": lambda: nn.bias_add(x(), tf.ones([6])),
    "relu": lambda: nn.relu(x()), "relu6": lambda: nn.relu6(x()),
    "leaky": lambda: nn.leaky_relu(x()), "elu": lambda: nn.elu(x()),
    "selu": lambda: nn.selu(x()), "softplus": lambda: nn.softplus(x()),
    "sigmoid": lambda: tf.sigmoid(x()), "tanh": lambda: tf.tanh(x()),
    "softmax": lambda: nn.softmax(x()), "log_softmax": lambda: nn.log_softmax(x()),
    "xent_v2": lambda: nn.softmax_cross_entropy_with_logits_v2(
        labels=tf.ones([4, 6]) / 6, logits=x([4, 6])),
    "xent_v2_n": lambda: nn.softmax_cross_entropy_with_logits_v2(labels=labels(), logits=x()),
    "sparse_xent": lambda: nn.sparse_softmax_cross_entropy_with_logits(
        labels=labels(tf.int64, [None]), logits=x()),
    "sigmoid_xent": lambda: nn.sigmoid_cross_entropy_with_logits(labels=labels(), logits=x()),
    "conv2d": lambda: nn.conv2d(x([None, 5, 5, 2]), tf.ones([3, 3, 2, 4]), [1, 1, 1, 1],
                                "SAME"),
    "max_pool": lambda: nn.max_pool(x([None, 4, 4, 2]), [1, 2, 2, 1], [1, 2, 2, 1], "VALID"),
    "avg_pool": lambda: nn.avg_pool(x([None, 4, 4, 2]), [1, 2, 2, 1], [1, 2, 2, 1], "VALID"),
    "reshape": lambda: tf.reshape(x(), [-1, 3, 2]),
    "reshape_known": lambda: tf.reshape(x([2, 6]), [3, 4]),
    "transpose": lambda: tf.transpose(x()),
    "concat": twice(lambda a: tf.concat([a, a * 2.0], 1)),
    "split": lambda: tf.split(x(), 2, axis=1)[0],
    "gather": lambda: tf.gather(tf.ones([10, 6]) * x([1, 6]), [1, 2]),
    "l2_loss": lambda: nn.l2_loss(x()),
    "squeeze": lambda: tf.squeeze(x([None, 1, 6]), [1]),
    "expand": lambda: tf.expand_dims(x(), 1),
    "slice": lambda: tf.slice(x(), [0, 1], [-1, 3]),
    "strided": lambda: x()[:, 1:4],
    "tile": lambda: tf.tile(x(), [2, 1]),
    "pad": lambda: tf.pad(x(), [[1, 1], [0, 2]]),
    "cast": lambda: tf.cast(x(), tf.float64),
    "clip": lambda: tf.clip_by_value(x(), -1.0, 1.0),
    "exp_log": lambda: tf.log(tf.exp(x())),
    "sqrt_sq": lambda: tf.sqrt(tf.square(x())),
    "abs": lambda: tf.abs(x()),
    "where": twice(lambda a: tf.where(a > 0, a, a * 0.1)),
    "stack": twice(lambda a: tf.stack([a, a])),
    "unstack": lambda: tf.unstack(x([3, 6]))[1],
    "embed": lambda: nn.embedding_lookup(tf.ones([10, 6]) * x([1, 6]),
                                         labels(tf.int32, [None])),
    "reduce_max": lambda: tf.reduce_max(x(), 1),
    "norm": lambda: tf.norm(x(), axis=1),
    "l2norm": lambda: nn.l2_normalize(x(), 1),
    "moments": lambda: nn.moments(x(), [0])[1],
    "bn": lambda: nn.batch_normalization(x(), tf.zeros([6]), tf.ones([6]), tf.zeros([6]),
                                         tf.ones([6]), 1e-3),
    "fused_bn": lambda: nn.fused_batch_norm(x([2, 3, 3, 6]), tf.ones([6]), tf.zeros([6]))[0],
    "dropout": lambda: nn.dropout(x(), rate=0.5, seed=1),
    "cumsum": lambda: tf.cumsum(x(), 1),
    "square_diff": lambda: tf.reduce_mean(tf.squared_difference(x(), labels())),
    "neg_mean_log": lambda: -tf.reduce_mean(
        tf.reduce_sum(labels() * tf.log(nn.softmax(x())), 1)),
}
FEEDS = {tf.int64: np.int64, tf.int32: np.int32}
for name, build in CASES.items():
    g = tf.Graph()
    with g.as_default():
        y = build()
        (grad,) = tf.gradients(y, g.get_tensor_by_name("x:0"))
        ops_ = [f"{op.type}:{op.name[10:]}"
                f"<{','.join(t.name.replace('gradients/', '') for t in op.inputs)}>"
                for op in g.get_operations() if op.name.startswith("gradients/")]
        rng = np.random.RandomState(len(name))
        feed = {}
        for op in g.get_operations():
            if op.type == "Placeholder":
                t = op.outputs[0]
                dims = [d or 3 for d in t.shape.as_list()]
                kind = FEEDS.get(t.dtype.base_dtype)
                feed[t] = (np.zeros(dims, kind) if kind else
                           rng.rand(*dims).astype(np.float32) - 0.3)
        with tf.Session() as sess:
            value = sess.run(grad, feed)
    print(name, grad.shape, len(ops_))
    print("  ", " ".join(ops_))
    print("  ", np.round(value.astype(np.float64), 4).reshape(-1).tolist()[:8])
