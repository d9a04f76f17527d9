# The operator algebra: the class and name of adjoint(), inverse(), cholesky(), and of the
# operator that matmul / solve return for every pair of operator kinds; then the values of
# the structured results against dense products.
L = tf.linalg
PD = dict(is_positive_definite=True, is_self_adjoint=True, is_non_singular=True)


def diag(values):
    return L.LinearOperatorDiag(values, is_positive_definite=True)


def full(scale=1.0, **hints):
    return L.LinearOperatorFullMatrix(np.eye(2, dtype=np.float32) * scale, **hints)


def ops():
    return {
        "diag": diag([1.0, 2.0]),
        "scaled": L.LinearOperatorScaledIdentity(2, 2.0, is_positive_definite=True),
        "ident": L.LinearOperatorIdentity(2),
        "full": full(2.0, **PD),
        "tril": L.LinearOperatorLowerTriangular([[1.0, 0.0], [2.0, 3.0]], is_non_singular=True),
        "circ": L.LinearOperatorCirculant(np.array([3.0, 1.0], np.float32),
                                          input_output_dtype=tf.float32,
                                          is_positive_definite=True),
        "zeros": L.LinearOperatorZeros(2),
        "bd": L.LinearOperatorBlockDiag([diag([1.0]), diag([2.0])]),
        "kron": L.LinearOperatorKronecker([diag([1.0]), diag([1.0, 2.0])]),
        "comp": L.LinearOperatorComposition([L.LinearOperatorDiag([1.0, 2.0]), full()]),
        "hh": L.LinearOperatorHouseholder([1.0, 0.0]),
        "perm": L.LinearOperatorPermutation([1, 0]),
        "adj": L.LinearOperatorAdjoint(full()),
        "inv": L.LinearOperatorInversion(full()),
        "lru": L.LinearOperatorLowRankUpdate(diag([1.0, 2.0]), np.ones((2, 1), np.float32)),
        "tri": L.LinearOperatorTridiag(np.ones((3, 2), np.float32)),
        "toep": L.LinearOperatorToeplitz([1.0, 0.5], [1.0, 0.5]),
    }


def describe(build):
    try:
        result = build()
    except Exception as e:  # noqa: BLE001 - the error class is the observation
        return "ERR " + type(e).__name__
    kind = type(result).__name__.replace("LinearOperator", "")
    return kind + (":" + result.name if hasattr(result, "name") else "")


a = ops()
for key, op in a.items():
    print(key, "adj", describe(op.adjoint), "inv", describe(op.inverse),
          "chol", describe(op.cholesky))
for x in a:
    print(x, " ".join(f"{y}={describe(lambda x=x, y=y: a[x].matmul(a[y]))}" for y in a))
for x in a:
    print(x, "solve", " ".join(f"{y}={describe(lambda x=x, y=y: a[x].solve(a[y]))}"
                               for y in ["diag", "scaled", "ident", "full", "circ"]))
pairs = [("diag", "scaled"), ("scaled", "diag"), ("diag", "tril"), ("tril", "diag"),
         ("circ", "circ"), ("full", "zeros"), ("zeros", "kron")]
products = [a[x].matmul(a[y]).to_dense() for x, y in pairs]
expected = [tf.matmul(a[x].to_dense(), a[y].to_dense()) for x, y in pairs]
solves = [a[x].solve(a[y]).to_dense() for x, y in [("diag", "scaled"), ("scaled", "diag"),
                                                  ("circ", "circ"), ("inv", "diag")]]
with tf.Session() as sess:
    for got, want in zip(sess.run(products), sess.run(expected)):
        print(np.array2string(got, precision=4), np.allclose(got, want))
    for val in sess.run(solves):
        print(np.array2string(val, precision=4))
