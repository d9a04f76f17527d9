"""The tfprof messages behind ``tf.profiler`` (``tfprof_output.proto``, ``tfprof_log.proto``),
with TensorFlow's field numbers so serialized results read back in TensorFlow."""

from __future__ import annotations

from tfcompat.protobuf import tensor_pb2  # noqa: F401  (registers TensorShapeProto)
from tfcompat.protobuf.message import Field, MapField, Message


class TFProfTensorProto(Message):
    dtype = Field(1, "enum")
    value_double = Field(2, "double", repeated=True)
    value_int64 = Field(3, "int64", repeated=True)
    value_str = Field(4, "string", repeated=True)


class GraphNodeProto(Message):
    """A node of the profiler's scope (or graph) view: its own statistics and the totals of
    the subtree of displayed, accounted nodes under it."""

    name = Field(1, "string")
    tensor_value = Field(15, "TFProfTensorProto")
    run_count = Field(21, "int64")
    exec_micros = Field(2, "int64")
    accelerator_exec_micros = Field(17, "int64")
    cpu_exec_micros = Field(18, "int64")
    requested_bytes = Field(3, "int64")
    peak_bytes = Field(24, "int64")
    residual_bytes = Field(25, "int64")
    output_bytes = Field(26, "int64")
    parameters = Field(4, "int64")
    float_ops = Field(13, "int64")
    devices = Field(10, "string", repeated=True)
    total_definition_count = Field(23, "int64")
    total_run_count = Field(22, "int64")
    total_exec_micros = Field(6, "int64")
    total_accelerator_exec_micros = Field(19, "int64")
    total_cpu_exec_micros = Field(20, "int64")
    total_requested_bytes = Field(7, "int64")
    total_peak_bytes = Field(27, "int64")
    total_residual_bytes = Field(28, "int64")
    total_output_bytes = Field(29, "int64")
    total_parameters = Field(8, "int64")
    total_float_ops = Field(14, "int64")
    shapes = Field(11, "TensorShapeProto", repeated=True)
    input_shapes = MapField(16, "int32", "TensorShapeProto")
    children = Field(12, "GraphNodeProto", repeated=True)


class MultiGraphNodeProto(Message):
    """A node of the profiler's op/code views (graph nodes grouped by type or code line)."""

    name = Field(1, "string")
    exec_micros = Field(2, "int64")
    accelerator_exec_micros = Field(12, "int64")
    cpu_exec_micros = Field(13, "int64")
    requested_bytes = Field(3, "int64")
    peak_bytes = Field(16, "int64")
    residual_bytes = Field(17, "int64")
    output_bytes = Field(18, "int64")
    parameters = Field(4, "int64")
    float_ops = Field(5, "int64")
    total_exec_micros = Field(6, "int64")
    total_accelerator_exec_micros = Field(14, "int64")
    total_cpu_exec_micros = Field(15, "int64")
    total_requested_bytes = Field(7, "int64")
    total_peak_bytes = Field(19, "int64")
    total_residual_bytes = Field(20, "int64")
    total_output_bytes = Field(21, "int64")
    total_parameters = Field(8, "int64")
    total_float_ops = Field(9, "int64")
    graph_nodes = Field(10, "GraphNodeProto", repeated=True)
    children = Field(11, "MultiGraphNodeProto", repeated=True)


class CodeDef(Message):
    class Trace(Message):
        lineno = Field(2, "int32")
        func_start_line = Field(5, "int32")
        file_id = Field(6, "int64")
        function_id = Field(7, "int64")
        line_id = Field(8, "int64")

    traces = Field(1, "CodeDef.Trace", repeated=True)


class OpLogEntry(Message):
    """Extra facts about one op for the profiler: its FLOPs and extra types (such as
    ``_trainable_variables``)."""

    name = Field(1, "string")
    float_ops = Field(2, "int64")
    types = Field(3, "string", repeated=True)
    code_def = Field(4, "CodeDef")


class OpLogProto(Message):
    log_entries = Field(1, "OpLogEntry", repeated=True)
    id_to_string = MapField(2, "int64", "string")


class AdviceProto(Message):
    class Checker(Message):
        reports = Field(2, "string", repeated=True)

    checkers = MapField(1, "string", "AdviceProto.Checker")
