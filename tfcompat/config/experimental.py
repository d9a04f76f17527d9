# ruff: noqa: F401
"""``tf.config.experimental``: device details, memory statistics and runtime switches."""

from tfcompat.config.context import (
    ClusterDeviceFilters,
    disable_mlir_bridge,
    enable_mlir_bridge,
    enable_tensor_float_32_execution,
    get_device_details,
    get_device_policy,
    get_memory_growth,
    get_memory_info,
    get_memory_usage,
    get_synchronous_execution,
    get_visible_devices,
    list_logical_devices,
    list_physical_devices,
    reset_memory_stats,
    set_device_policy,
    set_memory_growth,
    set_synchronous_execution,
    set_visible_devices,
    tensor_float_32_execution_enabled,
)
from tfcompat.config.context import (
    LogicalDeviceConfiguration as VirtualDeviceConfiguration,
)
from tfcompat.config.context import (
    get_logical_device_configuration as get_virtual_device_configuration,
)
from tfcompat.config.context import (
    set_logical_device_configuration as set_virtual_device_configuration,
)
from tfcompat.platform.unsupported import make_getattr

__getattr__ = make_getattr("tf.config.experimental", __name__)
