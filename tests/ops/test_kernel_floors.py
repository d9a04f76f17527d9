"""The numpy floors of benchmarks/kernels.py compute what the kernels they are timed against do,
so each ratio it reports compares the same math."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

_PATH = Path(__file__).resolve().parents[2] / "benchmarks" / "kernels.py"
_SPEC = importlib.util.spec_from_file_location("benchmark_kernels", _PATH)
kernels = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(kernels)


@pytest.mark.parametrize("name, kernel, floor", kernels.tfcompat_rows(),
                         ids=[name for name, *_ in kernels.table()])
def test_floor_computes_what_the_kernel_computes(name, kernel, floor):
    got, want = kernel(), floor()
    for g, w in zip(got if isinstance(got, tuple) else (got,),
                    want if isinstance(want, tuple) else (want,)):
        np.testing.assert_allclose(g, w, rtol=2e-5, atol=2e-5)
