"""The ``tf.assert_*`` family (``tf.debugging``): checks that become Assert ops, or fail at once.

Each assertion first tries to decide at graph construction: when every value it needs is known
statically (constants, static shapes and dtypes), a failed check raises right away —
InvalidArgumentError for value checks, ValueError/TypeError for rank, shape and dtype checks —
as TF does. Otherwise it returns an Assert op (``tf.Assert``, see ``logging_ops``) that raises
InvalidArgumentError ``assertion failed: [...]`` when run. Messages and op names follow TF's.
"""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, errors, ops, tensor_util
from tfcompat.framework.ops import Tensor
from tfcompat.ops import array_ops, control_flow_ops, math_ops
from tfcompat.ops.logging_ops import Assert


def _message_prefix(message) -> str:
    return f"{message}.  " if message else ""


def _static_text(item) -> str:
    if isinstance(item, Tensor):
        value = tensor_util.constant_value(item)
        return str(item) if value is None else str(value)
    return str(item)


def _assert_static(condition, data) -> None:
    if not condition:
        raise errors.InvalidArgumentError(None, None, "\n".join(_static_text(d) for d in data))


# ---- comparisons of two tensors ------------------------------------------------------------------

def _binary_assert(symbol, default_name, test_op, static_test, x, y, data, summarize, message,
                   name):
    with ops.name_scope(name, default_name, [x, y, data]):
        x = ops.convert_to_tensor(x, name="x")
        y = ops.convert_to_tensor(y, name="y")
        if data is None:
            data = [f"Condition x {symbol} y did not hold element-wise:",
                    f"x ({x.name}) = ", x, f"y ({y.name}) = ", y]
        if message is not None:
            data = [message] + list(data)
        condition = math_ops.reduce_all(test_op(x, y))
        x_static = tensor_util.constant_value(x)
        y_static = tensor_util.constant_value(y)
        if x_static is not None and y_static is not None:
            _assert_static(np.all(static_test(x_static, y_static)), data)
        return Assert(condition, data, summarize=summarize)


def assert_equal(x, y, data=None, summarize=None, message=None, name=None):
    """Asserts ``x == y`` element-wise (``tf.assert_equal``); a tensor compared with itself
    gives a NoOp."""
    # TF takes a first scope for the identity check alone, so the checks' scope is the next
    # one (``assert_equal_1``).
    with ops.name_scope(name, "assert_equal", [x, y, data]):
        if x is y:
            return control_flow_ops.no_op()
    return _binary_assert("==", "assert_equal", math_ops.equal, np.equal, x, y, data,
                          summarize, message, name)


def assert_none_equal(x, y, data=None, summarize=None, message=None, name=None):
    """Asserts ``x != y`` element-wise (``tf.assert_none_equal``)."""
    return _binary_assert("!=", "assert_none_equal", math_ops.not_equal, np.not_equal, x, y,
                          data, summarize, message, name)


def assert_less(x, y, data=None, summarize=None, message=None, name=None):
    """Asserts ``x < y`` element-wise (``tf.assert_less``)."""
    return _binary_assert("<", "assert_less", math_ops.less, np.less, x, y, data, summarize,
                          message, name)


def assert_less_equal(x, y, data=None, summarize=None, message=None, name=None):
    """Asserts ``x <= y`` element-wise (``tf.assert_less_equal``)."""
    return _binary_assert("<=", "assert_less_equal", math_ops.less_equal, np.less_equal, x, y,
                          data, summarize, message, name)


def assert_greater(x, y, data=None, summarize=None, message=None, name=None):
    """Asserts ``x > y`` element-wise (``tf.assert_greater``)."""
    return _binary_assert(">", "assert_greater", math_ops.greater, np.greater, x, y, data,
                          summarize, message, name)


def assert_greater_equal(x, y, data=None, summarize=None, message=None, name=None):
    """Asserts ``x >= y`` element-wise (``tf.assert_greater_equal``)."""
    return _binary_assert(">=", "assert_greater_equal", math_ops.greater_equal,
                          np.greater_equal, x, y, data, summarize, message, name)


