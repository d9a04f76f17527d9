"""``tf.train.Server`` in one process.

tfcompat has no gRPC runtime: a server of a single-task cluster (``create_local_server()``, or a
one-task ``ClusterSpec``) is in-process — its ``target`` is accepted by ``tf.Session``, which runs
locally. A cluster of several tasks would need other processes to talk to, and raises
``UnimplementedError``. Unlike TF, sessions opened on one server target do not share variable
values (each tfcompat Session keeps its own state).
"""

from __future__ import annotations

import socket
import threading

from tfcompat.framework import errors
from tfcompat.protobuf.cluster_pb2 import ServerDef
from tfcompat.training.cluster_spec import ClusterSpec


def _make_server_def(server_or_cluster_def, job_name, task_index, protocol) -> ServerDef:
    if isinstance(server_or_cluster_def, ServerDef):
        server_def = ServerDef()
        server_def.CopyFrom(server_or_cluster_def)
        if job_name is not None:
            server_def.job_name = job_name
        if task_index is not None:
            server_def.task_index = task_index
        if protocol is not None:
            server_def.protocol = protocol
        return server_def
    cluster_spec = ClusterSpec(server_or_cluster_def)
    if not job_name:
        if len(cluster_spec.jobs) != 1:
            raise ValueError("Must specify an explicit `job_name`.")
        job_name = cluster_spec.jobs[0]
    if task_index is None:
        indices = cluster_spec.task_indices(job_name)
        if len(indices) != 1:
            raise ValueError("Must specify an explicit `task_index`.")
        task_index = indices[0]
    return ServerDef(cluster=cluster_spec.as_cluster_def(), job_name=job_name,
                     task_index=task_index, protocol=protocol or "grpc")


class Server:
    """An in-process TensorFlow server (``tf.train.Server``) of a single-task cluster."""

    def __init__(self, server_or_cluster_def, job_name=None, task_index=None, protocol=None,
                 config=None, start=True):
        del config  # a session configuration changes nothing in-process
        self._server_def = _make_server_def(server_or_cluster_def, job_name, task_index,
                                            protocol)
        tasks = [(job.name, index, address) for job in self._server_def.cluster.job
                 for index, address in sorted(job.tasks.items())]
        if len(tasks) > 1:
            raise errors.UnimplementedError(
                None, None, f"tf.train.Server for a cluster of {len(tasks)} tasks is not "
                "supported by tfcompat: it runs one process without gRPC, so only single-task "
                "clusters (tf.train.Server.create_local_server()) are served in-process")
        address = next((a for job, i, a in tasks if job == self._server_def.job_name
                        and i == self._server_def.task_index), None)
        if address is None:
            raise ValueError(f"Task {self._server_def.task_index} of job "
                             f"{self._server_def.job_name!r} is not in the cluster")
        self._target = f"{self._server_def.protocol}://{address}"
        self._started = False
        self._stopped = threading.Event()
        if start:
            self.start()

    def start(self) -> None:
        """Starts the server (in-process: nothing to listen on)."""
        self._started = True

    def join(self) -> None:
        """Blocks until the server shuts down, which an in-process server never does (as TF's
        ``join`` blocks forever)."""
        self._stopped.wait()

    @property
    def server_def(self) -> ServerDef:
        return self._server_def

    @property
    def target(self) -> str:
        """The target string for ``tf.Session(server.target)``."""
        return self._target

    @staticmethod
    def create_local_server(config=None, start=True) -> Server:
        """A server of the one-task cluster ``{"localhost": ["localhost:<free port>"]}``."""
        return Server({"localhost": [f"localhost:{free_local_port()}"]}, protocol="grpc",
                      config=config, start=start)


def free_local_port() -> int:
    """A TCP port free on localhost now (for the address of an in-process server)."""
    with socket.socket() as probe:
        probe.bind(("localhost", 0))
        return probe.getsockname()[1]

