"""``tf.estimator.Estimator``: train / evaluate / predict a model_fn, with checkpoints and
summaries in ``model_dir`` laid out as TF 1.15's Estimator writes them."""

from __future__ import annotations

import copy
import inspect
import os
import tempfile
import time

import numpy as np

from tfcompat.estimator.model_fn import EstimatorSpec, ModeKeys
from tfcompat.estimator.run_config import RunConfig
from tfcompat.framework import dtypes, ops, random_seed
from tfcompat.framework.ops import GraphKeys
from tfcompat.ops import array_ops, control_flow_ops, state_ops
from tfcompat.platform import tf_logging as logging
from tfcompat.protobuf.summary_pb2 import Summary
from tfcompat.summary import summary_ops
from tfcompat.summary.writer import FileWriterCache
from tfcompat.training import basic_session_run_hooks as hooks_lib
from tfcompat.training import training_util
from tfcompat.training.checkpoint import checkpoint_utils, state
from tfcompat.training.checkpoint.reader import list_variables, load_variable
from tfcompat.training.metrics_impl import mean as mean_metric
from tfcompat.training.monitored_session import MonitoredSession, MonitoredTrainingSession
from tfcompat.training.saver import Saver
from tfcompat.training.scaffold import ChiefSessionCreator, Scaffold
from tfcompat.training.session_run_hook import SessionRunArgs, SessionRunHook
from tfcompat.training.summary_hooks import FinalOpsHook
from tfcompat.variables import init_ops, variable_scope

_VALID_MODEL_FN_ARGS = {"features", "labels", "mode", "params", "config", "self"}
LOSS_METRIC_KEY = "loss"


def _fn_args(fn) -> tuple:
    return tuple(inspect.signature(fn).parameters)


def _verify_model_fn_args(model_fn, params) -> None:
    args = set(_fn_args(model_fn))
    if "features" not in args:
        raise ValueError(f"model_fn ({model_fn}) must include features argument.")
    if params is not None and "params" not in args:
        raise ValueError(f"model_fn ({model_fn}) does not include params argument, but params "
                         f"({params}) is passed to Estimator.")
    if params is None and "params" in args:
        logging.warning("Estimator's model_fn (%s) includes params argument, but params are "
                        "not passed to Estimator.", model_fn)
    unexpected = sorted(args - _VALID_MODEL_FN_ARGS)
    if unexpected:
        raise ValueError(f"model_fn ({model_fn}) has following not expected args: "
                         f"{unexpected}")


def _check_hooks(hooks) -> list:
    hooks = list(hooks or [])
    for h in hooks:
        if not isinstance(h, SessionRunHook):
            raise TypeError(f"Hooks must be a SessionRunHook, given: {h}")
    return hooks


def _load_global_step_from_checkpoint_dir(checkpoint_dir) -> int:
    latest = state.latest_checkpoint(checkpoint_dir)
    if latest is None:
        return 0
    try:
        return int(load_variable(latest, GraphKeys.GLOBAL_STEP))
    except (KeyError, ValueError):
        return 0


def get_or_create_eval_step(graph=None):
    """The local int64 ``eval_step`` counter of evaluation runs."""
    graph = graph or ops.get_default_graph()
    eval_steps = graph.get_collection(GraphKeys.EVAL_STEP)
    if len(eval_steps) == 1:
        return eval_steps[0]
    if len(eval_steps) > 1:
        raise ValueError("Multiple tensors added to tf.GraphKeys.EVAL_STEP")
    return variable_scope.get_variable(
        "eval_step", shape=[], dtype=dtypes.int64, initializer=init_ops.zeros_initializer(),
        trainable=False, collections=[GraphKeys.LOCAL_VARIABLES, GraphKeys.EVAL_STEP])


class _DatasetInitializerHook(SessionRunHook):
    """Initializes a dataset iterator when the session is created."""

    def __init__(self, iterator):
        self._iterator = iterator

    def after_create_session(self, session, coord):
        session.run(self._iterator.initializer)


