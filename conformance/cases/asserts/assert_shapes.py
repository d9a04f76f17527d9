# tf.debugging.assert_shapes: symbols, explicit sizes, wildcards, Ellipsis, scalars; static
# errors at construction and Assert failures at run time.
a = tf.constant([[1., 2.], [3., 4.], [5., 6.]])
b = tf.constant([1., 2., 3.])
c = tf.constant(1.)


def static(shapes, **kwargs):
    try:
        op = tf.debugging.assert_shapes(shapes, **kwargs)
        print("ok", op.type)
    except ValueError as e:
        print("ValueError:", str(e))


static([(a, ("N", "D")), (b, ("N",))])
static([(a, ("N", "D")), (b, ("D",))])
static([(a, ("N",))])
static([(a, (3, 2)), (c, ())])
static([(a, (3, 3))])
static([(a, (".", 2)), (c, [])])
static([(a, ("N", "D")), (b, ("D",))], message="mm")
static([(c, ("N",))])
static([(b, ("N", "D"))])
static([(a, (..., "D")), (b, ("D",))])
static([(a, (..., 2)), (b, (..., 3))])
static([(a, ("*", "N", "D"))])
static([(a, (..., 3, 2)), (b, ("M",))])
static({a: ("N", "D"), b: ("N",)})
static([(a, None), (b, (None,))])
static([(a, ("N", "2"))])
static([(a, ("N", "3"))])
x = tf.placeholder(tf.float32, [None, 2], name="x")
y = tf.placeholder(tf.float32, None, name="y")
checks = [tf.debugging.assert_shapes([(x, ("N", "D")), (b, ("N",))]),
          tf.debugging.assert_shapes([(y, (..., "D")), (x, ("N", "D"))]),
          tf.debugging.assert_shapes([(y, ("N", 2))], message="shape of y")]
sess = tf.Session()
for feed in ({x: np.ones([3, 2]), y: np.ones([4, 2])}, {x: np.ones([2, 2]), y: np.ones([4, 2])},
             {x: np.ones([3, 2]), y: np.ones([4, 3])}, {x: np.ones([3, 2]), y: np.ones([2])}):
    for check in checks:
        try:
            sess.run(check, feed)
            print("passed")
        except tf.errors.InvalidArgumentError as e:
            lines = e.message.split("\n")
            node_line = next(k for k, line in enumerate(lines) if line.startswith("\t [["))
            print("InvalidArgumentError |", lines[node_line - 1])
