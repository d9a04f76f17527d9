"""The process-wide device and runtime settings behind ``tf.config``, answered for the one
device tfcompat has: the host CPU.

TF keeps these in its eager context, which is "initialized" the first time logical devices are
needed; after that, changes to visible devices, virtual devices and the thread pools raise
``RuntimeError`` unless they keep the current value. The thread-pool sizes are stored only:
tfcompat's executor runs each step on the calling thread.
"""

from __future__ import annotations

import collections
import re

_CPU = "CPU"

PhysicalDevice = collections.namedtuple("PhysicalDevice", ["name", "device_type"])
PhysicalDevice.__doc__ = "Abstraction for a locally visible physical device (name, device_type)."
LogicalDevice = collections.namedtuple("LogicalDevice", ["name", "device_type"])
LogicalDevice.__doc__ = "Abstraction for a logical device initialized by the runtime."


class LogicalDeviceConfiguration(
    collections.namedtuple(
        "LogicalDeviceConfiguration",
        ["memory_limit", "experimental_priority", "experimental_device_ordinal"])):
    """Configuration class for a logical device (memory limit, priority, device ordinal)."""

    def __new__(cls, memory_limit=None, experimental_priority=None,
                experimental_device_ordinal=None):
        return super().__new__(cls, memory_limit, experimental_priority,
                               experimental_device_ordinal)


_HOST_CPU = PhysicalDevice(name="/physical_device:CPU:0", device_type=_CPU)
_DEVICE_POLICIES = ("explicit", "warn", "silent", "silent_for_int32")
_DEFAULT_OPTIMIZER_OPTIONS = {"disable_model_pruning": False, "disable_meta_optimizer": False}


class _Context:
    """Settings of the process (TF's eager context, as far as tf.config exposes it)."""

    def __init__(self) -> None:
        self.initialized = False
        self.visible = [_HOST_CPU]
        self.virtual_devices: list | None = None
        self.inter_op_threads = 0
        self.intra_op_threads = 0
        self.optimizer_options: dict = {}
        self.jit = ""
        self.soft_device_placement = False
        self.functions_run_eagerly = False
        self.device_policy = "silent"
        self.synchronous_execution = True
        self.tensor_float_32 = True

    def ensure_initialized(self) -> None:
        self.initialized = True


_context = _Context()


def _check_device_type(device_type):
    return device_type is None or device_type == _CPU


def list_physical_devices(device_type=None):
    """Return a list of physical devices visible to the host runtime (the host CPU)."""
    return [_HOST_CPU] if _check_device_type(device_type) else []


def get_visible_devices(device_type=None):
    """Get the list of visible physical devices."""
    return [d for d in _context.visible if _check_device_type(device_type)]


def set_visible_devices(devices, device_type=None):
    """Set the list of visible devices (only the host CPU exists)."""
    if isinstance(devices, PhysicalDevice):
        devices = [devices]
    for device in devices:
        if device != _HOST_CPU:
            raise ValueError(f"Unrecognized device: {device!r}")
        if device_type is not None and device.device_type != device_type:
            raise ValueError(f"Unrecognized device: {device!r}")
    if not _check_device_type(device_type):
        return
    new_visible = list(devices)
    if new_visible == _context.visible:
        return
    if _context.initialized:
        raise RuntimeError("Visible devices cannot be modified after being initialized")
    _context.visible = new_visible


def list_logical_devices(device_type=None):
    """Return a list of logical devices created by the runtime (initializes the runtime)."""
    _context.ensure_initialized()
    if not _check_device_type(device_type) or not _context.visible:
        return []
    count = len(_context.virtual_devices) if _context.virtual_devices else 1
    return [LogicalDevice(name=f"/device:CPU:{i}", device_type=_CPU) for i in range(count)]


def _check_physical(device):
    if not isinstance(device, PhysicalDevice):
        raise ValueError(f"device must be a tf.config.PhysicalDevice, but got: {device}")
    if device != _HOST_CPU:
        raise ValueError(f"Unrecognized device: {device!r}")


