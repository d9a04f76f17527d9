"""Slicing/gathering/padding cases and what TensorFlow 2.21 (compat.v1, CPU) does with them.

Each case is a snippet run with ``tf`` (real TensorFlow or tfcompat) on a fresh graph holding a
few standard tensors (see ``_standard_tensors``). ``evaluate`` records the ops the snippet
created (name, type, inputs, output shapes, attrs), the static shapes and dtypes of the results,
and their values (or the build/run error). Re-record with::

    /opt/tfvenv/bin/python tests/ops/slicing_ops_oracle.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

DATA_PATH = Path(__file__).resolve().parent / "data" / "slicing_ops_oracle.json"
_FULL_VALUES_UP_TO = 64  # larger outputs are stored as shape, head and checksums

X = np.arange(24, dtype=np.float32).reshape(2, 3, 4)
XV = (np.arange(120, dtype=np.float32).reshape(4, 5, 6) / 8 + 1).astype(np.float32)

GETITEM_SPECS = [
    "x[0]", "x[1:3]", "x[:, 0]", "x[..., None]", "x[::-1]", "x[t]", "x[t:]", "x[np.int32(1)]",
    "x[1, :, tf.newaxis, ::2]", "x[-1]", "x[:-1, 1:]", "x[None]", "x[...]", "x[:]",
    "x[0, ..., 1]", "x[t, 1]", "x[np.int64(2)]", "x[:, t:t+1]", "x[1::-1]", "x[..., 0]",
    "x[3:1:-1, ::-2]", "x[:, :, 1]", "x[t64]", "x[t64:]", "x[:t]", "x[::t]", "x[t, t64]",
    "x[1:t64]", "x[t:t64]", "x[10]", "x[:, 7]", "x['a']", "x[1.5]", "x[[1, 2]]",
    "x[np.array([1, 2])]", "x[..., ...]", "x[1, 2, 3, 4]", "x[tf.constant(1.0)]",
    "x[tf.constant([1, 2])]", "x[True]", "x[tf.constant(True)]", "x[tf.constant(1, tf.int16)]",
    "x[0:2:0]", "x[p]", "x[p:]", "u[1]", "u[1:, 0]", "u[..., 2]", "x[1:2:t]", "x[np.int32(1):]",
    "x[2:1]", "x[-10:10]", "x[:, -7]", "x[:, -6]", "x[tf.newaxis, ..., tf.newaxis]",
    "x[None, 0, None, ..., None, 1]", "s[0]", "s[...]", "s[None]", "x[t64:t]", "x[:t:t64]",
    "x[t:5]", "x[t16:]", "x[:t64, t]", "x[t, 1:t]", "x[..., t]", "x[p, None, ::-1]",
    "x[np.int64(1):]", "x[()]", "x[m]", "s[0:1]", "s[None, 0]", "x[..., None, 0, 0, 0, 0]",
    "x[:, :, :, :]", "x[0, 0, 0, 0:1]", "x[p, p]",
]

OP_SNIPPETS = [
    "y = tf.slice(w, [1, 0, 2], [1, -1, 2])",
    "y = tf.slice(w, [1, 0, 2], [2, -1, 2])",
    "y = tf.slice(w, [0, 5, 0], [1, -1, 2])",
    "y = tf.slice(w, [0, 0], [1, 1])",
    "y = tf.slice(w, [0, 0, 0], [1, -2, 1])",
    "y = tf.slice(u, [0, 0, 0], [1, -1, 1])",
    "y = tf.slice(u, [3, 0, 0], [1, -1, 1])",
    "y = tf.slice(u, [0, 0, 5], [1, 1, 1])",
    "y = tf.slice(u, [0, p, 0], [1, 2, -1])",
    "y = tf.slice(u, [0, 0, 0], [1, p, -1])",
    "y = tf.slice(w, [0, 0, 0], [p, 2, -1])",
    "y = tf.slice(w, [0, 0, 0], tf.stack([p, 2, -1]))",
    "y = tf.slice(w, [0, 0, 3], [1, 1, 2])",
    "y = tf.slice(w, q, [1, 1, 1]); feeds = {q: [0, 0]}",
    "y = tf.slice(w, [0, 0, 0], q); feeds = {q: [1, -3, 1]}",
    "y = tf.slice(w, [0, p, 0], [1, 1, 1]); feeds = {p: -1}",
    "y = tf.slice(tf.zeros([2, 0]), [0, p], [1, 0])",
    "y = tf.strided_slice(w, [0], [1], [0])",
    "y = tf.strided_slice(u, [0, 7], [1, 8], [1, 1], shrink_axis_mask=2)",
    "y = tf.strided_slice(w, [0, 0], [1, 1], [1, -1], shrink_axis_mask=2)",
    "y = tf.strided_slice(w, [0], [1, 2], [1])",
    "y = tf.strided_slice(w, [p], [p], [1], shrink_axis_mask=1)",
    "y = tf.strided_slice(w, [0], [2], [p])",
    "y = tf.strided_slice(w, [1], [2])",
    "y = tf.strided_slice(w, q, [1], [1]); feeds = {q: [0, 0]}",
    "y = w[p]; feeds = {p: 2}",
    "y = w[p]; feeds = {p: -3}",
    "y = w[:, p:]; feeds = {p: 2}",
    "y = tf.tile(w, [1, 2])",
    "y = tf.tile(w, [1, -2, 1])",
    "y = tf.tile(w, [1, p, 1])",
    "y = tf.tile(w, [1, p, 1]); feeds = {p: -2}",
    "y = tf.tile(u, [1, 2, 0])",
    "y = tf.tile(tf.constant([[1, 2]]), [2, 3])",
    "y = tf.tile(s, [])",
    "y = tf.tile(w, [1, 2, 3], name='tt')",
    "y = tf.tile(w, tf.constant([1, 2, 1], tf.int64))",
    "y = tf.unstack(w, num=3)",
    "y = tf.unstack(w, axis=3)",
    "y = tf.unstack(w, axis=-3)",
    "y = tf.unstack(u, axis=0)",
    "y = tf.unstack(u, axis=1)",
    "y = tf.unstack(u, num=2, axis=0)",
    "y = tf.unstack(tf.placeholder(tf.float32))",
    "y = tf.unstack(s)",
    "y = tf.unstack(w, axis=p)",
    "y = tf.unstack(tf.constant([[1, 2]]), axis=1, name='un')",
    "y = tf.split(w, 3, axis=2)",
    "y = tf.split(w, 2, axis=2)",
    "y = tf.split(w, 4, axis=3)",
    "y = tf.split(w, 3, axis=-2)",
    "y = tf.split(u, 2, axis=2)",
    "y = tf.split(u, 2, axis=0)",
    "y = tf.split(u, 2, axis=1)",
    "y = tf.split(w, [1, 2], axis=2)",
    "y = tf.split(w, [1, -1, 1], axis=2)",
    "y = tf.split(w, [1, -1, -1], axis=2)",
    "y = tf.split(w, [5, 1], axis=2)",
    "y = tf.split(u, [1, 1, -1], axis=2)",
    "y = tf.split(u, [p, 1], axis=1)",
    "y = tf.split(u, [2, -1], axis=1)",
    "y = tf.split(u, [4, -1], axis=1)",
    "y = tf.split(w, tf.constant([1, 3]), axis=2)",
    "y = tf.split(w, p, axis=2)",
    "y = tf.split(w, [4], axis=2)",
    "y = tf.split(w, 1, axis=2)",
    "y = tf.split(w, 0, axis=2)",
    "y = tf.split(w, [], axis=2)",
    "y = tf.split(w, 2, axis=2, num=3)",
    "y = tf.split(w, tf.placeholder(tf.int32, [None]), axis=2)",
    "y = tf.split(w, q, axis=2, num=2); feeds = {q: [1, 1]}",
    "y = tf.split(w, q, axis=2, num=2); feeds = {q: [-1, -1]}",
    "y = tf.split(w, q, axis=2, num=2); feeds = {q: [5, -1]}",
    "y = tf.split(w, q, axis=2, num=2); feeds = {q: [1, 1, 2]}",
    "y = tf.split(w, q, axis=2, num=2); feeds = {q: [3, -1]}",
    "y = tf.split(s, 1)",
    "y = tf.split(s, [1])",
    "y = tf.gather(w, [1, 0])",
    "y = tf.gather(w, [[1, 2], [0, 0]], axis=1)",
    "y = tf.gather(w, [3, 0], axis=-1)",
    "y = tf.gather(w, [3, 0], axis=3)",
    "y = tf.gather(w, [2, 0])",
    "y = tf.gather(w, [-1, 0])",
    "y = tf.gather(w, [[0, 1, 1], [2, 0, 0]], axis=1, batch_dims=1)",
    "y = tf.gather(w, [[0, 1, 1], [2, 0, 0]], axis=2, batch_dims=1)",
    "y = tf.gather(w, [[0, 1, 1], [2, 0, 0]], batch_dims=1)",
    "y = tf.gather(w, [[0, 1, 1], [2, 0, 0]], axis=0, batch_dims=1)",
    "y = tf.gather(w, [[0, 1, 1], [2, 0, 0], [1, 1, 1]], axis=2, batch_dims=1)",
    "y = tf.gather(w, [[0, 1, 1], [2, 0, 0]], axis=2, batch_dims=-1)",
    "y = tf.gather(w, [[0, 1, 1], [2, 0, 0]], axis=2, batch_dims=3)",
    "y = tf.gather(w, 1)",
    "y = tf.gather(w, 1, axis=p)",
    "y = tf.gather(w, [1.0])",
    "y = tf.gather(u, [1, 0], axis=1)",
    "y = tf.gather(w, tf.constant([1], tf.int64), axis=tf.constant(1, tf.int64))",
    "y = tf.gather(w, [0], validate_indices=False)",
    "y = tf.gather(s, [0])",
    "y = tf.gather(w, q); feeds = {q: 7}",
    "y = tf.gather(w, [0], axis=p); feeds = {p: 3}",
    "y = tf.gather(tf.constant(['a', 'b', 'c']), [2, 0, 2])",
    "y = tf.math.unsorted_segment_sum(w, [0, 3], 3)",
    "y = tf.math.unsorted_segment_sum(w, [0, -1], 3)",
    "y = tf.math.unsorted_segment_sum(w, [0, 1, 1], 3)",
    "y = tf.math.unsorted_segment_sum(w, [[0, 1, 1], [1, 1, 1]], 3)",
    "y = tf.math.unsorted_segment_sum(w, q, 3); feeds = {q: [0, 1, 1]}",
    "y = tf.math.unsorted_segment_sum(w, [0, 1], p); feeds = {p: -1}",
    "y = tf.pad(w, [[1, 0], [0, 2]])",
    "y = tf.pad(w, [[1, 0], [0, 2], [-1, 0]])",
    "y = tf.pad(w, [[0, 0], [0, 0], [4, 0]], mode='REFLECT')",
    "y = tf.pad(w, [[0, 0], [0, 0], [3, 0]], mode='REFLECT')",
    "y = tf.pad(w, [[0, 0], [0, 0], [4, 0]], mode='SYMMETRIC')",
    "y = tf.pad(w, [[0, 0], [0, 0], [5, 0]], mode='SYMMETRIC')",
    "y = tf.pad(w, [[1, 1], [2, 1], [0, 3]], mode='reflect')",
    "y = tf.pad(w, [[0, 0], [0, 0], [1, 1]], mode='FOO')",
    "y = tf.pad(w, [[0, 1], [2, 0], [1, 1]], mode='constant', constant_values=7)",
    "y = tf.pad(w, [[0, 1], [2, 0], [1, 1]], constant_values=7)",
    "y = tf.pad(w, [[0, 1], [2, 0], [1, 1]], constant_values=[7.0])",
    "y = tf.pad(u, [[0, 1], [2, 0], [1, 1]])",
    "y = tf.pad(u, [[0, 1], [p, 0], [1, 1]])",
    "y = tf.pad(w, [[0, 1], [0, p], [1, 1]])",
    "y = tf.pad(s, tf.zeros([0, 2], tf.int32))",
    "y = tf.pad(tf.zeros([0]), [[0, 0]], mode='REFLECT')",
    "y = tf.pad(tf.zeros([0]), [[0, 0]], mode='SYMMETRIC')",
    "y = tf.pad(tf.zeros([0]), [[1, 0]], mode='SYMMETRIC')",
    "y = tf.pad(tf.constant([[1, 2], [3, 4]]), [[1, 1], [0, 1]], name='pp')",
    "y = tf.one_hot([0, 2, -1, 3], 3)",
    "y = tf.one_hot([[0, 2], [1, 5]], 4, on_value=5, off_value=-1, axis=1)",
    "y = tf.one_hot([[0, 2], [1, 5]], 4, axis=0)",
    "y = tf.one_hot([[0, 2], [1, 5]], 4, axis=-2)",
    "y = tf.one_hot([0, 1], 3, on_value=2.0)",
    "y = tf.one_hot([0, 1], 3, off_value=2.0, dtype=tf.float64)",
    "y = tf.one_hot([0, 1], 3, on_value=2, off_value=0.5)",
    "y = tf.one_hot([0, 1], 3, on_value=True, off_value=False)",
    "y = tf.one_hot([0, 1], -1)",
    "y = tf.one_hot([0, 1], p)",
    "y = tf.one_hot([0, 1], p); feeds = {p: -1}",
    "y = tf.one_hot(tf.constant([0, 1], tf.uint8), 3)",
    "y = tf.one_hot(tf.constant([0, 1], tf.int64), 3)",
    "y = tf.one_hot([0.0, 1.0], 3)",
    "y = tf.one_hot(3, 4)",
    "y = tf.one_hot([0, 1], 3, dtype=tf.int32, on_value=1.0)",
    "y = tf.one_hot([0, 2], 3, dtype=tf.float64, name='oh')",
    "y = tf.one_hot([0, 1], 3, axis=3)",
    "y = tf.one_hot([0, 1], 3, axis=2)",
    "y = tf.setdiff1d([1, 2, 3, 4, 5, 2], [2, 4])",
    "y = tf.setdiff1d([1.0, 2.0, 3.0], [2.0], index_dtype=tf.int64)",
    "y = tf.setdiff1d([[1, 2]], [2])",
    "y = tf.setdiff1d([1, 2], [[2]])",
    "y = tf.setdiff1d(q, [1]); feeds = {q: [[1, 2]]}",
    "y = tf.cumsum(w, axis=1)",
    "y = tf.cumsum(w, axis=1, exclusive=True, reverse=True)",
    "y = tf.cumsum(w, axis=-1, reverse=True)",
    "y = tf.cumsum(w, axis=3)",
    "y = tf.cumsum(w, axis=[1])",
    "y = tf.cumsum(w, axis=p)",
    "y = tf.cumsum(s)",
    "y = tf.cumsum(tf.constant([1, 2, 3]))",
    "y = tf.cumsum(tf.constant([True]))",
    "y = tf.cumsum([[1.5, 2.0], [3.0, 4.0]], axis=0, name='cs')",
    "y = tf.cumprod(w, axis=2)",
    "y = tf.cumprod(w, axis=2, exclusive=True)",
    "y = tf.cumprod(w, axis=0, exclusive=True, reverse=True)",
    "y = tf.cumprod(tf.zeros([0, 2]), axis=0, exclusive=True)",
    "y = tf.reverse(w, [1])",
    "y = tf.reverse(w, [-1, 0])",
    "y = tf.reverse(w, [1, 1])",
    "y = tf.reverse(w, [1, -2])",
    "y = tf.reverse(w, [3])",
    "y = tf.reverse(w, [])",
    "y = tf.reverse(u, [1])",
    "y = tf.reverse(w, p)",
    "y = tf.reverse(w, 1)",
    "y = tf.reverse(tf.constant(['a', 'b']), [0])",
    "y = tf.reverse(w, tf.constant([1], tf.int64))",
    "y = tf.boolean_mask(w, [True, False])",
    "y = tf.boolean_mask(w, [[True, False, True], [False, False, True]])",
    "y = tf.boolean_mask(w, [True, False, False, True], axis=2)",
    "y = tf.boolean_mask(w, True)",
]

GRADIENT_SNIPPETS = [
    "y = tf.slice(xv, [1, 0, 2], [2, -1, 3]); gs = tf.gradients(y, xv)",
    "y = tf.slice(u, [1, 0, 1], [1, -1, 3]); gs = tf.gradients(y, u)",
    "y = tf.strided_slice(xv, [1, 0], [3, 5], [1, 2]); gs = tf.gradients(y, xv)",
    "y = xv[1:, ::-1, 2]; gs = tf.gradients(y, xv)",
    "y = xv[p, None, 1:4]; gs = tf.gradients(y, xv); feeds = {p: 2}",
    "y = u[..., 1]; gs = tf.gradients(y, u)",
    "y = tf.tile(xv, [2, 1, 3]); gs = tf.gradients(y, xv)",
    "y = tf.tile(u, [2, 1, 3]); gs = tf.gradients(y, u)",
    "y = tf.unstack(xv, axis=1); gs = tf.gradients(y[1], xv)",
    "y = tf.unstack(xv); gs = tf.gradients(y, xv)",
    "y = tf.split(xv, 2, axis=2); gs = tf.gradients(y[0], xv)",
    "y = tf.split(xv, [1, 3, 2], axis=2); gs = tf.gradients(y[1], xv)",
    "y = tf.gather(xv * 2.0, [2, 0, 2]); gs = tf.gradients(y, xv)",
    "y = tf.gather(xv * 2.0, [[2, 0], [1, 1]], axis=1); gs = tf.gradients(y, xv)",
    "y = tf.gather(xv * 2.0, [[0, 2], [1, 1], [2, 2], [0, 0]], axis=2, batch_dims=1);"
    " gs = tf.gradients(y, xv)",
    "y = tf.pad(xv, [[1, 0], [0, 2], [1, 1]]); gs = tf.gradients(y, xv)",
    "y = tf.pad(xv, [[1, 0], [0, 2], [1, 1]], constant_values=3.0); gs = tf.gradients(y, xv)",
    "y = tf.pad(xv, [[1, 0], [0, 2], [1, 1]], mode='REFLECT'); gs = tf.gradients(y, xv)",
    "y = tf.pad(xv, [[1, 0], [0, 2], [1, 1]], mode='symmetric'); gs = tf.gradients(y, xv)",
    "y = tf.cumsum(xv, axis=1, exclusive=True); gs = tf.gradients(y, xv)",
    "y = tf.cumprod(xv, axis=2, reverse=True); gs = tf.gradients(y, xv)",
    "y = tf.reverse(xv, [0, 2]); gs = tf.gradients(y, xv)",
    "c = tf.constant([2.0, 0.0, 3.0]); y = tf.cumprod(c); gs = tf.gradients(y, c)",
    "y = tf.math.unsorted_segment_sum(xv, [1, -1, 1, 0], 3); gs = tf.gradients(y, xv)",
]


def _random_strided_snippets(count: int, seed: int) -> list[str]:
    """Random StridedSlice calls: shapes of rank 0-4, masks of every kind, some bad specs."""
    rng = np.random.RandomState(seed)
    snippets = []
    for i in range(count):
        rank = int(rng.choice(5, p=[0.05, 0.2, 0.3, 0.3, 0.15]))
        shape = [int(d) for d in rng.randint(0, 5, size=rank)]
        n = int(rng.randint(1, 6))
        begin = [int(v) for v in rng.randint(-6, 7, size=n)]
        end = [int(v) for v in rng.randint(-6, 7, size=n)]
        strides = [int(rng.choice([-3, -2, -1, 1, 1, 2, 3])) for _ in range(n)]
        if rng.rand() < 0.05:
            strides[int(rng.randint(n))] = 0
        masks = {name: int(rng.randint(0, 2 ** n)) for name in
                 ("begin_mask", "end_mask", "new_axis_mask", "shrink_axis_mask")}
        ellipsis = 0
        if rng.rand() < 0.4:
            ellipsis = 1 << int(rng.randint(n))
            if rng.rand() < 0.1:
                ellipsis |= 1 << int(rng.randint(n))
        # Mostly keep masks sparse so that specs are valid often enough to compare values.
        for name in ("new_axis_mask", "shrink_axis_mask"):
            if rng.rand() < 0.6:
                masks[name] &= int(rng.randint(0, 2 ** n))
        args = ", ".join(f"{k}={v}" for k, v in masks.items())
        size = int(np.prod(shape)) if shape else 1
        value = f"np.arange({size}, dtype=np.float32).reshape({shape})"
        if i % 3 == 2 and rank:
            # The same slice of a placeholder whose dims are unknown until it is fed.
            source = (f"r = tf.placeholder(tf.float32, {[None] * rank}); "
                      f"feeds = {{r: {value}}}")
        else:
            source = f"r = tf.constant({value})"
        snippets.append(f"{source}; y = tf.strided_slice(r, {begin}, {end}, {strides}, "
                        f"{args}, ellipsis_mask={ellipsis})")
    return snippets


def cases() -> dict[str, str]:
    """All cases by name: snippets binding ``y`` (and ``gs`` for gradients, ``feeds``)."""
    table = {f"getitem/{spec}": f"y = {spec}" for spec in GETITEM_SPECS}
    table.update({f"op/{code[4:]}": code for code in OP_SNIPPETS})
    table.update({f"grad/{code[4:] if code.startswith('y = ') else code}": code
                  for code in GRADIENT_SNIPPETS})
    table.update({f"strided/{i}": code
                  for i, code in enumerate(_random_strided_snippets(200, seed=7))})
    return table


def _standard_tensors(tf) -> dict:
    return {
        "x": tf.placeholder(tf.float32, [4, 5, 6], name="x"),
        "w": tf.constant(X, name="w"),
        "xv": tf.placeholder(tf.float32, [4, 5, 6], name="xv"),
        "u": tf.placeholder(tf.float32, [None, 3, None], name="u"),
        "s": tf.constant(3.0, name="s"),
        "t": tf.constant(1, name="t"),
        "t64": tf.constant(2, tf.int64, name="t64"),
        "t16": tf.constant(2, tf.int16, name="t16"),
        "p": tf.placeholder(tf.int32, [], name="p"),
        "q": tf.placeholder(tf.int32, None, name="q"),
        "m": tf.constant([True, False, False, True], name="m"),
    }


def _standard_feeds(named: dict) -> dict:
    return {named["x"]: XV, named["xv"]: XV, named["u"]: X, named["p"]: 1}


def _attr_value(value):
    if hasattr(value, "as_numpy_dtype"):
        return value.name
    if isinstance(value, np.ndarray):
        if value.dtype.kind in "OSU":
            return ["string", [_attr_value(v) for v in value.reshape(-1).tolist()]]
        return [str(value.dtype), value.tolist()]
    if isinstance(value, bytes):
        return value.decode()
    if type(value).__name__ == "TensorShape":
        return str(value)
    if isinstance(value, (list, tuple)):
        return [_attr_value(v) for v in value]
    return value


def _attrs(tf, op) -> dict:
    if "tensorflow" in getattr(tf, "__name__", ""):
        names = [k for k in op.node_def.attr if not k.startswith("_")]
        values = {}
        for k in names:
            v = op.get_attr(k)
            if k == "value":
                v = tf.make_ndarray(v)
            elif type(v).__name__ == "TensorShapeProto":
                v = tf.TensorShape(v)
            values[k] = v
    else:
        values = {k: v for k, v in op._attrs.items() if not k.startswith("_")}
    return {k: _attr_value(values[k]) for k in sorted(values)}


def _summary(value) -> dict:
    array = np.asarray(value)
    out = {"dtype": "string" if array.dtype.kind in "OSU" else str(array.dtype),
           "shape": list(array.shape)}
    if array.dtype.kind in "OSU":
        out["values"] = [v.decode() if isinstance(v, bytes) else str(v)
                         for v in array.reshape(-1)]
    elif array.size <= _FULL_VALUES_UP_TO:
        out["values"] = array.reshape(-1).tolist()
    else:
        flat = array.reshape(-1).astype(np.float64)
        out["head"] = array.reshape(-1)[:16].tolist()
        out["sum"] = float(flat.sum())
        out["weighted_sum"] = float((flat * (1 + np.arange(flat.size) % 97)).sum())
    return out


def _first_line(error: Exception) -> str:
    """A build error without TF's node description, a run error without its node trace."""
    text = str(error).split(" for '{{node ")[0]
    text = text.split("\n\t [[")[0]
    if "Graph execution error" in text:
        text = text.split("\n")[-1]
    return text