# ---- signs: comparisons with zero ----------------------------------------------------------------

def _sign_assert(default_name, condition_text, build, x, data, summarize, message, name):
    with ops.name_scope(name, default_name, [x, data]):
        x = ops.convert_to_tensor(x, name="x")
        if data is None:
            data = [_message_prefix(message), condition_text, f"x ({x.name}) = ", x]
        zero = ops.convert_to_tensor(0, dtype=x.dtype.base_dtype)
        return build(x, zero, data, summarize)


def assert_negative(x, data=None, summarize=None, message=None, name=None):
    """Asserts ``x < 0`` element-wise (``tf.assert_negative``)."""
    return _sign_assert(
        "assert_negative", "Condition x < 0 did not hold element-wise:",
        lambda x, zero, data, s: assert_less(x, zero, data=data, summarize=s),
        x, data, summarize, message, name)


def assert_positive(x, data=None, summarize=None, message=None, name=None):
    """Asserts ``x > 0`` element-wise (``tf.assert_positive``)."""
    return _sign_assert(
        "assert_positive", "Condition x > 0 did not hold element-wise:",
        lambda x, zero, data, s: assert_less(zero, x, data=data, summarize=s),
        x, data, summarize, message, name)


def assert_non_negative(x, data=None, summarize=None, message=None, name=None):
    """Asserts ``x >= 0`` element-wise (``tf.assert_non_negative``)."""
    return _sign_assert(
        "assert_non_negative", "Condition x >= 0 did not hold element-wise:",
        lambda x, zero, data, s: assert_less_equal(zero, x, data=data, summarize=s),
        x, data, summarize, message, name)


def assert_non_positive(x, data=None, summarize=None, message=None, name=None):
    """Asserts ``x <= 0`` element-wise (``tf.assert_non_positive``)."""
    # TF's text runs its two lines together (no newline before "x (...)"); kept as TF has it.
    with ops.name_scope(name, "assert_non_positive", [x, data]):
        x = ops.convert_to_tensor(x, name="x")
        if data is None:
            data = [_message_prefix(message),
                    f"Condition x <= 0 did not hold element-wise:x ({x.name}) = ", x]
        zero = ops.convert_to_tensor(0, dtype=x.dtype.base_dtype)
        return assert_less_equal(x, zero, data=data, summarize=summarize)


def assert_near(x, y, rtol=None, atol=None, data=None, summarize=None, message=None, name=None):
    """Asserts ``|x - y| < atol + rtol * |y|`` element-wise (``tf.assert_near``); the
    tolerances default to 10 epsilon of x's dtype. Never decided statically."""
    with ops.name_scope(name, "assert_near", [x, y, rtol, atol, data]):
        x = ops.convert_to_tensor(x, name="x")
        y = ops.convert_to_tensor(y, name="y", dtype=x.dtype)
        eps = np.finfo(x.dtype.base_dtype.as_numpy_dtype).eps
        rtol = ops.convert_to_tensor(10 * eps if rtol is None else rtol, name="rtol",
                                     dtype=x.dtype)
        atol = ops.convert_to_tensor(10 * eps if atol is None else atol, name="atol",
                                     dtype=x.dtype)
        if data is None:
            data = [_message_prefix(message),
                    f"x and y not equal to tolerance rtol = {rtol}, atol = {atol}",
                    f"x ({x.name}) = ", x, f"y ({y.name}) = ", y]
        tolerance = atol + rtol * math_ops.abs(y)
        difference = math_ops.abs(x - y)
        condition = math_ops.reduce_all(math_ops.less(difference, tolerance))
        return Assert(condition, data, summarize=summarize)


# ---- ranks ---------------------------------------------------------------------------------------

def _static_rank_argument(rank: Tensor) -> int | None:
    assert_type(rank, dtypes.int32)
    value = tensor_util.constant_value(rank)
    if value is not None and np.ndim(value) != 0:
        raise ValueError("Rank must be a scalar.")
    return None if value is None else int(value)


