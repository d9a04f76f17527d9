"""How TF's CPU random kernels lay samples over the Philox stream.

Each sampler takes the op's Philox ``key`` and the first ``counter`` of the range its run
reserved, and returns the samples TF's kernel produces for that range. ``*_blocks(...)``
functions give the number of counters a run reserves, so the next run starts past them.
Layouts (observed on TF 2.21's CPU kernels):

- uniform and normal: one Philox block per group of 4 float32/float16/bfloat16 samples or 2
  float64 samples, group ``i`` at ``counter + i``; a run reserves 256 blocks per sample.
- truncated normal: group ``i`` (4 samples, 2 for float64) starts its own generator at
  ``counter + 64 * group_size * i`` and rejects Box-Muller values with ``|x| >= 2``.
- shuffle: Fisher-Yates from the first element, one 32-bit word per swap.
- categorical: one float64 uniform (two words) per sample, rows one after another within
  each range of rows TF gives one thread.
"""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes
from tfcompat.ops import c_math
from tfcompat.ops.philox import (
    philox_at,
    philox_blocks,
    uint32_to_bfloat16,
    uint32_to_float,
    uint32_to_half,
    uint64_to_double,
)

_BLOCKS_PER_SAMPLE = 256
_TRUNCATE_AT = 2.0


