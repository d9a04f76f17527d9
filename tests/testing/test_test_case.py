"""tf.test.TestCase: sessions, graphs and assertion messages, as recorded on TensorFlow 2.21."""

from __future__ import annotations

import os
import random
import unittest

import numpy as np
import pytest

import tfcompat as tf
from tfcompat import testing
from tfcompat.client import session as session_lib
from tfcompat.framework import errors, ops


@pytest.fixture
def case():
    # Defined here rather than at module level, where pytest would collect it as a test class.
    class Case(testing.TestCase):
        def runTest(self):
            pass

    test = Case()
    test.setUp()
    yield test
    test.tearDown()


def failure(fn, *args, **kwargs) -> str:
    with pytest.raises(AssertionError) as info:
        fn(*args, **kwargs)
    return str(info.value)


def test_setup_gives_a_fresh_graph_and_tf_test_seeds(case):
    tf.constant(1.0)
    case.setUp()
    assert ops.get_default_graph().get_operations() == []
    assert ops.get_default_graph().seed == 87654321
    # The values TF's setUp leaves numpy and Python's random module at.
    assert np.random.rand() == 0.18463433217903202
    assert random.random() == 0.3499765785632496


def test_sessions(case):
    with case.session() as first:
        assert isinstance(first, session_lib.Session)
        assert session_lib.get_default_session() is first
        assert first.graph is ops.get_default_graph()
    with case.session() as second:
        assert second is not first
    with case.cached_session() as cached:
        pass
    with case.cached_session() as again:
        assert again is cached
    with case.test_session() as deprecated:
        assert deprecated is cached
    graph = tf.Graph()
    with case.session(graph=graph) as on_graph:
        assert on_graph.graph is graph and ops.get_default_graph() is graph
    with pytest.raises(ValueError, match="^The graph used to get the cached session is different"):
        with case.cached_session(graph=graph):
            pass


def test_evaluate(case):
    x = tf.constant([1.0, 2.0])
    result = case.evaluate({"a": x, "b": [x * 2]})
    assert result["a"].dtype == np.float32
    np.testing.assert_array_equal(result["b"][0], [2.0, 4.0])
    with case.session():
        np.testing.assert_array_equal(case.evaluate(x * 3), [3.0, 6.0])


def test_tensors_are_evaluated_by_the_asserts(case):
    case.assertAllClose(tf.constant([1.0]), [1.0])
    case.assertAllEqual(tf.constant([1, 2]), [1, 2])
    case.assertAllGreater(tf.constant([2, 3]), 1)


def test_all_close(case):
    case.assertAllClose([1.0, 2.0], np.array([1.0, 2.0000001]))
    case.assertAllClose([np.nan], [np.nan])
    case.assertAllClose((1.0, [2.0]), (1.0, [2.0]))
    case.assertAllClose([1.0, 2.0], (1.0, 2.0))
    case.assertAllClose([[1.0], [2.0, 3.0]], [[1.0], [2.0, 3.0]])
    case.assertAllClose(100.0, 100.5, rtol=1e-2)
    assert failure(case.assertAllClose, [1.0, 2.0], [1.0, 2.5]).startswith(
        "\nNot equal to tolerance rtol=1e-06, atol=1e-06\n"
        "Mismatched value: a is different from b. \n"
        "not close where = (array([1]),)\n"
        "not close lhs = [2.]\n"
        "not close rhs = [2.5]\n"
        "not close dif = [0.5]\n"
        "not close tol = [3.5e-06]\n"
        "dtype = float64, shape = (2,)\n"
        "Mismatched elements: 1 / 2 (50%)\n")
    assert failure(case.assertAllClose, 1.0, 1.1, msg="custom").startswith(
        "\nNot equal to tolerance rtol=1e-06, atol=1e-06\n"
        "Mismatched value: a is different from b. custom\n"
        "not close lhs = 1.0\n"
        "not close rhs = 1.1\n")
    assert "Mismatched value: a[b] is different from b[b]. \nnot close where = (array([1]),)" in \
        failure(case.assertAllClose, {"a": 1.0, "b": [1, 2]}, {"a": 1.0, "b": [1, 3]})
    assert failure(case.assertAllClose, {"a": 1.0}, {"b": 1.0}).endswith(
        " : mismatched keys: a has keys dict_keys(['a']), but b has keys dict_keys(['b']). ")
    assert failure(case.assertAllClose, [1.0, 2.0], [1.0, 2.0, 3.0]).endswith(
        " : Shape mismatch: expected (2,), got (3,) with contents [1. 2. 3.].")
    with pytest.raises(ValueError, match=r"^Can't compare dict to non-dict, a vs b\. $"):
        case.assertAllClose({"a": 1}, [1])
    with pytest.raises(TypeError) as info:
        case.assertAllClose([True], [False])
    assert str(info.value).endswith(
        " : Error: a[0] has <class 'bool'>, but b[0] has <class 'bool'>. ")
    case.assertNotAllClose([1.0], [2.0])
    assert failure(case.assertNotAllClose, [1.0], [1.0]) == (
        "The two values are close at all elements. ")


