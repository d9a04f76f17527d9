"""tf.config: process-wide settings, and TF's rule that the thread pools, visible devices and
virtual devices freeze once the runtime is initialized (expected values recorded from TF 2.21)."""

import pytest

import tfcompat as tf
from tfcompat.config import context


@pytest.fixture
def fresh_context(monkeypatch):
    monkeypatch.setattr(context, "_context", context._Context())


def test_thread_pools_settable_until_initialized(fresh_context):
    threading = tf.config.threading
    assert threading.get_inter_op_parallelism_threads() == 0
    threading.set_inter_op_parallelism_threads(3)
    threading.set_intra_op_parallelism_threads(2)
    assert threading.get_inter_op_parallelism_threads() == 3
    assert threading.get_intra_op_parallelism_threads() == 2
    tf.config.list_logical_devices()
    threading.set_inter_op_parallelism_threads(3)  # unchanged: allowed
    with pytest.raises(RuntimeError, match="Inter op parallelism cannot be modified"):
        threading.set_inter_op_parallelism_threads(4)
    with pytest.raises(RuntimeError, match="Intra op parallelism cannot be modified"):
        threading.set_intra_op_parallelism_threads(1)


def test_visible_and_virtual_devices(fresh_context):
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_visible_devices([], "CPU")
    assert tf.config.get_visible_devices() == []
    tf.config.set_visible_devices(cpu)
    assert tf.config.get_visible_devices("CPU") == [cpu]
    with pytest.raises(ValueError, match="Setting memory limit on CPU virtual devices"):
        tf.config.experimental.set_virtual_device_configuration(
            cpu, [tf.config.LogicalDeviceConfiguration(memory_limit=3)])
    two = [tf.config.LogicalDeviceConfiguration(), tf.config.LogicalDeviceConfiguration()]
    tf.config.set_logical_device_configuration(cpu, two)
    assert tf.config.get_logical_device_configuration(cpu) == two
    with pytest.raises(ValueError, match="when virtual devices configured"):
        tf.config.experimental.set_memory_growth(cpu, True)
    assert [d.name for d in tf.config.list_logical_devices("CPU")] == [
        "/device:CPU:0", "/device:CPU:1"]
    with pytest.raises(RuntimeError, match="Visible devices cannot be modified"):
        tf.config.set_visible_devices([])
    with pytest.raises(RuntimeError, match="Virtual devices cannot be modified"):
        tf.config.set_logical_device_configuration(cpu, two[:1])


def test_optimizer_options_keep_tf_defaults(fresh_context):
    options = tf.config.optimizer
    assert options.get_experimental_options() == {
        "disable_model_pruning": False, "disable_meta_optimizer": False}
    options.set_experimental_options({"layout_optimizer": True})
    assert list(options.get_experimental_options()) == [
        "layout_optimizer", "disable_model_pruning", "disable_meta_optimizer"]
    options.set_jit("autoclustering")
    assert options.get_jit() == "autoclustering"
