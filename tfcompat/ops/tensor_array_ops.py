"""``tf.TensorArray`` (v1, graph form): TensorArrayV3 and its read/write/gather/scatter/concat/
split/size/close/grad ops, with TF's run-time errors and gradients.

A TensorArray is a handle (a resource made afresh by each run of TensorArrayV3) and a *flow*:
a float scalar threaded from op to op so that a read runs after the writes before it. At run
time the handle's value is an ``ArrayState`` holding the elements. Each Python
``TensorArray`` is immutable: ``write`` returns a new one on the same handle with the new flow.
Element shapes are inferred in Python (``infer_shape``), shared by every TensorArray derived
from the same creation.

Gradients follow TF: the gradient of an array is a second array on the same handle
(TensorArrayGradV3, one per ``source`` — the ``gradients`` scope of the ``tf.gradients`` call —
whose repeated writes add up); reading its unwritten elements gives zeros.
"""

from __future__ import annotations

import itertools

import numpy as np

from tfcompat.framework import dtypes, errors, ops, tensor_util
from tfcompat.framework.common_shapes import no_outputs
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, RegisterGradient, register_op
from tfcompat.framework.ops import Tensor, apply_op
from tfcompat.framework.tensor_shape import TensorShape, as_shape, unknown_shape
from tfcompat.ops import array_ops, math_ops

_SCALAR = TensorShape._from_tuple(())
_RUN_NAMES = itertools.count()


# ---- run-time state ----------------------------------------------------------------------------

class ArrayState:
    """The elements of one TensorArray during one run."""

    def __init__(self, name: str, np_dtype, size: int, dynamic_size: bool,
                 clear_after_read: bool, element_shape: tuple | None,
                 identical_shapes: bool = True, aggregate_writes: bool = False):
        self.name = name
        self.np_dtype = np_dtype
        self.dynamic_size = dynamic_size
        self.clear_after_read = clear_after_read
        self.element_shape = element_shape  # fully known shape, or None until a write
        self.aggregate_writes = aggregate_writes
        # Whether every element has one shape (infer_shape), learned from the first write.
        self.identical_shapes = identical_shapes
        self.values: list = [None] * size
        self.cleared = [False] * size
        self.closed = False
        self.gradients: dict[str, ArrayState] = {}

    def _error(self, message: str) -> errors.InvalidArgumentError:
        return errors.InvalidArgumentError(None, None, f"TensorArray {self.name}: {message}")

    def write(self, index: int, value) -> None:
        value = np.asarray(value, dtype=self.np_dtype)
        size = len(self.values)
        if index < 0:
            raise self._error(f"Tried to write to index {index} but array size is: {size}")
        if index >= size:
            if not self.dynamic_size:
                raise self._error(f"Tried to write to index {index} but array is not "
                                  f"resizeable and size is: {size}")
            grow = index + 1 - size
            self.values.extend([None] * grow)
            self.cleared.extend([False] * grow)
        if (self.identical_shapes and self.element_shape is not None
                and value.shape != self.element_shape):
            raise self._error(
                f"Could not write to TensorArray index {index} because the value shape is "
                f"{_shape_text(value.shape)} which is incompatible with the TensorArray's "
                f"inferred element shape: {_shape_text(self.element_shape)} (consider setting "
                "infer_shape=False).")
        current = self.values[index]
        if current is not None or self.cleared[index]:
            if not self.aggregate_writes:
                raise self._error(f"Could not write to TensorArray index {index} because it "
                                  "has already been written to.")
            value = value + current if current is not None else value
        if self.element_shape is None and self.identical_shapes:
            self.element_shape = value.shape
        self.values[index] = value

    def read(self, index: int):
        size = len(self.values)
        if index < 0 or index >= size:
            raise errors.InvalidArgumentError(
                None, None, f"Tried to read from index {index} but array size is: {size}")
        if self.cleared[index]:
            raise self._error(f"Could not read index {index} twice because it was cleared "
                              "after a previous read (perhaps try setting clear_after_read = "
                              "false?).")
        value = self.values[index]
        if value is None:
            if self.element_shape is None:
                raise self._error(
                    f"Could not read from TensorArray index {index}.  Furthermore, the element "
                    "shape is not fully defined: <unknown>.  It is possible you are working "
                    "with a resizeable TensorArray and stop_gradients is not allowing the "
                    "gradients to be written.  If you set the full element_shape property on "
                    "the forward TensorArray, the proper all-zeros tensor will be returned "
                    "instead of incurring this error.")
            value = np.zeros(self.element_shape, self.np_dtype)
        elif self.clear_after_read:
            self.values[index] = None
            self.cleared[index] = True
        return value

    def gradient(self, source: str) -> ArrayState:
        grad = self.gradients.get(source)
        if grad is None:
            grad = ArrayState(f"{self.name}@{source}", self.np_dtype, len(self.values),
                              False, False, self.element_shape, self.identical_shapes,
                              aggregate_writes=True)
            self.gradients[source] = grad
        return grad


