"""Quantized tf.nn ops (quant helper): their inputs are quantized integers with float ranges,
which the float-valued op-spec properties cannot draw; tested against numpy references and
oracle values in their own file. TF defines no gradient for any of them."""

SPECS: list = []
COVERED_ELSEWHERE = {op_type: "tests/ops/test_quantized_nn_ops.py" for op_type in (
    "QuantizedAvgPool", "QuantizedMaxPool", "QuantizedReluX", "QuantizedConv2D")}

# TF registers no gradient for these (tf.gradients raises LookupError through them).
TF_HAS_NO_GRADIENT = {"QuantizedAvgPool", "QuantizedConv2D", "QuantizedMaxPool", "QuantizedReluX"}
