"""The registry of op types: each type's signature, shape/dtype inference, kernel and gradient.

An op type is registered once, next to its public wrapper and gradient (see ``tfcompat/ops``):

    register_op("Exp", inputs=("x: T",), allowed={"T": FLOATS}, kernel=np.exp,
                shape_fn=unchanged_shape)

Input specs read ``"name: T"`` (dtype given by type attr ``T``, shared by every input naming it),
``"name: int32"`` (a fixed dtype), ``"name: N*T"`` (a list of N tensors of type T) or
``"name: &T"`` (a reference input, e.g. the variable an Assign writes) or ``"name: list(T)"``
(a list of tensors of any dtypes, recorded in the list attr ``T``).
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from tfcompat.framework import dtypes


@dataclass(frozen=True)
class InputSpec:
    name: str
    type_attr: str | None  # polymorphic type attribute, e.g. "T"
    fixed_dtype: dtypes.DType | None
    number_attr: str | None  # for list inputs, e.g. "N"
    is_ref: bool
    type_list_attr: str | None = None  # for lists of mixed dtypes, e.g. "Tin" in "list(Tin)"


def parse_input_spec(text: str) -> InputSpec:
    name, _, kind = (part.strip() for part in text.partition(":"))
    if kind.startswith("list(") and kind.endswith(")"):
        return InputSpec(name, None, None, None, False, kind[5:-1])
    is_ref = kind.startswith("&")
    kind = kind.lstrip("&")
    number_attr = None
    if "*" in kind:
        number_attr, kind = kind.split("*")
    fixed = None
    type_attr = None
    try:
        fixed = dtypes.as_dtype(kind)
    except TypeError:
        type_attr = kind
    return InputSpec(name, type_attr, fixed, number_attr, is_ref)


# A kernel binder turns (op, session state) into the callable a run plan executes.
Binder = Callable[[Any, Any], Callable[..., Any]]


@dataclass
class OpDef:
    """Everything tfcompat knows about one op type."""

    type: str
    inputs: tuple[InputSpec, ...]
    shape_fn: Callable[[Any], Sequence[tuple[dtypes.DType, Any]]]
    bind: Binder
    stateful: bool = False
    allowed: dict[str, tuple[dtypes.DType, ...]] = field(default_factory=dict)
    # ``allowed`` as sets, for the membership test made on every op creation.
    allowed_sets: dict[str, frozenset[dtypes.DType]] = field(default_factory=dict)
    attr_defaults: dict[str, Any] = field(default_factory=dict)
    # Type attrs whose dtype is taken from a default when no input fixes it (e.g. Tshape=int32).
    type_defaults: dict[str, dtypes.DType] = field(default_factory=dict)
    # Op types that always output the same values may be constant-folded during shape inference.
    foldable: bool = True
    # Positions of reference inputs: the op writes the variable there, it does not read a value.
    ref_inputs: frozenset[int] = frozenset()
    # Inputs whose (constant) values shape inference reads; shape errors list them as TF does:
    # as values ("computed input tensors") or as partial shapes.
    value_inputs: tuple[int, ...] = ()
    shape_inputs: tuple[int, ...] = ()
    # The output is a reference read by each consumer when that consumer runs (VariableV2),
    # so a read ordered after an assign by a control dependency sees the new value.
    read_at_use: bool = False
    # Control flow (see tfcompat.framework.dead): the op may output DEAD (Switch, a stack pop),
    # or its kernel takes DEAD inputs itself instead of being skipped (Merge, a stack push).
    outputs_dead: bool = False
    takes_dead: bool = False
    # Flags the executor plans by, so that it names no op type:
    # the op is a variable's storage (VariableV2): reference tensors lead back to it.
    is_variable: bool = False
    # The output is this attr's value, fixed at graph construction (Const: "value"); plans
    # inline it instead of calling a kernel.
    value_attr: str | None = None
    # Outputs are input 0's buffer (Identity; Switch's live output): when input 0 is read by
    # each consumer at its use (a variable), so are the outputs — TF's aliasing of a
    # variable's snapshot.
    aliases_input: bool = False
    # A takes_dead op that is dead exactly when its output is (Merge: dead when no input is
    # live), which its control-edge consumers test.
    dead_when_output_dead: bool = False
    # An outputs_dead op whose output k is live exactly when its last input (a bool predicate)
    # is k (Switch): plans see where a tf.cond's branches join again (client/deadness.py).
    branch_outputs: bool = False
    # The op leaves a while-loop frame (Exit): a plan runs the whole frame as one step.
    leaves_frame: bool = False
    # The outputs depend on the inputs' shapes only (Shape, Size, Rank): plans compute the
    # shape arithmetic fed by such ops once per distinct input shapes (client/shape_memo.py).
    output_from_shapes: bool = False
    # The op's only effect is a write into state made during the run and read back only
    # through its output tensors (a TensorArray write): a loop skips it when the loop variable
    # it feeds is not needed (client/loop_frames.py).
    writes_run_local_state: bool = False
    # Attrs a NodeDef must carry besides the type attrs of the inputs (Const: value, dtype);
    # import_graph_def rejects a node without them, as TF does.
    required_attrs: tuple[str, ...] = ()
    # Precomputed for op creation's fast path (``op_def_library``): the type attr when every
    # input is one plain tensor of that attr's type (``x: T``, ``y: T``), else None; and whether
    # the op type is a valid op name as it is (so a default name needs no check).
    single_type_attr: str | None = None
    allowed_enums: dict[str, frozenset[int]] = field(default_factory=dict)  # DType enums
    type_is_valid_name: bool = False

    def missing_attr(self, attrs) -> str | None:
        """The first required attr absent from ``attrs`` (a NodeDef's attr map), or None."""
        for spec in self.inputs:
            for attr in (spec.type_attr, spec.number_attr, spec.type_list_attr):
                if (attr and attr not in attrs and attr not in self.type_defaults
                        and attr not in self.attr_defaults):
                    return attr
        for attr in self.required_attrs:
            if attr not in attrs:
                return attr
        return None


_OP_DEFS: dict[str, OpDef] = {}
# Op types matching this are valid op (and scope) names as they are.
_PLAIN_OP_TYPE = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


def _single_type_attr(specs: tuple[InputSpec, ...]) -> str | None:
    attrs = {spec.type_attr for spec in specs}
    if len(attrs) != 1 or any(spec.number_attr or spec.is_ref or spec.type_list_attr
                              or spec.fixed_dtype for spec in specs):
        return None
    return attrs.pop()


def _bind_plain(kernel: Callable, kernel_attrs: Sequence[str]) -> Binder:
    if not kernel_attrs:
        return lambda op, state: kernel

    def bind(op, state):
        # A partial (C) rather than a lambda: ~0.13 us less per call, on every op of every run.
        return functools.partial(kernel, **{name: op._attrs[name] for name in kernel_attrs})

    return bind


def register_op(
    op_type: str,
    *,
    inputs: Sequence[str] = (),
    shape_fn: Callable,
    kernel: Callable | None = None,
    kernel_attrs: Sequence[str] = (),
    bind: Binder | None = None,
    stateful: bool = False,
    allowed: dict[str, Sequence[dtypes.DType]] | None = None,
    attr_defaults: dict[str, Any] | None = None,
    type_defaults: dict[str, dtypes.DType] | None = None,
    value_inputs: Sequence[int] = (),
    shape_inputs: Sequence[int] = (),
    read_at_use: bool = False,
    foldable: bool | None = None,
    outputs_dead: bool = False,
    takes_dead: bool = False,
    is_variable: bool = False,
    value_attr: str | None = None,
    aliases_input: bool = False,
    dead_when_output_dead: bool = False,
    branch_outputs: bool = False,
    leaves_frame: bool = False,
    output_from_shapes: bool = False,
    writes_run_local_state: bool = False,
    required_attrs: Sequence[str] = (),
    grad: Callable | None = None,
) -> OpDef:
    """Registers an op type.

    ``kernel(*input_arrays, **attrs)`` returns one ndarray (single output) or a tuple of them;
    ``kernel_attrs`` names the op attrs passed to it. Stateful kernels (variables, random) give
    ``bind(op, session_state)`` instead, which returns the callable a run executes.
    ``shape_fn(op)`` returns ``[(dtype, TensorShape), ...]``, one pair per output.
    The remaining flags (``read_at_use``, ``outputs_dead``, ``is_variable``, ``value_attr``...)
    tell the executor how to plan the op; it knows no op type by name (see OpDef).
    ``grad`` registers the gradient beside the op: a function ``fn(op, *out_grads)`` built from
    graph ops, or ``NOT_DIFFERENTIABLE``; left None, the gradient is registered separately.
    """
    if op_type in _OP_DEFS:
        raise KeyError(f"Registering two ops with name '{op_type}'")
    if (kernel is None) == (bind is None):
        raise ValueError(f"Op {op_type}: give exactly one of kernel= or bind=")
    specs = tuple(parse_input_spec(s) for s in inputs)
    ref_inputs = frozenset(i for i, spec in enumerate(specs) if spec.is_ref)
    if ref_inputs and any(spec.number_attr for spec in specs):
        raise ValueError(f"Op {op_type}: reference inputs cannot be mixed with list inputs")
    op_def = OpDef(
        type=op_type,
        inputs=specs,
        shape_fn=shape_fn,
        bind=bind if bind is not None else _bind_plain(kernel, tuple(kernel_attrs)),
        stateful=stateful,
        allowed={k: tuple(v) for k, v in (allowed or {}).items()},
        allowed_sets={k: frozenset(v) for k, v in (allowed or {}).items()},
        attr_defaults=dict(attr_defaults or {}),
        type_defaults=dict(type_defaults or {}),
        foldable=(not stateful) if foldable is None else foldable,
        ref_inputs=ref_inputs,
        value_inputs=tuple(value_inputs),
        shape_inputs=tuple(shape_inputs),
        read_at_use=read_at_use,
        outputs_dead=outputs_dead,
        takes_dead=takes_dead,
        is_variable=is_variable,
        value_attr=value_attr,
        aliases_input=aliases_input,
        dead_when_output_dead=dead_when_output_dead,
        branch_outputs=branch_outputs,
        leaves_frame=leaves_frame,
        output_from_shapes=output_from_shapes,
        writes_run_local_state=writes_run_local_state,
        required_attrs=tuple(required_attrs),
        single_type_attr=_single_type_attr(specs),
        allowed_enums={k: frozenset(d.as_datatype_enum for d in v)
                       for k, v in (allowed or {}).items()},
        type_is_valid_name=_PLAIN_OP_TYPE.fullmatch(op_type) is not None,
    )
    _OP_DEFS[op_type] = op_def
    if grad is NOT_DIFFERENTIABLE:
        no_gradient(op_type)
    elif grad is not None:
        RegisterGradient(op_type)(grad)
    return op_def


# Op registration is an import side effect, and the public namespace defers importing its rarely
# used parts (tfcompat/platform/lazy_loader.py). It hands over a loader of those parts (framework
# must not import upward); a lookup that misses runs it once, then looks again.
_deferred_loader: Callable[[], None] | None = None


def use_deferred_loader(loader: Callable[[], None]) -> None:
    """Sets the callable importing every module whose op registrations are still deferred."""
    global _deferred_loader
    _deferred_loader = loader
    _deferred_state["set"] = True


# Held while the loader runs: a thread missing a lookup meanwhile waits for that load to end
# instead of finding the loader gone and reporting the op type as unregistered.
_deferred_lock = threading.RLock()
_deferred_state = {"set": False, "loading": False}


def _load_deferred() -> bool:
    """Makes sure the deferred modules are loaded, waiting for a load another thread runs.
    True when a missed lookup is worth a retry (something was deferred at some point)."""
    global _deferred_loader
    if _deferred_loader is not None or _deferred_state["loading"]:
        with _deferred_lock:
            loader = _deferred_loader
            if loader is not None:
                # "loading" is set before the loader is taken, so no thread sees neither.
                _deferred_state["loading"] = True
                _deferred_loader = None
                try:
                    loader()
                finally:
                    _deferred_state["loading"] = False
    return _deferred_state["set"]


def get_op_def(op_type: str) -> OpDef:
    op_def = _OP_DEFS.get(op_type)
    if op_def is None and _load_deferred():
        op_def = _OP_DEFS.get(op_type)
    if op_def is None:
        raise ValueError(f"Op type not registered '{op_type}' in binary running on tfcompat. "
                         "Make sure the Op and Kernel are registered.")
    return op_def


def registered_op_types() -> list[str]:
    """Every op type tfcompat has, the deferred modules' included."""
    _load_deferred()
    return sorted(_OP_DEFS)


# ---- gradients -------------------------------------------------------------------------------

class _NotDifferentiable:
    """The mark of an op type without a gradient (TF's ``NotDifferentiable``)."""

    def __repr__(self) -> str:
        return "NOT_DIFFERENTIABLE"


NOT_DIFFERENTIABLE = _NOT_DIFFERENTIABLE = _NotDifferentiable()
_GRADIENTS: dict[str, Any] = {}


class RegisterGradient:
    """Decorator registering the gradient function of an op type (``tf.RegisterGradient``).

    The function is called as ``fn(op, *output_gradients)`` and returns one Tensor (or None)
    per op input.
    """

    def __init__(self, op_type: str):
        if not isinstance(op_type, str):
            raise TypeError("op_type must be a string")
        self._op_type = op_type

    def __call__(self, fn: Callable) -> Callable:
        if self._op_type in _GRADIENTS:
            raise KeyError(f"Registering two gradient with name '{self._op_type}'! "
                           f"(Previous registration was in {_describe(_GRADIENTS[self._op_type])})")
        _GRADIENTS[self._op_type] = fn
        return fn


def _describe(fn) -> str:
    code = getattr(fn, "__code__", None)
    if code is None:
        return "<not differentiable>"
    return f"{code.co_name} {code.co_filename}:{code.co_firstlineno}"


def no_gradient(op_type: str) -> None:
    """Marks an op type as not differentiable (``tf.no_gradient`` / ``tf.NotDifferentiable``)."""
    if not isinstance(op_type, str):
        raise TypeError("op_type must be a string")
    if op_type in _GRADIENTS:
        raise KeyError(f"Registering two gradient with name '{op_type}'! "
                       f"(Previous registration was in {_describe(_GRADIENTS[op_type])})")
    _GRADIENTS[op_type] = _NOT_DIFFERENTIABLE


NotDifferentiable = no_gradient


def has_gradient_entry(op_type: str) -> bool:
    return op_type in _GRADIENTS or (_load_deferred() and op_type in _GRADIENTS)


def get_gradient_function(op_type: str, op_name: str | None = None):
    """The registered gradient fn, None for not-differentiable types; LookupError otherwise."""
    fn = _GRADIENTS.get(op_type)
    if fn is None and _load_deferred():
        fn = _GRADIENTS.get(op_type)
    if fn is None:
        raise LookupError(_no_gradient_message(op_type, op_name))
    return None if fn is _NOT_DIFFERENTIABLE else fn


def _no_gradient_message(op_type: str, op_name: str | None = None) -> str:
    return (
        f"No gradient defined for operation'{op_name or op_type}' (op type: {op_type}). "
        "In general every operation must have an associated `@tf.RegisterGradient` for correct "
        "autodiff, which this op is lacking. If you want to pretend this operation is a constant "
        "in your program, you may insert `tf.stop_gradient`. This can be useful to silence the "
        "error in cases where you know gradients are not needed, e.g. the forward pass of "
        "tf.custom_gradient. Please see more details in "
        "https://www.tensorflow.org/api_docs/python/tf/custom_gradient.")
