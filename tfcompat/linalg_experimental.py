# ruff: noqa: F401
"""``tf.linalg.experimental``: iterative solvers on LinearOperators."""

from tfcompat.ops.linalg.linear_operator.conjugate_gradient import conjugate_gradient
from tfcompat.platform.unsupported import make_getattr

__getattr__ = make_getattr("tf.linalg.experimental", __name__)
