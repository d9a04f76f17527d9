# tf.data Options and the experimental option classes.
E = tf.data.experimental
for cls in (E.AutoShardPolicy, E.ExternalStatePolicy, E.AutotuneAlgorithm):
    print(cls.__name__, [(m.name, m.value) for m in cls])
print(int(E.AutoShardPolicy.DATA), E.AutoShardPolicy.FILE == 1)
for cls in (E.OptimizationOptions, E.DistributeOptions, E.AutotuneOptions, E.ThreadingOptions):
    o = cls()
    print(cls.__name__, {k: getattr(o, k) for k in sorted(dir(o))
                         if not k.startswith("_") and not callable(getattr(o, k))})
opts = tf.data.Options()
print(type(opts.experimental_optimization).__name__, type(opts.threading).__name__,
      type(opts.autotune).__name__, type(opts.experimental_distribute).__name__)
opts.experimental_optimization.map_fusion = True
opts.experimental_distribute.auto_shard_policy = E.AutoShardPolicy.OFF
opts.threading.private_threadpool_size = 4
opts.deterministic = False
print(opts.experimental_optimization.map_fusion, opts.deterministic,
      opts.experimental_distribute.auto_shard_policy, opts.threading.private_threadpool_size)


def set_attr(obj, name, value):
    setattr(obj, name, value)


show_error(set_attr, opts, "foo", 1)
show_error(set_attr, opts.experimental_optimization, "map_fusion", 3)
show_error(set_attr, opts.threading, "private_threadpool_size", "x")
ds = tf.data.Dataset.range(3).with_options(opts)
print(ds.options().experimental_optimization.map_fusion, ds.options().deterministic)
sess = tf.Session()
nxt = tf.data.make_one_shot_iterator(ds).get_next()
print([sess.run(nxt) for _ in range(3)])
show_error(E.enable_debug_mode)
base = tf.data.Dataset.range(3)
o1 = tf.data.Options()
o1.deterministic = False
d2 = base.with_options(o1)
print(d2 is base, d2._variant_tensor.op.type, base.options().deterministic,
      d2.options().deterministic)
o2 = tf.data.Options()
o2.experimental_optimization.map_fusion = True
d3 = d2.map(lambda x: x).with_options(o2)
print(d3.options().deterministic, d3.options().experimental_optimization.map_fusion,
      d3._variant_tensor.op.type, sess.run(tf.data.experimental.cardinality(d2)))
