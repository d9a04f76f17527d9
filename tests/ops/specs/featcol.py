"""Ops of the feature_column helper: Bucketize (integer-valued; TF registers no gradient)."""

from __future__ import annotations

import numpy as np

import tfcompat as tf
from tests.ops.op_specs import OpSpec
from tfcompat.ops.bucketize_ops import bucketize

_BOUNDARIES = (-1.0, 0.0, 0.5, 2.0)


def _reference(x):
    return np.searchsorted(np.asarray(_BOUNDARIES), x, side="right").astype(x.dtype)


SPECS = [
    OpSpec("Bucketize", lambda x: tf.cast(bucketize(x, _BOUNDARIES), x.dtype), _reference,
           grad_order=0),
]

# TF registers no gradient for these (tf.gradients raises LookupError through them).
TF_HAS_NO_GRADIENT = {"Bucketize"}
