"""``ClusterDef`` / ``JobDef`` (``cluster.proto``) and ``ServerDef``
(``tensorflow_server.proto``), with TF's field numbers. ``ServerDef.default_session_config``
(a ConfigProto) and ``cluster_device_filters`` are not declared: parsed, they are kept as unknown
fields."""

from __future__ import annotations

from tfcompat.protobuf.message import Field, MapField, Message


class JobDef(Message):
    """One job of a cluster: its name and task index -> "host:port"."""

    name = Field(1, "string")
    tasks = MapField(2, "int32", "string")


class ClusterDef(Message):
    """The jobs of a cluster."""

    job = Field(1, "JobDef", repeated=True)


class ServerDef(Message):
    """What a ``tf.train.Server`` serves: the cluster and this server's job and task."""

    cluster = Field(1, "ClusterDef")
    job_name = Field(2, "string")
    task_index = Field(3, "int32")
    protocol = Field(5, "string")
    port = Field(6, "int32")
    replica = Field(8, "int32")
