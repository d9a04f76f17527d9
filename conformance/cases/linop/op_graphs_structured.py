# The whole op graph (name and type of every op) of the structured operators' methods whose
# internals tfcompat builds as TF does.
L = tf.linalg
g = tf.get_default_graph()
x3 = tf.ones([3, 2])
v3 = tf.ones([3])
BUILDERS = {
    "householder": lambda: L.LinearOperatorHouseholder([1.0, 2.0, 2.0]),
    "permutation": lambda: L.LinearOperatorPermutation([2, 0, 1]),
    "tridiag": lambda: L.LinearOperatorTridiag(
        np.array([[1.0, 2.0, 0.0], [4.0, 5.0, 6.0], [0.0, 7.0, 8.0]], np.float32)),
    "circulant": lambda: L.LinearOperatorCirculant(np.array([3.0, 1.0, 1.0], np.float32),
                                                   input_output_dtype=tf.float32),
    "low_rank": lambda: L.LinearOperatorLowRankUpdate(L.LinearOperatorDiag([1.0, 2.0, 3.0]),
                                                      np.ones((3, 1), np.float32)),
    "scaled": lambda: L.LinearOperatorScaledIdentity(3, 2.0),
}
METHODS = {
    "householder": "determinant log_abs_determinant cond assert_non_singular "
                   "assert_self_adjoint shape_tensor adjoint inverse",
    "permutation": "determinant log_abs_determinant trace diag_part to_dense add_to_tensor "
                   "cond assert_non_singular adjoint inverse",
    "tridiag": "trace diag_part shape_tensor",
    "circulant": "determinant log_abs_determinant trace cond eigvals assert_non_singular "
                 "assert_self_adjoint assert_positive_definite",
    "low_rank": "matmul matvec trace diag_part to_dense add_to_tensor cond eigvals "
                "assert_self_adjoint",
    "scaled": "diag_part add_to_tensor cond eigvals assert_self_adjoint",
}
for name, methods in METHODS.items():
    start = len(g.get_operations())
    op = BUILDERS[name]()
    print(name, [(o.name, o.type) for o in g.get_operations()[start:]])
    for method in methods.split():
        start = len(g.get_operations())
        if method == "matmul":
            result = op.matmul(x3)
        elif method == "matvec":
            result = op.matvec(v3)
        elif method == "add_to_tensor":
            result = op.add_to_tensor(tf.zeros([3, 3]))
        else:
            result = getattr(op, method)()
        label = result.name if hasattr(result, "name") else type(result).__name__
        print(" ", method, label)
        for o in g.get_operations()[start:]:
            print("   ", o.name, o.type)
