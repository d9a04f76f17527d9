"""``tf.estimator.RunConfig``: where and how often an Estimator saves (single process)."""

from __future__ import annotations

import collections
import copy

_USE_DEFAULT = object()

_REPLACEABLE = ("model_dir", "tf_random_seed", "save_summary_steps", "save_checkpoints_steps",
                "save_checkpoints_secs", "session_config", "keep_checkpoint_max",
                "keep_checkpoint_every_n_hours", "log_step_count_steps", "train_distribute",
                "device_fn", "eval_distribute", "experimental_max_worker_delay_secs",
                "session_creation_timeout_secs", "checkpoint_save_graph_def")


class RunConfig:
    """Model directory, seed, and checkpoint/summary frequencies of an Estimator.

    Checkpoints are saved every 600 seconds unless ``save_checkpoints_steps`` or
    ``save_checkpoints_secs`` is given (one of them at most). Distribution settings are
    accepted but only a single local process is supported.
    """

    def __init__(self, model_dir=None, tf_random_seed=None, save_summary_steps=100,
                 save_checkpoints_steps=_USE_DEFAULT, save_checkpoints_secs=_USE_DEFAULT,
                 session_config=None, keep_checkpoint_max=5,
                 keep_checkpoint_every_n_hours=10000, log_step_count_steps=100,
                 train_distribute=None, device_fn=None, protocol=None, eval_distribute=None,
                 experimental_distribute=None, experimental_max_worker_delay_secs=None,
                 session_creation_timeout_secs=7200, checkpoint_save_graph_def=True):
        if (save_checkpoints_steps is _USE_DEFAULT
                and save_checkpoints_secs is _USE_DEFAULT):
            save_checkpoints_steps, save_checkpoints_secs = None, 600
        elif save_checkpoints_secs is _USE_DEFAULT:
            save_checkpoints_secs = None
        elif save_checkpoints_steps is _USE_DEFAULT:
            save_checkpoints_steps = None
        elif save_checkpoints_steps is not None and save_checkpoints_secs is not None:
            raise ValueError("save_checkpoints_steps and save_checkpoints_secs cannot be both "
                             "set.")
        if tf_random_seed is not None and not isinstance(tf_random_seed, int):
            raise ValueError(f"tf_random_seed must be integer, given: {tf_random_seed}")
        self._model_dir = model_dir
        self._tf_random_seed = tf_random_seed
        self._save_summary_steps = save_summary_steps
        self._save_checkpoints_steps = save_checkpoints_steps
        self._save_checkpoints_secs = save_checkpoints_secs
        self._session_config = session_config
        self._keep_checkpoint_max = keep_checkpoint_max
        self._keep_checkpoint_every_n_hours = keep_checkpoint_every_n_hours
        self._log_step_count_steps = log_step_count_steps
        self._train_distribute = train_distribute
        self._device_fn = device_fn
        self._eval_distribute = eval_distribute
        self._experimental_max_worker_delay_secs = experimental_max_worker_delay_secs
        self._session_creation_timeout_secs = session_creation_timeout_secs
        self._checkpoint_save_graph_def = checkpoint_save_graph_def

    def __getattr__(self, name):
        if name.startswith("_") or name not in _REPLACEABLE:
            raise AttributeError(name)
        return self.__dict__["_" + name]

    # Single local process: the cluster properties of TF's RunConfig, fixed.
    cluster_spec = None
    evaluation_master = ""
    global_id_in_cluster = 0
    is_chief = True
    master = ""
    num_ps_replicas = 0
    num_worker_replicas = 1
    task_id = 0
    task_type = "worker"
    service = None
    protocol = None

    def replace(self, **kwargs):
        """A copy with the given properties changed."""
        for key in kwargs:
            if key not in _REPLACEABLE:
                raise ValueError(f"{key} is not allowed to be replaced in RunConfig.")
        new = copy.copy(self)
        steps = kwargs.get("save_checkpoints_steps", new._save_checkpoints_steps)
        secs = kwargs.get("save_checkpoints_secs", new._save_checkpoints_secs)
        if "save_checkpoints_steps" in kwargs and "save_checkpoints_secs" not in kwargs:
            secs = None
        if "save_checkpoints_secs" in kwargs and "save_checkpoints_steps" not in kwargs:
            steps = None
        if steps is not None and secs is not None:
            raise ValueError("save_checkpoints_steps and save_checkpoints_secs cannot be both "
                             "set.")
        for key, value in kwargs.items():
            setattr(new, "_" + key, value)
        new._save_checkpoints_steps, new._save_checkpoints_secs = steps, secs
        return new


class WarmStartSettings(collections.namedtuple("WarmStartSettings", [
        "ckpt_to_initialize_from", "vars_to_warm_start", "var_name_to_vocab_info",
        "var_name_to_prev_var_name"])):
    """Which variables an Estimator initializes from another checkpoint (``warm_start``'s
    arguments)."""

    def __new__(cls, ckpt_to_initialize_from, vars_to_warm_start=".*",
                var_name_to_vocab_info=None, var_name_to_prev_var_name=None):
        if not ckpt_to_initialize_from:
            raise ValueError("`ckpt_to_initialize_from` MUST be set in WarmStartSettings")
        return super().__new__(cls, ckpt_to_initialize_from, vars_to_warm_start,
                               var_name_to_vocab_info or {}, var_name_to_prev_var_name or {})
