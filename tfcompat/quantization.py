# ruff: noqa: F401
"""``tf.quantization``: quantize / dequantize to the quantized dtypes, and fake quantization
for quantization-aware training.

Not here: the ``tf.quantization.experimental`` module (quantization of whole models);
using one raises an error naming it.
"""

from tfcompat.ops.fake_quant_ops import (
    fake_quant_with_min_max_args,
    fake_quant_with_min_max_args_gradient,
    fake_quant_with_min_max_vars,
    fake_quant_with_min_max_vars_gradient,
    fake_quant_with_min_max_vars_per_channel,
    fake_quant_with_min_max_vars_per_channel_gradient,
)
from tfcompat.ops.quantize_ops import (
    dequantize,
    quantize,
    quantize_and_dequantize,
    quantize_and_dequantize_v2,
    quantized_concat,
)
from tfcompat.platform.unsupported import make_getattr as _make_getattr

__getattr__ = _make_getattr("tf.quantization", __name__)
