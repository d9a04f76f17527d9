"""TF1 ("v1") ``tf.while_loop``: a loop frame of Enter, Merge, LoopCond, Switch, NextIteration
and Exit ops, named as TF names them (``while/Enter``, ``while/Merge``... ``while/Exit:0``).

Each loop variable enters the frame (Enter), is merged with its next value (Merge), tested by
the condition (LoopCond), split by a Switch into the value leaving the loop (Exit, output 0) and
the value the body reads (Identity of output 1); the body's result flows back to the Merge
through NextIteration. A WhileContext, current while the condition and body are built, makes
outside tensors they read enter the frame as loop invariants (``while/<op>/Enter``,
``is_constant=True``) and gives input-less ops a control input on the loop's pivot. A
TensorArray loop variable travels through the loop as its flow and is rebuilt around it.

The run plan executes a frame as a Python loop over compiled sub-plans for the condition and
the body (see ``tfcompat.client.executor``).

Gradients (``tf.gradients`` sees a loop as one node, see ``gradients_impl``) follow TF's design:
a backward while loop runs the body's gradient once per forward iteration, in reverse. The
forward loop gets an iteration counter (``f_count``); every forward value a gradient op reads
is pushed on a stack (StackV2/StackPushV2) in the forward loop and popped (StackPopV2) in the
backward loop; gradients of loop invariants are summed in accumulator loop variables. A loop
nested in another is differentiated the same way inside the outer backward loop: the inner
loop's stacks are made in the outer loop (one per outer iteration), and their handles and the
inner iteration counts are themselves pushed and popped by the outer loop.
"""

from __future__ import annotations

from tfcompat.framework import dtypes, nest, ops
from tfcompat.framework.nest import flatten as flatten_structure
from tfcompat.framework.nest import is_nested as is_sequence
from tfcompat.framework.nest import pack_sequence_as as pack_as
from tfcompat.framework.op_registry import (
    RegisterGradient,
    no_gradient,
    register_op,
)
from tfcompat.framework.ops import Operation, Tensor
from tfcompat.framework.tensor_shape import TensorShape, as_shape
from tfcompat.ops import array_ops, constant_op, math_ops
from tfcompat.ops.control_flow_v1 import ControlFlowContext, merge, switch
from tfcompat.ops.tensor_array_ops import TensorArray

_SCALAR = TensorShape._from_tuple(())

# ---- ops ---------------------------------------------------------------------------------------

def _forward_shape(op):
    x = op.inputs[0]
    return [(x.dtype.base_dtype, x.shape)]


def _bind_ref_enter(op, state):
    # A variable captured by reference: ops in the loop read its current value each time.
    from tfcompat.ops.state_ops import variable_op_name
    variables = state.variables
    name = variable_op_name(op.inputs[0])

    def read():
        return variables.get(name)
    return read


_ENTER_ATTRS = {"is_constant": False, "parallel_iterations": 10}
# Never folded at shape time: their values depend on the iteration.
register_op("Enter", inputs=("data: T",), kernel=lambda x: x, shape_fn=_forward_shape,
            attr_defaults=_ENTER_ATTRS, foldable=False)
register_op("RefEnter", inputs=("data: &T",), bind=_bind_ref_enter, read_at_use=True,
            shape_fn=lambda op: [(op.inputs[0].dtype, op.inputs[0].shape)],
            attr_defaults=_ENTER_ATTRS, foldable=False)
register_op("Exit", inputs=("data: T",), kernel=lambda x: x, shape_fn=_forward_shape,
            foldable=False, leaves_frame=True)
register_op("NextIteration", inputs=("data: T",), kernel=lambda x: x, shape_fn=_forward_shape,
            foldable=False)
register_op("LoopCond", inputs=("input: bool",), kernel=lambda x: x,
            shape_fn=lambda op: [(dtypes.bool_, op.inputs[0].shape)], foldable=False)


def _structure_gradient(op, *grads):
    # tf.gradients differentiates a loop as a whole (frame_gradient): reaching one of its
    # structure ops alone means a path into the loop that bypasses its frame.
    raise LookupError(
        f"tfcompat differentiates a tf.while_loop as a whole: no gradient for operation "
        f"'{op.name}' (op type: {op.type}) reached alone.")