def get_logical_device_configuration(device):
    """Get the virtual device configuration of a physical device (None when not set)."""
    if device != _HOST_CPU:
        raise ValueError(f"Unrecognized device: {device!r}")
    return None if _context.virtual_devices is None else list(_context.virtual_devices)


def set_logical_device_configuration(device, logical_devices):
    """Split the host CPU into several logical CPU devices (before the runtime initializes)."""
    _check_physical(device)
    if any(c.memory_limit is not None for c in logical_devices):
        raise ValueError("Setting memory limit on CPU virtual devices is currently not supported")
    if list(logical_devices) == (_context.virtual_devices or None):
        return
    if _context.initialized:
        raise RuntimeError("Virtual devices cannot be modified after being initialized")
    _context.virtual_devices = list(logical_devices)


def get_memory_growth(device):
    """Memory growth is a GPU setting: the host CPU has none (TF raises ``KeyError``)."""
    raise KeyError(device)


def set_memory_growth(device, enable):
    """Memory growth is a GPU setting; TF refuses it for the CPU."""
    _check_physical(device)
    if _context.virtual_devices is not None:
        raise ValueError("Cannot set memory growth on device when virtual devices configured")
    raise ValueError("Cannot set memory growth on non-GPU and non-Pluggable devices")


def get_device_details(device):
    """Details of a physical device: none for the host CPU."""
    if not isinstance(device, PhysicalDevice):
        raise ValueError(f"device must be a tf.config.PhysicalDevice, but got: {device}")
    return {}


_DEVICE_SPEC = re.compile(r"^(?:/(?:physical_)?device:)?([A-Za-z_]+):(\d+)$")


def _logical_device(device: str) -> None:
    match = _DEVICE_SPEC.match(device)
    if match is None:
        raise ValueError(
            f"Failed parsing device name: '{device}'. Note a valid device string should at "
            'least contain a device type and a device index, like "GPU:0".')
    names = {d.name for d in list_logical_devices()}
    if f"/device:{match.group(1).upper()}:{match.group(2)}" not in names:
        raise ValueError(f"No matching devices found for '{device}'")


def get_memory_info(device):
    """Current and peak memory of a device in bytes: the CPU allocator keeps no statistics, so
    TF raises ``ValueError`` for it, and so does tfcompat."""
    _logical_device(device)
    raise ValueError(f"Allocator stats not available for device '{device}'")


def get_memory_usage(device):
    """Deprecated: ``get_memory_info(device)['current']``."""
    return get_memory_info(device)["current"]


def reset_memory_stats(device):
    """Reset the peak memory statistic of a device: the CPU allocator keeps none (as in TF)."""
    _logical_device(device)
    raise ValueError(f"Cannot reset memory stats for device '{device}'")


# ---- threading


def get_inter_op_parallelism_threads():
    """Number of threads for independent ops (0: the system picks)."""
    return _context.inter_op_threads


def set_inter_op_parallelism_threads(num_threads):
    """Set the number of threads for independent ops (stored; tfcompat runs steps inline)."""
    if num_threads == _context.inter_op_threads:
        return
    if _context.initialized:
        raise RuntimeError("Inter op parallelism cannot be modified after initialization.")
    _context.inter_op_threads = num_threads


def get_intra_op_parallelism_threads():
    """Number of threads used within an individual op (0: the system picks)."""
    return _context.intra_op_threads


def set_intra_op_parallelism_threads(num_threads):
    """Set the number of threads used within an op (stored; numpy picks its own threads)."""
    if num_threads == _context.intra_op_threads:
        return
    if _context.initialized:
        raise RuntimeError("Intra op parallelism cannot be modified after initialization.")
    _context.intra_op_threads = num_threads


# ---- optimizer