def _shape_text(shape) -> str:
    return "[" + ",".join(str(d) for d in shape) + "]"


# ---- ops ---------------------------------------------------------------------------------------

def _flow_shape(op):
    return [(dtypes.float32, _SCALAR)]


def _bind_create(op, state):
    attrs = op._attrs
    np_dtype = dtypes.storage_type(attrs["dtype"])
    element_shape = attrs["element_shape"]
    known = tuple(element_shape.as_list()) if element_shape.is_fully_defined() else None
    name = attrs["tensor_array_name"] or op.name

    def create(size):
        array = ArrayState(f"{name}_{next(_RUN_NAMES)}", np_dtype, int(size),
                           attrs["dynamic_size"], attrs["clear_after_read"], known,
                           attrs["identical_element_shapes"])
        return array, np.float32(0.0)
    return create


register_op("TensorArrayV3", inputs=("size: int32",), bind=_bind_create, stateful=True,
            shape_fn=lambda op: [(dtypes.resource, TensorShape([2])), (dtypes.float32, _SCALAR)],
            attr_defaults={"element_shape": unknown_shape(), "dynamic_size": False,
                           "clear_after_read": True, "identical_element_shapes": False,
                           "tensor_array_name": ""}, grad=NOT_DIFFERENTIABLE)


def _write_kernel(handle, index, value, flow_in):
    handle.write(int(index), value)
    return flow_in


def _read_kernel(handle, index, flow_in):
    return handle.read(int(index))


def _gather_kernel(handle, indices, flow_in, element_shape):
    indices = np.asarray(indices).reshape(-1)
    values = [handle.read(int(i)) for i in indices]
    if not values:
        shape = handle.element_shape or tuple(element_shape.as_list())
        return np.zeros((0,) + tuple(shape), handle.np_dtype)
    return _stacked(values)


def _stacked(values: list[np.ndarray]) -> np.ndarray:
    """``np.stack(values)``. C-contiguous non-empty elements of rank 1 or more, of one shape and
    dtype, are joined end to end and viewed with the new axis instead (the same C-contiguous
    result), which skips np.stack's per-element expand_dims (~7 us less for an LSTM's 50
    [32, 128] outputs)."""
    first = values[0]
    shape, dtype = first.shape, first.dtype
    if not shape or not first.size or any(
            v.shape != shape or v.dtype is not dtype or not v.flags.c_contiguous for v in values):
        return np.stack(values)  # also raises numpy's error for elements of other shapes
    return np.concatenate(values).reshape((len(values),) + shape)


def _scatter_kernel(handle, indices, value, flow_in):
    indices = np.asarray(indices).reshape(-1)
    value = np.asarray(value)
    if value.shape[:1] != indices.shape:
        raise errors.InvalidArgumentError(
            None, None, f"Expected len(indices) == values.shape[0], but saw: {indices.size} "
            f"vs. {value.shape[0] if value.ndim else 0}")
    for i, element in zip(indices, value):
        handle.write(int(i), element)
    return flow_in


def _concat_kernel(handle, flow_in):
    values = [handle.read(i) for i in range(len(handle.values))]
    lengths = np.array([v.shape[0] for v in values], np.int64)
    if not values:
        return np.zeros((0,), handle.np_dtype), lengths
    return np.concatenate(values), lengths


