"""Top-level op families of the toplevel helper: variable scatters (stateful, tested against
sequential numpy references in their own file)."""

_SCATTER_TEST = "tests/ops/test_scatter_ops.py"

SPECS: list = []
COVERED_ELSEWHERE = {op_type: _SCATTER_TEST for op_type in (
    "ScatterUpdate", "ScatterMul", "ScatterDiv", "ScatterMin", "ScatterMax",
    "ScatterNdUpdate", "ScatterNdAdd", "ScatterNdSub", "ScatterNdMax", "ScatterNdMin")}