def get_experimental_options():
    """The graph optimizer (Grappler) options set so far, with TF's two defaults."""
    return {**_context.optimizer_options, **_DEFAULT_OPTIMIZER_OPTIONS}


def set_experimental_options(options):
    """Set graph optimizer options (stored: tfcompat runs graphs as built)."""
    _context.optimizer_options.update(options)


def get_jit():
    """The JIT compilation setting: '' (off) or 'autoclustering'."""
    return _context.jit


def set_jit(enabled):
    """Set the JIT setting (stored: tfcompat has no XLA)."""
    if enabled is True:
        enabled = "autoclustering"
    _context.jit = enabled or ""


# ---- runtime switches


def get_soft_device_placement():
    """Whether ops fall back to an available device when the requested one is missing."""
    return _context.soft_device_placement


def set_soft_device_placement(enabled):
    """Set soft device placement."""
    _context.soft_device_placement = bool(enabled)


def functions_run_eagerly():
    """Whether ``tf.function``s run eagerly (settable; graph mode has no tf.function)."""
    return _context.functions_run_eagerly


def run_functions_eagerly(run_eagerly):
    """Enable or disable eager execution of ``tf.function``s (stored)."""
    _context.functions_run_eagerly = bool(run_eagerly)


experimental_functions_run_eagerly = functions_run_eagerly
experimental_run_functions_eagerly = run_functions_eagerly


def get_device_policy():
    """The device placement policy: 'silent' unless set."""
    return _context.device_policy


def set_device_policy(device_policy):
    """Set the device placement policy (None restores 'silent')."""
    if device_policy is None:
        device_policy = "silent"
    if device_policy not in _DEVICE_POLICIES:
        raise ValueError(
            f"Invalid argument `device_policy`: {device_policy!r}. Please refer to "
            "https://www.tensorflow.org/api_docs/python/tf/config/experimental/"
            "set_device_policy for valid `device_policy` arguments.")
    _context.device_policy = device_policy


def get_synchronous_execution():
    """Whether ops run synchronously (always true in tfcompat)."""
    return _context.synchronous_execution


def set_synchronous_execution(enable):
    """Set synchronous execution (stored)."""
    _context.synchronous_execution = bool(enable)


def tensor_float_32_execution_enabled():
    """Whether TensorFloat-32 is enabled (a GPU setting; stored)."""
    return _context.tensor_float_32


def enable_tensor_float_32_execution(enabled):
    """Enable or disable TensorFloat-32 (stored; CPU float32 math is unaffected)."""
    _context.tensor_float_32 = bool(enabled)


def enable_mlir_bridge():
    """Enable the MLIR bridge (no effect: tfcompat has no compiler)."""


def disable_mlir_bridge():
    """Disable the MLIR bridge (no effect)."""


class ClusterDeviceFilters:
    """Device filters per task of a remote cluster (used by ``experimental_connect_to_cluster``,
    which needs eager mode)."""

    def __init__(self) -> None:
        self._device_filters: dict = {}

    def set_device_filters(self, job_name, task_index, device_filters):
        """Set the device filters of task ``task_index`` of job ``job_name``."""
        assert all(isinstance(f, str) for f in device_filters)
        self._device_filters.setdefault(job_name, {})[task_index] = list(device_filters)


def experimental_connect_to_cluster(cluster_spec_or_resolver, job_name="localhost",
                                    task_index=0, protocol=None,
                                    make_master_device_default=True,
                                    cluster_device_filters=None):
    """Connect to a remote cluster: eager only, so graph mode raises as TF does."""
    raise ValueError(
        "`tf.config.experimental_connect_to_cluster` can only be called in eager mode.")


def experimental_connect_to_host(remote_host=None, job_name="worker"):
    """Connect to remote hosts: graph mode raises as TF does."""
    if not remote_host:
        raise ValueError("Must provide at least one remote_host")
    experimental_connect_to_cluster(remote_host, job_name=job_name)
