# ruff: noqa: F401, F403
"""The array op family: every public name of ``tfcompat/ops/array/``, in one namespace.

Where each op lives: ``array/core.py`` (Placeholder, Identity, Shape/Size/Rank),
``array/reshaping.py`` (Reshape, ExpandDims, Squeeze, Transpose, Fill, zeros/ones),
``array/concat_split.py`` (ConcatV2, Pack, Unpack, Split, SplitV), ``array/select_broadcast.py``
(Select, BroadcastTo, Unique, Bitcast), ``array/strided_slice.py`` (Slice, StridedSlice),
``array/getitem.py`` (``Tensor.__getitem__``, boolean_mask), ``array/gather.py`` (GatherV2,
UnsortedSegmentSum), ``array/pad.py``, ``array/tile_reverse.py``, ``array/one_hot_setdiff.py`` and
``array/scan.py`` (Cumsum, Cumprod). Importing this module registers them all.
"""

from tfcompat.ops.array.concat_split import *
from tfcompat.ops.array.core import *
from tfcompat.ops.array.gather import *
from tfcompat.ops.array.getitem import *
from tfcompat.ops.array.one_hot_setdiff import *
from tfcompat.ops.array.pad import *
from tfcompat.ops.array.reshaping import *
from tfcompat.ops.array.scan import *
from tfcompat.ops.array.select_broadcast import *
from tfcompat.ops.array.slice_common import newaxis
from tfcompat.ops.array.strided_slice import *
from tfcompat.ops.array.tile_reverse import *
