"""The conversion registry: tried by priority (lower first), later registrations first within
one priority, NotImplemented passes to the next function (TF's rules)."""

import tfcompat as tf
from tfcompat.framework import tensor_conversion


class _Box:
    def __init__(self, value):
        self.value = value


class _SpecialBox(_Box):
    pass


def test_priority_then_latest_registration_wins():
    calls = []

    def make(tag, result=None):
        def convert(value, dtype=None, name=None, as_ref=False):
            calls.append(tag)
            return tf.constant(value.value, name=tag) if result is None else result
        return convert

    tensor_conversion.register_tensor_conversion_function(_Box, make("general"), 100)
    tensor_conversion.register_tensor_conversion_function(_SpecialBox, make("special"), 100)
    tensor_conversion.register_tensor_conversion_function(
        _Box, make("declines", NotImplemented), 50)
    assert tf.convert_to_tensor(_SpecialBox(1.0)).op.name == "special"
    assert tf.convert_to_tensor(_Box(1.0)).op.name == "general"
    assert calls == ["declines", "special", "declines", "general"]


def test_lists_holding_tensors_pack_before_constant_conversion():
    n = tf.placeholder(tf.int32, [])
    packed = tf.convert_to_tensor([[n, 1], [2, 3]])
    assert packed.op.type == "Pack" and packed.shape.as_list() == [2, 2]
    assert tf.convert_to_tensor([[1, 2], [3, 4]]).op.type == "Const"
