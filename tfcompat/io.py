"""``tf.io``: file access (``tf.io.gfile``) and graph export."""

from tfcompat._lazy_names import top_level_targets as _top_level_targets
from tfcompat.platform.lazy_loader import make_lazy_namespace as _make_lazy_namespace
from tfcompat.platform.unsupported import make_getattr

# Every name loads its module on first access (tfcompat/platform/lazy_loader.py), so that
# the namespace costs nothing until a program uses it (issue 13).
_LAZY: dict[str, str] = {}
# Names tf.io shares with the top level load what the top-level name loads (one table says
# where: tfcompat/_core_names.py, tfcompat/_lazy_names.py).
_LAZY.update(_top_level_targets((
    "matching_files", "decode_csv", "FixedLenFeature", "FixedLenSequenceFeature",
    "SparseFeature", "VarLenFeature", "parse_example", "parse_single_example",
    "PaddingFIFOQueue", "PriorityQueue", "QueueBase", "RandomShuffleQueue", "decode_base64",
    "decode_compressed", "decode_raw", "encode_base64", "parse_tensor", "read_file",
    "serialize_tensor", "write_file", "parse_sequence_example",
    "parse_single_sequence_example", "deserialize_many_sparse", "serialize_many_sparse",
    "serialize_sparse", "decode_json_example",
)))
_LAZY.update({
    "match_filenames_once": "tfcompat.data.readers:match_filenames_once",
    "write_graph": "tfcompat.framework.graph_export:write_graph",
    "TFRecordCompressionType": "tfcompat.lib.io.tfrecord:TFRecordCompressionType",
    "TFRecordOptions": "tfcompat.lib.io.tfrecord:TFRecordOptions",
    "TFRecordWriter": "tfcompat.lib.io.tfrecord:TFRecordWriter",
    "tf_record_iterator": "tfcompat.lib.io.tfrecord:tf_record_iterator",
    "decode_and_crop_jpeg": "tfcompat.ops.image_codec_ops:decode_and_crop_jpeg",
    "decode_bmp": "tfcompat.ops.image_codec_ops:decode_bmp",
    "decode_gif": "tfcompat.ops.image_codec_ops:decode_gif",
    "decode_image": "tfcompat.ops.image_codec_ops:decode_image",
    "decode_jpeg": "tfcompat.ops.image_codec_ops:decode_jpeg",
    "decode_png": "tfcompat.ops.image_codec_ops:decode_png",
    "encode_jpeg": "tfcompat.ops.image_codec_ops:encode_jpeg",
    "encode_png": "tfcompat.ops.image_codec_ops:encode_png",
    "extract_jpeg_shape": "tfcompat.ops.image_codec_ops:extract_jpeg_shape",
    "is_jpeg": "tfcompat.ops.image_codec_ops:is_jpeg",
    "gfile": "tfcompat.platform.io_gfile",
})

__getattr__, __dir__ = _make_lazy_namespace(__name__, _LAZY, make_getattr("tf.io", __name__))
# ---- data
_LAZY.update({
    "decode_proto": "tfcompat.ops.proto_ops:decode_proto",
    "encode_proto": "tfcompat.ops.proto_ops:encode_proto",
    "RaggedFeature": "tfcompat.ops.ragged.ragged_parsing:RaggedFeature",
    "decode_webp": "tfcompat.ops.image_quality_ops:decode_webp",
})
