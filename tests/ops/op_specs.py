"""The op-spec table: each op type with its numpy reference, input domain and gradient order.

Property tests (tests/ops/test_op_specs.py) check every entry: forward values against numpy on
broadcastable shapes, static shape inference against runtime shapes (also with unknown dims),
and numerical gradients (float64 central differences) to first or second order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

import tfcompat as tf
from tfcompat.framework.ops import apply_op


@dataclass(frozen=True)
class OpSpec:
    op_type: str
    build: Callable  # (*input tensors) -> output tensor
    reference: Callable  # (*input arrays) -> expected array
    kind: str = "unary"  # unary | binary | custom
    low: float = -3.0
    high: float = 3.0
    dtypes: tuple = (np.float32, np.float64)
    grad_order: int = 2  # 0: not differentiable, 1: first order only, 2: second order too
    rtol: float = 1e-5
    # For kind="custom": candidate lists of input shapes.
    shapes: tuple = ()


def _sigmoid(x):
    return 1 / (1 + np.exp(-x))


def _softmax(x):
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def _log_softmax(x):
    shifted = x - x.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


def _raw(op_type):
    return lambda *inputs: apply_op(op_type, list(inputs))


M23 = ((2, 3),)
PAIR23 = ((2, 3), (2, 3))

UNARY = [
    OpSpec("Neg", tf.negative, np.negative),
    OpSpec("Abs", tf.abs, np.abs, low=0.1),
    OpSpec("Sign", tf.sign, np.sign, low=0.1, grad_order=1),
    OpSpec("Square", tf.square, np.square),
    OpSpec("Sqrt", tf.sqrt, np.sqrt, low=0.5, high=4.0),
    OpSpec("Rsqrt", tf.rsqrt, lambda x: 1 / np.sqrt(x), low=0.5, high=4.0),
    OpSpec("Exp", tf.exp, np.exp),
    OpSpec("Expm1", tf.expm1, np.expm1),
    OpSpec("Log", tf.log, np.log, low=0.5, high=4.0),
    OpSpec("Log1p", tf.log1p, np.log1p, low=-0.5),
    OpSpec("Sin", tf.sin, np.sin),
    OpSpec("Cos", tf.cos, np.cos),
    OpSpec("Tanh", tf.tanh, np.tanh),
    OpSpec("Sigmoid", tf.sigmoid, _sigmoid),
    OpSpec("Reciprocal", tf.reciprocal, lambda x: 1 / x, low=0.5),
    OpSpec("Floor", tf.floor, np.floor, grad_order=0),
    OpSpec("Ceil", tf.ceil, np.ceil, grad_order=0),
    OpSpec("Round", tf.round, np.round, grad_order=0),
    OpSpec("Relu", tf.nn.relu, lambda x: np.maximum(x, 0), low=0.1),
    OpSpec("Relu6", tf.nn.relu6, lambda x: np.clip(x, 0, 6), low=0.1),
    OpSpec("LeakyRelu", tf.nn.leaky_relu, lambda x: np.where(x > 0, x, 0.2 * x)),
    OpSpec("Elu", tf.nn.elu, lambda x: np.where(x > 0, x, np.expm1(x))),
    OpSpec("Softplus", tf.nn.softplus, lambda x: np.log1p(np.exp(x))),
    OpSpec("Identity", tf.identity, lambda x: x),
    OpSpec("StopGradient", tf.stop_gradient, lambda x: x, grad_order=0),
    OpSpec("ZerosLike", lambda x: tf.zeros_like(x, optimize=False), np.zeros_like, grad_order=0),
    OpSpec("IsFinite", tf.is_finite, np.isfinite, grad_order=0),
    OpSpec("IsNan", tf.is_nan, np.isnan, grad_order=0),
    OpSpec("IsInf", tf.is_inf, np.isinf, grad_order=0),
    OpSpec("LogicalNot", lambda x: tf.logical_not(x > 0), lambda x: ~(x > 0), grad_order=0),
    OpSpec("Cast", lambda x: tf.cast(tf.cast(x, tf.int32), x.dtype),
           lambda x: np.trunc(x), grad_order=0),
    OpSpec("Shape", lambda x: tf.cast(tf.shape(x, optimize=False), tf.float32),
           lambda x: np.asarray(x.shape, np.float32), grad_order=0),
    OpSpec("Size", lambda x: tf.size(x, optimize=False), lambda x: np.asarray(x.size, np.int32),
           grad_order=0),
]

BINARY = [
    OpSpec("AddV2", tf.add, np.add, kind="binary"),
    OpSpec("Sub", tf.subtract, np.subtract, kind="binary"),
    OpSpec("Mul", tf.multiply, np.multiply, kind="binary"),
    OpSpec("RealDiv", tf.realdiv, np.true_divide, kind="binary", low=0.5),
    OpSpec("DivNoNan", tf.div_no_nan, lambda x, y: np.where(y == 0, 0.0, x / np.where(
        y == 0, 1.0, y)), kind="binary", low=0.5),
    OpSpec("FloorDiv", tf.floordiv, np.floor_divide, kind="binary", low=0.5, grad_order=0),
    OpSpec("FloorMod", tf.floormod, np.mod, kind="binary", low=0.5, grad_order=1),
    OpSpec("Pow", tf.pow, np.power, kind="binary", low=0.5, high=2.0),
    OpSpec("Maximum", tf.maximum, np.maximum, kind="binary"),
    OpSpec("Minimum", tf.minimum, np.minimum, kind="binary"),
    OpSpec("SquaredDifference", tf.squared_difference, lambda x, y: (x - y) ** 2, kind="binary"),
    OpSpec("Equal", tf.equal, np.equal, kind="binary", grad_order=0),
    OpSpec("NotEqual", tf.not_equal, np.not_equal, kind="binary", grad_order=0),
    OpSpec("Less", tf.less, np.less, kind="binary", grad_order=0),
    OpSpec("LessEqual", tf.less_equal, np.less_equal, kind="binary", grad_order=0),
    OpSpec("Greater", tf.greater, np.greater, kind="binary", grad_order=0),
    OpSpec("GreaterEqual", tf.greater_equal, np.greater_equal, kind="binary", grad_order=0),
    OpSpec("LogicalAnd", lambda x, y: tf.logical_and(x > 0, y > 0),
           lambda x, y: (x > 0) & (y > 0), kind="binary", grad_order=0),
    OpSpec("LogicalOr", lambda x, y: tf.logical_or(x > 0, y > 0),
           lambda x, y: (x > 0) | (y > 0), kind="binary", grad_order=0),
    OpSpec("Select", lambda x, y: tf.where(x > y, x, y), np.maximum, kind="custom",
           shapes=(PAIR23, ((3,), (3,)), ((), ()))),
    OpSpec("SelectV2", lambda x, y: tf.where_v2(x > y, x, y), np.maximum, kind="binary"),
    OpSpec("BroadcastTo", lambda x, y: tf.broadcast_to(x, tf.shape(x + y)),
           lambda x, y: np.broadcast_to(x, np.broadcast(x, y).shape), kind="binary"),
]

CUSTOM = [
    OpSpec("MatMul", tf.matmul, np.matmul, kind="custom",
           shapes=(((2, 3), (3, 4)), ((1, 1), (1, 5)), ((4, 2), (2, 1)))),
    OpSpec("BatchMatMulV2", tf.matmul, np.matmul, kind="custom",
           shapes=(((2, 2, 3), (3, 4)), ((3, 1, 2, 3), (2, 3, 2)), ((1, 2, 2), (4, 2, 1)))),
    OpSpec("Sum", lambda x: tf.reduce_sum(x, axis=1), lambda x: x.sum(axis=1), kind="custom",
           shapes=(((2, 3),), ((2, 1, 4),), ((3, 2, 2, 1),))),
    OpSpec("Mean", lambda x: tf.reduce_mean(x, axis=[0, -1], keepdims=True),
           lambda x: x.mean(axis=(0, x.ndim - 1), keepdims=True), kind="custom",
           shapes=(((2, 3),), ((2, 1, 4),), ((3, 2, 2, 1),))),
    OpSpec("Max", lambda x: tf.reduce_max(x, axis=0), lambda x: x.max(axis=0), kind="custom",
           shapes=(((4, 3),), ((2, 5),))),
    OpSpec("Min", lambda x: tf.reduce_min(x), lambda x: x.min(), kind="custom",
           shapes=(((4, 3),), ((2, 5),))),
    OpSpec("Prod", lambda x: tf.reduce_prod(x, axis=-1), lambda x: x.prod(axis=-1),
           kind="custom", shapes=(((2, 3),), ((3, 2, 2),)), low=0.5, high=1.5),
    OpSpec("Any", lambda x: tf.reduce_any(x > 0, axis=0), lambda x: (x > 0).any(axis=0),
           kind="custom", shapes=(((3, 2),),), grad_order=0),
    OpSpec("All", lambda x: tf.reduce_all(x > 0, axis=0), lambda x: (x > 0).all(axis=0),
           kind="custom", shapes=(((3, 2),),), grad_order=0),
    OpSpec("ArgMax", lambda x: tf.argmax(x, 1), lambda x: x.argmax(axis=1), kind="custom",
           shapes=(((3, 4),), ((2, 5, 2),)), grad_order=0),
    OpSpec("ArgMin", lambda x: tf.argmin(x, 0), lambda x: x.argmin(axis=0), kind="custom",
           shapes=(((3, 4),), ((2, 5, 2),)), grad_order=0),
    OpSpec("AddN", lambda x, y, z: tf.add_n([x, y, z]), lambda x, y, z: x + y + z,
           kind="custom", shapes=(((2, 3), (2, 3), (2, 3)), ((4,), (4,), (4,)))),
    OpSpec("Reshape", lambda x: tf.reshape(x, [-1, 2]), lambda x: x.reshape(-1, 2),
           kind="custom", shapes=(((2, 3),), ((4, 1),), ((2, 2, 2),))),
    OpSpec("Transpose", lambda x: tf.transpose(x), lambda x: x.T, kind="custom",
           shapes=(((2, 3),), ((2, 3, 4),))),
    OpSpec("InvertPermutation",
           lambda x: tf.invert_permutation(tf.constant([2, 0, 1])) + tf.cast(x[0, 0] * 0,
                                                                           tf.int32),
           lambda x: np.array([1, 2, 0]), kind="custom", shapes=(((1, 1),),), grad_order=0),
    OpSpec("ExpandDims", lambda x: tf.expand_dims(x, -1), lambda x: x[..., None],
           kind="custom", shapes=(((2, 3),), ((3,),))),
    OpSpec("Squeeze", lambda x: tf.squeeze(x, [1]), lambda x: x.squeeze(1), kind="custom",
           shapes=(((2, 1, 3),), ((4, 1),))),
    OpSpec("ConcatV2", lambda x, y: tf.concat([x, y], 1), lambda x, y: np.concatenate([x, y], 1),
           kind="custom", shapes=(((2, 3), (2, 1)), ((1, 2, 2), (1, 3, 2)))),
    OpSpec("Pack", lambda x, y: tf.stack([x, y], axis=1), lambda x, y: np.stack([x, y], 1),
           kind="custom", shapes=(((2, 3), (2, 3)), ((4,), (4,)))),
    OpSpec("Fill", lambda x: tf.fill([2, 3], tf.reduce_sum(x)),
           lambda x: np.full((2, 3), x.sum()), kind="custom", shapes=(((2,),),)),
    OpSpec("PlaceholderWithDefault", lambda x: tf.placeholder_with_default(x, x.shape),
           lambda x: x, kind="custom", shapes=(((2, 3),),)),
    OpSpec("Softmax", tf.nn.softmax, _softmax, kind="custom",
           shapes=(((2, 3),), ((4,),), ((2, 2, 3),))),
    OpSpec("LogSoftmax", tf.nn.log_softmax, _log_softmax, kind="custom",
           shapes=(((2, 3),), ((4,),))),
    OpSpec("SoftmaxCrossEntropyWithLogits",
           lambda x, y: tf.nn.softmax_cross_entropy_with_logits_v2(labels=tf.nn.softmax(y),
                                                                    logits=x),
           lambda x, y: -(_softmax(y) * _log_softmax(x)).sum(-1), kind="custom",
           shapes=(((2, 3), (2, 3)), ((4, 5), (4, 5)))),
    OpSpec("SparseSoftmaxCrossEntropyWithLogits",
           lambda x: tf.nn.sparse_softmax_cross_entropy_with_logits(
               labels=tf.cast(tf.argmax(x, -1), tf.int32), logits=x),
           lambda x: -_log_softmax(x)[np.arange(x.shape[0]), x.argmax(-1)],
           kind="custom", shapes=(((2, 3),), ((3, 4),))),
    OpSpec("BiasAdd", tf.nn.bias_add, np.add, kind="custom",
           shapes=(((2, 3), (3,)), ((2, 2, 4), (4,)))),
    OpSpec("L2Loss", tf.nn.l2_loss, lambda x: (x * x).sum() / 2, kind="custom",
           shapes=(((2, 3),), ((5,),))),
    OpSpec("Print", lambda x: tf.Print(x, [tf.reduce_sum(x)], message="spec:", first_n=0),
           lambda x: x, kind="custom", shapes=(((2, 3),), ((4,),))),
    OpSpec("Diag", tf.diag, lambda x: np.diag(x), kind="custom", shapes=(((3,),),)),
    OpSpec("DiagPart", tf.diag_part, lambda x: np.diag(x), kind="custom", shapes=(((3, 3),),)),
    OpSpec("SqrtGrad", _raw("SqrtGrad"), lambda y, dy: dy * 0.5 / y, kind="custom",
           shapes=(PAIR23,), low=0.5),
    OpSpec("RsqrtGrad", _raw("RsqrtGrad"), lambda y, dy: dy * -0.5 * y ** 3, kind="custom",
           shapes=(PAIR23,)),
    OpSpec("TanhGrad", _raw("TanhGrad"), lambda y, dy: dy * (1 - y * y), kind="custom",
           shapes=(PAIR23,)),
    OpSpec("SigmoidGrad", _raw("SigmoidGrad"), lambda y, dy: dy * y * (1 - y), kind="custom",
           shapes=(PAIR23,)),
    OpSpec("ReciprocalGrad", _raw("ReciprocalGrad"), lambda y, dy: -dy * y * y, kind="custom",
           shapes=(PAIR23,)),
    OpSpec("ReluGrad", _raw("ReluGrad"), lambda g, f: np.where(f > 0, g, 0), kind="custom",
           shapes=(PAIR23,), low=0.1, grad_order=1),
    OpSpec("Relu6Grad", _raw("Relu6Grad"), lambda g, f: np.where((f > 0) & (f < 6), g, 0),
           kind="custom", shapes=(PAIR23,), low=0.1, grad_order=1),
    OpSpec("LeakyReluGrad", lambda g, f: apply_op("LeakyReluGrad", [g, f], attrs={"alpha": 0.3}),
           lambda g, f: np.where(f > 0, g, 0.3 * g), kind="custom", shapes=(PAIR23,),
           grad_order=1),
    OpSpec("EluGrad", _raw("EluGrad"), lambda g, o: np.where(o > 0, g, g * (o + 1)),
           kind="custom", shapes=(PAIR23,), low=0.1, grad_order=1),
    OpSpec("BiasAddGrad", _raw("BiasAddGrad"), lambda g: g.sum(axis=0), kind="custom",
           shapes=(((4, 3),),)),
]

SPECS = {spec.op_type: spec for spec in UNARY + BINARY + CUSTOM}

# Registered op types covered by other tests, and why they are not in the table.
COVERED_ELSEWHERE = {
    "Const": "tests/ops/test_array_ops.py (constants)",
    "Placeholder": "tests/client/test_session.py (feeds)",
    "Rank": "tests/ops/test_array_ops.py (static rank folding)",
    "NoOp": "tests/ops/test_array_ops.py (group/no_op)",
    "RefIdentity": "tests/ops/test_array_ops.py (tuple of a variable)",
    "VariableV2": "tests/variables/test_variables.py",
    "Assign": "tests/variables/test_variables.py",
    "AssignAdd": "tests/variables/test_variables.py",
    "AssignSub": "tests/variables/test_variables.py",
    "IsVariableInitialized": "tests/variables/test_variables.py",
    "CountUpTo": "tests/variables/test_variables.py",
    "ApplyGradientDescent": "tests/training/test_optimizers.py",
    "BroadcastGradientArgs": "tests/ops/test_array_ops.py (gradient helper)",
    "ConcatOffset": "tests/ops/test_array_ops.py (gradient helper)",
    "Range": "tests/ops/test_array_ops.py",
    "Where": "tests/ops/test_array_ops.py",
    "Unique": "tests/ops/test_array_ops.py",
    "Bitcast": "tests/ops/test_array_ops.py",
    "PyFunc": "tests/ops/test_array_ops.py",
    "Qr": "tests/variables/test_variables.py (orthogonal initializer)",
}
# The slicing family has its own property tests with the same three checks.
COVERED_ELSEWHERE.update(dict.fromkeys(
    ["Cumprod", "Cumsum", "GatherV2", "ListDiff", "MirrorPad", "MirrorPadGrad", "OneHot", "Pad",
     "PadV2", "ReverseV2", "Slice", "Split", "SplitV", "StridedSlice", "StridedSliceGrad", "Tile",
     "Unpack", "UnsortedSegmentSum"], "tests/ops/test_slicing_ops.py"))
COVERED_ELSEWHERE.update(dict.fromkeys(
    ["RandomUniform", "RandomUniformInt", "RandomStandardNormal", "TruncatedNormal",
     "RandomShuffle", "Multinomial"], "tests/ops/test_random_ops.py (values recorded from TF)"))
COVERED_ELSEWHERE.update(dict.fromkeys(
    ["ScalarSummary", "HistogramSummary", "ImageSummary", "AudioSummaryV2", "TensorSummaryV2",
     "MergeSummary"], "tests/summary (bytes recorded from TF, read back by TensorBoard)"))
COVERED_ELSEWHERE.update({
    "IdentityN": "tests/ops/test_gradients.py (custom_gradient)",
    "ApplyMomentum": "tests/training/test_optimizers.py",
    "ApplyAdam": "tests/training/test_optimizers.py",
    "ApplyAdagrad": "tests/training/test_optimizers.py",
    "ApplyRMSProp": "tests/training/test_optimizers.py",
    "ApplyCenteredRMSProp": "tests/training/test_optimizers.py",
    "ApplyAdadelta": "tests/training/test_optimizers.py",
})

COVERED_ELSEWHERE.update(dict.fromkeys(
    ["SaveV2", "RestoreV2", "MergeV2Checkpoints", "ShardedFilename", "StringJoin",
     "StaticRegexFullMatch"], "tests/training/test_saver.py (files and graphs recorded from TF)"))

# ---- convolution and pooling (tfcompat.ops.conv_ops), against loop-by-loop references ----------
from tests.ops import conv_reference as conv_ref  # noqa: E402 - the block stays self-contained
from tfcompat.ops import conv_ops  # noqa: E402

_POOL = {"ksize": [1, 2, 2, 1], "strides": [1, 2, 2, 1], "padding": "SAME"}


def _pool_grad_op(op_type):
    def build(x, g):
        y = conv_ops.max_pool(x, 2, 2, "SAME")
        attrs = dict(_POOL, explicit_paddings=[]) if op_type == "MaxPoolGrad" else _POOL
        return apply_op(op_type, [x, y, g], attrs=attrs)
    return build


def _max_pool_grad_grad_ref(x, g):
    """The entry of g (shaped like x) at each window's maximum."""
    out = conv_ref.max_pool(x, (2, 2), (2, 2), "SAME")
    for b, i, j, cells in conv_ref._pool_windows(x, (2, 2), (2, 2), "SAME"):
        for ch in range(x.shape[3]):
            r, s = cells[int(np.argmax([x[b, r, s, ch] for r, s in cells]))]
            out[b, i, j, ch] = g[b, r, s, ch]
    return out


