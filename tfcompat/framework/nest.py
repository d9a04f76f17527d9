"""Nested structures of values, with the semantics of TF's ``tf.nest``.

A structure is nested when it is a list, a tuple (namedtuples included), another non-string
``collections.abc.Sequence``, or a mapping; anything else is a leaf. Mappings are walked in
sorted key order (rebuilt in their own key order), namedtuples are rebuilt field by field.
Error classes and first lines of messages are TF's.
"""

from __future__ import annotations

import collections
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from tfcompat.framework.tensor import Tensor


def is_nested(structure) -> bool:
    """Whether ``structure`` is a sequence or mapping that nest descends into."""
    if isinstance(structure, (list, tuple, Mapping)):
        return True
    return isinstance(structure, Sequence) and not isinstance(structure, (str, bytes))


def _is_namedtuple(value) -> bool:
    return isinstance(value, tuple) and hasattr(type(value), "_fields")


def _sorted_keys(mapping: Mapping) -> list:
    return sorted(mapping)  # unsortable keys raise Python's TypeError, as in TF


def _children(structure) -> list:
    if isinstance(structure, Mapping):
        return [structure[key] for key in _sorted_keys(structure)]
    return list(structure)


def _sequence_like(instance, children: list):
    """A structure of ``instance``'s kind holding ``children`` (in flatten order)."""
    if isinstance(instance, Mapping):
        by_key = dict(zip(_sorted_keys(instance), children))
        if isinstance(instance, collections.defaultdict):
            result = collections.defaultdict(instance.default_factory)
            for key in instance:
                result[key] = by_key[key]
            return result
        return type(instance)((key, by_key[key]) for key in instance)
    if _is_namedtuple(instance):
        return type(instance)(*children)
    return type(instance)(children)


def flatten(structure, expand_composites: bool = False) -> list:
    """The leaves of ``structure`` in depth-first order (``tf.nest.flatten``); a leaf is
    returned as a one-element list."""
    del expand_composites  # tfcompat has no composite tensors to expand
    if not is_nested(structure):
        return [structure]
    leaves: list = []
    for child in _children(structure):
        if is_nested(child):
            leaves.extend(flatten(child))
        else:
            leaves.append(child)
    return leaves


def _pack(structure, flat: Sequence, index: int) -> tuple[int, list]:
    packed = []
    for child in _children(structure):
        if is_nested(child):
            index, grand_children = _pack(child, flat, index)
            packed.append(_sequence_like(child, grand_children))
        else:
            packed.append(flat[index])
            index += 1
    return index, packed


def pack_sequence_as(structure, flat_sequence, expand_composites: bool = False):
    """``flat_sequence``'s leaves arranged as ``structure`` (``tf.nest.pack_sequence_as``)."""
    del expand_composites
    if not is_nested(flat_sequence):
        raise TypeError(f"Attempted to pack value:\n  {_truncate(flat_sequence)}\ninto a "
                        f"structure, but found incompatible type `{type(flat_sequence)}` "
                        "instead.")
    if not is_nested(structure):
        if len(flat_sequence) != 1:
            raise ValueError(
                f"The target structure is of type `{type(structure)}`\n  {_truncate(structure)}"
                f"\nHowever the input is a sequence ({type(flat_sequence)}) of length "
                f"{len(flat_sequence)}.\n  {_truncate(flat_sequence)}\nnest cannot guarantee "
                "that it is safe to map one to the other.")
        return flat_sequence[0]
    flat_sequence = list(flat_sequence)
    try:
        final_index, packed = _pack(structure, flat_sequence, 0)
        if final_index < len(flat_sequence):
            raise IndexError
    except IndexError:
        raise ValueError(f"Could not pack sequence. Structure had {len(flatten(structure))} "
                         f"atoms, but flat_sequence had {len(flat_sequence)} items.  Structure: "
                         f"{structure}, flat_sequence: {flat_sequence}.") from None
    return _sequence_like(structure, packed)


