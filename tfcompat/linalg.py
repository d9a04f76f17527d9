# ruff: noqa: F401
"""``tf.linalg``: linear algebra, including the LinearOperator classes."""

from tfcompat.platform.lazy_loader import make_lazy_namespace as _make_lazy_namespace
from tfcompat.platform.unsupported import make_getattr

# Every name loads its module on first access (tfcompat/platform/lazy_loader.py), so that
# the namespace costs nothing until a program uses it (issue 13).
_LAZY: dict[str, str] = {}
_LAZY.update({
    "global_norm": "tfcompat.ops.clip_ops:global_norm",
    "einsum": "tfcompat.ops.einsum_ops:einsum",
    "tensordot": "tfcompat.ops.einsum_ops:tensordot",
    "logm": "tfcompat.ops.linalg.decomposition_ops:logm",
    "lu": "tfcompat.ops.linalg.decomposition_ops:lu",
    "svd": "tfcompat.ops.linalg.decomposition_ops:svd",
    "sqrtm": "tfcompat.ops.linalg.decomposition_ops:matrix_square_root",
    "eigh": "tfcompat.ops.linalg.decomposition_ops:self_adjoint_eig",
    "eigvalsh": "tfcompat.ops.linalg.decomposition_ops:self_adjoint_eigvals",
    "cholesky": "tfcompat.ops.linalg.dense_ops:cholesky",
    "slogdet": "tfcompat.ops.linalg.dense_ops:log_matrix_determinant",
    "det": "tfcompat.ops.linalg.dense_ops:matrix_determinant",
    "inv": "tfcompat.ops.linalg.dense_ops:matrix_inverse",
    "solve": "tfcompat.ops.linalg.dense_ops:matrix_solve",
    "adjoint": "tfcompat.ops.linalg.linalg_impl:adjoint",
    "cholesky_solve": "tfcompat.ops.linalg.linalg_impl:cholesky_solve",
    "eigh_tridiagonal": "tfcompat.ops.linalg.linalg_impl:eigh_tridiagonal",
    "expm": "tfcompat.ops.linalg.linalg_impl:expm",
    "logdet": "tfcompat.ops.linalg.linalg_impl:logdet",
    "lu_matrix_inverse": "tfcompat.ops.linalg.linalg_impl:lu_matrix_inverse",
    "lu_reconstruct": "tfcompat.ops.linalg.linalg_impl:lu_reconstruct",
    "lu_solve": "tfcompat.ops.linalg.linalg_impl:lu_solve",
    "matrix_rank": "tfcompat.ops.linalg.linalg_impl:matrix_rank",
    "matrix_transpose": "tfcompat.ops.linalg.linalg_impl:matrix_transpose",
    "matvec": "tfcompat.ops.linalg.linalg_impl:matvec",
    "norm": "tfcompat.ops.linalg.linalg_impl:norm",
    "normalize": "tfcompat.ops.linalg.linalg_impl:normalize",
    "pinv": "tfcompat.ops.linalg.linalg_impl:pinv",
    "triangular_solve": "tfcompat.ops.linalg.linalg_impl:triangular_solve",
    "lstsq": "tfcompat.ops.linalg.linalg_impl:matrix_solve_ls",
    "transpose": "tfcompat.ops.linalg.linalg_impl:matrix_transpose",
    "cross": "tfcompat.ops.linalg.tridiagonal_ops:cross",
    "tridiagonal_matmul": "tfcompat.ops.linalg.tridiagonal_ops:tridiagonal_matmul",
    "tridiagonal_solve": "tfcompat.ops.linalg.tridiagonal_ops:tridiagonal_solve",
    "tensor_diag": "tfcompat.ops.linalg_ops:diag",
    "tensor_diag_part": "tfcompat.ops.linalg_ops:diag_part",
    "qr": "tfcompat.ops.linalg_ops:qr",
    "matmul": "tfcompat.ops.math_ops:matmul",
    "eye": "tfcompat.ops.matrix_diag_ops:eye",
    "trace": "tfcompat.ops.matrix_diag_ops:trace",
    "band_part": "tfcompat.ops.matrix_diag_ops:matrix_band_part",
    "diag": "tfcompat.ops.matrix_diag_ops:matrix_diag",
    "diag_part": "tfcompat.ops.matrix_diag_ops:matrix_diag_part",
    "set_diag": "tfcompat.ops.matrix_diag_ops:matrix_set_diag",
    "l2_normalize": "tfcompat.ops.nn_extra_ops:l2_normalize",
})

__getattr__, __dir__ = _make_lazy_namespace(__name__, _LAZY, make_getattr("tf.linalg", __name__))


# ---- linop (issue 9): the LinearOperator classes and tf.linalg.experimental
_LAZY.update({
    "experimental": "tfcompat.linalg_experimental",
    "LinearOperator": "tfcompat.ops.linalg.linear_operator:LinearOperator",
    "LinearOperatorAdjoint": "tfcompat.ops.linalg.linear_operator:LinearOperatorAdjoint",
    "LinearOperatorBlockDiag": "tfcompat.ops.linalg.linear_operator:LinearOperatorBlockDiag",
    "LinearOperatorBlockLowerTriangular":
        "tfcompat.ops.linalg.linear_operator:LinearOperatorBlockLowerTriangular",
    "LinearOperatorCirculant": "tfcompat.ops.linalg.linear_operator:LinearOperatorCirculant",
    "LinearOperatorCirculant2D": "tfcompat.ops.linalg.linear_operator:LinearOperatorCirculant2D",
    "LinearOperatorCirculant3D": "tfcompat.ops.linalg.linear_operator:LinearOperatorCirculant3D",
    "LinearOperatorComposition": "tfcompat.ops.linalg.linear_operator:LinearOperatorComposition",
    "LinearOperatorDiag": "tfcompat.ops.linalg.linear_operator:LinearOperatorDiag",
    "LinearOperatorFullMatrix": "tfcompat.ops.linalg.linear_operator:LinearOperatorFullMatrix",
    "LinearOperatorHouseholder": "tfcompat.ops.linalg.linear_operator:LinearOperatorHouseholder",
    "LinearOperatorIdentity": "tfcompat.ops.linalg.linear_operator:LinearOperatorIdentity",
    "LinearOperatorInversion": "tfcompat.ops.linalg.linear_operator:LinearOperatorInversion",
    "LinearOperatorKronecker": "tfcompat.ops.linalg.linear_operator:LinearOperatorKronecker",
    "LinearOperatorLowerTriangular":
        "tfcompat.ops.linalg.linear_operator:LinearOperatorLowerTriangular",
    "LinearOperatorLowRankUpdate":
        "tfcompat.ops.linalg.linear_operator:LinearOperatorLowRankUpdate",
    "LinearOperatorPermutation": "tfcompat.ops.linalg.linear_operator:LinearOperatorPermutation",
    "LinearOperatorScaledIdentity":
        "tfcompat.ops.linalg.linear_operator:LinearOperatorScaledIdentity",
    "LinearOperatorToeplitz": "tfcompat.ops.linalg.linear_operator:LinearOperatorToeplitz",
    "LinearOperatorTridiag": "tfcompat.ops.linalg.linear_operator:LinearOperatorTridiag",
    "LinearOperatorZeros": "tfcompat.ops.linalg.linear_operator:LinearOperatorZeros",
})
