"""Tooling around the tf namespace: unsupported-symbol errors, the known TF1 symbol list, and
the ``check``/``symbols`` reports of ``python -m tfcompat``."""
