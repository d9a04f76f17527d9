"""``tf.estimator.train_and_evaluate`` (one local process), TrainSpec and EvalSpec."""

from __future__ import annotations

import collections

from tfcompat.estimator.estimator import Estimator
from tfcompat.platform import tf_logging as logging
from tfcompat.training.basic_session_run_hooks import CheckpointSaverListener, SecondOrStepTimer


class TrainSpec(collections.namedtuple("TrainSpec", ["input_fn", "max_steps", "hooks",
                                                     "saving_listeners"])):
    """The training half of train_and_evaluate: input_fn, the last step, hooks."""

    def __new__(cls, input_fn, max_steps=None, hooks=None, saving_listeners=None):
        if not callable(input_fn):
            raise TypeError(f"`input_fn` must be callable, given: {input_fn}")
        if max_steps is not None and max_steps <= 0:
            raise ValueError(f"Must specify max_steps > 0, given: {max_steps}")
        return super().__new__(cls, input_fn, max_steps, tuple(hooks or ()),
                               tuple(saving_listeners or ()))


class EvalSpec(collections.namedtuple("EvalSpec", [
        "input_fn", "steps", "name", "hooks", "exporters", "start_delay_secs",
        "throttle_secs"])):
    """The evaluation half: input_fn, batches per evaluation (None: until the input ends),
    and at most one evaluation per ``throttle_secs``."""

    def __new__(cls, input_fn, steps=100, name=None, hooks=None, exporters=None,
                start_delay_secs=120, throttle_secs=600):
        if not callable(input_fn):
            raise TypeError(f"`input_fn` must be callable, given: {input_fn}")
        if steps is not None and steps <= 0:
            raise ValueError(f"Must specify steps > 0, given: {steps}")
        if name is not None and not isinstance(name, str):
            raise TypeError(f"`name` must be string, given: {name}")
        if exporters:
            raise NotImplementedError("EvalSpec exporters (SavedModel export) are not "
                                      "supported by tfcompat yet")
        if start_delay_secs < 0:
            raise ValueError(f"Must specify start_delay_secs >= 0, given: {start_delay_secs}")
        if throttle_secs < 0:
            raise ValueError(f"Must specify throttle_secs >= 0, given: {throttle_secs}")
        return super().__new__(cls, input_fn, steps, name, tuple(hooks or ()), (),
                               start_delay_secs, throttle_secs)


class _EvaluateOnNewCheckpoint(CheckpointSaverListener):
    """Evaluates after each new checkpoint (throttled) and after the last one."""

    def __init__(self, estimator, eval_spec):
        self._estimator = estimator
        self._eval_spec = eval_spec
        self._previous_checkpoint = None
        self.eval_result = None

    def begin(self):
        self._timer = SecondOrStepTimer(every_secs=self._eval_spec.throttle_secs)
        self._is_first_run = True

    def after_save(self, session, global_step_value):
        # The checkpoint written when the session starts holds no new training.
        if self._is_first_run:
            self._is_first_run = False
            return
        if self._timer.should_trigger_for_step(global_step_value):
            self._evaluate(global_step_value)
        else:
            logging.info(f"Skip the current checkpoint eval due to throttle secs "
                         f"({self._eval_spec.throttle_secs} secs).")

    def end(self, session, global_step_value):
        if global_step_value != self._timer.last_triggered_step():
            self._evaluate(global_step_value)

    def _evaluate(self, global_step_value):
        self._timer.update_last_triggered_step(global_step_value)
        latest = self._estimator.latest_checkpoint()
        if latest is None or latest == self._previous_checkpoint:
            raise RuntimeError("There was no new checkpoint after the training.")
        self._previous_checkpoint = latest
        self.eval_result = self._estimator.evaluate(
            input_fn=self._eval_spec.input_fn, steps=self._eval_spec.steps,
            name=self._eval_spec.name, checkpoint_path=latest, hooks=self._eval_spec.hooks)


def train_and_evaluate(estimator, train_spec, eval_spec):
    """Trains ``estimator`` until ``train_spec.max_steps``, evaluating on every new
    checkpoint (at most once per ``throttle_secs``) and after the last step; returns
    (final evaluation metrics, export results (always empty in tfcompat))."""
    if not isinstance(estimator, Estimator):
        raise TypeError(f"`estimator` must have type `tf.estimator.Estimator`, given "
                        f"{type(estimator)}")
    if not isinstance(train_spec, TrainSpec):
        raise TypeError(f"`train_spec` must have type `tf.estimator.TrainSpec`. Got: "
                        f"{type(train_spec)}")
    if not isinstance(eval_spec, EvalSpec):
        raise TypeError(f"`eval_spec` must have type `tf.estimator.EvalSpec`. Got: "
                        f"{type(eval_spec)}")
    config = estimator.config
    logging.info(f"Start train and evaluate loop. The evaluate will happen after every "
                 f"checkpoint. Checkpoint frequency is determined based on RunConfig "
                 f"arguments: save_checkpoints_steps {config.save_checkpoints_steps} or "
                 f"save_checkpoints_secs {config.save_checkpoints_secs}.")
    listener = _EvaluateOnNewCheckpoint(estimator, eval_spec)
    estimator.train(input_fn=train_spec.input_fn, max_steps=train_spec.max_steps,
                    hooks=list(train_spec.hooks),
                    saving_listeners=list(train_spec.saving_listeners) + [listener])
    return listener.eval_result, []