def evaluate(tf, code: str) -> dict:
    """Runs one snippet on a fresh graph; returns ops, static shapes and values (or errors)."""
    graph = tf.Graph()
    with graph.as_default():
        named = _standard_tensors(tf)
        first_new = len(graph.get_operations())
        scope = {"tf": tf, "np": np, **named}
        try:
            exec(code, scope)  # noqa: S102 - the snippets are this module's own cases
        except Exception as e:  # noqa: BLE001 - recording the error is the point
            return {"build_error": [type(e).__name__, _first_line(e)]}
        ops = [[op.name, op.type, [t.name for t in op.inputs],
                [str(t.shape) for t in op.outputs], _attrs(tf, op)]
               for op in graph.get_operations()[first_new:]]
        y = scope["y"]
        outputs = list(y) if isinstance(y, (list, tuple)) else [y]
        result = {"ops": ops,
                  "static": [[t.name, str(t.shape), t.dtype.name] for t in outputs]}
        fetches = outputs + list(scope.get("gs") or [])
        feeds = _standard_feeds(named)
        feeds.update(scope.get("feeds", {}))
        with tf.Session() as sess:
            try:
                values = sess.run(fetches, feeds)
            except Exception as e:  # noqa: BLE001
                result["run_error"] = [type(e).__name__, _first_line(e)]
            else:
                result["values"] = [_summary(v) for v in values]
        return result


def _record() -> None:
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    recorded = {name: evaluate(tf, code) for name, code in cases().items()}
    recorded["_tensorflow_version"] = tf.__version__ if hasattr(tf, "__version__") else "2.21"
    DATA_PATH.parent.mkdir(exist_ok=True)
    text = json.dumps(recorded, indent=0, sort_keys=True, separators=(",", ":"))
    DATA_PATH.write_text(text + "\n")
    print(f"recorded {len(recorded) - 1} cases to {DATA_PATH}", file=sys.stderr)


if __name__ == "__main__":
    _record()
