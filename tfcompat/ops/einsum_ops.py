"""Tensor contractions: the Einsum op (``tf.einsum``) and ``tf.tensordot``."""

from __future__ import annotations

import re

import numpy as np

from tfcompat.framework import ops
from tfcompat.framework.common_shapes import broadcast_shape
from tfcompat.framework.op_registry import register_op
from tfcompat.framework.ops import ShapeError, Tensor, apply_op, convert_to_tensor
from tfcompat.framework.tensor_shape import TensorShape, unknown_shape
from tfcompat.ops import array_ops, math_ops
from tfcompat.ops.op_helpers import NUMBERS


def parse_equation(equation: str, num_inputs: int) -> tuple[list[str], str]:
    """Splits ``'ab,bc->ac'`` into input label strings and the output labels ('...' kept).

    An implicit output (no ``->``) is the labels appearing once, sorted, after any ellipsis.
    """
    equation = equation.replace(" ", "")
    if not re.fullmatch(r"[a-zA-Z.,]*(->[a-zA-Z.]*)?", equation):
        raise ValueError(f"Invalid equation: {equation}")
    lhs, arrow, rhs = equation.partition("->")
    inputs = lhs.split(",")
    if len(inputs) != num_inputs:
        raise ValueError(f'Got {num_inputs} inputs for equation "{equation}", expecting '
                         f"{len(inputs)}")
    if not arrow:
        letters = lhs.replace(",", "").replace(".", "")
        once = sorted(c for c in set(letters) if letters.count(c) == 1)
        rhs = ("..." if "..." in lhs else "") + "".join(once)
    return inputs, rhs


def _einsum_shape(op):
    inputs, output = parse_equation(op._attrs["equation"], len(op.inputs))
    if any(t.shape.ndims is None for t in op.inputs):
        return [(op.inputs[0].dtype.base_dtype, unknown_shape())]
    sizes: dict[str, int | None] = {}
    ellipsis = TensorShape._from_tuple(())
    for labels, t in zip(inputs, op.inputs):
        dims = t.shape.as_tuple()
        named = labels.replace("...", "")
        if "..." in labels:
            n_ell = len(dims) - len(named)
            if n_ell < 0:
                raise ShapeError(f"Input has rank {len(dims)} but the subscripts {labels} "
                                 f"need at least {len(named)}")
            head = labels.index("...")
            ellipsis = broadcast_shape(ellipsis, TensorShape._from_tuple(
                dims[head:head + n_ell]))
            dims = dims[:head] + dims[head + n_ell:]
        elif len(dims) != len(named):
            raise ShapeError(f"Expected input to have rank {len(named)} but got: {len(dims)}")
        for label, d in zip(named, dims):
            known = sizes.get(label)
            if known is not None and d is not None and known != d and 1 not in (known, d):
                raise ShapeError(f"Expected dimension {known} at axis of the input shaped "
                                 f"{list(t.shape.as_tuple())} but got dimension {d}")
            if known is None or known == 1:
                sizes[label] = d
    out_dims: tuple = ()
    for part in re.split(r"(\.\.\.)", output):
        if part == "...":
            out_dims += ellipsis.as_tuple()
        else:
            out_dims += tuple(sizes.get(c) for c in part)
    return [(op.inputs[0].dtype.base_dtype, TensorShape._from_tuple(out_dims))]


def _einsum_kernel(*arrays, equation):
    arrays = [np.asarray(a) for a in arrays]
    inputs, output = parse_equation(equation, len(arrays))
    out = np.einsum(",".join(inputs) + "->" + output, *arrays)
    return np.asarray(out).astype(arrays[0].dtype, copy=False)


def _einsum_grad(op, grad):
    """d/d input_i: contract the output gradient with the other inputs back to input_i's labels.

    Labels of input_i that appear nowhere else were summed away; their gradient is broadcast.
    """
    inputs, output = parse_equation(op._attrs["equation"], len(op.inputs))
    grads = []
    for i, (labels, x) in enumerate(zip(inputs, op.inputs)):
        others = [(lab, t) for j, (lab, t) in enumerate(zip(inputs, op.inputs)) if j != i]
        available = set(output) | {c for lab, _ in others for c in lab}
        letters = labels.replace("...", "")
        if len(set(letters)) != len(letters):
            raise NotImplementedError(f"einsum gradient with a repeated input label: {labels}")
        target = "".join(part if part == "..." else "".join(c for c in part if c in available)
                         for part in re.split(r"(\.\.\.)", labels))
        equation = ",".join([output] + [lab for lab, _ in others]) + "->" + target
        # Complex operands: grad times the conjugates, as TF's gradients are defined.
        partial = einsum(equation, grad, *[apply_op("Conj", [t]) if t.dtype.is_complex else t
                                           for _, t in others])
        if target != labels:
            expanded = _expand_to_labels(partial, target, labels)
            partial = array_ops.broadcast_to(expanded, array_ops.shape(x))
        grads.append(partial)
    return grads


