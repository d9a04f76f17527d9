"""Optimizer update ops (training_ops, training_ops_sparse): stateful, not differentiable; their
update rules are tested against closed forms and TF's recorded trajectories."""

_TEST = "tests/training/test_regularized_optimizers.py"

SPECS: list = []
COVERED_ELSEWHERE = {
    "ApplyProximalGradientDescent": _TEST,
    "ApplyProximalAdagrad": _TEST,
    "ApplyFtrl": _TEST,
    "ApplyFtrlV2": _TEST,
    "ApplyAdagradDA": _TEST,
}
COVERED_ELSEWHERE.update({op_type: "tests/training/test_sparse_updates.py" for op_type in (
    "ScatterAdd", "ScatterSub", "SparseApplyMomentum", "SparseApplyAdagrad", "SparseApplyRMSProp",
    "SparseApplyCenteredRMSProp", "SparseApplyAdadelta", "SparseApplyProximalGradientDescent",
    "SparseApplyProximalAdagrad", "SparseApplyFtrl", "SparseApplyFtrlV2",
    "SparseApplyAdagradDA")})
