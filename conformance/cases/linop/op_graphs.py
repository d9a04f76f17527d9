# The whole op graph (name and type of every op) each method builds, for the operators whose
# internals tfcompat builds as TF does.
L = tf.linalg
g = tf.get_default_graph()
x3 = tf.ones([3, 2])
v3 = tf.ones([3])


def build(name):
    return {
        "diag": lambda: L.LinearOperatorDiag([1.0, 2.0, 3.0]),
        "full": lambda: L.LinearOperatorFullMatrix(np.eye(3, dtype=np.float32) * 2),
        "spd": lambda: L.LinearOperatorFullMatrix(np.eye(3, dtype=np.float32) * 2,
                                                  is_self_adjoint=True,
                                                  is_positive_definite=True),
        "tril": lambda: L.LinearOperatorLowerTriangular(
            np.tril(np.ones((3, 3), np.float32)) + np.eye(3, dtype=np.float32)),
        "ident": lambda: L.LinearOperatorIdentity(3),
        "bident": lambda: L.LinearOperatorIdentity(3, batch_shape=[2]),
        "scaled": lambda: L.LinearOperatorScaledIdentity(3, 2.0),
        "zeros": lambda: L.LinearOperatorZeros(3),
    }[name]()


METHODS = {
    "diag": "matmul matvec solve solvevec determinant log_abs_determinant trace diag_part "
            "to_dense add_to_tensor cond eigvals assert_non_singular assert_self_adjoint "
            "assert_positive_definite shape_tensor batch_shape_tensor adjoint inverse",
    "full": "matmul matvec solve solvevec determinant log_abs_determinant trace diag_part "
            "to_dense add_to_tensor cond assert_self_adjoint shape_tensor batch_shape_tensor "
            "adjoint inverse",
    "spd": "solve determinant log_abs_determinant cond eigvals cholesky "
           "assert_positive_definite",
    "tril": "matmul solve determinant log_abs_determinant trace diag_part to_dense cond "
            "assert_non_singular",
    "ident": "matmul matvec solve determinant log_abs_determinant trace diag_part to_dense "
             "add_to_tensor cond eigvals assert_non_singular assert_self_adjoint "
             "assert_positive_definite cholesky",
    "bident": "matmul solve determinant to_dense trace diag_part",
    "scaled": "matmul matvec solve determinant log_abs_determinant trace to_dense "
              "assert_non_singular assert_positive_definite inverse",
    "zeros": "matmul determinant log_abs_determinant trace diag_part to_dense add_to_tensor",
}
for name, methods in METHODS.items():
    start = len(g.get_operations())
    op = build(name)
    print(name, [(o.name, o.type) for o in g.get_operations()[start:]])
    for method in methods.split():
        start = len(g.get_operations())
        if method in ("matmul", "solve"):
            result = getattr(op, method)(x3)
        elif method in ("matvec", "solvevec"):
            result = getattr(op, method)(v3)
        elif method == "add_to_tensor":
            result = op.add_to_tensor(tf.zeros([3, 3]))
        else:
            result = getattr(op, method)()
        label = result.name if hasattr(result, "name") else type(result).__name__
        print(" ", method, label)
        for o in g.get_operations()[start:]:
            print("   ", o.name, o.type)
