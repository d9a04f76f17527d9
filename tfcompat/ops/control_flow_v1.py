"""TF1 ("v1") control flow: ``tf.cond`` built from Switch and Merge ops.

``cond(pred, true_fn, false_fn)`` builds both branches in the graph. A Switch forwards its data to
output 1 when ``pred`` is true, else to output 0; the other output is *dead* (see
``tfcompat.client.executor``): every op fed by a dead tensor is skipped, so only the taken branch
runs. Merge forwards whichever input is alive. A CondContext, current while a branch is built,
routes every outside tensor a branch op reads through a Switch on the cond's predicate
(``cond/<op>/Switch``) and gives input-less ops a control input on the branch pivot
(``cond/switch_t`` / ``cond/switch_f``), so the whole branch is dead when not taken.

A branch may return TensorArrays: they leave it as their flows and are rebuilt around the
Merged flow.

Gradients follow TF: the gradient of a Merge is a Switch of the gradient on the predicate, the
gradient of a branch Switch is a Merge of its output gradients, with zeros for the untaken side.
"""

from __future__ import annotations

import numpy as np

from tfcompat.framework import dtypes, nest, ops
from tfcompat.framework.dead import DEAD
from tfcompat.framework.nest import flatten as flatten_structure
from tfcompat.framework.nest import map_structure as _map_structure
from tfcompat.framework.nest import pack_sequence_as as pack_as
from tfcompat.framework.op_registry import RegisterGradient, register_op
from tfcompat.framework.ops import Operation, Tensor
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape
from tfcompat.ops import array_ops, control_flow_ops, math_ops
from tfcompat.ops.tensor_array_ops import TensorArray

SWITCH_TYPES = frozenset(("Switch", "RefSwitch"))
MERGE_TYPES = frozenset(("Merge", "RefMerge"))


# ---- ops ---------------------------------------------------------------------------------------

def _switch_shape(op):
    data = op.inputs[0]
    dtype = data.dtype if op.type == "RefSwitch" else data.dtype.base_dtype
    return [(dtype, data.shape), (dtype, data.shape)]


def _switch_kernel(data, pred):
    return (DEAD, data) if pred else (data, DEAD)


def _bind_ref_switch(op, state):
    # The data input is a variable reference: its consumers (Assign...) write the variable by
    # name and do not read this value, so the variable is looked up, not required initialized.
    from tfcompat.ops.state_ops import variable_op_name
    variables = state.variables
    name = variable_op_name(op.inputs[0])

    def ref_switch(pred):
        value = variables.get(name)
        return (DEAD, value) if pred else (value, DEAD)
    return ref_switch


def _merge_shape(op):
    first = op.inputs[0]
    shape = first.shape
    for t in op.inputs[1:]:
        other = t.shape
        if shape.ndims is None or other.ndims is None or shape.ndims != other.ndims:
            shape = unknown_shape()
            break
        shape = TensorShape._from_tuple(tuple(
            a if a == b else None for a, b in zip(shape.as_tuple(), other.as_tuple())))
    dtype = first.dtype.base_dtype
    if op.type == "RefMerge":
        dtype = dtype._as_ref
    return [(dtype, shape), (dtypes.int32, TensorShape._from_tuple(()))]


def _merge_kernel(*inputs):
    for index, value in enumerate(inputs):
        if value is not DEAD:
            return value, np.int32(index)
    return DEAD, DEAD


# Not foldable: their outputs depend on liveness, which shape-time folding does not model.
register_op("Switch", inputs=("data: T", "pred: bool"), kernel=_switch_kernel,
            shape_fn=_switch_shape, foldable=False, outputs_dead=True, branch_outputs=True,
            aliases_input=True)
register_op("RefSwitch", inputs=("data: &T", "pred: bool"), bind=_bind_ref_switch,
            shape_fn=_switch_shape, foldable=False, outputs_dead=True, branch_outputs=True)
register_op("Merge", inputs=("inputs: N*T",), kernel=_merge_kernel, shape_fn=_merge_shape,
            foldable=False, takes_dead=True, dead_when_output_dead=True)
register_op("RefMerge", inputs=("inputs: N*T",), kernel=_merge_kernel, shape_fn=_merge_shape,
            foldable=False, takes_dead=True, dead_when_output_dead=True)


def switch(data, pred, name=None) -> tuple[Tensor, Tensor]:
    """Forwards ``data`` to output 1 if ``pred`` else to output 0 (``(output_false,
    output_true)``); the other output is dead. A reference ``data`` gives a RefSwitch."""
    with ops.name_scope(name, "Switch", [data, pred]) as scope:
        data = ops.convert_to_tensor(data, name="data", as_ref=True)
        op_type = "RefSwitch" if data.dtype.is_ref_dtype else "Switch"
        return tuple(ops.apply_op(op_type, [data, pred], name=scope))


