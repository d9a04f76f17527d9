"""The LinearOperator base: hints and their errors, subclassing, dynamic and broadcast
shapes, run-time assertions, derived operators, and the operator algebra."""

import numpy as np
import pytest

import tfcompat as tf

L = tf.linalg


class _UserScaledMatrix(L.LinearOperator):
    """A user subclass implementing only what TF documents as required."""

    def __init__(self, matrix, scale):
        self._matrix = tf.convert_to_tensor(matrix)
        self._scale = scale
        super().__init__(dtype=self._matrix.dtype, is_non_singular=True, name="UserOp")

    def _shape(self):
        return self._matrix.shape

    def _shape_tensor(self):
        return tf.shape(self._matrix)

    def _matmul(self, x, adjoint=False, adjoint_arg=False):
        return self._scale * tf.matmul(self._matrix, x, adjoint_a=adjoint,
                                       adjoint_b=adjoint_arg)


def test_user_subclass_gets_dense_defaults():
    matrix = np.array([[2.0, 1.0], [0.5, 3.0]])
    operator = _UserScaledMatrix(matrix, 2.0)
    dense = 2 * matrix
    rhs = np.array([[1.0], [2.0]])
    with tf.Session() as sess:
        values = sess.run([operator.to_dense(), operator.solve(rhs), operator.determinant(),
                           operator.log_abs_determinant(), operator.trace(),
                           operator.diag_part(), operator.inverse().to_dense(),
                           operator.adjoint().to_dense()])
    np.testing.assert_allclose(values[0], dense)
    np.testing.assert_allclose(values[1], np.linalg.solve(dense, rhs))
    np.testing.assert_allclose(values[2], np.linalg.det(dense))
    np.testing.assert_allclose(values[3], np.log(abs(np.linalg.det(dense))))
    np.testing.assert_allclose(values[4], np.trace(dense))
    np.testing.assert_allclose(values[5], np.diag(dense))
    np.testing.assert_allclose(values[6], np.linalg.inv(dense))
    np.testing.assert_allclose(values[7], dense.T)
    assert operator.to_dense().name == "UserOp/to_dense_1/UserOp/matmul/mul:0"


@pytest.mark.parametrize("build, message", [
    (lambda: L.LinearOperatorDiag([1., 2.], is_positive_definite=True, is_non_singular=False),
     "A positive definite matrix is always non-singular."),
    (lambda: L.LinearOperatorDiag([1., 2.], is_square=False),
     "Only square diagonal operators currently supported."),
    (lambda: L.LinearOperatorDiag([1., 2.], is_self_adjoint=False),
     "A real diagonal operator is always self adjoint."),
    (lambda: L.LinearOperatorFullMatrix(np.ones((2, 3), np.float32), is_non_singular=True,
                                        is_square=False),
     "A non-singular matrix is always square."),
    (lambda: L.LinearOperatorFullMatrix(np.ones((2, 2), np.float32), is_self_adjoint=True,
                                        is_square=False),
     "A self-adjoint matrix is always square."),
    (lambda: L.LinearOperatorZeros(3, is_non_singular=True), "A zero operator is always singular."),
    (lambda: L.LinearOperatorIdentity(3, is_self_adjoint=False),
     "An identity operator is always self adjoint."),
    (lambda: L.LinearOperatorFullMatrix(np.ones(3, np.float32)),
     "Argument `matrix` must have at least 2 dimensions."),
    (lambda: L.LinearOperatorBlockDiag([]), "Expected a non-empty list of operators. Found: []"),
    (lambda: L.LinearOperatorBlockLowerTriangular([[L.LinearOperatorIdentity(2)] * 2]),
     "Argument `operators[0]` must contain `1` blocks. Received: 2 blocks."),
])
def test_inconsistent_hints_and_arguments_raise(build, message):
    with pytest.raises(ValueError) as info:
        build()
    assert str(info.value).startswith(message)


def test_square_hint_false_on_square_shape_raises():
    operator = L.LinearOperatorFullMatrix(np.eye(2, dtype=np.float32), is_square=False)
    with pytest.raises(ValueError, match="User set is_square hint to False"):
        operator.is_square  # noqa: B018


def test_method_preconditions():
    full = L.LinearOperatorFullMatrix(np.eye(3, dtype=np.float32))
    with pytest.raises(TypeError, match="Expected argument to have dtype"):
        full.matmul(tf.ones([3, 2], tf.float64))
    with pytest.raises(ValueError, match="Dimensions 3 and 4 are not compatible"):
        full.matmul(tf.ones([4, 2]))
    with pytest.raises(ValueError, match="Cannot take the Cholesky decomposition"):
        full.cholesky()
    with pytest.raises(NotImplementedError, match="Only self-adjoint matrices"):
        full.eigvals()
    rectangular = L.LinearOperatorFullMatrix(np.ones((2, 3), np.float32))
    with pytest.raises(NotImplementedError, match="Determinant not implemented"):
        rectangular.determinant()
    with pytest.raises(NotImplementedError, match="expected to not be square"):
        rectangular.solve(tf.ones([2, 1]))
    singular = L.LinearOperatorDiag([1., 0.], is_non_singular=False)
    with pytest.raises(NotImplementedError, match="expected to be singular"):
        singular.solve(tf.ones([2, 1]))
    with pytest.raises(ValueError, match="This operator represents a singular matrix"):
        singular.inverse()
    with pytest.raises(TypeError, match="must have dtype in"):
        L.LinearOperatorFullMatrix(np.ones((2, 2), np.int32))
    with pytest.raises(TypeError, match="Argument `perm` must be integer dtype"):
        L.LinearOperatorPermutation([1.0, 0.0])