def _split_kernel(handle, value, lengths, flow_in):
    value = np.asarray(value)
    lengths = np.asarray(lengths, np.int64)
    if lengths.sum() != value.shape[0]:
        raise errors.InvalidArgumentError(
            None, None, "Expected sum of lengths to be equal to values.shape[0], but sum of "
            f"lengths is {lengths.sum()} and value's shape is: {_shape_text(value.shape)}")
    offsets = np.concatenate([[0], np.cumsum(lengths)])
    for i in range(lengths.size):
        handle.write(i, value[offsets[i]:offsets[i + 1]])
    return flow_in


def _close_kernel(handle):
    handle.closed = True


def _grad_kernel(handle, flow_in, source):
    return handle.gradient(source), flow_in


# Ops that hand a TensorArray handle on unchanged (TF's shape inference passes the handle's
# element shape through them).
_HANDLE_PASSING = frozenset({"Identity", "Enter", "RefEnter", "Switch", "RefSwitch",
                             "TensorArrayGradV3"})


def _handle_element_shape(handle: Tensor) -> TensorShape:
    """The element shape TF's shape inference attaches to a TensorArray handle: its
    TensorArrayV3's ``element_shape`` attr as given at construction (not what writes inferred
    later), when fully defined or when the array infers shapes (``identical_element_shapes``);
    otherwise unknown."""
    op = handle.op
    while op.type in _HANDLE_PASSING and op.inputs:
        op = op.inputs[0].op
    if op.type != "TensorArrayV3":
        return unknown_shape()
    shape = op._attrs["element_shape"]
    if shape.is_fully_defined() or op._attrs["identical_element_shapes"]:
        return shape
    return unknown_shape()


def _gather_shape(op):
    element = _handle_element_shape(op.inputs[0])
    if element.ndims is None:
        return [(op._attrs["dtype"], unknown_shape())]
    indices = op.inputs[1].shape
    first = indices.as_list()[0] if indices.ndims == 1 else None
    return [(op._attrs["dtype"], TensorShape([first]).concatenate(element))]


def _concat_shape(op):
    element = op._attrs.get("element_shape_except0", unknown_shape())
    return [(op._attrs["dtype"], TensorShape([None]).concatenate(element)),
            (dtypes.int64, TensorShape([None]))]


_HANDLE = "handle: resource"
register_op("TensorArrayWriteV3", inputs=(_HANDLE, "index: int32", "value: T", "flow_in: float"),
            kernel=_write_kernel, shape_fn=_flow_shape, stateful=True, writes_run_local_state=True)
register_op("TensorArrayReadV3", inputs=(_HANDLE, "index: int32", "flow_in: float"),
            kernel=_read_kernel, stateful=True,
            shape_fn=lambda op: [(op._attrs["dtype"], unknown_shape())])
register_op("TensorArrayGatherV3", inputs=(_HANDLE, "indices: int32", "flow_in: float"),
            kernel=_gather_kernel, kernel_attrs=("element_shape",), shape_fn=_gather_shape,
            stateful=True, attr_defaults={"element_shape": unknown_shape()})
register_op("TensorArrayScatterV3",
            inputs=(_HANDLE, "indices: int32", "value: T", "flow_in: float"),
            kernel=_scatter_kernel, shape_fn=_flow_shape, stateful=True,
            writes_run_local_state=True)
register_op("TensorArrayConcatV3", inputs=(_HANDLE, "flow_in: float"), kernel=_concat_kernel,
            shape_fn=_concat_shape, stateful=True,
            attr_defaults={"element_shape_except0": unknown_shape()})
register_op("TensorArraySplitV3",
            inputs=(_HANDLE, "value: T", "lengths: int64", "flow_in: float"),
            kernel=_split_kernel, shape_fn=_flow_shape, stateful=True,
            writes_run_local_state=True)
register_op("TensorArraySizeV3", inputs=(_HANDLE, "flow_in: float"),
            kernel=lambda handle, flow_in: np.int32(len(handle.values)),
            shape_fn=lambda op: [(dtypes.int32, _SCALAR)], stateful=True,
            grad=NOT_DIFFERENTIABLE)
register_op("TensorArrayCloseV3", inputs=(_HANDLE,), kernel=_close_kernel, shape_fn=no_outputs,
            stateful=True, grad=NOT_DIFFERENTIABLE)
