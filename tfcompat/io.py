"""``tf.io``: file access (``tf.io.gfile``) and graph export."""

from tfcompat.framework.graph_export import write_graph
from tfcompat.lib.io.tfrecord import (
    TFRecordCompressionType,
    TFRecordOptions,
    TFRecordWriter,
    tf_record_iterator,
)
from tfcompat.platform import io_gfile as gfile
from tfcompat.platform.unsupported import make_getattr

__getattr__ = make_getattr("tf.io", __name__)