def map_structure(func: Callable, *structure, check_types: bool = True,
                  expand_composites: bool = False):
    """``func`` applied leaf-wise across structures of the same shape (``tf.nest.map_structure``).
    """
    del expand_composites
    if not callable(func):
        raise TypeError(f"func must be callable, got: {func}")
    if not structure:
        raise ValueError("Must provide at least one structure")
    for other in structure[1:]:
        assert_same_structure(structure[0], other, check_types=check_types)
    flats = [flatten(s) for s in structure]
    return pack_sequence_as(structure[0], [func(*leaves) for leaves in zip(*flats)])


class _Dot:
    """A leaf drawn as ``.`` when a structure is shown in an error message."""

    def __repr__(self) -> str:
        return "."


def assert_same_structure(nest1, nest2, check_types: bool = True,
                          expand_composites: bool = False) -> None:
    """Raises ValueError (TypeError for different sequence types, with ``check_types``) unless
    both structures nest the same way (``tf.nest.assert_same_structure``)."""
    del expand_composites
    problem = _structure_difference(nest1, nest2, check_types)
    if problem is None:
        return
    error_type, detail = problem
    dot = _Dot()
    raise error_type(
        "The two structures don't have the same nested structure.\n\nFirst structure: "
        f"{_describe(nest1)}\n\nSecond structure: {_describe(nest2)}\n\nMore specifically: "
        f"{detail}\nEntire first structure:\n{map_structure(lambda _: dot, nest1)}\nEntire "
        f"second structure:\n{map_structure(lambda _: dot, nest2)}")


def _describe(value) -> str:
    kind = "SymbolicTensor" if isinstance(value, Tensor) else type(value).__name__
    return f"type={kind} str={value}"


def _structure_difference(o1, o2, check_types: bool) -> tuple[type, str] | None:
    nested1, nested2 = is_nested(o1), is_nested(o2)
    if nested1 != nested2:
        seq, non_seq = (o1, o2) if nested1 else (o2, o1)
        return ValueError, (f'Substructure "{_describe(seq)}" is a sequence, while substructure '
                            f'"{_describe(non_seq)}" is not')
    if not nested1:
        return None
    if check_types:
        type_problem = _type_difference(o1, o2)
        if type_problem is not None:
            return type_problem
    children1, children2 = _children(o1), _children(o2)
    if len(children1) != len(children2):
        return ValueError, ("The two structures don't have the same number of elements. First "
                            f"structure: {_describe(o1)}. Second structure: {_describe(o2)}")
    for child1, child2 in zip(children1, children2):
        problem = _structure_difference(child1, child2, check_types)
        if problem is not None:
            return problem
    return None


def _type_difference(o1, o2) -> tuple[type, str] | None:
    type1, type2 = type(o1), type(o2)
    mismatch = (f"The two namedtuples don't have the same sequence type. First structure "
                f"{_describe(o1)} has type {type1.__name__}, while second structure "
                f"{_describe(o2)} has type {type2.__name__}")
    if _is_namedtuple(o1) and _is_namedtuple(o2):
        # Two namedtuple classes with the same name and fields count as the same type.
        if type1.__name__ != type2.__name__ or type1._fields != type2._fields:
            return TypeError, mismatch
    elif type1 is not type2 and not (isinstance(o1, list) and isinstance(o2, list)) \
            and not (isinstance(o1, Mapping) and isinstance(o2, Mapping)):
        return TypeError, mismatch
    if isinstance(o1, Mapping) and isinstance(o2, Mapping) and set(o1) != set(o2):
        return ValueError, (
            "The two dictionaries don't have the same set of keys. First structure has keys "
            f"{_describe(list(o1))}, while second structure has keys {_describe(list(o2))}")
    return None


def _truncate(value: Any, limit: int = 100) -> str:
    text = str(value)
    return text[:limit] + ("..." if len(text) > limit else "")