for _type in ("Enter", "RefEnter", "Exit", "NextIteration", "LoopCond"):
    RegisterGradient(_type)(_structure_gradient)


# Stacks hold forward values for the backward loop. A handle is a Python list made afresh by
# each run of StackV2; pushes may store DEAD (a value of an untaken cond branch), and the
# matching pop returns it, so the gradient ops of that branch are dead too.
register_op("StackV2", inputs=("max_size: int32",), kernel=lambda max_size, **_: [],
            shape_fn=lambda op: [(dtypes.resource, TensorShape._from_tuple(()))],
            attr_defaults={"stack_name": ""}, foldable=False)
register_op("StackPushV2", inputs=("handle: resource", "elem: T"),
            kernel=lambda handle, elem: (handle.append(elem), elem)[1],
            shape_fn=lambda op: [(op.inputs[1].dtype.base_dtype, op.inputs[1].shape)],
            attr_defaults={"swap_memory": False}, foldable=False, takes_dead=True)
register_op("StackPopV2", inputs=("handle: resource",), kernel=lambda handle: handle.pop(),
            shape_fn=lambda op: [(op._attrs["elem_type"], TensorShape(None))], foldable=False,
            outputs_dead=True)
# Orders a backward loop's next iteration after its stack pops (``b_sync``); does nothing.
register_op("ControlTrigger", kernel=lambda: None, shape_fn=lambda op: [], foldable=False)
for _type in ("StackV2", "StackPushV2", "StackPopV2", "ControlTrigger"):
    no_gradient(_type)


def _enter(data: Tensor, frame_name: str, is_constant: bool, parallel_iterations: int,
           name: str | None = None) -> Tensor:
    op_type = "RefEnter" if data.dtype.is_ref_dtype else "Enter"
    return ops.apply_op(op_type, [data], name=name or op_type, attrs={
        "frame_name": frame_name, "is_constant": is_constant,
        "parallel_iterations": parallel_iterations})


def _gradients_root_scope(scope: str) -> str:
    """The scope of the tf.gradients call ``scope`` is inside (``gradients/`` of
    ``gradients/while_grad``), else ``scope`` itself."""
    parts = scope.split("/")
    for i, part in enumerate(parts):
        if part.startswith("gradients"):
            return "/".join(parts[:i + 1]) + "/"
    return scope + "/" if scope else ""


def _in_context(op: Operation, context) -> bool:
    ctxt = op._control_flow_context
    while ctxt is not None:
        if ctxt is context:
            return True
        ctxt = ctxt.outer_context
    return False


def _shape_less_than_or_equal(shape1: TensorShape, shape2: TensorShape) -> bool:
    if shape2.ndims is None:
        return True
    if shape1.ndims != shape2.ndims:
        return False
    return all(d2 is None or d1 == d2 for d1, d2 in zip(shape1.as_tuple(), shape2.as_tuple()))


# ---- the while context ---------------------------------------------------------------------------

