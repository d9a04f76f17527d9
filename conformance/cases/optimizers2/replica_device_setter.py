# tf.train.replica_device_setter: variables round-robin over ps tasks, other ops on the
# worker, merging with inner devices; None without parameter servers.
print(tf.train.replica_device_setter())
print(tf.train.replica_device_setter(cluster={"worker": ["w0:1"]}))
with tf.device(tf.train.replica_device_setter(ps_tasks=2)):
    a = tf.Variable(1.0, name="a")
    b = tf.Variable(2.0, name="b")
    c = tf.Variable(3.0, name="c")
    s = a + b
    with tf.device("/cpu:0"):
        t = s * 2
        d = tf.Variable(4.0, name="d")
    opt = tf.train.GradientDescentOptimizer(0.1).minimize(s)
print([(op.name, op.device) for op in tf.get_default_graph().get_operations()
       if op.type in ("VariableV2", "AddV2", "Mul", "ApplyGradientDescent")])
tf.reset_default_graph()
setter = tf.train.replica_device_setter(
    cluster={"ps": ["p0:1", "p1:1", "p2:1"], "worker": ["w0:1"]},
    worker_device="/job:worker/task:0", ps_device="/job:ps")
with tf.device(setter):
    vs = [tf.Variable(float(i), name=f"v{i}") for i in range(4)]
    y = tf.add_n(vs)
print([v.device for v in vs], y.device)
show_error(tf.train.replica_device_setter, ps_tasks=1, ps_strategy=3)
