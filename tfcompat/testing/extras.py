"""The smaller ``tf.test`` helpers: ``Benchmark``, ``StubOutForTesting``, test decorators,
source-path and CPU-target queries, and ``create_local_cluster``."""

from __future__ import annotations

import functools
import os
import time

import numpy as np

from tfcompat.framework import default_session
from tfcompat.training.server_lib import Server, free_local_port

_CPU_TARGET_PREFIXES = ("arm", "aarch64", "ppc", "powerpc", "x86", "s390x")


def _double(value) -> str:
    """A double as protobuf's text format prints it (shortest repr, no trailing ".0")."""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


class Benchmark:
    """Base class of TensorFlow benchmarks (``tf.test.Benchmark``): ``report_benchmark`` logs a
    result; ``run_op_benchmark`` times ``sess.run`` of an op. (Writing BenchmarkEntries files
    for ``TEST_REPORT_FILE_PREFIX`` is not done: results are logged.)"""

    @classmethod
    def is_abstract(cls) -> bool:
        return len(cls.mro()) <= 2

    def _get_name(self, overwrite_name=None) -> str:
        if overwrite_name:
            return f"{type(self).__name__}.{overwrite_name}"
        return type(self).__name__

    def report_benchmark(self, iters=None, cpu_time=None, wall_time=None, throughput=None,
                         extras=None, name=None, metrics=None) -> None:
        """Reports one result: printed as TF's ``BenchmarkEntries`` text when
        ``TEST_REPORT_FILE_PREFIX`` is unset (tfcompat never writes the report file)."""
        lines = ["entry {", f'  name: "{self._get_name(overwrite_name=name)}"']
        for field, value in (("iters", iters), ("cpu_time", cpu_time),
                             ("wall_time", wall_time), ("throughput", throughput)):
            if value is not None and not (field == "throughput" and value == -1):
                lines.append(f"  {field}: {value if field == 'iters' else _double(value)}")
        for key, value in (extras or {}).items():
            kind = ("double_value", _double(value)) if isinstance(value, (int, float)) \
                else ("string_value", f'"{value}"')
            lines += ["  extras {", f'    key: "{key}"', "    value {",
                      f"      {kind[0]}: {kind[1]}", "    }", "  }"]
        for metric in metrics or []:
            lines += ["  metrics {", f'    name: "{metric["name"]}"',
                      f"    value: {_double(metric['value'])}", "  }"]
        lines.append("}")
        print("\n".join(lines) + "\n")

    def run_op_benchmark(self, sess, op_or_tensor, feed_dict=None, burn_iters=2, min_iters=10,
                         store_trace=False, store_memory_usage=True, name=None, extras=None,
                         mbs=0) -> dict:
        """Runs ``op_or_tensor`` ``burn_iters`` times, then ``min_iters`` timed times; reports
        and returns the median wall time (seconds) with ``iters``, ``name`` and ``extras``."""
        del store_trace, store_memory_usage  # no traces or allocator statistics here
        for _ in range(burn_iters):
            sess.run(op_or_tensor, feed_dict=feed_dict)
        deltas = []
        for _ in range(min_iters):
            start = time.time()
            sess.run(op_or_tensor, feed_dict=feed_dict)
            deltas.append(time.time() - start)
        wall_time = float(np.median(deltas)) if deltas else 0.0
        throughput = mbs / wall_time if mbs and wall_time else -1
        extras = dict(extras or {})
        self.report_benchmark(iters=min_iters, wall_time=wall_time, extras=extras, name=name,
                              throughput=throughput)
        return {"iters": min_iters, "wall_time": wall_time, "extras": extras,
                "name": self._get_name(overwrite_name=name), "throughput": throughput}

    def evaluate(self, tensors):
        """The values of ``tensors`` in the default session."""
        session = default_session.get_default_session()
        if session is None:
            raise ValueError("Benchmark.evaluate needs a default session: call it inside "
                             "`with sess.as_default():`")
        return session.run(tensors)


class StubOutForTesting:
    """Replaces attributes for a test and puts them back (``tf.test.StubOutForTesting``)."""

    def __init__(self):
        self.cache: list = []
        self.stubs: list = []

    def __del__(self):
        self.SmartUnsetAll()
        self.UnsetAll()

    def SmartSet(self, obj, attr_name, new_attr):  # noqa: N802 - TF's API
        """Replaces ``obj.attr_name``, remembering where the old value came from."""
        if not hasattr(obj, attr_name):
            raise AttributeError(f"{obj!r} has no attribute {attr_name!r}")
        self.stubs.append((obj, attr_name, getattr(obj, attr_name)))
        setattr(obj, attr_name, new_attr)

    def SmartUnsetAll(self):  # noqa: N802 - TF's API
        """Reverts every SmartSet, newest first."""
        for obj, attr_name, old in reversed(self.stubs):
            setattr(obj, attr_name, old)
        self.stubs = []

    def Set(self, parent, child_name, new_child):  # noqa: N802 - TF's API
        """Replaces ``parent.child_name`` with ``new_child``."""
        old_child = getattr(parent, child_name)
        self.cache.append((parent, old_child, child_name))
        setattr(parent, child_name, new_child)

    def UnsetAll(self):  # noqa: N802 - TF's API
        """Reverts every Set, newest first."""
        for parent, old_child, child_name in reversed(self.cache):
            setattr(parent, child_name, old_child)
        self.cache = []

    def CleanUp(self):  # noqa: N802 - TF's API
        self.SmartUnsetAll()
        self.UnsetAll()


def disable_with_predicate(pred, skip_message):
    """Decorates a test method: skipped with ``skip_message`` when ``pred()`` is true."""
    def decorator(func):
        @functools.wraps(func)
        def wrapper(self, *args, **kwargs):
            if pred():
                self.skipTest(skip_message)
            return func(self, *args, **kwargs)
        return wrapper
    return decorator


def with_eager_op_as_function(cls=None, only_as_function=False):
    """Returns the class unchanged (TF keeps this decorator only for old tests)."""
    del only_as_function
    if cls is not None:
        return cls
    return lambda decorated: decorated


def test_src_dir_path(relative_path: str) -> str:
    """``$TEST_SRCDIR/$TEST_WORKSPACE/tensorflow/<relative_path>`` (Bazel's test runfiles)."""
    return os.path.join(os.environ["TEST_SRCDIR"], os.environ["TEST_WORKSPACE"], "tensorflow",
                        relative_path)


def is_cpu_target_available(target: str) -> bool:
    """Whether the build can generate code for a CPU ``target`` ("x86", "aarch64", "arm",
    "ppc", "s390x"...): never in tfcompat, which compiles nothing (no XLA/LLVM)."""
    if not target.startswith(_CPU_TARGET_PREFIXES):
        raise AssertionError("Unknown CPU target: " + target)
    return False


def create_local_cluster(num_workers, num_ps, protocol="grpc", worker_config=None,
                         ps_config=None):
    """``(workers, ps_servers)`` of a local cluster; tfcompat serves one task in-process, so
    only ``num_workers + num_ps == 1`` works (more raises UnimplementedError, as Server)."""
    del worker_config, ps_config
    cluster = {"worker": [f"localhost:{free_local_port()}" for _ in range(num_workers)]}
    if num_ps > 0:
        cluster["ps"] = [f"localhost:{free_local_port()}" for _ in range(num_ps)]
    workers = [Server(cluster, job_name="worker", protocol=protocol, task_index=i)
               for i in range(num_workers)]
    ps_servers = [Server(cluster, job_name="ps", protocol=protocol, task_index=i)
                  for i in range(num_ps)]
    return workers, ps_servers
