"""Image ops (``tf.image``): resizing, geometry, crops and pads, colour, statistics.

Each module is one family; kernels follow TF's CPU kernels' coordinate and rounding rules so
float32 results are bit-identical.
"""
