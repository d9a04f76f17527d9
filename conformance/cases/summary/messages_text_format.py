# Protobuf text format of the messages: float/double spelling, escapes, nesting.
# ruff: noqa: F821 - the runner injects tf, np, show_error and show_error_contains
import math

h = tf.HistogramProto(min=0.1, max=1e20, num=4, sum=1e-12, sum_squares=1.7976931348623157e308)
h.bucket_limit.extend([math.inf, -math.inf, math.nan, 1e16, 123456789012345678.0, 100.0, -0.0,
                       1e-05, 0.0001, 1e15, 12345678.9, 0.30000001192092896, 5e-324])
h.bucket.extend([0, 1, 2.5])
print(h)
for f in [0.9, 1e-08, 3.4e38, 1e10, 16777217, 0.1, 100.0, 1e16, math.nan, math.inf, -0.0,
          1e-45, 123456.7, 1e7, 1e6, 0.0001, 1e-05, 3.0]:
    v = tf.Summary.Value(tag='t', simple_value=f)
    print(repr(str(v)), repr(v.simple_value), v.SerializeToString())
im = tf.Summary.Image(encoded_image_string=bytes(range(256)), height=-1, width=2 ** 31 - 1)
print(im)
print(im.SerializeToString())
print(tf.Summary.Value(tag='h\u00e9llo\n\t"\'\\\x01\x7f'))
print(repr(str(tf.Event())), repr(str(tf.Event(summary=tf.Summary()))))
print(tf.LogMessage(level=tf.LogMessage.WARN, message='careful'))
