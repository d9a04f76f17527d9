"""The math op family, one module per seam: unary, binary, cast & matmul, n-ary and sequences,
reductions, and Python operators on Tensor. ``tfcompat.ops.math_ops`` re-exports them all."""
