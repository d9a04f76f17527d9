# tf.train.experimental: enable/disable_mixed_precision_graph_rewrite on CPU (the optimizer is
# wrapped for loss scaling; no op changes dtype), its errors, and PythonState saved in and
# restored from object-based checkpoints (key, object graph attribute, file bytes).
# ruff: noqa: F821 - the runner injects tf, np, show_error and show_error_contains
import os
import shutil
import tempfile

E = tf.train.experimental
v = tf.Variable([1., 2.], name="v")
loss = tf.reduce_sum(v * v)
opt = E.enable_mixed_precision_graph_rewrite(tf.train.GradientDescentOptimizer(0.1))
print(type(opt).__name__, opt.get_name(), opt._loss_scale)
train = opt.minimize(loss)
print([(x.name, x.dtype.base_dtype.name) for x in tf.global_variables()])
print(sorted({o.outputs[0].dtype.base_dtype.name for o in tf.get_default_graph().get_operations()
              if o.outputs and o.outputs[0].dtype.base_dtype.is_floating}))
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for _ in range(3):
        sess.run(train)
        print(sess.run(v).tolist())
E.enable_mixed_precision_graph_rewrite(tf.train.GradientDescentOptimizer(0.1))
E.disable_mixed_precision_graph_rewrite()
E.disable_mixed_precision_graph_rewrite()
show_error(E.enable_mixed_precision_graph_rewrite, "x")
fixed = E.enable_mixed_precision_graph_rewrite(tf.train.AdamOptimizer(0.1), loss_scale=128)
print(type(fixed).__name__, fixed._loss_scale)
E.disable_mixed_precision_graph_rewrite()
show_error(E.enable_mixed_precision_graph_rewrite, fixed)


class Counter(E.PythonState):
    def __init__(self):
        self.n = 7

    def serialize(self):
        print("serialize called")
        return str(self.n)

    def deserialize(self, string_value):
        print("deserialize", string_value)
        self.n = int(string_value)


root = tempfile.mkdtemp()
try:
    with tf.Graph().as_default():
        counter = Counter()
        w = tf.Variable([1., 2.], name="w")
        ckpt = tf.train.Checkpoint(c=counter, w=w)
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            first = ckpt.save(os.path.join(root, "x"), session=sess)
            counter.n = 9
            second = ckpt.save(os.path.join(root, "x"), session=sess)
            print(tf.train.list_variables(first))
            print(tf.train.load_checkpoint(second).get_tensor("c/.ATTRIBUTES/py_state"))
            print(open(first + ".index", "rb").read().hex())
            print(open(first + ".data-00000-of-00001", "rb").read().hex())
            counter.n = 0
            status = ckpt.restore(first)
            print("after restore()", counter.n)
            status.run_restore_ops(sess)
            status.assert_consumed()
            print("after run", counter.n)
    with tf.Graph().as_default():
        ckpt = tf.train.Checkpoint(c=Counter(), w=tf.Variable([0., 0.], name="w"),
                                   other=Counter())
        with tf.Session() as sess:
            status = ckpt.restore(second)
            show_error_contains(status.assert_existing_objects_matched, "Found 1 Python objects")
            print(ckpt.c.n, ckpt.other.n)
finally:
    shutil.rmtree(root)