def test_all_close_according_to_type(case):
    case.assertAllCloseAccordingToType(np.float16(1.0), np.float16(1.0005))
    case.assertAllCloseAccordingToType(np.array([1.0]), np.array([1.0 + 1e-7]))
    assert "rtol=1e-06, atol=1e-06" in failure(
        case.assertAllCloseAccordingToType, np.float32(1.0), np.float32(1.0005))
    assert "rtol=0.001, atol=0.001" in failure(
        case.assertAllCloseAccordingToType, np.float16(1.0), np.float16(1.01))


def test_all_equal(case):
    case.assertAllEqual([1, 2], np.array([1, 2]))
    case.assertAllEqual([np.nan, 1.0], [np.nan, 1.0])
    assert failure(case.assertAllEqual, [1, 2, 3], [1, 5, 3]).startswith(
        "\nArrays are not equal\n\n"
        "not equal where = (array([1]),)\n"
        "not equal lhs = array([2])\n"
        "not equal rhs = array([5])\n"
        "Mismatched elements: 1 / 3 (33.3%)\n")
    assert failure(case.assertAllEqual, 1, 2).startswith(
        "\nArrays are not equal\n\nnot equal lhs = array(1)\nnot equal rhs = array(2)\n")
    assert failure(case.assertAllEqual, [1, 2], [[1, 2]]).endswith(
        " : Shape mismatch: expected (2,), got (1, 2). Contents: array([[1, 2]]). \n.")


def test_near(case):
    case.assertNear(1.0, 1.05, 0.1)
    assert failure(case.assertNear, 1.0, 1.5, 0.1) == (
        "False is not true : 1.000000 != 1.500000 +/- 0.100000 (difference: 0.5)")
    assert failure(case.assertNear, 1.0, 1.3333, 0.1, msg="m") == (
        "False is not true : 1.000000 != 1.333300 +/- 0.100000 (difference: 0.3333) (m)")
    assert failure(case.assertArrayNear, [1.0, 2.0], [1.0, 2.5], 0.1) == (
        "False is not true : 2.000000 != 2.500000 +/- 0.100000 (difference: 0.5)")
    assert failure(case.assertArrayNear, [1.0, 2.0], [1.0], 0.1) == "2 != 1"
    assert failure(case.assertNDArrayNear, np.array([1.0, 2.0]), np.array([1.0, 2.5]), 0.1) == (
        "np.False_ is not true")


