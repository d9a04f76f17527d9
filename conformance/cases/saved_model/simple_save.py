# simple_save, main_op/main_op_with_restore, and SaveOptions.
# ruff: noqa: F821 - the runner injects tf, np, show_error and show_error_contains
import os
import shutil
import tempfile

root = tempfile.mkdtemp()
cwd = os.getcwd()
os.chdir(root)
try:
    a = tf.placeholder(tf.int32, [3], name="a")
    v = tf.Variable([1, 2, 3], name="v")
    out = tf.add(a, v, name="out")
    with tf.Session() as sess:
        sess.run(v.initializer)
        sess.run(v.assign([10, 20, 30]))
        tf.saved_model.simple_save(sess, "simple", {"a": a}, {"out": out})
    print(sorted(os.listdir("simple")))
    with tf.Graph().as_default(), tf.Session() as sess:
        meta = tf.saved_model.loader.load(sess, ["serve"], "simple")
        print(meta.signature_def)
        print(sess.run("out:0", {"a:0": [1, 1, 1]}))
finally:
    os.chdir(cwd)
    shutil.rmtree(root)

with tf.Graph().as_default():
    tf.Variable(1.0, name="g")
    tf.Variable(2.0, name="l", collections=[tf.GraphKeys.LOCAL_VARIABLES])
    tf.global_variables_initializer()
    op = tf.saved_model.main_op.main_op()
    print(op.name, op.type, [c.name for c in op.control_inputs])
    restore = tf.no_op(name="restore")
    op = tf.saved_model.main_op_with_restore(restore)
    print(op.name, op.type, [c.name for c in op.control_inputs])
    print([o.name for o in tf.get_default_graph().get_operations()])

options = tf.saved_model.SaveOptions()
print(options.namespace_whitelist, options.save_debug_info, options.function_aliases)
print(options.experimental_variable_policy, options.experimental_io_device)
print(tf.saved_model.SaveOptions(
    experimental_variable_policy="expand_distributed_variables").experimental_variable_policy)
print(list(tf.saved_model.experimental.VariablePolicy))
show_error(tf.saved_model.SaveOptions, experimental_variable_policy="nope")
