# Version and build constants (TF's values where they describe the API, not the build).
print(sorted(n for n in dir(tf.version) if not n.startswith("_")))
print(tf.version.VERSION == tf.VERSION, tf.version.GRAPH_DEF_VERSION == tf.GRAPH_DEF_VERSION)
print(tf.version.GRAPH_DEF_VERSION, tf.GRAPH_DEF_VERSION_MIN_CONSUMER,
      tf.GRAPH_DEF_VERSION_MIN_PRODUCER, tf.version.GRAPH_DEF_VERSION_MIN_CONSUMER)
print(tf.get_default_graph().as_graph_def().versions.producer == tf.version.GRAPH_DEF_VERSION)
print(tf.CXX11_ABI_FLAG, tf.CXX_VERSION, tf.MONOLITHIC_BUILD)
print(tf.sysconfig.CXX11_ABI_FLAG, tf.sysconfig.CXX_VERSION, tf.sysconfig.MONOLITHIC_BUILD)
print(sorted(n for n in dir(tf.sysconfig) if not n.startswith("_")))
print(type(tf.sysconfig.get_include()).__name__, type(tf.sysconfig.get_lib()).__name__,
      type(tf.sysconfig.get_compile_flags()).__name__, type(tf.sysconfig.get_link_flags()).__name__)
print(type(tf.sysconfig.get_build_info()).__name__, tf.sysconfig.get_build_info()["is_rocm_build"])
print(sorted(d.name for d in tf.QUANTIZED_DTYPES))
print(tf.get_logger().name, tf.get_logger() is tf.get_logger())
print(tf.NoGradient is tf.no_gradient, tf.NotDifferentiable is tf.no_gradient)
print(tf.OpError is tf.errors.OpError)
print(list(tf.VariableAggregation), list(tf.VariableSynchronization))
print(tf.VariableAggregation.SUM.value, tf.VariableSynchronization.ON_READ.name)
print(tf.no_regularizer(tf.constant(1.0)))