register_op("TensorArrayGradV3", inputs=(_HANDLE, "flow_in: float"), kernel=_grad_kernel,
            kernel_attrs=("source",), stateful=True, writes_run_local_state=True,
            grad=NOT_DIFFERENTIABLE,
            shape_fn=lambda op: [(dtypes.resource, TensorShape([2])),
                                 (dtypes.float32, _SCALAR)])


# ---- the Python object ---------------------------------------------------------------------------

class TensorArray:
    """A list of tensors of one dtype, written and read by index in the graph
    (``tf.TensorArray``, v1): its ops are TensorArrayV3, TensorArrayWriteV3..."""

    def __init__(self, dtype, size=None, dynamic_size=None, clear_after_read=None,
                 tensor_array_name=None, handle=None, flow=None, infer_shape=True,
                 element_shape=None, colocate_with_first_write_call=True, name=None):
        del colocate_with_first_write_call  # placement has no meaning in tfcompat
        if handle is not None and (size is not None or tensor_array_name):
            raise ValueError("Cannot provide both `handle` and `size` or `tensor_array_name` "
                             "at the same time.")
        if handle is None and size is None:
            raise ValueError("Argument `size` must be provided if handle is not provided.")
        if handle is not None and not isinstance(handle, Tensor):
            raise TypeError(f"Expected `handle` to be a Tensor, but got `{handle}` of type "
                            f"`{type(handle)}`")
        if handle is not None and flow is None:
            raise ValueError("flow must not be None if handle is not None.")
        self._dtype = dtypes.as_dtype(dtype).base_dtype
        self._dynamic_size = bool(dynamic_size)
        self._infer_shape = infer_shape
        shape = as_shape(element_shape) if element_shape is not None else unknown_shape()
        self._element_shape = [shape]
        self._size = size  # what size() returns for a fixed-size array, as TF does
        if handle is not None:
            self._handle = handle
            self._flow = flow
            return
        with ops.name_scope(name, "TensorArray", [handle, size, flow]) as scope:
            attrs = {"dtype": self._dtype, "element_shape": shape,
                     "dynamic_size": self._dynamic_size,
                     "clear_after_read": True if clear_after_read is None else clear_after_read,
                     "identical_element_shapes": bool(infer_shape),
                     "tensor_array_name": tensor_array_name or ""}
            self._handle, self._flow = apply_op("TensorArrayV3", [size], name=scope,
                                                attrs=attrs)

    @classmethod
    def _derived(cls, parent: TensorArray, flow: Tensor, handle: Tensor | None = None):
        """A TensorArray on ``parent``'s handle (or ``handle``) with ``flow``, sharing its
        inferred element shape."""
        ta = cls.__new__(cls)
        ta._dtype = parent._dtype
        ta._dynamic_size = parent._dynamic_size
        ta._infer_shape = parent._infer_shape
        ta._element_shape = parent._element_shape
        ta._size = parent._size
        ta._handle = parent._handle if handle is None else handle
        ta._flow = flow
        return ta

    @property
    def handle(self) -> Tensor:
        return self._handle

    @property
    def flow(self) -> Tensor:
        return self._flow

    @property
    def dtype(self) -> dtypes.DType:
        return self._dtype

    @property
    def dynamic_size(self) -> bool:
        return self._dynamic_size

    @property
    def element_shape(self) -> TensorShape:
        return self._element_shape[0]

    def _merge_element_shape(self, shape: TensorShape) -> None:
        if not self._infer_shape:
            return
        current = self._element_shape[0]
        if not shape.is_compatible_with(current):
            raise ValueError(f"Inconsistent shapes: saw {shape} but expected {current} ")
        self._element_shape[0] = current.merge_with(shape)

    def _check_dtype(self, value: Tensor) -> None:
        if value.dtype.base_dtype != self._dtype:
            raise TypeError(f"TensorArray dtype is {self._dtype.name} but Op is trying to write "
                            f"dtype {value.dtype.base_dtype.name} ")

    def identity(self) -> TensorArray:
        """The same array, its flow passed through an Identity (for control dependencies)."""
        return TensorArray._derived(self, array_ops.identity(self._flow))

    def grad(self, source, flow=None, name=None) -> TensorArray:
        """The gradient array of this one for ``source`` (TensorArrayGradV3)."""
        flow = self._flow if flow is None else flow
        with ops.name_scope(name, "TensorArrayGrad", [self._handle]):
            handle, _ = apply_op("TensorArrayGradV3", [self._handle, flow],
                                 attrs={"source": source})
            # As in TF, the gradient array's flow is the given flow, after the grad op runs.
            with ops.get_default_graph().control_dependencies([handle]):
                flow = array_ops.identity(flow, name="gradient_flow")
            gradient = TensorArray._derived(self, flow, handle=handle)
            # TF builds it from the handle alone: not dynamic, no size of its own (size() is a
            # TensorArraySizeV3, and stack() sets no static length).
            gradient._dynamic_size = False
            gradient._size = None
            return gradient

    def read(self, index, name=None) -> Tensor:
        """Element ``index`` (TensorArrayReadV3)."""
        value = apply_op("TensorArrayReadV3", [self._handle, index, self._flow], name=name,
                         attrs={"dtype": self._dtype})
        if self._element_shape[0].ndims is not None:
            value.set_shape(self._element_shape[0])
        return value

    def write(self, index, value, name=None) -> TensorArray:
        """A TensorArray with ``value`` written at ``index`` (TensorArrayWriteV3)."""
        with ops.name_scope(name, "TensorArrayWrite", [self._handle, index, value]):
            value = ops.convert_to_tensor(value, preferred_dtype=self._dtype, name="value")
            self._check_dtype(value)
            self._merge_element_shape(value.shape)
            flow = apply_op("TensorArrayWriteV3", [self._handle, index, value, self._flow])
            return TensorArray._derived(self, flow)

    def stack(self, name=None) -> Tensor:
        """All elements stacked along a new first axis."""
        with ops.name_scope(name, "TensorArrayStack", [self._handle]):
            value = self.gather(math_ops.range(0, self.size()), name=name)
            element = self._element_shape[0]
            if element.ndims is not None and not self._dynamic_size and self._size is not None:
                length = (tensor_util.constant_value(self._size)
                          if isinstance(self._size, Tensor) else self._size)
                value.set_shape([None if length is None else int(length)] + element.as_list())
            return value

    def gather(self, indices, name=None) -> Tensor:
        """The elements at ``indices`` stacked (TensorArrayGatherV3)."""
        element = self._element_shape[0]
        value = apply_op("TensorArrayGatherV3", [self._handle, indices, self._flow], name=name,
                         attrs={"dtype": self._dtype, "element_shape": element})
        if element.ndims is not None:  # (the op's shape has the handle's construction shape)
            value.set_shape([None] + element.as_list())
        return value

    def concat(self, name=None) -> Tensor:
        """All elements concatenated along their first axis (TensorArrayConcatV3)."""
        element = self._element_shape[0]
        except0 = (TensorShape(element.as_list()[1:]) if element.ndims else unknown_shape())
        value, _ = apply_op("TensorArrayConcatV3", [self._handle, self._flow], name=name,
                            attrs={"dtype": self._dtype, "element_shape_except0": except0})
        if element.ndims is not None:
            first = None
            if self._infer_shape:
                # As TF: size() is called here (a Const, or a TensorArraySizeV3 when dynamic,
                # left dangling in the graph), and a scalar element's [0] raises IndexError.
                size = tensor_util.constant_value(self.size())
                if size is not None and element.as_list()[0] is not None:
                    first = int(size) * element.as_list()[0]
            value.set_shape([first] + element.as_list()[1:])
        return value

    def unstack(self, value, name=None) -> TensorArray:
        """Writes ``value[i]`` at each index ``i``."""
        with ops.name_scope(name, "TensorArrayUnstack", [self._handle, value]):
            value = ops.convert_to_tensor(value, preferred_dtype=self._dtype, name="value")
            count = array_ops.shape(value)[0]
            return self.scatter(math_ops.range(0, count), value, name=name)

    def scatter(self, indices, value, name=None) -> TensorArray:
        """Writes ``value[k]`` at ``indices[k]`` (TensorArrayScatterV3)."""
        with ops.name_scope(name, "TensorArrayScatter", [self._handle, value, indices]):
            value = ops.convert_to_tensor(value, preferred_dtype=self._dtype, name="value")
            self._check_dtype(value)
            if value.shape.ndims:
                self._merge_element_shape(TensorShape(value.shape.as_list()[1:]))
            flow = apply_op("TensorArrayScatterV3", [self._handle, indices, value, self._flow])
            return TensorArray._derived(self, flow)

    def split(self, value, lengths, name=None) -> TensorArray:
        """Writes consecutive pieces of ``value`` of the given ``lengths`` at indices 0, 1...
        (TensorArraySplitV3)."""
        with ops.name_scope(name, "TensorArraySplit", [self._handle, value, lengths]):
            value = ops.convert_to_tensor(value, preferred_dtype=self._dtype, name="value")
            self._check_dtype(value)
            lengths_64 = math_ops.cast(lengths, dtypes.int64)
            static_lengths = tensor_util.constant_value(lengths_64)
            if (self._infer_shape and value.shape.ndims and static_lengths is not None
                    and len(set(static_lengths.tolist())) == 1):
                first = int(static_lengths[0])
                self._merge_element_shape(TensorShape([first] + value.shape.as_list()[1:]))
            flow = apply_op("TensorArraySplitV3", [self._handle, value, lengths_64, self._flow])
            return TensorArray._derived(self, flow)

    def size(self, name=None) -> Tensor:
        """The number of elements: the size given for a fixed-size array, else
        TensorArraySizeV3."""
        if not self._dynamic_size and self._size is not None:
            return ops.convert_to_tensor(self._size, dtype=dtypes.int32)
        return apply_op("TensorArraySizeV3", [self._handle, self._flow], name=name)

    def close(self, name=None):
        """Closes the array (TensorArrayCloseV3)."""
        return apply_op("TensorArrayCloseV3", [self._handle], name=name)


