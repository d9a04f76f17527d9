"""Op types of tf.data.experimental (cardinality, grouping, optionals, list/random/sparse
batch datasets): variant-valued dataset ops, tested by their own suites."""

_EXPERIMENTAL = "tests/data/test_experimental3.py"
_CAPTURES = "tests/data/test_captures.py"

SPECS: list = []
COVERED_ELSEWHERE = {t: _EXPERIMENTAL for t in (
    "AssertCardinalityDataset", "DatasetCardinality", "GroupByWindowDataset",
    "ExperimentalGroupByReducerDataset", "RandomDataset", "ListDataset",
    "DenseToSparseBatchDataset", "IteratorGetNextAsOptional", "OptionalHasValue",
    "OptionalGetValue", "OptionalFromValue")}
COVERED_ELSEWHERE.update({t: "tests/data/test_proto_ops.py" for t in ("DecodeProtoV2",
                                                                      "EncodeProto")})
COVERED_ELSEWHERE["SqlDataset"] = _EXPERIMENTAL
COVERED_ELSEWHERE["OptionsDataset"] = _EXPERIMENTAL
