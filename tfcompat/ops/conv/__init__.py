"""The convolution family: window geometry (``window.py``), convolutions (``conv2d.py``) and
pooling (``pooling.py``). ``tfcompat.ops.conv_ops`` re-exports them all."""
