"""``tf.data.Options`` and ``ThreadingOptions``: accepted and stored."""

from __future__ import annotations


class Options:
    """``tf.data.Options``: accepted and stored (tfcompat's pipelines run in the calling
    thread, so threading and optimization options have no effect)."""

    def __init__(self):
        self.deterministic = None
        self.experimental_deterministic = None
        self.experimental_optimization = _OptionGroup()
        self.experimental_threading = _OptionGroup()
        self.threading = _OptionGroup()
        self.experimental_distribute = _OptionGroup()
        self.autotune = _OptionGroup()


class ThreadingOptions:
    """``tf.data.ThreadingOptions``: accepted and stored (no thread pools in tfcompat)."""

    def __init__(self):
        self.max_intra_op_parallelism = None
        self.private_threadpool_size = None


class _OptionGroup:
    def __setattr__(self, name, value):
        object.__setattr__(self, name, value)

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return None