class WhileContext(ControlFlowContext):
    """The context of one while loop (its frame): values that entered it and its structure."""

    def __init__(self, maximum_iterations=None, parallel_iterations: int = 10,
                 back_prop: bool = True, swap_memory: bool = False, name: str = "while_context",
                 forward: WhileContext | None = None):
        graph = ops.get_default_graph()
        super().__init__(graph)
        # For a backward (gradient) loop, the forward loop whose values it pops from stacks.
        self._forward = forward
        self._popped: dict[Tensor, Tensor] = {}
        # Ops each iteration runs although no loop variable depends on them (stack pushes/pops).
        self.extra_targets: list[Operation] = []
        self._forward_count: Tensor | None = None
        # The op counting iterations (forward: its increment; backward: its decrement): stack
        # pushes and pops run after it, as in TF.
        self.count_step: Operation | None = None
        self.count_next: Operation | None = None  # the counter's NextIteration
        self._name = graph.unique_name(name)
        self._maximum_iterations = maximum_iterations
        self._parallel_iterations = parallel_iterations
        self._back_prop = back_prop
        self._swap_memory = swap_memory
        self._pivot_for_pred: Tensor | None = None
        self._pivot_for_body: Tensor | None = None
        self._pivot: Tensor | None = None
        self.loop_enters: list[Tensor] = []
        self.loop_exits: list[Tensor] = []
        self._constant_enters: list[Tensor] = []
        self._merges: list[Tensor] = []
        self._switches: list[Operation] = []
        self._body_inputs: list[Tensor] = []
        self._next_iterations: list[Tensor] = []
        self._arrays: list[TensorArray | None] = []

    @property
    def name(self) -> str:
        return self._name

    @property
    def parallel_iterations(self) -> int:
        return self._parallel_iterations

    @property
    def back_prop(self) -> bool:
        return self._back_prop

    @property
    def swap_memory(self) -> bool:
        return self._swap_memory

    @property
    def maximum_iterations(self):
        return self._maximum_iterations

    @property
    def pivot(self) -> Tensor | None:
        return self._pivot

    def control_pivot(self) -> Tensor | None:
        return self._pivot_for_body if self._pivot_for_body is not None else self._pivot_for_pred

    # -- building

    def add_value(self, val: Tensor) -> Tensor:
        """The tensor to use for ``val`` inside the loop: a loop-invariant Enter of it."""
        if val in self._values or _in_context(val._op, self):
            # Made in this loop, or leaving a loop nested in it (an Exit added later, such as
            # an iteration counter's, is in no value set yet).
            return self._external_values.get(val, val)
        forward = self._forward
        if forward is not None:
            if val in forward._constant_enters:
                return self.add_value(val._op._inputs[0])
            if _in_context(val._op, forward):
                if val._op._op_def.value_attr is not None:
                    return self._clone_forward_constant(val)
                return self._pop_forward_value(val)
        self._values.add(val)
        result = val
        if self._outer_context is not None:
            result = self._outer_context.add_value(val)
        with self._graph.control_dependencies(None):
            enter = _enter(result, self._name, True, self._parallel_iterations)
        self._graph.prevent_feeding(enter)
        self._fix_control_inputs_and_context([enter])
        self._values.add(enter)
        self._external_values[val] = enter
        self._constant_enters.append(enter)
        return enter

    def add_op(self, op: Operation) -> None:
        """Called for each op created while this context is current."""
        if not op._inputs:
            internal = self._remove_external_control_edges(op)
            if not internal:
                op._add_control_input(self.control_pivot().op)
        else:
            for index, x in enumerate(op._inputs):
                real_x = self.add_value(x)
                if real_x is not x:
                    op._update_input(index, real_x)
            self._remove_external_control_edges(op)
            if not op._control_inputs and all(
                    x._op._type in ("Enter", "RefEnter") and x._op._attrs.get("is_constant")
                    for x in op._inputs):
                # An op of loop invariants only must still run once per iteration.
                op._add_control_input(self.control_pivot().op)
        self._values.update(op._outputs)
        if self._outer_context is not None or op._type != "Exit":
            self._graph.prevent_fetching(op)
            for t in op._outputs:
                self._graph.prevent_feeding(t)

    def _remove_external_control_edges(self, op: Operation) -> list[Operation]:
        # Control inputs from outside the loop already gate the frame's Enters; kept inside,
        # they would pull outside ops into every iteration.
        internal = [c for c in op._control_inputs if _in_context(c, self)]
        if len(internal) != len(op._control_inputs):
            op._control_inputs = internal
        return internal

    def _fix_control_inputs_and_context(self, enters: list[Tensor]) -> None:
        for enter in enters:
            inputs = [enter._op._inputs[0]._op]
            outer = (self._graph._control_inputs_for(inputs)
                     if self._graph._control_dependencies_stack else [])
            # Only control inputs from outside this loop gate its Enter; one inside the loop
            # (an update the body orders a read after) would make the frame depend on itself.
            outer = [c for c in outer if not _in_context(c, self)]
            enter._op._set_control_flow_context(self)
            enter._op._add_control_inputs(outer)

    def build_loop(self, pred, body, loop_vars, shape_invariants, return_same_structure):
        # A TensorArray loop variable travels as its flow and is rebuilt around the flow
        # inside the loop and at its exit.
        leaves = flatten_structure(loop_vars)
        self._arrays = [x if isinstance(x, TensorArray) else None for x in leaves]
        flat = [x.flow if isinstance(x, TensorArray) else ops.convert_to_tensor(x)
                for x in leaves]
        packed_vars = pack_as(loop_vars, flat)
        flat_invariants = None
        if shape_invariants is not None:
            flat_invariants = [_SCALAR if array is not None else as_shape(s) for array, s
                               in zip(self._arrays, flatten_structure(shape_invariants))]
        try:
            self.enter()
            body_result, exit_vars = self._build_loop(pred, body, packed_vars, flat,
                                                      flat_invariants)
        finally:
            self.exit()
        packed_exit = pack_as(body_result, self._with_arrays(exit_vars))
        if return_same_structure:
            return packed_exit
        return packed_exit[0] if len(exit_vars) == 1 else packed_exit

    def _with_arrays(self, tensors: list) -> list:
        return [t if array is None else TensorArray._derived(array, t)
                for array, t in zip(self._arrays, tensors)]

    def _build_loop(self, pred, body, packed_vars, flat, shape_invariants):
        graph = self._graph
        if self._outer_context is not None:
            real_vars = [self._outer_context.add_value(x) for x in flat]
        else:
            real_vars = flat
        with graph.control_dependencies(None):
            enter_vars = [_enter(x, self._name, False, self._parallel_iterations)
                          for x in real_vars]
        for x in enter_vars:
            graph.prevent_feeding(x)
        if shape_invariants is not None:
            for inp, var, shape in zip(flat, enter_vars, shape_invariants):
                if not _shape_less_than_or_equal(inp.shape, shape):
                    raise ValueError(
                        f"The shape invariant specified for {inp.name} is not compatible with "
                        "the initial shape of the loop variable. It enters the loop with shape "
                        f"{inp.shape}, but the specified shape invariant is {shape}.")
                var._shape = shape
        self._fix_control_inputs_and_context(enter_vars)
        self._values = set(enter_vars)
        self.loop_enters = enter_vars

        merge_vars = [merge([x, x])[0] for x in enter_vars]
        self._merges = merge_vars
        self._pivot_for_pred = merge_vars[0]
        c = ops.convert_to_tensor(pred(*pack_as(packed_vars, self._with_arrays(merge_vars))))
        self._pivot = ops.apply_op("LoopCond", [c], name="LoopCond")
        switch_vars = [switch(x, self._pivot) for x in merge_vars]
        self._switches = [x[0]._op for x in switch_vars]
        vars_for_body = [array_ops.identity(x[1]) for x in switch_vars]
        self._body_inputs = vars_for_body
        self._pivot_for_body = vars_for_body[0]
        packed_body = pack_as(packed_vars, self._with_arrays(vars_for_body))
        body_result = body(*packed_body)
        if not is_sequence(body_result):
            body_result = [body_result]
        nest.assert_same_structure(list(packed_body), list(body_result))
        result = [x.flow if isinstance(x, TensorArray) else ops.convert_to_tensor(x)
                  for x in flatten_structure(body_result)]
        for m, v in zip(merge_vars, result):
            next_var = ops.apply_op("NextIteration", [v], name="NextIteration")
            self._next_iterations.append(next_var)
            if not _shape_less_than_or_equal(next_var.shape, m.shape):
                entering = m._op._inputs[0]._op._inputs[0]
                raise ValueError(
                    f"Input tensor '{entering.name}' enters the loop with shape "
                    f"{entering.shape}, but has shape {next_var.shape} after one iteration. To "
                    "allow the shape to vary across iterations, use the `shape_invariants` "
                    "argument of tf.while_loop to specify a less-specific shape.")
            m._op._update_input(1, next_var)
        exit_vars = [ops.apply_op("Exit", [x[0]], name="Exit") for x in switch_vars]
        self.loop_exits = exit_vars
        self.exit_result(exit_vars)
        return body_result, exit_vars

    # -- gradients

    def _clone_forward_constant(self, val: Tensor) -> Tensor:
        """A Const of the forward loop made again in this one, as TF does, rather than pushed
        and popped each iteration (named Const in the scope of its first gradient use)."""
        clone = self._popped.get(val)
        if clone is None:
            graph = self._graph
            context = graph._get_control_flow_context()
            with graph.control_dependencies(None):
                graph._set_control_flow_context(self)
                clone = constant_op.constant(val._op._attrs["value"], dtype=val.dtype)
            graph._set_control_flow_context(context)
            self._popped[val] = clone
        return clone

    def _pop_forward_value(self, val: Tensor) -> Tensor:
        """``val`` of the forward loop, pushed there each iteration and popped here."""
        popped = self._popped.get(val)
        if popped is not None:
            return popped
        graph = self._graph
        forward = self._forward
        # Named as TF names them in the gradient op's scope: Const, f_acc, Enter, StackPushV2,
        # StackPopV2 (with its StackPopV2/Enter).
        with graph.control_dependencies(None):
            graph._set_control_flow_context(forward._outer_context)
            max_size = constant_op.constant(-1)
            handle = ops.apply_op("StackV2", [max_size], name="f_acc",
                                  attrs={"elem_type": val.dtype.base_dtype})
            graph._set_control_flow_context(forward)
            forward.add_value(handle)  # the handle's Enter, made before the push as in TF
            with graph.control_dependencies([forward.count_step] if forward.count_step else []):
                push = ops.apply_op("StackPushV2", [handle, val], name="StackPushV2")
            forward.extra_targets.append(push._op)
            if forward.count_next is not None:
                forward.count_next._add_control_input(push._op)
            graph._set_control_flow_context(self)
            with graph.control_dependencies([self.count_step] if self.count_step else []):
                popped = ops.apply_op("StackPopV2", [handle], name="StackPopV2",
                                      attrs={"elem_type": val.dtype.base_dtype})
            # The pop (not the Enter of its handle, made inside the same call) waits for it.
            handle_enter = popped._op._inputs[0]._op
            handle_enter._control_inputs = [c for c in handle_enter._control_inputs
                                            if c is not self.count_step]
            popped.set_shape(val.shape)
            self.extra_targets.append(popped._op)
            if self.count_next is not None:
                with graph.control_dependencies([popped._op]):
                    sync = ops.apply_op("ControlTrigger", [], name="b_sync")
                self.count_next._add_control_input(sync)
        self._popped[val] = popped
        return popped

    def forward_count(self) -> Tensor:
        """The number of iterations the loop ran: the Exit of a counter added to the loop."""
        if self._forward_count is not None:
            return self._forward_count
        graph = self._graph
        # TF makes the counter in the scope of the tf.gradients call (gradients/f_count...).
        with graph.name_scope(_gradients_root_scope(graph.get_name_scope())), \
                graph.control_dependencies(None):
            graph._set_control_flow_context(self._outer_context)
            start = constant_op.constant(0, name="f_count")
            enter = _enter(start, self._name, False, self._parallel_iterations, name="f_count")
            self._fix_control_inputs_and_context([enter])
            graph._set_control_flow_context(self)
            self._values.add(enter)
            merged = merge([enter, enter])[0]
            false_out, true_out = switch(merged, self._pivot)
            add = math_ops.add(true_out, 1)
            self.count_step = add._op
            next_count = ops.apply_op("NextIteration", [add], name="NextIteration")
            self.count_next = next_count._op
            merged._op._update_input(1, next_count)
            count = ops.apply_op("Exit", [false_out], name="f_count")
        self.loop_enters.append(enter)
        self._merges.append(merged)
        self._switches.append(false_out._op)
        self._body_inputs.append(add._op._inputs[0])
        self._next_iterations.append(next_count)
        self.loop_exits.append(count)
        self._forward_count = count
        return count

    # -- what the executor needs to run the frame

    def invariant_enters(self) -> list[Tensor]:
        """Loop-invariant Enters fed to the sub-plans (reference ones are read in place)."""
        return [e for e in self._constant_enters if e._op._type == "Enter"]

    def frame_inputs(self) -> list[Tensor]:
        """The outside tensors entering the frame: loop variables, then invariants."""
        return [e._op._inputs[0] for e in self.loop_enters + self.invariant_enters()]

    def frame_control_inputs(self) -> list[Operation]:
        result: list[Operation] = []
        for e in self.loop_enters + self._constant_enters:
            for c in e._op._control_inputs:
                if c not in result:
                    result.append(c)
        return result

    def structure_ids(self) -> frozenset[int]:
        """Ids of the frame's own ops, where its condition and body sub-plans stop."""
        # Reference Enters are not: they run inside the sub-plans, reading the variable.
        tensors = (self.loop_enters + self.invariant_enters() + self._merges + self._body_inputs
                   + self._next_iterations + self.loop_exits + [self._pivot])
        return frozenset([id(t._op) for t in tensors] + [id(op) for op in self._switches])

    def loop_cond_input(self) -> Tensor:
        return self._pivot._op._inputs[0]

    def merge_outputs(self) -> list[Tensor]:
        return list(self._merges)

    def body_inputs(self) -> list[Tensor]:
        return list(self._body_inputs)

    def next_values(self) -> list[Tensor]:
        return [n._op._inputs[0] for n in self._next_iterations]


