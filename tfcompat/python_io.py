"""``tf.python_io``: TFRecord files."""

from tfcompat.lib.io.tfrecord import (
    TFRecordCompressionType,
    TFRecordOptions,
    TFRecordWriter,
    tf_record_iterator,
)
from tfcompat.platform.unsupported import make_getattr

__getattr__ = make_getattr("tf.python_io", __name__)
