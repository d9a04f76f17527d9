"""``RunMetadata`` (``config.proto``): what ``Session.run`` reports for ``add_run_metadata``."""

from __future__ import annotations

from tfcompat.protobuf.message import Field, Message


class RunMetadata(Message):
    """Per-run metadata; tfcompat fills ``partition_graphs``. Step stats and cost graphs from
    real TensorFlow are kept as unknown fields when parsed."""

    class FunctionGraphs(Message):
        partition_graphs = Field(1, "GraphDef", repeated=True)
        pre_optimization_graph = Field(2, "GraphDef")
        post_optimization_graph = Field(3, "GraphDef")

    partition_graphs = Field(3, "GraphDef", repeated=True)
    function_graphs = Field(4, "RunMetadata.FunctionGraphs", repeated=True)
