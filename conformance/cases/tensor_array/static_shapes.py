# Static shapes of TensorArray gather/stack/concat (TF 2.21): gather's op takes the element shape
# the handle got at construction (fully defined, or inferred arrays), then the Python shape from
# writes as [None] + element; stack adds a constant size; concat calls size() (a Const or a
# TensorArraySizeV3 left in the graph) and multiplies it into the first dim; gradient arrays
# have no size of their own. Also through while loops, conds and gradient arrays.
def show(label, t): print(label, t.shape)
g = tf.Graph()
with g.as_default():
    ta = tf.TensorArray(tf.float32, size=3)
    ta = ta.write(0, tf.zeros([2,3])).write(1, tf.ones([2,3])).write(2, tf.ones([2,3]))
    show("inferred gather[0,1,2]", ta.gather([0,1,2]))
    show("inferred stack", ta.stack())
    show("inferred read", ta.read(0))
    show("inferred concat", ta.concat())
    ta2 = tf.TensorArray(tf.float32, size=3, element_shape=[None,3])
    ta2 = ta2.write(0, tf.zeros([2,3]))
    show("given [None,3] gather[0,1]", ta2.gather([0,1]))
    show("given [None,3] stack", ta2.stack())
    ta3 = tf.TensorArray(tf.float32, size=3, element_shape=[2,3])
    show("given [2,3] gather[0,1]", ta3.gather([0,1]))
    show("given [2,3] stack", ta3.stack())
    show("given [2,3] read", ta3.read(0))
    n = tf.placeholder(tf.int32, [])
    ta4 = tf.TensorArray(tf.float32, size=n, element_shape=[2,3])
    show("given [2,3] size placeholder stack", ta4.stack())
    ta5 = tf.TensorArray(tf.float32, size=3, dynamic_size=True, element_shape=[2,3])
    show("dynamic given stack", ta5.stack())
    ta6 = tf.TensorArray(tf.float32, size=3)
    show("nothing gather", ta6.gather([0,1]))
    show("nothing stack", ta6.stack())
    ta7 = tf.TensorArray(tf.float32, size=3, infer_shape=False)
    ta7 = ta7.write(0, tf.zeros([2,3]))
    show("no infer gather", ta7.gather([0,1]))
    idx = tf.placeholder(tf.int32, [None])
    show("given [2,3] gather[ph]", ta3.gather(idx))
    ta8 = tf.TensorArray(tf.float32, size=3).unstack(tf.zeros([3,4,5]))
    show("unstack inferred stack", ta8.stack())
    show("unstack inferred gather", ta8.gather([1,2]))

for dyn in (False, True):
  for shape in (None, [2, 3]):
    g = tf.Graph()
    with g.as_default():
        ta = tf.TensorArray(tf.float32, size=3, dynamic_size=dyn, element_shape=shape)
        ta = ta.write(0, tf.zeros([2,3]))
        before = len(g.get_operations())
        c = ta.concat()
        print(dyn, shape, c.shape, [(o.type, o.name) for o in g.get_operations()[before:]])
        before = len(g.get_operations())
        s = ta.stack()
        print("  stack", s.shape, [(o.type, o.name) for o in g.get_operations()[before:]])
        before = len(g.get_operations())
        s = ta.gather([0, 1])
        print("  gather", s.shape, [(o.type, o.name) for o in g.get_operations()[before:]])

for label, kw, write in (("nowrite", {}, False), ("noinfer", {"infer_shape": False}, True),
                         ("noinfer_shape", {"infer_shape": False, "element_shape": [2, 3]}, False),
                         ("ph_size", {"element_shape": [2, 3]}, False), ("scalar", {}, "scalar"),
                         ("rank0_unknown_dim0", {"element_shape": [None, 3]}, False)):
    g = tf.Graph()
    with g.as_default():
        size = tf.placeholder(tf.int32, []) if label == "ph_size" else 3
        ta = tf.TensorArray(tf.float32, size=size, **kw)
        if write == "scalar":
            ta = ta.write(0, 1.0)
        elif write:
            ta = ta.write(0, tf.zeros([2, 3]))
        before = len(g.get_operations())
        try:
            c = ta.concat()
            print(label, "concat", c.shape, [o.type for o in g.get_operations()[before:]])
        except Exception as e:
            print(label, "concat", type(e).__name__, str(e).splitlines()[0][:80])
        for name, f in (("stack", ta.stack), ("gather", lambda ta=ta: ta.gather([0, 1]))):
            try:
                print("  ", name, f().shape)
            except Exception as e:
                print("  ", name, type(e).__name__)

for shape in (None, [2, 3], [None, 3]):
    g = tf.Graph()
    with g.as_default():
        ta = tf.TensorArray(tf.float32, size=3, element_shape=shape)
        ta = ta.write(0, tf.zeros([2, 3]))
        gta = ta.grad("gradients")
        print(shape, "grad gather", gta.gather([0, 1]).shape, "grad stack", gta.stack().shape)
        def body(i, t):
            return i + 1, t.write(i, tf.ones([2, 3]))
        empty = tf.TensorArray(tf.float32, size=3, element_shape=shape)
        _, out = tf.while_loop(lambda i, t: i < 3, body, [tf.constant(0), empty])
        print(shape, "loop stack", out.stack().shape, "loop gather", out.gather([1]).shape)
        def body2(i, acc, ta=ta):
            return i + 1, acc + ta.gather([0, 1])
        _, acc = tf.while_loop(lambda i, a: i < 2, body2, [tf.constant(0), tf.zeros([2, 2, 3])])
        print(shape, "gather in loop ok")
        c = tf.cond(tf.constant(True), lambda ta=ta: ta.gather([0, 1]),
                    lambda ta=ta: ta.gather([1, 2]))
        print(shape, "cond gather", c.shape)
