"""``tf.gradients``: symbolic differentiation by a reverse walk over the graph.

For every op between xs and ys (reachable forward from xs through floating-point tensors, and
backward from ys) the op type's registered gradient function is called inside
``<scope>/<op name>_grad``; it builds ordinary ops, so gradients are differentiable again.
Several gradients flowing into one tensor are summed with AddN.

A ``tf.while_loop`` is one node of that walk (``_FrameNode``: the tensors entering the loop
in, its Exits out), differentiated by ``while_loop_v1.frame_gradient``, which differentiates
the loop body by calling ``gradients`` again at the level of that loop.
"""

from __future__ import annotations

import collections
import enum
import weakref

from tfcompat.framework import dtypes, ops
from tfcompat.framework.indexed_slices import IndexedSlices
from tfcompat.framework.op_registry import get_gradient_function
from tfcompat.framework.ops import Operation, Tensor
from tfcompat.ops import array_ops, control_flow_ops, control_flow_v1, math_ops, while_loop_v1


class UnconnectedGradients(enum.Enum):
    """What ``tf.gradients`` returns for an x not connected to ys: None or zeros."""

    NONE = "none"
    ZERO = "zero"


class AggregationMethod:
    """How ``tf.gradients`` sums several gradients flowing into one tensor."""

    ADD_N = 0
    DEFAULT = ADD_N
    EXPERIMENTAL_TREE = 1
    EXPERIMENTAL_ACCUMULATE_N = 2


_VALID_AGGREGATION_METHODS = [AggregationMethod.ADD_N, AggregationMethod.EXPERIMENTAL_TREE,
                              AggregationMethod.EXPERIMENTAL_ACCUMULATE_N]

_TRAINABLE_DTYPES = frozenset([dtypes.float16, dtypes.bfloat16, dtypes.float32, dtypes.float64,
                               dtypes.complex64, dtypes.complex128, dtypes.resource,
                               dtypes.variant])

# Zeros made by the gradient machinery for outputs that got no gradient; gradient functions may
# skip work for them (TF marks them the same way).
_ZEROS_TENSORS: weakref.WeakSet = weakref.WeakSet()


def is_zeros_tensor(t) -> bool:
    return isinstance(t, Tensor) and t in _ZEROS_TENSORS


def is_trainable(t: Tensor) -> bool:
    return t.dtype.base_dtype in _TRAINABLE_DTYPES


def _as_list(x) -> list:
    return list(x) if isinstance(x, (list, tuple)) else [x]


def _convert_n(values, name: str, as_ref: bool = False) -> list:
    return [None if v is None else ops.convert_to_tensor(v, name=f"{name}_{i}", as_ref=as_ref)
            for i, v in enumerate(values)]


def _default_grad_ys(grad_ys, ys) -> list:
    if len(grad_ys) != len(ys):
        raise ValueError(f"Length mismatch. Passed {len(grad_ys)} grad_ys for {len(ys)} ys")
    grad_ys = _convert_n(grad_ys, "grad_y")
    result = []
    for i, (y, grad_y) in enumerate(zip(ys, grad_ys)):
        y.op  # noqa: B018 - TF touches y.op first: a None y raises AttributeError naming 'op'
        if grad_y is None:
            if y.dtype.is_complex:
                raise TypeError(f"Gradients of complex tensors ({y}) must set grad_ys (y.dtype = "
                                f"{y.dtype.name})")
            result.append(array_ops.ones(array_ops.shape(y), dtype=y.dtype.base_dtype,
                                         name=f"grad_ys_{i}"))
        else:
            if (y.dtype.is_floating or y.dtype.is_integer) and not (
                    grad_y.dtype.is_floating or grad_y.dtype.is_integer):
                raise TypeError(f"Gradient type {grad_y.dtype.name} generated for real or "
                                f"integer-valued tensor {y} with type {y.dtype.name} must be "
                                "real or integer")
            # A grad_y made inside this gradients scope (TF does the same).
            result.append(array_ops.identity(grad_y, name=f"grad_ys_{i}"))
    return result


class _FrameNode:
    """A while loop as one node of the gradient walk: frame inputs in, Exits out."""

    __slots__ = ("frame", "_inputs", "_outputs", "_name", "_type", "_attrs")

    def __init__(self, frame):
        self.frame = frame
        self._inputs = tuple(frame.frame_inputs())
        self._outputs = list(frame.loop_exits)
        self._name = frame.name.rpartition("/")[0]
        self._type = "While"
        self._attrs: dict = {}

    @property
    def name(self) -> str:
        return self._name

    def gradient(self, _, *out_grads):
        return while_loop_v1.frame_gradient(self.frame, list(out_grads))