def merge(inputs, name=None) -> tuple[Tensor, Tensor]:
    """Forwards the first available input: returns ``(output, value_index)``."""
    if any(inp is None for inp in inputs):
        raise ValueError(f"At least one of the merge inputs is None: {inputs}")
    with ops.name_scope(name, "Merge", inputs) as scope:
        inputs = [ops.convert_to_tensor(inp, as_ref=True) for inp in inputs]
        op_type = "RefMerge" if any(t.dtype.is_ref_dtype for t in inputs) else "Merge"
        return tuple(ops.apply_op(op_type, [inputs], name=scope))


# ---- the cond context ----------------------------------------------------------------------------

class ControlFlowContext:
    """What cond branches and while loops share: the enclosing context, and the tensors visible
    inside (for outside ones, the Switch/Enter output that replaces them)."""

    def __init__(self, graph):
        self._graph = graph
        self._outer_context = graph._get_control_flow_context()
        self._values: set[Tensor] = set()
        self._external_values: dict[Tensor, Tensor] = {}

    @property
    def outer_context(self):
        return self._outer_context

    def enter(self) -> None:
        self._graph._set_control_flow_context(self)

    def exit(self) -> None:
        self._graph._set_control_flow_context(self._outer_context)

    def add_name(self, t: Tensor) -> None:
        self._values.add(t)

    def exit_result(self, result) -> None:
        """Makes the construct's results visible in the enclosing context."""
        if self._outer_context is not None:
            for t in flatten_structure(result):
                self._outer_context.add_name(t)


class CondContext(ControlFlowContext):
    """The context of one branch of a cond: its predicate, pivot and branch (0 false, 1 true)."""

    def __init__(self, pred: Tensor, pivot: Tensor, branch: int):
        super().__init__(pred.graph)
        self._pred = pred
        self._pivot = pivot
        self._branch = branch
        self._values.update((pred, pivot))
        self._external_values[pred] = pred
        pivot.op._set_control_flow_context(self)

    @property
    def pred(self) -> Tensor:
        return self._pred

    @property
    def pivot(self) -> Tensor:
        return self._pivot

    @property
    def branch(self) -> int:
        return self._branch

    def add_value(self, val: Tensor) -> Tensor:
        """The tensor to use for ``val`` inside this branch: ``val`` switched on the predicate
        (through the outer contexts first), made once per context."""
        if val in self._values:
            return self._external_values.get(val, val)
        result = val
        self._values.add(val)
        if self._outer_context is not None:
            result = self._outer_context.add_value(val)
            self._values.add(result)
            self._external_values[result] = result
        with self._graph.control_dependencies(None):
            result = switch(result, self._pred)[self._branch]
        self._graph.prevent_fetching(result.op)
        result.op._set_control_flow_context(self)
        ctxt = self
        while ctxt is not None:
            ctxt._values.add(result)
            ctxt = ctxt._outer_context
        self._external_values[val] = result
        return result

    def add_op(self, op: Operation) -> None:
        """Called for each op created while this context is current."""
        if not op._inputs:
            if not any(c._control_flow_context is self for c in op._control_inputs):
                op._add_control_input(self._pivot.op)
        else:
            for index, x in enumerate(op._inputs):
                real_x = self.add_value(x)
                if real_x is not x:
                    op._update_input(index, real_x)
        ctxt = self
        while ctxt is not None:
            ctxt._values.update(op._outputs)
            ctxt = ctxt._outer_context
        self._graph.prevent_fetching(op)

    def _process_output_tensor(self, val: Tensor) -> Tensor:
        if val not in self._values:
            # A branch returning an outside tensor (``lambda: x``): switch it too.
            self._values.add(val)
            real_val = val
            if self._outer_context is not None:
                real_val = self._outer_context.add_value(val)
                self._values.add(real_val)
                self._external_values[real_val] = real_val
            real_val = switch(real_val, self._pred)[self._branch]
            self._external_values[val] = real_val
            return real_val
        return self._external_values.get(val, val)

    def build_cond_tensor(self, v) -> Tensor:
        if isinstance(v, TensorArray):
            v = v.flow  # a TensorArray leaves the branch as its flow (rebuilt after the Merge)
        if isinstance(v, Operation):
            # The pivot stands in for an op result, run after the op.
            return control_flow_ops.with_dependencies([v], self._pivot)
        return self._process_output_tensor(ops.convert_to_tensor(v))

    def build_cond_branch(self, fn):
        original = fn()
        if original is None:
            return None, None
        result = _map_structure(self.build_cond_tensor, original)
        if not isinstance(result, (list, tuple)):
            result = [result]
        return original, result



def output_context(op: Operation):
    """The control-flow context the outputs of ``op`` belong to."""
    return op._control_flow_context


# ---- cond ----------------------------------------------------------------------------------------

