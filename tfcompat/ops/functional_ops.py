"""``tf.map_fn``, ``tf.scan``, ``tf.foldl``, ``tf.foldr``: while loops over TensorArrays, built
op for op as TF's v1 graph functions build them.

Each unstacks its (nested) ``elems`` along axis 0 into TensorArrays, runs ``fn`` once per
element in a ``tf.while_loop`` (with ``maximum_iterations`` set to the element count, as TF
does), and — for map_fn and scan — writes each result to an output TensorArray stacked after
the loop. Gradients flow through the loop and the TensorArrays.
"""

from __future__ import annotations

from tfcompat.framework import dtypes, ops
from tfcompat.framework.tensor_shape import Dimension, TensorShape
from tfcompat.ops import array_ops, constant_op
from tfcompat.ops.control_flow_v1 import flatten_structure, pack_as
from tfcompat.ops.tensor_array_ops import TensorArray
from tfcompat.ops.while_loop_v1 import while_loop


def _elements_count(elems_flat: list):
    """The number of elements: the static first dimension, else ``shape(elems[0])[0]``."""
    static = elems_flat[0].shape.as_list()[0] if elems_flat[0].shape.ndims else None
    if static is not None:
        return static, static
    return array_ops.shape(elems_flat[0])[0], None


def _first_dimension(elems_flat: list) -> Dimension:
    first = Dimension(None)
    for elem in elems_flat:
        if elem.shape.ndims:
            first = first.merge_with(Dimension(elem.shape.as_list()[0]))
    return first


def _convert_elems(elems) -> list:
    flat = [ops.convert_to_tensor(e, name="elem") for e in flatten_structure(elems)]
    for elem in flat:
        if elem.shape.ndims == 0:
            raise ValueError("Elements in elems must be 1+ dimensional Tensors, not scalars")
    return flat


def _unstacked(elems_flat: list, n) -> list[TensorArray]:
    arrays = [TensorArray(dtype=e.dtype, size=n, dynamic_size=False, infer_shape=True)
              for e in elems_flat]
    return [ta.unstack(e) for ta, e in zip(arrays, elems_flat)]


def _stacked(arrays, first: Dimension) -> list:
    results = [ta.stack() for ta in arrays]
    for r in results:
        if r.shape.ndims:
            r.set_shape(TensorShape([first]).concatenate(r.shape.as_list()[1:]))
    return results


def map_fn(fn, elems, dtype=None, parallel_iterations=None, back_prop=True, swap_memory=False,
           infer_shape=True, name=None, fn_output_signature=None):
    """Applies ``fn`` to each element of ``elems`` (unstacked along axis 0) and stacks the
    results (``tf.map_fn``). ``elems`` and ``fn``'s result may be nested; ``dtype`` (or
    ``fn_output_signature``) gives the result's structure and dtypes when they differ from
    ``elems``'."""
    if not callable(fn):
        # As in TF, a non-callable without __name__ fails on the name (AttributeError).
        raise TypeError(f"The provided function {fn.__name__} is not callable. fn must be "
                        "callable.")
    if fn_output_signature is not None:
        dtype = fn_output_signature
    parallel_iterations = 10 if parallel_iterations is None else parallel_iterations
    in_graph_structure = elems
    with ops.name_scope(name, "map", flatten_structure(elems)):
        elems_flat = _convert_elems(elems)
        if dtype is None:
            out_structure = in_graph_structure
            dtypes_flat = [e.dtype for e in elems_flat]
        else:
            out_structure = dtype
            dtypes_flat = [dtypes.as_dtype(d) for d in flatten_structure(dtype)]
        n, _ = _elements_count(elems_flat)
        elems_ta = _unstacked(elems_flat, n)
        i = constant_op.constant(0)
        accs_ta = [TensorArray(dtype=dt, size=n, dynamic_size=False, infer_shape=infer_shape)
                   for dt in dtypes_flat]

        def compute(i, tas):
            values = pack_as(in_graph_structure, [ta.read(i) for ta in elems_ta])
            results = fn(values)
            flat_results = flatten_structure(results)
            if len(flat_results) != len(tas):
                raise ValueError("The two structures don't have the same number of elements."
                                 f"\n\nFirst structure: {out_structure}\n\nSecond structure: "
                                 f"{results}")
            tas = [ta.write(i, value) for ta, value in zip(tas, flat_results)]
            return (i + 1, tas)

        _, r_a = while_loop(lambda i, _: i < n, compute, (i, accs_ta),
                            parallel_iterations=parallel_iterations, back_prop=back_prop,
                            swap_memory=swap_memory, maximum_iterations=n)
        results = _stacked(r_a, _first_dimension(elems_flat))
        return pack_as(out_structure, results)


