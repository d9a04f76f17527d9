# init_scope lifts ops out of control dependencies; op_scope is name_scope with TF1's argument
# order; loading a missing plugin library fails as TF's does.
a = tf.constant(1.0, name="a")
with tf.control_dependencies([a]):
    with tf.name_scope("outer"):
        with tf.init_scope():
            lifted = tf.constant(2.0, name="lifted")
        inside = tf.constant(3.0, name="inside")
print(lifted.op.name, [op.name for op in lifted.op.control_inputs])
print(inside.op.name, [op.name for op in inside.op.control_inputs])
with tf.op_scope([a], "scoped") as scope:
    print(repr(scope), tf.constant(0, name="c").op.name)
with tf.op_scope([a], None, default_name="dflt") as scope:
    print(repr(scope))
show_error(tf.load_op_library, "/nonexistent/libmissing_op.so")
show_error(tf.load_library, "/nonexistent/libmissing.so")
show_error(tf.load_file_system_library, "/nonexistent/libfs.so")
print(issubclass(FileNotFoundError, OSError))
