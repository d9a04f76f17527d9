"""Top-level op families of the toplevel helper: variable scatters (stateful, tested against
sequential numpy references in their own file) and fake quantization."""

_SCATTER_TEST = "tests/ops/test_scatter_ops.py"

SPECS: list = []
COVERED_ELSEWHERE = {op_type: _SCATTER_TEST for op_type in (
    "ScatterUpdate", "ScatterMul", "ScatterDiv", "ScatterMin", "ScatterMax",
    "ScatterNdUpdate", "ScatterNdAdd", "ScatterNdSub", "ScatterNdMax", "ScatterNdMin")}

# Piecewise-constant with straight-through gradients: no finite-difference check applies.
COVERED_ELSEWHERE.update({op_type: "tests/ops/test_fake_quant_ops.py" for op_type in (
    "FakeQuantWithMinMaxArgs", "FakeQuantWithMinMaxArgsGradient", "FakeQuantWithMinMaxVars",
    "FakeQuantWithMinMaxVarsGradient", "FakeQuantWithMinMaxVarsPerChannel",
    "FakeQuantWithMinMaxVarsPerChannelGradient")})

COVERED_ELSEWHERE.update({op_type: "tests/ops/test_misc_ops.py" for op_type in (
    "SparseMatMul", "Fingerprint", "EditDistance", "ParallelConcat", "GuaranteeConst")})
# Values TF itself cannot produce (time, failing CPU kernels): their conformance cases.
COVERED_ELSEWHERE.update({op_type: "conformance/cases/toplevel/misc_ops.py" for op_type in (
    "Timestamp", "CheckPinned", "Conv2DBackpropFilterV2", "Conv2DBackpropInputV2")})

COVERED_ELSEWHERE.update({op_type: "tests/ops/test_sets_ops.py" for op_type in (
    "DenseToDenseSetOperation", "DenseToSparseSetOperation", "SparseToSparseSetOperation",
    "SetSize")})

COVERED_ELSEWHERE.update({op_type: "tests/ops/test_lookup_tables.py" for op_type in (
    "HashTableV2", "MutableHashTableV2", "MutableHashTableOfTensorsV2", "MutableDenseHashTableV2",
    "LookupTableImportV2", "InitializeTableFromTextFileV2", "LookupTableFindV2",
    "LookupTableInsertV2", "LookupTableRemoveV2", "LookupTableSizeV2", "LookupTableExportV2")})

COVERED_ELSEWHERE.update({op_type: "tests/ops/test_accumulators.py" for op_type in (
    "ResourceConditionalAccumulator", "SparseConditionalAccumulator",
    "ResourceAccumulatorApplyGradient", "ResourceAccumulatorNumAccumulated",
    "ResourceAccumulatorSetGlobalStep", "ResourceAccumulatorTakeGradient",
    "SparseAccumulatorApplyGradient", "SparseAccumulatorTakeGradient",
    "AccumulatorNumAccumulated", "AccumulatorSetGlobalStep")})

COVERED_ELSEWHERE.update({op_type: "tests/ops/test_critical_section.py" for op_type in (
    "MutexV2", "MutexLock", "ConsumeMutexLock")})
COVERED_ELSEWHERE["Fact"] = "conformance/cases/toplevel/resource_loader_user_ops.py"
COVERED_ELSEWHERE.update({op_type: "conformance/cases/quant/quantize_dequantize.py" for op_type in (
    "QuantizeV2", "Dequantize", "QuantizedConcat")})
COVERED_ELSEWHERE.update({op_type: "conformance/cases/quant/quantize_and_dequantize.py"
                          for op_type in ("QuantizeAndDequantizeV2", "QuantizeAndDequantizeV4",
                                          "QuantizeAndDequantizeV4Grad")})
COVERED_ELSEWHERE.update({op_type: "tests/ops/test_session_tensors.py" for op_type in (
    "GetSessionHandle", "GetSessionTensor", "DeleteSessionTensor")})
COVERED_ELSEWHERE["Conv"] = "conformance/cases/toplevel/conv_generic.py"

# TF registers no gradient for these (tf.gradients raises LookupError through them).
TF_HAS_NO_GRADIENT = {
    "CheckPinned", "Conv", "Conv2DBackpropFilterV2", "Conv2DBackpropInputV2", "Dequantize",
    "GuaranteeConst", "ParallelConcat", "QuantizedConcat", "ScatterMax", "ScatterMin",
    "ScatterNdMax", "ScatterNdMin", "ScatterUpdate"}
