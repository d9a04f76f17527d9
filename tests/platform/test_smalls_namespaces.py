"""tf.dtypes, tf.errors, tf.compat, tf.debugging and tf.autograph additions (values recorded on
TensorFlow 2.21; see conformance/cases/smalls/)."""

from __future__ import annotations

import pytest

import tfcompat as tf
from tfcompat.platform import autograph_api, forward_compat


def test_dtypes_namespace_shares_the_top_level_objects():
    assert tf.dtypes.cast is tf.cast and tf.dtypes.as_string is tf.as_string
    assert tf.dtypes.complex is tf.complex and tf.dtypes.saturate_cast is tf.saturate_cast
    assert tf.dtypes.bool is tf.bool and tf.dtypes.DType is tf.DType
    assert len(tf.dtypes.QUANTIZED_DTYPES) == 10
    assert all(d.is_quantized for d in tf.dtypes.QUANTIZED_DTYPES)
    with pytest.raises(AttributeError, match="tf.dtypes.experimental is not supported"):
        tf.dtypes.experimental  # noqa: B018


def test_errors_status_block_raises_the_class_of_its_code():
    with tf.errors.raise_exception_on_not_ok_status() as status:
        pass
    assert status.code == tf.errors.OK
    with pytest.raises(tf.errors.NotFoundError, match="no such file"):
        with tf.errors.raise_exception_on_not_ok_status() as status:
            status.set(tf.errors.NOT_FOUND, "no such file")


@pytest.mark.parametrize("date, expected", [
    ((2026, 1, 15), True), ((2026, 1, 16), False), ((2020, 1, 1), True), ((2030, 1, 1), False)])
def test_forward_compatible_against_the_2_21_horizon(date, expected):
    assert tf.compat.forward_compatible(*date) is expected


def test_forward_compatibility_horizon_block_and_delta_days(monkeypatch):
    with tf.compat.forward_compatibility_horizon(2030, 1, 1):
        assert tf.compat.forward_compatible(2029, 12, 31)
        assert not tf.compat.forward_compatible(2030, 1, 1)
    assert not tf.compat.forward_compatible(2029, 12, 31)
    with pytest.raises(ValueError, match="day is out of range for month"):
        with tf.compat.forward_compatibility_horizon(2030, 2, 30):
            pass
    monkeypatch.setenv("TF_FORWARD_COMPATIBILITY_DELTA_DAYS", "10")
    with tf.compat.forward_compatibility_horizon(2026, 1, 16):
        assert tf.compat.forward_compatible(2026, 1, 25)
        assert not tf.compat.forward_compatible(2026, 1, 26)
    assert forward_compat._current_number == forward_compat._date_number(2026, 1, 16)


def test_compat_v2_is_not_offered():
    with pytest.raises(AttributeError, match="tf.compat.v2 is not supported"):
        tf.compat.v2  # noqa: B018


def test_debugging_switches_round_trip():
    assert tf.debugging.get_log_device_placement() is False
    tf.debugging.set_log_device_placement(True)
    try:
        assert tf.debugging.get_log_device_placement() is True
    finally:
        tf.debugging.set_log_device_placement(False)
    assert tf.debugging.is_traceback_filtering_enabled()
    tf.debugging.disable_traceback_filtering()
    try:
        assert not tf.debugging.is_traceback_filtering_enabled()
    finally:
        tf.debugging.enable_traceback_filtering()
    for name in ("enable_check_numerics", "disable_check_numerics"):
        with pytest.raises(AttributeError, match=f"tf.debugging.{name} is not supported"):
            getattr(tf.debugging, name)


def test_autograph_conversion_raises_naming_itself():
    with pytest.raises(NotImplementedError, match="tf.autograph.to_graph is not supported"):
        tf.autograph.to_graph(lambda x: x)
    with pytest.raises(NotImplementedError, match="tf.autograph.to_code is not supported"):
        tf.autograph.to_code(lambda x: x)


def test_autograph_helpers(capsys):
    def f(x):
        return x * 2

    wrapped = tf.autograph.experimental.do_not_convert(f)
    assert wrapped is not f and wrapped(3) == 6 and wrapped.__name__ == "f"
    assert tf.autograph.experimental.do_not_convert()(f)(4) == 8
    assert [m.value for m in tf.autograph.experimental.Feature][:2] == ["ALL", "AUTO_CONTROL_DEPS"]
    tf.autograph.trace(1, "a")
    assert capsys.readouterr().out == "1 a\n"
    tf.autograph.set_verbosity(5)
    try:
        assert autograph_api.get_verbosity() == 5
    finally:
        autograph_api._verbosity["level"] = None
    assert tf.autograph.experimental.set_loop_options(maximum_iterations=3) is None