def _ceil_div(a: int, b: int) -> int:
    return -(-a // b)


def samples_blocks(count: int) -> int:
    """Blocks a uniform, normal or truncated-normal run of ``count`` samples reserves."""
    return count * _BLOCKS_PER_SAMPLE


def uniform(key: int, counter: int, count: int, dtype: dtypes.DType) -> np.ndarray:
    """``count`` uniform samples in [0, 1) of a float dtype (bfloat16 held as float32)."""
    if dtype is dtypes.float64:
        words = philox_blocks(key, counter, _ceil_div(count, 2)).reshape(-1, 2)
        return uint64_to_double(words[:, 0], words[:, 1])[:count]
    words = philox_blocks(key, counter, _ceil_div(count, 4)).reshape(-1)[:count]
    if dtype is dtypes.float16:
        return uint32_to_half(words)
    if dtype is dtypes.bfloat16:
        return uint32_to_bfloat16(words)
    return uint32_to_float(words)


def uniform_int(key: int, counter: int, count: int, minval: int, maxval: int,
                dtype: dtypes.DType) -> np.ndarray:
    """``count`` integers in [minval, maxval): ``minval + word % (maxval - minval)``.

    int32 uses one word per sample, int64 two (low word first). The caller checks
    ``minval < maxval``.
    """
    if dtype is dtypes.int64:
        words = philox_blocks(key, counter, _ceil_div(count, 2)).reshape(-1, 2)[:count]
        bits = (words[:, 1].astype(np.uint64) << np.uint64(32)) | words[:, 0]
        span = np.uint64((maxval - minval) % 2**64)
        return (np.uint64(minval % 2**64) + bits % span).view(np.int64)
    words = philox_blocks(key, counter, _ceil_div(count, 4)).reshape(-1)[:count]
    span = np.uint32((maxval - minval) % 2**32)
    return (np.uint32(minval % 2**32) + words % span).view(np.int32)


def _normal_float32(words: np.ndarray) -> np.ndarray:
    """Box-Muller on float32: words (w0, w1) and (w2, w3) of each block give 4 samples.

    The radius comes from the first word of a pair (kept >= 1e-7 away from log(0)), the angle
    from the second; log/sin/cos round as TF's C library does (see tfcompat.ops.c_math).
    """
    u1 = np.maximum(uint32_to_float(words[:, 0::2]), np.float32(1.0e-7))
    # 2*pi is a double in TF's formula: the angle is rounded to float after the product.
    angle = (uint32_to_float(words[:, 1::2]).astype(np.float64) * (2 * np.pi)).astype(
        np.float32)
    radius = np.sqrt(np.float32(-2.0) * c_math.log(u1))
    out = np.empty(words.shape, dtype=np.float32)
    out[:, 0::2] = c_math.sin(angle) * radius
    out[:, 1::2] = c_math.cos(angle) * radius
    return out


def _normal_float64(words: np.ndarray) -> np.ndarray:
    """Box-Muller on float64: the four words of each block give 2 samples."""
    u1 = np.maximum(uint64_to_double(words[:, 0], words[:, 1]), 1.0e-7)
    angle = uint64_to_double(words[:, 2], words[:, 3]) * (2 * np.pi)
    radius = np.sqrt(-2.0 * c_math.log(u1))
    return np.stack([c_math.sin(angle) * radius, c_math.cos(angle) * radius], axis=-1)


def _to_bfloat16(values: np.ndarray) -> np.ndarray:
    """Rounds float32 values to bfloat16 precision (to nearest even), held as float32."""
    bits = values.astype(np.float32).view(np.uint32)
    rounding = np.uint32(0x7FFF) + ((bits >> np.uint32(16)) & np.uint32(1))
    return ((bits + rounding) & np.uint32(0xFFFF0000)).view(np.float32)


def _from_float32(values: np.ndarray, dtype: dtypes.DType) -> np.ndarray:
    if dtype is dtypes.float16:
        return values.astype(np.float16)
    if dtype is dtypes.bfloat16:
        return _to_bfloat16(values)
    return values


def normal(key: int, counter: int, count: int, dtype: dtypes.DType) -> np.ndarray:
    """``count`` standard normal samples (float16/bfloat16 are computed in float32)."""
    if dtype is dtypes.float64:
        words = philox_blocks(key, counter, _ceil_div(count, 2))
        return _normal_float64(words).reshape(-1)[:count]
    words = philox_blocks(key, counter, _ceil_div(count, 4))
    return _from_float32(_normal_float32(words).reshape(-1)[:count], dtype)


def truncated_normal(key: int, counter: int, count: int, dtype: dtypes.DType) -> np.ndarray:
    """``count`` standard normal samples with ``|x| < 2``, by rejection.

    Every group draws blocks from its own generator until it has accepted ``group`` values;
    all groups still short of that draw their next block together.
    """
    group = 2 if dtype is dtypes.float64 else 4
    groups = _ceil_div(count, group)
    stride = np.uint64(64 * group)
    sampler = _normal_float64 if dtype is dtypes.float64 else _normal_float32
    out = np.empty((groups, group), dtype=np.float64 if group == 2 else np.float32)
    filled = np.zeros(groups, dtype=np.int64)
    pending = np.arange(groups, dtype=np.int64)  # groups still short of samples
    block = 0
    while pending.size:
        offsets = pending.astype(np.uint64) * stride + np.uint64(block)
        candidates = sampler(philox_at(key, counter, offsets))
        accepted = np.abs(candidates) < _TRUNCATE_AT
        # Accepted candidates go to the group's next free slots, in order, until it is full.
        slot = filled[pending, None] + np.cumsum(accepted, axis=1) - 1
        keep = accepted & (slot < group)
        rows = np.broadcast_to(pending[:, None], keep.shape)[keep]
        out[rows, slot[keep]] = candidates[keep]
        filled[pending] = np.minimum(filled[pending] + accepted.sum(axis=1), group)
        pending = pending[filled[pending] < group]
        block += 1
    return _from_float32(out.reshape(-1)[:count], dtype)


def shuffle_blocks(count: int) -> int:
    """Blocks a shuffle of ``count`` elements reserves: one word per swap."""
    return _ceil_div(max(count - 1, 0), 4)


def permutation(key: int, counter: int, count: int) -> np.ndarray:
    """The index permutation RandomShuffle applies to ``count`` elements (Fisher-Yates)."""
    words = philox_blocks(key, counter, shuffle_blocks(count)).reshape(-1)
    remaining = np.arange(count, 1, -1, dtype=np.uint32)
    # Element i swaps with one of the count - i elements from i on.
    targets = (np.arange(count - 1) + words[:count - 1] % remaining).tolist()
    order = list(range(count))
    for i, j in enumerate(targets):
        order[i], order[j] = order[j], order[i]
    return np.asarray(order, dtype=np.int64)


def categorical_blocks(rows: int, num_samples: int) -> int:
    """Blocks a Multinomial run reserves: 512 per sample slot, samples rounded up to 4."""
    return rows * _ceil_div(num_samples, 4) * 4 * 2 * _BLOCKS_PER_SAMPLE


def _parallel_for_ranges(total: int, cost_per_unit: int, threads: int) -> list[tuple[int, int]]:
    """How TF's thread pool splits ``total`` units of work into contiguous ranges.

    Work too small to pay for a second thread (modelled as 100000 cycles to start and 100000
    per thread) runs as one range; otherwise ranges hold ``block`` units, ``block`` chosen to
    give every thread about four ranges, but at least 40000 cycles of work each, then made
    coarser while that keeps all threads equally busy.
    """
    if total <= 1 or threads <= 1:
        return [(0, total)]
    useful_threads = int((total * cost_per_unit - 100000) / 100000 + 0.9)
    if min(threads, max(1, useful_threads)) == 1:
        return [(0, total)]
    block = min(total, max(_ceil_div(total, 4 * threads), int(40000 / cost_per_unit)))
    max_block = min(total, 2 * block)
    count = _ceil_div(total, block)

    def efficiency(blocks: int) -> float:
        return blocks / (_ceil_div(blocks, threads) * threads)

    best = efficiency(count)
    previous = count
    while best < 1.0 and previous > 1:
        coarser = _ceil_div(total, previous - 1)
        if coarser > max_block:
            break
        coarser_count = _ceil_div(total, coarser)
        previous = coarser_count
        if efficiency(coarser_count) + 0.01 >= best:
            block, count = coarser, coarser_count
            best = max(best, efficiency(coarser_count))
    return [(start, min(start + block, total)) for start in range(0, total, block)]


def categorical(key: int, counter: int, logits: np.ndarray, num_samples: int,
                threads: int) -> np.ndarray:
    """``[rows, num_samples]`` class indices drawn with probabilities ``softmax(logits)``.

    Non-finite logits get probability 0. Each sample scales a float64 uniform by the row's
    total weight and takes the first class whose running total exceeds it. TF splits the rows
    over ``threads`` threads; a range starting at row ``r`` draws its uniforms one after
    another from block ``r * (num_samples + 3) // 4`` on (ranges can overlap: TF reserves a
    quarter block per sample but a float64 takes half a block).
    """
    rows, classes = logits.shape
    cost = int(50 * (num_samples * np.log(classes) / np.log(2) + classes))
    out = np.empty((rows, num_samples), dtype=np.int64)
    for start, end in _parallel_for_ranges(rows, cost, threads):
        count = (end - start) * num_samples
        words = philox_blocks(key, counter + start * (num_samples + 3) // 4,
                              _ceil_div(count, 2)).reshape(-1, 2)
        uniforms = uint64_to_double(words[:, 0], words[:, 1])[:count]
        for offset, row in enumerate(np.asarray(logits[start:end], dtype=np.float64)):
            draws = uniforms[offset * num_samples:(offset + 1) * num_samples]
            out[start + offset] = _sample_row(row, draws)
    return out


def _sample_row(row: np.ndarray, uniforms: np.ndarray) -> np.ndarray:
    finite = np.isfinite(row)
    top = row[finite].max() if finite.any() else np.finfo(np.float64).min
    with np.errstate(over="ignore", invalid="ignore"):
        weights = np.where(finite, np.exp(row - top), 0.0)
    running = np.cumsum(weights)
    return np.searchsorted(running, uniforms * running[-1], side="right")
