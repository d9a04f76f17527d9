# Autopacking: Variables count as tensors; a requested dtype casts the tensors first; nested
# Python lists become Consts named by position (a name already taken gets _1).
v = tf.Variable(2, name="v")


def show(f):
    try:
        t = f()
        print(t.name, t.dtype.name, t.shape, t.op.type, [i.name for i in t.op.inputs])
    except (TypeError, ValueError) as e:
        print(type(e).__name__, str(e).split("\n")[0])


show(lambda: tf.convert_to_tensor([v, 1]))
show(lambda: tf.zeros([v, 2]))
show(lambda: tf.stack([v, 3]))
show(lambda: tf.convert_to_tensor((tf.constant(1), 2)))
show(lambda: tf.convert_to_tensor([np.int32(1), tf.constant(2)]))
show(lambda: tf.convert_to_tensor([[1, 2], [tf.constant(3), 4]], dtype=tf.int64))
show(lambda: tf.convert_to_tensor([tf.constant(1.0), 2], dtype=tf.float64))
show(lambda: tf.convert_to_tensor([], dtype=tf.int32))
show(lambda: tf.convert_to_tensor([[], [tf.constant(1)]]))
for op in tf.get_default_graph().get_operations():
    if op.type in ("Pack", "Cast"):
        print(op.name, op.type, [i.name for i in op.inputs])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print(sess.run(tf.convert_to_tensor([[1, 2], [tf.constant(3), v]], dtype=tf.int64)))
    print(sess.run(tf.zeros([v, 2])).shape)
