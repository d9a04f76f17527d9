# ruff: noqa: F401
"""``tf.profiler`` (TF1): static FLOPs and parameter counts of a graph by name scope."""

from tfcompat.platform.unsupported import make_getattr
from tfcompat.profiler.model_analyzer import profile, write_op_log
from tfcompat.profiler.option_builder import ProfileOptionBuilder
from tfcompat.protobuf.tfprof_pb2 import (
    AdviceProto,
    GraphNodeProto,
    MultiGraphNodeProto,
    OpLogProto,
)

__getattr__ = make_getattr("tf.profiler", __name__)
