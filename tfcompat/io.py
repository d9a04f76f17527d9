"""``tf.io``: file access (``tf.io.gfile``) and graph export."""

from tfcompat.data.readers import match_filenames_once, matching_files
from tfcompat.framework.graph_export import write_graph
from tfcompat.lib.io.tfrecord import (
    TFRecordCompressionType,
    TFRecordOptions,
    TFRecordWriter,
    tf_record_iterator,
)
from tfcompat.ops.csv_ops import decode_csv
from tfcompat.ops.example_parsing_ops import (
    FixedLenFeature,
    FixedLenSequenceFeature,
    SparseFeature,
    VarLenFeature,
    parse_example,
    parse_single_example,
)
from tfcompat.ops.image_codec_ops import (
    decode_and_crop_jpeg,
    decode_bmp,
    decode_gif,
    decode_image,
    decode_jpeg,
    decode_png,
    encode_jpeg,
    encode_png,
    extract_jpeg_shape,
    is_jpeg,
)
from tfcompat.ops.queue_ops import PaddingFIFOQueue, PriorityQueue, QueueBase, RandomShuffleQueue
from tfcompat.ops.record_ops import (
    decode_base64,
    decode_compressed,
    decode_raw,
    encode_base64,
    parse_tensor,
    read_file,
    serialize_tensor,
    write_file,
)
from tfcompat.ops.sequence_parsing_ops import (
    parse_sequence_example,
    parse_single_sequence_example,
)
from tfcompat.ops.sparse_extra_ops import (
    deserialize_many_sparse,
    serialize_many_sparse,
    serialize_sparse,
)
from tfcompat.ops.string_split_ops import decode_json_example
from tfcompat.platform import io_gfile as gfile
from tfcompat.platform.unsupported import make_getattr

__getattr__ = make_getattr("tf.io", __name__)
# ---- data
from tfcompat.ops.proto_ops import decode_proto, encode_proto  # noqa: E402

# ---- ragged
from tfcompat.ops.ragged.ragged_parsing import RaggedFeature

# ---- smalls
# isort: split
from tfcompat.ops.image_quality_ops import decode_webp  # noqa: E402 - same op as tf.image's
