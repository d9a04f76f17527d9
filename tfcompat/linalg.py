# ruff: noqa: F401
"""``tf.linalg``: linear algebra, including the LinearOperator classes."""

from tfcompat.ops.clip_ops import global_norm
from tfcompat.ops.einsum_ops import einsum, tensordot
from tfcompat.ops.linalg.decomposition_ops import logm, lu, svd
from tfcompat.ops.linalg.decomposition_ops import matrix_square_root as sqrtm
from tfcompat.ops.linalg.decomposition_ops import self_adjoint_eig as eigh
from tfcompat.ops.linalg.decomposition_ops import self_adjoint_eigvals as eigvalsh
from tfcompat.ops.linalg.dense_ops import cholesky
from tfcompat.ops.linalg.dense_ops import log_matrix_determinant as slogdet
from tfcompat.ops.linalg.dense_ops import matrix_determinant as det
from tfcompat.ops.linalg.dense_ops import matrix_inverse as inv
from tfcompat.ops.linalg.dense_ops import matrix_solve as solve
from tfcompat.ops.linalg.linalg_impl import (
    adjoint,
    cholesky_solve,
    eigh_tridiagonal,
    expm,
    logdet,
    lu_matrix_inverse,
    lu_reconstruct,
    lu_solve,
    matrix_rank,
    matrix_transpose,
    matvec,
    norm,
    normalize,
    pinv,
    triangular_solve,
)
from tfcompat.ops.linalg.linalg_impl import matrix_solve_ls as lstsq
from tfcompat.ops.linalg.linalg_impl import matrix_transpose as transpose
from tfcompat.ops.linalg.tridiagonal_ops import cross, tridiagonal_matmul, tridiagonal_solve
from tfcompat.ops.linalg_ops import diag as tensor_diag
from tfcompat.ops.linalg_ops import diag_part as tensor_diag_part
from tfcompat.ops.linalg_ops import qr
from tfcompat.ops.math_ops import matmul
from tfcompat.ops.matrix_diag_ops import eye, trace
from tfcompat.ops.matrix_diag_ops import matrix_band_part as band_part
from tfcompat.ops.matrix_diag_ops import matrix_diag as diag
from tfcompat.ops.matrix_diag_ops import matrix_diag_part as diag_part
from tfcompat.ops.matrix_diag_ops import matrix_set_diag as set_diag
from tfcompat.ops.nn_extra_ops import l2_normalize
from tfcompat.platform.unsupported import make_getattr

__getattr__ = make_getattr("tf.linalg", __name__)


# ---- linop (issue 9): the LinearOperator classes and tf.linalg.experimental
# isort: split
from tfcompat import linalg_experimental as experimental  # noqa: E402
from tfcompat.ops.linalg.linear_operator import (  # noqa: E402
    LinearOperator,
    LinearOperatorAdjoint,
    LinearOperatorBlockDiag,
    LinearOperatorBlockLowerTriangular,
    LinearOperatorCirculant,
    LinearOperatorCirculant2D,
    LinearOperatorCirculant3D,
    LinearOperatorComposition,
    LinearOperatorDiag,
    LinearOperatorFullMatrix,
    LinearOperatorHouseholder,
    LinearOperatorIdentity,
    LinearOperatorInversion,
    LinearOperatorKronecker,
    LinearOperatorLowerTriangular,
    LinearOperatorLowRankUpdate,
    LinearOperatorPermutation,
    LinearOperatorScaledIdentity,
    LinearOperatorToeplitz,
    LinearOperatorTridiag,
    LinearOperatorZeros,
)
