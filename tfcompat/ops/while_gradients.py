"""The backward while loop of a ``tf.while_loop``'s gradient, built with TF's structure and names.

``tf.gradients`` differentiates a forward loop as one node (``gradients_impl``); this module
builds its gradient as TF's ``GradLoopState`` does, in the scope of the ``tf.gradients`` call
(``gradients/``) and the frame ``gradients/<loop>/while_context``:

- a counter counting the forward iterations down (``b_count``: Enter of the forward counter's
  Exit ``f_count_2``, ``Merge_1``, ``GreaterEqual`` with 1, the ``LoopCond`` ``b_count_2``,
  ``Switch_1``, ``Sub``, ``NextIteration_1``, Exit ``b_count_3``);
- for each differentiated loop variable, its adjoint: ``<Exit>_grad/b_exit`` (Enter of the
  Exit's gradient), ``<Switch>_grad/b_switch`` (Merge), ``<Merge>_grad/Switch``,
  ``<Enter>_grad/Exit``, and ``<Switch>_grad_1/NextIteration`` fed by the body's gradient;
- the body's gradient ops under their forward names (``gradients/while/mul_grad/Mul``), forward
  values they read pushed and popped on stacks (``f_acc``, see ``WhileContext``);
- for each loop invariant with a gradient, an accumulator ``<Enter>_grad/b_acc`` summing it
  over the iterations (Enter, Merge, Switch, Add, NextIteration, Exit ``b_acc_3``).

What differs from TF: the body's gradient reads each adjoint through a ``grad_ys`` Identity
(``tf.gradients`` makes it), and TF keeps its gradient ``tuple``s inside the loop when
``gate_gradients`` is set.
"""

from __future__ import annotations

import contextlib

from tfcompat.framework import ops
from tfcompat.framework.ops import Tensor
from tfcompat.framework.tensor_shape import TensorShape
from tfcompat.ops import array_ops, constant_op, math_ops
from tfcompat.ops.control_flow_v1 import merge, switch
from tfcompat.ops.while_loop_v1 import WhileContext, _enter, _gradients_root_scope


class _BackwardLoop:
    """The backward frame under construction: its context and the executor's lists."""

    def __init__(self, forward: WhileContext, root_scope: str):
        graph = ops.get_default_graph()
        self.graph = graph
        self.forward = forward
        self.root = root_scope
        with graph.name_scope(root_scope):
            self.context = WhileContext(parallel_iterations=forward.parallel_iterations,
                                        name=forward.name, forward=forward)

    @contextlib.contextmanager
    def _scope(self, relative: str):
        """The name scope ``<root><relative>``, made unique as TF's are (``Switch_1_grad_1``
        the second time)."""
        with self.graph.name_scope(self.root), self.graph.name_scope(relative) as scope:
            yield scope

    def enter(self, value: Tensor, name: str) -> Tensor:
        context = self.context
        if context.outer_context is not None:
            value = context.outer_context.add_value(value)
        with self.graph.control_dependencies(None):
            entered = _enter(value, context.name, False, context.parallel_iterations, name=name)
        self.graph.prevent_feeding(entered)
        context._fix_control_inputs_and_context([entered])
        context._values.add(entered)
        return entered

    def add_variable(self, entered: Tensor, merged: Tensor, switched, next_value: Tensor,
                     exit_value: Tensor) -> None:
        context = self.context
        context.loop_enters.append(entered)
        context._merges.append(merged)
        context._switches.append(switched[0]._op)
        context._body_inputs.append(switched[1])
        context._next_iterations.append(next_value)
        context.loop_exits.append(exit_value)


def _next_iteration(value: Tensor, merged: Tensor, name: str = "NextIteration") -> Tensor:
    next_value = ops.apply_op("NextIteration", [value], name=name)
    merged._op._update_input(1, next_value)
    return next_value


