"""``tf.contrib.framework.nest``: nested structures (tuples, lists, namedtuples, dicts).

Dicts flatten in sorted-key order and pack back as the same dict type, as TF's nest does.
"""

from __future__ import annotations

__all__ = ["assert_same_structure", "flatten", "is_sequence", "map_structure",
           "pack_sequence_as"]


def is_sequence(value) -> bool:
    """Whether ``value`` is a structure nest descends into (not a string)."""
    return isinstance(value, (list, tuple, dict))


def _children(structure) -> list:
    if isinstance(structure, dict):
        return [structure[key] for key in sorted(structure)]
    return list(structure)


def flatten(structure) -> list:
    """The leaves of ``structure``, depth first."""
    if not is_sequence(structure):
        return [structure]
    return [leaf for child in _children(structure) for leaf in flatten(child)]


def pack_sequence_as(structure, flat_sequence):
    """The leaves of ``flat_sequence`` arranged as ``structure``."""
    flat_sequence = list(flat_sequence)
    count = len(flatten(structure))
    if len(flat_sequence) != count:
        raise ValueError(f"Could not pack sequence. Structure had {count} elements, but "
                         f"flat_sequence had {len(flat_sequence)} elements.")
    leaves = iter(flat_sequence)

    def pack(node):
        if not is_sequence(node):
            return next(leaves)
        if isinstance(node, dict):
            values = {key: pack(node[key]) for key in sorted(node)}
            return type(node)((key, values[key]) for key in node)
        items = [pack(item) for item in node]
        if hasattr(node, "_fields"):
            return type(node)(*items)
        return type(node)(items)

    return pack(structure)


def assert_same_structure(nest1, nest2, check_types: bool = True) -> None:
    """Raises ValueError (or TypeError) unless both have the same nested structure."""
    if is_sequence(nest1) != is_sequence(nest2):
        raise ValueError("The two structures don't have the same nested structure.\n\n"
                         f"First structure: {nest1}\n\nSecond structure: {nest2}")
    if not is_sequence(nest1):
        return
    if check_types and type(nest1) is not type(nest2):
        raise TypeError("The two structures don't have the same sequence type. First "
                        f"structure has type {type(nest1)}, while second structure has type "
                        f"{type(nest2)}.")
    if isinstance(nest1, dict) and sorted(nest1) != sorted(nest2):
        raise ValueError("The two dictionaries don't have the same set of keys.")
    a, b = _children(nest1), _children(nest2)
    if len(a) != len(b):
        raise ValueError("The two structures don't have the same number of elements.")
    for x, y in zip(a, b):
        assert_same_structure(x, y, check_types)


def map_structure(func, *structure, **check_types_dict):
    """``func`` applied to the corresponding leaves of the structures."""
    if not structure:
        raise ValueError("Must provide at least one structure")
    for other in structure[1:]:
        assert_same_structure(structure[0], other, check_types_dict.get("check_types", True))
    flats = [flatten(s) for s in structure]
    return pack_sequence_as(structure[0], [func(*leaves) for leaves in zip(*flats)])
