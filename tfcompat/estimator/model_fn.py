"""``tf.estimator.ModeKeys`` and ``EstimatorSpec``: what a model_fn returns."""

from __future__ import annotations

import collections

from tfcompat.framework.ops import Operation, Tensor


class ModeKeys:
    """The three modes a model_fn is called in."""

    TRAIN = "train"
    EVAL = "eval"
    PREDICT = "infer"


def _check_is_tensor_or_operation(x, name):
    if not isinstance(x, (Tensor, Operation)):
        raise TypeError(f"{name} must be Operation or Tensor, given: {x}")


class EstimatorSpec(collections.namedtuple("EstimatorSpec", [
        "mode", "predictions", "loss", "train_op", "eval_metric_ops", "export_outputs",
        "training_chief_hooks", "training_hooks", "scaffold", "evaluation_hooks",
        "prediction_hooks"])):
    """The ops a model_fn built for ``mode``: ``train_op`` and ``loss`` for TRAIN, ``loss``
    (and ``eval_metric_ops``: name -> (value, update_op)) for EVAL, ``predictions`` for
    PREDICT."""

    def __new__(cls, mode, predictions=None, loss=None, train_op=None, eval_metric_ops=None,
                export_outputs=None, training_chief_hooks=None, training_hooks=None,
                scaffold=None, evaluation_hooks=None, prediction_hooks=None):
        if mode not in (ModeKeys.TRAIN, ModeKeys.EVAL, ModeKeys.PREDICT):
            raise ValueError(f"mode={mode} unrecognized.")
        if train_op is None and mode == ModeKeys.TRAIN:
            raise ValueError("Missing train_op.")
        if train_op is not None:
            _check_is_tensor_or_operation(train_op, "train_op")
        if loss is None:
            if mode in (ModeKeys.TRAIN, ModeKeys.EVAL):
                raise ValueError("Missing loss.")
        else:
            if not isinstance(loss, Tensor):
                raise TypeError(f"loss must be Tensor, given: {loss}")
            if loss.shape.ndims is not None and loss.shape.ndims > 1:
                raise ValueError(f"Shape {loss.shape} must have rank at most 1")
        if predictions is None:
            if mode == ModeKeys.PREDICT:
                raise ValueError("Missing predictions.")
            predictions = {}
        elif isinstance(predictions, dict):
            for key, value in predictions.items():
                if not isinstance(value, Tensor):
                    raise TypeError(f"predictions[{key}] must be Tensor, given: {value}")
        elif not isinstance(predictions, Tensor):
            raise TypeError(f"predictions must be Tensor or dict of Tensor, given: "
                            f"{predictions}")
        eval_metric_ops = dict(eval_metric_ops or {})
        for key, metric in eval_metric_ops.items():
            if not isinstance(metric, tuple) or len(metric) != 2:
                raise TypeError(f"Values of eval_metric_ops must be (metric_value, update_op) "
                                f"tuples, given: {metric} for key: {key}")
        hook_lists = []
        for hooks in (training_chief_hooks, training_hooks, evaluation_hooks,
                      prediction_hooks):
            hooks = tuple(hooks or [])
            for hook in hooks:
                if not hasattr(hook, "before_run"):
                    raise TypeError(f"All hooks must be SessionRunHook instances, given: "
                                    f"{hook}")
            hook_lists.append(hooks)
        return super().__new__(cls, mode, predictions, loss, train_op, eval_metric_ops,
                               export_outputs, *hook_lists[:2], scaffold, *hook_lists[2:])
