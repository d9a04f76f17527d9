"""The ``tf.linalg.LinearOperator*`` classes: matrix-free operators built from graph ops, so
every method is differentiable through the ops it builds."""

from tfcompat.ops.linalg.linear_operator.banded import (
    LinearOperatorToeplitz,
    LinearOperatorTridiag,
)
from tfcompat.ops.linalg.linear_operator.base import LinearOperator
from tfcompat.ops.linalg.linear_operator.basic import (
    LinearOperatorDiag,
    LinearOperatorFullMatrix,
    LinearOperatorLowerTriangular,
)
from tfcompat.ops.linalg.linear_operator.block import (
    LinearOperatorBlockDiag,
    LinearOperatorBlockLowerTriangular,
)
from tfcompat.ops.linalg.linear_operator.circulant import (
    LinearOperatorCirculant,
    LinearOperatorCirculant2D,
    LinearOperatorCirculant3D,
)
from tfcompat.ops.linalg.linear_operator.derived import (
    LinearOperatorAdjoint,
    LinearOperatorComposition,
    LinearOperatorInversion,
)
from tfcompat.ops.linalg.linear_operator.identity import (
    LinearOperatorIdentity,
    LinearOperatorScaledIdentity,
    LinearOperatorZeros,
)
from tfcompat.ops.linalg.linear_operator.orthogonal import (
    LinearOperatorHouseholder,
    LinearOperatorPermutation,
)
from tfcompat.ops.linalg.linear_operator.products import (
    LinearOperatorKronecker,
    LinearOperatorLowRankUpdate,
)

__all__ = [
    "LinearOperator", "LinearOperatorAdjoint", "LinearOperatorBlockDiag",
    "LinearOperatorBlockLowerTriangular", "LinearOperatorCirculant",
    "LinearOperatorCirculant2D", "LinearOperatorCirculant3D", "LinearOperatorComposition",
    "LinearOperatorDiag", "LinearOperatorFullMatrix", "LinearOperatorHouseholder",
    "LinearOperatorIdentity", "LinearOperatorInversion", "LinearOperatorKronecker",
    "LinearOperatorLowRankUpdate", "LinearOperatorLowerTriangular", "LinearOperatorPermutation",
    "LinearOperatorScaledIdentity", "LinearOperatorToeplitz", "LinearOperatorTridiag",
    "LinearOperatorZeros",
]
