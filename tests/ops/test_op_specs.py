"""Property tests driven by the op-spec table (tests/ops/op_specs.py).

For every entry: forward values match numpy on hypothesis-drawn broadcastable shapes; static
shapes match runtime shapes (exactly with known dims, compatibly with unknown dims or rank);
and gradients match float64 central differences along random directions under random grad_ys,
to second order where the op is twice differentiable.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tfcompat as tf
from tests.ops.op_specs import COVERED_ELSEWHERE, SPECS, TF_HAS_NO_GRADIENT_FAMILIES, OpSpec
from tfcompat.framework import op_registry
from tfcompat.testing.gradient_checker import directional_derivative

SETTINGS = settings(max_examples=12, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])

dims = st.integers(min_value=1, max_value=3)
shapes = st.lists(dims, min_size=0, max_size=4).map(tuple)


@st.composite
def broadcastable_pair(draw):
    """Two shapes that broadcast: size-1 dims and missing leading dims on either side."""
    out = draw(shapes)
    def derive():
        rank = draw(st.integers(min_value=0, max_value=len(out)))
        tail = out[len(out) - rank:]
        return tuple(1 if draw(st.booleans()) else d for d in tail)
    return derive(), derive() if draw(st.booleans()) else out


def input_shapes(spec: OpSpec):
    if spec.kind == "unary":
        return shapes.map(lambda s: (s,))
    if spec.kind == "binary":
        return broadcastable_pair()
    return st.sampled_from(spec.shapes)


def make_values(spec: OpSpec, in_shapes, dtype, seed):
    rng = np.random.RandomState(seed)
    return [rng.uniform(spec.low, spec.high, size=s).astype(dtype) for s in in_shapes]


def run(fetches, feeds=None):
    with tf.Session() as sess:
        return sess.run(fetches, feeds)


def spec_params(predicate=lambda spec: True):
    return [pytest.param(spec, id=name) for name, spec in sorted(SPECS.items())
            if predicate(spec)]


@pytest.mark.parametrize("spec", spec_params())
@SETTINGS
@given(data=st.data(), seed=st.integers(0, 2**31 - 1))
def test_forward_matches_numpy_and_static_shape(spec, data, seed):
    in_shapes = data.draw(input_shapes(spec))
    dtype = data.draw(st.sampled_from(spec.dtypes))
    values = make_values(spec, in_shapes, dtype, seed)
    with tf.Graph().as_default():
        placeholders = [tf.placeholder(dtype, s) for s in in_shapes]
        out = spec.build(*placeholders)
        assert out.op.graph.get_operations(), "the op builds"
        got = run(out, dict(zip(placeholders, values)))
    expected = np.asarray(spec.reference(*[v.astype(np.float64) for v in values]))
    got = np.asarray(got)
    assert tuple(out.shape.as_list()) == got.shape, "static shape equals runtime shape"
    assert got.shape == expected.shape
    if expected.dtype.kind == "f":
        tol = 1e-5 if dtype == np.float32 else 1e-10
        np.testing.assert_allclose(got, expected, rtol=max(tol, spec.rtol), atol=tol * 10)
    else:
        np.testing.assert_array_equal(got, expected)


@pytest.mark.parametrize("spec", spec_params())
@SETTINGS
@given(data=st.data(), seed=st.integers(0, 2**31 - 1), unknown_rank=st.booleans())
def test_static_shape_with_unknown_dims_is_compatible(spec, data, seed, unknown_rank):
    in_shapes = data.draw(input_shapes(spec))
    values = make_values(spec, in_shapes, np.float32, seed)
    with tf.Graph().as_default():
        placeholders = [tf.placeholder(tf.float32, None if unknown_rank else [None] * len(s))
                        for s in in_shapes]
        try:
            out = spec.build(*placeholders)
        except ValueError as e:
            # Some builders need a static shape (e.g. placeholder_with_default's shape arg).
            pytest.skip(f"needs static shapes: {e}")
        got = np.asarray(run(out, dict(zip(placeholders, values))))
    assert out.shape.is_compatible_with(got.shape), (out.shape, got.shape)


@pytest.mark.parametrize("spec", spec_params(lambda s: s.grad_order >= 1))
@SETTINGS
@given(data=st.data(), seed=st.integers(0, 2**31 - 1))
def test_gradients_match_finite_differences(spec, data, seed):
    in_shapes = data.draw(input_shapes(spec))
    values = make_values(spec, in_shapes, np.float64, seed)
    rng = np.random.RandomState(seed)
    with tf.Graph().as_default():
        xs = [tf.placeholder(tf.float64, s) for s in in_shapes]
        y = spec.build(*xs)
        feeds = dict(zip(xs, values))
        with tf.Session() as sess:
            first = directional_derivative(y, xs, feeds, rng, session=sess)
            assert first.analytic == pytest.approx(first.numerical, rel=1e-5, abs=1e-6)
            if spec.grad_order >= 2 and first.analytic_tensor is not None:
                second = directional_derivative(first.analytic_tensor, xs, feeds, rng,
                                                session=sess)
                assert second.analytic == pytest.approx(second.numerical, rel=1e-4, abs=1e-5)


@pytest.mark.parametrize("spec", spec_params(lambda s: s.grad_order == 0))
def test_not_differentiable_ops_give_no_gradient(spec):
    in_shapes = spec.shapes[0] if spec.kind == "custom" else ((2, 3),) * (
        2 if spec.kind == "binary" else 1)
    xs = [tf.placeholder(tf.float32, s) for s in in_shapes]
    y = spec.build(*xs)
    grads = tf.gradients(tf.cast(y, tf.float32), xs)
    values = make_values(spec, in_shapes, np.float32, 0)
    for g in grads:
        if g is not None:  # e.g. Sign: zeros by definition
            assert not np.any(run(g, dict(zip(xs, values))))


def test_every_registered_op_type_has_a_spec_entry():
    registered = set(op_registry.registered_op_types())
    missing = sorted(registered - set(SPECS) - set(COVERED_ELSEWHERE))
    assert not missing, f"op types without an op-spec entry: {missing}"


# TF itself registers no gradient for these: tf.gradients raises LookupError through them.
TF_HAS_NO_GRADIENT = TF_HAS_NO_GRADIENT_FAMILIES | {
    "Bitcast", "Unique", "RandomUniformInt", "ResizeNearestNeighborGrad", "ResizeBicubicGrad",
    "ResizeArea", "AdjustContrastv2", "AdjustHue", "AdjustSaturation", "CropAndResizeGradImage",
    "CropAndResizeGradBoxes", "NonMaxSuppressionV3", "NonMaxSuppressionV4", "NonMaxSuppressionV5",
    "DrawBoundingBoxesV2", "CombinedNonMaxSuppression"}


def test_every_op_type_has_a_gradient_or_a_not_differentiable_mark():
    missing = [t for t in op_registry.registered_op_types()
               if not op_registry.has_gradient_entry(t) and t not in TF_HAS_NO_GRADIENT]
    assert not missing, f"op types with neither a gradient nor no_gradient: {missing}"


def test_ops_without_gradient_raise_tf_lookup_error():
    x = tf.constant([1.5, 2.0], name="x")
    with pytest.raises(LookupError, match=r"^No gradient defined for operation'Bitcast' "
                                          r"\(op type: Bitcast\)"):
        tf.gradients(tf.bitcast(x, tf.int32), x)
