"""Op types of the ragged family: composite-tensor ops tested against Python references by
their own suites."""

_OPS = "tests/ragged/test_ragged_ops.py"
_STRINGS = "tests/ragged/test_ragged_strings.py"

SPECS: list = []
COVERED_ELSEWHERE = {
    **{t: _OPS for t in ("RaggedTensorToTensor", "RaggedTensorToSparse", "RaggedRange",
                         "RaggedFillEmptyRows", "RaggedFillEmptyRowsGrad")},
    **{t: _STRINGS for t in ("UnicodeDecode", "UnicodeDecodeWithOffsets", "UnicodeScript",
                             "StringNGrams")},
}