def test_properties_and_hints():
    diag = L.LinearOperatorDiag([1., 2., 3.])
    assert (diag.is_non_singular, diag.is_self_adjoint, diag.is_positive_definite,
            diag.is_square) == (None, True, None, True)
    assert diag.name == "LinearOperatorDiag"
    assert diag.graph_parents == [diag.diag]
    assert diag.parameters["diag"] == [1., 2., 3.]
    assert diag.tensor_rank == 2 and diag.domain_dimension.value == 3
    assert diag.batch_shape.as_list() == []
    identity = L.LinearOperatorIdentity(3)
    assert (identity.is_non_singular, identity.is_self_adjoint,
            identity.is_positive_definite) == (True, True, True)
    householder = L.LinearOperatorHouseholder([1., 2., 2.])
    assert (householder.is_self_adjoint, householder.is_positive_definite) == (True, False)


def test_dynamic_shapes():
    matrix = tf.placeholder(tf.float64, [None, None, 3])
    operator = L.LinearOperatorFullMatrix(matrix)
    assert operator.shape.as_list() == [None, None, 3]
    assert operator.domain_dimension.value == 3 and operator.range_dimension.value is None
    diag = L.LinearOperatorDiag(tf.placeholder(tf.float64, [None, None]))
    assert diag.shape.as_list() == [None, None, None]
    value = np.arange(18.0).reshape(2, 3, 3) + 5 * np.eye(3)
    diag_value = np.array([[1.0, 2.0], [3.0, 4.0]])
    with tf.Session() as sess:
        shape, dense, diag_dense, batch = sess.run(
            [operator.shape_tensor(), operator.to_dense(), diag.to_dense(),
             diag.batch_shape_tensor()],
            {matrix: value, diag.diag: diag_value})
    assert shape.tolist() == [2, 3, 3]
    np.testing.assert_allclose(dense, value)
    np.testing.assert_allclose(diag_dense, np.eye(2) * diag_value[:, None, :])
    assert batch.tolist() == [2]


def test_batch_shapes_broadcast():
    rng = np.random.RandomState(0)
    a = rng.randn(2, 1, 3, 3) + 4 * np.eye(3)
    x = rng.randn(4, 3, 2)
    operator = L.LinearOperatorFullMatrix(a)
    product = operator.matmul(x)
    solution = operator.solve(x)
    assert product.shape.as_list() == [2, 4, 3, 2]
    assert solution.shape.as_list() == [2, 4, 3, 2]
    composition = L.LinearOperatorComposition([operator, L.LinearOperatorDiag(rng.rand(5, 3))])
    assert composition.batch_shape.as_list() == [2, 5]
    with tf.Session() as sess:
        product_value, solution_value = sess.run([product, solution])
    np.testing.assert_allclose(product_value, a @ x)
    np.testing.assert_allclose(solution_value, np.linalg.solve(a, np.broadcast_to(
        x, (2, 4, 3, 2))))


def test_runtime_assertions():
    singular = L.LinearOperatorDiag([1., 0.])
    regular = L.LinearOperatorDiag([1., 2.])
    not_symmetric = L.LinearOperatorFullMatrix(np.array([[1., 2.], [0., 1.]], np.float32))
    not_pd = L.LinearOperatorFullMatrix(np.array([[1., 2.], [2., 1.]], np.float32),
                                        is_self_adjoint=True)
    with tf.Session() as sess:
        sess.run([regular.assert_non_singular(), regular.assert_positive_definite(),
                  regular.assert_self_adjoint()])
        with pytest.raises(tf.errors.InvalidArgumentError, match="Singular operator"):
            sess.run(singular.assert_non_singular())
        with pytest.raises(tf.errors.InvalidArgumentError, match="not equal to its adjoint"):
            sess.run(not_symmetric.assert_self_adjoint())
        with pytest.raises(tf.errors.InvalidArgumentError):
            sess.run(not_pd.assert_positive_definite())
        with pytest.raises(tf.errors.InvalidArgumentError, match="Singular matrix"):
            sess.run(L.LinearOperatorFullMatrix(np.ones((2, 2))).assert_non_singular())


