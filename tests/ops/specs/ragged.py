"""Op types of the ragged family: composite-tensor ops tested against Python references by
their own suites."""

_OPS = "tests/ragged/test_ragged_ops.py"
_STRINGS = "tests/ragged/test_ragged_strings.py"
_DISPATCH = "tests/ragged/test_ragged_dispatch.py"
_COUNTS = "tests/ragged/test_bincount_spec.py"

SPECS: list = []
COVERED_ELSEWHERE = {
    **{t: _OPS for t in ("RaggedTensorToTensor", "RaggedTensorToSparse", "RaggedRange",
                         "RaggedFillEmptyRows", "RaggedFillEmptyRowsGrad")},
    **{t: _STRINGS for t in ("UnicodeDecode", "UnicodeDecodeWithOffsets", "UnicodeScript",
                             "StringNGrams")},
    "RaggedGather": _DISPATCH,
    "RaggedCross": _DISPATCH,
    **{t: _COUNTS for t in ("DenseCountSparseOutput", "SparseCountSparseOutput",
                            "RaggedCountSparseOutput")},
}
