"""``tf.data.Options`` and its option groups: typed holders of settings.

tfcompat's pipelines run in the calling thread with no graph rewrites, so the settings are
accepted, type-checked and stored as TF does, and have no effect on the elements.
"""

from __future__ import annotations

import enum


class AutoShardPolicy(enum.IntEnum):
    """How a distributed dataset is sharded (``tf.data.experimental.AutoShardPolicy``)."""

    OFF = -1
    AUTO = 0
    FILE = 1
    DATA = 2
    HINT = 3


class ExternalStatePolicy(enum.Enum):
    """What to do with state captured by a dataset's functions when it is serialized."""

    WARN = 0
    IGNORE = 1
    FAIL = 2


class AutotuneAlgorithm(enum.Enum):
    """TF's autotuning algorithm choices (``tf.data.experimental.AutotuneAlgorithm``)."""

    DEFAULT = 0
    HILL_CLIMB = 1
    GRADIENT_DESCENT = 2
    MAX_PARALLELISM = 3
    STAGE_BASED = 4


class _OptionsBase:
    """Declared, typed options (``_FIELDS``: name -> (type, default or factory))."""

    _FIELDS: dict = {}

    def __init__(self):
        for name, (_, default) in self._FIELDS.items():
            object.__setattr__(self, name, default() if callable(default) and
                               isinstance(default, type) else default)

    def __setattr__(self, name, value):
        if name not in self._FIELDS:
            raise AttributeError(f"Cannot set the property {name} on {type(self).__name__}.")
        kind = self._FIELDS[name][0]
        if value is not None and not isinstance(value, kind):
            raise TypeError(f"Property \"{name}\" must be of type {kind}, got: {value} "
                            f"(type: {type(value)})")
        object.__setattr__(self, name, value)

    def __eq__(self, other):
        return type(self) is type(other) and all(
            getattr(self, k) == getattr(other, k) for k in self._FIELDS)

    __hash__ = None


class ThreadingOptions(_OptionsBase):
    """``tf.data.ThreadingOptions`` (no thread pools in tfcompat)."""

    _FIELDS = {"max_intra_op_parallelism": (int, None), "private_threadpool_size": (int, None)}


class OptimizationOptions(_OptionsBase):
    """``tf.data.experimental.OptimizationOptions`` (tfcompat applies no graph rewrites)."""

    _FIELDS = {name: (bool, None) for name in (
        "apply_default_optimizations", "filter_fusion", "filter_parallelization",
        "inject_prefetch", "map_and_batch_fusion", "map_and_filter_fusion", "map_fusion",
        "map_parallelization", "noop_elimination", "parallel_batch",
        "seq_interleave_prefetch", "shuffle_and_repeat_fusion")}


class DistributeOptions(_OptionsBase):
    """``tf.data.experimental.DistributeOptions``."""

    _FIELDS = {"auto_shard_policy": (AutoShardPolicy, AutoShardPolicy.AUTO),
               "num_devices": (int, None)}


class AutotuneOptions(_OptionsBase):
    """``tf.data.experimental.AutotuneOptions``."""

    _FIELDS = {"autotune_algorithm": (AutotuneAlgorithm, None), "cpu_budget": (int, None),
               "enabled": (bool, None), "initial_parallelism": (int, None),
               "min_parallelism": (int, None), "ram_budget": (int, None)}


class Options(_OptionsBase):
    """``tf.data.Options``: accepted, type-checked and stored."""

    _FIELDS = {
        "autotune": (AutotuneOptions, AutotuneOptions),
        "dataset_name": (str, None),
        "deterministic": (bool, None),
        "experimental_deterministic": (bool, None),
        "experimental_distribute": (DistributeOptions, DistributeOptions),
        "experimental_external_state_policy": (ExternalStatePolicy, None),
        "experimental_optimization": (OptimizationOptions, OptimizationOptions),
        "experimental_slack": (bool, None),
        "experimental_symbolic_checkpoint": (bool, None),
        "experimental_threading": (ThreadingOptions, ThreadingOptions),
        "experimental_warm_start": (bool, None),
        "framework_type": (list, None),
        "threading": (ThreadingOptions, ThreadingOptions),
    }

    def merge(self, options):
        """A new Options with ``options``' set values over this one's."""
        merged = Options()
        for source in (self, options):
            for name in self._FIELDS:
                value = getattr(source, name)
                if isinstance(value, _OptionsBase):
                    target = getattr(merged, name)
                    for sub in value._FIELDS:
                        if getattr(value, sub) is not None:
                            setattr(target, sub, getattr(value, sub))
                elif value is not None:
                    setattr(merged, name, value)
        return merged