def test_cholesky_eigvals_cond():
    a = np.array([[4., 2.], [2., 3.]])
    operator = L.LinearOperatorFullMatrix(a, is_self_adjoint=True, is_positive_definite=True)
    factor = operator.cholesky()
    assert isinstance(factor, L.LinearOperatorLowerTriangular)
    diag = L.LinearOperatorDiag([4., 9.], is_positive_definite=True)
    assert isinstance(diag.cholesky(), L.LinearOperatorDiag)
    with tf.Session() as sess:
        values = sess.run([factor.to_dense(), operator.eigvals(), operator.cond(),
                           diag.cholesky().diag, operator.solve(np.eye(2)),
                           operator.determinant()])
    np.testing.assert_allclose(values[0], np.linalg.cholesky(a))
    np.testing.assert_allclose(values[1], np.linalg.eigvalsh(a))
    np.testing.assert_allclose(values[2], np.linalg.cond(a))
    np.testing.assert_allclose(values[3], [2., 3.])
    np.testing.assert_allclose(values[4], np.linalg.inv(a))
    np.testing.assert_allclose(values[5], np.linalg.det(a))


def test_operator_algebra():
    a = L.LinearOperatorDiag([1., 2.])
    b = L.LinearOperatorDiag([3., 4.])
    identity = L.LinearOperatorIdentity(2)
    full = L.LinearOperatorFullMatrix(np.eye(2, dtype=np.float32))
    assert isinstance(a @ b, L.LinearOperatorDiag)
    assert identity.matmul(full) is full
    composition = full.matmul(a)
    assert isinstance(composition, L.LinearOperatorComposition)
    assert composition.name == "LinearOperatorFullMatrix_o_LinearOperatorDiag"
    assert isinstance(full.adjoint(), L.LinearOperatorAdjoint)
    assert full.adjoint().name == "LinearOperatorFullMatrix_adjoint"
    assert full.inverse().name == "LinearOperatorFullMatrix_inv"
    assert full.adjoint().adjoint() is full
    assert isinstance(a.solve(b), L.LinearOperatorDiag)
    with pytest.raises(ValueError, match="Operators are incompatible"):
        a.matmul(L.LinearOperatorIdentity(3))
    with tf.Session() as sess:
        np.testing.assert_allclose(sess.run((a @ b).diag), [3., 8.])
        np.testing.assert_allclose(sess.run(a.solve(b).diag), [3., 2.])


def test_conjugate_gradient():
    rng = np.random.RandomState(1)
    m = rng.randn(4, 4)
    a = m @ m.T + 4 * np.eye(4)
    rhs = rng.randn(4)
    operator = L.LinearOperatorFullMatrix(a, is_self_adjoint=True, is_positive_definite=True)
    result = L.experimental.conjugate_gradient(operator, rhs, tol=1e-10, max_iter=50)
    preconditioned = L.experimental.conjugate_gradient(
        operator, rhs, preconditioner=L.LinearOperatorDiag(1 / np.diag(a),
                                                           is_positive_definite=True),
        tol=1e-10, max_iter=50)
    with tf.Session() as sess:
        state, other = sess.run([result, preconditioned])
    np.testing.assert_allclose(state.x, np.linalg.solve(a, rhs), rtol=1e-8)
    np.testing.assert_allclose(other.x, np.linalg.solve(a, rhs), rtol=1e-8)
    assert 1 <= state.i <= 5
    with pytest.raises(ValueError, match="Expected a self-adjoint, positive definite"):
        L.experimental.conjugate_gradient(L.LinearOperatorFullMatrix(a), rhs)


def test_module_surface_finds_variables_and_submodules():
    m = tf.Variable(np.eye(2, dtype=np.float32), name="m")
    w = tf.Variable([1.0, 2.0], name="w", trainable=False)
    full = L.LinearOperatorFullMatrix(m)
    composition = L.LinearOperatorComposition([full, L.LinearOperatorDiag(w)])
    assert [v.name for v in composition.variables] == ["m:0", "w:0"]
    assert [v.name for v in composition.trainable_variables] == ["m:0"]
    assert [v.name for v in composition.non_trainable_variables] == ["w:0"]
    assert [type(s).__name__ for s in composition.submodules] == [
        "LinearOperatorFullMatrix", "LinearOperatorDiag"]
    with composition.name_scope:
        assert tf.constant(1.0).name == "LinearOperatorFullMatrix_o_LinearOperatorDiag/Const:0"


def test_identity_with_dynamic_size_and_shape_assertions():
    n = tf.placeholder(tf.int32, [])
    x = tf.placeholder(tf.float32, [None, 2])
    identity = L.LinearOperatorIdentity(n, assert_proper_shapes=True)
    scaled = L.LinearOperatorScaledIdentity(n, 3.0, assert_proper_shapes=True)
    assert identity.shape.as_list() == [None, None]
    ts = [identity.to_dense(), identity.matmul(x), scaled.matmul(x), identity.shape_tensor(),
          identity.trace()]
    value = np.ones((3, 2), np.float32)
    with tf.Session() as sess:
        dense, product, scaled_product, shape, trace = sess.run(ts, {n: 3, x: value})
        np.testing.assert_allclose(dense, np.eye(3))
        np.testing.assert_allclose(product, value)
        np.testing.assert_allclose(scaled_product, 3 * value)
        assert shape.tolist() == [3, 3] and trace == 3
        with pytest.raises(tf.errors.InvalidArgumentError):
            sess.run(identity.matmul(x), {n: 4, x: value})
        with pytest.raises(tf.errors.InvalidArgumentError):
            sess.run(identity.to_dense(), {n: -1})