class _GraphView:
    """The graph as the gradient walk sees it at one loop level (None: outside all loops).

    Each loop directly inside the level is one ``_FrameNode``; at a loop's own level, the loop's
    structure (Enter, Merge, Switch, body Identity...) is cut off, so the body's inputs are
    leaves. Graphs without loops are walked without a view.
    """

    def __init__(self, level):
        self.level = level
        self.boundary = level.structure_ids() if level is not None else frozenset()
        self.frames: dict[object, _FrameNode] = {}

    def node(self, op: Operation):
        top = None
        ctxt = op._control_flow_context
        while ctxt is not None and ctxt is not self.level:
            if isinstance(ctxt, while_loop_v1.WhileContext):
                top = ctxt
            ctxt = ctxt.outer_context
        if top is None:
            return op
        node = self.frames.get(top)
        if node is None:
            node = self.frames[top] = _FrameNode(top)
        return node

    def inputs(self, op) -> tuple:
        return () if id(op) in self.boundary else op._inputs

    def consumers(self, t: Tensor) -> list:
        return [self.node(c) for c in t._consumers if id(c) not in self.boundary]

    def locate(self, t: Tensor) -> tuple:
        node = self.node(t._op)
        if node is t._op:
            return node, t._value_index
        return node, node._outputs.index(t)


def _view_for(ys: list, graph) -> _GraphView | None:
    level = None
    for y in ys:
        level = while_loop_v1.while_context_of(y._op)
        if level is not None:
            break
    if level is None and not graph._collections.get(ops.GraphKeys.WHILE_CONTEXT):
        return None
    return _GraphView(level)


def _inputs(view, op) -> tuple:
    return op._inputs if view is None else view.inputs(op)


def _producer(view, t: Tensor):
    return t._op if view is None else view.node(t._op)


def _mark_reached_ops(from_ops: list[Operation], view) -> set[Operation]:
    reached: set[Operation] = set()
    queue = collections.deque(from_ops)
    while queue:
        op = queue.popleft()
        if op in reached:
            continue
        reached.add(op)
        for output in op._outputs:
            if is_trainable(output):
                queue.extend(output._consumers if view is None else view.consumers(output))
    return reached


def _pending_count(to_ops, from_ops, view=None):
    reached = _mark_reached_ops(from_ops, view)
    reachable_to_ops = {op for op in to_ops if op in reached}
    between: set[Operation] = set()
    between_list: list[Operation] = []
    queue = collections.deque(to_ops)
    while queue:
        op = queue.popleft()
        if op in reached:
            between.add(op)
            between_list.append(op)
            reached.remove(op)
            queue.extend(_producer(view, t) for t in _inputs(view, op))
    pending: dict[Operation, int] = collections.defaultdict(int)
    for op in between_list:
        for t in _inputs(view, op):
            producer = _producer(view, t)
            if producer in between:
                pending[producer] += 1
    return reachable_to_ops, pending


def _stop_ops(from_ops, stop_gradient_ops, pending, view=None) -> set[Operation]:
    stop = set()
    for op in from_ops:
        if all(pending[_producer(view, t)] <= 0 for t in _inputs(view, op)):
            stop.add(op)
    stop.update(stop_gradient_ops)
    return stop


def _set_grad(grads: dict, t: Tensor, grad, view=None) -> None:
    op, index = (t._op, t._value_index) if view is None else view.locate(t)
    op_grads = grads.get(op)
    if op_grads is None:
        op_grads = [[] for _ in op._outputs]
        grads[op] = op_grads
    op_grads[index].append(grad)