class StopAfterNEvalsHook(SessionRunHook):
    """Stops evaluation after ``num_evals`` runs of the update ops."""

    def __init__(self, num_evals, log_progress=True):
        self._num_evals = num_evals
        self._evals_completed = None
        self._log_progress = log_progress

    def _set_evals_completed_tensor(self, updated_eval_step):
        self._evals_completed = updated_eval_step

    def before_run(self, run_context):
        return SessionRunArgs({"evals_completed": self._evals_completed})

    def after_run(self, run_context, run_values):
        evals_completed = run_values.results["evals_completed"]
        if self._log_progress:
            logging.info("Evaluation [%d/%d]", evals_completed, self._num_evals)
        if evals_completed >= self._num_evals:
            run_context.request_stop()


def _write_dict_to_summary(output_dir, dictionary, current_global_step) -> None:
    logging.info("Saving dict for global step %d: %s", current_global_step,
                 ", ".join(f"{k} = {v}" for k, v in sorted(dictionary.items())))
    writer = FileWriterCache.get(output_dir)
    summary = Summary()
    for key, value in dictionary.items():
        if value is None or key == "global_step":
            continue
        if isinstance(value, (np.floating, float, np.integer, int)):
            summary.value.add(tag=key, simple_value=float(value))
        else:
            logging.warning("Skipping summary for %s, must be a float, np.float32, np.int64, "
                            "np.int32 or int.", key)
    writer.add_summary(summary, current_global_step)
    writer.flush()