def _rank_assert(default_name, requirement, static_test, dynamic_test, x, rank, data, summarize,
                 message, name):
    with ops.name_scope(name, default_name, [x, rank] + list(data or [])):
        x = ops.convert_to_tensor(x, name="x")
        rank = ops.convert_to_tensor(rank, name="rank")
        prefix = _message_prefix(message)
        if data is None:
            data = [prefix, f"Tensor {x.name} must have {requirement}", rank,
                    "Received shape: ", array_ops.shape(x)]
        given = _static_rank_argument(rank)
        actual = x.shape.ndims
        if given is not None and actual is not None:
            if not static_test(actual, given):
                raise ValueError(f"{prefix}Tensor {x.name} must have {requirement} {given}.  "
                                 f"Received rank {actual}, shape {x.shape}")
            return control_flow_ops.no_op(name="static_checks_determined_all_ok")
        condition = dynamic_test(array_ops.rank(x), rank)
        return Assert(condition, data, summarize=summarize)


def assert_rank(x, rank, data=None, summarize=None, message=None, name=None):
    """Asserts ``x`` has rank ``rank`` (``tf.assert_rank``): ValueError when both are static,
    else an Assert op."""
    return _rank_assert("assert_rank", "rank", int.__eq__, math_ops.equal, x, rank, data,
                        summarize, message, name)


def assert_rank_at_least(x, rank, data=None, summarize=None, message=None, name=None):
    """Asserts ``x`` has rank ``rank`` or more (``tf.assert_rank_at_least``)."""
    return _rank_assert("assert_rank_at_least", "rank at least", int.__ge__,
                        math_ops.greater_equal, x, rank, data, summarize, message, name)


def assert_rank_in(x, ranks, data=None, summarize=None, message=None, name=None):
    """Asserts the rank of ``x`` is one of ``ranks`` (``tf.assert_rank_in``)."""
    with ops.name_scope(name, "assert_rank_in", [x] + list(ranks) + list(data or [])):
        x = ops.convert_to_tensor(x, name="x")
        ranks = tuple(ops.convert_to_tensor(r, name="rank") for r in ranks)
        prefix = _message_prefix(message)
        if data is None:
            data = ([prefix, f"Tensor {x.name} must have rank in"] + list(ranks)
                    + ["Received shape: ", array_ops.shape(x)])
        given = [_static_rank_argument(r) for r in ranks]
        actual = x.shape.ndims
        if actual is not None and all(g is not None for g in given):
            if actual not in given:
                raise ValueError(f"{prefix}Tensor {x.name} must have rank in {tuple(given)}.  "
                                 f"Received rank {actual}, shape {x.shape}")
            return control_flow_ops.no_op(name="static_checks_determined_all_ok")
        x_rank = array_ops.rank(x)
        matches = [math_ops.equal(r, x_rank) for r in ranks]
        condition = matches[0]
        for match in matches[1:]:
            condition = math_ops.logical_or(condition, match)
        return Assert(condition, data, summarize=summarize)


def assert_scalar(tensor, name=None, message=None):
    """Returns ``tensor`` if its static shape is a scalar's, else ValueError
    (``tf.assert_scalar``; an unknown rank fails too)."""
    with ops.name_scope(name, "assert_scalar", [tensor]):
        tensor = ops.convert_to_tensor(tensor, name="tensor")
        if tensor.shape.ndims != 0:
            raise ValueError(f"{_message_prefix(message)}Expected scalar shape for "
                             f"{tensor.name}, saw shape: {tensor.shape}.")
        return tensor


# ---- dtypes --------------------------------------------------------------------------------------