def _expand_to_labels(t: Tensor, have: str, want: str) -> Tensor:
    """Reshapes ``t`` (labels ``have``) with size-1 axes for the labels of ``want`` it lacks."""
    if "..." in want:
        raise NotImplementedError("einsum gradient summing a label away beside an ellipsis")
    shape = array_ops.shape(t)
    pieces = []
    position = 0
    for c in want:
        if c in have:
            pieces.append(array_ops.reshape(shape[position], [1]))
            position += 1
        else:
            pieces.append(array_ops.ones([1], dtype=shape.dtype))
    return array_ops.reshape(t, array_ops.concat(pieces, 0))


register_op("Einsum", inputs=("inputs: N*T",), kernel=_einsum_kernel,
            kernel_attrs=("equation",), shape_fn=_einsum_shape, allowed={"T": NUMBERS},
            grad=_einsum_grad)


def einsum(equation, *inputs, **kwargs) -> Tensor:
    """Tensor contraction over specified indices and outer product (``tf.einsum``)."""
    name = kwargs.pop("name", None)
    if kwargs:
        raise TypeError(f"Invalid keyword arguments for this function: "
                        f"{', '.join(sorted(kwargs))}. Expected: name")
    parse_equation(equation, len(inputs))
    with ops.name_scope(name, "einsum", inputs):
        tensors = [convert_to_tensor(t) for t in inputs]
        return apply_op("Einsum", [tensors], attrs={"equation": equation.replace(" ", "")})


# ---- tensordot -------------------------------------------------------------------------------

def _tensordot_axes(a_rank: int, axes) -> tuple[list[int], list[int]]:
    if isinstance(axes, (int, np.integer)):
        axes = int(axes)
        if axes < 0:
            raise ValueError(f"'axes' must be at least 0, got {axes}.")
        if axes > a_rank:
            raise ValueError(f"'axes' must not be larger than the number of dimensions of "
                             f"tensor a, got {axes} > {a_rank}.")
        return list(range(a_rank - axes, a_rank)), list(range(axes))
    axes = list(axes)
    if len(axes) != 2:
        raise ValueError(f"'axes' must be an integer or have length 2, got {axes}.")
    a_axes, b_axes = axes
    a_axes = [a_axes] if isinstance(a_axes, (int, np.integer)) else list(a_axes)
    b_axes = [b_axes] if isinstance(b_axes, (int, np.integer)) else list(b_axes)
    if len(a_axes) != len(b_axes):
        raise ValueError(f"Different number of contraction axes 'a' and 'b', "
                         f"{len(a_axes)} != {len(b_axes)}.")
    return [int(x) for x in a_axes], [int(x) for x in b_axes]


def _matrix_form(t: Tensor, axes: list[int], contract_first: bool):
    dims = t.shape.as_list()
    rank = len(dims)
    axes = [a % rank for a in axes]
    free = [i for i in range(rank) if i not in axes]
    perm = axes + free if contract_first else free + axes
    free_dims = [dims[i] for i in free]
    prod_free = int(np.prod(free_dims, dtype=np.int64))
    prod_axes = int(np.prod([dims[i] for i in axes], dtype=np.int64))
    shape = [prod_axes, prod_free] if contract_first else [prod_free, prod_axes]
    if perm != list(range(rank)):
        t = array_ops.transpose(t, perm)
    return array_ops.reshape(t, shape), free_dims


def tensordot(a, b, axes, name=None) -> Tensor:
    """Contracts ``axes`` of a with those of b (``tf.tensordot``); static shapes needed."""
    with ops.name_scope(name, "Tensordot", [a, b, axes]) as scope:
        a = convert_to_tensor(a, name="a")
        b = convert_to_tensor(b, name="b")
        if not (a.shape.is_fully_defined() and b.shape.is_fully_defined()):
            raise NotImplementedError("tf.tensordot with dynamic shapes is not supported by "
                                      "tfcompat yet")
        a_axes, b_axes = _tensordot_axes(a.shape.ndims, axes)
        a_matrix, a_free = _matrix_form(a, a_axes, contract_first=False)
        b_matrix, b_free = _matrix_form(b, b_axes, contract_first=True)
        product = math_ops.matmul(a_matrix, b_matrix)
        if product.shape.as_list() == a_free + b_free:
            return product
        return array_ops.reshape(product, a_free + b_free, name=scope)
