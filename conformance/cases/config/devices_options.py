# tf.config: the host CPU as the only device, optimizer/JIT options, runtime switches, and
# the errors TF raises for GPU-only settings. (Thread-pool setters depend on whether an earlier
# case initialized the runtime, so they are tested in tests/config instead.)
c = tf.config
cpu = c.list_physical_devices("CPU")[0]
print(c.list_physical_devices(), c.list_physical_devices("GPU"))
print(c.experimental.list_physical_devices(), c.get_visible_devices("CPU"))
print(c.list_logical_devices(), c.list_logical_devices("GPU"))
print(c.experimental.list_logical_devices())
print(type(cpu).__name__, cpu.name, cpu.device_type, cpu._fields, c.LogicalDevice._fields)
print(c.LogicalDeviceConfiguration(), c.LogicalDeviceConfiguration(memory_limit=5))
print(c.experimental.VirtualDeviceConfiguration is c.LogicalDeviceConfiguration)
print(c.set_visible_devices([cpu]), c.set_visible_devices([], "GPU"), c.get_visible_devices())
show_error(c.set_visible_devices, [cpu], "GPU")
print(c.threading.get_inter_op_parallelism_threads() >= 0)
print(c.optimizer.set_experimental_options({"constant_folding": False}))
print(sorted(c.optimizer.get_experimental_options().items()))
print(c.optimizer.set_jit(True), repr(c.optimizer.get_jit()))
print(c.optimizer.set_jit(False), repr(c.optimizer.get_jit()))
print(c.get_soft_device_placement(), c.set_soft_device_placement(False),
      c.get_soft_device_placement(), c.set_soft_device_placement(True))
print(c.functions_run_eagerly(), c.run_functions_eagerly(True), c.functions_run_eagerly(),
      c.experimental_run_functions_eagerly(False), c.experimental_functions_run_eagerly())
print(c.experimental.get_device_policy(), c.experimental.set_device_policy("warn"),
      c.experimental.get_device_policy(), c.experimental.set_device_policy(None),
      c.experimental.get_device_policy())
show_error(c.experimental.set_device_policy, "bogus")
print(c.experimental.get_synchronous_execution(),
      c.experimental.tensor_float_32_execution_enabled())
print(c.experimental.enable_tensor_float_32_execution(False),
      c.experimental.tensor_float_32_execution_enabled(),
      c.experimental.enable_tensor_float_32_execution(True))
print(c.experimental.get_device_details(cpu))
show_error(c.experimental.get_memory_info, "CPU:0")
show_error(c.experimental.get_memory_usage, "CPU:0")
show_error(c.experimental.reset_memory_stats, "CPU:0")
show_error(c.experimental.get_device_details, "CPU")
show_error(c.experimental.get_memory_info, "GPU:0")
show_error(c.experimental.get_memory_info, "bogus")
show_error(c.experimental.get_memory_growth, cpu)
show_error(c.experimental.set_memory_growth, cpu, True)
show_error(c.get_logical_device_configuration, "CPU")
show_error(c.experimental_connect_to_cluster, None)
show_error(c.experimental_connect_to_host)
show_error(c.experimental_connect_to_host, "localhost:2222")
print(c.experimental.enable_mlir_bridge(), c.experimental.disable_mlir_bridge())
filters = c.experimental.ClusterDeviceFilters()
print(type(filters).__name__, filters.set_device_filters("worker", 0, ["/job:ps"]))
show_error(filters.set_device_filters, "worker", 1, [3])
