"""``tf.case`` (v1): a chain of ``tf.cond``s, one per predicate, built as TF builds it.

``case([(p0, f0), (p1, f1)], default=d)`` is ``cond(p0, f0, lambda: cond(p1, f1, d))`` in a
``case`` name scope. Without ``default`` the last pair's function becomes the default, guarded
by two Asserts (no other predicate is true; its own predicate is true — ``Input error: None of
conditions evaluated as True``). ``exclusive=True`` first asserts that at most one predicate
holds, and the conds run after that Assert.
"""

from __future__ import annotations

from tfcompat.framework import dtypes, ops
from tfcompat.framework.ops import Tensor
from tfcompat.ops import array_ops, control_flow_v1, math_ops
from tfcompat.ops.logging_ops import Assert
from tfcompat.platform import tf_logging


def _predicates_and_actions(pred_fn_pairs, exclusive: bool):
    if not isinstance(pred_fn_pairs, (list, tuple, dict)):
        raise TypeError("'pred_fn_pairs' must be a list, tuple, or dict. Received: "
                        f"{type(pred_fn_pairs)}")
    if isinstance(pred_fn_pairs, dict):
        if not exclusive:
            tf_logging.warning(
                "case: An unordered dictionary of predicate/fn pairs was provided, but "
                "exclusive=False. The order of conditional tests is deterministic but not "
                "guaranteed.")
        pred_fn_pairs = list(pred_fn_pairs.items())
    for pair in pred_fn_pairs:
        if not isinstance(pair, tuple) or len(pair) != 2:
            raise TypeError(f"Each entry in 'pred_fn_pairs' must be a 2-tuple. Received {pair}.")
        pred, fn = pair
        if not isinstance(pred, Tensor):
            raise TypeError(f"pred must be a Tensor, got: {pred}")
        if pred.dtype.base_dtype != dtypes.bool_:
            raise TypeError(f"pred must be Tensor of type bool: {pred.name}")
        if not callable(fn):
            raise TypeError(f"fn for pred {pred.name} must be callable.")
    if not pred_fn_pairs:
        raise ValueError("not enough values to unpack (expected 2, got 0)")
    predicates, actions = zip(*pred_fn_pairs)
    return list(predicates), list(actions)


def _assert_at_most_n_true(predicates: list, n: int, message: str):
    stacked = array_ops.stack(predicates, name="preds_c")
    count = math_ops.reduce_sum(math_ops.cast(stacked, dtypes.int32), name="num_true_conds")
    condition = math_ops.less_equal(count, ops.convert_to_tensor(n, name="n_true_conds"))
    names = ", ".join(p.name for p in predicates)
    data = [f"{message}: more than {n} conditions ({names}) evaluated as True:", stacked]
    return Assert(condition, data=data, summarize=len(predicates))


def _guarded_last_action(predicates: list, actions: list):
    """The last pair as the default: its function, run after asserting that no other
    predicate and its own predicate is true."""
    last = len(predicates) - 1
    predicate, action = predicates[last], actions[last]

    def default_action():
        all_predicates = array_ops.stack(predicates, name="preds_c")
        others_false = _assert_at_most_n_true(
            predicates[:last], 0,
            f"Implementation error: selected default action #{last} was called, but some of "
            "other predicates are True: ")
        own_true = Assert(predicate, data=("Input error: None of conditions evaluated as True:",
                                           all_predicates))
        with ops.get_default_graph().control_dependencies([others_false, own_true]):
            return action()
    return default_action, predicates[:last], actions[:last]


def _cond_chain(predicates: list, actions: list, default, strict: bool):
    if not predicates:
        return default()
    rest = _cond_chain_fn(predicates[1:], actions[1:], default, strict)
    return control_flow_v1.cond(predicates[0], actions[0], rest, strict=strict)


def _cond_chain_fn(predicates, actions, default, strict):
    if not predicates:
        return default
    return lambda: _cond_chain(predicates, actions, default, strict)


def case(pred_fn_pairs, default=None, exclusive=False, strict=False, name="case"):
    """The result of the function of the first true predicate, else of ``default``
    (``tf.case``, v1 form).

    ``pred_fn_pairs`` is a list of ``(bool tensor, callable)`` pairs, or a dict (then with a
    warning unless ``exclusive``: its order is not a guarantee). Every function is called
    once at construction, in its own branch. ``exclusive=True`` adds a run-time check that at
    most one predicate is true. Without ``default``, the last function is the default and it
    is a run-time error that no predicate holds. ``strict`` is ``tf.cond``'s.
    """
    predicates, actions = _predicates_and_actions(pred_fn_pairs, exclusive)
    with ops.name_scope(name, "case", [predicates]):
        if default is None:
            default, predicates, actions = _guarded_last_action(predicates, actions)
        if exclusive:
            check = _assert_at_most_n_true(predicates, 1, "Input error: exclusive=True")
            with ops.get_default_graph().control_dependencies([check]):
                return _cond_chain(predicates, actions, default, strict)
        return _cond_chain(predicates, actions, default, strict)
