"""Image ops (``tf.image``): resizing, geometry, crops and pads, colour, statistics.

Each module is one family; kernels follow TF's CPU kernels' coordinate and rounding rules so
float32 results are bit-identical.

Every image op is registered ``foldable=False``: TF never evaluates them while inferring
shapes, so a static shape that depends on their values (e.g. the number of boxes NMS keeps)
stays unknown, as in TF.
"""
