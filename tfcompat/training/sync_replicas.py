"""``tf.train.SyncReplicasOptimizer`` for one process: an honest pass-through.

TF aggregates the gradients of ``replicas_to_aggregate`` worker replicas in conditional
accumulators and releases workers through a token queue run by the chief. tfcompat runs a
single replica, for which that machinery reduces to applying each gradient as it comes:
``replicas_to_aggregate`` and ``total_num_replicas`` must be 1; the wrapped optimizer updates the
variables and the global step, the local variable ``sync_rep_local_step`` follows the global step
as TF's does, ``variable_averages`` are applied after each update, and
``make_session_run_hook`` gives the hook MonitoredTrainingSession needs. The chief queue runner
and init-tokens op (the token queue) do not exist here: asking for them raises.
"""

from __future__ import annotations

from tfcompat.framework import dtypes, ops
from tfcompat.framework.graph_keys import GraphKeys
from tfcompat.ops import array_ops, state_ops
from tfcompat.training.optimizer import Optimizer
from tfcompat.training.session_run_hook import SessionRunHook
from tfcompat.variables import variables as variables_lib


class SyncReplicasOptimizer(Optimizer):
    """Wraps ``opt`` to synchronize replicas; in tfcompat, one replica (see the module doc)."""

    def __init__(self, opt, replicas_to_aggregate, total_num_replicas=None,
                 variable_averages=None, variables_to_average=None, use_locking=False,
                 name="sync_replicas"):
        if total_num_replicas is None:
            total_num_replicas = replicas_to_aggregate
        if replicas_to_aggregate != 1 or total_num_replicas != 1:
            raise ValueError(
                "tfcompat's SyncReplicasOptimizer runs a single replica in one process: "
                "replicas_to_aggregate and total_num_replicas must be 1 (got "
                f"{replicas_to_aggregate} and {total_num_replicas})")
        super().__init__(use_locking, name)
        self._opt = opt
        self._replicas_to_aggregate = replicas_to_aggregate
        self._total_num_replicas = total_num_replicas
        self._variable_averages = variable_averages
        self._variables_to_average = variables_to_average
        self._gradients_applied = False
        self._global_step = None
        self._local_step = None
        self.local_step_init_op = None
        self.chief_init_op = None
        self.ready_for_local_init_op = None

    def compute_gradients(self, *args, **kwargs):
        """The wrapped optimizer's gradients."""
        return self._opt.compute_gradients(*args, **kwargs)

    def apply_gradients(self, grads_and_vars, global_step=None, name=None):
        """Applies the gradients with the wrapped optimizer (incrementing ``global_step``)."""
        if not grads_and_vars:
            raise ValueError("Must supply at least one variable")
        if global_step is None:
            raise ValueError("Global step is required to check staleness")
        self._global_step = global_step
        with ops.name_scope(None):
            self._local_step = variables_lib.Variable(
                initial_value=0, trainable=False, collections=[GraphKeys.LOCAL_VARIABLES],
                dtype=dtypes.int64, name="sync_rep_local_step")
        self.local_step_init_op = state_ops.assign(self._local_step, global_step)
        self.chief_init_op = self.local_step_init_op
        self.ready_for_local_init_op = variables_lib.report_uninitialized_variables(
            variables_lib.global_variables())
        # TF's train op evaluates to the token the worker dequeued: the global step before
        # this update (StopGradient, unlike an aliasing Identity, reads it when it runs).
        token = array_ops.stop_gradient(global_step)
        with ops.get_default_graph().control_dependencies([token]):
            train_op = self._opt.apply_gradients(grads_and_vars, global_step, name=name)
        if self._variable_averages is not None:
            with ops.get_default_graph().control_dependencies([train_op]), \
                    ops.name_scope("variable_avg"):
                train_op = self._variable_averages.apply(self._variables_to_average)
        # As TF's worker train op: the local step assignment after the update (a tensor).
        with ops.get_default_graph().control_dependencies([train_op]):
            train_op = state_ops.assign(self._local_step, token)
        self._gradients_applied = True
        return train_op

    def get_slot(self, *args, **kwargs):
        return self._opt.get_slot(*args, **kwargs)

    def get_slot_names(self, *args, **kwargs):
        return self._opt.get_slot_names(*args, **kwargs)

    def variables(self):
        return self._opt.variables()

    def _no_token_queue(self, what: str):
        if not self._gradients_applied:
            raise ValueError(f"{what} should be called after apply_gradients().")
        raise NotImplementedError(
            f"SyncReplicasOptimizer.{what}: tfcompat's single-replica SyncReplicasOptimizer has "
            "no token queue; use make_session_run_hook() with MonitoredTrainingSession")

    def get_chief_queue_runner(self):
        self._no_token_queue("get_chief_queue_runner()")

    def get_init_tokens_op(self, num_tokens=-1):
        self._no_token_queue("get_init_tokens_op()")

    def make_session_run_hook(self, is_chief, num_tokens=-1):
        """The hook initializing ``sync_rep_local_step`` in each new session."""
        return _SyncReplicasOptimizerHook(self, is_chief, num_tokens)


class _SyncReplicasOptimizerHook(SessionRunHook):
    """Runs the local-step initialization after the session is created."""

    def __init__(self, sync_optimizer, is_chief, num_tokens):
        self._sync_optimizer = sync_optimizer
        self._is_chief = is_chief
        self._num_tokens = num_tokens

    def begin(self):
        if not self._sync_optimizer._gradients_applied:
            raise ValueError("SyncReplicasOptimizer.apply_gradient should be called before "
                             "using the hook.")
        if self._is_chief:
            self._local_init_op = self._sync_optimizer.chief_init_op
        else:
            self._local_init_op = self._sync_optimizer.local_step_init_op

    def after_create_session(self, session, coord):
        session.run(self._local_init_op)
