"""``tf.gradients``: symbolic differentiation by a reverse walk over the graph.

For every op between xs and ys (reachable forward from xs through floating-point tensors, and
backward from ys) the op type's registered gradient function is called inside
``<scope>/<op name>_grad``; it builds ordinary ops, so gradients are differentiable again.
Several gradients flowing into one tensor are summed (``gradient_aggregation``); outputs that got
no gradient are fed marked zeros (``gradient_zeros``). The walk asks a view of the graph for
nodes, inputs and consumers (``gradient_loops``): ops themselves, or, with while loops, each loop
as one node differentiated by the loop machinery.
"""

from __future__ import annotations

import collections
import contextlib
import enum
import gc

from tfcompat.framework import dtypes, ops
from tfcompat.framework.indexed_slices import IndexedSlices
from tfcompat.framework.ops import Operation, Tensor
from tfcompat.ops import array_ops, control_flow_ops
from tfcompat.ops.gradient_aggregation import (
    _VALID_AGGREGATION_METHODS,
    AggregationMethod,
    aggregate,
)
from tfcompat.ops.gradient_loops import view_for
from tfcompat.ops.gradient_zeros import is_zeros_tensor, zeros_for_missing_gradient

__all__ = ["AggregationMethod", "UnconnectedGradients", "gradients", "is_trainable",
           "is_zeros_tensor"]


class UnconnectedGradients(enum.Enum):
    """What ``tf.gradients`` returns for an x not connected to ys: None or zeros."""

    NONE = "none"
    ZERO = "zero"


_TRAINABLE_DTYPES = frozenset([dtypes.float16, dtypes.bfloat16, dtypes.float32, dtypes.float64,
                               dtypes.complex64, dtypes.complex128, dtypes.resource,
                               dtypes.variant])


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


def _reached_from(from_ops: list, view) -> set:
    """Nodes reachable forward from ``from_ops`` through trainable (floating) tensors."""
    reached: set = set()
    queue = collections.deque(from_ops)
    consumers = None if view.plain else view.consumers
    while queue:
        op = queue.popleft()
        if op in reached:
            continue
        reached.add(op)
        for output in op._outputs:
            dtype = output._dtype
            if (dtype if dtype._base is None else dtype._base) not in _TRAINABLE_DTYPES:
                continue
            if consumers is not None:
                queue.extend(consumers(output))
                continue
            consumer = output._consumers  # consumer_ops(output), inlined: None, an op or a list
            if consumer.__class__ is list:
                queue.extend(consumer)
            elif consumer is not None:
                queue.append(consumer)
    return reached


def _pending_count(to_ops, from_ops, view):
    """(to_ops reachable from from_ops, per node the number of its consumers between them)."""
    reached = _reached_from(from_ops, view)
    reachable_to_ops = {op for op in to_ops if op in reached}
    # pending's keys are the nodes between (each set to 0 when found), then counted.
    pending: dict = collections.defaultdict(int)
    between_list: list = []
    queue = collections.deque(to_ops)
    plain = view.plain
    while queue:
        op = queue.popleft()
        if op in reached:
            pending[op] = 0
            between_list.append(op)
            reached.remove(op)
            if plain:
                queue.extend([t._op for t in op._inputs])
            else:
                queue.extend([view.node(t._op) for t in view.inputs(op)])
    for op in between_list:
        for t in (op._inputs if plain else view.inputs(op)):
            producer = t._op if plain else view.node(t._op)
            if producer in pending:
                pending[producer] += 1
    return reachable_to_ops, pending


