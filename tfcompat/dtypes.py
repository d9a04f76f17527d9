# ruff: noqa: F401
"""``tf.dtypes``: the DType objects, ``as_dtype`` and the casts between dtypes."""

from tfcompat.framework.dtypes import (
    DType,
    as_dtype,
    bfloat16,
    complex64,
    complex128,
    double,
    float16,
    float32,
    float64,
    half,
    int8,
    int16,
    int32,
    int64,
    qint8,
    qint16,
    qint32,
    quint8,
    quint16,
    resource,
    string,
    uint8,
    uint16,
    uint32,
    uint64,
    variant,
)
from tfcompat.framework.dtypes import bool_ as bool  # noqa: A004 - TF's name
from tfcompat.ops.array_extra_ops import saturate_cast
from tfcompat.ops.math.cast import cast
from tfcompat.ops.math_extra_ops import complex  # noqa: A004 - TF's name
from tfcompat.ops.string_ops import as_string
from tfcompat.platform.unsupported import make_getattr

# TF lists the reference variants of the quantized dtypes too.
QUANTIZED_DTYPES = frozenset(
    d for q in (qint8, quint8, qint16, quint16, qint32) for d in (q, q._as_ref))

__getattr__ = make_getattr("tf.dtypes", __name__)