def scan(fn, elems, initializer=None, parallel_iterations=10, back_prop=True,
         swap_memory=False, infer_shape=True, reverse=False, name=None):
    """The running results of ``a = fn(a, x)`` over the elements ``x`` of ``elems`` (unstacked
    along axis 0), stacked (``tf.scan``). Without ``initializer`` the first element (the last
    when ``reverse``) starts ``a`` and is the first result."""
    if not callable(fn):
        raise TypeError("fn must be callable.")
    with ops.name_scope(name, "scan", flatten_structure(elems)):
        elems_flat = _convert_elems(elems)
        n, _ = _elements_count(elems_flat)
        elems_ta = _unstacked(elems_flat, n)
        if initializer is None:
            first = n - 1 if reverse else 0
            a_flat = [ta.read(first) for ta in elems_ta]
            i = 1
            a_structure = elems
        else:
            a_flat = [ops.convert_to_tensor(init) for init in flatten_structure(initializer)]
            i = 0
            a_structure = initializer
        accs_ta = [TensorArray(dtype=init.dtype, size=n,
                               element_shape=init.shape if infer_shape else None,
                               dynamic_size=False, infer_shape=infer_shape)
                   for init in a_flat]
        if initializer is None:
            accs_ta = [ta.write(n - 1 if reverse else 0, a) for ta, a in zip(accs_ta, a_flat)]

        def compute(i, a_flat, tas):
            packed_elems = pack_as(elems, [ta.read(i) for ta in elems_ta])
            packed_a = pack_as(a_structure, a_flat)
            a_out = fn(packed_a, packed_elems)
            flat_a_out = flatten_structure(a_out)
            tas = [ta.write(i, value) for ta, value in zip(tas, flat_a_out)]
            next_i = i - 1 if reverse else i + 1
            return (next_i, flat_a_out, tas)

        if reverse:
            initial_i = n - 1 - i

            def condition(i, _a, _tas):
                return i >= 0
        else:
            initial_i = i

            def condition(i, _a, _tas):
                return i < n

        _, _, r_a = while_loop(condition, compute, (initial_i, a_flat, accs_ta),
                               parallel_iterations=parallel_iterations, back_prop=back_prop,
                               swap_memory=swap_memory, maximum_iterations=n)
        results = _stacked(r_a, _first_dimension(elems_flat))
        return pack_as(a_structure, results)


def _fold(fn, elems, initializer, parallel_iterations, back_prop, swap_memory, name,
          default_name: str, reverse: bool):
    if not callable(fn):
        raise TypeError("fn must be callable.")
    with ops.name_scope(name, default_name, flatten_structure(elems)):
        elems_flat = _convert_elems(elems)
        n, _ = _elements_count(elems_flat)
        elems_ta = _unstacked(elems_flat, n)
        # foldl counts with a Const from 0 (1 without initializer); foldr down from n.
        if initializer is None:
            start = n - 1 if reverse else 0
            a = pack_as(elems, [ta.read(start) for ta in elems_ta])
            i = start if reverse else constant_op.constant(1)
        else:
            i = n if reverse else constant_op.constant(0)
            a = initializer

        def compute(i, a):
            if reverse:
                i = i - 1
            packed_elems = pack_as(elems, [ta.read(i) for ta in elems_ta])
            a = fn(a, packed_elems)
            return [i if reverse else i + 1, a]

        def condition(i, a):
            return i > 0 if reverse else i < n

        _, r_a = while_loop(condition, compute, [i, a], parallel_iterations=parallel_iterations,
                            back_prop=back_prop, swap_memory=swap_memory, maximum_iterations=n)
        return r_a


def foldl(fn, elems, initializer=None, parallel_iterations=10, back_prop=True,
          swap_memory=False, name=None):
    """``fn`` folded over the elements of ``elems`` from the first (``tf.foldl``): ``a =
    fn(a, x)``; without ``initializer`` the first element starts ``a``."""
    return _fold(fn, elems, initializer, parallel_iterations, back_prop, swap_memory, name,
                 "foldl", reverse=False)


def foldr(fn, elems, initializer=None, parallel_iterations=10, back_prop=True,
          swap_memory=False, name=None):
    """``fn`` folded over the elements of ``elems`` from the last (``tf.foldr``)."""
    return _fold(fn, elems, initializer, parallel_iterations, back_prop, swap_memory, name,
                 "foldr", reverse=True)