def _add_grad(grads: dict, t: Tensor, grad, view) -> None:
    node, index = view.locate(t)
    node_grads = grads.get(node)
    if node_grads is None:
        node_grads = grads[node] = [[] for _ in node._outputs]
    node_grads[index].append(grad)


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
    with _collector_paused(), ops.name_scope(name, "gradients", values):
        graph = ops.get_default_graph()
        graph.unique_name("uid")
        ys = _convert_n(ys, "y")
        xs = _convert_n(xs, "x", as_ref=True)
        grad_ys = _default_grad_ys(grad_ys, ys)
        view = view_for(ys, graph)
        to_ops = [view.node(t.op) for t in ys]
        from_ops = [view.node(t.op) for t in xs]
        reachable_to_ops, pending = _pending_count(to_ops, from_ops, view)

        grads: dict = {}
        for y, grad_y in zip(ys, grad_ys):
            _add_grad(grads, y, grad_y, view)

        queue = collections.deque()
        queued: set = set()
        for op in to_ops:
            if pending[op] == 0 and op not in queued and op in reachable_to_ops:
                queued.add(op)
                queue.append(op)
        # An x whose inputs lead nowhere needed is a leaf; stop_gradients are leaves by request.
        stop_ops = {op for op in from_ops
                    if all(pending[view.node(t._op)] <= 0 for t in view.inputs(op))}
        stop_ops.update(view.node(t.op) for t in stop_gradients)

        plain = view.plain
        # One gradient into a one-output node needs no aggregation (unless the method is
        # invalid: aggregate then raises TF's error).
        one_is_sum = aggregation_method is None or aggregation_method in _VALID_AGGREGATION_METHODS
        while queue:
            op = queue.popleft()
            op_inputs = op._inputs if plain else view.inputs(op)
            out_grads = grads.get(op)
            if (one_is_sum and out_grads is not None and len(out_grads) == 1
                    and out_grads[0].__class__ is list and len(out_grads[0]) == 1):
                out_grads[0] = out_grads[0][0]
            else:
                out_grads = aggregate(grads, op, aggregation_method)
            in_grads = _backprop_node(op, op_inputs, out_grads, op not in stop_ops, view, graph,
                                      gate_gradients)
            for index, (t_in, in_grad) in enumerate(zip(op_inputs, in_grads)):
                if in_grad is not None:
                    if not (in_grad.__class__ is Tensor
                            and in_grad._shape._dims == t_in._shape._dims):
                        in_grad = _checked_input_grad(op, index, t_in, in_grad)
                    if plain:  # _add_grad, inlined
                        producer = t_in._op
                        node_grads = grads.get(producer)
                        if node_grads is None:
                            outputs = producer._outputs
                            node_grads = grads[producer] = (
                                [[]] if len(outputs) == 1 else [[] for _ in outputs])
                        node_grads[t_in._value_index].append(in_grad)
                    else:
                        _add_grad(grads, t_in, in_grad, view)
            for t_in in op_inputs:
                producer = t_in._op if plain else view.node(t_in._op)
                pending[producer] -= 1
                if pending[producer] == 0:
                    queue.append(producer)

    return [_grad_of(grads, x, unconnected_gradients, aggregation_method, view) for x in xs]


@contextlib.contextmanager
def _collector_paused():
    """Python's cycle collector off while the gradient graph is built: every op added is
    live, yet each full collection would walk the whole (growing) graph again — 10-40% of
    the build on long chains. Turned back on after, unless it was off already."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _backprop_node(op, op_inputs: tuple, out_grads: list, may_differentiate: bool, view, graph,
                   gate_gradients: bool) -> list:
    """The gradients of ``op``'s inputs from those of its outputs (None where none flows)."""
    grad_fn = None
    if may_differentiate and (view.plain or not view.is_cut(op)):
        for g in out_grads:
            if g is not None:
                grad_fn = view.gradient_function(op)
                break
    if grad_fn is None:
        return [None] * len(op_inputs)
    for i, out_grad in enumerate(out_grads):
        if out_grad is None and is_trainable(op._outputs[i]):
            out_grads[i] = zeros_for_missing_gradient(op, i)
    saved_name_stack = graph._push_unique_scope(op._name + "_grad")  # name_scope(...), lighter
    try:
        in_grads = grad_fn(op, *out_grads)
        in_grads = list(in_grads) if isinstance(in_grads, (list, tuple)) else [in_grads]
        if len(in_grads) != len(op_inputs):
            raise ValueError(f"Num gradients {len(in_grads)} generated for op {op.node_def} do "
                             f"not match num inputs {len(op_inputs)}")
        if gate_gradients and sum(g is not None for g in in_grads) > 1:
            with graph.device(None):
                in_grads = control_flow_ops.tuple(in_grads)
    finally:
        graph._name_stack = saved_name_stack
    return in_grads


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


def _grad_of(grads: dict, t: Tensor, unconnected_gradients, aggregation_method, view):
    node, index = view.locate(t)
    node_grads = grads.get(node)
    if node_grads is not None:
        entry = node_grads[index]
        if isinstance(entry, list):  # x was never processed (e.g. only in ys): aggregate now
            entry = aggregate(grads, node, aggregation_method)[index]
        if entry is not None:
            return entry
    if unconnected_gradients is UnconnectedGradients.ZERO:
        return array_ops.zeros_like(t)
    return None
