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
from tfcompat.ops.ragged.ragged_string_ops import strings_split as split  # noqa: F811
from tfcompat.ops.ragged.unicode_ops import (
    unicode_decode,
    unicode_decode_with_offsets,
    unicode_script,
    unicode_split,
    unicode_split_with_offsets,
)
