"""``tf.test.benchmark_config``: the session config TF's benchmarks run with."""

from __future__ import annotations

from tfcompat.client.session import ConfigProto
from tfcompat.protobuf.rewriter_config_pb2 import RewriterConfig


def benchmark_config() -> ConfigProto:
    """A ``ConfigProto`` with Grappler's dependency optimization off (so benchmarked ops are
    not pruned); tfcompat's executor never prunes, the setting is carried as TF sets it."""
    config = ConfigProto()
    config.graph_options.rewrite_options.dependency_optimization = RewriterConfig.OFF
    return config