def while_context_of(op: Operation) -> WhileContext | None:
    """The innermost while loop ``op``'s outputs are in (an Exit's are outside its loop)."""
    ctxt = op._control_flow_context
    if op._type == "Exit" and ctxt is not None:
        ctxt = ctxt.outer_context
    while ctxt is not None and not isinstance(ctxt, WhileContext):
        ctxt = ctxt.outer_context
    return ctxt


def frame_gradient(frame: WhileContext, out_grads: list) -> list:
    """Gradients for the tensors entering ``frame`` (loop variables, then invariants) given
    the gradients of its Exits: TF's backward loop (``tfcompat.ops.while_gradients``)."""
    from tfcompat.ops import while_gradients  # it builds on this module
    return while_gradients.frame_gradient(frame, out_grads)


# ---- while_loop ----------------------------------------------------------------------------------

def while_loop(cond, body, loop_vars, shape_invariants=None, parallel_iterations=10,
               back_prop=True, swap_memory=False, name=None, maximum_iterations=None,
               return_same_structure=False):
    """Repeats ``body`` while ``cond`` is true (``tf.while_loop``, v1 form).

    ``loop_vars`` is a (nested) structure of tensors; ``cond(*loop_vars)`` returns a boolean
    scalar and ``body(*loop_vars)`` the next values in the same structure. Each variable keeps
    its shape across iterations unless ``shape_invariants`` relaxes it. Returns the values at
    the loop's Exit ops (``while/Exit:0``...), unpacked when there is a single one unless
    ``return_same_structure``. ``maximum_iterations`` adds an iteration counter to the loop.
    """
    if not callable(cond):
        raise TypeError("'cond' must be callable.")
    if not callable(body):
        raise TypeError("'body' must be callable.")
    if parallel_iterations < 1:
        raise TypeError("'parallel_iterations' must be a positive integer.")
    with ops.name_scope(name, "while", loop_vars):
        if not loop_vars:
            raise ValueError("'loop_vars' must be provided.")
        try_to_pack = len(loop_vars) == 1 and not return_same_structure
        if maximum_iterations is not None:
            maximum_iterations = ops.convert_to_tensor(maximum_iterations,
                                                       name="maximum_iterations")
            if maximum_iterations.shape.ndims != 0:
                raise ValueError(f"'maximum_iterations' must be a scalar. Received shape: "
                                 f"{maximum_iterations.shape}")
            counter = constant_op.constant(0, dtype=maximum_iterations.dtype,
                                           name="iteration_counter")
            orig_cond, orig_body = cond, body
            if try_to_pack:
                loop_vars = (counter, loop_vars[0])

                def cond(i, lv):
                    return math_ops.logical_and(i < maximum_iterations, orig_cond(lv))

                def body(i, lv):
                    return (i + 1, orig_body(lv))
            else:
                loop_vars = (counter, loop_vars)

                def cond(i, lv):
                    return math_ops.logical_and(i < maximum_iterations, orig_cond(*lv))

                def body(i, lv):
                    return (i + 1, orig_body(*lv))
            if shape_invariants is not None:
                shape_invariants = (TensorShape._from_tuple(()), shape_invariants)
        context = WhileContext(maximum_iterations, parallel_iterations, back_prop, swap_memory)
        if context.outer_context is None:
            # Only outermost loops are collected; nested ones belong to their root context.
            ops.get_default_graph().add_to_collection(ops.GraphKeys.WHILE_CONTEXT, context)
        result = context.build_loop(cond, body, loop_vars, shape_invariants,
                                    return_same_structure)
        if maximum_iterations is not None:
            return result[1]
        return result
