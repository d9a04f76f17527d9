"""CI smoke for benchmarks/models.py: every workload builds and steps once (nothing is timed)."""

import importlib.util
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[2] / "benchmarks" / "models.py"
_spec = importlib.util.spec_from_file_location("benchmark_models", _PATH)
models = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(models)


@pytest.mark.parametrize("workload", sorted(models.WORKLOADS))
@pytest.mark.parametrize("backend", ["tfcompat", "numpy"])
def test_workload_steps(workload, backend):
    result = models.worker(workload, backend, 1)
    assert result["seconds"] > 0