def test_comparisons(case):
    case.assertAllGreater([2, 3], 1)
    case.assertAllInRange([0, 4], 0, 4)
    assert failure(case.assertAllGreater, [1, 2], 1) == "np.int64(1) not greater than 1"
    assert failure(case.assertAllLess, np.array([1, 2]), 2) == "np.int64(2) not less than 2"
    assert failure(case.assertAllGreaterEqual, [1, 2], 2) == (
        "np.int64(1) not greater than or equal to 2")
    assert failure(case.assertAllLessEqual, [1, 3], 2) == (
        "np.int64(3) not less than or equal to 2")
    assert failure(case.assertAllInRange, [1, 5], 0, 4) == (
        "1 of the 2 element(s) are outside the range [0, 4]. Subscript(s) and value(s) of the "
        "offending elements:\n  [1] : 5")
    assert failure(case.assertAllInRange, [0, 1], 0, 4, open_lower_bound=True) == (
        "1 of the 2 element(s) are outside the range (0, 4]. Subscript(s) and value(s) of the "
        "offending elements:\n  [0] : 0")
    assert failure(case.assertAllInSet, [1, 2, 7], [1, 2]) == (
        "1 unique element(s) are not in the set [1, 2]: [7]")


def test_shapes_and_devices(case):
    case.assertShapeEqual(np.zeros((2, 3)), tf.zeros([2, 3]))
    case.assertShapeEqual(np.zeros((2, 3)), np.zeros((2, 3)))
    assert "not equal lhs = array([2, 3])\nnot equal rhs = array([3, 2])" in failure(
        case.assertShapeEqual, np.zeros((2, 3)), tf.zeros([3, 2]))
    with pytest.raises(TypeError, match=r"^input_a must be a Numpy ndarray, Numpy scalar, or a "
                                        r"Tensor\.Instead received <class 'list'>$"):
        case.assertShapeEqual([1, 2], tf.zeros([2]))
    case.assertDeviceEqual("/cpu:0", "/device:CPU:0")
    assert failure(case.assertDeviceEqual, "/cpu:0", "/gpu:0") == (
        "Devices /device:CPU:0 and /device:GPU:0 are not equal. None:\n"
        "- /device:CPU:0\n?         ^\n+ /device:GPU:0\n?         ^\n")


def test_raises_op_error(case):
    with case.assertRaisesOpError("must be"):
        raise errors.InvalidArgumentError(None, None, "x must be positive")
    for body, expected in [
        (lambda: (_ for _ in ()).throw(errors.InvalidArgumentError(None, None, "x must be")),
         "Exception of type <class 'tfcompat.framework.errors.InvalidArgumentError'>: x must be"),
        (lambda: None, "Exception of type <class 'AssertionError'>: OpError not raised"),
        (lambda: (_ for _ in ()).throw(ValueError("zzz")),
         "Exception of type <class 'ValueError'>: zzz"),
    ]:
        def run(body=body):
            with case.assertRaisesOpError("zzz"):
                body()
        assert failure(run) == expected
    with case.assertRaisesWithPredicateMatch(ValueError, lambda e: "boom" in str(e)):
        raise ValueError("boom")


def test_failing_op_error_names_the_op(case):
    p = tf.placeholder(tf.float32, name="p")
    with case.session() as sess:
        with case.assertRaisesOpError("Caused by: p$"):
            sess.run(p)


def test_temp_dirs(case):
    path = case.get_temp_dir()
    assert path == case.get_temp_dir() and os.path.isdir(path)
    assert os.path.dirname(path) == testing.get_temp_dir()


def test_absl_assertions(case):
    case.assertItemsEqual([1, 2], [2, 1])
    assert failure(case.assertLen, [1, 2], 3) == "[1, 2] has length of 2, expected 3."
    assert failure(case.assertEmpty, [1]) == "[1] has length of 1."
    assert failure(case.assertNotEmpty, []) == "[] has length of 0."
    assert failure(case.assertStartsWith, "abc", "b") == "'abc' does not start with 'b'"
    assert failure(case.assertEndsWith, "abc", "b") == "'abc' does not end with 'b'"


def test_test_session_is_skipped_when_collected_as_a_test():
    class Collected(testing.TestCase):
        pass

    result = unittest.TestResult()
    unittest.defaultTestLoader.loadTestsFromTestCase(Collected).run(result)
    assert result.testsRun == 1
    assert [(test.id().rsplit(".", 1)[-1], reason) for test, reason in result.skipped] == [
        ("test_session", "Not a test.")]
