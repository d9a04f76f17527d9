"""RaggedTensor: tensors whose rows have different lengths, and the ops on them.

Importing any module of this package registers RaggedTensor with the API dispatch
(tfcompat.framework.dispatch), so ``tf.reduce_sum``, ``tf.concat``... accept RaggedTensors.
"""

from tfcompat.ops.ragged import ragged_dispatch  # noqa: F401 - registers the dispatch handlers