def _aggregate(grads: dict, op: Operation, aggregation_method) -> list:
    if aggregation_method is None:
        aggregation_method = AggregationMethod.DEFAULT
    if aggregation_method not in _VALID_AGGREGATION_METHODS:
        raise ValueError(f"Invalid `aggregation_method` specified {aggregation_method}. "
                         f"Accepted values are {_VALID_AGGREGATION_METHODS}.")
    out_grads = grads.get(op)
    if out_grads is None:
        return [None] * len(op._outputs)
    for i, out_grad in enumerate(out_grads):
        if not isinstance(out_grad, list):
            continue
        present = [g for g in out_grad if g is not None]
        if not present:
            out_grads[i] = None
        elif len(present) == 1:
            out_grads[i] = present[0]
        elif any(isinstance(g, IndexedSlices) for g in present):
            out_grads[i] = _aggregate_indexed_slices(present)
        elif aggregation_method == AggregationMethod.ADD_N:
            out_grads[i] = math_ops.add_n(present)
        else:
            with ops.name_scope(op.name + "_gradient_sum"):
                running = present[0]
                for g in present[1:]:
                    running = math_ops.add_n([running, g])
                out_grads[i] = running
    return out_grads


def _aggregate_indexed_slices(grads: list):
    """Sums gradients of which some are IndexedSlices: concatenated rows if all are, else dense."""
    if all(isinstance(g, IndexedSlices) for g in grads):
        return IndexedSlices(array_ops.concat([g.values for g in grads], 0),
                             array_ops.concat([g.indices for g in grads], 0),
                             grads[0].dense_shape)
    return math_ops.add_n([ops.convert_to_tensor(g) for g in grads])


def _gradient_function(op: Operation):
    if isinstance(op, _FrameNode):
        return op.gradient
    override = op._attrs.get("_gradient_op_type")
    return get_gradient_function(override or op._type, op._name)


def _zeros_like_output(op: Operation, index: int) -> Tensor:
    # A cond branch Switch gets zeros that are alive only when its other side is taken.
    zeros = control_flow_v1.zeros_like_switch_output(op, index)
    if zeros is None:
        zeros = array_ops.zeros_like(op._outputs[index], optimize=False)
    _ZEROS_TENSORS.add(zeros)
    return zeros


def gradients(ys, xs, grad_ys=None, name="gradients", colocate_gradients_with_ops=False,
              gate_gradients=False, aggregation_method=None, stop_gradients=None,
              unconnected_gradients=UnconnectedGradients.NONE) -> list:
    """Constructs symbolic derivatives of sum(ys) w.r.t. each x in xs (``tf.gradients``).

    Returns a list of len(xs): each entry a Tensor, or None (or zeros, with
    ``unconnected_gradients='zero'``) when x does not affect ys. ``grad_ys`` weights each y;
    ``stop_gradients`` are treated as constants; integer tensors are always constants.
    """
    try:
        unconnected_gradients = UnconnectedGradients(unconnected_gradients)
    except ValueError:
        raise ValueError(f"Unknown value for unconnected_gradients: "
                         f"{unconnected_gradients!r}") from None
    del colocate_gradients_with_ops
    ys = _as_list(ys)
    xs = _as_list(xs)
    stop_gradients = [] if stop_gradients is None else _as_list(stop_gradients)
    grad_ys = [None] * len(ys) if grad_ys is None else _as_list(grad_ys)

    values = [v for v in ys + xs + stop_gradients + grad_ys if v is not None]
    with ops.name_scope(name, "gradients", values) as grad_scope:
        graph = ops.get_default_graph()
        graph.unique_name("uid")
        ys = _convert_n(ys, "y")
        xs = _convert_n(xs, "x", as_ref=True)
        grad_ys = _default_grad_ys(grad_ys, ys)
        view = _view_for(ys, graph)
        to_ops = [t.op for t in ys]
        from_ops = [t.op for t in xs]
        stop_gradient_ops = [t.op for t in stop_gradients]
        if view is not None:
            to_ops, from_ops, stop_gradient_ops = ([view.node(op) for op in group]
                                                   for group in (to_ops, from_ops,
                                                                 stop_gradient_ops))
        reachable_to_ops, pending = _pending_count(to_ops, from_ops, view)

        grads: dict[Operation, list] = {}
        for y, grad_y in zip(ys, grad_ys):
            _set_grad(grads, y, grad_y, view)

        queue = collections.deque()
        queued: set[Operation] = set()
        for op in to_ops:
            if pending[op] == 0 and op not in queued and op in reachable_to_ops:
                queued.add(op)
                queue.append(op)
        stop_ops = _stop_ops(from_ops, stop_gradient_ops, pending, view)

        while queue:
            op = queue.popleft()
            out_grads = _aggregate(grads, op, aggregation_method)
            has_out_grads = any(g is not None for g in out_grads)
            grad_fn = None
            op_inputs = _inputs(view, op)
            if has_out_grads and op not in stop_ops and (view is None
                                                         or id(op) not in view.boundary):
                grad_fn = _gradient_function(op)
            if grad_fn is not None and has_out_grads:
                for i, out_grad in enumerate(out_grads):
                    if out_grad is None and is_trainable(op._outputs[i]):
                        out_grads[i] = _zeros_like_output(op, i)
                with graph.name_scope(op._name + "_grad"):
                    in_grads = grad_fn(op, *out_grads)
                    in_grads = list(in_grads) if isinstance(in_grads, (list, tuple)) \
                        else [in_grads]
                    if len(in_grads) != len(op_inputs):
                        raise ValueError(f"Num gradients {len(in_grads)} generated for op "
                                         f"{op.node_def} do not match num inputs "
                                         f"{len(op_inputs)}")
                    if gate_gradients and sum(g is not None for g in in_grads) > 1:
                        with graph.device(None):
                            in_grads = control_flow_ops.tuple(in_grads)
            else:
                in_grads = [None] * len(op_inputs)
            for index, (t_in, in_grad) in enumerate(zip(op_inputs, in_grads)):
                if in_grad is not None:
                    _set_grad(grads, t_in, _checked_input_grad(op, index, t_in, in_grad), view)
            for t_in in op_inputs:
                producer = _producer(view, t_in)
                pending[producer] -= 1
                if pending[producer] == 0:
                    queue.append(producer)
        del grad_scope

    return [_get_grad(grads, x, unconnected_gradients, aggregation_method, view) for x in xs]