def assert_integer(x, message=None, name=None):
    """TypeError unless ``x`` has an integer dtype; else a NoOp (``tf.assert_integer``)."""
    with ops.name_scope(name, "assert_integer", [x]):
        x = ops.convert_to_tensor(x, name="x")
        if not x.dtype.is_integer:
            raise TypeError(f'{_message_prefix(message)}Expected "x" to be integer type.  '
                            f"Found: {x.name} of dtype {x.dtype}")
        return control_flow_ops.no_op(name="statically_determined_was_integer")


def assert_type(tensor, tf_type, message=None, name=None):
    """TypeError unless ``tensor`` has dtype ``tf_type``; else a NoOp (``tf.assert_type``)."""
    tf_type = dtypes.as_dtype(tf_type)
    with ops.name_scope(name, "assert_type", [tensor]):
        tensor = ops.convert_to_tensor(tensor, name="tensor")
        if tensor.dtype != tf_type:
            raise TypeError(f"{_message_prefix(message)}{tensor.name} must be of type "
                            f"{tf_type!r}; got {tensor.dtype!r}")
        return control_flow_ops.no_op(name="statically_determined_correct_type")


def _same_base_type(items, expected=None):
    first_name = None
    if expected is None:
        expected = items[0].dtype.base_dtype
        first_name = items[0].name
    for item in items:
        item_type = item.dtype.base_dtype
        if item_type != expected:
            source = f" as {first_name}" if first_name else ""
            raise ValueError(f"{item.name}, type={item_type}, must be of the same type "
                             f"({expected}){source}.")
    return expected


def assert_same_float_dtype(tensors=None, dtype=None):
    """The common floating dtype of ``tensors`` (and ``dtype``), float32 when neither says;
    ValueError when they differ or are not floating (``tf.assert_same_float_dtype``)."""
    if tensors:
        dtype = _same_base_type(list(tensors), dtypes.as_dtype(dtype) if dtype else None)
    if not dtype:
        return dtypes.float32
    dtype = dtypes.as_dtype(dtype)
    if not dtype.is_floating:
        raise ValueError(f"Expected floating point type, got {dtype}.")
    return dtype


def assert_proper_iterable(values):
    """TypeError unless ``values`` is iterable and not a tensor, array or string
    (``tf.assert_proper_iterable``)."""
    if isinstance(values, (Tensor, np.ndarray, str, bytes)):
        raise TypeError('Expected argument "values" to be a "proper" iterable.  '
                        f"Found: {type(values)}")
    if not hasattr(values, "__iter__"):
        raise TypeError(f'Expected argument "values" to be iterable.  Found: {type(values)}')


def is_numeric_tensor(tensor) -> bool:
    """Whether ``tensor`` is a Tensor of a number dtype (``tf.is_numeric_tensor``)."""
    if not isinstance(tensor, Tensor):
        return False
    dtype = tensor.dtype.base_dtype
    return dtype.is_floating or dtype.is_integer or dtype.is_complex or dtype.is_quantized


# ---- monotonicity --------------------------------------------------------------------------------

def _differences(x: Tensor) -> Tensor:
    flat = array_ops.reshape(x, [-1])
    return flat[1:] - flat[:-1]


def is_non_decreasing(x, name=None):
    """Whether each element of (flattened) ``x`` is >= the one before
    (``tf.math.is_non_decreasing``); true for fewer than two elements."""
    with ops.name_scope(name, "is_non_decreasing", [x]):
        x = ops.convert_to_tensor(x, name="x_diff")
        zero = ops.convert_to_tensor(0, dtype=x.dtype.base_dtype)
        return math_ops.reduce_all(math_ops.less_equal(zero, _differences(x)))


def is_strictly_increasing(x, name=None):
    """Whether each element of (flattened) ``x`` is > the one before
    (``tf.math.is_strictly_increasing``); true for fewer than two elements."""
    with ops.name_scope(name, "is_strictly_increasing", [x]):
        x = ops.convert_to_tensor(x, name="x_diff")
        zero = ops.convert_to_tensor(0, dtype=x.dtype.base_dtype)
        return math_ops.reduce_all(math_ops.less(zero, _differences(x)))


