# ruff: noqa: F401
"""``tf.train.queue_runner``: the queue-runner functions under their TF1 module path."""

from tfcompat.platform.unsupported import make_getattr
from tfcompat.training.queue_runner import QueueRunner, add_queue_runner, start_queue_runners

__getattr__ = make_getattr("tf.train.queue_runner", __name__)
