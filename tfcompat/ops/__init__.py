"""Op families: each module registers its op types, public wrappers and gradients together.

Importing any op module first imports the core array and math families, entered through
``array_ops``: they import each other (only that entry order resolves their cycle), and the
Python operators they attach to Tensor (``math/operators.py``) must be there as soon as any op
can make a Tensor, now that ``import tfcompat`` defers the op modules (issue 13).
"""

from tfcompat.ops import array_ops as _array_ops  # noqa: F401 - for its import side effects
