# Saver graphs: var_list dict (sorted names), reshape, unknown shapes, names, sharded saves.
# ruff: noqa: F821 - the runner injects tf, np, show_error and show_error_contains
import os
import shutil
import tempfile


def dump(graph, start):
    for op in graph.get_operations()[start:]:
        print(op.name, op.type, [t.name for t in op.inputs], [c.name for c in op.control_inputs],
              repr(op.device))


root = tempfile.mkdtemp()
cwd = os.getcwd()
os.chdir(root)
try:
    graph = tf.get_default_graph()
    w = tf.Variable([1.5, 2.5], name="w")
    b = tf.Variable([[1, 2], [3, 4]], name="b")
    u = tf.Variable(tf.zeros([3]), validate_shape=False, name="u")
    n = len(graph.get_operations())
    s = tf.train.Saver({"zz": w, "aa": b, "mm": u}, reshape=True, restore_sequentially=True)
    dump(graph, n)
    print(graph.get_operation_by_name("save/Assign").get_attr("validate_shape"))
    sess = tf.Session()
    sess.run(tf.global_variables_initializer())
    print(s.save(sess, "ck/m"))
    print(open("ck/m.data-00000-of-00001", "rb").read().hex())
    print(sorted(tf.train.NewCheckpointReader("ck/m").get_variable_to_shape_map().items()))
    print(tf.train.Saver([w, b], name="mine").saver_def.restore_op_name)
    print(tf.train.Saver([w]).saver_def.restore_op_name)
    n = len(graph.get_operations())
    sharded = tf.train.Saver([w, b], sharded=True)
    dump(graph, n)
    print(sharded.saver_def)
    os.mkdir("sh")
    print(sharded.save(sess, "sh/m", global_step=1), sorted(os.listdir("sh")))
    print(open("sh/m-1.index", "rb").read() == open("ck/m.index", "rb").read())
    print(sess.run(sharded.saver_def.save_tensor_name.replace("Identity", "ShardedFilename"),
                   {sharded.saver_def.filename_tensor_name: "a/b"}))
    show_error_contains(lambda: sharded.save(sess, "nod/m"), "nod/m_temp; No such file")
    sess.run(w.assign([0.0, 0.0]))
    sharded.restore(sess, "sh/m-1")
    print(sess.run(w))
finally:
    os.chdir(cwd)
    shutil.rmtree(root)
