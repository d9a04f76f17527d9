"""Graph-level and op-level random seeds (``tf.set_random_seed``, ``tf.get_seed``).

Every random op asks ``get_seed(op_seed)`` for the pair it stores as its ``seed``/``seed2``
attrs; its kernel then keys its Philox stream with that pair (see tfcompat.ops.philox).
"""

from __future__ import annotations

from tfcompat.framework import ops

DEFAULT_GRAPH_SEED = 87654321
_MAXINT32 = 2**31 - 1


def _truncate_seed(seed: int) -> int:
    return seed % _MAXINT32


def set_random_seed(seed) -> None:
    """Sets the graph-level random seed of the default graph.

    Random ops created afterwards in this graph without an op seed get ``(seed, k)``, where
    ``k`` counts the seed requests made so far in the graph, so a program that builds the same
    graph draws the same numbers. ``None`` clears the graph seed.
    """
    ops.get_default_graph().seed = seed


def get_seed(op_seed):
    """The ``(graph_seed, op_seed)`` pair a random op should use.

    Neither seed set: ``(None, None)`` (the op is seeded from OS randomness). Only ``op_seed``:
    ``(87654321, op_seed)``. Only the graph seed: ``(graph_seed, k)`` with ``k`` the number of
    earlier such requests in the graph. Both: ``(graph_seed, op_seed)``. Seeds are taken modulo
    2**31 - 1, and ``(0, 0)``, which would mean "unseeded" to a kernel, becomes
    ``(0, 2**31 - 1)``.
    """
    graph = ops.get_default_graph()
    graph_seed = graph.seed
    if graph_seed is not None:
        if op_seed is None:
            op_seed = graph._seed_requests
            graph._seed_requests += 1
        seeds = (_truncate_seed(graph_seed), _truncate_seed(op_seed))
    elif op_seed is not None:
        seeds = (DEFAULT_GRAPH_SEED, _truncate_seed(op_seed))
    else:
        seeds = (None, None)
    if seeds == (0, 0):
        return 0, _MAXINT32
    return seeds


def derived_seed(seed, salt: str):
    """A second op seed derived from ``seed`` and ``salt`` as TF derives them (dropout per
    tensor, a distribution's second random op): the first 8 hex digits of
    md5(str(seed) + salt), as a positive int32. None stays None."""
    if seed is None:
        return None
    import hashlib  # lazy: few programs derive seeds, and OpenSSL's import is not free

    digest = hashlib.md5((str(seed) + salt).encode("utf-8")).hexdigest()
    return int(digest[:8], 16) & 0x7FFFFFFF