# ---- gradients -----------------------------------------------------------------------------------

def _gradient_source(t: Tensor) -> str:
    """The ``gradients`` name scope ``t`` was made in: one gradient array per tf.gradients."""
    for part in t.op.name.split("/"):
        if part.startswith("gradients"):
            return part
    return "gradients"


@RegisterGradient("TensorArrayReadV3")
def _read_grad(op, grad):
    handle, index, flow = op.inputs
    source = _gradient_source(grad)
    forward = TensorArray(op._attrs["dtype"], handle=handle, flow=flow)
    written = forward.grad(source=source, flow=flow).write(index, grad)
    return [None, None, written.flow]


@RegisterGradient("TensorArrayWriteV3")
def _write_grad(op, flow_grad):
    handle, index, value, _ = op.inputs
    forward = TensorArray(value.dtype, handle=handle, flow=flow_grad)
    value_grad = forward.grad(source=_gradient_source(flow_grad), flow=flow_grad).read(index)
    value_grad.set_shape(value.shape)
    return [None, None, value_grad, flow_grad]


@RegisterGradient("TensorArrayGatherV3")
def _gather_grad(op, grad):
    handle, indices, flow = op.inputs
    forward = TensorArray(op._attrs["dtype"], handle=handle, flow=flow)
    written = forward.grad(source=_gradient_source(grad), flow=flow).scatter(indices, grad)
    return [None, None, written.flow]


@RegisterGradient("TensorArrayScatterV3")
def _scatter_grad(op, flow_grad):
    handle, indices, value, _ = op.inputs
    forward = TensorArray(value.dtype, handle=handle, flow=flow_grad)
    value_grad = forward.grad(source=_gradient_source(flow_grad), flow=flow_grad).gather(indices)
    value_grad.set_shape(value.shape)
    return [None, None, value_grad, flow_grad]


@RegisterGradient("TensorArrayConcatV3")
def _concat_grad(op, grad, _lengths_grad):
    handle, flow = op.inputs
    forward = TensorArray(op._attrs["dtype"], handle=handle, flow=flow)
    written = forward.grad(source=_gradient_source(grad), flow=flow).split(grad, op.outputs[1])
    return [None, written.flow]


@RegisterGradient("TensorArraySplitV3")
def _split_grad(op, flow_grad):
    handle, value, _, _ = op.inputs
    forward = TensorArray(value.dtype, handle=handle, flow=flow_grad)
    value_grad = forward.grad(source=_gradient_source(flow_grad), flow=flow_grad).concat()
    return [None, value_grad, None, flow_grad]

