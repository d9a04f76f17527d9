"""``tf.math``: elementwise math, comparisons and reductions."""

from tfcompat.ops.array_ops import unique
from tfcompat.ops.math_ops import (
    abs,
    add,
    add_n,
    argmax,
    argmin,
    ceil,
    cos,
    div_no_nan,
    divide,
    equal,
    exp,
    expm1,
    floor,
    floordiv,
    floormod,
    greater,
    greater_equal,
    is_finite,
    is_inf,
    is_nan,
    less,
    less_equal,
    log,
    log1p,
    logical_and,
    logical_not,
    logical_or,
    logical_xor,
    maximum,
    minimum,
    multiply,
    negative,
    not_equal,
    pow,
    reciprocal,
    reduce_all,
    reduce_any,
    reduce_logsumexp,
    reduce_max,
    reduce_mean,
    reduce_min,
    reduce_prod,
    reduce_sum,
    round,
    rsqrt,
    sigmoid,
    sign,
    sin,
    sqrt,
    square,
    squared_difference,
    subtract,
    tanh,
    truediv,
)
from tfcompat.ops.math_ops import floormod as mod
from tfcompat.ops.math_ops import real_div as realdiv
from tfcompat.ops.nn_ops import log_softmax, softmax, softplus
from tfcompat.ops.slicing_ops import cumprod, cumsum, unsorted_segment_sum
from tfcompat.platform.unsupported import make_getattr

__getattr__ = make_getattr("tf.math", __name__)


# ---- numeric (issue 9)
# isort: split
from tfcompat.ops.array_ops import invert_permutation  # noqa: E402
from tfcompat.ops.check_ops import is_non_decreasing, is_strictly_increasing  # noqa: E402
from tfcompat.ops.count_ops import bincount, confusion_matrix  # noqa: E402
from tfcompat.ops.math_extra_ops import (  # noqa: E402
    acos,
    acosh,
    angle,
    asin,
    asinh,
    atan,
    atan2,
    atanh,
    conj,
    cosh,
    divide_no_nan,
    imag,
    multiply_no_nan,
    nextafter,
    real,
    reciprocal_no_nan,
    rint,
    sinh,
    tan,
    xdivy,
    xlog1py,
    xlogy,
)
from tfcompat.ops.math_ops import scalar_mul  # noqa: E402
from tfcompat.ops.nn_activation_ops import softsign  # noqa: E402
from tfcompat.ops.nn_extra_ops import l2_normalize, zero_fraction  # noqa: E402
from tfcompat.ops.reduction_extra_ops import (  # noqa: E402
    accumulate_n,
    count_nonzero,
    cumulative_logsumexp,
    polyval,
    reduce_euclidean_norm,
    reduce_std,
    reduce_variance,
)
from tfcompat.ops.segment_ops import (  # noqa: E402
    segment_max,
    segment_mean,
    segment_min,
    segment_prod,
    segment_sum,
    unsorted_segment_max,
    unsorted_segment_mean,
    unsorted_segment_min,
    unsorted_segment_prod,
    unsorted_segment_sqrt_n,
)
from tfcompat.ops.sort_ops import approx_max_k, approx_min_k, in_top_k, top_k  # noqa: E402
from tfcompat.ops.special_math_ops import (  # noqa: E402
    bessel_i0,
    bessel_i0e,
    bessel_i1,
    bessel_i1e,
    betainc,
    digamma,
    erf,
    erfc,
    erfcinv,
    erfinv,
    igamma,
    igammac,
    lbeta,
    lgamma,
    log_sigmoid,
    ndtri,
    polygamma,
    zeta,
)

# ---- numeric (issue 9, tf.math.special)
# isort: split
from tfcompat import math_special as special  # noqa: E402, F401
from tfcompat.ops.sobol_ops import sobol_sample  # noqa: E402, F401