def cond(pred, true_fn=None, false_fn=None, strict=False, name=None, fn1=None, fn2=None):
    """Returns ``true_fn()`` if ``pred`` is true else ``false_fn()`` (``tf.cond``, v1 form).

    Both functions are called once, at graph construction, each inside its branch context;
    they must return the same (nested) structure of tensors with the same dtypes, or ops
    (replaced by the branch pivot). The result is one ``cond/Merge`` tensor per leaf;
    one-element lists and tuples are unpacked unless ``strict``.
    """
    if fn1 is not None:
        if true_fn is not None:
            raise TypeError("cond(): 'true_fn' and 'fn1' may not be set simultaneously.")
        true_fn = fn1
    if fn2 is not None:
        if false_fn is not None:
            raise TypeError("cond(): 'false_fn' and 'fn2' may not be set simultaneously.")
        false_fn = fn2
    if not callable(true_fn):
        raise TypeError("'true_fn' must be callable.")
    if not callable(false_fn):
        raise TypeError("'false_fn' must be callable.")
    with ops.name_scope(name, "cond", [pred]):
        if isinstance(pred, bool):
            raise TypeError("'pred' must not be a Python bool.")
        p_2, p_1 = switch(pred, pred)
        pivot_1 = array_ops.identity(p_1, name="switch_t")
        pivot_2 = array_ops.identity(p_2, name="switch_f")
        pred = array_ops.identity(pred, name="pred_id")
        graph = pred.graph
        # Tensors that exist on one branch only cannot be fetched.
        for t in (p_1, p_2, pivot_1, pivot_2, pred):
            graph.prevent_fetching(t.op)

        results = []
        for fn, pivot, branch, label in ((true_fn, pivot_1, 1, "true_fn"),
                                         (false_fn, pivot_2, 0, "false_fn")):
            context = CondContext(pred, pivot, branch)
            try:
                context.enter()
                original, result = context.build_cond_branch(fn)
                if original is None:
                    raise ValueError(f"'{label}' must have a return value.")
                context.exit_result(result)
            finally:
                context.exit()
            results.append((context, original, result))
        (context_t, orig_t, res_t), (context_f, orig_f, res_f) = results

        nest.assert_same_structure(orig_t, orig_f)
        if not res_t:
            raise ValueError("'true_fn' and 'false_fn' must return at least one result.")
        flat_t = flatten_structure(res_t)
        flat_f = flatten_structure(res_f)
        for x, y in zip(flat_t, flat_f):
            if x.dtype.base_dtype != y.dtype.base_dtype:
                raise ValueError(
                    "Outputs of 'true_fn' and 'false_fn' must have the same type(s). Received "
                    f"{x.dtype.name} from 'true_fn' and {y.dtype.name} from 'false_fn'.")
        merges = [merge([f, t])[0] for f, t in zip(flat_f, flat_t)]
        merges = [TensorArray._derived(o, m) if isinstance(o, TensorArray) else m
                  for o, m in zip(flatten_structure(orig_t), merges)]
        if context_t.outer_context is None:
            # Only outermost conds are collected; nested ones belong to their root context.
            graph.add_to_collection(ops.GraphKeys.COND_CONTEXT, context_t)
            graph.add_to_collection(ops.GraphKeys.COND_CONTEXT, context_f)
        merges = pack_as(orig_t, merges)
        if not strict and isinstance(merges, (list, tuple)) and len(merges) == 1:
            merges = merges[0]
        return merges


# ---- gradients -----------------------------------------------------------------------------------

@RegisterGradient("Switch")
def _switch_grad(op, *grads):
    ctxt = op._control_flow_context
    if isinstance(ctxt, CondContext):
        if grads[1 - ctxt.branch] is None:
            return None, None
        return merge(list(grads), name="cond_grad")[0], None
    false_grad = switch(grads[0], op.inputs[1])[0]
    true_grad = switch(grads[1], op.inputs[1])[1]
    return merge([false_grad, true_grad])[0], None


RegisterGradient("RefSwitch")(_switch_grad)


@RegisterGradient("Merge")
def _merge_grad(op, grad, _):
    ctxt = output_context(op.inputs[0].op)
    if isinstance(ctxt, CondContext):
        return switch(grad, ctxt.pred, name="cond_grad")
    conds = [math_ops.equal(op.outputs[1], i) for i in range(len(op.inputs))]
    return [switch(grad, c)[1] for c in conds]


RegisterGradient("RefMerge")(_merge_grad)


def zeros_like_switch_output(op: Operation, index: int) -> Tensor | None:
    """The zero gradient for an unused output of a branch Switch, or None for other ops.

    It is built from a fresh Switch of the forwarded value, so the zeros are only computed
    (alive) when that side of the cond is taken, as TF does.
    """
    if op._type not in SWITCH_TYPES:
        return None
    ctxt = op._control_flow_context
    if not isinstance(ctxt, CondContext):
        return None
    switch_val = switch(op.inputs[0], ctxt.pred)[1 - ctxt.branch]
    pivot = array_ops.identity(switch_val)
    zeros_shape = array_ops.shape_internal(switch_val, optimize=False)
    with op._graph.control_dependencies([pivot]):
        return array_ops.zeros(zeros_shape, dtype=op._outputs[index].dtype.base_dtype)

