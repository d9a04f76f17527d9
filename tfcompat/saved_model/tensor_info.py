"""``TensorInfo`` protos naming a graph's tensors (``tf.saved_model.utils``)."""

from __future__ import annotations

from tfcompat.framework import ops
from tfcompat.framework.sparse_tensor import SparseTensor
from tfcompat.framework.tensor_protos import shape_proto
from tfcompat.protobuf.meta_graph_pb2 import TensorInfo


def build_tensor_info(tensor) -> TensorInfo:
    """The ``TensorInfo`` of a graph tensor: its name, dtype and static shape.

    A SparseTensor is recorded by the names of its three tensors (``coo_sparse``), with the
    values' dtype and the dense shape. Like TF it reads the attributes of what it is given, so
    a non-tensor raises AttributeError.
    """
    if isinstance(tensor, SparseTensor):
        info = TensorInfo(dtype=tensor.dtype.as_datatype_enum,
                          tensor_shape=shape_proto(tensor.get_shape()))
        info.coo_sparse.values_tensor_name = tensor.values.name
        info.coo_sparse.indices_tensor_name = tensor.indices.name
        info.coo_sparse.dense_shape_tensor_name = tensor.dense_shape.name
        return info
    dtype = tensor.dtype
    return TensorInfo(name=tensor.name, dtype=dtype.as_datatype_enum,
                      tensor_shape=shape_proto(tensor.get_shape()))


def _scoped_name(name: str, import_scope: str | None) -> str:
    return f"{import_scope}/{name}" if import_scope else name


def get_tensor_from_tensor_info(tensor_info: TensorInfo, graph=None, import_scope=None):
    """The tensor (or SparseTensor) of ``graph`` (default: the default graph) that
    ``tensor_info`` names, looked up under ``import_scope`` when given."""
    graph = graph if graph is not None else ops.get_default_graph()

    def tensor(name: str):
        return graph.get_tensor_by_name(_scoped_name(name, import_scope))

    encoding = tensor_info.WhichOneof("encoding")
    if encoding == "name":
        return tensor(tensor_info.name)
    if encoding == "coo_sparse":
        sparse = tensor_info.coo_sparse
        return SparseTensor(tensor(sparse.indices_tensor_name),
                            tensor(sparse.values_tensor_name),
                            tensor(sparse.dense_shape_tensor_name))
    raise ValueError(f"Invalid TensorInfo.encoding: {encoding}. Expected `coo_sparse`, "
                     "`composite_tensor`, or `name` for a dense tensor.")
