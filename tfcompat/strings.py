# ruff: noqa: F401
"""``tf.strings``: string manipulation, parsing, hashing and formatting."""

from tfcompat.ops.string_ops import (
    as_string,
    length,
    lower,
    reduce_join,
    regex_full_match,
    regex_replace,
    strip,
    substr,
    upper,
)
from tfcompat.ops.string_ops import string_join as join
from tfcompat.ops.string_ops import string_to_hash_bucket_fast as to_hash_bucket_fast
from tfcompat.ops.string_ops import string_to_hash_bucket_strong as to_hash_bucket_strong
from tfcompat.ops.string_ops import string_to_hash_bucket_v1 as to_hash_bucket
from tfcompat.ops.string_ops import string_to_number as to_number
from tfcompat.ops.string_split_ops import string_format as format  # noqa: A004
from tfcompat.ops.string_split_ops import strings_split as split
from tfcompat.ops.string_split_ops import (
    unicode_encode,
    unicode_transcode,
    unsorted_segment_join,
)
from tfcompat.platform.unsupported import make_getattr

__getattr__ = make_getattr("tf.strings", __name__)

# ---- ragged
from tfcompat.ops.ragged.ragged_string_ops import bytes_split, ngrams
from tfcompat.ops.ragged.ragged_string_ops import ragged_elementwise as _ragged_elementwise
from tfcompat.ops.ragged.ragged_string_ops import ragged_reduce_join as _ragged_reduce_join
from tfcompat.ops.ragged.ragged_string_ops import ragged_string_join as _ragged_string_join
from tfcompat.ops.ragged.ragged_string_ops import ragged_unicode_encode as _ragged_unicode_encode
from tfcompat.ops.ragged.ragged_string_ops import strings_split as split  # noqa: F811
from tfcompat.ops.ragged.unicode_ops import (
    unicode_decode,
    unicode_decode_with_offsets,
    unicode_script,
    unicode_split,
    unicode_split_with_offsets,
)

# Element-wise string ops accept RaggedTensors (applied to the flat values), as in TF.
as_string = _ragged_elementwise(as_string)
length = _ragged_elementwise(length)
lower = _ragged_elementwise(lower)
regex_full_match = _ragged_elementwise(regex_full_match)
regex_replace = _ragged_elementwise(regex_replace)
strip = _ragged_elementwise(strip)
substr = _ragged_elementwise(substr)
to_hash_bucket = _ragged_elementwise(to_hash_bucket)
to_hash_bucket_fast = _ragged_elementwise(to_hash_bucket_fast)
to_hash_bucket_strong = _ragged_elementwise(to_hash_bucket_strong)
upper = _ragged_elementwise(upper)
join = _ragged_string_join(join)
reduce_join = _ragged_reduce_join(reduce_join)
unicode_encode = _ragged_unicode_encode(unicode_encode)
