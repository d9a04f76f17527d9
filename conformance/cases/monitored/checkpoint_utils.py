# Checkpoint utilities: init_from_checkpoint (scope maps, names, variables, root), warm_start,
# checkpoints_iterator, remove_checkpoint, generate_checkpoint_state_proto, errors.
import os
import tempfile

d = tempfile.mkdtemp()
with tf.variable_scope("old"):
    a = tf.get_variable("a", initializer=[1.0, 2.0])
    with tf.variable_scope("inner"):
        b = tf.get_variable("b", initializer=[[3.0]])
c = tf.get_variable("c", initializer=5.0)
gs = tf.train.get_or_create_global_step()
saver = tf.train.Saver()
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    path = saver.save(sess, os.path.join(d, "model"), global_step=3)
print(tf.train.list_variables(d))

tf.reset_default_graph()
with tf.variable_scope("new"):
    a2 = tf.get_variable("a", shape=[2])
    with tf.variable_scope("inner"):
        b2 = tf.get_variable("b", shape=[1, 1])
c2 = tf.get_variable("c2", shape=[])
v3 = tf.Variable(0.0, name="v3")
n0 = len(tf.get_default_graph().get_operations())
tf.train.init_from_checkpoint(d, {"old/": "new/", "c": "c2"})
tf.train.init_from_checkpoint(path, {"c": v3})
print([(op.name, op.type) for op in tf.get_default_graph().get_operations()[n0:]])
print(a2.initializer.name, a2.initial_value.name)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print(sess.run([a2, b2, c2, v3]))
show_error_contains(lambda: tf.train.init_from_checkpoint(d, {"old/missing": "new/a"}),
                    "Tensor old/missing is not found in")
show_error(tf.train.init_from_checkpoint, d, {"c": "new/a"})
show_error(tf.train.init_from_checkpoint, d, {"old": "new/"})

tf.reset_default_graph()
with tf.variable_scope("inner"):
    b3 = tf.get_variable("b", shape=[1, 1])
tf.train.init_from_checkpoint(d, {"old/inner/": "inner/"})
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print(sess.run(b3))

# warm_start: a regex over trainable variables, renames, and a list of names.
tf.reset_default_graph()
with tf.variable_scope("old"):
    wa = tf.get_variable("a", shape=[2])
wc = tf.get_variable("c_new", shape=[])
tf.get_variable("fresh", initializer=7.0)
tf.train.warm_start(d, vars_to_warm_start=["old/a", "c_new"],
                    var_name_to_prev_var_name={"c_new": "c"})
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print(sess.run([wa, wc]))
show_error_contains(lambda: tf.train.warm_start(d, var_name_to_prev_var_name={"nope": "c"}),
                    "Tensor c_new is not found in")
show_error(tf.train.warm_start, d, vars_to_warm_start=3)

tf.reset_default_graph()
x = tf.get_variable("old/a", shape=[2])
tf.train.warm_start(d, ".*")
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print(sess.run(x))

print([os.path.basename(p) for p in tf.train.checkpoints_iterator(d, timeout=0.1)])
proto = tf.train.generate_checkpoint_state_proto(d, os.path.join(d, "model-3"),
                                                  [os.path.join(d, "model-1")])
print(str(proto).replace(d, "DIR"))
tf.train.remove_checkpoint(path)
print(sorted(os.listdir(d)), tf.train.checkpoint_exists(path))
print(tf.train.VocabInfo("v.txt", 3, 1, "old.txt"))
show_error(tf.train.VocabInfo, "v.txt", 3, 1, "old.txt", axis=2)