CONV = [
    OpSpec("Conv2D", lambda x, w: conv_ops.conv2d(x, w, strides=[1, 2, 1, 1], padding="SAME"),
           lambda x, w: conv_ref.conv2d(x, w, (2, 1), "SAME"), kind="custom",
           shapes=(((1, 4, 5, 2), (3, 2, 2, 3)), ((2, 3, 3, 4), (2, 2, 2, 2)))),
    OpSpec("Conv2DBackpropInput",
           lambda w, dy: conv_ops.conv2d_backprop_input([1, 5, 4, 2], w, dy, [1, 2, 2, 1],
                                                        "VALID"),
           lambda w, dy: conv_ref.conv2d_backprop_input((1, 5, 4, 2), w, dy, (2, 2)),
           kind="custom", shapes=(((2, 2, 2, 3), (1, 2, 2, 3)), ((3, 1, 2, 1), (1, 2, 2, 1)))),
    OpSpec("Conv2DBackpropFilter",
           lambda x, dy: conv_ops.conv2d_backprop_filter(x, [2, 3, 2, 3], dy, [1, 1, 1, 1],
                                                         "SAME"),
           lambda x, dy: conv_ref.conv2d_backprop_filter(x, (2, 3, 2, 3), dy, (1, 1), "SAME"),
           kind="custom", shapes=(((1, 3, 4, 2), (1, 3, 4, 3)), ((2, 2, 2, 2), (2, 2, 2, 3)))),
    OpSpec("MaxPool", lambda x: conv_ops.max_pool(x, [1, 2, 3, 1], [1, 1, 2, 1], "SAME"),
           lambda x: conv_ref.max_pool(x, (2, 3), (1, 2), "SAME"), kind="custom",
           shapes=(((1, 4, 5, 2),), ((2, 3, 3, 1),))),
    OpSpec("MaxPoolGrad", _pool_grad_op("MaxPoolGrad"),
           lambda x, g: conv_ref.max_pool_grad(x, g, (2, 2), (2, 2), "SAME"), kind="custom",
           shapes=(((1, 4, 3, 2), (1, 2, 2, 2)),), grad_order=1),
    OpSpec("MaxPoolGradGrad", _pool_grad_op("MaxPoolGradGrad"), _max_pool_grad_grad_ref,
           kind="custom", shapes=(((1, 4, 3, 2), (1, 4, 3, 2)),), grad_order=1),
    OpSpec("AvgPool", lambda x: conv_ops.avg_pool(x, [1, 3, 2, 1], [1, 2, 1, 1], "SAME"),
           lambda x: conv_ref.avg_pool(x, (3, 2), (2, 1), "SAME"), kind="custom",
           shapes=(((1, 4, 5, 2),), ((2, 3, 3, 1),))),
    OpSpec("AvgPoolGrad",
           lambda g: apply_op("AvgPoolGrad", [[1, 3, 5, 2], g], attrs=_POOL),
           lambda g: conv_ref.avg_pool_grad((1, 3, 5, 2), g, (2, 2), (2, 2), "SAME"),
           kind="custom", shapes=(((1, 2, 3, 2),),)),
    OpSpec("ShapeN", lambda x, y: tf.cast(conv_ops.shape_n([x, y])[1], x.dtype),
           lambda x, y: np.asarray(y.shape, np.float64), kind="custom",
           shapes=(((2, 3), (1, 2, 2)),), grad_order=0),
]
SPECS.update({spec.op_type: spec for spec in CONV})

