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


# ---- switch_case ---------------------------------------------------------------------------------

def _branch_functions(branch_fns) -> list:
    if not isinstance(branch_fns, (list, tuple, dict)):
        raise TypeError("'branch_fns' must be a list, tuple, or dict")
    if isinstance(branch_fns, dict):
        pairs = list(branch_fns.items())
    elif all(callable(fn) for fn in branch_fns):
        pairs = list(enumerate(branch_fns))
    else:
        pairs = list(branch_fns)
    if not pairs:
        raise ValueError("Must provide at least one item in 'branch_fns'")
    for pair in pairs:
        if not isinstance(pair, tuple) or len(pair) != 2:
            raise TypeError(f"Each entry in 'branch_fns' must be a 2-tuple. Received {pair}.")
        key, fn = pair
        if not isinstance(key, int):
            raise TypeError(f"key must be a Python `int`, got {type(key)}")
        if not callable(fn):
            raise TypeError(f"fn for key {key} must be callable.")
    keys = sorted(key for key, _ in pairs)
    if keys != list(range(len(pairs))):
        raise ValueError("branch indices (keys) must form contiguous range of "
                         f"[0 to {len(pairs)}) but found {{{','.join(map(str, keys))}}}")
    return [fn for _, fn in sorted(pairs, key=lambda pair: pair[0])]


def _switch_chain(branch_index: Tensor, fns: list, default, first: int):
    """``fns[0]()`` if ``branch_index == first``, else the chain over the rest."""
    if not fns:
        return default()
    try:
        return control_flow_v1.cond(
            math_ops.equal(branch_index, first), fns[0],
            lambda: _switch_chain(branch_index, fns[1:], default, first + 1))
    except ValueError as e:
        if str(e).startswith(("The two structures", "Outputs of 'true_fn'")):
            raise TypeError(f"branches[0] and branches[{first + 1}] arguments to "
                            "tf.switch_case must have the same number, type, and overall "
                            "structure of return values.") from None
        raise


def switch_case(branch_index, branch_fns, default=None, name="switch_case"):
    """The result of ``branch_fns[branch_index]()``, or of ``default`` (the last branch when
    None) for an index out of range (``tf.switch_case``). ``branch_fns`` is a list of
    callables, or of ``(index, callable)`` pairs, or a dict ``{index: callable}`` whose keys
    are 0..N-1.

    TF builds one StatelessCase op over branch functions; tfcompat, which has no function
    library, builds a chain of ``tf.cond``s on ``branch_index == k`` (the outputs are named as
    TF's, ``switch_case/indexed_case/Identity``; values and gradients match)."""
    fns = _branch_functions(branch_fns)
    if not isinstance(branch_index, Tensor):
        raise TypeError(f"'branch_index' must be a Tensor, got {type(branch_index)}")
    if not branch_index.dtype.is_integer:
        raise TypeError(f"'branch_index' must be an integer Tensor, got {branch_index.dtype}")
    with ops.name_scope(name, "switch_case", [branch_index]):
        if default is None:
            fns, default = fns[:-1], fns[-1]
        with ops.name_scope("indexed_case"):
            result = _switch_chain(branch_index, fns, default, 0)
            flat = [array_ops.identity(t) for t in control_flow_v1.flatten_structure(result)]
            return control_flow_v1.pack_as(result, flat)
