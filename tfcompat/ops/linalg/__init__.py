"""``tf.linalg`` ops: dense solvers and determinants, decompositions, tridiagonal systems, and
the composite functions built from them."""