# FusedBatchNorm ops are float32-only (as in TF), outside the float64 gradient checks here.
COVERED_ELSEWHERE.update(dict.fromkeys(
    ["FusedBatchNormV3", "FusedBatchNormGradV3"],
    "tests/layers/test_normalization.py (numpy reference, first and second order gradients)"))
COVERED_ELSEWHERE.update(dict.fromkeys(
    ["Switch", "RefSwitch", "Merge", "RefMerge", "Enter", "RefEnter", "Exit", "NextIteration",
     "LoopCond", "StackV2", "StackPushV2", "StackPopV2"], "tests/ops/test_control_flow.py"))


# ---- family tables in tests/ops/specs/<family>.py ---------------------------------------------
# A family table may also declare TF_HAS_NO_GRADIENT: op types for which TF registers neither a
# gradient nor a not-differentiable mark (tf.gradients raises LookupError through them).
TF_HAS_NO_GRADIENT_FAMILIES: set[str] = set()


def _merge_family_tables() -> None:
    import importlib
    import pkgutil

    from tests.ops import specs as family_package

    for info in pkgutil.iter_modules(family_package.__path__):
        module = importlib.import_module(f"{family_package.__name__}.{info.name}")
        for spec in getattr(module, "SPECS", ()):
            if spec.op_type in SPECS:
                raise ValueError(f"op type {spec.op_type} has two spec entries")
            SPECS[spec.op_type] = spec
        COVERED_ELSEWHERE.update(getattr(module, "COVERED_ELSEWHERE", {}))
        TF_HAS_NO_GRADIENT_FAMILIES.update(getattr(module, "TF_HAS_NO_GRADIENT", ()))


_merge_family_tables()
