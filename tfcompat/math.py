"""``tf.math``: elementwise math, comparisons and reductions."""

from tfcompat._lazy_names import top_level_targets as _top_level_targets
from tfcompat.platform.lazy_loader import make_lazy_namespace as _make_lazy_namespace
from tfcompat.platform.unsupported import make_getattr

# Every name loads its module on first access (tfcompat/platform/lazy_loader.py), so that
# the namespace costs nothing until a program uses it (issue 13).
_LAZY: dict[str, str] = {}
# Names tf.math shares with the top level load what the top-level name loads (one table says
# where: tfcompat/_core_names.py, tfcompat/_lazy_names.py).
_LAZY.update(_top_level_targets((
    "unique", "abs", "add", "add_n", "argmax", "argmin", "ceil", "cos", "div_no_nan", "divide",
    "equal", "exp", "expm1", "floor", "floordiv", "floormod", "greater", "greater_equal",
    "is_finite", "is_inf", "is_nan", "less", "less_equal", "log", "log1p", "logical_and",
    "logical_not", "logical_or", "logical_xor", "maximum", "minimum", "multiply", "negative",
    "not_equal", "pow", "reciprocal", "reduce_all", "reduce_any", "reduce_logsumexp",
    "reduce_max", "reduce_mean", "reduce_min", "reduce_prod", "reduce_sum", "round", "rsqrt",
    "sigmoid", "sign", "sin", "sqrt", "square", "squared_difference", "subtract", "tanh",
    "truediv", "cumprod", "cumsum", "unsorted_segment_sum", "invert_permutation", "scalar_mul",
    "is_non_decreasing", "is_strictly_increasing", "bincount", "confusion_matrix", "acos",
    "acosh", "angle", "asin", "asinh", "atan", "atan2", "atanh", "conj", "cosh", "imag",
    "real", "rint", "sinh", "tan", "accumulate_n", "count_nonzero", "segment_max",
    "segment_mean", "segment_min", "segment_prod", "segment_sum", "unsorted_segment_max",
    "unsorted_segment_mean", "unsorted_segment_min", "unsorted_segment_prod",
    "unsorted_segment_sqrt_n", "betainc", "digamma", "erf", "erfc", "igamma", "igammac",
    "lbeta", "lgamma", "log_sigmoid", "polygamma", "zeta",
)))
_LAZY.update({
    "mod": "tfcompat.ops.math_ops:floormod",
    "realdiv": "tfcompat.ops.math_ops:real_div",
    "log_softmax": "tfcompat.ops.nn_ops:log_softmax",
    "softmax": "tfcompat.ops.nn_ops:softmax",
    "softplus": "tfcompat.ops.nn_ops:softplus",
})

__getattr__, __dir__ = _make_lazy_namespace(__name__, _LAZY, make_getattr("tf.math", __name__))


# ---- numeric (issue 9)
_LAZY.update({
    "divide_no_nan": "tfcompat.ops.math_extra_ops:divide_no_nan",
    "multiply_no_nan": "tfcompat.ops.math_extra_ops:multiply_no_nan",
    "nextafter": "tfcompat.ops.math_extra_ops:nextafter",
    "reciprocal_no_nan": "tfcompat.ops.math_extra_ops:reciprocal_no_nan",
    "xdivy": "tfcompat.ops.math_extra_ops:xdivy",
    "xlog1py": "tfcompat.ops.math_extra_ops:xlog1py",
    "xlogy": "tfcompat.ops.math_extra_ops:xlogy",
    "softsign": "tfcompat.ops.nn_activation_ops:softsign",
    "l2_normalize": "tfcompat.ops.nn_extra_ops:l2_normalize",
    "zero_fraction": "tfcompat.ops.nn_extra_ops:zero_fraction",
    "cumulative_logsumexp": "tfcompat.ops.reduction_extra_ops:cumulative_logsumexp",
    "polyval": "tfcompat.ops.reduction_extra_ops:polyval",
    "reduce_euclidean_norm": "tfcompat.ops.reduction_extra_ops:reduce_euclidean_norm",
    "reduce_std": "tfcompat.ops.reduction_extra_ops:reduce_std",
    "reduce_variance": "tfcompat.ops.reduction_extra_ops:reduce_variance",
    "approx_max_k": "tfcompat.ops.sort_ops:approx_max_k",
    "approx_min_k": "tfcompat.ops.sort_ops:approx_min_k",
    "in_top_k": "tfcompat.ops.sort_ops:in_top_k",
    "top_k": "tfcompat.ops.sort_ops:top_k",
    "bessel_i0": "tfcompat.ops.special_math_ops:bessel_i0",
    "bessel_i0e": "tfcompat.ops.special_math_ops:bessel_i0e",
    "bessel_i1": "tfcompat.ops.special_math_ops:bessel_i1",
    "bessel_i1e": "tfcompat.ops.special_math_ops:bessel_i1e",
    "erfcinv": "tfcompat.ops.special_math_ops:erfcinv",
    "erfinv": "tfcompat.ops.special_math_ops:erfinv",
    "ndtri": "tfcompat.ops.special_math_ops:ndtri",
    "special": "tfcompat.math_special",
    "sobol_sample": "tfcompat.ops.sobol_ops:sobol_sample",
})
