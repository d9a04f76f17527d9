"""``tf.test``: TF1's testing API (TestCase, main, temp dirs, device queries)."""

from __future__ import annotations

import sys
import unittest
from collections.abc import Sequence
from unittest import mock

from tfcompat.platform import flags
from tfcompat.platform.unsupported import make_getattr
from tfcompat.testing.gradient_checker import compute_gradient, compute_gradient_error
from tfcompat.testing.temp_dirs import process_temp_dir
from tfcompat.testing.test_case import TestCase

__all__ = [
    "TestCase", "compute_gradient", "compute_gradient_error", "get_temp_dir", "gpu_device_name",
    "is_built_with_cuda", "is_built_with_gpu_support", "is_built_with_rocm", "is_built_with_xla",
    "is_gpu_available", "main", "mock",
]


def main(argv: Sequence[str] | None = None) -> None:
    """Runs the tests of the ``__main__`` module with unittest, after parsing TF flags.

    Flags the program defined are parsed out of ``argv``; the rest (``-v``, test names...) go to
    unittest. Exits with unittest's status.
    """
    remaining = flags.FLAGS(sys.argv if argv is None else argv, known_only=True)
    unittest.main(module="__main__", argv=remaining)


def get_temp_dir() -> str:
    """Returns a temporary directory for this test process (removed when it exits)."""
    return process_temp_dir()


def is_gpu_available(cuda_only: bool = False, min_cuda_compute_capability=None) -> bool:
    """Returns False: tfcompat runs on the CPU only."""
    return False


def gpu_device_name() -> str:
    """Returns '': tfcompat has no GPU device."""
    return ""


def is_built_with_cuda() -> bool:
    """Returns False: tfcompat is not built with CUDA."""
    return False


def is_built_with_rocm() -> bool:
    """Returns False: tfcompat is not built with ROCm."""
    return False


def is_built_with_gpu_support() -> bool:
    """Returns False: tfcompat has no GPU support."""
    return False


def is_built_with_xla() -> bool:
    """Returns False: tfcompat has no XLA."""
    return False


__getattr__ = make_getattr("tf.test", __name__)

# ---- training
# isort: split
from tfcompat.testing import experimental  # noqa: E402
from tfcompat.testing.extras import (  # noqa: E402
    Benchmark,
    StubOutForTesting,
    create_local_cluster,
    disable_with_predicate,
    is_cpu_target_available,
    test_src_dir_path,
    with_eager_op_as_function,
)
from tfcompat.testing.graph_def_equality import assert_equal_graph_def  # noqa: E402

__all__ += ["Benchmark", "StubOutForTesting", "assert_equal_graph_def", "create_local_cluster",
            "disable_with_predicate", "experimental", "is_cpu_target_available",
            "test_src_dir_path", "with_eager_op_as_function"]

# ---- train2
from tfcompat.testing.benchmark_config import benchmark_config  # noqa: E402, F401
