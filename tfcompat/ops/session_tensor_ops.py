"""Tensors kept in a session between runs: ``tf.get_session_handle`` (GetSessionHandle),
``tf.get_session_tensor`` (GetSessionTensor), ``tf.delete_session_tensor``
(DeleteSessionTensor).

Fetching a GetSessionHandle op returns a ``TensorHandle`` naming the stored value (a string
handle, as in TF); feeding that string to a GetSessionTensor's placeholder reads it back in a
later run. Differences from TF: ``TensorHandle.eval()`` and ``to_numpy_array()`` return the
stored value directly (TF's eval builds and runs a GetSessionTensor op; its to_numpy_array
returns the raw handle), and handles are not deleted when their TensorHandle is garbage
collected.
"""

from __future__ import annotations

import itertools
import threading

import numpy as np

from tfcompat.framework import dtypes, errors
from tfcompat.framework.op_registry import NOT_DIFFERENTIABLE, register_op
from tfcompat.framework.ops import Tensor, apply_op
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape
from tfcompat.ops.array.core import placeholder
from tfcompat.ops.resource_container import container_for

_DEVICE = "/job:localhost/replica:0/task:0/device:CPU:0"


class _SessionTensorStore:
    """The tensors one session keeps, by handle."""

    def __init__(self):
        self.values: dict[str, np.ndarray] = {}
        self.lock = threading.Lock()
        self._ids = itertools.count()

    def add(self, op_name: str, value: np.ndarray) -> str:
        with self.lock:
            handle = f"{op_name};{next(self._ids)};{_DEVICE}"
            self.values[handle] = value
        return handle

    def get(self, handle: str) -> np.ndarray:
        with self.lock:
            try:
                return self.values[handle]
            except KeyError:
                raise errors.InvalidArgumentError(
                    None, None, f"The session tensor with handle '{handle}' does not exist "
                    "(deleted, or made by another session)") from None

    def delete(self, handle: str) -> None:
        with self.lock:
            self.values.pop(handle, None)


class TensorHandle:
    """What fetching ``tf.get_session_handle(t)`` returns: the handle of ``t``'s stored value."""

    def __init__(self, handle: str, dtype, store: _SessionTensorStore):
        self._handle = handle
        self._dtype = dtype
        self._store = store

    @property
    def handle(self) -> str:
        return self._handle

    def get_raw_handle(self) -> str:
        return self._handle

    def __str__(self) -> str:
        return self._handle

    def eval(self):
        """The stored value."""
        return self.to_numpy_array()

    def to_numpy_array(self):
        """The stored value."""
        value = self._store.get(self._handle)
        return value[()] if value.ndim == 0 else value.copy()

    def delete(self) -> None:
        """Drops the stored value from its session."""
        self._store.delete(self._handle)


def _store_of(state) -> _SessionTensorStore:
    return container_for(state).lookup_or_create("__session_tensors__",
                                                 lambda unique: _SessionTensorStore())


def _handle_text(value) -> str:
    value = np.asarray(value).item() if isinstance(value, np.ndarray) else value
    if isinstance(value, TensorHandle):
        return value.handle
    return value.decode() if isinstance(value, bytes) else str(value)


def _bind_get_handle(op, state):
    store = _store_of(state)
    dtype = op.inputs[0].dtype.base_dtype

    def kernel(value):
        out = np.empty((), dtype=object)
        out[()] = TensorHandle(store.add(op.name, np.array(value, copy=True)), dtype, store)
        return out
    return kernel


def _bind_get_tensor(op, state):
    store = _store_of(state)
    return lambda handle: store.get(_handle_text(handle))


def _bind_delete(op, state):
    store = _store_of(state)
    return lambda handle: store.delete(_handle_text(handle))


register_op("GetSessionHandle", inputs=("value: T",), bind=_bind_get_handle, stateful=True,
            shape_fn=lambda op: [(dtypes.string, TensorShape([]))], grad=NOT_DIFFERENTIABLE)
register_op("GetSessionTensor", inputs=("handle: string",), bind=_bind_get_tensor,
            stateful=True, shape_fn=lambda op: [(op._attrs["dtype"], unknown_shape())],
            grad=NOT_DIFFERENTIABLE)
register_op("DeleteSessionTensor", inputs=("handle: string",), bind=_bind_delete,
            stateful=True, shape_fn=lambda op: [], grad=NOT_DIFFERENTIABLE)


def get_session_handle(data, name=None) -> Tensor:
    """A handle to ``data``'s value, kept in the session after the run (fetch it to get a
    TensorHandle)."""
    if not isinstance(data, Tensor):
        raise TypeError("`data` must be of type Tensor.")
    return apply_op("GetSessionHandle", [data], name=name)


def get_session_tensor(handle, dtype, name=None):
    """(placeholder, tensor): feed the placeholder a handle string to read its stored value."""
    del handle  # TF uses it only to pick the device
    holder = placeholder(dtypes.string)
    tensor = apply_op("GetSessionTensor", [holder], name=name,
                      attrs={"dtype": dtypes.as_dtype(dtype)})
    return holder, tensor


def delete_session_tensor(handle, name=None):
    """(placeholder, op): feed the placeholder a handle string to drop its stored value."""
    del handle
    holder = placeholder(dtypes.string)
    return holder, apply_op("DeleteSessionTensor", [holder], name=name)
