"""tf.compat helpers (recorded on TensorFlow 2.21) and the TF1/TF2 behaviour switches."""

from __future__ import annotations

import numbers
import pathlib

import numpy as np
import pytest

import tfcompat
from tfcompat.framework.tensor_shape import Dimension, TensorShape
from tfcompat.platform import compat, switches


def test_string_conversions():
    assert compat.as_bytes("hé") == b"h\xc3\xa9"
    assert compat.as_bytes(b"x") == b"x" and compat.as_bytes(bytearray(b"x")) == b"x"
    assert compat.as_bytes("hé", encoding="latin-1") == b"h\xe9"
    assert compat.as_text(b"h\xc3\xa9") == "hé" and compat.as_text("x") == "x"
    assert compat.as_str(b"x") == "x"
    assert (compat.as_str_any(b"x"), compat.as_str_any(5),
            compat.as_str_any(pathlib.Path("/a"))) == ("x", "5", "/a")
    assert (compat.path_to_str(pathlib.Path("/a/b")), compat.path_to_str("x"),
            compat.path_to_str(5)) == ("/a/b", "x", 5)
    for convert in (compat.as_bytes, compat.as_text):
        with pytest.raises(TypeError, match="^Expected binary or unicode string, got 1$"):
            convert(1)


def test_type_tuples():
    assert compat.bytes_or_text_types == (bytes, str)
    assert compat.integral_types == (numbers.Integral, np.integer)
    assert compat.real_types == (numbers.Real, np.integer, np.floating)
    assert compat.complex_types == (numbers.Complex, np.number)


def test_dimensions():
    values = (Dimension(3), None, 4, Dimension(None))
    assert [compat.dimension_value(value) for value in values] == [3, None, 4, None]
    assert repr(compat.dimension_at_index(TensorShape([2, None]), 1)) == "Dimension(None)"
    assert repr(compat.dimension_at_index(TensorShape(None), 0)) == "Dimension(None)"
    assert repr(compat.dimension_at_index(TensorShape([2]), 0)) == "Dimension(2)"
    with pytest.raises(IndexError):
        compat.dimension_at_index(TensorShape([2]), 3)


def test_v1_is_tfcompat_and_v2_is_unsupported():
    assert compat.v1 is tfcompat
    with pytest.raises(AttributeError, match=r"^tf\.compat\.v2 is not supported by tfcompat yet$"):
        _ = compat.v2


def test_switches_towards_tf1_are_accepted():
    for switch in (switches.disable_v2_behavior, switches.disable_eager_execution,
                   switches.disable_v2_tensorshape, switches.disable_control_flow_v2,
                   switches.disable_tensor_equality):
        assert switch() is None
    assert switches.executing_eagerly() is False
    assert switches.executing_eagerly_outside_functions() is False
    assert switches.control_flow_v2_enabled() is False


@pytest.mark.parametrize("switch, behaviour", [
    (switches.enable_eager_execution, "eager execution"),
    (switches.enable_v2_behavior, "eager execution"),
    (switches.enable_v2_tensorshape, "TensorShape indexing that returns ints"),
    (switches.enable_control_flow_v2, "v2 control flow"),
    (switches.enable_tensor_equality, "elementwise Tensor =="),
])
def test_switches_towards_tf2_say_they_are_unsupported(switch, behaviour):
    with pytest.raises(NotImplementedError) as info:
        switch()
    message = str(info.value)
    assert message.startswith(f"tf.{switch.__name__}() is not supported by tfcompat: {behaviour}")
    assert "TensorFlow 1 graph mode only" in message


def test_resource_variables_switch_is_recorded():
    assert switches.resource_variables_enabled() is False
    switches.enable_resource_variables()
    try:
        assert switches.resource_variables_enabled() is True
    finally:
        switches.disable_resource_variables()
    assert switches.resource_variables_enabled() is False