def frame_gradient(frame: WhileContext, out_grads: list) -> list:
    """Gradients for the tensors entering ``frame`` (loop variables, then invariants) given
    the gradients of its Exits (module docstring)."""
    from tfcompat.ops import gradients_impl  # gradients_impl imports the while-loop modules
    graph = ops.get_default_graph()
    n = len(frame.loop_enters)
    # Taken before the counter and the stacks' handles enter the loop: the inputs to answer for.
    all_invariants = frame.invariant_enters()
    if not frame.back_prop:
        return [None] * (n + len(all_invariants))  # back_prop=False: nothing flows back
    root = _gradients_root_scope(graph.get_name_scope())
    forward_switches = list(frame._switches)
    forward_merges = frame.merge_outputs()
    forward_exits = list(frame.loop_exits)
    count = frame.forward_count()
    body_inputs = frame.body_inputs()
    next_values = frame.next_values()
    var_indices = [k for k in range(n) if out_grads[k] is not None
                   and gradients_impl.is_trainable(body_inputs[k])]
    # Floating invariants only: stack handles (resource) entered by earlier gradients are not.
    invariants = [e for e in all_invariants if e.dtype.is_floating or e.dtype.is_complex]

    loop = _BackwardLoop(frame, root)
    context = loop.context
    with graph.name_scope(root):
        b_count = constant_op.constant(1, name="b_count")
    context.enter()
    try:
        with graph.name_scope(root):
            entered = loop.enter(count, "b_count")
            merged = merge([entered, entered])[0]
            context._pivot_for_pred = merged
            keep_going = math_ops.greater_equal(merged, b_count)
            context._pivot = ops.apply_op("LoopCond", [keep_going], name="b_count")
            switched = switch(merged, context._pivot)
            context._pivot_for_body = switched[1]
            remaining = math_ops.subtract(switched[1], b_count, name="Sub")
            context.count_step = remaining._op
            next_count = _next_iteration(remaining, merged)
            context.count_next = next_count._op
            exit_count = ops.apply_op("Exit", [switched[0]], name="b_count")
        loop.add_variable(entered, merged, switched, next_count, exit_count)

        adjoints, adjoint_merges = [], []
        for k in var_indices:
            grad = ops.convert_to_tensor(out_grads[k])
            with loop._scope(forward_exits[k]._op.name + "_grad"):
                entered = loop.enter(grad, "b_exit")
            with loop._scope(forward_switches[k].name + "_grad"):
                merged = merge([entered, entered], name="b_switch")[0]
                merged._shape = forward_merges[k].shape
            with loop._scope(forward_merges[k]._op.name + "_grad"):
                switched = switch(merged, context._pivot)
            with loop._scope(frame.loop_enters[k]._op.name + "_grad"):
                exit_value = ops.apply_op("Exit", [switched[0]], name="Exit")
            adjoints.append((entered, merged, switched, exit_value))
            adjoint_merges.append(switched[1])

        grads = gradients_impl.gradients(
            [next_values[k] for k in var_indices],
            [body_inputs[k] for k in var_indices] + invariants, grad_ys=adjoint_merges,
            name=root)
        grads = [None if g is None else ops.convert_to_tensor(g) for g in grads]

        in_grads: list = [None] * (n + len(all_invariants))
        m = len(var_indices)
        for e, grad in zip(invariants, grads[m:]):
            if grad is None:
                continue
            in_grads[n + all_invariants.index(e)] = _accumulate(loop, e, grad)
        for k, (entered, merged, switched, exit_value), grad in zip(var_indices, adjoints,
                                                                     grads[:m]):
            new_adjoint = array_ops.zeros_like(switched[1]) if grad is None else grad
            with loop._scope(forward_switches[k].name + "_grad"):
                next_value = _next_iteration(new_adjoint, merged)
            loop.add_variable(entered, merged, switched, next_value, exit_value)
            in_grads[k] = exit_value
    finally:
        context.exit()
    context.exit_result([g for g in in_grads if g is not None])
    return in_grads


def _accumulate(loop: _BackwardLoop, invariant: Tensor, grad: Tensor) -> Tensor:
    """An accumulator loop variable summing ``grad`` over the iterations; its Exit."""
    graph = loop.graph
    context = loop.context
    outer_value = invariant._op._inputs[0]
    with loop._scope(invariant._op.name + "_grad"):
        with graph.control_dependencies(None):  # leaves the loop; restored on exit
            graph._set_control_flow_context(context.outer_context)
            start = array_ops.zeros_like(outer_value, name="b_acc")
        entered = loop.enter(start, "b_acc")
        merged = merge([entered, entered], name="b_acc")[0]
        merged._shape = TensorShape(None) if not outer_value.shape.is_fully_defined() \
            else outer_value.shape
        switched = switch(merged, context._pivot)
        total = math_ops.add(switched[1], grad)
        next_value = _next_iteration(total, merged)
        exit_value = ops.apply_op("Exit", [switched[0]], name="b_acc")
    loop.add_variable(entered, merged, switched, next_value, exit_value)
    return exit_value
