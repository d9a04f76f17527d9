"""``TensorInfo`` protos naming a graph's tensors (``tf.saved_model.utils``)."""

from __future__ import annotations

from tfcompat.framework import ops
from tfcompat.framework.sparse_tensor import SparseTensor
from tfcompat.framework.tensor_protos import shape_proto
from tfcompat.protobuf.meta_graph_pb2 import TensorInfo


def build_tensor_info(tensor) -> TensorInfo:
    """The ``TensorInfo`` of a graph tensor: its name, dtype and static shape.

    SparseTensors (TF's ``coo_sparse`` encoding) are not supported. Like TF it reads the
    attributes of what it is given, so a non-tensor raises AttributeError.
    """
    if isinstance(tensor, SparseTensor):
        raise NotImplementedError("tfcompat's build_tensor_info does not support SparseTensor "
                                  "(TensorInfo.coo_sparse)")
    dtype = tensor.dtype
    return TensorInfo(name=tensor.name, dtype=dtype.as_datatype_enum,
                      tensor_shape=shape_proto(tensor.get_shape()))


def _scoped_name(name: str, import_scope: str | None) -> str:
    return f"{import_scope}/{name}" if import_scope else name


def get_tensor_from_tensor_info(tensor_info: TensorInfo, graph=None, import_scope=None):
    """The tensor of ``graph`` (default: the default graph) that ``tensor_info`` names, looked up
    under ``import_scope`` when given."""
    graph = graph if graph is not None else ops.get_default_graph()
    encoding = tensor_info.WhichOneof("encoding")
    if encoding != "name":
        raise ValueError(f"Invalid TensorInfo.encoding: {encoding}")
    return graph.get_tensor_by_name(_scoped_name(tensor_info.name, import_scope))