# ---- shapes of several tensors ------------------------------------------------------------------

def _shape_spec(spec) -> tuple[bool, list]:
    """(has a leading ellipsis, the sizes after it); an empty spec means one dimension of 1."""
    sizes = list(spec)
    ellipsis = bool(sizes) and (sizes[0] is Ellipsis or sizes[0] == "*")
    if ellipsis:
        sizes = sizes[1:]
    if not sizes and not ellipsis:
        sizes = [1]
    return ellipsis, sizes


def _explicit_size(symbol):
    if isinstance(symbol, (int, np.integer)):
        return int(symbol)
    if isinstance(symbol, str):
        try:
            return int(symbol)
        except ValueError:
            return None
    return None


def assert_shapes(shapes, data=None, summarize=None, message=None, name=None):
    """Asserts that tensors have the given symbolic shapes (``tf.debugging.assert_shapes``).

    ``shapes`` is a list of ``(tensor, shape)`` pairs (or a dict); a shape is a sequence of
    sizes: an int is an explicit size, ``None``/``'.'`` any size, anything else a symbol every
    use of which must have one size; a leading ``...`` (or ``'*'``) allows any number of outer
    dimensions. Scalars and empty shapes count as one dimension of size 1. Violations known at
    graph construction raise ValueError; others become Assert ops. Returns a NoOp grouping
    them.
    """
    pairs = list(shapes.items()) if isinstance(shapes, dict) else list(shapes)
    prefix = _message_prefix(message)
    rank_checks, size_checks = [], []
    with ops.name_scope(name, "assert_shapes", [pairs, data]):
        constraints = [(ops.convert_to_tensor(x), spec) for x, spec in pairs if spec is not None]
        for x, spec in constraints:
            ellipsis, sizes = _shape_spec(spec)
            if ellipsis:
                rank_checks.append(assert_rank_at_least(x, len(sizes), message=message))
            elif len(sizes) == 1:
                rank_checks.append(assert_rank_in(x, [0, 1], message=message))
            else:
                rank_checks.append(assert_rank(x, len(sizes), message=message))
        known: dict = {}
        for x, spec in constraints:
            ellipsis, sizes = _shape_spec(spec)
            rank = x.shape.ndims
            for i, symbol in enumerate(sizes):
                if symbol is None or symbol == ".":
                    continue
                # With a leading ellipsis, dimensions count from the end (-1 is the last).
                dim = i - len(sizes) if ellipsis else i
                if rank == 0:
                    actual = 1  # a scalar: one dimension of size 1
                else:
                    actual = x.shape.as_list()[dim] if rank is not None else None
                explicit = _explicit_size(symbol)
                if explicit is None and symbol not in known:
                    size = actual if actual is not None else array_ops.shape(x)[dim]
                    known[symbol] = (size, x, dim)
                    continue
                if explicit is not None:
                    specified, origin = explicit, "Specified explicitly"
                else:
                    specified, source, source_dim = known[symbol]
                    origin = f"Specified by tensor {source.name} dimension {source_dim}"
                static_specified = (specified if isinstance(specified, int)
                                    else tensor_util.constant_value(specified))
                if actual is not None and static_specified is not None:
                    if int(actual) != int(static_specified):
                        raise ValueError(
                            f"{prefix}{origin}.  Tensor {x.name} dimension {dim} must have size "
                            f"{int(static_specified)}.  Received size {actual}, shape {x.shape}")
                    continue
                actual_tensor = actual if actual is not None else array_ops.shape(x)[dim]
                condition = math_ops.equal(ops.convert_to_tensor(actual_tensor),
                                           ops.convert_to_tensor(specified))
                checked = data if data is not None else [
                    prefix, origin, f"Tensor {x.name} dimension", dim, "must have size",
                    specified, "Received shape: ", array_ops.shape(x)]
                size_checks.append(Assert(condition, checked, summarize=summarize))
    with ops.get_default_graph().control_dependencies(rank_checks):
        return control_flow_ops.group(size_checks)
