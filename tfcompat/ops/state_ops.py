"""Stateful variable ops: VariableV2, Assign, AssignAdd, AssignSub, IsVariableInitialized.

Variable values live in the Session (``SessionState.variables``, keyed by the VariableV2 op
name), so two sessions on one graph are independent. Writes replace the stored array (never
modify it in place), so a value already read (by a concurrent run, or fetched) never changes.
Every kernel that writes a variable holds the variable's lock (``SessionState.variable_lock``)
around its read-modify-write, whatever ``use_locking`` says: concurrent runs lose no update.
New stateful ops (Scatter*) should write through ``update_variable``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from tfcompat.framework import dtypes, errors, ops
from tfcompat.framework.op_registry import no_gradient, register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op
from tfcompat.framework.tensor_shape import TensorShape, as_shape, merge_error


def variable_op_name(ref: Tensor) -> str:
    """The VariableV2 op behind a reference tensor (following ref-typed Identity ops)."""
    op = ref.op
    while not op._op_def.is_variable and op.inputs and op.inputs[0].dtype.is_ref_dtype:
        op = op.inputs[0].op
    if not op._op_def.is_variable:
        raise TypeError(f"Input {ref.name} is not a reference to a variable")
    return op.name


def _uninitialized(name: str) -> errors.FailedPreconditionError:
    return errors.FailedPreconditionError(None, None,
                                          f"Attempting to use uninitialized value {name}")


def read_variable(variables: dict, name: str) -> np.ndarray:
    """The current value of variable ``name``; FailedPreconditionError when uninitialized."""
    try:
        return variables[name]
    except KeyError:
        raise _uninitialized(name) from None


class variables_locked:  # noqa: N801 - used as a context manager, like a function
    """``with variables_locked(state, names):`` holds the locks of several variables (an
    optimizer's variable and its slots).

    Taken in one global order (by name), so two ops sharing variables cannot deadlock. The
    object keeps no state per entry: a kernel makes it once when bound and enters it on every
    run, from any thread.
    """

    __slots__ = ("_locks",)

    def __init__(self, state, names: Sequence[str]):
        self._locks = tuple(state.variable_lock(name) for name in sorted(set(names)))

    def __enter__(self) -> None:
        taken = 0
        try:
            for lock in self._locks:
                lock.acquire()
                taken += 1
        except BaseException:
            for lock in reversed(self._locks[:taken]):
                lock.release()
            raise

    def __exit__(self, *exc_info) -> bool:
        for lock in reversed(self._locks):
            lock.release()
        return False


def update_variable(state, name: str, update):
    """Atomically replaces variable ``name``'s value by ``update(old_value)``; returns it.

    Holds the variable's lock across the read and the write, so concurrent runs of updates
    of one variable (in threads sharing a session) never lose one.
    """
    variables = state.variables
    with state.variable_lock(name):
        new = update(read_variable(variables, name))
        variables[name] = new
    return new


def _variable_shape(op):
    return [(op._attrs["dtype"]._as_ref, op._attrs["shape"])]


def _bind_variable(op, state):
    variables = state.variables
    name = op.name

    def read():
        return read_variable(variables, name)
    return read


register_op("VariableV2", shape_fn=_variable_shape, bind=_bind_variable, stateful=True,
            attr_defaults={"container": "", "shared_name": ""}, read_at_use=True, is_variable=True)
no_gradient("VariableV2")


def variable_op_v2(shape, dtype, name="Variable", container="", shared_name=""):
    """Creates a VariableV2 op; returns its reference tensor."""
    graph = ops.get_default_graph()
    with graph.name_scope(name) as scope:
        op = graph._create_op("VariableV2", [], {
            "shape": as_shape(shape), "dtype": dtypes.as_dtype(dtype).base_dtype,
            "container": container, "shared_name": shared_name}, scope)
    return op._outputs[0]


def _assign_shape(op):
    ref, value = op.inputs
    if op._attrs["validate_shape"]:
        if not ref.shape.is_compatible_with(value.shape):
            raise ShapeError(merge_error(ref.shape, value.shape))
        return [(ref.dtype, ref.shape.merge_with(value.shape))]
    return [(ref.dtype, value.shape)]


def _bind_assign(op, state):
    variables = state.variables
    name = variable_op_name(op.inputs[0])
    validate = op._attrs["validate_shape"]
    declared = op.inputs[0].shape
    # A fully known declared shape is compared as a tuple first (is_compatible_with: ~0.9 us).
    exact = declared.as_tuple() if declared.is_fully_defined() else None
    dtype = dtypes.storage_type(op.inputs[0].dtype.base_dtype)
    lock = state.variable_lock(name)

    def assign(value):
        value = np.array(value, dtype=dtype)  # a private copy: the caller may mutate theirs
        if (validate and value.shape != exact
                and not declared.is_compatible_with(value.shape)):
            raise errors.InvalidArgumentError(
                None, None, f"Assign requires shapes of both tensors to match. lhs shape= "
                f"{_shape_list(declared)} rhs shape= {list(value.shape)}")
        with lock:  # ordered with the read-modify-writes of other threads
            variables[name] = value
        return value
    return assign


def _shape_list(shape: TensorShape) -> list:
    return [-1 if d is None else d for d in shape.as_tuple()] if shape.ndims is not None else []


def _bind_update(np_fn):
    def bind(op, state):
        name = variable_op_name(op.inputs[0])

        def update(value):
            def combine(old):
                if np.shape(old) != np.shape(value) and np.size(value) != 1:
                    raise errors.InvalidArgumentError(
                        None, None, f"Must have the same size and shape. Input 0: "
                        f"{list(np.shape(old))} != input 1: {list(np.shape(value))}")
                return np.asarray(np_fn(old, value)).astype(np.asarray(old).dtype, copy=False)
            return update_variable(state, name, combine)
        return update
    return bind


def _update_shape(op):
    ref, value = op.inputs
    return [(ref.dtype, ref.shape)]


register_op("Assign", inputs=("ref: &T", "value: T"), shape_fn=_assign_shape, bind=_bind_assign,
            stateful=True, attr_defaults={"use_locking": True, "validate_shape": True})
register_op("AssignAdd", inputs=("ref: &T", "value: T"), shape_fn=_update_shape,
            bind=_bind_update(np.add), stateful=True, attr_defaults={"use_locking": False})
register_op("AssignSub", inputs=("ref: &T", "value: T"), shape_fn=_update_shape,
            bind=_bind_update(np.subtract), stateful=True, attr_defaults={"use_locking": False})
for _type in ("Assign", "AssignAdd", "AssignSub"):
    no_gradient(_type)


def _as_ref(ref):
    if hasattr(ref, "_ref") and not isinstance(ref, Tensor):
        return ref._ref()
    return ref


def assign(ref, value, validate_shape=None, use_locking=None, name=None) -> Tensor:
    """Updates ``ref`` by assigning ``value`` to it (``tf.assign``); returns the new value."""
    attrs = {}
    if validate_shape is not None:
        attrs["validate_shape"] = bool(validate_shape)
    if use_locking is not None:
        attrs["use_locking"] = bool(use_locking)
    return apply_op("Assign", [_as_ref(ref), value], name=name, attrs=attrs)


def assign_add(ref, value, use_locking=None, name=None) -> Tensor:
    """Updates ``ref`` by adding ``value`` to it (``tf.assign_add``)."""
    attrs = {} if use_locking is None else {"use_locking": bool(use_locking)}
    return apply_op("AssignAdd", [_as_ref(ref), value], name=name, attrs=attrs)


def assign_sub(ref, value, use_locking=None, name=None) -> Tensor:
    """Updates ``ref`` by subtracting ``value`` from it (``tf.assign_sub``)."""
    attrs = {} if use_locking is None else {"use_locking": bool(use_locking)}
    return apply_op("AssignSub", [_as_ref(ref), value], name=name, attrs=attrs)


def _bind_is_initialized(op, state):
    variables = state.variables
    name = variable_op_name(op.inputs[0])
    return lambda: np.asarray(name in variables)


register_op("IsVariableInitialized", inputs=("ref: &dtype",),
            shape_fn=lambda op: [(dtypes.bool_, TensorShape([]))], bind=_bind_is_initialized,
            stateful=True)
no_gradient("IsVariableInitialized")


def is_variable_initialized(ref, name=None) -> Tensor:
    """Whether a variable has been initialized in the running session."""
    return apply_op("IsVariableInitialized", [_as_ref(ref)], name=name)



def _bind_count_up_to(op, state):
    name = variable_op_name(op.inputs[0])
    limit = op._attrs["limit"]

    def count():
        before = []

        def increment(old):
            if old >= limit:
                raise errors.OutOfRangeError(None, None, f"Reached limit of {limit}")
            before.append(old)
            return np.asarray(old + 1, dtype=np.asarray(old).dtype)
        update_variable(state, name, increment)
        return np.asarray(before[0])
    return count


register_op("CountUpTo", inputs=("ref: &T",), bind=_bind_count_up_to, stateful=True,
            shape_fn=lambda op: [(op.inputs[0].dtype.base_dtype, op.inputs[0].shape)],
            allowed={"T": (dtypes.int32, dtypes.int64)})
no_gradient("CountUpTo")


def count_up_to(ref, limit, name=None) -> Tensor:
    """Increments ``ref`` until it reaches ``limit``; outputs the value before the increment.

    Running it once ``ref >= limit`` raises OutOfRangeError.
    """
    return apply_op("CountUpTo", [_as_ref(ref)], name=name, attrs={"limit": int(limit)})
