# tf.train.ClusterSpec as a description: jobs, tasks, addresses, dict form, errors; and with
# replica_device_setter.
spec = tf.train.ClusterSpec({"worker": ["w0:2222", "w1:2222"], "ps": ["p0:2222"],
                             "sparse": {1: "s1:2222", 3: "s3:2222"}})
print(spec)
print(sorted(spec.jobs), spec.num_tasks("worker"), spec.task_indices("sparse"),
      spec.task_address("ps", 0), spec.job_tasks("sparse"), bool(spec))
print(spec.as_dict())
print(tf.train.ClusterSpec(spec) == spec, tf.train.ClusterSpec({}) == spec,
      bool(tf.train.ClusterSpec({})))
show_error(spec.num_tasks, "chief")
show_error(spec.task_address, "worker", 5)
show_error(tf.train.ClusterSpec, ["a"])
with tf.device(tf.train.replica_device_setter(cluster=spec)):
    v = tf.Variable(1.0, name="v")
    y = v * 2
print(v.device, y.device)
