"""``tf.test.TestCase``: unittest-based test case with TF's graph, session and numeric asserts.

Each test starts with a fresh default graph whose seed, like Python's and numpy's global seeds, is
TF's test seed 87654321, so tests that draw random numbers are repeatable. Failure messages follow
TF's: numpy's assert_allclose/assert_array_equal report, preceded by the mismatching positions.
"""

from __future__ import annotations

import contextlib
import difflib
import math
import random
import re
import tempfile
import unittest
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import numpy as np

from tfcompat.client import session as session_lib
from tfcompat.framework import device as device_lib
from tfcompat.framework import errors, ops
from tfcompat.testing import temp_dirs

DEFAULT_GRAPH_SEED = 87654321

_HALF_TYPES = (np.float16,)


def _path_str(path: list) -> str:
    return "".join(f"[{key}]" for key in path)


def _is_sequence(value: Any) -> bool:
    return isinstance(value, (list, tuple))


class TestCase(unittest.TestCase):
    """Base class for TF1 tests: ``session()``, ``evaluate()`` and array assertions."""

    def __init__(self, methodName: str = "runTest"):
        super().__init__(methodName)
        self._cached_session: session_lib.Session | None = None
        self._cached_graph: ops.Graph | None = None
        self._tempdir: str | None = None

    def setUp(self) -> None:
        """Seeds Python's and numpy's RNGs and installs a fresh default graph with TF's seed."""
        self._close_cached_session()
        random.seed(DEFAULT_GRAPH_SEED)
        np.random.seed(DEFAULT_GRAPH_SEED)
        ops.reset_default_graph()
        ops.get_default_graph().seed = DEFAULT_GRAPH_SEED

    def tearDown(self) -> None:
        self._close_cached_session()

    def _close_cached_session(self) -> None:
        if self._cached_session is not None:
            self._cached_session.close()
        self._cached_session = None
        self._cached_graph = None

    def get_temp_dir(self) -> str:
        """Returns a directory unique to this test, removed when the process exits."""
        if self._tempdir is None:
            self._tempdir = tempfile.mkdtemp(dir=temp_dirs.process_temp_dir())
        return self._tempdir

    # -- sessions

    @contextlib.contextmanager
    def _as_default(self, session: session_lib.Session) -> Iterator[session_lib.Session]:
        with session.graph.as_default(), session.as_default():
            yield session

    @contextlib.contextmanager
    def session(self, graph: ops.Graph | None = None, config=None, use_gpu: bool = True,
                force_gpu: bool = False) -> Iterator[session_lib.Session]:
        """A new Session on ``graph`` (default: the default graph), default inside the block.

        The session is closed when the block exits. ``use_gpu``/``force_gpu`` are accepted for
        compatibility: tfcompat runs everything on the CPU.
        """
        session = session_lib.Session(graph=graph, config=config)
        try:
            with self._as_default(session):
                yield session
        finally:
            session.close()

    @contextlib.contextmanager
    def cached_session(self, graph: ops.Graph | None = None, config=None, use_gpu: bool = True,
                       force_gpu: bool = False) -> Iterator[session_lib.Session]:
        """The Session this test reuses across calls (closed in tearDown), default in the block."""
        graph = ops.get_default_graph() if graph is None else graph
        if self._cached_session is None:
            self._cached_session = session_lib.Session(graph=graph, config=config)
            self._cached_graph = graph
        elif self._cached_graph is not graph:
            raise ValueError("The graph used to get the cached session is different than the "
                             "one that was used to create the session. Maybe create a new "
                             "session with self.session()")
        with self._as_default(self._cached_session):
            yield self._cached_session

    def test_session(self, graph: ops.Graph | None = None, config=None, use_gpu: bool = True,
                     force_gpu: bool = False):
        """Deprecated: the cached session, or a new session when ``graph`` is given.

        Its name starts with ``test``, so test runners collect it as a test: as in TF, that
        run is skipped ("Not a test.").
        """
        if self.id().endswith(".test_session"):
            self.skipTest("Not a test.")
        if graph is None:
            return self.cached_session(config=config)
        return self.session(graph=graph, config=config)

    def evaluate(self, tensors: Any) -> Any:
        """Runs ``tensors`` (any fetch structure) in the default session, or the cached one."""
        session = session_lib.get_default_session()
        if session is None:
            with self.test_session() as session:
                return session.run(tensors)
        return session.run(tensors)

    def _as_ndarray(self, value: Any) -> np.ndarray:
        """The numpy value of a test operand; Tensors and Variables are evaluated first."""
        if isinstance(value, ops.Tensor) or hasattr(value, "_as_graph_element"):
            value = self.evaluate(value)
        return np.array(value)

    # -- closeness

    def _assert_array_like_all_close(self, a: Any, b: Any, rtol: float, atol: float,
                                     msg: str) -> None:
        a, b = self._as_ndarray(a), self._as_ndarray(b)
        self.assertEqual(a.shape, b.shape,
                         f"Shape mismatch: expected {a.shape}, got {b.shape} with contents {b}.")
        if np.allclose(a, b, rtol=rtol, atol=atol, equal_nan=True):
            return
        bad = (np.abs(a - b) > atol + rtol * np.abs(b)) | (np.isnan(a) != np.isnan(b))
        lines = [msg]
        if a.ndim:
            where = np.where(bad)
            lines.append(f"not close where = {where}")
            x, y = a[where], b[where]
        else:
            x, y = a, b
        lines += [f"not close lhs = {x}", f"not close rhs = {y}",
                  f"not close dif = {np.abs(x - y)}", f"not close tol = {atol + rtol * np.abs(y)}",
                  f"dtype = {a.dtype}, shape = {a.shape}"]
        np.testing.assert_allclose(a, b, rtol=rtol, atol=atol, err_msg="\n".join(lines),
                                   equal_nan=True)

    def _assert_all_close_recursive(self, a: Any, b: Any, rtol: float, atol: float, path: list,
                                    msg: str) -> None:
        where = _path_str(path)
        mismatch = f"Mismatched value: a{where} is different from b{where}. {msg}"
        if isinstance(a, Mapping) or isinstance(b, Mapping):
            if not (isinstance(a, Mapping) and isinstance(b, Mapping)):
                raise ValueError(f"Can't compare dict to non-dict, a{where} vs b{where}. {msg}")
            self.assertCountEqual(
                a.keys(), b.keys(),
                msg=f"mismatched keys: a{where} has keys {a.keys()}, but b{where} has keys "
                    f"{b.keys()}. {msg}")
            for key in a:
                self._assert_all_close_recursive(a[key], b[key], rtol, atol, path + [key], msg)
            return
        if _is_sequence(a) or _is_sequence(b):
            try:
                self._assert_array_like_all_close(a, b, rtol, atol, mismatch)
                return
            except (ValueError, TypeError, NotImplementedError):
                pass  # ragged or mixed nesting, or Tensors inside: compare item by item
            if len(a) != len(b):
                self.fail(f"Mismatched length: a{where} has {len(a)} items, but b{where} has "
                          f"{len(b)} items. {msg}")
            for index, (a_item, b_item) in enumerate(zip(a, b)):
                self._assert_all_close_recursive(a_item, b_item, rtol, atol,
                                                 path + [str(index)], msg)
            return
        try:
            self._assert_array_like_all_close(a, b, rtol, atol, mismatch)
        except TypeError as e:
            detail = f"Error: a{where} has {type(a)}, but b{where} has {type(b)}. {msg}"
            e.args = (f"{e.args[0]} : {detail}",) + e.args[1:]
            raise

    def assertAllClose(self, a: Any, b: Any, rtol: float = 1e-6, atol: float = 1e-6,
                       msg: str | None = None) -> None:
        """Asserts that two structures of arrays (or Tensors) are elementwise close.

        ``abs(a - b) <= atol + rtol * abs(b)`` must hold everywhere; NaNs compare equal. Dicts,
        lists and tuples are compared recursively.
        """
        self._assert_all_close_recursive(a, b, rtol, atol, [], "" if msg is None else msg)

    def assertNotAllClose(self, a: Any, b: Any, rtol: float = 1e-6,
                          atol: float = 1e-6, msg: str | None = None) -> None:
        """Asserts that two structures are not all close (see assertAllClose)."""
        try:
            self.assertAllClose(a, b, rtol=rtol, atol=atol, msg=msg)
        except AssertionError:
            return
        raise AssertionError(f"The two values are close at all elements. {msg or ''}")

    def assertAllCloseAccordingToType(
            self, a: Any, b: Any, rtol: float = 1e-6, atol: float = 1e-6,
            float_rtol: float = 1e-6, float_atol: float = 1e-6, half_rtol: float = 1e-3,
            half_atol: float = 1e-3, bfloat16_rtol: float = 1e-2, bfloat16_atol: float = 1e-2,
            msg: str | None = None) -> None:
        """assertAllClose with tolerances widened to the precision of the operands' dtype."""
        a, b = self._as_ndarray(a), self._as_ndarray(b)
        dtypes = (a.dtype, b.dtype)
        if np.float32 in dtypes:
            rtol, atol = max(rtol, float_rtol), max(atol, float_atol)
        if any(dtype in _HALF_TYPES for dtype in dtypes):
            rtol, atol = max(rtol, half_rtol), max(atol, half_atol)
        self.assertAllClose(a, b, rtol=rtol, atol=atol, msg=msg)

    def assertNear(self, f1: float, f2: float, err: float,
                   msg: str | None = None) -> None:
        """Asserts that ``abs(f1 - f2) <= err``."""
        suffix = f" ({msg})" if msg is not None else ""
        self.assertTrue(
            f1 == f2 or math.fabs(f1 - f2) <= err,
            f"{f1:f} != {f2:f} +/- {err:f} (difference: {math.fabs(f1 - f2):g}){suffix}")

    def assertArrayNear(self, farray1, farray2, err: float,
                        msg: str | None = None) -> None:
        """Asserts two float sequences have the same length and are near elementwise."""
        self.assertEqual(len(farray1), len(farray2), msg=msg)
        for f1, f2 in zip(farray1, farray2):
            self.assertNear(float(f1), float(f2), err, msg=msg)

    def assertNDArrayNear(self, ndarray1, ndarray2, err: float,
                          msg: str | None = None) -> None:
        """Asserts that two arrays are elementwise within ``err`` of each other."""
        self.assertTrue(np.linalg.norm(np.asarray(ndarray1) - np.asarray(ndarray2)) <= err, msg)

    # -- equality and comparisons

    def assertAllEqual(self, a: Any, b: Any, msg: str | None = None) -> None:
        """Asserts that two arrays (or Tensors) have the same shape and elements."""
        msg = "" if msg is None else msg
        a, b = self._as_ndarray(a), self._as_ndarray(b)
        self.assertEqual(a.shape, b.shape,
                         f"Shape mismatch: expected {a.shape}, got {b.shape}. Contents: {b!r}. "
                         f"\n{msg}.")
        same = a == b
        if a.dtype.kind in "fc":
            same = np.logical_or(same, np.logical_and(np.isnan(a), np.isnan(b)))
        if np.all(same):
            return
        lines = [msg]
        if a.ndim:
            where = np.where(np.logical_not(same))
            lines.append(f"not equal where = {where}")
            x, y = a[where], b[where]
        else:
            x, y = a, b
        lines += [f"not equal lhs = {x!r}", f"not equal rhs = {y!r}"]
        np.testing.assert_array_equal(a, b, err_msg="\n".join(lines))

    def assertAllGreater(self, a: Any, comparison_target) -> None:
        """Asserts every element of ``a`` is > ``comparison_target``."""
        self.assertGreater(np.min(self._as_ndarray(a)), comparison_target)

    def assertAllGreaterEqual(self, a: Any, comparison_target) -> None:
        """Asserts every element of ``a`` is >= ``comparison_target``."""
        self.assertGreaterEqual(np.min(self._as_ndarray(a)), comparison_target)

    def assertAllLess(self, a: Any, comparison_target) -> None:
        """Asserts every element of ``a`` is < ``comparison_target``."""
        self.assertLess(np.max(self._as_ndarray(a)), comparison_target)

    def assertAllLessEqual(self, a: Any, comparison_target) -> None:
        """Asserts every element of ``a`` is <= ``comparison_target``."""
        self.assertLessEqual(np.max(self._as_ndarray(a)), comparison_target)

    def assertAllInRange(self, target: Any, lower_bound, upper_bound,
                         open_lower_bound: bool = False, open_upper_bound: bool = False) -> None:
        """Asserts every element of ``target`` lies within the (closed by default) bounds."""
        values = self._as_ndarray(target)
        above = values > lower_bound if open_lower_bound else values >= lower_bound
        below = values < upper_bound if open_upper_bound else values <= upper_bound
        outside = np.argwhere(~(above & below))
        if not len(outside):
            return
        left, right = "(" if open_lower_bound else "[", ")" if open_upper_bound else "]"
        lines = [f"{len(outside)} of the {values.size} element(s) are outside the range "
                 f"{left}{lower_bound}, {upper_bound}{right}. Subscript(s) and value(s) of the "
                 "offending elements:"]
        lines += [f"  {list(index)} : {values[tuple(index)]}" for index in outside.tolist()]
        self.fail("\n".join(lines))

    def assertAllInSet(self, target: Any, expected_set) -> None:
        """Asserts every element of ``target`` is in ``expected_set``."""
        missing = np.setdiff1d(self._as_ndarray(target), list(expected_set))
        if missing.size:
            self.fail(f"{missing.size} unique element(s) are not in the set {expected_set}: "
                      f"{missing}")

    def assertShapeEqual(self, input_a, input_b, msg: str | None = None) -> None:
        """Asserts two numpy arrays or Tensors have the same (static) shape."""
        shapes = []
        for name, value in (("input_a", input_a), ("input_b", input_b)):
            if isinstance(value, ops.Tensor):
                shapes.append(value.get_shape().as_list())
            elif isinstance(value, (np.ndarray, np.generic)):
                shapes.append(list(value.shape))
            else:
                raise TypeError(f"{name} must be a Numpy ndarray, Numpy scalar, or a Tensor."
                                f"Instead received {type(value)}")
        self.assertAllEqual(shapes[0], shapes[1], msg=msg)

    def assertDeviceEqual(self, device1, device2, msg: str | None = None) -> None:
        """Asserts two device strings name the same device once canonicalized."""
        device1 = device_lib.canonical_name(device1)
        device2 = device_lib.canonical_name(device2)
        if device1 != device2:
            diff = "".join(difflib.ndiff([device1 + "\n"], [device2 + "\n"]))
            self.fail(f"Devices {device1} and {device2} are not equal. {msg}:\n{diff}")

    # -- errors

    @contextlib.contextmanager
    def assertRaisesWithPredicateMatch(
            self, exception_type: type[BaseException],
            expected_err_re_or_predicate: str | Callable[[BaseException], bool]) -> Iterator[None]:
        """Asserts the block raises ``exception_type`` matching a regex or a predicate.

        A regex is searched in the error's message, followed for OpErrors by the names of the
        op that failed and the ops it was created from ("Caused by: ...").
        """
        if callable(expected_err_re_or_predicate):
            predicate = expected_err_re_or_predicate
        else:
            def predicate(e: BaseException) -> bool:
                text = e.message if isinstance(e, errors.OpError) else str(e)
                op = e.op if isinstance(e, errors.OpError) else None
                while op is not None:
                    text += "\nCaused by: " + op.name
                    op = getattr(op, "_original_op", None)
                return re.search(expected_err_re_or_predicate, text) is not None
        try:
            yield
            self.fail(exception_type.__name__ + " not raised")
        except Exception as e:
            if not isinstance(e, exception_type) or not predicate(e):
                raise AssertionError(f"Exception of type {type(e)}: {e}") from e

    def assertRaisesOpError(self, expected_err_re_or_predicate):
        """Context manager: the block must raise a tf.errors.OpError matching the argument."""
        return self.assertRaisesWithPredicateMatch(errors.OpError, expected_err_re_or_predicate)

    # -- absl's extra assertions, which TF's TestCase inherits

    def assertItemsEqual(self, first, second, msg: str | None = None) -> None:
        """Same elements, any order (unittest's assertCountEqual)."""
        self.assertCountEqual(first, second, msg)

    def assertLen(self, container, expected_len: int, msg: str | None = None) -> None:
        """Asserts ``len(container) == expected_len``."""
        if len(container) != expected_len:
            self.fail(self._formatMessage(
                msg, f"{container!r} has length of {len(container)}, expected {expected_len}."))

    def assertEmpty(self, container, msg: str | None = None) -> None:
        """Asserts ``container`` has no elements."""
        if len(container):
            self.fail(self._formatMessage(msg, f"{container!r} has length of {len(container)}."))

    def assertNotEmpty(self, container, msg: str | None = None) -> None:
        """Asserts ``container`` has at least one element."""
        if not len(container):
            self.fail(self._formatMessage(msg, f"{container!r} has length of 0."))

    def assertStartsWith(self, actual: str, expected_start: str,
                         msg: str | None = None) -> None:
        """Asserts ``actual`` starts with ``expected_start``."""
        if not actual.startswith(expected_start):
            self.fail(self._formatMessage(
                msg, f"{actual!r} does not start with {expected_start!r}"))

    def assertEndsWith(self, actual: str, expected_end: str,
                       msg: str | None = None) -> None:
        """Asserts ``actual`` ends with ``expected_end``."""
        if not actual.endswith(expected_end):
            self.fail(self._formatMessage(msg, f"{actual!r} does not end with {expected_end!r}"))
