"""``tf.layers``: TF1's layers, building the graphs TF's legacy layers build."""

from tfcompat.layers.base import InputSpec, Layer  # noqa: F401 - re-exports
from tfcompat.layers.convolutional import Conv2D, conv2d  # noqa: F401
from tfcompat.layers.convolutional_more import (  # noqa: F401
    AveragePooling1D,
    Conv1D,
    Conv2DTranspose,
    MaxPooling1D,
    average_pooling1d,
    conv1d,
    conv2d_transpose,
    max_pooling1d,
)
from tfcompat.layers.core import Dense, Dropout, Flatten, dense, dropout, flatten  # noqa: F401
from tfcompat.layers.normalization import BatchNormalization, batch_normalization  # noqa: F401
from tfcompat.layers.pooling import (  # noqa: F401
    AveragePooling2D,
    MaxPooling2D,
    average_pooling2d,
    max_pooling2d,
)

# ---- training
# isort: split
from tfcompat.layers.convolutional_3d import (  # noqa: F401
    AveragePooling3D,
    Conv3D,
    Conv3DTranspose,
    MaxPooling3D,
    average_pooling3d,
    conv3d,
    conv3d_transpose,
    max_pooling3d,
)
from tfcompat.layers.separable import (  # noqa: F401
    SeparableConv1D,
    SeparableConv2D,
    separable_conv1d,
    separable_conv2d,
)

# isort: split
from tfcompat.platform.unsupported import make_getattr

__getattr__ = make_getattr("tf.layers", __name__)
