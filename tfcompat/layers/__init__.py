"""``tf.layers``: TF1's layers, building the graphs TF's legacy layers build."""

from tfcompat.platform.lazy_loader import make_lazy_namespace as _make_lazy_namespace
from tfcompat.platform.unsupported import make_getattr

# Every name loads its module on first access (tfcompat/platform/lazy_loader.py), so that
# the namespace costs nothing until a program uses it (issue 13).
_LAZY: dict[str, str] = {}
_LAZY.update({
    "InputSpec": "tfcompat.layers.base:InputSpec",
    "Layer": "tfcompat.layers.base:Layer",
    "Conv2D": "tfcompat.layers.convolutional:Conv2D",
    "conv2d": "tfcompat.layers.convolutional:conv2d",
    "AveragePooling1D": "tfcompat.layers.convolutional_more:AveragePooling1D",
    "Conv1D": "tfcompat.layers.convolutional_more:Conv1D",
    "Conv2DTranspose": "tfcompat.layers.convolutional_more:Conv2DTranspose",
    "MaxPooling1D": "tfcompat.layers.convolutional_more:MaxPooling1D",
    "average_pooling1d": "tfcompat.layers.convolutional_more:average_pooling1d",
    "conv1d": "tfcompat.layers.convolutional_more:conv1d",
    "conv2d_transpose": "tfcompat.layers.convolutional_more:conv2d_transpose",
    "max_pooling1d": "tfcompat.layers.convolutional_more:max_pooling1d",
    "Dense": "tfcompat.layers.core:Dense",
    "Dropout": "tfcompat.layers.core:Dropout",
    "Flatten": "tfcompat.layers.core:Flatten",
    "dense": "tfcompat.layers.core:dense",
    "dropout": "tfcompat.layers.core:dropout",
    "flatten": "tfcompat.layers.core:flatten",
    "BatchNormalization": "tfcompat.layers.normalization:BatchNormalization",
    "batch_normalization": "tfcompat.layers.normalization:batch_normalization",
    "AveragePooling2D": "tfcompat.layers.pooling:AveragePooling2D",
    "MaxPooling2D": "tfcompat.layers.pooling:MaxPooling2D",
    "average_pooling2d": "tfcompat.layers.pooling:average_pooling2d",
    "max_pooling2d": "tfcompat.layers.pooling:max_pooling2d",
    "AveragePooling3D": "tfcompat.layers.convolutional_3d:AveragePooling3D",
    "Conv3D": "tfcompat.layers.convolutional_3d:Conv3D",
    "Conv3DTranspose": "tfcompat.layers.convolutional_3d:Conv3DTranspose",
    "MaxPooling3D": "tfcompat.layers.convolutional_3d:MaxPooling3D",
    "average_pooling3d": "tfcompat.layers.convolutional_3d:average_pooling3d",
    "conv3d": "tfcompat.layers.convolutional_3d:conv3d",
    "conv3d_transpose": "tfcompat.layers.convolutional_3d:conv3d_transpose",
    "max_pooling3d": "tfcompat.layers.convolutional_3d:max_pooling3d",
    "SeparableConv1D": "tfcompat.layers.separable:SeparableConv1D",
    "SeparableConv2D": "tfcompat.layers.separable:SeparableConv2D",
    "separable_conv1d": "tfcompat.layers.separable:separable_conv1d",
    "separable_conv2d": "tfcompat.layers.separable:separable_conv2d",
})


__getattr__, __dir__ = _make_lazy_namespace(__name__, _LAZY, make_getattr("tf.layers", __name__))
