"""Buffer reuse: an element-wise step writes its result into the buffer of an input that dies there.

A plan step normally allocates its output while its inputs stay alive until the ``del`` after
it: a Relu on a conv layer's 6 MB output holds 12 MB at its peak and writes a cold new buffer.
``reuse_buffers`` (after fusion, before the plan's source is emitted) gives the steps whose
kernels take ``out=`` (``ops/eltwise_kernels.writes_into``: Relu, ReluGrad, Relu6Grad, BiasAdd,
the ufunc ops, Sigmoid, the float32 rounded unary ops such as Exp, and the fused gradients
TanhGrad, SigmoidGrad, SqrtGrad, RsqrtGrad, ReciprocalGrad) a wrapper that passes an input's own
buffer as ``out`` when two proofs hold. (Measured on the 2-core machine: conv fwd+bwd peak 23.4 MB
instead of 27.1, conv 0.94-0.96x and LeNet 0.91-0.92x the time; a partially known 20-tanh chain's
gradient, which does not fuse, 0.81x.)

At compile time, for input slot ``sN`` at a position the kernel may overwrite:

- ``sN`` is the output of a step of this plan (never a feed ``fN``, a constant or folded value
  ``cN``, a variable read ``kN()``, a shape-memo step's output ``mN``, whose values a memo keeps,
  or a loop frame's Exit), computed by a kernel (``kN``) or a fused segment (``uN``, whose kept
  outputs are new arrays; its scratch blocks are never slots) of a stateless op (no queue,
  stack, TensorArray, stateful py_func or random op: their arrays may be held elsewhere by
  design; an array a stateless py_func's function keeps fails the run-time count below), not
  of a reference dtype;
- this step is the last reader of ``sN``: the slot is released (``del``) right after it, so it is
  not fetched and no later step reads it; it appears once among the step's arguments, and the
  step is unguarded (not in a cond branch);
- statically, the input has the output's dtype and, where both shapes are known, its shape;
  where the output's size is known it has at least ``MIN_REUSE_SIZE`` elements (below that the
  run-time check costs more than a new buffer saves; such steps keep their plain call).

At run time, before the call, the array itself: it is an ``np.ndarray`` owning its data
(``base is None``), or the only holder of the array that does (a kernel's result reshaped, as
Conv2D's: its ``base`` is referenced by nothing else; numpy makes any view's ``base`` the owning
array, so another view of either would count), writeable, aligned and C-contiguous, of at least
``MIN_REUSE_SIZE`` elements, every input has its dtype (one the kernel keeps) and broadcasts to
its shape (so the result has its shape and dtype), and nothing but the plan holds it: CPython's
reference count is exactly the plan's own references, ``_OWNED_REFS`` (the slot variable in the
plan's frame, the wrapper's argument tuple, the wrapper's local and ``getrefcount``'s argument),
measured once at import on a probe called the way a plan calls a step. Any other holder adds at
least one reference: another slot naming the same array (a kernel that returned its input), a
view of it (``view.base``), a ``run_memo`` entry (framework/run_memo.py keeps im2col inputs and
patches), a variable's store, a queue, stack or TensorArray, a py_func's caller, the user. A
thread other than the plan's can reach the array only through such a reference, so concurrent
runs of one plan each own their own arrays. (Weak references are not counted: tfcompat keeps none
to arrays.) When a check fails the step runs its kernel as the plan would without reuse.

Values are unchanged bit for bit: the kernels compute the same operations into ``out`` as into a
new buffer (tests/client/test_buffer_reuse.py). ``TFCOMPAT_BUFFER_REUSE=0`` in the environment,
when a plan is compiled, turns reuse off (for debugging and A/B measurement).
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from sys import getrefcount

import numpy as np

from tfcompat.client.plan_prune import step_inputs

# Outputs with fewer elements are written to a new buffer without checks: the check costs
# ~0.4 us a step, which a small buffer's reuse does not save (measured, float32 Relu then Add on
# a dying input: 4K elements 1.39x the time, 16K 1.10x, 32K 0.99x, 64K 0.84x, 256K 0.72x).
MIN_REUSE_SIZE = 1 << 16

_SLOT = re.compile(r"s\d+")

# Steps whose kernels are the op's own, bound when the plan was compiled (``k``), or a fused
# segment's (``u``, whose kept outputs are new arrays); a memo step's (``m``) values are cached.
_PRODUCER_PREFIXES = ("k", "u")


def reuse_enabled() -> bool:
    """False when ``TFCOMPAT_BUFFER_REUSE=0`` is set in the environment."""
    return os.environ.get("TFCOMPAT_BUFFER_REUSE", "1") != "0"


def reuse_buffers(analysis) -> None:
    """Wraps each step of ``analysis`` (the executor's ``_Analysis``) that may write into a dying
    input's buffer (the compile-time proof above) in a wrapper making the run-time checks."""
    steps = analysis.steps
    producers = {}
    for step in steps:
        for name in step.outs:
            producers[name] = step
    namespace = analysis.namespace
    for index, step in enumerate(steps):
        positions = _reusable_inputs(step, analysis.releases.get(index, ()), producers)
        if not positions:
            continue
        bind = step.op._op_def.bind
        name = f"r{index}"
        namespace[name] = reusing(namespace[step.kernel_name], positions, bind.in_place_dtypes)
        steps[index] = replace(step, kernel_name=name)


def _reusable_inputs(step, released, producers) -> tuple[int, ...]:
    if (step.guards or step.flag or step.unpack or len(step.outs) != 1
            or not step.kernel_name.startswith("k") or step.outs[0] == "_"):
        return ()
    op = step.op
    positions = getattr(op._op_def.bind, "in_place_inputs", ())
    inputs = step_inputs(op)
    if not positions or len(op._outputs) != 1 or len(inputs) != len(step.args):
        return ()
    out = op._outputs[0]
    size = out.shape.num_elements()
    if size is not None and size < MIN_REUSE_SIZE:
        return ()
    found = []
    for p in positions:
        name, t = step.args[p], inputs[p]
        producer = producers.get(name)
        if (_SLOT.fullmatch(name) is None or name not in released or step.args.count(name) != 1
                or producer is None or producer.unpack
                or not producer.kernel_name.startswith(_PRODUCER_PREFIXES)
                or producer.op._op_def.stateful or t.dtype.is_ref_dtype
                or t.dtype.base_dtype != out.dtype.base_dtype):
            continue
        if (t.shape.is_fully_defined() and out.shape.is_fully_defined()
                and t.shape.as_tuple() != out.shape.as_tuple()):
            continue
        found.append(p)
    return tuple(found)


def reusing(kernel, positions: tuple[int, ...], dtypes):
    """``kernel`` called with ``out=`` the first input at ``positions`` the plan owns (the run-time
    checks above), else as is."""
    def run(*args):
        for p in positions:
            x = args[p]
            if (getrefcount(x) == _OWNED_REFS and type(x) is np.ndarray
                    and x.size >= MIN_REUSE_SIZE and x.flags.carray and _sole_view(x)
                    and _fits(x, args, dtypes)):
                return kernel(*args, out=x)
        return kernel(*args)

    return run


def _sole_view(x: np.ndarray) -> bool:
    """``x`` owns its data, or is the only reference to the array owning it (a kernel's result
    reshaped: numpy makes every view's ``base`` the owner, so another view would hold it too)."""
    base = x.base
    return base is None or (type(base) is np.ndarray and getrefcount(base) == _BASE_REFS
                            and base.base is None)


def _fits(out: np.ndarray, args, dtypes) -> bool:
    """Every input has ``out``'s dtype (one of ``dtypes``, when given) and broadcasts to its
    shape: the kernel's result has ``out``'s shape and dtype."""
    dtype = out.dtype
    if dtypes is not None and dtype not in dtypes:
        return False
    shape = out.shape
    ndim = len(shape)
    for a in args:
        if a is out:
            continue
        if type(a) is not np.ndarray or a.dtype != dtype or a.ndim > ndim:
            return False
        if a.shape != shape and any(d != 1 and d != s
                                    for d, s in zip(a.shape, shape[ndim - a.ndim:])):
            return False
    return True


def _probe_refs(*args):
    # (the references ``run`` sees: the same argument tuple, a local, getrefcount's argument)
    for p in (0,):
        x = args[p]
        return getrefcount(x)


def _probe_plan_step() -> int:
    # (a plan's frame: the slot is a local of the calling function, passed positionally)
    s1 = np.empty(1)
    return _probe_refs(s1)


def _probe_base_refs(x) -> int:
    # (the references ``_sole_view`` sees: ``x.base``, its local, getrefcount's argument)
    base = x.base
    return getrefcount(base)


_OWNED_REFS = _probe_plan_step()
_BASE_REFS = _probe_base_refs(np.empty(4).reshape(2, 2))
