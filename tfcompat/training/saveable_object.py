"""The Saver's saveable protocol (TF's ``SaveableObject`` / ``SaveSpec``) and the saveables of
reference variables, whole or as slices of a partitioned variable.

A saveable names the tensors it writes (``specs``: tensor, slice spec, checkpoint name, dtype)
and, given the tensors read back, builds the op restoring itself (``restore``). A Saver builds
one SaveV2 over every spec of every saveable and one RestoreV2 feeding each saveable's
``restore``. Objects other than variables (an iterator's position) join a Saver by being a
SaveableObject in its ``var_list`` or in the ``saveable_objects`` collection.
"""

from __future__ import annotations

from tfcompat.framework import ops
from tfcompat.framework.ops import Tensor
from tfcompat.ops import array_ops, state_ops
from tfcompat.variables.partitioned_variables import PartitionedVariable
from tfcompat.variables.variables import Variable

_VARIABLE_OP_TYPES = ("VariableV2",)


class SaveSpec:
    """One tensor a saveable writes: its value (a Tensor, or a callable returning one, called
    when the save op is built), slice spec (``""`` for a whole tensor), checkpoint name."""

    def __init__(self, tensor, slice_spec: str, name: str, dtype=None, device=None):
        self._tensor = tensor
        self.slice_spec = slice_spec
        self.name = name
        if callable(tensor):
            if dtype is None or device is None:
                raise AssertionError("When passing a callable `tensor` to a SaveSpec, an "
                                     "explicit dtype and device must be provided.")
            self.dtype = dtype
            self.device = device
        else:
            self.dtype = tensor.dtype
            self.device = tensor.device if device is None else device

    @property
    def tensor(self) -> Tensor:
        return self._tensor() if callable(self._tensor) else self._tensor


class SaveableObject:
    """Something a Saver saves as ``specs`` and restores with ``restore``; ``op`` is the object
    saved (checked for being saved twice), ``name`` its checkpoint name."""

    def __init__(self, op, specs: list[SaveSpec], name: str):
        self.op = op
        self.specs = specs
        self.name = name

    @property
    def device(self) -> str:
        """The device of the first spec (where a sharded Saver saves this object)."""
        return self.specs[0].device

    def restore(self, restored_tensors, restored_shapes):
        """The op restoring this object from ``restored_tensors`` (one per spec)."""
        raise ValueError("Calling an abstract method.")


class ReferenceVariableSaveable(SaveableObject):
    """A reference variable, or one slice of a partitioned variable (``slice_spec``)."""

    def __init__(self, var, slice_spec: str, name: str):
        spec = SaveSpec(var, slice_spec, name, dtype=var.dtype)
        super().__init__(var, [spec], name)

    def restore(self, restored_tensors, restored_shapes):
        restored = restored_tensors[0]
        ref = self.op._ref() if isinstance(self.op, Variable) else self.op
        if restored_shapes is not None:
            restored = array_ops.reshape(restored, restored_shapes[0])
        with ref.graph.colocate_with(ref.op):
            return state_ops.assign(
                ref, restored,
                validate_shape=restored_shapes is None and ref.shape.is_fully_defined())


# ---- var_list -> saveables (TF's op_list_to_dict and saveable_objects_for_op) ---------------

def _variable_ref(value) -> Tensor | None:
    """The reference tensor of a variable (a Variable or a VariableV2 output), else None."""
    if isinstance(value, Variable):
        return value._ref()
    if isinstance(value, Tensor) and value.op.type in _VARIABLE_OP_TYPES:
        return value
    return None


def _names_from_list(var_list) -> dict:
    named: dict = {}
    for var in sorted(var_list, key=lambda x: x.name):
        if isinstance(var, SaveableObject):
            named[var.name] = var
            continue
        if isinstance(var, PartitionedVariable):
            if var.name in named:
                raise ValueError(f"At least two variables have the same name: {var.name}")
            named[var.name] = list(var)
            continue
        slice_info = getattr(var, "_save_slice_info", None)
        if slice_info is not None:
            pieces = named.setdefault(slice_info.full_name, [])
            if not isinstance(pieces, list):
                raise ValueError("Mixing slices and non-slices with the same name: "
                                 f"{slice_info.full_name}")
            pieces.append(var)
            continue
        ref = _variable_ref(var)
        if ref is None:
            raise TypeError(f"Variable to save is not a Variable: {var}")
        name = ref.op.name
        if name in named:
            raise ValueError(f"At least two variables have the same name: {name}")
        named[name] = ref
    return named


def _for_op(value, name: str) -> list[SaveableObject]:
    if isinstance(value, SaveableObject):
        return [value]
    if isinstance(value, PartitionedVariable):
        value = list(value)
    if isinstance(value, (list, tuple)):
        result = []
        full_name = None
        for piece in value:
            slice_info = getattr(piece, "_save_slice_info", None)
            if not isinstance(piece, Variable) or slice_info is None:
                raise ValueError(f"Slices must all be slices: {piece!r}")
            if full_name is None:
                full_name = slice_info.full_name
            elif slice_info.full_name != full_name:
                raise ValueError(f"Slices must all be from the same tensor: {full_name} != "
                                 f"{slice_info.full_name}")
            result.append(ReferenceVariableSaveable(piece, slice_info.spec, name))
        return result
    ref = _variable_ref(value)
    if ref is None:
        tensor = ops.convert_to_tensor(value, as_ref=True)
        raise TypeError("names_to_saveables must be a dict mapping string names to "
                        f"Tensors/Variables. Not a variable: {tensor}")
    return [ReferenceVariableSaveable(ref, "", name)]


def validate_and_slice_inputs(var_list) -> list[SaveableObject]:
    """The saveables of a Saver's ``var_list`` (list or dict), in checkpoint-name order,
    validated as TF does."""
    if isinstance(var_list, dict):
        for name in var_list:
            if not isinstance(name, str):
                raise TypeError("names_to_saveables must be a dict mapping string names to "
                                f"trackable operations. Name is not a string: {name}")
        named = dict(var_list)
    elif isinstance(var_list, (list, tuple, set)):
        named = _names_from_list(var_list)
    else:
        raise TypeError(f"Variables to save should be passed in a dict or a list. Got {var_list}")
    result = []
    seen: set[int] = set()
    for name, value in sorted(named.items(), key=lambda item: item[0]):
        for saveable in _for_op(value, name):
            key = id(saveable.op.op if isinstance(saveable.op, (Tensor, Variable))
                     else saveable.op)
            if key in seen:
                raise ValueError(f"The same saveable will be restored with two names: {name}")
            seen.add(key)
            result.append(saveable)
    return result
