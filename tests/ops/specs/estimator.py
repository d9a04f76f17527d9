"""The numpy_input_fn batch op (tfcompat's stand-in for TF's input queue)."""

SPECS: list = []
COVERED_ELSEWHERE = {"NumpyInputFnBatch": "tests/estimator/test_estimator.py"}
