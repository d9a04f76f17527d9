# tf.TensorArray: ops, attrs, static shapes, values and run-time errors.
graph = tf.get_default_graph()
sess = tf.Session()


def dump(start):
    for op in graph.get_operations()[start:]:
        attrs = ""
        if op.type.startswith("TensorArray"):
            keys = [k for k in ("dtype", "T", "dynamic_size", "clear_after_read",
                                "identical_element_shapes", "element_shape",
                                "element_shape_except0", "source") if k in op.node_def.attr]
            attrs = {k: str(tf.TensorShape(op.get_attr(k)) if k.startswith("element_shape")
                            else op.get_attr(k)) for k in keys}
        print(" ", op.name, op.type, [t.name for t in op.inputs],
              [str(o.shape) for o in op.outputs], attrs)


def run_error(fetch, needle):
    try:
        print("value:", sess.run(fetch))
    except tf.errors.OpError as e:
        print(type(e).__name__, "|", needle in e.message)


start = len(graph.get_operations())
ta = tf.TensorArray(tf.float32, size=3)
print(ta.handle, ta.flow, ta.dtype, ta.element_shape)
ta2 = ta.write(0, tf.constant([1., 2.]))
r = ta2.read(0)
ta3 = ta2.write(1, [3., 4.]).write(2, [5., 6.])
st = ta3.stack()
print(r, st, ta3.element_shape, ta.element_shape)
dump(start)
print(sess.run(st))
print(sess.run(r))
start = len(graph.get_operations())
ta4 = tf.TensorArray(tf.float32, size=0, dynamic_size=True, element_shape=[2])
ta4 = ta4.unstack(tf.constant([[1., 2.], [3, 4]]))
gt = ta4.gather([1, 0])
sz = ta4.size()
c = ta4.concat()
ta5 = tf.TensorArray(tf.float32, size=2, infer_shape=False).split(tf.constant([1., 2., 3.]),
                                                                   [1, 2])
ta6 = tf.TensorArray(tf.float32, size=3).scatter([2, 0], tf.constant([[1.], [2.]]))
dump(start)
print(gt, sz, c)
print(sess.run(gt), sess.run(sz), sess.run(c))
print(sess.run(ta5.read(1)), sess.run(ta5.concat()), sess.run(ta6.read(2)))
print(sess.run(ta6.stack()))
ta7 = tf.TensorArray(tf.int32, size=2, clear_after_read=False).write(0, 5).write(1, 6)
print(sess.run([ta7.read(0), ta7.read(0), ta7.stack()]))
t2 = tf.TensorArray(tf.float32, size=1, dynamic_size=True).write(3, [1.])
print(sess.run([t2.size(), t2.read(3)]))
print(sess.run(t2.stack()))
ta8 = tf.TensorArray(tf.float32, size=2, element_shape=[3])
print(ta8.element_shape, sess.run(ta8.stack()))
empty = tf.TensorArray(tf.float32, size=0, element_shape=[2])
print(sess.run(empty.stack()).shape)
ident = ta3.identity()
print(ident.flow.op.type, ident.handle is ta3.handle)


def fresh():
    return tf.TensorArray(tf.float32, size=3)


run_error(fresh().write(0, [1.]).write(0, [2.]).read(0), "because it has already been written to.")
run_error(fresh().read(5), "Tried to read from index 5 but array size is: 3")
run_error(fresh().write(5, [1.]).flow, "Tried to write to index 5 but array is not resizeable and "
          "size is: 3")
run_error(fresh().read(1), "Could not read from TensorArray index 1.  Furthermore, the element "
          "shape is not fully defined: <unknown>.")
both = ta2.read(0) + ta2.read(0)
run_error(both, "Could not read index 0 twice because it was cleared after a previous read "
          "(perhaps try setting clear_after_read = false?).")
show_error(fresh().write(0, [1.]).write, 1, [1., 2.])
show_error(tf.TensorArray, tf.float32)
