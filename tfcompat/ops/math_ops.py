# ruff: noqa: F401, F403
"""The math op family: every public name of ``tfcompat/ops/math/``, in one namespace.

The ops live one section each in: ``math/unary.py`` (Exp, Tanh... with their fused grad ops),
``math/binary.py`` (arithmetic, comparisons), ``math/cast.py``, ``math/matmul.py``,
``math/sequences.py`` (AddN, Range, Where), ``math/reductions.py`` (Sum... ArgMax) and
``math/operators.py`` (Python operators on Tensor). Importing this module registers them all.
"""

from tfcompat.ops.math.binary import *
from tfcompat.ops.math.cast import *
from tfcompat.ops.math.matmul import *
from tfcompat.ops.math.operators import *
from tfcompat.ops.math.reductions import *
from tfcompat.ops.math.sequences import *
from tfcompat.ops.math.unary import *