class Estimator:
    """Trains, evaluates and predicts with a ``model_fn(features, labels, mode, params,
    config)`` returning an EstimatorSpec; checkpoints and summaries go to ``model_dir``
    (evaluation summaries to ``model_dir/eval``)."""

    def __init__(self, model_fn, model_dir=None, config=None, params=None,
                 warm_start_from=None):
        config = RunConfig() if config is None else config
        if not isinstance(config, RunConfig):
            raise ValueError(f"config must be an instance of `RunConfig`, but provided "
                             f"{config}.")
        if model_dir and config.model_dir and model_dir != config.model_dir:
            raise ValueError(f"`model_dir` are set both in constructor and `RunConfig`, but "
                             f"with different values. In constructor: '{model_dir}', in "
                             f"`RunConfig`: '{config.model_dir}' ")
        model_dir = model_dir or config.model_dir
        if model_dir is None:
            model_dir = tempfile.mkdtemp()
            logging.warning("Using temporary folder as model directory: %s", model_dir)
        self._config = config.replace(model_dir=model_dir)
        self._model_dir = model_dir
        logging.info("Using config: %s", {k: getattr(self._config, k) for k in (
            "model_dir", "tf_random_seed", "save_summary_steps", "save_checkpoints_steps",
            "save_checkpoints_secs", "keep_checkpoint_max", "log_step_count_steps")})
        _verify_model_fn_args(model_fn, params)
        self._model_fn = model_fn
        self._params = copy.deepcopy(params or {})
        self._warm_start_from = warm_start_from

    @property
    def model_dir(self):
        return self._model_dir

    @property
    def config(self):
        return copy.deepcopy(self._config)

    @property
    def params(self):
        return copy.deepcopy(self._params)

    @property
    def model_fn(self):
        def public_model_fn(features, labels, mode, config):
            return self._call_model_fn(features, labels, mode, config)
        return public_model_fn

    def latest_checkpoint(self):
        return state.latest_checkpoint(self._model_dir)

    def get_variable_names(self):
        return [name for name, _ in list_variables(self._model_dir)]

    def get_variable_value(self, name):
        return load_variable(self._model_dir, name)

    def eval_dir(self, name=None):
        return os.path.join(self._model_dir, "eval" if not name else "eval_" + name)

    # -- calling input_fn and model_fn

    def _call_input_fn(self, input_fn, mode):
        args = _fn_args(input_fn)
        kwargs = {}
        if "mode" in args:
            kwargs["mode"] = mode
        if "params" in args:
            kwargs["params"] = self.params
        if "config" in args:
            kwargs["config"] = self.config
        with ops.get_default_graph().device("/cpu:0"):
            result = input_fn(**kwargs)
        hooks = []
        # A tf.data Dataset (recognized by its iterator method: tf.data lives in another
        # package) is read through an initializable iterator, initialized once per session.
        if hasattr(result, "make_initializable_iterator"):
            iterator = result.make_initializable_iterator()
            hooks.append(_DatasetInitializerHook(iterator))
            result = iterator.get_next()
        if isinstance(result, (list, tuple)):
            if len(result) != 2:
                raise ValueError("input_fn should return (features, labels) as a len 2 tuple.")
            return result[0], result[1], hooks
        return result, None, hooks

    def _call_model_fn(self, features, labels, mode, config):
        args = _fn_args(self._model_fn)
        kwargs = {}
        if "labels" in args:
            kwargs["labels"] = labels
        elif labels is not None:
            raise ValueError("model_fn does not take labels, but input_fn returns labels.")
        if "mode" in args:
            kwargs["mode"] = mode
        if "params" in args:
            kwargs["params"] = self.params
        if "config" in args:
            kwargs["config"] = config
        logging.info("Calling model_fn.")
        spec = self._model_fn(features=features, **kwargs)
        logging.info("Done calling model_fn.")
        if not isinstance(spec, EstimatorSpec):
            raise ValueError("model_fn should return an EstimatorSpec.")
        if spec.scaffold is None:
            spec = spec._replace(scaffold=Scaffold())
        return spec

    def _start_graph(self, graph):
        random_seed.set_random_seed(self._config.tf_random_seed)
        step = training_util.create_global_step(graph)
        training_util.get_or_create_global_step_read(graph)
        return step

    def _maybe_warm_start(self, checkpoint_path):
        if not checkpoint_path and self._warm_start_from:
            source = self._warm_start_from
            if isinstance(source, str):
                checkpoint_utils.warm_start(source)
            else:
                checkpoint_utils.warm_start(*source)

    # -- train

    def train(self, input_fn, hooks=None, steps=None, max_steps=None, saving_listeners=None):
        """Trains until ``input_fn`` runs out, ``steps`` more steps, or global step
        ``max_steps``; returns self."""
        if steps is not None and max_steps is not None:
            raise ValueError("Can not provide both steps and max_steps.")
        if steps is not None and steps <= 0:
            raise ValueError(f"Must specify steps > 0, given: {steps}")
        if max_steps is not None and max_steps <= 0:
            raise ValueError(f"Must specify max_steps > 0, given: {max_steps}")
        if max_steps is not None:
            if max_steps <= _load_global_step_from_checkpoint_dir(self._model_dir):
                logging.info("Skipping training since max_steps has already saved.")
                return self
        hooks = _check_hooks(hooks)
        if steps is not None or max_steps is not None:
            hooks.append(hooks_lib.StopAtStepHook(steps, max_steps))
        loss = self._train_model(input_fn, hooks, list(saving_listeners or []))
        logging.info("Loss for final step: %s.", loss)
        return self

    def _train_model(self, input_fn, hooks, saving_listeners):
        with ops.Graph().as_default() as g:
            self._start_graph(g)
            features, labels, input_hooks = self._call_input_fn(input_fn, ModeKeys.TRAIN)
            spec = self._call_model_fn(features, labels, ModeKeys.TRAIN, self.config)
            global_step = training_util.get_global_step(g)
            if self._warm_start_from:
                self._maybe_warm_start(None)
            if not any(x.op.name == "loss" for x in g.get_collection(GraphKeys.SUMMARIES)):
                summary_ops.scalar("loss", spec.loss)
            g.add_to_collection(GraphKeys.LOSSES, spec.loss)
            worker_hooks = input_hooks + list(hooks)
            worker_hooks.append(hooks_lib.NanTensorHook(spec.loss))
            if self._config.log_step_count_steps is not None:
                worker_hooks.append(hooks_lib.LoggingTensorHook(
                    {"loss": spec.loss, "step": global_step},
                    every_n_iter=self._config.log_step_count_steps))
            worker_hooks.extend(spec.training_hooks)
            if not (spec.scaffold.saver or g.get_collection(GraphKeys.SAVERS)):
                # Built now (TF defers the build): the meta graph a FileWriter exports before
                # the Scaffold finalizes cannot serialize an unbuilt Saver in tfcompat.
                g.add_to_collection(GraphKeys.SAVERS, Saver(
                    sharded=True, max_to_keep=self._config.keep_checkpoint_max,
                    keep_checkpoint_every_n_hours=self._config.keep_checkpoint_every_n_hours,
                    save_relative_paths=True))
            chief_hooks = []
            saver_hooks = [h for h in worker_hooks + list(spec.training_chief_hooks)
                           if isinstance(h, hooks_lib.CheckpointSaverHook)]
            if self._config.save_checkpoints_secs or self._config.save_checkpoints_steps:
                if not saver_hooks:
                    chief_hooks = [hooks_lib.CheckpointSaverHook(
                        self._model_dir, save_secs=self._config.save_checkpoints_secs,
                        save_steps=self._config.save_checkpoints_steps,
                        scaffold=spec.scaffold,
                        save_graph_def=self._config.checkpoint_save_graph_def)]
                    saver_hooks = chief_hooks
            if saving_listeners:
                if not saver_hooks:
                    raise ValueError("There should be a CheckpointSaverHook to use "
                                     "saving_listeners. Please set one of the RunConfig."
                                     "save_checkpoints_steps or RunConfig."
                                     "save_checkpoints_secs.")
                for listener in saving_listeners:
                    if listener not in saver_hooks[0]._listeners:
                        saver_hooks[0]._listeners.append(listener)
            loss = None
            any_step_done = False
            with MonitoredTrainingSession(
                    checkpoint_dir=self._model_dir, scaffold=spec.scaffold,
                    hooks=worker_hooks,
                    chief_only_hooks=tuple(chief_hooks) + tuple(spec.training_chief_hooks),
                    save_checkpoint_secs=0, save_summaries_steps=self._config.save_summary_steps,
                    config=self._config.session_config,
                    log_step_count_steps=self._config.log_step_count_steps,
                    save_graph_def=self._config.checkpoint_save_graph_def) as mon_sess:
                while not mon_sess.should_stop():
                    _, loss = mon_sess.run([spec.train_op, spec.loss])
                    any_step_done = True
            if not any_step_done:
                logging.warning("Training with estimator made no steps. Perhaps input is "
                                "empty or misspecified.")
            return loss

    # -- evaluate

    def evaluate(self, input_fn, steps=None, hooks=None, checkpoint_path=None, name=None):
        """Runs the metrics' update ops over ``input_fn`` (or ``steps`` batches) from the
        latest checkpoint; returns {metric: value, "loss": mean loss, "global_step": step}
        and writes them as summaries to ``eval_dir(name)``."""
        hooks = _check_hooks(hooks)
        if steps is not None:
            if steps <= 0:
                raise ValueError(f"Must specify steps > 0, given: {steps}")
            hooks.append(StopAfterNEvalsHook(num_evals=steps))
        if not checkpoint_path:
            checkpoint_path = state.latest_checkpoint(self._model_dir)
            if not checkpoint_path:
                logging.info(f"Could not find trained model in model_dir: {self._model_dir}, "
                             f"running initialization to evaluate.")
        with ops.Graph().as_default() as g:
            self._start_graph(g)
            features, labels, input_hooks = self._call_input_fn(input_fn, ModeKeys.EVAL)
            spec = self._call_model_fn(features, labels, ModeKeys.EVAL, self.config)
            global_step = training_util.get_global_step(g)
            self._maybe_warm_start(checkpoint_path)
            eval_metric_ops = dict(spec.eval_metric_ops)
            if LOSS_METRIC_KEY in eval_metric_ops:
                raise ValueError(f"Metric with name \"{LOSS_METRIC_KEY}\" is not allowed, "
                                 f"because Estimator already defines a default metric with "
                                 f"the same name.")
            eval_metric_ops[LOSS_METRIC_KEY] = mean_metric(spec.loss)
            update_ops, eval_dict = [], {}
            for key, (value, update) in sorted(eval_metric_ops.items()):
                eval_dict[key] = value
                update_ops.append(update)
            if GraphKeys.GLOBAL_STEP in eval_dict:
                raise ValueError("Metric with name `global_step` is not allowed, because "
                                 "Estimator already defines a default metric with the same "
                                 "name.")
            eval_dict[GraphKeys.GLOBAL_STEP] = global_step
            all_hooks = input_hooks + hooks + list(spec.evaluation_hooks)
            results = self._evaluate_once(checkpoint_path, spec.scaffold,
                                          control_flow_ops.group(*update_ops), eval_dict,
                                          all_hooks)
        _write_dict_to_summary(self.eval_dir(name), results,
                               results[GraphKeys.GLOBAL_STEP])
        return results

    def _evaluate_once(self, checkpoint_path, scaffold, update_op, final_ops, hooks):
        eval_step = get_or_create_eval_step()
        update_eval_step = state_ops.assign_add(eval_step, 1, use_locking=True)
        eval_ops = [update_op, update_eval_step]
        with ops.get_default_graph().control_dependencies(eval_ops):
            eval_step_value = array_ops.identity(eval_step.read_value())
        for h in hooks:
            if isinstance(h, StopAfterNEvalsHook):
                h._set_evals_completed_tensor(eval_step_value)
        logging.info("Starting evaluation at " + time.strftime("%Y-%m-%dT%H:%M:%S"))
        final_ops_hook = FinalOpsHook(final_ops)
        creator = ChiefSessionCreator(scaffold=scaffold,
                                      checkpoint_filename_with_path=checkpoint_path,
                                      config=self._config.session_config)
        with MonitoredSession(session_creator=creator, hooks=hooks + [final_ops_hook]) as sess:
            while not sess.should_stop():
                sess.run(eval_ops)
        logging.info("Finished evaluation at " + time.strftime("%Y-%m-%d-%H:%M:%S"))
        return final_ops_hook.final_ops_values

    # -- predict

    def predict(self, input_fn, predict_keys=None, hooks=None, checkpoint_path=None,
                yield_single_examples=True):
        """Yields predictions (per example, or per batch) until ``input_fn`` runs out."""
        hooks = _check_hooks(hooks)
        if not checkpoint_path:
            checkpoint_path = state.latest_checkpoint(self._model_dir)
        if not checkpoint_path:
            logging.info(f"Could not find trained model in model_dir: {self._model_dir}, "
                         f"running initialization to predict.")
        with ops.Graph().as_default() as g:
            self._start_graph(g)
            features, _, input_hooks = self._call_input_fn(input_fn, ModeKeys.PREDICT)
            spec = self._call_model_fn(features, None, ModeKeys.PREDICT, self.config)
            self._maybe_warm_start(checkpoint_path)
            predictions = _extract_keys(spec.predictions, predict_keys)
            creator = ChiefSessionCreator(checkpoint_filename_with_path=checkpoint_path,
                                          scaffold=spec.scaffold,
                                          config=self._config.session_config)
            with MonitoredSession(session_creator=creator,
                                  hooks=input_hooks + hooks + list(spec.prediction_hooks)
                                  ) as mon_sess:
                while not mon_sess.should_stop():
                    preds = mon_sess.run(predictions)
                    if not yield_single_examples:
                        yield preds
                    elif not isinstance(predictions, dict):
                        yield from preds
                    else:
                        for i in range(_batch_length(preds)):
                            yield {key: value[i] for key, value in preds.items()}


def _extract_keys(predictions, predict_keys):
    if not predict_keys:
        return predictions
    if not isinstance(predictions, dict):
        raise ValueError("predict_keys argument is not valid in case of non-dict predictions.")
    existing_keys = predictions.keys()
    chosen = {k: v for k, v in predictions.items() if k in predict_keys}
    if not chosen:
        raise ValueError(f"Expected to run at least one output from {existing_keys}, provided "
                         f"{predict_keys}.")
    return chosen


def _batch_length(preds) -> int:
    length = None
    for key, value in preds.items():
        length = length or value.shape[0]
        if value.shape[0] != length:
            raise ValueError(f"Batch length of predictions should be same. {key} has "
                             f"different batch length than others.")
    return length