def _checked_input_grad(op: Operation, index: int, t_in: Tensor, in_grad):
    """A gradient function's result for input ``index``, checked against the input's shape
    (and refining the gradient's static shape) as TF does; IndexedSlices pass as they are."""
    if isinstance(in_grad, IndexedSlices):
        return in_grad
    if not isinstance(in_grad, Tensor):
        return ops.convert_to_tensor(in_grad, dtype=t_in.dtype.base_dtype)
    if in_grad._shape._dims != t_in._shape._dims:
        if not in_grad.shape.is_compatible_with(t_in.shape):
            raise ValueError(
                "Incompatible shapes between op input and calculated input gradient. Forward "
                f"operation: {op.name}. Input index: {index}. Original input shape: "
                f"{t_in.shape}. Calculated input gradient shape: {in_grad.shape}")
        in_grad.set_shape(t_in.shape)
    return in_grad


def _get_grad(grads, t, unconnected_gradients, aggregation_method, view=None):
    op, index = (t._op, t._value_index) if view is None else view.locate(t)
    op_grads = grads.get(op)
    if op_grads is not None:
        entry = op_grads[index]
        if isinstance(entry, list):  # x was never processed (e.g. only in ys): aggregate now
            op_grads = _aggregate(grads, op, aggregation_method)
            entry = op_grads[index]
        if entry is not None:
            return entry
    if unconnected_gradients is UnconnectedGradients.ZERO:
        return array_ops.zeros_like(t)
    return None


def hessians(ys, xs, name="hessians", colocate_gradients_with_ops=False, gate_gradients=False,
             aggregation_method=None) -> list:
    """The Hessian of sum(ys) w.r.t. each x, shaped ``x.shape + x.shape`` (``tf.hessians``).

    TF builds a while_loop over the gradient's elements; tfcompat unrolls it, which needs x's
    number of elements to be known when the graph is built.
    """
    xs = _as_list(xs)
    kwargs = {"colocate_gradients_with_ops": colocate_gradients_with_ops,
              "gate_gradients": gate_gradients, "aggregation_method": aggregation_method}
    first = gradients(ys, xs, **kwargs)
    result = []
    for gradient, x in zip(first, xs):
        x = ops.convert_to_tensor(x)
        n = x.shape.num_elements()
        if n is None:
            raise ValueError(f"tfcompat.hessians needs a fully defined shape for {x}, got "
                             f"{x.shape}")
        gradient = array_ops.reshape(gradient, [-1])
        rows = []
        for j in range(n):
            row = gradients(gradient[j], x, **kwargs)[0]
            rows.append(array_ops.zeros_like(x) if row is None else row)
        stacked = array_ops.stack(rows)
        shape = array_ops.shape(x)
        result.append(array_ops.reshape(stacked, array_ops.concat((shape, shape), 0)))
    del name
    return result
