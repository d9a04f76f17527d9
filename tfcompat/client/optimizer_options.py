"""``tf.OptimizerOptions``: graph optimizer settings for ``GraphOptions``; accepted for
compatibility (tfcompat's executor runs the graph as built: no rewriting, no JIT)."""

from __future__ import annotations


class OptimizerOptions:
    """Graph optimization settings (TF's OptimizerOptions message fields and enums)."""

    # opt_level
    L1 = 0
    L0 = -1
    # global_jit_level
    DEFAULT = 0
    OFF = -1
    ON_1 = 1
    ON_2 = 2

    _FIELDS = {"do_common_subexpression_elimination": False, "do_constant_folding": False,
               "max_folded_constant_in_bytes": 0, "do_function_inlining": False,
               "opt_level": 0, "global_jit_level": 0, "cpu_global_jit": False}

    def __init__(self, **fields):
        unknown = sorted(set(fields) - set(self._FIELDS))
        if unknown:
            raise ValueError(f'Protocol message OptimizerOptions has no "{unknown[0]}" field.')
        for name, default in self._FIELDS.items():
            setattr(self, name, fields.get(name, default))
