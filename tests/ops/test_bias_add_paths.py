"""BiasAdd's two paths (a plain broadcast add for small values, the bias repeated along long rows
from _TILED_MIN_ROWS rows on) both give np.add's bits, on each side of the switch."""

from __future__ import annotations

import numpy as np
import pytest

from tfcompat.ops import nn_bias_add

EDGES = np.array([-0.0, 0.0, np.nan, -np.nan, np.inf, -np.inf, 1.0, -1.0, 3e38], np.float32)


def _rows_at_switch(channels: int) -> int:
    """Pixels at which BiasAdd starts repeating a bias of ``channels`` along long rows."""
    return nn_bias_add._TILED_MIN_ROWS * (nn_bias_add._BIAS_ROW // channels)


@pytest.mark.parametrize("channels", [2, 7, 32, 128, 512, 3000])
@pytest.mark.parametrize("offset", [-1, 0, 1, 37])
@pytest.mark.parametrize("edges", [False, True])
def test_both_sides_of_the_switch_are_np_add(channels, offset, edges):
    rng = np.random.RandomState(channels + offset)
    pixels = _rows_at_switch(channels) + offset
    value = rng.randn(pixels, channels).astype(np.float32)
    bias = rng.randn(channels).astype(np.float32)
    if edges:
        value.flat[rng.randint(0, value.size, 50)] = rng.choice(EDGES, 50)
        bias[rng.randint(0, channels, 3)] = rng.choice(EDGES, 3)
    with np.errstate(all="ignore"):
        got, want = nn_bias_add._bias_add_kernel(value, bias), np.add(value, bias)
    assert got.dtype == want.dtype and got.shape == want.shape
    assert got.tobytes() == want.tobytes()


def test_lstm_gate_shape_adds_plainly(monkeypatch):
    rng = np.random.RandomState(0)
    value, bias = rng.randn(32, 512).astype(np.float32), rng.randn(512).astype(np.float32)
    monkeypatch.setattr(np, "tile", None)  # the repeated bias would call np.tile
    assert nn_bias_add._bias_add_kernel(value, bias).tobytes() == np.add(value, bias).tobytes()
