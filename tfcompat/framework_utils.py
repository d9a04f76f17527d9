"""Small framework names of the ``tf`` namespace: tensor predicates and conversions
(``is_tensor``, ``get_static_value``, ``make_tensor_proto``...), scopes (``init_scope``,
``op_scope``), the variable policy enums, the build constants, and the plugin loaders (which
cannot load C++ libraries into tfcompat)."""

from __future__ import annotations

import contextlib
import enum
import os

import numpy as np

from tfcompat.framework import dtypes, errors, ops, tensor_util
from tfcompat.framework.indexed_slices import IndexedSlices
from tfcompat.framework.sparse_tensor import SparseTensor
from tfcompat.framework.tensor_protos import _append_values, shape_proto, tensor_proto
from tfcompat.framework.tensor_shape import Dimension, TensorShape
from tfcompat.protobuf.tensor_pb2 import TensorProto
from tfcompat.variables.variables import Variable

# ---- constants (TF 2.21's values: they describe the API tfcompat follows) ---------------------

GRAPH_DEF_VERSION_MIN_CONSUMER = 0
GRAPH_DEF_VERSION_MIN_PRODUCER = 0
CXX11_ABI_FLAG = 1
CXX_VERSION = 201703
MONOLITHIC_BUILD = 0
QUANTIZED_DTYPES = frozenset(
    d for base in (dtypes.qint8, dtypes.quint8, dtypes.qint16, dtypes.quint16, dtypes.qint32)
    for d in (base, base._as_ref))


class VariableAggregation(enum.Enum):
    """How a distributed variable aggregates updates from replicas."""

    NONE = 0
    SUM = 1
    MEAN = 2
    ONLY_FIRST_REPLICA = 3


class VariableSynchronization(enum.Enum):
    """When a distributed variable is synchronized."""

    AUTO = 0
    NONE = 1
    ON_WRITE = 2
    ON_READ = 3


def no_regularizer(_):
    """A regularizer that regularizes nothing (returns None)."""
    return None


# ---- tensors --------------------------------------------------------------------------------

def is_tensor(x) -> bool:
    """Whether ``x`` is a TF-native value ops accept as is: a Tensor, Variable, SparseTensor or
    IndexedSlices (not numpy arrays or Python values)."""
    return isinstance(x, (ops.Tensor, Variable, SparseTensor, IndexedSlices))


def is_symbolic_tensor(tensor) -> bool:
    """Whether ``tensor`` is a graph Tensor (a Variable is not one)."""
    return isinstance(tensor, ops.Tensor)


def get_static_value(tensor, partial=False):
    """The value of ``tensor`` if it can be computed without running the graph, else None;
    numpy and Python values come back as arrays."""
    if not is_tensor(tensor):
        return np.asarray(tensor) if not isinstance(tensor, np.ndarray) else tensor
    if not isinstance(tensor, ops.Tensor):
        return None
    if partial and tensor.op.type == "Pack":
        # Partially known: the foldable elements, None for the others.
        elements = [tensor_util.constant_value(t) for t in tensor.op.inputs]
        if all(e is None for e in elements):
            return None
        result = np.empty(len(elements), dtype=object)
        result[:] = elements
        return result
    return tensor_util.constant_value(tensor)


