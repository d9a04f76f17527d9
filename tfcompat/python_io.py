"""``tf.python_io``: TFRecord files."""

from tfcompat.platform.unsupported import make_getattr
from tfcompat.summary.tfrecord import (
    TFRecordCompressionType,
    TFRecordOptions,
    TFRecordWriter,
    tf_record_iterator,
)

__getattr__ = make_getattr("tf.python_io", __name__)
