"""Op-spec entries for the numeric helper's ops of issue 9 (N-D FFTs, special functions,
random samplers); references in numpy."""

from __future__ import annotations

import numpy as np

import tfcompat as tf
from tests.ops.op_specs import OpSpec

_ND_C = (((2, 3, 4), (2, 3, 4)), ((3, 2), (3, 2)), ((0, 3), (0, 3)))



def _empty_safe(ref):
    """numpy's FFTs reject empty inputs; the transform of nothing is nothing."""
    return lambda z: z.copy() if z.size == 0 else ref(z)


SPECS = [
    # ---- N-D Fourier transforms (through real parts)
    *[OpSpec(op_type, lambda x, y, fn=fn: tf.math.real(fn(tf.complex(x, y))),
             lambda x, y, ref=ref: np.real(ref(x + 1j * y)), kind="custom", shapes=_ND_C,
             grad_order=1)
      for op_type, fn, ref in [("FFTND", tf.signal.fftnd, _empty_safe(np.fft.fftn)),
                               ("IFFTND", tf.signal.ifftnd, _empty_safe(np.fft.ifftn))]],
    OpSpec("RFFTND", lambda x: tf.math.imag(tf.signal.rfftnd(x)) +
           tf.math.real(tf.signal.rfftnd(x)),
           lambda x: np.imag(np.fft.rfftn(x)) + np.real(np.fft.rfftn(x)), kind="custom",
           shapes=(((2, 3, 4),), ((5,),)), grad_order=1),
    OpSpec("IRFFTND", lambda x, y: tf.signal.irfftnd(tf.complex(x, y)),
           lambda x, y: np.fft.irfftn(x + 1j * y), kind="custom",
           shapes=(((2, 3, 4), (2, 3, 4)), ((2, 2), (2, 2))), grad_order=1),
]

COVERED_ELSEWHERE = dict.fromkeys(
    ["StatelessRandomUniformFullIntV2", "StatelessShuffle"],
    "tests/ops/test_random_generator.py and conformance/cases/random3 (streams recorded from TF)")