def make_tensor_proto(values, dtype=None, shape=None, verify_shape=False,
                      allow_broadcast=False) -> TensorProto:
    """``values`` as a TensorProto (as GraphDef constants store them): numbers packed into
    ``tensor_content`` when the value fills ``shape``, else the given values in the typed field
    (a shorter value repeats its last element when read back)."""
    if dtype is not None:
        dtype = dtypes.as_dtype(dtype).base_dtype
    array = tensor_util.make_ndarray(values, dtype)
    if dtype is None:
        dtype = dtypes.as_dtype(array.dtype)
        array = dtypes.storage_view(array)
    if shape is None:
        return tensor_proto(array, dtype)
    target = tuple(int(d) for d in TensorShape(shape).as_list())
    size = int(np.prod(target, dtype=np.int64))
    if verify_shape and array.shape != target:
        raise TypeError(f"Expected Tensor's shape: {target}, but got {array.shape}.")
    if array.size > size:
        raise ValueError(f"Too many elements provided. Takes at most {size}, but got "
                         f"{array.size}.")
    if allow_broadcast and array.shape not in ((), (1,), target):
        raise TypeError(f"Expected Tensor's shape: {target}, but got {array.shape}.")
    if array.size == size:
        return tensor_proto(array.reshape(target), dtype)
    proto = TensorProto(dtype=dtype.as_datatype_enum,
                        tensor_shape=shape_proto(TensorShape(list(target))))
    if dtype is dtypes.string:
        proto.string_val.extend(bytes(v) for v in array.reshape(-1))
    else:
        _append_values(proto, dtype, array.reshape(-1))
    return proto


def convert_to_tensor_or_indexed_slices(value, dtype=None, name=None):
    """``value`` as a Tensor, or itself when it is already IndexedSlices or a SparseTensor."""
    if isinstance(value, (IndexedSlices, SparseTensor)):
        if dtype and not dtypes.as_dtype(dtype).is_compatible_with(value.dtype):
            raise ValueError(f"Incompatible tensor conversion requested to `dtype` "
                             f"{dtypes.as_dtype(dtype).name} for `value` ({value}) with dtype "
                             f"{value.dtype.name}.")
        return value
    return ops.convert_to_tensor(value, dtype=dtype, name=name)


def dimension_at_index(shape, index) -> Dimension:
    """Dimension ``index`` of ``shape`` as a Dimension (unknown when the rank is)."""
    shape = TensorShape(shape) if not isinstance(shape, TensorShape) else shape
    if shape.ndims is None:
        return Dimension(None)
    return Dimension(shape.as_tuple()[index])


# ---- scopes ---------------------------------------------------------------------------------

@contextlib.contextmanager
def init_scope():
    """Lifts the ops created inside out of every control-dependency block (the name scope
    stays): where TF creates variables' initializers."""
    with ops.get_default_graph().control_dependencies(None):
        yield


@contextlib.contextmanager
def op_scope(values, name, default_name=None):
    """Deprecated: ``tf.name_scope(name, default_name, values)`` with TF1's argument order."""
    with ops.name_scope(name, default_name=default_name, values=values) as scope:
        yield scope


# ---- plugin libraries -------------------------------------------------------------------------

def _cannot_load(path: str) -> errors.NotFoundError:
    if not os.path.exists(path):
        return errors.NotFoundError(
            None, None, f"{path}: cannot open shared object file: No such file or directory")
    if os.path.isdir(path):
        return errors.NotFoundError(None, None, f"{path}: cannot read file data: Is a directory")
    return errors.NotFoundError(
        None, None, f"{path}: cannot load a TensorFlow plugin library: tfcompat is pure Python "
        "and runs no C++ kernels (write the op with tf.py_func instead)")


def load_op_library(library_filename):
    """Would load custom ops and kernels from a shared library: tfcompat cannot (NotFoundError,
    TF's error for a missing file)."""
    raise _cannot_load(library_filename)


def load_file_system_library(library_filename):
    """Would load a file-system plugin: tfcompat cannot (NotFoundError)."""
    raise _cannot_load(library_filename)


def load_library(library_location):
    """Would load a plugin library (or every one in a directory): tfcompat cannot."""
    if not os.path.exists(library_location):
        raise FileNotFoundError(
            2, "The file or folder to load kernel libraries from does not exist.",
            library_location)
    if os.path.isdir(library_location):
        libraries = [os.path.join(library_location, f) for f in sorted(
            os.listdir(library_location)) if f.endswith((".so", ".dylib", ".dll"))]
        if not libraries:
            return
        library_location = libraries[0]
    raise _cannot_load(library_location)


def container(container_name):
    """``Graph.container`` of the default graph: the resource container of the stateful ops
    created in the block."""
    return ops.get_default_graph().container(container_name)
