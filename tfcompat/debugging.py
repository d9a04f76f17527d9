# ruff: noqa: F401
"""``tf.debugging``: assertions and numeric checks."""

from tfcompat.ops.check_ops import (
    assert_equal,
    assert_greater,
    assert_greater_equal,
    assert_integer,
    assert_less,
    assert_less_equal,
    assert_near,
    assert_negative,
    assert_non_negative,
    assert_non_positive,
    assert_none_equal,
    assert_positive,
    assert_proper_iterable,
    assert_rank,
    assert_rank_at_least,
    assert_rank_in,
    assert_same_float_dtype,
    assert_scalar,
    assert_shapes,
    assert_type,
    is_non_decreasing,
    is_numeric_tensor,
    is_strictly_increasing,
)
from tfcompat.ops.logging_ops import Assert
from tfcompat.ops.math_ops import is_finite, is_inf, is_nan
from tfcompat.ops.numerics import check_numerics
from tfcompat.ops.numerics import verify_tensor_all_finite as assert_all_finite
from tfcompat.platform.unsupported import make_getattr

# ---- smalls
# isort: split
from tfcompat.platform.debug_switches import (
    disable_traceback_filtering,
    enable_traceback_filtering,
    get_log_device_placement,
    is_traceback_filtering_enabled,
    set_log_device_placement,
)

__getattr__ = make_getattr("tf.debugging", __name__)
