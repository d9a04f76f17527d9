# ruff: noqa: F401
"""``tf.config``: device and runtime settings for tfcompat's one device, the host CPU."""

from tfcompat.config import experimental, optimizer, threading
from tfcompat.config.context import (
    LogicalDevice,
    LogicalDeviceConfiguration,
    PhysicalDevice,
    experimental_connect_to_cluster,
    experimental_connect_to_host,
    experimental_functions_run_eagerly,
    experimental_run_functions_eagerly,
    functions_run_eagerly,
    get_logical_device_configuration,
    get_soft_device_placement,
    get_visible_devices,
    list_logical_devices,
    list_physical_devices,
    run_functions_eagerly,
    set_logical_device_configuration,
    set_soft_device_placement,
    set_visible_devices,
)
from tfcompat.platform.unsupported import make_getattr

__getattr__ = make_getattr("tf.config", __name__)
