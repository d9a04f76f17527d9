# tf.train.Server / ServerDef / ClusterDef / JobDef: protos (fields, bytes), ClusterSpec <->
# ClusterDef, a local server's target running a Session, and a single-task cluster server.
# ruff: noqa: F821 - the runner injects tf, np, show_error and show_error_contains
cluster = tf.train.ClusterSpec({"worker": ["localhost:2222", "localhost:2223"],
                                "ps": {3: "localhost:2300"}})
cluster_def = cluster.as_cluster_def()
print(type(cluster_def).__name__, len(cluster_def.SerializeToString()))
print([(job.name, sorted(job.tasks.items())) for job in cluster_def.job])
print(tf.train.ClusterSpec(cluster_def).as_dict())
# (map entries are serialized in an unspecified order: only one-task jobs are printed as bytes)
job = tf.train.JobDef(name="w", tasks={2: "b:2"})
print(job.SerializeToString().hex(), dict(job.tasks))
print(tf.train.JobDef.FromString(tf.train.JobDef(name="v", tasks={0: "a:1", 2: "b:2"})
                                 .SerializeToString()).tasks[2])
server_def = tf.train.ServerDef(cluster=tf.train.ClusterDef(job=[job]), job_name="w",
                                task_index=2, protocol="grpc")
print(server_def.SerializeToString().hex())
print(tf.train.ServerDef.FromString(server_def.SerializeToString()) == server_def)
print(server_def.job_name, server_def.task_index, server_def.protocol, server_def.port,
      server_def.replica)
local = tf.train.Server.create_local_server()
print(local.target.startswith("grpc://localhost:"), local.server_def.job_name,
      local.server_def.task_index, local.server_def.protocol,
      [job.name for job in local.server_def.cluster.job])
with tf.Graph().as_default():
    x = tf.Variable(3.0)
    with tf.Session(local.target) as sess:
        sess.run(x.initializer)
        print(sess.run(x * 2))
single = tf.train.Server(tf.train.ClusterSpec({"w": ["localhost:2222"]}), start=False)
print(single.target, single.server_def.SerializeToString().hex())
single.start()
print(tf.train.Server({"w": ["localhost:2224"]}, job_name="w", task_index=0).target)
show_error(tf.train.ClusterSpec, 3)
